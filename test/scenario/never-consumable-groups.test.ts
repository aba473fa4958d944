/**
 * Never consumable with more than one group: what the slowest group neither consumed, committed
 * nor pulled before its queue stopped being readable (docs/summary.md, src/sim/summary.ts).
 */
import { describe, expect, it } from 'vitest';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

/** One broker, T 4/4 at 8 msg/s; readQueueNums drops to 2 at 60 s, so queues 2 and 3 stop being readable (and are still written). */
function shrunkWith(consumers: ScenarioJson['consumers']): ScenarioJson {
  return {
    version: 1, seed: 3, durationMs: 120_000,
    nameServers: [{ id: 'ns-1' }],
    brokers: [{ name: 'broker-a' }],
    topics: [{ name: 'T', writeQueueNums: 4, readQueueNums: 4 }],
    producers: [{ id: 'p-1', group: 'PG', topic: 'T', ratePerSec: 8 }],
    consumers,
    timeline: [{ at: 60_000, action: 'updateTopic', topic: 'T', readQueueNums: 2 }],
  };
}

describe('never consumable with several groups: the slowest group decides', () => {
  it('a MACHINE_ROOM group whose room matches no broker reads nothing of the queues, so all of them count, though the other group consumed most', () => {
    const sim = new TestSim(shrunkWith([
      { id: 'c-1', group: 'CG', topic: 'T' },
      { id: 'c-room', group: 'CG_ROOM', topic: 'T', allocateStrategy: 'MACHINE_ROOM', consumeridcs: ['room1'] },
    ])).advance(120_000);
    expect(sim.events('message.consumed', { group: 'CG_ROOM' })).toEqual([]);
    expect(sim.events('message.consumed', { group: 'CG' }).some((event) => event.queueId >= 2)).toBe(true);
    const unreadable = sim.summary().queues.filter((queue) => !queue.readable);
    expect(unreadable.map((queue) => queue.queueId)).toEqual([2, 3]);
    for (const queue of unreadable) {
      expect(queue.lag.CG_ROOM).toBe(queue.maxOffset);
      expect(queue.lag.CG).toBeLessThan(queue.maxOffset);
      expect(queue.neverConsumable).toBe(queue.maxOffset);
    }
  });

  it('with one group, what it neither consumed nor pulled before the shrink: at most its lag', () => {
    const sim = new TestSim(shrunkWith([{ id: 'c-1', group: 'CG', topic: 'T' }])).advance(120_000);
    const unreadable = sim.summary().queues.filter((queue) => !queue.readable);
    for (const queue of unreadable) {
      expect(queue.neverConsumable).toBeGreaterThan(0);
      expect(queue.neverConsumable).toBeLessThanOrEqual(queue.lag.CG!);
    }
  });

  it('with no group on the topic every message of an unreadable queue counts', () => {
    const { queues } = new TestSim(shrunkWith([])).advance(120_000).summary();
    const unreadable = queues.filter((queue) => !queue.readable);
    expect(unreadable.length).toBe(2);
    for (const queue of unreadable) expect(queue.neverConsumable).toBe(queue.maxOffset);
  });
});
