/**
 * A broker back from a restart has an empty ConsumerManager, and PullMessageProcessor refuses a
 * pull without its own subscription (postSubscriptionWhenPull, default false) when it has no
 * ConsumerGroupInfo for the group: SUBSCRIPTION_NOT_EXIST, "the consumer's group info not exist".
 * The consumer pulls again after pullTimeDelayMillsWhenException (1 s) until a heartbeat of its
 * group reaches the broker: in 4.9.8 its next periodic one (heartbeatBrokerInterval, 30 s); in
 * 5.3.3 the one MQClientInstance's ChannelEventListener sends as soon as the consumer opens a new
 * channel to the broker (onChannelActive, then rebalanceImmediately).
 * Also 4.9.8's OFFSET_ILLEGAL: the fix-up runs 10 s later (executeTaskLater) and wakes no rebalance.
 */
import { describe, expect, it } from 'vitest';
import { findLibraryEntry } from '../../src/scenario/library/index.ts';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

/** RocketMQ's periods: ClientConfig.heartbeatBrokerInterval, pullTimeDelayMillsWhenException, RebalanceService.waitInterval. */
const HEARTBEAT_INTERVAL = 30_000;
const PULL_DELAY_WHEN_EXCEPTION = 1_000;
const REBALANCE_INTERVAL = 20_000;
/** 4.9.8 DefaultMQPushConsumerImpl.pullMessage, OFFSET_ILLEGAL: executeTaskLater(..., 10000). */
const OFFSET_ILLEGAL_FIX_DELAY = 10_000;

const CRASH_AT = 60_000;
const START_AT = 63_000;

/** One broker, crashed at 60 s and started again at 63 s; p-1 sends 10 messages a second, c-1 consumes them. */
function restartRun(rocketmqVersion: '4.x' | '5.x'): TestSim {
  const sim = new TestSim({
    version: 1,
    durationMs: 100_000,
    config: { networkJitterMs: 0, rocketmqVersion },
    nameServers: [{ id: 'ns-1' }],
    brokers: [{ name: 'broker-a', ip: '10.0.1.1' }],
    topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
    producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 10 }],
    consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest' }],
    timeline: [{ at: CRASH_AT, action: 'crashBroker', target: 'broker-a' }, { at: START_AT, action: 'startBroker', target: 'broker-a' }],
  });
  return sim.at(sim.scenario.durationMs);
}

describe('a 4.x consumer after a broker restart', () => {
  const sim = restartRun('4.x');
  const beats = sim.times('client.heartbeat', { client: 'c-1' });
  const nextBeat = beats.find((t) => t > START_AT)!;
  const refused = sim.events('pull.rejected', { reason: 'SUBSCRIPTION_NOT_EXIST' });

  it('is refused SUBSCRIPTION_NOT_EXIST (no group info) on every pull until its next periodic heartbeat, up to 30 s later', () => {
    // The heartbeat that gives the broker the group again is the periodic one, on the 30 s grid of those before the crash.
    const lastBefore = beats.filter((t) => t < CRASH_AT).at(-1)!;
    expect((nextBeat - lastBefore) % HEARTBEAT_INTERVAL).toBe(0);
    expect(nextBeat - START_AT).toBeGreaterThan(HEARTBEAT_INTERVAL - 3_000);
    expect(refused.length).toBeGreaterThan(0);
    for (const e of refused) {
      expect(e.noGroupInfo).toBe(true);
      expect(e.t).toBeGreaterThan(START_AT);
      expect(e.t).toBeLessThan(nextBeat + PULL_DELAY_WHEN_EXCEPTION);
    }
    // Each queue asks again every pullTimeDelayMillsWhenException (plus a round trip) for the whole stall.
    const queue0 = refused.filter((e) => e.topic === 'TopicTest' && e.queueId === 0).map((e) => e.t);
    expect(queue0.length).toBeGreaterThan(25);
    for (let i = 1; i < queue0.length; i++) expect(queue0[i]! - queue0[i - 1]! - PULL_DELAY_WHEN_EXCEPTION).toBeLessThan(10);
  });

  it('consumes nothing from the restarted broker before that heartbeat, and again within a pull delay after it', () => {
    const firstConsumed = sim.first('message.consumed', (e) => e.t > START_AT)!;
    expect(firstConsumed.t).toBeGreaterThan(nextBeat);
    expect(firstConsumed.t - nextBeat).toBeLessThan(PULL_DELAY_WHEN_EXCEPTION + 100);
  });
});

describe('a 5.x consumer after a broker restart', () => {
  const sim = restartRun('5.x');
  const beats = sim.times('client.heartbeat', { client: 'c-1' });
  const beat = beats.find((t) => t > START_AT)!;

  it('sends its heartbeat as soon as it has a new channel to the broker (onChannelActive), not at its next periodic one', () => {
    const lastBefore = beats.filter((t) => t < CRASH_AT).at(-1)!;
    expect((beat - lastBefore) % HEARTBEAT_INTERVAL).not.toBe(0);
    // Its pulls fail every pullTimeDelayMillsWhenException while the broker is down: the first after the start opens the channel.
    expect(beat - START_AT).toBeLessThan(PULL_DELAY_WHEN_EXCEPTION + 20);
    expect(sim.events('pull.rejected', (e) => e.noGroupInfo === true && e.t > beat + PULL_DELAY_WHEN_EXCEPTION)).toEqual([]);
  });

  it('wakes its rebalance once that heartbeat is answered, and consumes again within about a second', () => {
    // The heartbeat re-registers c-1, so the broker's NOTIFY_CONSUMER_IDS_CHANGED wakes the rebalance at the same moment as
    // onChannelActive's rebalanceImmediately: what 5.x changes is when that heartbeat comes.
    expect(beat - START_AT).toBeLessThan(PULL_DELAY_WHEN_EXCEPTION + 20);
    const run = new TestSim({ validated: sim.scenario });
    const periodic = run.at(CRASH_AT - 1).consumer('c-1').lastRebalanceAt;
    const lastRebalanceAt = run.at(beat + REBALANCE_INTERVAL / 2).consumer('c-1').lastRebalanceAt;
    // Off the 20 s grid of RebalanceService's periodic runs, and no sooner than minInterval after the last one.
    expect(lastRebalanceAt).toBeGreaterThan(beat);
    expect((lastRebalanceAt - periodic) % REBALANCE_INTERVAL).not.toBe(0);
    expect(lastRebalanceAt - beat).toBeLessThanOrEqual(PULL_DELAY_WHEN_EXCEPTION + 10);
    const firstConsumed = sim.first('message.consumed', (e) => e.t > START_AT)!;
    expect(firstConsumed.t - START_AT).toBeLessThan(2 * PULL_DELAY_WHEN_EXCEPTION);
  });
});

describe('OFFSET_ILLEGAL in 4.x (power-loss-flush run as 4.x)', () => {
  const entry = findLibraryEntry('power-loss-flush')!;
  const scenario = entry.scenario as ScenarioJson;
  const as4x: ScenarioJson = { ...scenario, config: { ...(scenario['config'] as object), rocketmqVersion: '4.x' } };
  const sim = new TestSim(as4x).at(as4x['durationMs'] as number);
  const moved = sim.events('pull.rejected', { reason: 'PULL_OFFSET_MOVED' });
  const key = (queueId: number) => `TopicTest@broker-a@${queueId}`;

  it('drops the ProcessQueue at once but fixes its offset 10 s later: persisted then, and the queue removed', () => {
    expect(moved.length).toBeGreaterThan(0);
    for (const { queueId, t } of moved) {
      const committed = sim.events('offset.committed', (e) => e.broker === 'broker-a' && e.queueId === queueId && e.t > t);
      expect(committed[0]!.t - t).toBe(OFFSET_ILLEGAL_FIX_DELAY);
      const before = new TestSim(as4x).at(t + OFFSET_ILLEGAL_FIX_DELAY - 1).consumer('c-1').processQueueTable[key(queueId)];
      expect(before?.dropped).toBe(true);
      const after = new TestSim(as4x).at(t + OFFSET_ILLEGAL_FIX_DELAY + 1).consumer('c-1').processQueueTable[key(queueId)];
      expect(after).toBeUndefined();
    }
  });

  it('wakes no rebalance: the queue is taken again at the next periodic rebalance, from the persisted offset', () => {
    const t0 = moved[0]!.t;
    const retaken = sim.first('rebalance', (e) => e.t > t0 && e.topic === 'TopicTest')!;
    expect(retaken.t).toBeGreaterThan(t0 + OFFSET_ILLEGAL_FIX_DELAY);
    // On the 20 s grid of the periodic rebalances before the PULL_OFFSET_MOVED (the trace tells only of those that changed something).
    const periodic = new TestSim(as4x).at(t0 - 1).consumer('c-1').lastRebalanceAt;
    const retakenBy = new TestSim(as4x).at(retaken.t);
    const ranAt = retakenBy.consumer('c-1').lastRebalanceAt;
    expect((ranAt - periodic) % REBALANCE_INTERVAL).toBe(0);
    // The rebalance is traced when its GET_CONSUMER_LIST_BY_GROUP is answered, a round trip after it ran.
    expect(retaken.t - ranAt).toBeLessThan(20);
    expect(retaken.queues).toContain(`broker-a:${moved[0]!.queueId}`);
    // Idle meanwhile: no pull, so nothing consumed but what c-1's one thread had begun (consumeTimeMs 400 ms).
    const persisted = (queueId: number, t: number) => sim.first('offset.committed', (e) => e.broker === 'broker-a' && e.queueId === queueId && e.t > t)!.offset;
    const resumed = moved.flatMap(({ queueId, t }) => {
      expect(sim.events('message.consumed', (e) => e.broker === 'broker-a' && e.queueId === queueId && e.t > t + 400 && e.t < retaken.t)).toEqual([]);
      const next = sim.first('message.consumed', (e) => e.broker === 'broker-a' && e.queueId === queueId && e.t > retaken.t);
      return next ? [[next.queueOffset, persisted(queueId, t)]] : [];
    });
    expect(resumed.length).toBeGreaterThan(0);
    for (const [offset, fixed] of resumed) expect(offset).toBe(fixed);
  });
});
