/**
 * What a producer does with each way an attempt can end, as DefaultMQProducerImpl.sendDefaultImpl
 * (SYNC) and MQClientAPIImpl.sendMessageAsync (ASYNC) do it, and what MQFaultStrategy learns from
 * it. Expected numbers come from RocketMQ's settings and tables, never from a run read back.
 */
import { describe, expect, it } from 'vitest';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

/** MQFaultStrategy (5.x): an isolation is computeNotAvailableDuration(10000), 10 s. */
const ISOLATION_5X = 10_000;
/** DefaultMQProducer.retryTimesWhenSendFailed / retryTimesWhenSendAsyncFailed (2): three attempts. */
const ATTEMPTS = 3;

/**
 * broker-a: a 5.x SYNC_MASTER that needs two in-sync replicas and acts as master alone, so once its
 * slave is gone it refuses every put with SYSTEM_ERROR (SendMessageProcessor: "in-sync replicas not
 * enough"); broker-b stores everything.
 */
function refusingMaster(config: Record<string, unknown> = {}): ScenarioJson {
  return {
    version: 1,
    seed: 7,
    durationMs: 40_000,
    config: { networkJitterMs: 0, ...config },
    nameServers: [{ id: 'ns-1' }],
    brokers: [
      { name: 'broker-a', role: 'SYNC_MASTER', inSyncReplicas: 2, enableSlaveActingMaster: true, ip: '10.0.1.1' },
      { name: 'broker-a', brokerId: 1, role: 'SLAVE', ip: '10.0.1.2' },
      { name: 'broker-b', ip: '10.0.1.3' },
    ],
    topics: [{ name: 'TopicTest', writeQueueNums: 2, readQueueNums: 2 }],
    producers: [
      { id: 'p-async', group: 'PGA', topic: 'TopicTest', ratePerSec: 4, sendMode: 'ASYNC', startAt: 1_000 },
      { id: 'p-sync', group: 'PGS', topic: 'TopicTest', ratePerSec: 4, sendMode: 'SYNC', startAt: 1_000 },
    ],
    timeline: [{ at: 20_000, action: 'crashBroker', target: 'broker-a', brokerId: 1 }],
  };
}

describe('an error answer (MQBrokerException)', () => {
  it('ends an ASYNC send at once in onException: sendMessageAsync tries again only when no answer came', () => {
    const sim = new TestSim(refusingMaster()).at(40_000);
    const refused = sim.events('send.failed', { producer: 'p-async', reason: 'SYSTEM_ERROR' });
    expect(refused.length).toBeGreaterThan(20);
    for (const failed of refused) {
      expect(sim.events('message.sent', { msgId: failed.msgId }).length, failed.msgId).toBe(1);
      expect(sim.first('send.result', { msgId: failed.msgId }), failed.msgId).toMatchObject({ status: 'FAILED', t: failed.t });
    }
  });

  it('is retried on another broker for a SYNC send (SYSTEM_ERROR is one of retryResponseCodes)', () => {
    const sim = new TestSim(refusingMaster()).at(40_000);
    const refused = sim.events('send.failed', { producer: 'p-sync', reason: 'SYSTEM_ERROR' });
    expect(refused.length).toBeGreaterThan(20);
    for (const failed of refused) {
      expect(sim.first('message.sent', { msgId: failed.msgId, attempt: 2 })?.broker, failed.msgId).toBe('broker-b');
      expect(sim.first('send.result', { msgId: failed.msgId })?.status, failed.msgId).toBe('SEND_OK');
    }
  });

  it('with sendLatencyFaultEnable, isolates the broker for 10 s (5.x): no first attempt goes there until then', () => {
    const sim = new TestSim(refusingMaster({ sendLatencyFaultEnable: true })).at(40_000);
    for (const producer of ['p-sync', 'p-async']) {
      const refused = sim.events('send.failed', { producer, reason: 'SYSTEM_ERROR' });
      expect(refused.length, producer).toBeGreaterThanOrEqual(2);
      for (const failed of refused) {
        const next = sim.first('message.sent', (e) => e.producer === producer && e.broker === 'broker-a' && e.t > failed.t);
        if (next) expect(next.t - failed.t, `${producer} after ${failed.t}`).toBeGreaterThanOrEqual(ISOLATION_5X);
      }
      // Refused about once per isolation over the 20 s after the slave's crash, not at every other send.
      expect(refused.length, producer).toBeLessThanOrEqual(Math.ceil(20_000 / ISOLATION_5X) + 1);
    }
  });
});

describe('retryAnotherBrokerWhenNotStoreOK', () => {
  // One 4.x SYNC_MASTER whose slave crashes: every put is stored and answered SLAVE_NOT_AVAILABLE.
  const slaveless: ScenarioJson = {
    version: 1,
    seed: 5,
    durationMs: 30_000,
    config: { rocketmqVersion: '4.x', networkJitterMs: 0, retryAnotherBrokerWhenNotStoreOK: true },
    nameServers: [{ id: 'ns-1' }],
    brokers: [
      { name: 'broker-a', role: 'SYNC_MASTER', ip: '10.0.1.1' },
      { name: 'broker-a', brokerId: 1, role: 'SLAVE', ip: '10.0.1.2' },
    ],
    topics: [{ name: 'TopicTest', writeQueueNums: 2, readQueueNums: 2 }],
    // Sending from 11 s: the slave's HAClient connects at its second look (5 s), and its first report, before which
    // 4.9.8's puts wait for an ack, comes one haSendHeartbeatInterval (5 s) later.
    producers: [{ id: 'p-sync', group: 'PGS', topic: 'TopicTest', ratePerSec: 2, sendMode: 'SYNC', startAt: 11_000 }],
    timeline: [{ at: 15_000, action: 'crashBroker', target: 'broker-a', brokerId: 1 }],
  };

  it('returns the last not-OK SendResult when every attempt stored without SEND_OK, and send() does not throw', () => {
    const sim = new TestSim(slaveless).at(30_000);
    const results = sim.events('send.result', (e) => e.t > 17_000);
    expect(results.length).toBeGreaterThan(20);
    for (const result of results) {
      expect(result.status, result.msgId).toBe('SLAVE_NOT_AVAILABLE');
      expect(sim.events('message.stored', { msgId: result.msgId, brokerId: 0 }).length, result.msgId).toBe(ATTEMPTS);
    }
    const { messages } = sim.summary();
    expect(messages.failed).toBe(0);
    expect(messages.sentNotOk.SLAVE_NOT_AVAILABLE).toBeGreaterThanOrEqual(results.length);
  });
});

/** Two masters, broker-a and broker-b, and one producer of the given mode at 4 messages a second from 1 s. */
function twoBrokers(sendMode: string, parts: Partial<ScenarioJson> & { queues?: number; ratePerSec?: number } = {}): ScenarioJson {
  const { queues = 2, ratePerSec = 4, ...rest } = parts;
  return {
    version: 1, seed: 9, durationMs: 30_000,
    config: { networkJitterMs: 0 },
    nameServers: [{ id: 'ns-1' }],
    brokers: [{ name: 'broker-a' }, { name: 'broker-b' }],
    topics: [{ name: 'TopicTest', writeQueueNums: queues, readQueueNums: queues }],
    producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec, sendMode, startAt: 1_000 }],
    ...rest,
  };
}

describe('a ONEWAY send into a broker process that is down (5.3 invokeOneway)', () => {
  it('is dropped silently when the connect is refused: lost, never a failed send', () => {
    const sim = new TestSim(twoBrokers('ONEWAY', { timeline: [{ at: 20_000, action: 'crashBroker', target: 'broker-b' }] })).at(30_000);
    const toB = sim.events('message.sent', (e) => e.broker === 'broker-b' && e.t > 20_100);
    expect(toB.length).toBeGreaterThan(5);
    for (const sent of toB) expect(sim.first('message.lost', { msgId: sent.msgId })?.reason, sent.msgId).toBe('onewayNotDelivered');
    expect(sim.events('send.failed')).toEqual([]);
    expect(sim.summary().messages.failed).toBe(0);
  });
});

describe('an ASYNC retry (MQClientAPIImpl.onExceptionImpl)', () => {
  it('sends the same request, queue id and all, to the broker the strategy chose', () => {
    const sim = new TestSim(twoBrokers('ASYNC', {
      seed: 3, durationMs: 40_000, queues: 4, ratePerSec: 8, timeline: [{ at: 20_000, action: 'partitionBroker', target: 'broker-a' }],
    })).at(40_000);
    const retries = sim.events('message.sent', (e) => e.attempt === 2);
    expect(retries.length).toBeGreaterThan(5);
    const queueIds = new Set<number>();
    for (const retry of retries) {
      const first = sim.first('message.sent', { msgId: retry.msgId, attempt: 1 })!;
      expect(retry.broker, retry.msgId).toBe('broker-b');
      expect(retry.queueId, retry.msgId).toBe(first.queueId);
      queueIds.add(retry.queueId);
    }
    expect(queueIds.size).toBeGreaterThan(1);
  });
});

describe('the fault item a send leaves as it goes (sendDefaultImpl\'s updateFaultItem after sendKernelImpl)', () => {
  it('an ONEWAY send, whose sendKernelImpl returns at once, records its broker with a latency of 0, reachable', () => {
    const sim = new TestSim(twoBrokers('ONEWAY', { durationMs: 10_000, config: { networkJitterMs: 0, sendLatencyFaultEnable: true } })).at(10_000);
    const items = sim.producer('p-1').latencyFaultTolerance.faultItemTable;
    expect(Object.keys(items).sort()).toEqual(['broker-a', 'broker-b']);
    for (const item of Object.values(items)) expect(item).toMatchObject({ currentLatency: 0, reachable: true, startTimestamp: 0 });
  });
});
