/**
 * Creating a topic as an operator does it (mqadmin updateTopic, UpdateTopicSubCommand): `-c`
 * reaches every master of a cluster, `-b` one broker; read 8 / write 8 / perm 6 unless given;
 * the broker registers to every NameServer at once (AdminBrokerProcessor.updateAndCreateTopic)
 * and clients see the topic at their next route pull (MQClientInstance, every 30 s), a consumer
 * at its next rebalance if that comes first (MQClientInstance.findConsumerIdList).
 *
 * Jitter is 0 so that one hop takes exactly networkLatencyMs = 1 ms.
 */
import { describe, expect, it } from 'vitest';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

const HOP = 1;
/** UpdateTopicSubCommand: -r and -w default to 8; TopicConfig's perm defaults to 6 (RW). */
const MQADMIN = { writeQueueNums: 8, readQueueNums: 8, perm: 6 };
/** MQClientInstance.startScheduledTask: route refresh at 10 ms, then every pollNameServerInterval (30 s). */
const ROUTE_FIRST = 10;
const ROUTE_PERIOD = 30_000;
/**
 * RebalanceService (5.3.3): it first runs waitInterval (20 s) after the client's start, then every
 * waitInterval. The start wakes it sooner only if its heartbeat went out (DefaultMQPushConsumerImpl.start:
 * `if (sendHeartbeatToAllBrokerWithLock()) rebalanceImmediately()`), and c-1, whose topic no broker
 * holds yet, knows no broker to heartbeat. Woken, it runs no sooner than minInterval (1 s) after its last run.
 */
const REBALANCE_FIRST = 20_000;
const REBALANCE_PERIOD = 20_000;
const REBALANCE_MIN = 1_000;
const CREATE_AT = 15_000;
/** MQClientInstance.startScheduledTask: the first heartbeat 1 s after the start, then every heartbeatBrokerInterval (30 s). */
const HEARTBEAT_FIRST = 1_000;
const HEARTBEAT_PERIOD = 30_000;

function scenario(create: Record<string, unknown>): ScenarioJson {
  return {
    version: 1, durationMs: 120_000,
    // No automatic creation: the topic exists only once the operator creates it.
    config: { networkJitterMs: 0, autoCreateTopicEnable: false },
    nameServers: [{ id: 'ns-1' }, { id: 'ns-2' }],
    brokers: [
      { name: 'broker-a', cluster: 'DefaultCluster' }, { name: 'broker-a', cluster: 'DefaultCluster', brokerId: 1, role: 'SLAVE' },
      { name: 'broker-b', cluster: 'DefaultCluster' },
      { name: 'broker-c', cluster: 'OtherCluster' },
    ],
    topics: [],
    consumers: [{ id: 'c-1', group: 'CG', topic: 'NewTopic', startAt: 0 }],
    timeline: [{ at: CREATE_AT, action: 'updateTopic', topic: 'NewTopic', ...create }],
  };
}

function created(sim: TestSim) {
  return sim.events('topic.updated', { topic: 'NewTopic' }).map(({ t, broker, writeQueueNums, readQueueNums, perm, created: isNew, auto }) =>
    ({ t, broker, writeQueueNums, readQueueNums, perm, isNew, auto }));
}

describe('updateTopic -c: every master of the cluster', () => {
  const sim = new TestSim(scenario({ cluster: 'DefaultCluster' })).at(CREATE_AT + 10);

  it('creates the topic on broker-a and broker-b (masters of DefaultCluster) with mqadmin\'s 8 / 8 / 6, not on broker-c nor on the slave', () => {
    expect(created(sim)).toEqual([
      { t: CREATE_AT, broker: 'broker-a', ...MQADMIN, isNew: true, auto: false },
      { t: CREATE_AT, broker: 'broker-b', ...MQADMIN, isNew: true, auto: false },
    ]);
    expect(sim.broker('broker-c').topicConfigTable.NewTopic).toBeUndefined();
    expect(sim.broker('broker-a', 1).topicConfigTable.NewTopic).toBeUndefined();
  });

  it('each broker registers to every NameServer at once, so both NameServers route it one hop later', () => {
    const registered = sim.events('broker.registered', (e) => e.t === CREATE_AT + HOP && e.brokerId === 0).map(({ broker, nameServer }) => `${broker}@${nameServer}`);
    expect(registered.sort()).toEqual(['broker-a@ns-1', 'broker-a@ns-2', 'broker-b@ns-1', 'broker-b@ns-2']);
    for (const ns of ['ns-1', 'ns-2']) {
      expect(sim.route(ns).topics.NewTopic).toEqual({
        'broker-a': { brokerName: 'broker-a', ...MQADMIN },
        'broker-b': { brokerName: 'broker-b', ...MQADMIN },
      });
    }
  });

  it('the consumer sees the topic at its first rebalance after it: findConsumerIdList asks a NameServer for a topic it knows no broker of, before its next 30 s route pull', () => {
    const rebalance = REBALANCE_FIRST + Math.ceil((CREATE_AT - REBALANCE_FIRST) / REBALANCE_PERIOD) * REBALANCE_PERIOD;
    const nextPull = ROUTE_FIRST + Math.ceil((CREATE_AT - ROUTE_FIRST) / ROUTE_PERIOD) * ROUTE_PERIOD;
    expect([rebalance, nextPull]).toEqual([20_000, 30_010]);
    // Before it only the start's route round asked, and heard TOPIC_NOT_EXIST: the start sent no heartbeat and woke no rebalance.
    expect(sim.times('route.pulled', { client: 'c-1', topic: 'NewTopic', found: false })).toEqual([ROUTE_FIRST + 2 * HOP]);
    expect(sim.events('client.heartbeat', { client: 'c-1' })).toEqual([]);
    expect(sim.first('route.updated', { client: 'c-1', topic: 'NewTopic' })).toBeUndefined();
    sim.at(rebalance + 2 * HOP);
    expect(sim.first('route.updated', { client: 'c-1', topic: 'NewTopic' })).toMatchObject({
      t: rebalance + 2 * HOP,
      readQueues: [...[0, 1, 2, 3, 4, 5, 6, 7].map((id) => `broker-a:${id}`), ...[0, 1, 2, 3, 4, 5, 6, 7].map((id) => `broker-b:${id}`)],
    });
  });
});

describe('a consumer whose topic is created after it started', () => {
  const rebalance = REBALANCE_FIRST + Math.ceil((CREATE_AT - REBALANCE_FIRST) / REBALANCE_PERIOD) * REBALANCE_PERIOD;

  it('the rebalance that fetched the route heartbeats once it has it in 5.x, so both masters register the group then and it rebalances a minInterval later; 4.x waits for its next 30 s heartbeat', () => {
    // RebalanceImpl.rebalanceByTopic (5.3.3): findConsumerIdList first, which asks for the route and waits for it
    // (MQClientInstance.updateTopicRouteInfoFromNameServer); then, the queues having been read as none, messageQueueChanged
    // -> sendHeartbeatToAllBrokerWithLockV2 to the brokers that route names. Each broker registers the group and sends
    // NOTIFY_CONSUMER_IDS_CHANGED; the RebalanceService runs again minInterval after its last run, not at the next 30 s heartbeat.
    const sim = new TestSim(scenario({ cluster: 'DefaultCluster' })).at(rebalance + 3_000);
    expect(rebalance).toBe(20_000);
    const routed = rebalance + 2 * HOP;
    expect(sim.first('route.updated', { client: 'c-1', topic: 'NewTopic' })!.t).toBe(routed);
    // One broker after another (each heartbeat an invokeSync): broker-a's master, its slave, broker-b.
    expect(sim.events('client.heartbeat', (e) => e.client === 'c-1' && e.t > CREATE_AT && e.t < rebalance + REBALANCE_MIN).map((e) => [e.t, e.broker, e.brokerId, e.trigger]))
      .toEqual([[routed + HOP, 'broker-a', 0, 'rebalance'], [routed + 3 * HOP, 'broker-a', 1, 'rebalance'], [routed + 5 * HOP, 'broker-b', 0, 'rebalance']]);
    expect(sim.events('consumer.registered', { consumer: 'c-1', brokerId: 0 }).map((e) => [e.t, e.broker])).toEqual([[routed + HOP, 'broker-a'], [routed + 5 * HOP, 'broker-b']]);
    // The next run: a minInterval after the one of 20 s, then a GET_CONSUMER_LIST_BY_GROUP round trip.
    expect(sim.first('rebalance', { consumer: 'c-1', topic: 'NewTopic' })!.t).toBe(rebalance + REBALANCE_MIN + 2 * HOP);

    // 4.9.8's rebalanceByTopic only logs "the topic not exist" and sends no heartbeat: the group waits for the next periodic one.
    const json = scenario({ cluster: 'DefaultCluster' });
    json.config = { ...(json.config as object), rocketmqVersion: '4.x' };
    const v4 = new TestSim(json).at(40_000);
    expect(v4.first('route.updated', { client: 'c-1', topic: 'NewTopic' })!.t).toBeGreaterThan(CREATE_AT);
    expect(v4.events('client.heartbeat', (e) => e.client === 'c-1' && e.t > CREATE_AT && e.t < 30_000)).toEqual([]);
    // MQClientInstance.startScheduledTask: heartbeats from 1 s after the start (0 s), every heartbeatBrokerInterval (30 s).
    expect(Math.floor(v4.first('consumer.registered', { consumer: 'c-1' })!.t / 1_000)).toBe((HEARTBEAT_FIRST + HEARTBEAT_PERIOD) / 1_000);
  });
});

describe('a consumer that knows no broker when it starts (its topic not created yet)', () => {
  // DefaultMQPushConsumerImpl.start, its route round answered TOPIC_NOT_EXIST: 4.9.8 sends the heartbeat (to no broker) and
  // wakes the rebalance all the same; 5.3.3 wakes it only `if (sendHeartbeatToAllBrokerWithLock())`, which is false with an
  // empty brokerAddrTable, so its first rebalance is RebalanceService's own, waitInterval after the start. Each rebalance
  // asks a NameServer for the route it lacks (findConsumerIdList), two hops after it runs.
  const asked = (version: '4.x' | '5.x') => {
    const json = scenario({ cluster: 'DefaultCluster' });
    json.config = { ...(json.config as object), rocketmqVersion: version };
    json.timeline = [];
    return new TestSim(json).at(45_000).times('route.pulled', { client: 'c-1', topic: 'NewTopic', found: false });
  };
  const routeRounds = [ROUTE_FIRST + 2 * HOP, ROUTE_FIRST + ROUTE_PERIOD + 2 * HOP];

  it('5.x: the start wakes no rebalance; the first runs 20 s after it, then every 20 s', () => {
    const rebalances = [REBALANCE_FIRST, REBALANCE_FIRST + REBALANCE_PERIOD].map((t) => t + 2 * HOP);
    expect(asked('5.x')).toEqual([...routeRounds, ...rebalances].sort((a, b) => a - b));
  });

  it('4.x: the start wakes the rebalance at once, once its route round is answered', () => {
    // The start's round asks for NewTopic, then %RETRY%CG, one answer after the other.
    const startRebalance = ROUTE_FIRST + 4 * HOP + 2 * HOP;
    const rebalances = [startRebalance, startRebalance + REBALANCE_PERIOD, startRebalance + 2 * REBALANCE_PERIOD];
    expect(asked('4.x')).toEqual([...routeRounds, ...rebalances].sort((a, b) => a - b));
  });
});

describe('updateTopic -b: one broker only', () => {
  it('creates the topic on broker-b alone, with the counts given', () => {
    const sim = new TestSim(scenario({ broker: 'broker-b', writeQueueNums: 4, readQueueNums: 2 })).at(CREATE_AT + 10);
    expect(created(sim)).toEqual([{ t: CREATE_AT, broker: 'broker-b', writeQueueNums: 4, readQueueNums: 2, perm: 6, isNew: true, auto: false }]);
    expect(Object.keys(sim.route('ns-1').topics.NewTopic ?? {})).toEqual(['broker-b']);
    expect(Object.keys(sim.route('ns-2').topics.NewTopic ?? {})).toEqual(['broker-b']);
  });

  it('skips a master that is down: it cannot answer the admin request', () => {
    const json = scenario({ cluster: 'DefaultCluster' });
    (json.timeline as unknown[]).unshift({ at: 5_000, action: 'crashBroker', target: 'broker-a' });
    const sim = new TestSim(json).at(CREATE_AT + 10);
    expect(created(sim).map((entry) => entry.broker)).toEqual(['broker-b']);
  });
});

describe('updateTopic with neither -c nor -b (the page\'s shortcut for the brokers that have the topic)', () => {
  /** BrokerController (slave, 5.x): SlaveSynchronize looks every 3 s and runs when more than 60 s passed since the last. */
  const SLAVE_SYNC_CHECK = 3_000;
  const SLAVE_SYNC_MIN_INTERVAL = 60_000;
  const neither = (): ScenarioJson => ({
    version: 1, seed: 3, durationMs: 120_000,
    config: { networkJitterMs: 0 },
    nameServers: [{ id: 'ns-1' }],
    brokers: [{ name: 'broker-a' }, { name: 'broker-a', brokerId: 1, role: 'SLAVE' }, { name: 'broker-b' }],
    topics: [{ name: 'T1', writeQueueNums: 8, readQueueNums: 8 }],
    producers: [{ id: 'p-1', group: 'PG', topic: 'T1', ratePerSec: 2, startAt: 1_000 }],
    timeline: [
      { at: 10_000, action: 'crashBroker', target: 'broker-b' },
      { at: CREATE_AT + 5_000, action: 'updateTopic', topic: 'T1', writeQueueNums: 4 },
      { at: 40_000, action: 'startBroker', target: 'broker-b' },
    ],
  });

  it('reaches the running masters only: a crashed one answers no admin request, and a slave takes the change from its master', () => {
    const sim = new TestSim(neither()).at(120_000);
    const updated = sim.events('topic.updated', (e) => e.topic === 'T1' && e.t === CREATE_AT + 5_000);
    // broker-a's master only: topic.updated names the broker, and broker-a's slave and broker-b are not written to then.
    expect(updated.map((e) => e.broker)).toEqual(['broker-a']);
    expect(sim.broker('broker-b').topicConfigTable['T1']?.writeQueueNums).toBe(8);
    // The slave's first SlaveSynchronize runs at its first look (3 s), the next more than 60 s later: it has 4 only from then.
    const slave = sim.broker('broker-a', 1);
    expect(slave.topicConfigTable['T1']?.writeQueueNums).toBe(4);
    expect(slave.lastSlaveSyncAt).toBeGreaterThan(CREATE_AT + 5_000);
    expect(slave.lastSlaveSyncAt).toBeLessThanOrEqual(SLAVE_SYNC_CHECK + SLAVE_SYNC_MIN_INTERVAL + SLAVE_SYNC_CHECK);
  });
});

describe('mqadmin updateTopic with a master it cannot reach (UpdateTopicSubCommand: "command failed")', () => {
  // Three masters at 10.0.1.1, .2 and .3: the NameServer's HashSet hands mqadmin their addresses in that order.
  const cluster = (faults: Record<string, unknown>[], command: Record<string, unknown>): ScenarioJson => ({
    version: 1, seed: 3, durationMs: 120_000,
    config: { networkJitterMs: 0, autoCreateTopicEnable: false },
    nameServers: [{ id: 'ns-1' }],
    brokers: [{ name: 'broker-a', cluster: 'DefaultCluster' }, { name: 'broker-b', cluster: 'DefaultCluster' }, { name: 'broker-c', cluster: 'DefaultCluster' }],
    topics: [],
    producers: [{ id: 'p-1', group: 'PG', topic: 'T1', ratePerSec: 2, startAt: 1_000 }],
    timeline: [...faults, { at: CREATE_AT + 5_000, action: 'updateTopic', topic: 'T1', ...command }, { at: 50_000, action: 'healPartition', target: 'broker-b' }],
  });

  it('-c stops at a master the NameServer still lists but the command cannot reach: the ones before it keep the topic, the ones after never get it', () => {
    const sim = new TestSim(cluster([
      { at: 10_000, action: 'partitionBroker', target: 'broker-b' },
      { at: 10_000, action: 'powerOffBroker', target: 'broker-c' },
    ], { cluster: 'DefaultCluster' })).at(120_000);
    expect(sim.events('topic.updated', { topic: 'T1' }).map((e) => e.broker)).toEqual(['broker-a']);
    expect(sim.events('topic.updateFailed')).toEqual([{ t: CREATE_AT + 5_000, type: 'topic.updateFailed', topic: 'T1', broker: 'broker-b', reason: 'connectTimeout' }]);
    // Healed at 50 s, broker-b still has no T1, and no message of it is stored there.
    expect(sim.broker('broker-b').topicConfigTable['T1']).toBeUndefined();
    expect(sim.events('message.stored', (e) => e.topic === 'T1' && e.broker !== 'broker-a')).toEqual([]);
  });

  it('-c passes over a master the NameServer dropped when its process crashed: it is not in the cluster\'s list', () => {
    const sim = new TestSim(cluster([{ at: 10_000, action: 'crashBroker', target: 'broker-b' }], { cluster: 'DefaultCluster' })).at(30_000);
    expect(sim.events('topic.updated', { topic: 'T1' }).map((e) => e.broker)).toEqual(['broker-a', 'broker-c']);
    expect(sim.events('topic.updateFailed')).toEqual([]);
  });

  it('-b to a master whose process is down fails at once (connectRefused)', () => {
    const sim = new TestSim(cluster([{ at: 10_000, action: 'crashBroker', target: 'broker-b' }], { broker: 'broker-b' })).at(30_000);
    expect(sim.events('topic.updated', { topic: 'T1' })).toEqual([]);
    expect(sim.events('topic.updateFailed').map((e) => [e.broker, e.reason])).toEqual([['broker-b', 'connectRefused']]);
  });
});
