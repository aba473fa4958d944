/**
 * The summary's `groups` (docs/summary.md): per consumer group, the messages its consumers consumed
 * (once per reader, as messages.consumed counts) and its duplicates, which a grading script can
 * count from the trace: `message.consumed` lines of the group, and of them its `message.consumedAgain`.
 */
import { describe, expect, it } from 'vitest';
import { TestSim } from '../support/test-sim.ts';

const SCENARIO = {
  version: 1, durationMs: 90_000,
  nameServers: [{ id: 'ns-1' }],
  brokers: [{ name: 'broker-a' }],
  topics: [{ name: 'T', writeQueueNums: 4, readQueueNums: 4 }, { name: 'Quiet', writeQueueNums: 2, readQueueNums: 2 }],
  producers: [{ id: 'p-1', group: 'PG', topic: 'T', ratePerSec: 10 }],
  consumers: [
    { id: 'c-1', group: 'CG', topic: 'T' }, { id: 'c-2', group: 'CG', topic: 'T' },
    { id: 'b-1', group: 'CG_BC', topic: 'T', messageModel: 'BROADCASTING' },
    { id: 'b-2', group: 'CG_BC', topic: 'T', messageModel: 'BROADCASTING' },
    { id: 'q-1', group: 'CG_QUIET', topic: 'Quiet' },
  ],
  // c-2 dies with up to a commit round's offsets unsent: c-1 reads those messages again.
  timeline: [{ at: 33_000, action: 'crashConsumer', target: 'c-2' }],
};

describe('the summary\'s consumption per group', () => {
  const sim = new TestSim(SCENARIO).at(90_000);
  const summary = sim.summary();
  const consumed = sim.events('message.consumed');
  const again = sim.events('message.consumedAgain');

  it('lists every group of the run, keys sorted, one that consumed nothing with zeros', () => {
    expect(Object.keys(summary.groups)).toEqual(['CG', 'CG_BC', 'CG_QUIET']);
    expect(summary.groups.CG_QUIET).toEqual({ consumed: 0, duplicates: 0 });
  });

  it('counts each group\'s message.consumed lines, of which its message.consumedAgain lines are the duplicates', () => {
    for (const group of ['CG', 'CG_BC']) {
      const lines = consumed.filter((e) => e.group === group).length;
      const duplicates = again.filter((e) => e.group === group).length;
      expect(summary.groups[group], group).toEqual({ consumed: lines - duplicates, duplicates });
    }
    // The crash made duplicates in CG, so the two figures differ there.
    expect(summary.groups.CG!.duplicates).toBeGreaterThan(0);
  });

  it('counts each message once per reader: once for a CLUSTERING group, once per consumer of a BROADCASTING one', () => {
    const distinct = (keys: string[]) => new Set(keys).size;
    expect(summary.groups.CG!.consumed).toBe(distinct(consumed.filter((e) => e.group === 'CG').map((e) => e.msgId)));
    expect(summary.groups.CG_BC!.consumed).toBe(distinct(consumed.filter((e) => e.group === 'CG_BC').map((e) => `${e.consumer} ${e.msgId}`)));
    // Every message sent before the last second reached both broadcasting consumers.
    expect(summary.groups.CG_BC!.consumed).toBeGreaterThan(2 * 800);
  });

  it('adds up, over the groups, to messages.consumed and messages.duplicates', () => {
    const groups = Object.values(summary.groups);
    expect(groups.reduce((sum, group) => sum + group.consumed, 0)).toBe(summary.messages.consumed);
    expect(groups.reduce((sum, group) => sum + group.duplicates, 0)).toBe(summary.messages.duplicates);
  });
});
