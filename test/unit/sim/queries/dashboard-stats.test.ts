import { describe, expect, it } from 'vitest';
import { dashboardStats, TPS_WINDOW_MS } from '../../../../src/sim/queries/dashboard-stats.ts';
import { ROCKETMQ_DEFAULTS } from '../../../../src/model/defaults.ts';
import { masterChangeOf, traceBrokerNode, type MasterChange } from '../../../../src/sim/trace-broker-node.ts';
import { Timeline } from '../../../../src/sim/timeline.ts';
import { libraryScenario, libraryTimeline } from '../../../support/library.ts';
import { scenarioOf } from '../../../support/test-sim.ts';

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
 * What the trace tells of today's totals: every master's message.stored on the node that was its
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
    // 5.x (the library's version): a put counts on the master that put it, a slave's replica nowhere (BrokerStatsManager.incBrokerPutNums).
    if (event.type === 'message.stored' && event.brokerId === 0) {
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

});

/** A group's consume TPS on a topic as an admin tool adds it up over the brokers it asks. */
function groupTps(timeline: Timeline, key: string): number | undefined {
  const rates = Object.values(dashboardStats(timeline).groupGetTps).map((byKey) => byKey[key]).filter((rate) => rate !== undefined);
  return rates.length > 0 ? rates.reduce((sum, rate) => sum + rate, 0) : undefined;
}

describe('dashboardStats: consume TPS per group and topic (getConsumeStats asks tpsGroupGetNums(group, topic))', () => {
  it('averages what the brokers returned to the group\'s pulls over the minute StatsItem keeps (7 snapshots, every 10 s); a retry topic nothing was pulled from has none', () => {
    const timeline = libraryTimeline('crash-partition-shutdown', 365_000);
    // The last snapshot is at 360 s, the first of the 7 at 300 s: the gets in between over 60 s.
    const at = (t: number) => Object.values(libraryTimeline('crash-partition-shutdown', t).state.brokers).reduce((sum, b) => sum + (b.groupGetNums['TopicTest@CG_ORDER'] ?? 0), 0);
    expect(groupTps(timeline, 'TopicTest@CG_ORDER')).toBeCloseTo((at(360_000) - at(300_000)) / 60, 5);
    expect(groupTps(timeline, '%RETRY%CG_ORDER@CG_ORDER')).toBeUndefined();
  });
});

describe('dashboardStats: a slow consumer\'s TPS is the produce rate, not its consume rate (what the broker returned to pulls)', () => {
  // "A master down": from 60 s every message goes to broker-b (20 msg/s) and c-2 alone reads it
  // with one thread of 60 ms a message (16.7 msg/s): far below pullThresholdForQueue (1,000 a
  // queue), it pulls every message as it arrives and only its lag grows.
  const timeline = libraryTimeline('failover-idle-consumer', 120_000);
  const rate = timeline.scenario.producers[0]!.ratePerSec;
  const consumedSince = (t: number) => timeline.traceSlice(0).filter((e) => e.type === 'message.consumed' && e.broker === 'broker-b' && e.t > t).length;

  it('broker-b/0\'s Consumer Message TPS over the last 10 s is the produce rate', () => {
    const stats = dashboardStats(timeline);
    expect(stats.getTps['broker-b/0']).toBeCloseTo(rate, 0);
    expect(consumedSince(110_000) / 10).toBeLessThan(rate - 2);
  });

  it('the group\'s Consume TPS over the minute is the produce rate too', () => {
    expect(groupTps(timeline, 'TopicTest@CG_ORDER')).toBeCloseTo(rate, 0);
    expect(consumedSince(60_000) / 60).toBeLessThan(rate - 2);
  });
});

describe('dashboardStats: a slave\'s Today Produce Count (msgPutTotalTodayNow)', () => {
  const inVersion = (version: '4.x' | '5.x') => {
    const scenario = libraryScenario('master-slave-failover');
    const timeline = new Timeline({ ...scenario, config: { ...scenario.config, rocketmqVersion: version } });
    timeline.seek(50_000);
    return timeline;
  };

  it('is 0 in 5.x: BrokerStatsManager counts the send processors\' puts, and a slave\'s replicas never pass them', () => {
    const timeline = inVersion('5.x');
    expect(timeline.state.brokers['broker-a/1']!.commitLog.length).toBeGreaterThan(0);
    const { putToday, putTps } = dashboardStats(timeline);
    expect(putToday['broker-a/1']).toBeUndefined();
    expect(putToday['broker-a/0']).toBe(timeline.state.brokers['broker-a/0']!.commitLog.length);
    // Its putTps (StoreStatsService) still counts the replicas its reput dispatched.
    expect(putTps['broker-a/1']).toBeGreaterThan(0);
  });

  it('counts the replicas in 4.x (StoreStatsService.getPutMessageTimesTotal, which the reput adds to on a slave)', () => {
    const timeline = inVersion('4.x');
    expect(dashboardStats(timeline).putToday['broker-a/1']).toBe(timeline.state.brokers['broker-a/1']!.commitLog.length);
  });
});

describe('dashboardStats: lastTimestamp of consumer progress (AdminBrokerProcessor.getConsumeStats)', () => {
  it('is the store time of the message just below the group\'s committed offset, and absent at offset 0', () => {
    const timeline = libraryTimeline('failover-idle-consumer', 100_000);
    const times = dashboardStats(timeline).lastConsumeTime['broker-b/0']!['CG_ORDER']!;
    const offsets = timeline.state.brokers['broker-b/0']!.consumerOffsetTable['CG_ORDER']!;
    const stored = timeline.traceSlice(0).filter((e) => e.type === 'message.stored' && e.broker === 'broker-b' && e.brokerId === 0);
    let checked = 0;
    for (const [key, offset] of Object.entries(offsets)) {
      const [topic, queueId] = key.split('@');
      const message = stored.find((e) => e.type === 'message.stored' && e.topic === topic && e.queueId === Number(queueId) && e.queueOffset === offset - 1);
      if (offset === 0) expect(times[key]).toBeUndefined();
      else {
        expect(times[key], key).toBe(message!.t);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('dashboardStats: a restarted broker (a new StoreStatsService and BrokerStatsManager, counting from 0)', () => {
  // broker-a crashes at 40 s and starts again at 60 s; p-1 sends 10 msg/s from 1 s, c-1 reads.
  const RESTART = 60_000;
  const scenario = scenarioOf({
    version: 1, seed: 9, durationMs: 120_000,
    nameServers: [{ id: 'ns-1' }],
    brokers: [{ name: 'broker-a' }, { name: 'broker-b' }],
    topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
    producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 10, startAt: 1_000 }],
    consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest', startAt: 1_000 }],
    timeline: [{ at: 40_000, action: 'crashBroker', target: 'broker-a' }, { at: RESTART, action: 'startBroker', target: 'broker-a' }],
  });
  const at = (t: number) => {
    const timeline = new Timeline(scenario);
    timeline.seek(t);
    return timeline;
  };
  const storedSinceRestart = (timeline: Timeline) => timeline.traceSlice(0).filter((e) => e.type === 'message.stored' && e.broker === 'broker-a' && e.t >= RESTART).length;

  it('counts Today Produce Count from its restart', () => {
    const timeline = at(90_000);
    expect(storedSinceRestart(timeline)).toBeGreaterThan(50);
    expect(dashboardStats(timeline).putToday['broker-a/0']).toBe(storedSinceRestart(timeline));
  });

  it('gives its put TPS over the window from what it put since the restart, the old process\'s samples counting as none', () => {
    const timeline = at(RESTART + 5_000);
    const put = timeline.state.brokers['broker-a/0']!.messagesStored;
    expect(put).toBeGreaterThan(0);
    expect(dashboardStats(timeline).putTps['broker-a/0']).toBeCloseTo(put / (TPS_WINDOW_MS / 1_000), 5);
  });

  it('gives the group\'s consume TPS from the snapshots taken since the restart, a zero one a period before the first pull', () => {
    const timeline = at(90_000);
    const served = (t: number) => at(t).state.brokers['broker-a/0']!.groupGetNums['TopicTest@CG'] ?? 0;
    expect(served(RESTART)).toBe(0);
    expect(served(70_000)).toBeGreaterThan(0);
    // Snapshots at 70, 80 and 90 s, and the zero one at 60 s.
    expect(dashboardStats(timeline).groupGetTps['broker-a/0']?.['TopicTest@CG']).toBeCloseTo(served(90_000) / 30, 5);
  });
});
