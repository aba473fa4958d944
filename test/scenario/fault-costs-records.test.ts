/**
 * What each broker fault cost each client, as the model records it on the fault (state.faults:
 * holders, nameServerDrops, failedSends). The expected times come from RocketMQ's rules: a client
 * pulls its routes 10 ms after it starts and every 30 s after (pollNameServerInterval), one topic
 * after another, each answer one hop back; a broker registers at start, 10 s later and every 30 s;
 * a NameServer sees a crashed process's channel close one hop later and closes a silent one 120 s
 * after its last registration (serverChannelMaxIdleTimeSeconds); a send into a partition fails
 * after sendMsgTimeout (3 s), one to a crashed process is refused.
 */
import { describe, expect, it } from 'vitest';
import type { FaultRecord } from '../../src/model/detections.ts';
import { findLibraryEntry } from '../../src/scenario/library/index.ts';
import { masterSlaveCluster } from '../support/cluster.ts';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

const HOP = 1;
const ROUTE_POLL = 30_000;
const FIRST_ROUTE_PULL = 10;
const CHANNEL_MAX_IDLE = 120_000;
const SEND_TIMEOUT = 3_000;
/** Registrations at 1 ms, 10 s + 1 ms, then every 30 s: the last before 50 s is at 40 s + 1 ms. */
const LAST_REGISTRATION_BEFORE_50S = 40_000 + HOP;

/** The cluster (p-1 and c-1 on broker-a and broker-b, two NameServers) with this timeline. */
function cluster(timeline: object[], more: ScenarioJson = {}): TestSim {
  return new TestSim({ ...masterSlaveCluster({ durationMs: 300_000, timeline }), ...more });
}

function faults(sim: TestSim): FaultRecord[] {
  return sim.sim.state.faults;
}

/** The route pull answered first after `t`: the producer's one topic comes back two hops after it asked. */
function routeAnswerAfter(t: number, hops = 2): number {
  const pull = FIRST_ROUTE_PULL + Math.ceil((t - FIRST_ROUTE_PULL) / ROUTE_POLL) * ROUTE_POLL;
  return pull + hops * HOP;
}

/** The trace's send.failed of p-1 to broker-a in [from, until), counted by reason. */
function failuresIn(sim: TestSim, from: number, until: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of sim.events('send.failed', (e) => e.producer === 'p-1' && e.broker === 'broker-a' && e.t >= from && e.t < until)) {
    counts[e.reason] = (counts[e.reason] ?? 0) + 1;
  }
  return counts;
}

describe('state.faults: what a crash of the master cost', () => {
  it('both clients held broker-a/0; each NameServer dropped it one hop later, each client at its next route pull', () => {
    const sim = cluster([{ at: 50_000, action: 'crashBroker', target: 'broker-a' }]).at(120_000);
    const [crash] = faults(sim) as [FaultRecord];
    expect(crash).toMatchObject({ ownedFrom: 50_000, master: true, nameServerDrops: { 'ns-1': 50_000 + HOP, 'ns-2': 50_000 + HOP } });
    const nameServer = sim.last('route.updated', { client: 'p-1' })!.nameServer;
    expect({ ...crash.holders }).toEqual({
      'p-1': { stoppedAt: routeAnswerAfter(50_000), nameServer, nameServerDroppedAt: 50_000 + HOP, unrefreshed: [] },
      // Its round asks TopicTest, then %RETRY%CG, whose route lists broker-a too: two hops more.
      'c-1': { stoppedAt: routeAnswerAfter(50_000, 4), nameServer: 'ns-2', nameServerDroppedAt: 50_000 + HOP, unrefreshed: [] },
    });
    expect(routeAnswerAfter(50_000)).toBe(60_012);
    // Every attempt to broker-a/0 failed before the route dropped it (refused, or its channel closing).
    expect({ ...crash.failedSends['p-1'] }).toEqual(failuresIn(sim, 0, Infinity));
    expect({ ...crash.failedSends['p-1'] }).toEqual({ channelClosed: 1, connectRefused: 25 });
  });

  it('a slave\'s crash: its holders are recorded, but no failed send, since a producer sends a slave nothing', () => {
    const sim = cluster([{ at: 50_000, action: 'crashBroker', target: 'broker-a', brokerId: 1 }]).at(120_000);
    const [crash] = faults(sim) as [FaultRecord];
    expect(crash).toMatchObject({ target: 'broker-a/1', master: false, failedSends: {} });
    expect(Object.keys(crash.holders!)).toEqual(['p-1', 'c-1']);
    expect(crash.holders!['p-1']!.stoppedAt).toBe(routeAnswerAfter(50_000));
  });
});

describe('state.faults: routes that outlive the NameServers\' drop', () => {
  it('with every broker of the topic down, its route pulls bring none (TOPIC_NOT_EXIST) and the cached route stays until a broker is back', () => {
    // broker-a has a slave, broker-b none (test/support/cluster.ts).
    const everyProcess = [{ target: 'broker-a' }, { target: 'broker-a', brokerId: 1 }, { target: 'broker-b' }].map((process) => ({ at: 50_000, action: 'crashBroker', ...process }));
    const sim = cluster([...everyProcess, { at: 100_000, action: 'startBroker', target: 'broker-a' }]).at(150_000);
    const crashB = faults(sim).find((fault) => fault.target === 'broker-b')!;
    // The pulls at 60 s and 90 s find no route; broker-a registers at 100 s, and the pull at 120 s brings its route, without broker-b.
    expect(sim.times('route.pulled', (e) => e.client === 'p-1' && !e.found)).toEqual([routeAnswerAfter(50_000), routeAnswerAfter(80_000)]);
    const returned = routeAnswerAfter(100_000 + HOP);
    expect(crashB.holders!['p-1']).toEqual({ stoppedAt: returned, nameServer: 'ns-2', nameServerDroppedAt: 50_000 + HOP, unrefreshed: ['TopicTest'] });
    // The consumer keeps two routes, its topic's and its group's retry topic's, and neither came.
    expect(crashB.holders!['c-1']).toMatchObject({ stoppedAt: routeAnswerAfter(100_000 + HOP, 4), unrefreshed: ['TopicTest', '%RETRY%CG'] });
  });
});

describe('state.faults: a partition', () => {
  it('sends into the partition that time out after the heal, within sendMsgTimeout, are still the partition\'s', () => {
    const sim = cluster([{ at: 50_000, action: 'partitionBroker', target: 'broker-a' }, { at: 51_000, action: 'healPartition', target: 'broker-a' }]).at(120_000);
    const [partition] = faults(sim) as [FaultRecord];
    expect(partition).toMatchObject({ endedAt: 51_000, nameServerDrops: {} });
    // The NameServers never dropped it (the idle close would have been at 160 s): the routes still list it.
    expect(partition.holders!['p-1']).toEqual({ stoppedAt: null, nameServer: null, nameServerDroppedAt: null, unrefreshed: [] });
    // The channel stayed open through the second-long partition: the first send into it times out at 53 s, after the heal,
    // and closes the channel (clientCloseSocketIfTimeout), failing the 5 sends still waiting on it.
    expect(failuresIn(sim, 51_000, Infinity)).toEqual({ timeout: 1, channelClosed: 5 });
    expect(sim.events('send.failed').map((e) => e.t)).toEqual(Array(6).fill(53_000));
    expect({ ...partition.failedSends['p-1'] }).toEqual(failuresIn(sim, 50_000, 51_000 + SEND_TIMEOUT));
  });
});

describe('state.faults: a crash behind a partition', () => {
  const timeline = [
    { at: 50_000, action: 'partitionBroker', target: 'broker-a' },
    { at: 60_000, action: 'crashBroker', target: 'broker-a' },
  ];

  it('owns nothing while the partition is open: every sign is the partition\'s', () => {
    const sim = cluster(timeline).at(90_000);
    const [partition, crash] = faults(sim) as [FaultRecord, FaultRecord];
    expect(crash).toMatchObject({ ownedFrom: null, holders: null, failedSends: {} });
    expect(partition.failedSends['p-1']).toEqual(failuresIn(sim, 50_000, Infinity));
  });

  it('takes the signs over at the heal: its holders are the clients still listing broker-a/0, dropped after the idle close', () => {
    const sim = cluster([...timeline, { at: 100_000, action: 'healPartition', target: 'broker-a' }]).at(240_000);
    const [partition, crash] = faults(sim) as [FaultRecord, FaultRecord];
    const idleClose = LAST_REGISTRATION_BEFORE_50S + CHANNEL_MAX_IDLE;
    expect(crash).toMatchObject({ ownedFrom: 100_000, master: true, nameServerDrops: { 'ns-1': idleClose, 'ns-2': idleClose } });
    expect(crash.holders!['p-1']).toEqual({ stoppedAt: routeAnswerAfter(idleClose), nameServer: 'ns-2', nameServerDroppedAt: idleClose, unrefreshed: [] });
    expect(routeAnswerAfter(idleClose)).toBe(180_012);
    // Each failure is counted once: by the partition before the heal, by the crash after.
    expect({ ...partition.failedSends['p-1'] }).toEqual(failuresIn(sim, 50_000, 100_000));
    expect({ ...crash.failedSends['p-1'] }).toEqual(failuresIn(sim, 100_000, Infinity));
    expect(partition.holders!['p-1']!.stoppedAt).toBeNull();
  });

  it('a crash that ended before the partition healed never owns', () => {
    const sim = cluster([...timeline, { at: 80_000, action: 'startBroker', target: 'broker-a' }, { at: 100_000, action: 'healPartition', target: 'broker-a' }]).at(240_000);
    const [, crash] = faults(sim) as [FaultRecord, FaultRecord];
    expect(crash).toMatchObject({ endedAt: 80_000, ownedFrom: null, holders: null, failedSends: {} });
  });
});

describe('state.faults: a NameServer that crashes forgets what it listed', () => {
  it('ns-1 dropped broker-a/0 when it crashed; restarted empty, its answer without broker-a drops it from the clients', () => {
    // One NameServer; broker-b (and broker-a's slave) register with the restarted ns-1 at 70 s, the partitioned broker-a/0 cannot.
    const sim = cluster([
      { at: 50_000, action: 'partitionBroker', target: 'broker-a' },
      { at: 65_000, action: 'crashNameServer', target: 'ns-1' },
      { at: 66_000, action: 'startNameServer', target: 'ns-1' },
    ], { nameServers: [{ id: 'ns-1' }] }).at(120_000);
    const [partition] = faults(sim) as [FaultRecord];
    expect(sim.times('broker.registered', (e) => e.broker === 'broker-b' && e.t > 66_000 && e.t < 90_000)).toEqual([70_000 + HOP]);
    expect(partition.nameServerDrops).toEqual({ 'ns-1': 65_000 });
    expect(partition.holders!['p-1']).toEqual({ stoppedAt: routeAnswerAfter(70_000 + HOP), nameServer: 'ns-1', nameServerDroppedAt: 65_000, unrefreshed: [] });
    expect(routeAnswerAfter(70_000 + HOP)).toBe(90_012);
    expect({ ...partition.failedSends['p-1'] }).toEqual(failuresIn(sim, 50_000, 90_012 + SEND_TIMEOUT));
  });
});

describe('state.faults: controller mode', () => {
  it('each NameServer dropped the cut-off old master when the elected one registered brokerId 0 there (RouteInfoManager.registerBroker)', () => {
    const sim = new TestSim(findLibraryEntry('controller-failover')!.scenario as ScenarioJson).at(100_000);
    const [partition] = faults(sim) as [FaultRecord];
    const takeover = (nameServer: string) => sim.first('broker.registered', (e) => e.nameServer === nameServer && e.broker === 'broker-a' && e.brokerId === 0 && e.t > 30_500)!.t;
    expect(partition).toMatchObject({ master: true, nameServerDrops: { 'ns-1': takeover('ns-1'), 'ns-2': takeover('ns-2') } });
  });
});

describe('state.faults: client ids are names', () => {
  it('a producer called "constructor" and a consumer called "__proto__" are holders like any other', () => {
    const json = masterSlaveCluster({ durationMs: 300_000, timeline: [{ at: 50_000, action: 'crashBroker', target: 'broker-a' }] });
    const named = JSON.parse(JSON.stringify(json).replaceAll('"p-1"', '"constructor"').replaceAll('"c-1"', '"__proto__"')) as ScenarioJson;
    const sim = new TestSim(named).at(120_000);
    const [crash] = faults(sim) as [FaultRecord];
    expect(Object.keys(crash.holders!)).toEqual(['constructor', '__proto__']);
    expect(crash.holders!['constructor']!.stoppedAt).toBe(routeAnswerAfter(50_000));
    expect(Object.keys(crash.failedSends)).toEqual(['constructor']);
    expect(Object.values(crash.failedSends['constructor']!).reduce((sum, n) => sum + n, 0)).toBe(sim.events('send.failed', { producer: 'constructor' }).length);
  });
});
