/**
 * A consumer's SubscriptionData.subVersion is set when it starts and again, for one topic, each
 * time a rebalance changes its queues of that topic: RebalancePushImpl.messageQueueChanged sets it
 * to now and heartbeats every broker at once (5.3.3 sendHeartbeatToAllBrokerWithLockV2(true),
 * 4.9.8 sendHeartbeatToAllBrokerWithLock). ConsumerGroupInfo.updateSubscription keeps a topic's
 * newer version, so a group whose members subscribe differently filters with the tags of the
 * member whose queues changed last. A pull whose subVersion is newer than the broker's entry is
 * answered SUBSCRIPTION_NOT_LATEST (PullMessageProcessor), and the consumer pulls that queue again
 * pullTimeDelayMillsWhenException later (DefaultMQPushConsumerImpl's PullCallback.onException).
 */
import { describe, expect, it } from 'vitest';
import { findLibraryEntry } from '../../src/scenario/library/index.ts';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

function scenario(brokers: string[], extra: Partial<ScenarioJson> = {}): ScenarioJson {
  return {
    version: 1, durationMs: 120_000,
    nameServers: [{ id: 'ns-1' }],
    brokers: brokers.map((name) => ({ name })),
    topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
    producers: [{ id: 'p-0', group: 'PG', topic: 'TopicTest', ratePerSec: 10, tags: ['TagA', 'TagB'] }],
    consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest', subscription: 'TagA' }],
    timeline: [{ at: 60_000, action: 'addConsumer', consumer: { id: 'c-2', group: 'CG', topic: 'TopicTest', subscription: 'TagB' } }],
    ...extra,
  };
}

describe('one broker: c-1 "TagA" from 0, c-2 "TagB" joins at 60 s; the table follows the member whose queues changed last', () => {
  const sim = new TestSim(scenario(['broker-a']));
  const table = () => sim.broker('broker-a').consumerTable['CG']!;
  const rebalanceOf = (consumer: string) => sim.first('rebalance', (e) => e.consumer === consumer && e.topic === 'TopicTest' && e.t > 60_000)!;

  it('c-1\'s first rebalance (about 1 s) moves its TopicTest version to that instant and heartbeats at once, not at the next 30 s period', () => {
    sim.at(2_000);
    const first = sim.first('rebalance', { consumer: 'c-1', topic: 'TopicTest' })!;
    expect(sim.consumer('c-1').subVersions['TopicTest']).toBe(first.t);
    const beat = sim.first('client.heartbeat', (e) => e.client === 'c-1' && e.t >= first.t && e.trigger === 'rebalance')!;
    expect(beat.t - first.t).toBeLessThan(10);
    expect(table().subVersions['TopicTest']).toBe(first.t);
  });

  it('c-2\'s start heartbeat puts TagB in: its start (60 s) is newer than c-1\'s rebalance at about 1 s', () => {
    sim.at(60_018);
    expect(sim.first('consumer.registered', { consumer: 'c-2' })!.t).toBeLessThan(60_018);
    expect(table().subscriptions['TopicTest']).toBe('TagB');
    expect(table().subVersions['TopicTest']).toBe(60_000);
  });

  it('c-2\'s join halves c-1\'s queues: c-1\'s version becomes that rebalance\'s time, its heartbeat follows at once and TagA is back', () => {
    sim.at(60_500);
    const shrink = rebalanceOf('c-1');
    expect(shrink.queues).toEqual(['broker-a:0', 'broker-a:1']);
    expect(sim.consumer('c-1').subVersions['TopicTest']).toBe(shrink.t);
    const beat = sim.first('client.heartbeat', (e) => e.client === 'c-1' && e.t >= shrink.t && e.trigger === 'rebalance')!;
    expect(beat.t - shrink.t).toBeLessThan(10);
    expect(table().subscriptions['TopicTest']).toBe('TagA');
    expect(table().subVersions['TopicTest']).toBe(shrink.t);
  });

  it('c-2\'s first rebalance, a second after its start, takes TagB back, and the periodic heartbeats of both (91 s) change nothing', () => {
    sim.at(61_100);
    const taken = rebalanceOf('c-2');
    expect(taken.t).toBeGreaterThan(61_000);
    expect(sim.consumer('c-2').subVersions['TopicTest']).toBe(taken.t);
    expect(table().subscriptions['TopicTest']).toBe('TagB');
    sim.at(95_000);
    expect(sim.times('client.heartbeat', (e) => e.group === 'CG' && e.t > 90_000 && e.trigger === undefined)).toHaveLength(2);
    expect(table().subscriptions['TopicTest']).toBe('TagB');
    expect(table().subVersions['TopicTest']).toBe(taken.t);
  });
});

describe('two brokers: the rebalance\'s round heartbeats every broker, the %RETRY% topic\'s version too', () => {
  const sim = new TestSim(scenario(['broker-a', 'broker-b'])).at(62_000);

  it('c-1\'s first rebalance reaches both brokers\' tables within milliseconds', () => {
    const first = sim.first('rebalance', { consumer: 'c-1', topic: 'TopicTest' })!;
    const beats = sim.events('client.heartbeat', (e) => e.client === 'c-1' && e.trigger === 'rebalance' && e.t < first.t + 20);
    expect(beats.map((e) => e.broker).sort()).toEqual(['broker-a', 'broker-b']);
  });

  it('a change of a member\'s %RETRY% queues moves that topic\'s version only', () => {
    const retry = sim.first('rebalance', { consumer: 'c-2', topic: '%RETRY%CG' })!;
    const own = sim.first('rebalance', { consumer: 'c-2', topic: 'TopicTest' })!;
    expect(sim.consumer('c-2').subVersions).toEqual({ TopicTest: own.t, '%RETRY%CG': retry.t });
    for (const broker of ['broker-a', 'broker-b']) {
      expect(sim.broker(broker).consumerTable['CG']!.subVersions['%RETRY%CG']).toBeGreaterThanOrEqual(retry.t);
    }
  });
});

describe('SUBSCRIPTION_NOT_LATEST: a pull sent after a member\'s version moved on, before its heartbeat reached that broker', () => {
  const sim = new TestSim(findLibraryEntry('power-loss-flush')!.scenario as ScenarioJson);
  sim.at(sim.scenario.durationMs);
  const refused = sim.events('pull.rejected', { reason: 'SUBSCRIPTION_NOT_LATEST' });

  it('happens in power-loss-flush right after the rebalance that takes the moved queues again (92 s)', () => {
    expect(refused.length).toBeGreaterThan(0);
  });

  it('each refusal falls between a rebalance of that member and topic and the rebalance heartbeat reaching that broker', () => {
    for (const refusal of refused) {
      const rebalance = sim.last('rebalance', (e) => e.consumer === refusal.consumer && e.topic === refusal.topic && e.t <= refusal.t)!;
      const beat = sim.first('client.heartbeat', (e) => e.client === refusal.consumer && e.broker === refusal.broker && e.t >= rebalance.t && e.trigger === 'rebalance')!;
      expect(refusal.t).toBeLessThanOrEqual(beat.t);
      expect(beat.t - rebalance.t).toBeLessThan(20);
    }
  });
});

describe('a subscribed topic no broker has: 5.x counts it as changed at every rebalance, 4.9.8 only logs it', () => {
  const run = (version: '4.x' | '5.x') => new TestSim(scenario(['broker-a'], {
    consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicMissing' }], timeline: [], config: { rocketmqVersion: version },
  })).at(45_000);
  const missing = (version: '4.x' | '5.x') => run(version).consumer('c-1').subVersions['TopicMissing'];

  it('5.x: the version moves to each rebalance (every 20 s), once its findConsumerIdList has the NameServer\'s answer', () => {
    // RebalanceService runs every waitInterval (20 s) from the client's start, which woke it no sooner: knowing no
    // broker, its heartbeat went nowhere (DefaultMQPushConsumerImpl.start). The rebalance of 40 s knows no broker of
    // the topic and asks for its route, synchronously in RocketMQ (MQClientInstance.findConsumerIdList):
    // messageQueueChanged comes with the answer (TOPIC_NOT_EXIST).
    const sim = run('5.x');
    const answer = sim.last('route.pulled', { client: 'c-1', topic: 'TopicMissing' })!;
    expect([Math.floor(answer.t / 1_000), answer.found]).toEqual([40, false]);
    expect(answer.t).toBeGreaterThan(40_000);
    expect(sim.consumer('c-1').subVersions['TopicMissing']).toBe(answer.t);
  });

  it('4.x: it stays at the start', () => {
    expect(missing('4.x')).toBe(0);
  });
});
