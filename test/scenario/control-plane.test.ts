/**
 * The control plane as RocketMQ runs it: brokers registering with every NameServer, NameServers
 * forgetting brokers (channel close, expiry, unregistration), clients choosing a NameServer and
 * refreshing routes, and the rules that turn a route into queues. Every expected number comes
 * from RocketMQ's source (the class in each test's comment), never from a run read back.
 *
 * Jitter is 0 wherever a time is asserted exactly: every message then takes exactly
 * networkLatencyMs = 1 ms.
 */
import { describe, expect, it } from 'vitest';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

/** networkLatencyMs (1 ms, the default) without jitter: one hop takes exactly this long. */
const HOP = 1;
/** BrokerController.start: register at once, then after 10 s, then every registerNameServerPeriod (30 s). */
const REGISTER_INITIAL_DELAY = 10_000;
const REGISTER_PERIOD = 30_000;
/** RouteInfoManager.DEFAULT_BROKER_CHANNEL_EXPIRED_TIME. */
const BROKER_EXPIRED = 120_000;
/** NettyServerConfig.serverChannelMaxIdleTimeSeconds: the NameServer closes a channel idle this long (4.x and 5.x). */
const CHANNEL_MAX_IDLE = 120_000;
/**
 * NamesrvController: scanNotActiveBroker first after 5 ms, then every 5 s (5.x startScheduleService:
 * 5, interval, MILLISECONDS); 4.x's initialize: first after 5 s, then every 10 s.
 */
const SCAN_5X = { initial: 5, period: 5_000 };
const SCAN_4X = { initial: 5_000, period: 10_000 };
/** MQClientInstance.startScheduledTask: first route refresh after 10 ms, then every pollNameServerInterval (30 s). */
const ROUTE_FIRST = 10;
/** RebalanceService (5.2 and later): the consumer's start wakes it minInterval (1 s) later. */
const REBALANCE_FIRST = 1_000;
const ROUTE_PERIOD = 30_000;
/** NettyClientConfig.connectTimeoutMillis and the client's route query timeout (mqClientApiTimeout): 3 s each. */
const CONNECT_TIMEOUT = 3_000;

/** Registration times sent by a broker that started at `start`, up to `until`. */
function registrationTimes(start: number, until: number): number[] {
  const times = [start];
  for (let t = start + REGISTER_INITIAL_DELAY; t <= until; t += REGISTER_PERIOD) times.push(t);
  return times;
}

/** The first scanNotActiveBroker run strictly after `deadline` (the check is lastUpdate + timeout < now). */
function firstScanAfter(deadline: number, { initial, period }: { initial: number; period: number }): number {
  let scan = initial;
  while (scan <= deadline) scan += period;
  return scan;
}

function scenario(parts: Partial<ScenarioJson>): ScenarioJson {
  return {
    version: 1,
    durationMs: 600_000,
    config: { networkJitterMs: 0 },
    nameServers: [{ id: 'ns-1' }, { id: 'ns-2' }],
    brokers: [{ name: 'broker-a' }],
    topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
    ...parts,
  };
}

describe('broker registration (BrokerController.start, BrokerOuterAPI.registerBrokerAll)', () => {
  it('registers with every NameServer at start, again at 10 s, then every 30 s', () => {
    const sim = new TestSim(scenario({})).at(200_000);
    const expected = registrationTimes(0, 200_000).map((t) => t + HOP);
    expect(expected.slice(0, 4)).toEqual([1, 10_001, 40_001, 70_001]);
    for (const nameServer of ['ns-1', 'ns-2']) {
      expect(sim.times('broker.registered', { nameServer, broker: 'broker-a' })).toEqual(expected);
    }
  });

  it('follows the broker start time, not the clock: a broker started at 7 s registers at 7 s, 17 s, 47 s', () => {
    const sim = new TestSim(scenario({ brokers: [{ name: 'broker-a', startAt: 7_000 }] })).at(80_000);
    expect(sim.times('broker.registered', { nameServer: 'ns-1' })).toEqual([7_001, 17_001, 47_001, 77_001]);
  });

  it('holds the period between 10 s and 60 s, as BrokerController.start does: 5 s registers every 10 s, 90 s every 60 s', () => {
    const fast = new TestSim(scenario({ config: { networkJitterMs: 0, brokerHeartbeatIntervalMs: 5_000 } })).at(41_000);
    expect(fast.times('broker.registered', { nameServer: 'ns-1' })).toEqual([0, 10_000, 20_000, 30_000, 40_000].map((t) => t + HOP));
    const slow = new TestSim(scenario({ config: { networkJitterMs: 0, brokerHeartbeatIntervalMs: 90_000 } })).at(141_000);
    expect(slow.times('broker.registered', { nameServer: 'ns-1' })).toEqual([0, 10_000, 70_000, 130_000].map((t) => t + HOP));
  });

  it('marks only the first registration with a NameServer as first', () => {
    const sim = new TestSim(scenario({})).at(50_000);
    expect(sim.events('broker.registered', { nameServer: 'ns-1' }).map((e) => e.first)).toEqual([true, false, false]);
  });

  // AdminBrokerProcessor.updateAndCreateTopic ends with registerBrokerAll at once; the schedule goes on as before.
  it('says why each registration came: start, the periodic schedule, and a topic change registered at once', () => {
    const sim = new TestSim(scenario({ timeline: [{ at: 25_000, action: 'updateTopic', topic: 'TopicTest', readQueueNums: 2 }] })).at(50_000);
    expect(sim.events('broker.registered', { nameServer: 'ns-1', broker: 'broker-a' }).map((e) => [e.t, e.trigger])).toEqual([
      [HOP, 'start'], [REGISTER_INITIAL_DELAY + HOP, 'periodic'], [25_000 + HOP, 'topicChanged'], [REGISTER_INITIAL_DELAY + REGISTER_PERIOD + HOP, 'periodic'],
    ]);
  });
});

describe('how a NameServer forgets a broker (RouteInfoManager, BrokerHousekeepingService)', () => {
  it('removes a crashed broker from every NameServer at once: channelClosed one latency after the crash', () => {
    const sim = new TestSim(scenario({})).advance(60_000).crashBroker('broker-a').advance(1_000);
    const removed = sim.events('broker.removed');
    expect(removed.map(({ t, nameServer, reason }) => ({ t, nameServer, reason }))).toEqual([
      { t: 60_000 + HOP, nameServer: 'ns-1', reason: 'channelClosed' },
      { t: 60_000 + HOP, nameServer: 'ns-2', reason: 'channelClosed' },
    ]);
    expect(sim.route('ns-1').brokers).toEqual([]);
    expect(sim.route('ns-1').topics.TopicTest).toBeUndefined();
  });

  it('removes a partitioned broker when its channel has been idle 120 s, at its last registration + 120 s, before the scan (5.x and 4.x)', () => {
    for (const rocketmqVersion of ['5.x', '4.x']) {
      const sim = new TestSim(scenario({
        config: { networkJitterMs: 0, rocketmqVersion },
        brokers: [{ name: 'broker-a', startAt: 7_000 }],
        timeline: [{ at: 60_000, action: 'partitionBroker', target: 'broker-a' }],
      })).at(200_000);
      const lastRegistration = registrationTimes(7_000, 60_000).at(-1)! + HOP; // 47 001
      const expected = lastRegistration + CHANNEL_MAX_IDLE;
      expect(expected).toBeLessThan(firstScanAfter(lastRegistration + BROKER_EXPIRED, rocketmqVersion === '5.x' ? SCAN_5X : SCAN_4X));
      expect(sim.events('broker.removed').map(({ t, nameServer, reason }) => ({ t, nameServer, reason }))).toEqual([
        { t: expected, nameServer: 'ns-1', reason: 'channelIdle' },
        { t: expected, nameServer: 'ns-2', reason: 'channelIdle' },
      ]);
    }
  });

  // The scan alone, as with serverChannelMaxIdleTimeSeconds 0 (IdleStateHandler then checks nothing).
  it('removes a partitioned broker at the first scan after lastUpdate + 120 s (5.x: scan every 5 s from 5 ms)', () => {
    // Started at 7 s so that the 5.x and 4.x scan grids give different answers.
    const partitionAt = 60_000;
    const sim = new TestSim(scenario({
      config: { networkJitterMs: 0, serverChannelMaxIdleTimeMs: 0 },
      brokers: [{ name: 'broker-a', startAt: 7_000 }],
      timeline: [{ at: partitionAt, action: 'partitionBroker', target: 'broker-a' }],
    })).at(partitionAt);
    const lastRegistration = sim.route('ns-1').lastUpdate['broker-a']!;
    expect(lastRegistration).toBe(registrationTimes(7_000, partitionAt).at(-1)! + HOP); // 47 001
    const expected = firstScanAfter(lastRegistration + BROKER_EXPIRED, SCAN_5X);
    expect(expected).toBe(170_005);

    sim.at(expected - 1);
    expect(sim.events('broker.removed')).toEqual([]);
    expect(sim.route('ns-1').brokers).toEqual(['broker-a']);
    sim.at(expected);
    expect(sim.events('broker.removed').map(({ t, nameServer, reason }) => ({ t, nameServer, reason }))).toEqual([
      { t: expected, nameServer: 'ns-1', reason: 'expired' },
      { t: expected, nameServer: 'ns-2', reason: 'expired' },
    ]);
  });

  it('removes a partitioned broker at the first 10 s scan after lastUpdate + 120 s with rocketmqVersion 4.x', () => {
    const sim = new TestSim(scenario({
      config: { networkJitterMs: 0, rocketmqVersion: '4.x', serverChannelMaxIdleTimeMs: 0 },
      brokers: [{ name: 'broker-a', startAt: 7_000 }],
      timeline: [{ at: 60_000, action: 'partitionBroker', target: 'broker-a' }],
    })).at(200_000);
    const expected = firstScanAfter(47_001 + BROKER_EXPIRED, SCAN_4X);
    expect(expected).toBe(175_000);
    expect(sim.times('broker.removed', { reason: 'expired' })).toEqual([expected, expected]);
  });

  it('brings a healed broker back at its next periodic registration', () => {
    const sim = new TestSim(scenario({
      timeline: [
        { at: 50_000, action: 'partitionBroker', target: 'broker-a' },
        { at: 180_000, action: 'healPartition', target: 'broker-a' },
      ],
    })).at(180_000);
    // Last registration received at 40 001: its channel is idle from then, closed at 160 001.
    expect(sim.times('broker.removed', { nameServer: 'ns-1', reason: 'channelIdle' })).toEqual([40_001 + CHANNEL_MAX_IDLE]);
    expect(sim.route('ns-1').brokers).toEqual([]);
    // Registrations go out at 10 s + 30 s·k; the first after the heal is at 190 s.
    sim.at(190_000 + HOP);
    expect(sim.events('broker.registered', (e) => e.t > 180_000).map(({ t, nameServer, first }) => ({ t, nameServer, first }))).toEqual([
      { t: 190_001, nameServer: 'ns-1', first: true },
      { t: 190_001, nameServer: 'ns-2', first: true },
    ]);
    expect(sim.route('ns-1').brokers).toEqual(['broker-a']);
    expect(sim.route('ns-2').topics.TopicTest?.['broker-a']?.writeQueueNums).toBe(4);
  });

  it('keeps a partition across a restart: the broker comes back cut off, and is listed again only after healPartition', () => {
    const sim = new TestSim(scenario({
      timeline: [
        { at: 50_000, action: 'partitionBroker', target: 'broker-a' },
        { at: 60_000, action: 'crashBroker', target: 'broker-a' },
        { at: 70_000, action: 'startBroker', target: 'broker-a' },
        { at: 205_000, action: 'healPartition', target: 'broker-a' },
      ],
    })).at(205_000);
    // The crash closed nothing the NameServers could see; the restarted broker's registrations
    // (at once, 10 s later, then every 30 s) vanish in the partition like those before it.
    expect(sim.events('broker.registered', (e) => e.t > 50_000)).toEqual([]);
    expect(sim.times('broker.removed', { nameServer: 'ns-1', reason: 'channelIdle' })).toEqual([40_001 + CHANNEL_MAX_IDLE]);
    expect(sim.route('ns-1').brokers).toEqual([]);
    // The partition, still on after the restart, is what the NameServers noticed then.
    expect(sim.summary().detections.filter((d) => d.how === 'channelIdle').map(({ fault, party, noticedAt }) => ({ fault, party, noticedAt }))).toEqual([
      { fault: 'partitionBroker', party: 'ns-1', noticedAt: 40_001 + CHANNEL_MAX_IDLE },
      { fault: 'partitionBroker', party: 'ns-2', noticedAt: 40_001 + CHANNEL_MAX_IDLE },
    ]);
    // Started at 70 s: registrations at 70, 80, 110, 140, 170, 200 s, then 230 s, the first after the heal.
    const firstAfterHeal = 70_000 + REGISTER_INITIAL_DELAY + 5 * REGISTER_PERIOD;
    expect(firstAfterHeal).toBe(230_000);
    sim.at(firstAfterHeal + HOP);
    expect(sim.times('broker.registered', (e) => e.t > 50_000)).toEqual([firstAfterHeal + HOP, firstAfterHeal + HOP]);
  });

  it('removes a shut-down broker by unregistration, one NameServer after the other', () => {
    const sim = new TestSim(scenario({
      nameServers: [{ id: 'ns-1' }, { id: 'ns-2' }, { id: 'ns-3' }],
      timeline: [{ at: 60_000, action: 'shutdownBroker', target: 'broker-a' }],
    })).at(61_000);
    // invokeSync(UNREGISTER_BROKER) to each NameServer in turn: request (1 hop), answer (1 hop), next.
    expect(sim.events('broker.removed').map(({ t, nameServer, reason }) => ({ t, nameServer, reason }))).toEqual([
      { t: 60_001, nameServer: 'ns-1', reason: 'unregistered' },
      { t: 60_003, nameServer: 'ns-2', reason: 'unregistered' },
      { t: 60_005, nameServer: 'ns-3', reason: 'unregistered' },
    ]);
  });

  it('keeps the brokerName with only its slave when the master crashes (the QueueData stays)', () => {
    const sim = new TestSim(scenario({
      brokers: [{ name: 'broker-a' }, { name: 'broker-a', brokerId: 1 }],
      timeline: [{ at: 60_000, action: 'crashBroker', target: 'broker-a' }],
    })).at(61_000);
    expect(sim.events('broker.removed').map((e) => [e.nameServer, e.brokerId])).toEqual([['ns-1', 0], ['ns-2', 0]]);
    const route = sim.route('ns-1');
    expect(route.brokers).toEqual(['broker-a']);
    expect(Object.keys(route.brokerAddrs['broker-a']!)).toEqual(['1']);
    expect(route.topics.TopicTest?.['broker-a']).toMatchObject({ readQueueNums: 4, writeQueueNums: 4 });
  });
});

describe('NameServers never talk to each other (docs/en/architecture.md)', () => {
  it('a restarted NameServer knows no broker until each broker next registers, while the other one has them all', () => {
    const sim = new TestSim(scenario({
      brokers: [{ name: 'broker-a' }, { name: 'broker-b', startAt: 20_000 }],
      timeline: [
        { at: 25_000, action: 'crashNameServer', target: 'ns-2' },
        { at: 26_000, action: 'startNameServer', target: 'ns-2' },
      ],
    })).at(25_500);
    // Down, it answers nothing: the summary does not list the tables it held in memory.
    expect(sim.summary().routes['ns-2']).toEqual({ up: false, brokers: [], topics: {} });
    expect(sim.summary().routes['ns-1']).toMatchObject({ up: true, brokers: ['broker-a', 'broker-b'] });
    sim.at(26_000);
    expect(sim.summary().routes['ns-2']).toEqual({ up: true, brokers: [], topics: {} });
    expect(sim.route('ns-2').brokers).toEqual([]);
    expect(sim.route('ns-2').topics).toEqual({});
    expect(sim.route('ns-1').brokers).toEqual(['broker-a', 'broker-b']);
    // broker-b's next registration: 20 s + 10 s; broker-a's: 10 s + 30 s.
    sim.at(30_000 + HOP);
    expect(sim.route('ns-2').brokers).toEqual(['broker-b']);
    sim.at(40_000);
    expect(sim.route('ns-2').brokers).toEqual(['broker-b']);
    sim.at(40_000 + HOP);
    expect(sim.route('ns-2').brokers).toEqual(['broker-a', 'broker-b']);
    expect(sim.events('broker.registered', { nameServer: 'ns-2', first: true }).map((e) => [e.t, e.broker])).toEqual([
      [1, 'broker-a'], [20_001, 'broker-b'], [30_001, 'broker-b'], [40_001, 'broker-a'],
    ]);
  });

  it('a cut link between a broker and ns-2 makes ns-2 drop the broker (idle channel) while ns-1 keeps it', () => {
    const sim = new TestSim(scenario({
      timeline: [{ at: 50_000, action: 'partitionLink', target: 'broker-a', peer: 'ns-2' }],
    })).at(300_000);
    expect(sim.events('broker.removed').map(({ t, nameServer, reason }) => ({ t, nameServer, reason }))).toEqual([
      { t: 40_001 + CHANNEL_MAX_IDLE, nameServer: 'ns-2', reason: 'channelIdle' },
    ]);
    expect(sim.route('ns-1').brokers).toEqual(['broker-a']);
    expect(sim.route('ns-2').brokers).toEqual([]);
    expect(sim.times('broker.registered', { nameServer: 'ns-1' }).at(-1)).toBe(280_001);
  });
});

describe('which NameServer a client asks (NettyRemotingClient, MQClientInstance)', () => {
  const withConsumer = (parts: Partial<ScenarioJson>) => scenario({
    consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest', messageModel: 'BROADCASTING' }],
    ...parts,
  });

  it('refreshes routes first after 10 ms, then every 30 s', () => {
    // Each updateTopic changes the route, so each refresh that sees it traces route.updated.
    const sim = new TestSim(withConsumer({
      timeline: [
        { at: 15_000, action: 'updateTopic', topic: 'TopicTest', readQueueNums: 6, writeQueueNums: 6 },
        { at: 45_000, action: 'updateTopic', topic: 'TopicTest', readQueueNums: 8, writeQueueNums: 8 },
      ],
    })).at(100_000);
    const query = HOP + HOP; // request and answer
    expect(sim.times('route.updated', { client: 'c-1', topic: 'TopicTest' })).toEqual([
      ROUTE_FIRST + query, ROUTE_FIRST + ROUTE_PERIOD + query, ROUTE_FIRST + 2 * ROUTE_PERIOD + query,
    ]);
    expect(sim.events('route.updated', { client: 'c-1' }).map((e) => e.readQueues.length)).toEqual([4, 6, 8]);
  });

  it('traces every answered route pull (route.pulled), changed or not: each of a consumer\'s topics, its %RETRY% topic too, every 30 s', () => {
    // A clustering consumer subscribes to its group's retry topic as well (copySubscription). One change only (at 15 s).
    const sim = new TestSim(scenario({
      consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest' }],
      timeline: [{ at: 15_000, action: 'updateTopic', topic: 'TopicTest', readQueueNums: 6, writeQueueNums: 6 }],
    })).at(100_000);
    const query = HOP + HOP;
    const rounds = [ROUTE_FIRST, ROUTE_FIRST + ROUTE_PERIOD, ROUTE_FIRST + 2 * ROUTE_PERIOD, ROUTE_FIRST + 3 * ROUTE_PERIOD];
    // updateTopicRouteInfoFromNameServer asks for one topic after another: the second answer one query after the first.
    // The first round finds no %RETRY%CG (c-1's first heartbeat creates it); the first rebalance, a
    // second after the start, asks for it again (findConsumerIdList: no broker of the topic known).
    const answers = sim.events('route.pulled', { client: 'c-1' });
    const [first, ...later] = rounds.map((t) => [t + query, t + 2 * query]);
    expect(answers.map((e) => e.t)).toEqual([...first!, REBALANCE_FIRST + query, ...later.flat()]);
    expect(answers[2]).toMatchObject({ topic: '%RETRY%CG', found: true, changed: true });
    expect(new Set(answers.map((e) => e.topic))).toEqual(new Set(['TopicTest', '%RETRY%CG']));
    const pulled = answers.filter((e) => e.topic === 'TopicTest');
    expect(pulled.map(({ found, changed }) => [found, changed])).toEqual(rounds.map((_, round) => [true, round <= 1]));
    // A changed answer is followed by its route.updated at the same instant; an unchanged one by none.
    expect(sim.times('route.updated', { client: 'c-1', topic: 'TopicTest' })).toEqual(pulled.filter((e) => e.changed).map((e) => e.t));
  });

  it('sticks to one NameServer while its channel is fine', () => {
    const sim = new TestSim(withConsumer({})).at(200_000);
    expect(sim.events('nameServer.chosen')).toHaveLength(1);
    expect(sim.events('nameServer.chosen')[0]?.t).toBe(ROUTE_FIRST);
  });

  describe('a NameServer that is down when the client first picks it (its host refuses the connect)', () => {
    const downAtStart = (version: '4.x' | '5.x') => {
      const { first, other } = firstPick({ ...startingAt1s(version), config: { networkJitterMs: 0, rocketmqVersion: version } });
      const sim = new TestSim(withConsumer({
        ...startingAt1s(version), config: { networkJitterMs: 0, rocketmqVersion: version },
        timeline: [{ at: 500, action: 'crashNameServer', target: first }],
      })).at(40_000);
      return { sim, dead: first, other };
    };
    const firstQuery = 1_000 + ROUTE_FIRST;

    it('4.x: the same route query skips it and asks the next one', () => {
      // The RST comes back a hop later: 4.9.8's createChannel gives no channel, and
      // getAndCreateNameserverChannel's loop takes the next address within the same call.
      const { sim, dead, other } = downAtStart('4.x');
      expect(sim.events('nameServer.chosen').map(({ t, nameServer }) => ({ t, nameServer }))).toEqual([
        { t: firstQuery, nameServer: dead },
        { t: firstQuery + HOP, nameServer: other },
      ]);
      expect(sim.events('route.failed')).toEqual([]);
      expect(sim.first('route.updated', { client: 'c-1' })).toMatchObject({ t: firstQuery + 3 * HOP, nameServer: other });
    });

    it('5.x: the query fails (5.3 takes one address per call: RemotingConnectException), and the next one, at the next refresh, asks the next NameServer', () => {
      const { sim, dead, other } = downAtStart('5.x');
      expect(sim.events('route.failed', { client: 'p-1' })).toEqual([
        { t: firstQuery + HOP, type: 'route.failed', client: 'p-1', topic: 'TopicTest', nameServer: dead, reason: 'connectRefused' },
      ]);
      expect(sim.events('nameServer.chosen').map(({ t, nameServer }) => ({ t, nameServer }))).toEqual([
        { t: firstQuery, nameServer: dead },
        { t: firstQuery + ROUTE_PERIOD, nameServer: other },
      ]);
      expect(sim.first('route.updated', { client: 'p-1' })).toMatchObject({ t: firstQuery + ROUTE_PERIOD + 2 * HOP, nameServer: other });
    });
  });

  it('4.x: fails the route query once every NameServer refused it, and tries again at the next refresh', () => {
    const sim = new TestSim(withConsumer({
      consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest', messageModel: 'BROADCASTING', startAt: 1_000 }],
      config: { networkJitterMs: 0, rocketmqVersion: '4.x' },
      timeline: [{ at: 500, action: 'crashNameServer', target: 'ns-1' }, { at: 500, action: 'crashNameServer', target: 'ns-2' }],
    })).at(33_000);
    const firstQuery = 1_000 + ROUTE_FIRST;
    expect(sim.events('nameServer.chosen', { client: 'c-1' }).map(({ t }) => t)).toEqual([firstQuery, firstQuery + HOP, firstQuery + ROUTE_PERIOD, firstQuery + ROUTE_PERIOD + HOP]);
    expect(sim.events('route.failed', { client: 'c-1' }).map(({ t, reason }) => ({ t, reason }))).toEqual([
      { t: firstQuery + 2 * HOP, reason: 'connectRefused' },
      { t: firstQuery + ROUTE_PERIOD + 2 * HOP, reason: 'connectRefused' },
    ]);
  });

  it('5.x: with every NameServer down each query fails at its own NameServer, the next query taking the next one', () => {
    const sim = new TestSim(withConsumer({
      ...startingAt1s('5.x'),
      timeline: [{ at: 500, action: 'crashNameServer', target: 'ns-1' }, { at: 500, action: 'crashNameServer', target: 'ns-2' }],
    })).at(63_000);
    const firstQuery = 1_000 + ROUTE_FIRST;
    const rounds = [firstQuery, firstQuery + ROUTE_PERIOD, firstQuery + 2 * ROUTE_PERIOD];
    const chosen = sim.events('nameServer.chosen', { client: 'p-1' });
    expect(chosen.map(({ t }) => t)).toEqual(rounds);
    expect(new Set(chosen.slice(0, 2).map((e) => e.nameServer))).toEqual(new Set(['ns-1', 'ns-2']));
    expect(sim.events('route.failed', { client: 'p-1' }).map(({ t, reason, nameServer, passed }) => ({ t, reason, nameServer, passed }))).toEqual(
      chosen.map(({ t, nameServer }) => ({ t: t + HOP, reason: 'connectRefused', nameServer, passed: undefined })),
    );
  });

  /**
   * The client started at 1 s whose route calls a case follows: a 4.x consumer, or a 5.x producer
   * (a 5.x consumer whose start's route query fails shuts itself down, consumer-start-failed.test.ts;
   * a producer asks for its topic's route in the same first round, and its send rate 0 asks no more).
   */
  function startingAt1s(version: '4.x' | '5.x'): Partial<ScenarioJson> {
    return version === '4.x'
      ? { consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest', messageModel: 'BROADCASTING', startAt: 1_000 }] }
      : { consumers: [], producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 0, startAt: 1_000 }] };
  }

  /** The NameServer the client started at 1 s picks first (namesrvIndex + 1 in its shuffled list), and the other. */
  function firstPick(parts: Partial<ScenarioJson>): { first: string; other: string } {
    const probe = new TestSim(withConsumer(parts)).at(1_000);
    const client = probe.client((parts.consumers as unknown[]).length > 0 ? 'c-1' : 'p-1');
    const first = client.namesrvAddrList[(client.namesrvIndex + 1) % client.namesrvAddrList.length]!;
    return { first, other: first === 'ns-1' ? 'ns-2' : 'ns-1' };
  }

  describe('a NameServer cut off before the client connects (no answer to its connect)', () => {
    const cutOff = (version: '4.x' | '5.x') => {
      const { first, other } = firstPick({ ...startingAt1s(version), config: { networkJitterMs: 0, rocketmqVersion: version } });
      const client = version === '4.x' ? 'c-1' : 'p-1';
      const sim = new TestSim(withConsumer({
        ...startingAt1s(version), config: { networkJitterMs: 0, rocketmqVersion: version },
        timeline: [{ at: 500, action: 'partitionLink', target: client, peer: first }, { at: 70_000, action: 'healLink', target: client, peer: first }],
      })).at(120_000);
      return { sim, first, other };
    };
    const firstQuery = 1_000 + ROUTE_FIRST;

    it('4.x: the call waits out the connect, goes on to the next NameServer with its timeout spent, and fails there; every call does, until the link heals', () => {
      // NettyRemotingClient 4.9.8: getAndCreateNameserverChannel waits connectTimeoutMillis for the
      // first address, then connects to the next within the same call; invokeSync then finds its
      // cost (3 s + the connect) past its 3 s timeout and throws RemotingTimeoutException unsent.
      const { sim, first, other } = cutOff('4.x');
      const failed = sim.events('route.failed', { client: 'c-1' });
      expect(failed[0]).toEqual({ t: firstQuery + CONNECT_TIMEOUT + HOP, type: 'route.failed', client: 'c-1', topic: 'TopicTest', nameServer: other, reason: 'timeout', passed: [first] });
      // The next call starts at namesrvIndex + 1: the cut-off one again (two NameServers), and fails the same way.
      expect(failed.every((e) => e.nameServer === other && e.reason === 'timeout' && e.passed?.[0] === first)).toBe(true);
      const healed = 70_000;
      expect(failed.filter((e) => e.t > healed + CONNECT_TIMEOUT + HOP)).toEqual([]);
      expect(sim.times('route.updated', { client: 'c-1' }).filter((t) => t < healed)).toEqual([]);
      // After the heal the next refresh connects to the first NameServer and gets the route.
      const refreshes = Array.from({ length: 4 }, (_, i) => firstQuery + (i + 1) * ROUTE_PERIOD);
      const nextRefresh = refreshes.find((t) => t > healed)!;
      expect(sim.first('route.updated', { client: 'c-1' })).toMatchObject({ t: nextRefresh + 2 * HOP, nameServer: first });
    });

    it('5.x: the call fails with the connect, and the next call takes the next NameServer', () => {
      // 5.x's getAndCreateNameserverChannelAsync takes one address per call; the connect's failure fails the call.
      const { sim, first, other } = cutOff('5.x');
      expect(sim.events('route.failed', { client: 'p-1' })[0]).toEqual({ t: firstQuery + CONNECT_TIMEOUT, type: 'route.failed', client: 'p-1', topic: 'TopicTest', nameServer: first, reason: 'connectTimeout' });
      expect(sim.first('route.updated', { client: 'p-1' })).toMatchObject({ nameServer: other });
      expect(sim.first('route.updated', { client: 'p-1' })!.t).toBeLessThan(firstQuery + ROUTE_PERIOD + 3 * HOP);
    });
  });

  it('drops its NameServer when that one crashes (the channel closes) and asks the next one at the next refresh', () => {
    const probe = new TestSim(withConsumer({})).at(ROUTE_FIRST);
    const chosen = probe.first('nameServer.chosen')!.nameServer;
    const other = chosen === 'ns-1' ? 'ns-2' : 'ns-1';
    const sim = new TestSim(withConsumer({
      timeline: [{ at: 15_000, action: 'crashNameServer', target: chosen }, { at: 16_000, action: 'updateTopic', topic: 'TopicTest', readQueueNums: 2 }],
    })).at(40_000);
    expect(sim.events('nameServer.chosen').map((e) => [e.t, e.nameServer])).toEqual([[ROUTE_FIRST, chosen], [ROUTE_FIRST + ROUTE_PERIOD, other]]);
    expect(sim.events('route.failed')).toEqual([]);
    expect(sim.last('route.updated')).toMatchObject({ t: ROUTE_FIRST + ROUTE_PERIOD + 2 * HOP, nameServer: other });
  });
});

describe('topic placement: cluster mode and broker mode (mqadmin updateTopic -c / -b)', () => {
  const twoBrokers = [{ name: 'broker-a' }, { name: 'broker-b' }, { name: 'broker-c', cluster: 'OtherCluster' }];

  it('cluster mode puts the topic on every master of the cluster with the same counts', () => {
    const sim = new TestSim(scenario({
      brokers: twoBrokers,
      topics: [{ name: 'TopicTest', cluster: 'DefaultCluster', writeQueueNums: 3, readQueueNums: 5, perm: 6 }],
      consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest' }],
    })).at(100);
    expect(sim.route('ns-1').topics.TopicTest).toEqual({
      'broker-a': { brokerName: 'broker-a', writeQueueNums: 3, readQueueNums: 5, perm: 6 },
      'broker-b': { brokerName: 'broker-b', writeQueueNums: 3, readQueueNums: 5, perm: 6 },
    });
    expect(sim.first('route.updated', { topic: 'TopicTest' })).toMatchObject({
      writeQueues: ['broker-a:0', 'broker-a:1', 'broker-a:2', 'broker-b:0', 'broker-b:1', 'broker-b:2'],
      readQueues: ['broker-a:0', 'broker-a:1', 'broker-a:2', 'broker-a:3', 'broker-a:4', 'broker-b:0', 'broker-b:1', 'broker-b:2', 'broker-b:3', 'broker-b:4'],
    });
  });

  it('broker mode puts the topic only on the named brokers, each with its own counts', () => {
    const sim = new TestSim(scenario({
      brokers: twoBrokers,
      topics: [{ name: 'TopicTest', brokers: [{ name: 'broker-b', writeQueueNums: 2, readQueueNums: 1 }, { name: 'broker-c', writeQueueNums: 1, readQueueNums: 3 }] }],
      consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest' }],
    })).at(100);
    expect(sim.route('ns-2').topics.TopicTest).toEqual({
      'broker-b': { brokerName: 'broker-b', writeQueueNums: 2, readQueueNums: 1, perm: 6 },
      'broker-c': { brokerName: 'broker-c', writeQueueNums: 1, readQueueNums: 3, perm: 6 },
    });
    expect(sim.first('route.updated', { topic: 'TopicTest' })).toMatchObject({
      writeQueues: ['broker-b:0', 'broker-b:1', 'broker-c:0'],
      readQueues: ['broker-b:0', 'broker-c:0', 'broker-c:1', 'broker-c:2'],
    });
  });
});

describe('from a route to queues (topicRouteData2TopicPublishInfo / ...SubscribeInfo)', () => {
  const consumer = [{ id: 'c-1', group: 'CG', topic: 'TopicTest' }];

  it('lists write queues broker by broker in brokerName order, ids 0 .. writeQueueNums-1; read queues ids 0 .. readQueueNums-1', () => {
    const sim = new TestSim(scenario({
      // Declared out of order: the client sorts QueueData by brokerName.
      brokers: [{ name: 'broker-c' }, { name: 'broker-a' }, { name: 'broker-b' }],
      topics: [{ name: 'TopicTest', brokers: [
        { name: 'broker-c', writeQueueNums: 1, readQueueNums: 2 },
        { name: 'broker-a', writeQueueNums: 3, readQueueNums: 1 },
        { name: 'broker-b', writeQueueNums: 2, readQueueNums: 2 },
      ] }],
      producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 0 }],
    })).at(100);
    const route = sim.first('route.updated', { client: 'p-1' })!;
    expect(route.writeQueues).toEqual(['broker-a:0', 'broker-a:1', 'broker-a:2', 'broker-b:0', 'broker-b:1', 'broker-c:0']);
    expect([...route.readQueues].sort()).toEqual(['broker-a:0', 'broker-b:0', 'broker-b:1', 'broker-c:0', 'broker-c:1']);
    expect(sim.producer('p-1').publishInfo.TopicTest?.messageQueueList.map((mq) => `${mq.brokerName}:${mq.queueId}`)).toEqual(route.writeQueues);
  });

  it('perm 4 (read only): no write queues for that broker, read queues present', () => {
    const sim = new TestSim(scenario({
      brokers: [{ name: 'broker-a' }, { name: 'broker-b' }],
      topics: [{ name: 'TopicTest', brokers: [{ name: 'broker-a', writeQueueNums: 2, readQueueNums: 2, perm: 4 }, { name: 'broker-b', writeQueueNums: 2, readQueueNums: 2 }] }],
      consumers: consumer,
    })).at(100);
    expect(sim.first('route.updated', { topic: 'TopicTest' })).toMatchObject({
      writeQueues: ['broker-b:0', 'broker-b:1'],
      readQueues: ['broker-a:0', 'broker-a:1', 'broker-b:0', 'broker-b:1'],
    });
  });

  it('perm 2 (write only): write queues for that broker, no read queues', () => {
    const sim = new TestSim(scenario({
      brokers: [{ name: 'broker-a' }, { name: 'broker-b' }],
      topics: [{ name: 'TopicTest', brokers: [{ name: 'broker-a', writeQueueNums: 2, readQueueNums: 2, perm: 2 }, { name: 'broker-b', writeQueueNums: 2, readQueueNums: 2 }] }],
      consumers: consumer,
    })).at(100);
    expect(sim.first('route.updated', { topic: 'TopicTest' })).toMatchObject({
      writeQueues: ['broker-a:0', 'broker-a:1', 'broker-b:0', 'broker-b:1'],
      readQueues: ['broker-b:0', 'broker-b:1'],
    });
  });

  it('a broker with no master (slave only) is skipped by producers but not by consumers', () => {
    const sim = new TestSim(scenario({
      brokers: [{ name: 'broker-a' }, { name: 'broker-b', brokerId: 1 }],
      topics: [{ name: 'TopicTest', brokers: [{ name: 'broker-a', writeQueueNums: 2, readQueueNums: 2 }, { name: 'broker-b', writeQueueNums: 2, readQueueNums: 2 }] }],
      producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 0 }],
      consumers: consumer,
    })).at(100);
    // 5.x: the "prime slave" (lowest id, no master) writes the QueueData.
    expect(sim.route('ns-1').brokerAddrs['broker-b']).toEqual({ 1: '10.0.1.2:10911' });
    for (const client of ['p-1', 'c-1']) {
      expect(sim.first('route.updated', { client, topic: 'TopicTest' })).toMatchObject({
        writeQueues: ['broker-a:0', 'broker-a:1'],
        readQueues: ['broker-a:0', 'broker-a:1', 'broker-b:0', 'broker-b:1'],
      });
    }
    sim.at(30_000);
    expect(sim.consumer('c-1').topicSubscribeInfoTable.TopicTest).toHaveLength(4);
    expect(sim.first('rebalance', { topic: 'TopicTest' })?.queues).toEqual(['broker-a:0', 'broker-a:1', 'broker-b:0', 'broker-b:1']);
  });

  it('after a master crash the producer stops writing to that brokerName while the consumer keeps its queues', () => {
    const sim = new TestSim(scenario({
      brokers: [{ name: 'broker-a' }, { name: 'broker-a', brokerId: 1 }, { name: 'broker-b' }],
      topics: [{ name: 'TopicTest', writeQueueNums: 2, readQueueNums: 2 }],
      producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 0 }],
      consumers: consumer,
      timeline: [{ at: 20_000, action: 'crashBroker', target: 'broker-a' }],
    })).at(31_000);
    for (const client of ['p-1', 'c-1']) {
      expect(sim.last('route.updated', { client, topic: 'TopicTest' })).toMatchObject({
        t: ROUTE_FIRST + ROUTE_PERIOD + 2 * HOP,
        writeQueues: ['broker-b:0', 'broker-b:1'],
        readQueues: ['broker-a:0', 'broker-a:1', 'broker-b:0', 'broker-b:1'],
      });
    }
  });
});

describe('automatic topic creation from TBW102 (TopicConfigManager.createTopicInSendMessageMethod)', () => {
  const autoCreate = () => scenario({
    brokers: [{ name: 'broker-a' }, { name: 'broker-b' }],
    topics: [{ name: 'TopicTest' }],
    // One message, at 1 s, then silence, so exactly one broker receives the new topic.
    producers: [{ id: 'p-1', group: 'PG', topic: 'NewTopic', ratePerSec: 1, startAt: 0 }],
    timeline: [{ at: 1_500, action: 'setProducerRate', target: 'p-1', ratePerSec: 0 }],
  });

  it('every broker creates TBW102 with 8 queues and perm 7 (RWX) and registers it', () => {
    const sim = new TestSim(autoCreate()).at(100);
    expect(sim.route('ns-1').topics.TBW102).toEqual({
      'broker-a': { brokerName: 'broker-a', writeQueueNums: 8, readQueueNums: 8, perm: 7 },
      'broker-b': { brokerName: 'broker-b', writeQueueNums: 8, readQueueNums: 8, perm: 7 },
    });
  });

  it('a send to an undeclared topic uses TBW102\'s route with min(4, 8) = 4 queues on every broker', () => {
    const sim = new TestSim(autoCreate()).at(1_100);
    // updateTopicRouteInfoFromNameServer(topic, isDefault = true) keeps it under the topic's own name.
    // The route is TBW102's, under NewTopic's name (fromTopic), its queue counts capped at 4.
    expect(sim.events('route.updated', { client: 'p-1' }).map(({ topic, fromTopic, writeQueues }) => ({ topic, fromTopic, writeQueues }))).toEqual([{
      topic: 'NewTopic',
      fromTopic: 'TBW102',
      writeQueues: ['broker-a:0', 'broker-a:1', 'broker-a:2', 'broker-a:3', 'broker-b:0', 'broker-b:1', 'broker-b:2', 'broker-b:3'],
    }]);
    const info = sim.producer('p-1').publishInfo.NewTopic!;
    expect(info.messageQueueList.map((mq) => `${mq.brokerName}:${mq.queueId}`)).toEqual([
      'broker-a:0', 'broker-a:1', 'broker-a:2', 'broker-a:3', 'broker-b:0', 'broker-b:1', 'broker-b:2', 'broker-b:3',
    ]);
    expect(sim.events('message.sent')).toHaveLength(1);
    expect(sim.first('message.sent')!.queueId).toBeLessThan(4);
  });

  it('the first broker that receives the message creates the topic with 4 queues, perm 6, and registers it at once', () => {
    const sim = new TestSim(autoCreate()).at(2_000);
    const sent = sim.first('message.sent')!;
    const created = sim.events('topic.updated', { topic: 'NewTopic' });
    expect(created.map(({ broker, writeQueueNums, readQueueNums, perm, created: isNew, auto }) => ({ broker, writeQueueNums, readQueueNums, perm, isNew, auto }))).toEqual([
      { broker: sent.broker, writeQueueNums: 4, readQueueNums: 4, perm: 6, isNew: true, auto: true },
    ]);
    const registeredAfter = sim.events('broker.registered', (e) => e.t > created[0]!.t).map(({ t, broker, nameServer }) => ({ t, broker, nameServer }));
    expect(registeredAfter).toEqual([
      { t: created[0]!.t + HOP, broker: sent.broker, nameServer: 'ns-1' },
      { t: created[0]!.t + HOP, broker: sent.broker, nameServer: 'ns-2' },
    ]);
    expect(sim.route('ns-1').topics.NewTopic).toEqual({ [sent.broker]: { brokerName: sent.broker, writeQueueNums: 4, readQueueNums: 4, perm: 6 } });
  });

  it('the producer\'s next route refresh shows only the brokers that hold the topic', () => {
    const sim = new TestSim(autoCreate()).at(ROUTE_FIRST + ROUTE_PERIOD + 2 * HOP);
    const holder = sim.first('message.sent')!.broker;
    expect(sim.last('route.updated', { client: 'p-1', topic: 'NewTopic' })).toMatchObject({
      t: ROUTE_FIRST + ROUTE_PERIOD + 2 * HOP,
      fromTopic: 'NewTopic',
      writeQueues: [0, 1, 2, 3].map((id) => `${holder}:${id}`),
    });
  });

  describe('a producer\'s own topic table (DefaultMQProducerImpl.start)', () => {
    /** MQClientInstance.startScheduledTask: the first heartbeat round 1 s after the start, then every 30 s. */
    const HEARTBEAT_FIRST = 1_000;
    const onBrokerA = (version: '4.x' | '5.x') => new TestSim(scenario({
      config: { networkJitterMs: 0, rocketmqVersion: version },
      brokers: [{ name: 'broker-a' }, { name: 'broker-b' }],
      topics: [{ name: 'TopicTest', brokers: [{ name: 'broker-a', writeQueueNums: 2, readQueueNums: 2 }] }],
      producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 1 }],
    })).at(HEARTBEAT_FIRST + ROUTE_PERIOD + 100);

    it('4.x keeps TBW102 in it: every route round asks for TBW102 too, and the heartbeat goes to every master that has it', () => {
      // 4.9.8 start() puts createTopicKey into topicPublishInfoTable; getPublishTopicList returns its keys.
      const sim = onBrokerA('4.x');
      const round = (t: number) => [[t + 2 * HOP, 'TopicTest'], [t + 4 * HOP, 'TBW102']];
      expect(sim.events('route.pulled', { client: 'p-1' }).map((e) => [e.t, e.topic])).toEqual([...round(ROUTE_FIRST), ...round(ROUTE_FIRST + ROUTE_PERIOD)]);
      // sendHeartbeatToAllBroker goes broker by broker, each a synchronous call: broker-b's after broker-a's answer.
      const beats = (t: number) => [[t + HOP, 'broker-a'], [t + 3 * HOP, 'broker-b']];
      expect(sim.events('client.heartbeat', { client: 'p-1' }).map((e) => [e.t, e.broker])).toEqual([...beats(HEARTBEAT_FIRST), ...beats(HEARTBEAT_FIRST + ROUTE_PERIOD)]);
    });

    it('5.x keeps only the topics it sends to: its own topic\'s route, and the heartbeat to broker-a alone', () => {
      const sim = onBrokerA('5.x');
      expect(new Set(sim.events('route.pulled', { client: 'p-1' }).map((e) => e.topic))).toEqual(new Set(['TopicTest']));
      expect(new Set(sim.events('client.heartbeat', { client: 'p-1' }).map((e) => e.broker))).toEqual(new Set(['broker-a']));
    });
  });
});
