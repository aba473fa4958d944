/**
 * A broker counts the remoting requests it processed by RequestCode (BrokerStatsManager-like
 * counters): every SEND_MESSAGE that reached it, the consumer's and the producer's HEART_BEAT every
 * heartbeatBrokerInterval (30 s), mqadmin's UPDATE_AND_CREATE_TOPIC.
 */
import { describe, expect, it } from 'vitest';
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
    // Two clients, each heartbeating every master it knows once per period.
    expect((after.HEART_BEAT ?? 0) - (before.HEART_BEAT ?? 0)).toBe(2 * 2);
    expect(before.UPDATE_AND_CREATE_TOPIC).toBeUndefined();
    expect(after.UPDATE_AND_CREATE_TOPIC).toBe(1);
    expect(after.PULL_MESSAGE).toBeGreaterThan(0);
  });
});
