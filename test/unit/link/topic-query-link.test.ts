import { describe, expect, it } from 'vitest';
import { encodeLink, readLinkKey } from '../../../src/scenario/link.ts';
import { decodeTopicQuery, encodeTopicQuery, type TopicQuery } from '../../../src/scenario/topic-query-link.ts';
import { scenarioOf } from '../../support/test-sim.ts';

// A topic name as hostile as the validator lets it be, and one only the timeline creates.
const HOSTILE = '%a|b_c-1';

const scenario = scenarioOf({
  version: 1, durationMs: 60_000,
  nameServers: [{ id: 'ns-1' }],
  brokers: [{ name: 'broker-a' }],
  topics: [{ name: 'TopicTest', writeQueueNums: 8, readQueueNums: 4 }, { name: HOSTILE }],
  producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 1 }],
  timeline: [{ at: 30_000, action: 'updateTopic', topic: 'TopicLater', writeQueueNums: 4, readQueueNums: 4, broker: 'broker-a' }],
});

/** A whole link with `tq` as the page writes it (among its other keys), read back as the page reads it. */
function roundTrip(query: TopicQuery): TopicQuery | null {
  const encoded = encodeLink({ version: 1 }, 40_000, { v: 'message', tq: encodeTopicQuery(query) });
  if (!encoded.ok) throw new Error('link too large');
  return decodeTopicQuery(readLinkKey(`#${encoded.fragment}`, 'tq'), scenario);
}

describe('the Message view\'s query by topic and time in a link (tq)', () => {
  it('brings back the topic and both times, whatever the topic is called', () => {
    for (const query of [
      { topic: 'TopicTest', beginMs: 20_000, endMs: 40_000 },
      { topic: HOSTILE, beginMs: 0, endMs: 0 },
      { topic: 'TopicLater', beginMs: 0, endMs: 60_000 },
    ]) expect(roundTrip(query)).toEqual(query);
  });

  it('writes the topic as hex of its UTF-8 bytes, then the times in ms', () => {
    expect(encodeTopicQuery({ topic: 'TopicTest', beginMs: 20_000, endMs: 40_000 })).toBe('546f70696354657374.20000.40000');
  });

  it('survives chat-tool damage around it', () => {
    expect(decodeTopicQuery(readLinkKey('#t=5&amp;tq=546f70696354657374.20000.40000).', 'tq'), scenario)).toEqual({ topic: 'TopicTest', beginMs: 20_000, endMs: 40_000 });
  });

  it('ignores damaged or backwards values, without throwing', () => {
    const damaged = [
      undefined, '', '.', '..', '546f70696354657374', '546f70696354657374.1', '546f70696354657374.1.2.3', '546f70696354657374.-1.5',
      '546f70696354657374.40000.20000', '546f70696354657374.1.1234567890', '546f70696354657374.1e3.2000', '546f70696354657374. 1.2',
      'zz.1.2', '546f7069635465737.1.2', 'ff.1.2', '__proto__.1.2', 'constructor.0.1',
    ];
    for (const value of damaged) expect(decodeTopicQuery(value, scenario), String(value)).toBeNull();
  });

  it('ignores a topic the scenario does not have', () => {
    expect(decodeTopicQuery(encodeTopicQuery({ topic: 'TopicElsewhere', beginMs: 0, endMs: 1 }), scenario)).toBeNull();
    expect(decodeTopicQuery(encodeTopicQuery({ topic: '__proto__', beginMs: 0, endMs: 1 }), scenario)).toBeNull();
  });
});
