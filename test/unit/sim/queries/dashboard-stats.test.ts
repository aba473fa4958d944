import { describe, expect, it } from 'vitest';
import { dashboardStats } from '../../../../src/sim/queries/dashboard-stats.ts';
import { ROCKETMQ_DEFAULTS } from '../../../../src/model/defaults.ts';
import type { Timeline } from '../../../../src/sim/timeline.ts';
import { masterChangeOf, traceBrokerNode, type MasterChange } from '../../../../src/sim/trace-broker-node.ts';
import { libraryTimeline } from '../../../support/library.ts';

describe('dashboardStats: the store time of each queue\'s last message (Topic status, lastUpdateTime)', () => {
  // Shrink safely: writeQueueNums 8 -> 4 at 60 s. Producers write to queues 4-7 until their next
  // route pull (MQClientInstance's pollNameServerInterval) shows them the new count.
  const SHRINK_MS = 60_000;
  const timeline = libraryTimeline('shrink-safely', 120_000);
  const stats = dashboardStats(timeline);
  const queues = stats.lastStoreTime['broker-a/0']!['TopicTest']!;

  it('a queue no producer writes to any more keeps the time of its last message, from before the producers saw the shrink', () => {
    for (const queueId of [4, 5, 6, 7]) {
      expect(queues[queueId]).toBeGreaterThan(SHRINK_MS - 10_000);
      expect(queues[queueId]).toBeLessThanOrEqual(SHRINK_MS + ROCKETMQ_DEFAULTS.pollNameServerIntervalMs);
    }
  });

  it('a queue still written to has a message from the last seconds', () => {
    for (const queueId of [0, 1, 2, 3]) expect(queues[queueId]).toBeGreaterThan(120_000 - 5_000);
  });
});

describe('dashboardStats: asked again as the playhead moves, it answers as a first ask at that moment', () => {
  // Controller mode: broker-a's master changes at 42 s, so a store's node depends on the master
  // changes met before it. Moments both sides of the election, then back before it.
  const moments = [20_000, 45_000, 100_000, 150_000, 43_000, 41_000, 100_000];
  const moving = libraryTimeline('controller-failover', 0);

  it.each(moments)('at %i ms the totals and the rates equal those of a timeline asked only then', (atMs) => {
    moving.seek(atMs);
    const asked = dashboardStats(moving);
    expect(asked).toEqual(dashboardStats(libraryTimeline('controller-failover', atMs)));
    expect(Object.values(asked.putToday).reduce((sum, n) => sum + n, 0)).toBeGreaterThan(0);
  });

  it('the elected master is counted under its own node after the election', () => {
    moving.seek(150_000);
    const nodes = Object.keys(dashboardStats(moving).putToday).filter((node) => node.startsWith('broker-a/'));
    expect(nodes.length).toBeGreaterThan(1);
  });
});

/**
 * What the trace tells of today's totals: every message.stored on the node that was its
 * `brokerName/brokerId` when it was traced (the master changes recorded before it), and every
 * message.consumed on the node it was pulled from.
 */
function totalsFromTrace(timeline: Timeline): { putToday: Record<string, number>; consumedFrom: Record<string, number> } {
  const putToday: Record<string, number> = {};
  const consumedFrom: Record<string, number> = {};
  const changes: MasterChange[] = [];
  for (const event of timeline.traceSlice(0)) {
    const change = masterChangeOf(timeline.state, event);
    if (change) changes.push(change);
    if (event.type === 'message.stored') {
      const node = traceBrokerNode(timeline.state, changes, event.broker, event.brokerId, event.t);
      putToday[node] = (putToday[node] ?? 0) + 1;
    } else if (event.type === 'message.consumed') {
      const node = traceBrokerNode(timeline.state, changes, event.broker, event.brokerId, event.t);
      consumedFrom[node] = (consumedFrom[node] ?? 0) + 1;
    }
  }
  return { putToday, consumedFrom };
}

describe("dashboardStats: today's totals are the brokers' own counts, as the trace tells them", () => {
  // Masters alone, a master and slaves (each replica a message.stored of the slave), a controller election.
  it.each([
    ['shrink-safely', 120_000],
    ['master-slave-failover', 90_000],
    ['controller-failover', 20_000],
    ['controller-failover', 150_000],
  ])('%s at %i ms', (id, atMs) => {
    const timeline = libraryTimeline(id, atMs);
    const { putToday, getToday } = dashboardStats(timeline);
    const fromTrace = totalsFromTrace(timeline);
    expect({ ...putToday }).toEqual(fromTrace.putToday);
    // A node's gets are what it returned to pulls (BrokerStatsManager.incBrokerGetNums): every message
    // consumed from it, and those pulled but not consumed yet, or pulled again after a rebalance.
    for (const [node, consumed] of Object.entries(fromTrace.consumedFrom)) expect(getToday[node], node).toBeGreaterThanOrEqual(consumed);
    for (const node of Object.keys(getToday)) expect(timeline.state.brokers[node], node).toBeDefined();
    expect(Object.values(putToday).reduce((sum, n) => sum + n, 0)).toBeGreaterThan(0);
    expect(Object.values(getToday).reduce((sum, n) => sum + n, 0)).toBeGreaterThan(0);
  });

  it('a slave counts the replicas it appended under its own node', () => {
    const { putToday } = dashboardStats(libraryTimeline('master-slave-failover', 90_000));
    expect(Object.keys(putToday).filter((node) => !node.endsWith('/0')).length).toBeGreaterThan(0);
  });
});

describe('dashboardStats: consume TPS per group and topic (getConsumeStats asks tpsGroupGetNums(group, topic))', () => {
  // The TPS window counts the messages consumed in the last 10 s by the topic they were pulled from.
  it('a group\'s retry topic, where nothing was consumed, has none of the rate of its own topic', () => {
    const timeline = libraryTimeline('crash-partition-shutdown', 360_000);
    const consumed = timeline.traceSlice(0).filter((e) => e.type === 'message.consumed' && e.t > 350_000);
    expect(consumed.length).toBeGreaterThan(0);
    expect(consumed.every((e) => e.type === 'message.consumed' && e.topic === 'TopicTest')).toBe(true);
    const tps = dashboardStats(timeline).consumeTps['CG_ORDER']!;
    expect(tps['TopicTest']).toBeCloseTo(consumed.length / 10, 5);
    expect(tps['%RETRY%CG_ORDER']).toBeUndefined();
  });
});
