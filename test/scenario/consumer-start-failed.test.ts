/**
 * A push consumer's start asks a NameServer for each subscribed topic's route
 * (DefaultMQPushConsumerImpl.start -> updateTopicSubscribeInfoWhenSubscriptionChanged ->
 * MQClientInstance.updateTopicRouteInfoFromNameServer), and a RemotingException there (a refused
 * connect, an unanswered one, a timeout) is rethrown as IllegalStateException out of start().
 * RocketMQ 5.3.2 and later catch it in start(), shut the consumer down and rethrow: the consumer
 * never runs. 4.9.8 throws it after the consumer is RUNNING and its client instance started: the
 * start's heartbeat and immediate rebalance are skipped, and its scheduled tasks go on.
 *
 * Jitter is 0: one hop takes exactly networkLatencyMs = 1 ms.
 */
import { describe, expect, it } from 'vitest';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

const HOP = 1;
/** MQClientInstance.startScheduledTask: the first route refresh 10 ms after the start (the page's start query). */
const ROUTE_FIRST = 10;
/** NettyClientConfig.connectTimeoutMillis. */
const CONNECT_TIMEOUT = 3_000;
/** RebalanceService.waitInterval (rocketmq.client.rebalance.waitInterval), 20 s. */
const REBALANCE_PERIOD = 20_000;
/** MQClientInstance.startScheduledTask: heartbeats first after 1 s, then every heartbeatBrokerInterval (30 s). */
const HEARTBEAT_FIRST = 1_000;
const HEARTBEAT_PERIOD = 30_000;

const START = 1_000;
const FIRST_QUERY = START + ROUTE_FIRST;

function scenario(version: '4.x' | '5.x', timeline: object[]): ScenarioJson {
  return {
    version: 1,
    durationMs: 120_000,
    config: { networkJitterMs: 0, rocketmqVersion: version },
    nameServers: [{ id: 'ns-1' }, { id: 'ns-2' }],
    brokers: [{ name: 'broker-a' }],
    topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
    producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 10 }],
    consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest', startAt: START }],
    timeline,
  };
}

/** The NameServer c-1 picks first (namesrvIndex + 1 in its shuffled list), and the other. */
function firstPick(version: '4.x' | '5.x'): { first: string; other: string } {
  const client = new TestSim(scenario(version, [])).at(START).client('c-1');
  const first = client.namesrvAddrList[(client.namesrvIndex + 1) % client.namesrvAddrList.length]!;
  return { first, other: first === 'ns-1' ? 'ns-2' : 'ns-1' };
}

/** c-1 did nothing after `t`: no route query, no heartbeat, no rebalance, no pull, nothing consumed. */
function silentAfter(sim: TestSim, t: number): void {
  expect(sim.events('nameServer.chosen', (e) => e.client === 'c-1' && e.t > t)).toEqual([]);
  expect(sim.events('client.heartbeat', { client: 'c-1' })).toEqual([]);
  expect(sim.events('consumer.registered', { consumer: 'c-1' })).toEqual([]);
  expect(sim.events('rebalance', { consumer: 'c-1' })).toEqual([]);
  expect(sim.events('message.consumed', { consumer: 'c-1' })).toEqual([]);
}

describe('5.x: a consumer whose start cannot reach the NameServer it picked never runs (5.3.2+ start(): shutdown, rethrow)', () => {
  it('a NameServer down when it starts: the refused connect fails its start a hop after its first query, and it stays stopped', () => {
    const { first } = firstPick('5.x');
    const sim = new TestSim(scenario('5.x', [{ at: 500, action: 'crashNameServer', target: first }])).at(100_000);
    expect(sim.events('consumer.startFailed')).toEqual([
      { t: FIRST_QUERY + HOP, type: 'consumer.startFailed', consumer: 'c-1', group: 'CG', topic: 'TopicTest', nameServer: first, reason: 'connectRefused', shutdown: true },
    ]);
    expect(sim.consumer('c-1').status).toBe('stopped');
    silentAfter(sim, FIRST_QUERY);
    // The producer, whose start asks for no route, runs on: the messages wait for a consumer.
    expect(sim.events('message.stored').length).toBeGreaterThan(500);
  });

  it('a NameServer cut off when it starts: the unanswered connect fails its start at connectTimeoutMillis', () => {
    const { first } = firstPick('5.x');
    const sim = new TestSim(scenario('5.x', [{ at: 500, action: 'partitionLink', target: 'c-1', peer: first }])).at(100_000);
    expect(sim.events('consumer.startFailed')).toEqual([
      { t: FIRST_QUERY + CONNECT_TIMEOUT, type: 'consumer.startFailed', consumer: 'c-1', group: 'CG', topic: 'TopicTest', nameServer: first, reason: 'connectTimeout', shutdown: true },
    ]);
    expect(sim.consumer('c-1').status).toBe('stopped');
    silentAfter(sim, FIRST_QUERY);
  });

  it('the other NameServer down does not matter: the one it picked answers, and it starts and consumes', () => {
    const { other } = firstPick('5.x');
    const sim = new TestSim(scenario('5.x', [{ at: 500, action: 'crashNameServer', target: other }])).at(100_000);
    expect(sim.events('consumer.startFailed')).toEqual([]);
    expect(sim.consumer('c-1').status).toBe('running');
    expect(sim.events('message.consumed', { consumer: 'c-1' }).length).toBeGreaterThan(500);
  });
});

describe('4.x: start() throws once every NameServer failed it, but the consumer is already RUNNING (4.9.8 has no catch)', () => {
  const sim = new TestSim(scenario('4.x', [
    { at: 500, action: 'crashNameServer', target: 'ns-1' },
    { at: 500, action: 'crashNameServer', target: 'ns-2' },
    // Back before broker-a's registration at 10 s (BrokerController.start: at once, then after 10 s), which it then knows.
    { at: 5_000, action: 'startNameServer', target: 'ns-1' },
  ])).at(120_000);

  it('traces the failed start when the last NameServer refused the call, and runs on', () => {
    const failed = sim.events('consumer.startFailed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ t: FIRST_QUERY + 2 * HOP, consumer: 'c-1', reason: 'connectRefused', shutdown: false });
    expect(sim.consumer('c-1').status).toBe('running');
  });

  it('skips the start\'s heartbeat and immediate rebalance: no route query until the RebalanceService\'s first period', () => {
    // The call went past both NameServers (two picks); the next pick is findConsumerIdList's, 20 s after the start.
    expect(sim.times('nameServer.chosen', { client: 'c-1' }).slice(0, 3)).toEqual([FIRST_QUERY, FIRST_QUERY + HOP, START + REBALANCE_PERIOD]);
  });

  it('heartbeats on its schedule and consumes once ns-1 is back', () => {
    const beats = sim.times('client.heartbeat', { client: 'c-1' });
    // Its first heartbeat is the scheduled one after ns-1 answered (rebalance at 21 s found the route).
    expect(beats[0]).toBe(START + HEARTBEAT_FIRST + HEARTBEAT_PERIOD + HOP);
    expect(sim.events('message.consumed', { consumer: 'c-1' }).length).toBeGreaterThan(500);
    expect(sim.first('route.updated', { client: 'c-1' })!.t).toBeLessThan(START + REBALANCE_PERIOD + 3 * HOP);
  });
});
