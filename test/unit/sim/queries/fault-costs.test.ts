/**
 * What a broker fault cost each client before it stopped using the broker (the named query
 * faultCosts). The times come from RocketMQ's rules: a NameServer closes a silent broker's channel
 * 120 s after its last activity (serverChannelMaxIdleTimeSeconds), a client pulls its routes every
 * 30 s (pollNameServerInterval) and keeps choosing a broker its route lists, and a SYNC send into
 * a partition waits out sendMsgTimeout (3 s) while one to a crashed process is refused at once. The
 * first timeout closes the client's channel (NettyRemotingClient.invokeSync,
 * clientCloseSocketIfTimeout): the sends waiting on it fail with it, and each later send's connect
 * into the partition times out after connectTimeoutMillis (3 s).
 */
import { describe, expect, it } from 'vitest';
import { findLibraryEntry } from '../../../../src/scenario/library/index.ts';
import { faultCosts, type FaultCost } from '../../../../src/sim/queries/fault-costs.ts';
import { Timeline } from '../../../../src/sim/timeline.ts';
import { libraryTimeline } from '../../../support/library.ts';
import { eventsOf, type Event } from '../../../support/trace-events.ts';
import { scenarioOf, type ScenarioJson } from '../../../support/test-sim.ts';

const SEND_TIMEOUT = 3_000;
const CONNECT_TIMEOUT = 3_000;
const CHANNEL_MAX_IDLE = 120_000;


/** The failed attempts by reason, as a cost's failedSends counts them. */
function countByReason(failed: Event<'send.failed'>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of failed) counts[e.reason] = (counts[e.reason] ?? 0) + 1;
  return counts;
}

function costOf(timeline: Timeline, fault: string, client: string) {
  const found = faultCosts(timeline).faults.find((cost) => cost.fault === fault)!;
  return found.clients.find((cost) => cost.client === client);
}

/** "A master crashes, its slave keeps serving reads" with broker-a partitioned at 30 s first (and healed at `healAt`). */
function crashBehindPartition(healAt?: number): Timeline {
  const file = findLibraryEntry('master-slave-failover')!.scenario as ScenarioJson & { timeline: object[] };
  const heal = healAt === undefined ? [] : [{ at: healAt, action: 'healPartition', target: 'broker-a' }];
  const timeline = [{ at: 30_000, action: 'partitionBroker', target: 'broker-a' }, ...file.timeline, ...heal];
  return new Timeline(scenarioOf({ ...file, timeline }));
}

describe('faultCosts: Broker crash vs partition vs shutdown', () => {
  it('p-1 kept choosing the partitioned broker-b/0 until its route pull after the NameServers\' idle close; each send to it timed out after sendMsgTimeout', () => {
    const timeline = libraryTimeline('crash-partition-shutdown', 215_000);
    const lastActivity = eventsOf(timeline, 'broker.registered', (e) => e.broker === 'broker-b' && e.nameServer === 'ns-1' && e.t < 90_000).at(-1)!.t;
    const removal = lastActivity + CHANNEL_MAX_IDLE;
    const routePull = eventsOf(timeline, 'route.updated', (e) => e.client === 'p-1' && e.t > removal)[0]!;
    expect([lastActivity, removal, routePull.t]).toEqual([70_001, 190_001, 211_012]);
    expect(routePull.writeQueues.some((queue) => queue.startsWith('broker-b:'))).toBe(false);
    // Every failed attempt to broker-b: the first times out 3 s after it was sent and closes the channel, the
    // ones waiting on it fail with it, and each later one's connect times out 3 s after it was sent.
    const failed = eventsOf(timeline, 'send.failed', (e) => e.broker === 'broker-b');
    const sentAt = (e: Event<'send.failed'>) => eventsOf(timeline, 'message.sent', (m) => m.msgId === e.msgId && m.attempt === e.attempt)[0]!.t;
    const [timedOut, ...rest] = failed;
    expect([timedOut!.reason, timedOut!.t - sentAt(timedOut!)]).toEqual(['timeout', SEND_TIMEOUT]);
    for (const e of rest.filter((x) => x.reason === 'channelClosed')) expect(e.t).toBe(timedOut!.t);
    // A send made while a connect is under way waits for that connect (createChannelAsync) and fails with it.
    for (const e of rest.filter((x) => x.reason !== 'channelClosed')) {
      expect(e.reason).toBe('connectTimeout');
      expect(e.t - sentAt(e)).toBeLessThanOrEqual(CONNECT_TIMEOUT);
    }
    expect(failed).toHaveLength(286);
    expect(Math.max(...failed.map((e) => e.t))).toBeLessThanOrEqual(routePull.t + SEND_TIMEOUT);
    expect(costOf(timeline, 'partitionBroker', 'p-1')).toEqual({
      client: 'p-1', stoppedAt: routePull.t, nameServer: 'ns-1', nameServerDroppedAt: removal, failedSends: countByReason(failed), sendMode: 'SYNC',
    });
    // A consumer's failed pull leaves no trace event: its line has its route alone.
    const ns2Removal = eventsOf(timeline, 'broker.removed', (e) => e.broker === 'broker-b' && e.nameServer === 'ns-2')[0]!.t;
    // Its route pull after the removal, of TopicTest and of its retry topic: the last of them drops broker-b.
    const c1Pull = eventsOf(timeline, 'route.updated', (e) => e.client === 'c-1' && e.t > ns2Removal && e.t < ns2Removal + 30_000).at(-1)!;
    expect(Math.floor(c1Pull.t / 1_000)).toBe(211);
    expect(costOf(timeline, 'partitionBroker', 'c-1')).toMatchObject({ stoppedAt: c1Pull.t, nameServer: 'ns-2', nameServerDroppedAt: ns2Removal, failedSends: null });
  });

  it('before that pull, p-1\'s route still lists broker-b/0, and the sends failed so far are counted', () => {
    const timeline = libraryTimeline('crash-partition-shutdown', 150_000);
    const failed = eventsOf(timeline, 'send.failed', (e) => e.broker === 'broker-b');
    expect(costOf(timeline, 'partitionBroker', 'p-1')).toEqual({
      client: 'p-1', stoppedAt: null, nameServer: null, nameServerDroppedAt: null, failedSends: countByReason(failed), sendMode: 'SYNC',
    });
  });

  it('a crashed broker-a/0 refuses at once, and the route pull one second later drops it', () => {
    const timeline = libraryTimeline('crash-partition-shutdown', 215_000);
    const pull = eventsOf(timeline, 'route.updated', (e) => e.client === 'p-1' && e.t > 60_000)[0]!;
    expect(Math.floor(pull.t / 1_000)).toBe(61);
    // p-1's NameServer, ns-1, closes broker-a's channel a hop after the crash (here 1 ms, the hop's jitter).
    const dropped = eventsOf(timeline, 'broker.removed', (e) => e.broker === 'broker-a' && e.nameServer === 'ns-1')[0]!;
    expect([dropped.reason, dropped.t]).toEqual(['channelClosed', 60_001]);
    expect(costOf(timeline, 'crashBroker', 'p-1')).toEqual({
      client: 'p-1', stoppedAt: pull.t, nameServer: 'ns-1', nameServerDroppedAt: dropped.t, failedSends: { connectRefused: 1 }, sendMode: 'SYNC',
    });
  });
});

describe('faultCosts: controller mode', () => {
  it('the elected master takes brokerId 0 at the NameServer: the route stops listing the old master while broker-a keeps its write queues', () => {
    const timeline = libraryTimeline('controller-failover', 200_000);
    const takeover = eventsOf(timeline, 'broker.registered', (e) => e.nameServer === 'ns-2' && e.broker === 'broker-a' && e.brokerId === 0 && e.t > 42_001)[0]!;
    const pull = eventsOf(timeline, 'route.updated', (e) => e.client === 'p-1' && e.t > takeover.t)[0]!;
    expect(pull.writeQueues.some((queue) => queue.startsWith('broker-a:'))).toBe(true);
    expect(costOf(timeline, 'partitionBroker', 'p-1')).toEqual({
      client: 'p-1', stoppedAt: pull.t, nameServer: 'ns-2', nameServerDroppedAt: takeover.t,
      failedSends: countByReason(eventsOf(timeline, 'send.failed', (e) => e.broker === 'broker-a' && e.t <= pull.t + SEND_TIMEOUT)), sendMode: 'SYNC',
    });
  });
});

describe('faultCosts: two faults of one broker process', () => {
  it('a crash behind a partition owns nothing: the partition is credited with every failed send until the route drops broker-a/0', () => {
    const timeline = crashBehindPartition();
    timeline.seek(240_000);
    const [partition, crash] = faultCosts(timeline).faults as [FaultCost, FaultCost];
    expect(crash).toMatchObject({ fault: 'crashBroker', ownedFrom: null, clients: [] });
    const failed = eventsOf(timeline, 'send.failed', (e) => e.broker === 'broker-a');
    // p-1's route pull of 2:30 (every 30 s from 0:00.010 or so) is the first to answer without broker-a/0.
    const dropped = eventsOf(timeline, 'route.updated', (e) => e.client === 'p-1' && e.t > 130_000 && !e.writeQueues.some((queue) => queue.startsWith('broker-a:')))[0]!;
    expect(Math.floor(dropped.t / 1_000)).toBe(150);
    expect(partition.clients.find((cost) => cost.client === 'p-1')).toMatchObject({ stoppedAt: dropped.t, failedSends: countByReason(failed) });
  });

  it('once the partition heals, the crash owns what follows: each failure is counted once, by the fault open first when it came', () => {
    const timeline = crashBehindPartition(100_000);
    timeline.seek(240_000);
    const [partition, crash] = faultCosts(timeline).faults as [FaultCost, FaultCost];
    expect(crash.ownedFrom).toBe(100_000);
    const p1 = (cost: FaultCost) => cost.clients.find((client) => client.client === 'p-1')!;
    expect(p1(partition)).toMatchObject({ stoppedAt: null, failedSends: countByReason(eventsOf(timeline, 'send.failed', (e) => e.broker === 'broker-a' && e.t < 100_000)) });
    const afterHeal = eventsOf(timeline, 'send.failed', (e) => e.broker === 'broker-a' && e.t >= 100_000);
    expect(Math.floor(p1(crash).stoppedAt! / 1_000)).toBe(150);
    expect(p1(crash).stoppedAt).toBe(eventsOf(timeline, 'route.updated', (e) => e.client === 'p-1' && e.t > 150_000)[0]!.t);
    expect(Object.values(p1(crash).failedSends!).reduce((sum, n) => sum + n, 0)).toBe(afterHeal.length);
  });
});

describe('faultCosts: asked again as the playhead moves, it answers as a first ask at that moment', () => {
  const cases: [string, () => Timeline, number[]][] = [
    ['crash-partition-shutdown', () => libraryTimeline('crash-partition-shutdown', 0), [215_000, 100_000, 300_000, 61_000, 211_013, 150_000, 360_000]],
    ['controller-failover', () => libraryTimeline('controller-failover', 0), [45_000, 90_000, 40_000, 60_014, 200_000]],
    ['a crash behind a healed partition', () => crashBehindPartition(100_000), [240_000, 90_000, 120_000, 100_000, 160_000]],
  ];

  it.each(cases)('%s', (_name, create, moments) => {
    const moving = create();
    for (const atMs of moments) {
      moving.seek(atMs);
      const fresh = create();
      fresh.seek(atMs);
      expect(faultCosts(moving)).toEqual(faultCosts(fresh));
    }
  });
});

describe('faultCosts agrees with the model\'s routes at the playhead', () => {
  const library = ['crash-partition-shutdown', 'controller-failover', 'master-slave-failover', 'send-modes-partition', 'failover-idle-consumer', 'partition-idle-vs-scan'];

  it.each(library)('%s: a client whose route still lists an open fault\'s broker caches its address; one whose route dropped it does not', (id) => {
    for (const atMs of [65_000, 120_000, 215_000]) {
      const timeline = libraryTimeline(id, atMs);
      for (const fault of faultCosts(timeline).faults.filter((cost) => cost.endedAt === null)) {
        const addr = timeline.state.brokers[fault.node]!.addr;
        for (const cost of fault.clients) {
          const cached = Object.values(timeline.state.clients[cost.client]!.brokerAddrTable).some((addrs) => Object.values(addrs).includes(addr));
          expect([id, atMs, fault.node, cost.client, cached]).toEqual([id, atMs, fault.node, cost.client, cost.stoppedAt === null]);
        }
      }
    }
  });
});
