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
    // Between c-2's start heartbeat (about 20 ms after its start, once its routes are in) and the
    // heartbeat of c-1's rebalance that its registration brings about.
    sim.at(60_020);
    expect(sim.first('consumer.registered', { consumer: 'c-2' })!.t).toBeLessThan(60_020);
    expect(sim.first('client.heartbeat', (e) => e.client === 'c-1' && e.t > 60_000 && e.trigger === 'rebalance')).toBeUndefined();
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

/** ClientConfig.mqClientApiTimeout: a heartbeat to a broker that does not answer holds the round that long. */
const API_TIMEOUT = 3_000;

describe('SUBSCRIPTION_NOT_LATEST: a pull sent after a member\'s version moved on, before its heartbeat reached that broker', () => {
  // broker-a is cut off at 55 s, still in the route when c-2 joins at 60 s: every heartbeat round
  // calls broker-a first and waits out its timeout before it calls broker-b, so c-2's version of its
  // first rebalance reaches broker-b 3 s after c-2's first pulls there.
  const sim = new TestSim(scenario(['broker-a', 'broker-b'], {
    config: { networkJitterMs: 0 },
    durationMs: 80_000,
    timeline: [
      { at: 55_000, action: 'partitionBroker', target: 'broker-a' },
      { at: 60_000, action: 'addConsumer', consumer: { id: 'c-2', group: 'CG', topic: 'TopicTest', subscription: 'TagB' } },
    ],
  }));
  sim.at(sim.scenario.durationMs);
  const refused = sim.events('pull.rejected', { reason: 'SUBSCRIPTION_NOT_LATEST' });

  it('c-2\'s first pulls at broker-b are refused: its rebalance\'s heartbeat waits behind the cut-off broker-a', () => {
    const rebalance = sim.first('rebalance', { consumer: 'c-2', topic: 'TopicTest' })!;
    expect(rebalance.queues).toEqual(['broker-b:0', 'broker-b:1', 'broker-b:2', 'broker-b:3']);
    expect(refused.map((e) => `${e.consumer} ${e.broker} ${e.topic}:${e.queueId}`)).toEqual([
      'c-2 broker-b TopicTest:0', 'c-2 broker-b TopicTest:1', 'c-2 broker-b TopicTest:2', 'c-2 broker-b TopicTest:3', 'c-2 broker-b %RETRY%CG:0',
    ]);
    const beat = sim.first('client.heartbeat', (e) => e.client === 'c-2' && e.broker === 'broker-b' && e.trigger === 'rebalance')!;
    expect(beat.t - rebalance.t).toBeGreaterThanOrEqual(API_TIMEOUT);
    expect(sim.events('client.heartbeat', (e) => e.client === 'c-2' && e.broker === 'broker-a')).toEqual([]);
  });

  it('each refusal falls between a rebalance of that member and topic and the rebalance heartbeat reaching that broker', () => {
    expect(refused.length).toBeGreaterThan(0);
    for (const refusal of refused) {
      const rebalance = sim.last('rebalance', (e) => e.consumer === refusal.consumer && e.topic === refusal.topic && e.t <= refusal.t)!;
      const beat = sim.first('client.heartbeat', (e) => e.client === refusal.consumer && e.broker === refusal.broker && e.t >= rebalance.t && e.trigger === 'rebalance')!;
      expect(refusal.t).toBeGreaterThan(rebalance.t);
      expect(refusal.t).toBeLessThanOrEqual(beat.t);
    }
  });
});
