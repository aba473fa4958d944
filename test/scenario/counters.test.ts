/**
 * The summary's counters count what their names say: messages apart from send attempts, every
 * duplicate with what brought it back, and one definition of a never-consumable message.
 */
import { describe, expect, it } from 'vitest';
import consumerJoinLeave from '../../src/scenario/library/consumer-join-leave.json';
import createTopicCluster from '../../src/scenario/library/create-topic-cluster.json';
import shrinkSafely from '../../src/scenario/library/shrink-safely.json';
import shrinkUnsafely from '../../src/scenario/library/shrink-unsafely.json';
import write8Read4 from '../../src/scenario/library/write8-read4.json';
import { summarize } from '../../src/sim/summary.ts';
import { masterCrashScenario } from '../support/library.ts';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

const oneBroker: ScenarioJson = {
  version: 1, name: 'one broker', seed: 3, durationMs: 60_000,
  nameServers: [{ id: 'ns-1' }],
  brokers: [{ name: 'broker-a', cluster: 'DefaultCluster', brokerId: 0 }],
  topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4, cluster: 'DefaultCluster' }],
  producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 1, sendMode: 'SYNC', startAt: 1_000 }],
  consumers: [],
};

describe('messages and send attempts', () => {
  it('a SYNC message to a crashed broker fails once but is attempted 1 + retryTimesWhenSendFailed (2) times', () => {
    const sim = new TestSim(oneBroker).at(20_500).crashBroker('broker-a').advance(5_000);
    const { messages } = sim.summary();
    const failedMessages = sim.events('send.result', { status: 'FAILED' }).length;
    expect(failedMessages).toBeGreaterThan(0);
    expect(messages.failed).toBe(failedMessages);
    // The producer keeps the crashed broker in its route until its next 30 s pull: every attempt is refused.
    expect(messages.failedAttempts).toBe(3 * failedMessages);
    expect(messages.failedAttemptReasons).toEqual({ connectRefused: 3 * failedMessages });
    expect(messages.sendAttempts).toBe(messages.sent - failedMessages + 3 * failedMessages);
  });
});

describe('failed messages and why they failed', () => {
  /** The attempts (message.sent) of each message whose send ended FAILED. */
  function attemptsOfFailed(sim: TestSim): number[] {
    const attempts = new Map<string, number>();
    for (const { msgId } of sim.events('message.sent')) attempts.set(msgId, (attempts.get(msgId) ?? 0) + 1);
    return sim.events('send.result', { status: 'FAILED' }).map(({ msgId }) => attempts.get(msgId) ?? 0);
  }

  it('counts a send the crashed broker refused every time as its attempts having failed', () => {
    const sim = new TestSim(oneBroker).at(20_500).crashBroker('broker-a').advance(5_000);
    const { messages } = sim.summary();
    expect(messages.failed).toBeGreaterThan(0);
    expect(messages.failedCauses).toEqual({ attemptsFailed: messages.failed });
  });

  it('counts a send before its topic exists as no route: sendDefaultImpl throws "No route info of this topic" before any attempt', () => {
    const sim = new TestSim(createTopicCluster as ScenarioJson).advance(createTopicCluster.durationMs);
    const { messages } = sim.summary();
    const attempts = attemptsOfFailed(sim);
    expect(attempts.length).toBeGreaterThan(0);
    expect(attempts.every((n) => n === 0)).toBe(true);
    expect(messages.failedCauses).toEqual({ noRoute: attempts.length });
    expect(messages.failedAttempts).toBe(0);
  });

  it('counts a send from a producer with no NameServer address as failed at once: validateNameServerSetting throws before any attempt', () => {
    const sim = new TestSim({ ...oneBroker, nameServers: [] }).advance(10_000);
    const { messages } = sim.summary();
    // One send a second, the first a second after p-1 starts at 1 s: each send() throws at once, none waits for a route.
    expect(messages.sent).toBe(9);
    expect(sim.events('send.result', { status: 'FAILED' }).map((e) => e.t)).toEqual(Array.from({ length: 9 }, (_, i) => 2_000 + i * 1_000));
    expect(messages.failedCauses).toEqual({ noNameServer: 9 });
    expect(messages.sendAttempts).toBe(0);
    expect(sim.events('message.sent')).toEqual([]);
  });

  it('tells apart, once both masters are gone, the sends that made no attempt from those whose attempts failed', () => {
    // Crashed, not powered off: their connections close, ns-1 drops both masters at once and the route is left with no master.
    const masterCrash = masterCrashScenario();
    const sim = new TestSim(masterCrash).advance(masterCrash.durationMs as number);
    const { messages } = sim.summary();
    const attempts = attemptsOfFailed(sim);
    expect(messages.failedCauses).toEqual({ attemptsFailed: attempts.filter((n) => n > 0).length, noRoute: attempts.filter((n) => n === 0).length });
    expect(messages.failedCauses.noRoute).toBeGreaterThan(1_000);
  });
});

describe('lost ONEWAY messages', () => {
  const oneway: ScenarioJson = { ...oneBroker, config: { networkJitterMs: 0 }, producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 1, sendMode: 'ONEWAY', startAt: 1_000 }] };

  it('a message still on the way is not lost: at the instant of a send, every message is stored or in flight', () => {
    const sim = new TestSim(oneway).advance(10_000);
    // Sends at 2 s, 3 s ... 10 s (a second after p-1 starts); the one sent at 10 s arrives a hop later.
    expect(sim.summary().messages).toMatchObject({ sent: 9, stored: 8, lost: 0 });
    expect(sim.events('message.lost')).toEqual([]);
    sim.advance(1);
    expect(sim.summary().messages).toMatchObject({ sent: 9, stored: 9, lost: 0 });
  });

  it('a message whose broker crashes while it is on the way is lost when it would have arrived; the producer never knows', () => {
    // 5 ms on the wire: the broker crashes 2 ms after the send at 10 s, 3 ms before it would arrive.
    const sim = new TestSim({ ...oneway, config: { networkJitterMs: 0, networkLatencyMs: 5 }, timeline: [{ at: 10_002, action: 'crashBroker', target: 'broker-a' }] }).advance(10_005);
    const sent = sim.events('message.sent', (e) => e.t === 10_000);
    expect(sent).toHaveLength(1);
    expect(sim.events('message.lost').map(({ t, msgId, broker, reason, queueOffset }) => ({ t, msgId, broker, reason, queueOffset }))).toEqual([
      { t: 10_005, msgId: sent[0]!.msgId, broker: 'broker-a', reason: 'onewayNotDelivered', queueOffset: -1 },
    ]);
    expect(sim.summary().messages).toMatchObject({ lost: 1, failed: 0, failedAttempts: 0 });
  });

  it('a message sent into a partition is lost at once', () => {
    const sim = new TestSim({ ...oneway, timeline: [{ at: 5_500, action: 'partitionBroker', target: 'broker-a' }] }).advance(8_000);
    // The route still gives broker-a: the sends at 6, 7 and 8 s vanish as they leave.
    expect(sim.times('message.lost', { reason: 'onewayNotDelivered' })).toEqual([6_000, 7_000, 8_000]);
    expect(sim.summary().messages).toMatchObject({ lost: 3, lostCauses: { onewayNotDelivered: 3 } });
  });
});

describe('duplicates and their causes', () => {
  const sim = new TestSim(consumerJoinLeave).advance(420_000);
  const { messages } = sim.summary();
  /** msgId -> who consumed it and when, in order. */
  const consumers = new Map<string, { consumer: string; t: number }[]>();
  for (const { msgId, consumer, t } of sim.events('message.consumed')) consumers.set(msgId, [...(consumers.get(msgId) ?? []), { consumer, t }]);
  const again = [...consumers.values()].filter((list) => list.length > 1);
  const died = { 'c-3': 180_000, 'c-2': 240_000 } as Record<string, number>;

  it('counts one duplicate per extra consumption, and every duplicate has a cause', () => {
    expect(messages.duplicates).toBe(again.reduce((sum, list) => sum + list.length - 1, 0));
    expect(Object.values(messages.duplicateCauses).reduce((sum, n) => sum + n, 0)).toBe(messages.duplicates);
  });

  it('blames the crash of c-3 and the hang of c-2 for what another consumer got again after them', () => {
    // c-3 crashed and c-2 hung after their last offset commit (every 5 s): their queues went to others.
    const afterDeadConsumer = again.filter(([first, second]) => {
      const diedAt = died[first!.consumer];
      return diedAt !== undefined && first!.t < diedAt && second!.t >= diedAt && second!.consumer !== first!.consumer;
    });
    expect(afterDeadConsumer.length).toBeGreaterThan(0);
    expect(messages.duplicateCauses.crash).toBe(afterDeadConsumer.length);
    expect(messages.duplicateCauses.rebalance).toBe(messages.duplicates - afterDeadConsumer.length);
  });
});

describe('never consumable: one definition', () => {
  it('write 8 / read 4: every message stored in queues 4-7 (never allocated, never pullable)', () => {
    const sim = new TestSim(write8Read4).advance(180_000);
    const stranded = sim.events('message.stored', (event) => event.topic === 'TopicTest' && event.queueId >= 4).length;
    const { messages } = sim.summary();
    expect(messages.neverConsumable).toBe(stranded);
    expect(messages.neverConsumableCauses).toEqual({ writtenAboveRead: stranded });
  });

  it('shrinking unsafely: what the consumers had not pulled when queues 4-7 stopped being readable, and it never goes down', () => {
    const sim = new TestSim(shrinkUnsafely);
    const seen: number[] = [];
    // The summary without its trace hash (hashing the whole trace at every step is the slow part).
    for (let t = 60_000; t <= 240_000; t += 5_000) seen.push(summarize(sim.at(t).sim.state, t, '', sim.sim.traceCount).messages.neverConsumable);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const { messages, queues } = sim.summary();
    const left = queues.filter((queue) => queue.queueId >= 4).reduce((sum, queue) => sum + (queue.maxOffset - (queue.consumerOffsets.CG_ORDER ?? 0)), 0);
    expect(messages.neverConsumable).toBe(left);
    expect(left).toBeGreaterThan(0);
    expect(messages.neverConsumableCauses).toEqual({ readShrunk: left });
  });

  it('shrinking safely strands nothing: queues 4-7 are drained before readQueueNums drops', () => {
    const { messages, queues } = new TestSim(shrinkSafely).advance(240_000).summary();
    expect(messages.neverConsumable).toBe(0);
    const drained = queues.filter((queue) => !queue.readable && queue.maxOffset > 0);
    expect(drained.length).toBe(8);
    expect(drained.every((queue) => queue.neverConsumable === 0 && queue.unreadableCause === 'readShrunk')).toBe(true);
  });
});
