/**
 * A consumer's send-back as the broker decides it (SendMessageProcessor.consumerSendMsgBack:
 * lookMessageByOffset, then the stored copy's reconsumeTimes) and as the client's own producer's
 * send does (DefaultMQPushConsumerImpl.sendMessageBackAsNormalMessage, then
 * SendMessageProcessor.handleRetryAndDLQ on its RECONSUME_TIME), and what the consume.failed event
 * says of it. Expected numbers come from RocketMQ's rules (delay levels, maxReconsumeTimes), never
 * from a run read back.
 */
import { describe, expect, it } from 'vitest';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

const HOP = 1;
const S = 1_000;
/** MessageStoreConfig.messageDelayLevel: levels 3 and 4 are 10 s and 30 s. */
const LEVEL_3 = 10 * S;
/** DefaultMQPushConsumerImpl.sendMessageBack's timeout (5000 ms) and NettyClientConfig.connectTimeoutMillis (3 s). */
const SEND_BACK_TIMEOUT = 5 * S;
const CONNECT_TIMEOUT = 3 * S;
/** ConsumeMessageConcurrentlyService.submitConsumeRequestLater: 5 s; the listener takes 3 s here. */
const RECONSUME_LATER = 5 * S;
const CONSUME_TIME = 3 * S;

function scenario(parts: Partial<ScenarioJson>): ScenarioJson {
  return {
    version: 1,
    durationMs: 3_600_000,
    nameServers: [{ id: 'ns-1' }],
    brokers: [{ name: 'broker-a' }],
    topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
    ...parts,
    config: { networkJitterMs: 0, ...(parts.config as object | undefined) },
  };
}

const producer = (fields: Record<string, unknown> = {}) => ({ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 1, tags: ['Bad'], ...fields });
const consumer = (id: string, fields: Record<string, unknown> = {}) => ({ id, group: 'CG', topic: 'TopicTest', ...fields });

/**
 * c-1 fails every Bad message, taking 3 s over each. A first run finds when its first failure
 * ends (tf); the second cuts c-1 off broker-a from tf - 500 ms to tf + 9 s, so the send-back times
 * out (5 s), the client's own producer's connect too (3 s), and c-1 consumes the message again
 * 5 s later (its copy's reconsumeTimes now 1), when the link is back.
 */
function sendBackLost(config: Record<string, unknown> = {}): { sim: TestSim; failure: { t: number; msgId: string } } {
  const base = (timeline: object[]) => scenario({
    config,
    topics: [{ name: 'TopicTest', writeQueueNums: 1, readQueueNums: 1 }],
    producers: [producer()],
    consumers: [consumer('c-1', { failTags: ['Bad'], consumeTimeMs: CONSUME_TIME })],
    timeline: [{ at: 1_500, action: 'setProducerRate', target: 'p-1', ratePerSec: 0 }, ...timeline],
  });
  const tf = new TestSim(base([])).at(40_000).first('consume.failed')!.t;
  const sim = new TestSim(base([
    { at: tf - 500, action: 'partitionLink', target: 'c-1', peer: 'broker-a' },
    { at: tf + 9_000, action: 'healLink', target: 'c-1', peer: 'broker-a' },
  ]));
  const failure = sim.at(tf).first('consume.failed')!;
  expect(failure).toMatchObject({ t: tf, reconsumeTimes: 0 });
  return { sim, failure };
}

describe('consumerSendMsgBack reads the stored copy (lookMessageByOffset), not the consumer\'s', () => {
  it('a send-back after a local retry waits at delay level 3 + the stored reconsumeTimes (0), not the consumer\'s (1), and its retry copy has reconsumeTimes 1', () => {
    const { sim, failure } = sendBackLost();
    sim.at(failure.t + 2 * 60 * S);
    const again = sim.events('consume.failed', { msgId: failure.msgId })[1]!;
    expect(again).toMatchObject({ reconsumeTimes: 1, next: 'retry' });
    expect(again.t).toBe(failure.t + SEND_BACK_TIMEOUT + CONNECT_TIMEOUT + RECONSUME_LATER + CONSUME_TIME);
    // The second send-back reaches broker-a one hop later; level 3 (10 s), where the consumer's copy would ask for level 4 (30 s).
    const retries = sim.events('message.stored', { msgId: failure.msgId, topic: '%RETRY%CG' });
    expect(retries.map((e) => e.t)).toEqual([again.t + HOP + LEVEL_3, expect.any(Number)]);
    // RECONSUME_TIME of the retry copy: the stored copy's reconsumeTimes + 1.
    const fromRetry = sim.events('consume.failed', (e) => e.msgId === failure.msgId && e.t > retries[0]!.t)[0]!;
    expect(fromRetry.reconsumeTimes).toBe(1);
  });

  it('with maxReconsumeTimes 1 the broker retries a message whose stored copy was never retried, though the consumer\'s copy reached 1', () => {
    const { sim, failure } = sendBackLost({ maxReconsumeTimes: 1 });
    sim.at(failure.t + 60 * S);
    const again = sim.events('consume.failed', { msgId: failure.msgId })[1]!;
    expect(again).toMatchObject({ reconsumeTimes: 1, next: 'retry' });
    expect(sim.events('message.stored', { msgId: failure.msgId, topic: '%RETRY%CG' }).map((e) => e.t)).toEqual([again.t + HOP + LEVEL_3]);
    expect(sim.events('message.stored', { msgId: failure.msgId, topic: '%DLQ%CG' }).map((e) => e.t)).toEqual([expect.any(Number)]);
    expect(sim.events('message.stored', { msgId: failure.msgId, topic: '%DLQ%CG' })[0]!.t).toBeGreaterThan(again.t + HOP + LEVEL_3);
  });

  it('a master that no longer holds the offset (its page cache lost with the message) answers SYSTEM_ERROR, and the client\'s own producer sends the message to %RETRY%<group>', () => {
    // Two messages a second apart: the first put after 10 s flushes thoroughly (flushCommitLogThoroughInterval),
    // the second (Bad) stays in the page cache. broker-a loses power while c-1's listener runs on it and is back before it fails.
    const base = (timeline: object[]) => scenario({
      topics: [{ name: 'TopicTest', writeQueueNums: 1, readQueueNums: 1 }],
      producers: [producer({ ratePerSec: 0, tags: ['A', 'Bad'] })],
      consumers: [consumer('c-1', { failTags: ['Bad'], consumeTimeMs: CONSUME_TIME })],
      timeline: [
        { at: 30_000, action: 'setProducerRate', target: 'p-1', ratePerSec: 1 },
        { at: 32_500, action: 'setProducerRate', target: 'p-1', ratePerSec: 0 },
        ...timeline,
      ],
    });
    const tf = new TestSim(base([])).at(60_000).first('consume.failed')!.t;
    const sim = new TestSim(base([
      { at: tf - 2_000, action: 'powerOffBroker', target: 'broker-a' },
      { at: tf - 1_000, action: 'startBroker', target: 'broker-a' },
    ])).at(tf + 20 * S);
    const failure = sim.first('consume.failed')!;
    expect(failure.t).toBe(tf);
    expect(sim.events('message.lost', { msgId: failure.msgId })).toHaveLength(1);
    // CONSUMER_SEND_MSG_BACK there and its SYSTEM_ERROR back (two hops), then the producer's SEND_MESSAGE (one more).
    const parked = sim.events('message.stored', { msgId: failure.msgId, topic: 'SCHEDULE_TOPIC_XXXX' });
    expect(parked.map((e) => ({ t: e.t, queueId: e.queueId }))).toEqual([{ t: tf + 3 * HOP, queueId: 2 }]);
    expect(sim.events('message.stored', { msgId: failure.msgId, topic: '%RETRY%CG' }).map((e) => e.t)).toEqual([tf + 3 * HOP + LEVEL_3]);
  });
});

describe('consume.failed\'s next when the client\'s own producer sends the message back (handleRetryAndDLQ)', () => {
  /** broker-a (a master and a slave serving reads) and broker-b; broker-a's master crashes at 30 s, c-1 starts at 35 s and reads broker-a's messages from the slave. */
  const masterGone = (config: Record<string, unknown>) => scenario({
    config,
    brokers: [{ name: 'broker-a', brokerId: 0, role: 'ASYNC_MASTER' }, { name: 'broker-a', brokerId: 1, role: 'SLAVE', slaveReadEnable: true }, { name: 'broker-b' }],
    producers: [producer()],
    consumers: [consumer('c-1', { failTags: ['Bad'], startAt: 35_000 })],
    timeline: [{ at: 10_000, action: 'setProducerRate', target: 'p-1', ratePerSec: 0 }, { at: 30_000, action: 'crashBroker', target: 'broker-a' }],
  });

  function firstFailureOnA(sim: TestSim) {
    const onA = new Set(sim.events('message.stored', (e) => e.broker === 'broker-a' && e.topic === 'TopicTest').map((e) => e.msgId));
    const failure = sim.first('consume.failed', (e) => onA.has(e.msgId))!;
    expect(failure.reconsumeTimes).toBe(0);
    return failure;
  }

  it('4.x: RECONSUME_TIME 1 reaches maxReconsumeTimes 1, so the first failure is dead-lettered at once, and next says dlq', () => {
    const sim = new TestSim(masterGone({ rocketmqVersion: '4.x', maxReconsumeTimes: 1 })).at(60_000);
    const failure = firstFailureOnA(sim);
    expect(failure.next).toBe('dlq');
    expect(sim.events('message.stored', { msgId: failure.msgId, topic: '%DLQ%CG' })).toEqual([expect.objectContaining({ t: failure.t + HOP, broker: 'broker-b' })]);
    expect(sim.events('message.stored', { msgId: failure.msgId, topic: '%RETRY%CG' })).toEqual([]);
  });

  it('5.x: only a RECONSUME_TIME past maxReconsumeTimes is dead-lettered, so the first failure waits at level 3 and next says retry', () => {
    const sim = new TestSim(masterGone({ maxReconsumeTimes: 1 })).at(60_000);
    const failure = firstFailureOnA(sim);
    expect(failure.next).toBe('retry');
    expect(sim.events('message.stored', { msgId: failure.msgId, topic: '%RETRY%CG' })).toEqual([expect.objectContaining({ t: failure.t + HOP + LEVEL_3, broker: 'broker-b' })]);
    // The retry copy (reconsumeTimes 1) fails in its turn and goes back to broker-b's master, whose verdict is the DLQ.
    const second = sim.events('consume.failed', { msgId: failure.msgId })[1]!;
    expect(second).toMatchObject({ reconsumeTimes: 1, next: 'dlq' });
    expect(sim.events('message.stored', { msgId: failure.msgId, topic: '%DLQ%CG' })).toEqual([expect.objectContaining({ t: second.t + HOP, broker: 'broker-b' })]);
  });
});
