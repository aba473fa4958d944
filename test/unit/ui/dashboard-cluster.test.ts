/**
 * The Dashboard asks what RocketMQ's asks: its cluster table lists what GET_BROKER_CLUSTER_INFO
 * returns (the brokers a running NameServer's BrokerData holds, not every process of the
 * scenario), and its status and consumer progress come from the broker selectBrokerAddr picks.
 */
import { runSimQuery } from '../../../src/sim/queries/index.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import { brokersAsked } from '../../../src/sim/queries/brokers-asked.ts';
import { clusterRows, NO_ANSWER, progressRows, statusRows } from '../../../src/ui/insight/dashboard/dashboard-tables.ts';
import { formatTime } from '../../../src/viz/format.ts';
import { routeDiagnostics } from '../../../src/ui/insight/diagnostics/route-diagnostics.ts';
import { writeReadScenario } from '../../component/panels/scenarios.ts';
import { libraryTimeline, masterCrashScenario } from '../../support/library.ts';
import { scenarioOf } from '../../support/test-sim.ts';

function masterCrashAt(atMs: number): Timeline {
  const timeline = new Timeline(scenarioOf(masterCrashScenario()));
  timeline.seek(atMs);
  return timeline;
}

const brokersOf = (timeline: Timeline) => clusterRows(timeline.state, runSimQuery(timeline, 'dashboardStats', {}))?.rows.map((row) => `${row[0]}/${row[1]} ${row[2]}`);

describe('the Dashboard\'s cluster', () => {
  it('drops a master the NameServer removed when it crashed (channelClosed), and keeps its slave', () => {
    const before = libraryTimeline('master-loss-sync-async', 50_000);
    expect(brokersOf(before)).toEqual(['broker-a/0(master) 10.0.1.1:10911', 'broker-a/1(slave) 10.0.1.2:10911', 'broker-b/0(master) 10.0.1.3:10911', 'broker-b/1(slave) 10.0.1.4:10911']);
    const after = masterCrashAt(75_000);
    // Both masters crashed at 60 s; ns-1 removed them at once.
    expect(after.state.brokers['broker-a/0']).toBeDefined();
    expect(brokersOf(after)).toEqual(['broker-a/1(slave) 10.0.1.2:10911', 'broker-b/1(slave) 10.0.1.4:10911']);
  });

  it('keeps a master whose machine lost power: no connection closed, so ns-1 lists it until its scan', () => {
    const after = libraryTimeline('master-loss-sync-async', 75_000);
    expect(brokersOf(after)).toEqual(['broker-a/0(master) 10.0.1.1:10911', 'broker-a/1(slave) 10.0.1.2:10911', 'broker-b/0(master) 10.0.1.3:10911', 'broker-b/1(slave) 10.0.1.4:10911']);
  });

  it('counts a slave\'s own gets once it serves the reads of a master that crashed (BrokerStatsManager on the node that answered the pull)', () => {
    const rowOf = (timeline: Timeline, no: string) => clusterRows(timeline.state, runSimQuery(timeline, 'dashboardStats', {}))!.rows.find((row) => row[0] === 'broker-a' && row[1] === no)!;
    const before = libraryTimeline('master-slave-failover', 50_000);
    expect([rowOf(before, '1(slave)')[5], rowOf(before, '1(slave)')[9]]).toEqual(['0.00', 0]);
    // The slave serves c-1 from about 95 s: at 100 s it has returned a first batch to pulls, none of it consumed yet.
    const after = libraryTimeline('master-slave-failover', 100_000);
    const slave = after.state.brokers['broker-a/1']!;
    const fromSlave = after.traceSlice(0).filter((e) => e.type === 'message.consumed' && e.broker === 'broker-a' && e.brokerId === 1);
    expect(fromSlave).toEqual([]);
    // Consumer Message TPS over the last 10 s (getGetTransferredTps(10)), and today's gets: what the slave returned to pulls.
    const servedAt90 = libraryTimeline('master-slave-failover', 90_000).state.brokers['broker-a/1']!.messagesServed;
    expect(slave.messagesServed).toBeGreaterThan(servedAt90);
    expect(Number(rowOf(after, '1(slave)')[5])).toBeCloseTo((slave.messagesServed - servedAt90) / 10, 2);
    expect(rowOf(after, '1(slave)')[9]).toBe(slave.messagesServed);
    expect(slave.messagesServed).toBeGreaterThan(0);
  });

  it('asks the first running NameServer, and has nobody to ask while none runs', () => {
    const crash = (target: string) => ({ at: 15_000, action: 'crashNameServer' as const, target });
    const oneDown = new Timeline(writeReadScenario({ timeline: [crash('ns-1')] }));
    oneDown.seek(20_000);
    expect(clusterRows(oneDown.state, undefined)?.nameServer).toBe('ns-2');
    const bothDown = new Timeline(writeReadScenario({ timeline: [crash('ns-1'), crash('ns-2')] }));
    bothDown.seek(20_000);
    expect(clusterRows(bothDown.state, undefined)).toBeNull();
  });
});

describe('a broker the NameServer lists that does not answer (crash vs partition vs shutdown)', () => {
  // broker-a crashed at 60 s (dropped at once), broker-b is cut off by a partition at 90 s.
  it('keeps its row with no answer, names it with when ns-1 drops it, and leaves its queues out of the status', () => {
    const timeline = libraryTimeline('crash-partition-shutdown', 100_000);
    const live = timeline.state.nameServers['ns-1']!.brokerLiveTable['10.0.1.2:10911']!;
    const cluster = clusterRows(timeline.state, runSimQuery(timeline, 'dashboardStats', {}))!;
    expect(cluster.rows.map((row) => row.slice(0, 3))).toEqual([['broker-b', '0(master)', '10.0.1.2:10911'], ['broker-c', '0(master)', '10.0.1.3:10911']]);
    expect(cluster.rows[0]!.slice(3)).toEqual(Array(7).fill(NO_ANSWER));
    expect(cluster.rows[1]![3]).toBe('V5_3_3');
    expect(cluster.rows[1]![8]).toBe(timeline.state.brokers['broker-c/0']!.commitLog.length);
    expect(cluster.silent).toEqual([{ node: 'broker-b/0', addr: '10.0.1.2:10911', why: 'partitioned', dropsAt: live.lastUpdateTimestamp + 120_000 }]);
    const asked = brokersAsked(timeline.state)!;
    expect(asked.silent.map((broker) => broker.node)).toEqual(['broker-b/0']);
    expect(asked.brokers.map((broker) => broker.node)).toEqual(['broker-c/0']);
    expect(new Set(statusRows('TopicTest', asked, undefined, formatTime).map((row) => row[0]))).toEqual(new Set(['broker-c']));
  });

  it('in the millisecond the close of crashed broker-a/0 is on its way to ns-1: down, refused, dropped as the close arrives, not a silent wait; route diagnostics list no NameServer waiting for it', () => {
    // broker-a crashes at 60 s; its close reaches ns-1 one hop (1 ms) later: at 60 s ns-1 still lists it.
    const timeline = libraryTimeline('crash-partition-shutdown', 60_000);
    const ns1 = timeline.state.nameServers['ns-1']!;
    expect(Object.values(ns1.brokerLiveTable).map((live) => live.node)).toContain('broker-a/0');
    expect(clusterRows(timeline.state, undefined)!.silent).toEqual([{ node: 'broker-a/0', addr: '10.0.1.1:10911', why: 'down', dropsAt: null }]);
    const noMaster = routeDiagnostics(timeline.state, timeline.summary(), timeline.scenario).find((f) => f.kind === 'noMaster');
    expect(noMaster).toMatchObject({ broker: 'broker-a', listedBy: [] });
  });

  it('is gone from the cluster once ns-1 drops it, and nothing is silent', () => {
    const timeline = libraryTimeline('crash-partition-shutdown', 200_000);
    const cluster = clusterRows(timeline.state, undefined)!;
    expect(cluster.rows.map((row) => row[0])).toEqual(['broker-c']);
    expect(cluster.silent).toEqual([]);
    expect(brokersAsked(timeline.state)!.silent).toEqual([]);
  });
});

describe('the Dashboard\'s consumer progress of a group whose consumers start late (40 s)', () => {
  it('shows nothing before any broker holds an offset of the group (whichTopicByConsumer: "offset table is empty"), then its queues', () => {
    const before = libraryTimeline('shrink-safely', 30_000);
    expect(Object.values(before.state.brokers).some((broker) => broker.consumerOffsetTable['CG_ORDER'] !== undefined)).toBe(false);
    expect(progressRows(before.state, brokersAsked(before.state)!, undefined, formatTime)).toEqual([]);
    const after = libraryTimeline('shrink-safely', 45_000);
    expect(progressRows(after.state, brokersAsked(after.state)!, undefined, formatTime).map((p) => [p.group, p.topic])).toEqual([['CG_ORDER', 'TopicTest']]);
  });
});

describe('the Dashboard\'s topic status after an unsafe shrink (read and write 8 -> 4)', () => {
  it('lists queue ids below max(writeQueueNums, readQueueNums) only (getTopicStatsInfo): the stranded queues 4-7 are in no admin view', () => {
    const timeline = libraryTimeline('shrink-unsafely', 180_000);
    const asked = brokersAsked(timeline.state)!;
    const ids = statusRows('TopicTest', asked, undefined, formatTime).map((row) => `${row[0]}:${row[1]}`);
    expect(ids).toEqual(['broker-a', 'broker-b'].flatMap((broker) => [0, 1, 2, 3].map((id) => `${broker}:${id}`)));
    expect(timeline.state.brokers['broker-a/0']!.consumeQueues['TopicTest']).toHaveLength(8);
    expect(timeline.summary().messages.neverConsumable).toBeGreaterThan(0);
  });
});

describe('the Dashboard\'s status and consumer progress ask each brokerName\'s master, else its slave (BrokerData.selectBrokerAddr)', () => {
  it('reads the masters while the NameServer lists them', () => {
    const timeline = libraryTimeline('master-loss-sync-async', 50_000);
    const asked = brokersAsked(timeline.state)!;
    expect(asked.brokers.map((broker) => broker.node)).toEqual(['broker-a/0', 'broker-b/0']);
    expect(asked.slaves).toEqual([]);
  });

  it('after both masters crashed, reads their slaves: the slaves\' max offsets and the offsets the slaves hold', () => {
    const timeline = masterCrashAt(75_000);
    const asked = brokersAsked(timeline.state)!;
    expect(asked.slaves.map((broker) => broker.node)).toEqual(['broker-a/1', 'broker-b/1']);
    const stats = runSimQuery(timeline, 'dashboardStats', {});
    const slaveA = timeline.state.brokers['broker-a/1']!;
    const masterA = timeline.state.brokers['broker-a/0']!;
    const status = statusRows('TopicTest', asked, stats, formatTime).filter((row) => row[0] === 'broker-a');
    expect(status.length).toBeGreaterThan(0);
    expect(status.map((row) => row[3])).toEqual(slaveA.consumeQueues['TopicTest']!.map((queue) => queue.length));
    // The crashed master holds messages its slave never received (the lesson of the scenario): its max offsets are not the ones shown.
    expect(status.map((row) => row[3])).not.toEqual(masterA.consumeQueues['TopicTest']!.map((queue) => queue.length));
    const progress = progressRows(timeline.state, asked, stats, formatTime)[0]!;
    const rowsA = progress.rows.filter((row) => row[0] === 'broker-a');
    expect(rowsA.length).toBeGreaterThan(0);
    expect(rowsA.map((row) => row[4])).toEqual(rowsA.map((row) => slaveA.consumerOffsetTable[progress.group]?.[`${progress.topic}@${row[1]}`] ?? 0));
    // c-1 consumed from the master what ASYNC replication never copied, and committed that offset
    // to the slave: its diff is negative, unclamped as ConsumeStats.computeTotalDiff sums it.
    for (const row of progress.rows) expect(row[5]).toBe(Number(row[3]) - Number(row[4]));
    expect(progress.rows.some((row) => Number(row[5]) < 0)).toBe(true);
    expect(progress.diffTotal).toBe(progress.rows.reduce((sum, row) => sum + Number(row[5]), 0));
  });

  it('has nobody to ask while no NameServer runs', () => {
    const crash = (target: string) => ({ at: 15_000, action: 'crashNameServer' as const, target });
    const bothDown = new Timeline(writeReadScenario({ timeline: [crash('ns-1'), crash('ns-2')] }));
    bothDown.seek(20_000);
    expect(brokersAsked(bothDown.state)).toBeNull();
  });
});

describe('the Dashboard\'s consumer progress: lastTimestamp per queue and the topic\'s Last Consume Time', () => {
  it('prints the store time of the message below the committed offset as the page\'s clock, N/A at offset 0 (consumerProgress), and the latest as Last Consume Time', () => {
    // "A master down" at 1:40: broker-a's slave answers for its crashed master, broker-b's master for itself.
    const timeline = libraryTimeline('failover-idle-consumer', 100_000);
    const stats = runSimQuery(timeline, 'dashboardStats', {});
    const progress = progressRows(timeline.state, brokersAsked(timeline.state)!, stats, formatTime).find((group) => group.topic === 'TopicTest')!;
    const stored = timeline.traceSlice(0).filter((e) => e.type === 'message.stored' && e.brokerId === 0 && e.topic === 'TopicTest');
    const storeTime = (broker: string, queueId: number, offset: number) => stored.find((e) => e.type === 'message.stored' && e.broker === broker && e.queueId === queueId && e.queueOffset === offset)!.t;
    const expected = progress.rows.map((row) => (Number(row[4]) === 0 ? 'N/A' : formatTime(storeTime(String(row[0]), Number(row[1]), Number(row[4]) - 1))));
    expect(progress.rows.map((row) => row[6])).toEqual(expected);
    expect(expected.filter((time) => time !== 'N/A').length).toBeGreaterThan(4);
    const latest = Math.max(...progress.rows.filter((row) => Number(row[4]) > 0).map((row) => storeTime(String(row[0]), Number(row[1]), Number(row[4]) - 1)));
    expect(progress.lastConsumeTime).toBe(formatTime(latest));
    // Two decimals, as mqadmin consumerProgress prints Consume TPS (%.2f).
    expect(progress.consumeTps).toMatch(/^\d+\.\d\d$/);
  });
});
