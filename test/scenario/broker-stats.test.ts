/**
 * A broker counts the remoting requests it processed by RequestCode (BrokerStatsManager-like
 * counters): every SEND_MESSAGE that reached it, the consumer's and the producer's HEART_BEAT every
 * heartbeatBrokerInterval (30 s), mqadmin's UPDATE_AND_CREATE_TOPIC.
 */
import { describe, expect, it } from 'vitest';
import retriesDlq from '../../src/scenario/library/retries-dlq.json';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

/** ClientConfig.heartbeatBrokerInterval. */
const HEARTBEAT_PERIOD = 30_000;

const scenario: ScenarioJson = {
  version: 1, seed: 9, durationMs: 120_000,
  nameServers: [{ id: 'ns-1' }],
  brokers: [{ name: 'broker-a' }, { name: 'broker-b' }],
  topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
  producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 10, startAt: 1_000 }],
  consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest', startAt: 1_000 }],
  timeline: [{ at: 50_000, action: 'updateTopic', topic: 'TopicTest', cluster: 'DefaultCluster', writeQueueNums: 8, readQueueNums: 8 }],
};

describe('requests counted by RequestCode', () => {
  const sim = new TestSim(scenario).at(40_000);
  const counts = (broker: string) => ({ ...sim.broker(broker).requestCounts });

  it('counts every SEND_MESSAGE that reached the broker', () => {
    for (const broker of ['broker-a', 'broker-b']) {
      // Without faults every attempt arrives; the ones still on the wire at 40 s are sent in the last millisecond or two.
      const arrived = sim.events('message.sent', (e) => e.broker === broker && e.t < 40_000 - 2).length;
      expect(counts(broker).SEND_MESSAGE).toBeGreaterThanOrEqual(arrived);
      expect(counts(broker).SEND_MESSAGE).toBeLessThanOrEqual(sim.events('message.sent', { broker }).length);
    }
  });

  it('counts one HEART_BEAT from the consumer and one from the producer every 30 s, and one UPDATE_AND_CREATE_TOPIC per mqadmin run', () => {
    const before = counts('broker-a');
    sim.at(40_000 + 2 * HEARTBEAT_PERIOD);
    const after = counts('broker-a');
    // Two clients, each heartbeating every master it knows once per period, and the consumer once
    // more when the mqadmin run's new queues change its own (RebalancePushImpl.messageQueueChanged).
    const rebalanceRounds = sim.events('client.heartbeat', (e) => e.broker === 'broker-a' && e.brokerId === 0 && e.trigger === 'rebalance' && e.t > 40_000);
    expect(rebalanceRounds).toHaveLength(1);
    expect((after.HEART_BEAT ?? 0) - (before.HEART_BEAT ?? 0)).toBe(2 * 2 + 1);
    expect(before.UPDATE_AND_CREATE_TOPIC).toBeUndefined();
    expect(after.UPDATE_AND_CREATE_TOPIC).toBe(1);
    expect(after.PULL_MESSAGE).toBeGreaterThan(0);
  });
});

/**
 * A restarted broker is a new JVM: BrokerStatsManager and StoreStatsService are built anew in
 * BrokerController's constructor, so every figure they keep starts from 0 at its start, and the
 * Dashboard's Today Produce and Consume counts (msgPutTotalTodayNow, msgGetTotalTodayNow) count
 * from there.
 */
describe('a restarted broker counts from 0 again (a new BrokerStatsManager and StoreStatsService)', () => {
  const CRASH = 40_000;
  const RESTART = 60_000;
  const restarted: ScenarioJson = {
    ...scenario,
    timeline: [{ at: CRASH, action: 'crashBroker', target: 'broker-a' }, { at: RESTART, action: 'startBroker', target: 'broker-a' }],
  };
  const sim = new TestSim(restarted).at(RESTART);
  const figures = (broker: string) => {
    const { messagesPut, messagesStored, messagesServed, groupGetNums, requestCounts } = sim.broker(broker);
    return { messagesPut, messagesStored, messagesServed, groupGetNums: { ...groupGetNums }, requestCounts: { ...requestCounts } };
  };

  it('has put, stored and served nothing, and processed no request, as it starts', () => {
    expect(sim.events('message.stored', (e) => e.broker === 'broker-a' && e.t < CRASH).length).toBeGreaterThan(100);
    expect(figures('broker-a')).toEqual({ messagesPut: 0, messagesStored: 0, messagesServed: 0, groupGetNums: {}, requestCounts: {} });
    // broker-b ran on: its figures still count from the run's start.
    expect(figures('broker-b').messagesStored).toBe(sim.events('message.stored', { broker: 'broker-b' }).length);
  });

  it('counts what it stored and served since its restart only', () => {
    sim.at(100_000);
    const storedSince = sim.events('message.stored', (e) => e.broker === 'broker-a' && e.t >= RESTART).length;
    expect(storedSince).toBeGreaterThan(100);
    expect(figures('broker-a')).toMatchObject({ messagesPut: storedSince, messagesStored: storedSince });
    const served = figures('broker-a').messagesServed;
    expect(served).toBeGreaterThanOrEqual(sim.events('message.consumed', (e) => e.broker === 'broker-a' && e.t >= RESTART).length);
    expect(Object.values(figures('broker-a').groupGetNums).reduce((sum, n) => sum + n, 0)).toBe(served);
  });
});

/**
 * 5.x's Today Produce Count (msgPutTotalTodayNow) is BrokerStatsManager's put count without system
 * topics (getBrokerPutNumsWithoutSystemTopic), which only some puts raise (incBrokerPutNums):
 * SendMessageProcessor's, with the topic the message was stored under, so a delayed message parked
 * in SCHEDULE_TOPIC_XXXX (a system topic) is not counted there; and ScheduleMessageService's
 * delivery to the real topic, a %RETRY% topic included (not a system topic). A consumer's send-back
 * (AbstractSendMessageProcessor.consumerSendMsgBack) counts none, so a dead letter it writes to
 * %DLQ% is not counted.
 */
describe('5.x: the put count (incBrokerPutNums) counts the send processors\' puts and the delayed deliveries, not the send-backs', () => {
  // A poison message: c-1 fails every Poison message, each retried 16 times (send-back, then delivery
  // from SCHEDULE_TOPIC_XXXX to %RETRY%CG), then sent back to %DLQ%CG. 5 h covers the retries.
  const sim = new TestSim({ ...retriesDlq, config: { rocketmqVersion: '5.x' } } as ScenarioJson).at(retriesDlq.durationMs);
  const stored = (topic: string) => sim.events('message.stored', (e) => e.broker === 'broker-a' && e.brokerId === 0 && e.topic === topic).length;

  it('is the messages stored in TopicTest and delivered to %RETRY%CG, not those parked in SCHEDULE_TOPIC_XXXX nor the dead letters', () => {
    expect(stored('SCHEDULE_TOPIC_XXXX')).toBeGreaterThan(16);
    expect(stored('%RETRY%CG')).toBeGreaterThan(15);
    expect(stored('%DLQ%CG')).toBeGreaterThan(0);
    expect(sim.broker('broker-a').messagesPut).toBe(stored('TopicTest') + stored('%RETRY%CG'));
  });
});
