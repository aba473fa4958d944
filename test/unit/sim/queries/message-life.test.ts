import { describe, expect, it } from 'vitest';
import { Timeline } from '../../../../src/sim/timeline.ts';
import { runSimQuery } from '../../../../src/sim/queries/index.ts';
import type { TraceEvent } from '../../../../src/model/events.ts';
import { libraryTimeline } from '../../../support/library.ts';

type Stored = Extract<TraceEvent, { type: 'message.stored' }>;

/** The first message stored on broker-a's master in queue `queueId`. */
function firstStored(timeline: Timeline, queueId: number): Stored {
  for (const event of timeline.traceSlice(0)) {
    if (event.type === 'message.stored' && event.broker === 'broker-a' && event.brokerId === 0 && event.queueId === queueId) return event;
  }
  throw new Error(`nothing stored in broker-a queue ${queueId}`);
}

describe('messageLife (write 8 / read 4 at 60 s)', () => {
  const timeline = libraryTimeline('write8-read4', 60_000);

  it('follows a message of a readable queue from its send to its consumption, found by msgId', () => {
    const stored = firstStored(timeline, 1);
    const life = runSimQuery(timeline, 'messageLife', { by: 'msgId', value: stored.msgId.toLowerCase() });
    expect(life.problem).toBeNull();
    expect(life.msgId).toBe(stored.msgId);
    const types = life.events.map((event) => event.type);
    expect(types[0]).toBe('message.sent');
    expect(types).toContain('message.stored');
    expect(types).toContain('send.result');
    expect(types).toContain('message.consumed');
    for (let i = 1; i < life.events.length; i++) expect(life.events[i]!.t).toBeGreaterThanOrEqual(life.events[i - 1]!.t);
    expect(life.found[0]).toMatchObject({ broker: 'broker-a', brokerId: 0, queueId: 1, queueOffset: stored.queueOffset, commitLogOffset: stored.commitLogOffset, offsetMsgId: stored.offsetMsgId });
  });

  it('never shows a consumption for a message in queue 5 (no consumer reads ids at or above readQueueNums 4)', () => {
    const stored = firstStored(timeline, 5);
    const life = runSimQuery(timeline, 'messageLife', { by: 'msgId', value: stored.msgId });
    expect(life.events.map((event) => event.type)).not.toContain('message.consumed');
  });

  it('finds the same message by its offsetMsgId: the storing broker address and CommitLog offset', () => {
    const stored = firstStored(timeline, 2);
    const life = runSimQuery(timeline, 'messageLife', { by: 'offsetMsgId', value: stored.offsetMsgId });
    expect(life.msgId).toBe(stored.msgId);
    expect(life.found).toHaveLength(1);
    expect(life.found[0]!.commitLogOffset).toBe(stored.commitLogOffset);
  });

  it('finds a message by key through the index, keeping only real matches (order-1 is not order-10)', () => {
    const life = runSimQuery(timeline, 'messageLife', { by: 'key', value: 'order-1', topic: 'TopicTest' });
    expect(life.found.map((copy) => copy.keys)).toEqual(['order-1']);
    expect(life.events.some((event) => event.type === 'message.sent' && event.keys === 'order-1')).toBe(true);
    // Its client msgId is indexed too (IndexService indexes UNIQ_KEY).
    const byUniqKey = runSimQuery(timeline, 'messageLife', { by: 'key', value: life.msgId!, topic: 'TopicTest' });
    expect(byUniqKey.msgId).toBe(life.msgId);
  });

  it('looks a key up under its topic only (the index key is topic#key)', () => {
    const none = runSimQuery(timeline, 'messageLife', { by: 'key', value: 'order-1', topic: 'OtherTopic' });
    expect(none.problem).toBe('notFound');
  });

  it('says what is wrong with an id that is not one, or one nothing was stored with', () => {
    expect(runSimQuery(timeline, 'messageLife', { by: 'msgId', value: 'not an id' }).problem).toBe('notAnId');
    expect(runSimQuery(timeline, 'messageLife', { by: 'offsetMsgId', value: '<script>' }).problem).toBe('notAnId');
    expect(runSimQuery(timeline, 'messageLife', { by: 'offsetMsgId', value: '0A00000B0000290A00000000FFFFFFFF' }).problem).toBe('notFound');
  });

  it('answers with plain data a worker can send (structured clone)', () => {
    const life = runSimQuery(timeline, 'messageLife', { by: 'key', value: 'order-3' });
    expect(structuredClone(life)).toEqual(life);
  });
});
