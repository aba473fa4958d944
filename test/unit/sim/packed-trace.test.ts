/**
 * A packed trace segment gives back the events appended to it, as the same JSON, key order
 * included: the Timeline's trace is read through it (frames, queries, the trace hash).
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../src/model/events.ts';
import { createSimulation } from '../../../src/model/index.ts';
import { LIBRARY } from '../../../src/scenario/library/index.ts';
import { TailPacker, unpackTail } from '../../../src/sim/frame/packed-tail.ts';
import { Names, PackedSegment } from '../../../src/sim/packed-trace.ts';
import { scenarioOf, type ScenarioJson } from '../../support/test-sim.ts';

const PACKED_TYPES = ['message.sent', 'message.stored', 'send.result', 'message.consumed', 'offset.committed'];

function packed(events: TraceEvent[]): { segment: PackedSegment; back: TraceEvent[] } {
  const segment = new PackedSegment(new Names());
  for (const event of events) segment.append(event);
  segment.trim();
  return { segment, back: segment.unpack() };
}

const stored = {
  t: 12, type: 'message.stored', broker: 'broker-a', brokerId: 0, topic: 'T', queueId: 3, queueOffset: 7, commitLogOffset: 1_024,
  msgId: '7F00000100002A9F0000000000000001', offsetMsgId: '7F00000100002A9F0000000000000400',
} as const satisfies TraceEvent;

describe('PackedSegment', () => {
  it('gives back every library scenario\'s first two minutes as the same JSON, the busy types packed and the rest the very objects', () => {
    const seen = new Set<string>();
    for (const entry of LIBRARY) {
      const sim = createSimulation(scenarioOf(entry.scenario as ScenarioJson));
      sim.runUntil(120_000);
      const events = sim.trace.toArray();
      const { back } = packed(events);
      expect(back.map((event) => JSON.stringify(event))).toEqual(events.map((event) => JSON.stringify(event)));
      back.forEach((event, i) => {
        expect(event === events[i]).toBe(!PACKED_TYPES.includes(event.type));
        seen.add(event.type);
      });
    }
    expect(PACKED_TYPES.filter((type) => !seen.has(type))).toEqual([]);
  });

  it('keeps as objects the events whose values do not fit: an offset beyond 32 bits, an id not of 32 upper-case hex digits, a time not whole', () => {
    const events: TraceEvent[] = [
      stored,
      { ...stored, commitLogOffset: 2 ** 33 },
      { ...stored, msgId: stored.msgId.toLowerCase() },
      { ...stored, offsetMsgId: 'AB' },
      { ...stored, offsetMsgId: `${stored.offsetMsgId.slice(0, 31)}é` },
      { ...stored, t: 12.5 },
      { t: 13, type: 'send.result', producer: 'p-1', msgId: stored.msgId, status: 'SEND_OK' },
    ];
    const { segment, back } = packed(events);
    expect(back).toEqual(events);
    expect(back.map((event, i) => event === events[i])).toEqual([false, true, true, true, true, true, false]);
    expect(segment.length).toBe(events.length);
  });

  it('packs the five events handed as values (a TraceWriter) as it packs their objects; one whose value does not fit is kept as an equal object', () => {
    const events: TraceEvent[] = [
      { t: 1, type: 'message.sent', producer: 'p-1', msgId: stored.msgId, topic: 'T', tags: 'TagA', keys: 'k1 k2', broker: 'broker-a', queueId: 3, attempt: 1 },
      stored,
      { ...stored, commitLogOffset: 2 ** 33 },
      { t: 13, type: 'send.result', producer: 'p-1', msgId: stored.msgId, status: 'SEND_OK' },
      { t: 14, type: 'message.consumed', consumer: 'c-1', group: 'CG', msgId: stored.msgId, broker: 'broker-a', brokerId: 1, queueId: 3, queueOffset: 7, topic: 'T', reconsumeTimes: 0 },
      { t: 15, type: 'offset.committed', consumer: 'c-1', group: 'CG', broker: 'broker-a', queueId: 3, offset: 8, topic: 'T' },
    ];
    const byValues = new PackedSegment(new Names());
    for (const e of events) {
      if (e.type === 'message.sent') byValues.messageSent(e.t, e.producer, e.msgId, e.topic, e.tags, e.keys, e.broker, e.queueId, e.attempt);
      if (e.type === 'message.stored') {
        byValues.messageStored(e.t, e.broker, e.brokerId, e.topic, e.queueId, e.queueOffset, e.commitLogOffset, e.msgId, e.offsetMsgId);
      }
      if (e.type === 'send.result') byValues.sendResult(e.t, e.producer, e.msgId, e.status);
      if (e.type === 'message.consumed') {
        byValues.messageConsumed(e.t, e.consumer, e.group, e.msgId, e.broker, e.brokerId, e.queueId, e.queueOffset, e.topic, e.reconsumeTimes);
      }
      if (e.type === 'offset.committed') byValues.offsetCommitted(e.t, e.consumer, e.group, e.broker, e.queueId, e.offset, e.topic);
    }
    byValues.trim();
    const { segment: byObjects } = packed(events);
    expect(byValues.unpack().map((event) => JSON.stringify(event))).toEqual(events.map((event) => JSON.stringify(event)));
    expect(byValues.length).toBe(events.length);
    // One event kept as an object: the same words as the objects' segment, none more.
    expect(byValues.bytes).toBe(byObjects.bytes);
  });

  it('writes any range of its events to a frame\'s tail as their values, packed exactly as their objects would be', () => {
    const sim = createSimulation(scenarioOf(LIBRARY.find((entry) => entry.id === 'master-slave-failover')!.scenario as ScenarioJson));
    sim.runUntil(40_000);
    const events = [...sim.trace.toArray(), { ...stored, commitLogOffset: 2 ** 33 }, { ...stored, t: 41_000.5 }, stored];
    const { segment, back } = packed(events);
    const n = events.length;
    let ranges = 0;
    for (const [from, to] of [[0, n], [0, 1], [n - 3, n], [n - 1, n + 5], [7, 7], [n, n]]
      .concat(Array.from({ length: 40 }, (_, i) => [Math.floor((i * n) / 41), Math.floor((i * n) / 41) + 1 + ((i * 37) % 400)]))) {
      const byValues = new TailPacker();
      segment.writeRange(byValues, from!, to!);
      const byObjects = new TailPacker();
      for (const event of back.slice(from, to)) byObjects.add(event);
      // The same words, floats and text: the page cannot tell the two apart.
      expect(byValues.packed()).toEqual(byObjects.packed());
      expect(JSON.stringify(unpackTail(byValues.packed()))).toBe(JSON.stringify(events.slice(from, to)));
      ranges++;
    }
    expect(ranges).toBe(46);
    expect(new Set(events.map((event) => event.type)).size).toBeGreaterThan(PACKED_TYPES.length);
  });

  it('grows past the room it started with, trims what it did not use, and starts the next segment with as much and an eighth', () => {
    const names = new Names();
    const segment = new PackedSegment(names);
    const events = Array.from({ length: 300 }, (_, i) => ({ ...stored, t: i, queueOffset: i }));
    for (const event of events) segment.append(event);
    expect(segment.unpack()).toEqual(events);
    segment.trim();
    // message.stored: 8 words, and 8 of its two ids.
    expect(segment.bytes).toBe(300 * 16 * 4);
    expect(new PackedSegment(names, segment).bytes).toBe(2 * (2_400 + 300) * 4);
  });
});
