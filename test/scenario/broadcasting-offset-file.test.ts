/**
 * A BROADCASTING consumer keeps its offsets in its own file (LocalFileOffsetStore): a queue its
 * rebalance drops has its offset written there (RebalancePushImpl.removeUnnecessaryMessageQueue:
 * persist, then removeOffset, which forgets only the memory's), and when a later rebalance gives
 * the queue back, readOffset(READ_FROM_STORE) finds it: the consumer reads on from there, not
 * from the queue's end as a queue it never read (CONSUME_FROM_LAST_OFFSET).
 */
import { describe, expect, it } from 'vitest';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

const SHRINK = { at: 20_000, action: 'updateTopic', topic: 'T', readQueueNums: 2 };

/** readQueueNums 4 → 2 at 20 s, back to 4 at 60 s: queues 2 and 3 leave the consumer's set, then come back. */
const SHRINK_AND_RAISE: ScenarioJson = {
  version: 1, seed: 5, durationMs: 150_000,
  nameServers: [{ id: 'ns-1' }],
  brokers: [{ name: 'broker-a' }],
  topics: [{ name: 'T', writeQueueNums: 4, readQueueNums: 4 }],
  producers: [{ id: 'p-1', group: 'PG', topic: 'T', ratePerSec: 8 }],
  consumers: [{ id: 'c-bc', group: 'CG_BC', topic: 'T', messageModel: 'BROADCASTING' }],
  timeline: [
    SHRINK,
    { at: 60_000, action: 'updateTopic', topic: 'T', readQueueNums: 4 },
  ],
};

describe('a BROADCASTING consumer given a dropped queue back', () => {
  const sim = new TestSim(SHRINK_AND_RAISE).advance(150_000);
  const queue2 = (e: { topic: string; queueId: number }) => e.topic === 'T' && e.queueId === 2;

  it('loses queue 2 to the shrink and gets it back after the raise (its rebalances, from its route pulls)', () => {
    const has2 = sim.events('rebalance', { consumer: 'c-bc' }).map((e) => e.queues.some((q) => q.endsWith(':2')));
    expect(has2).toEqual([true, false, true]);
  });

  it('reads on from the offset in its file: every message queue 2 got while dropped is consumed', () => {
    const stored = sim.events('message.stored', queue2);
    const consumed = new Set(sim.events('message.consumed', (e) => queue2(e) && e.consumer === 'c-bc').map((e) => e.queueOffset));
    const offsets = [...new Set(stored.map((e) => e.queueOffset))].sort((a, b) => a - b);
    // From its first message (CONSUME_FROM_LAST_OFFSET passed over what came before it started) to its last.
    const [first, last] = [Math.min(...consumed), Math.max(...consumed)];
    const missed = offsets.filter((offset) => offset > first && offset < last && !consumed.has(offset));
    expect(consumed.size).toBeGreaterThan(0);
    expect(missed).toEqual([]);
  });
});

describe('the summary of a BROADCASTING group beside a CLUSTERING one on a shrunk topic', () => {
  it('counts the broadcasting group at the offset its file keeps, not at 0: the slowest group decides what is never consumable', () => {
    const sim = new TestSim({
      ...SHRINK_AND_RAISE,
      consumers: [{ id: 'c-1', group: 'CG', topic: 'T' }, { id: 'c-bc', group: 'CG_BC', topic: 'T', messageModel: 'BROADCASTING' }],
      timeline: [SHRINK],
    }).advance(120_000);
    const queue2 = sim.summary().queues.find((queue) => queue.topic === 'T' && queue.queueId === 2)!;
    const consumedBc = sim.events('message.consumed', (e) => e.queueId === 2 && e.consumer === 'c-bc').map((e) => e.queueOffset);
    expect(queue2.readable).toBe(false);
    expect(queue2.consumerOffsets.CG_BC).toBe(Math.max(...consumedBc) + 1);
    const slowest = Math.min(queue2.consumerOffsets.CG!, queue2.consumerOffsets.CG_BC!);
    expect(queue2.neverConsumable).toBe(queue2.maxOffset - slowest);
  });
});
