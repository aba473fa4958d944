/**
 * The message path as RocketMQ runs it: which queues producers write and consumers read, what
 * happens to sends when a broker fails, how consumers notice each other, filtering, retries and
 * the DLQ, delayed messages, offsets and ids. Expected numbers come from RocketMQ's source (the
 * classes in the describe titles), never from a run read back.
 */
import { describe, expect, it } from 'vitest';
import { decodeOffsetMsgId } from '../../src/model/message-id.ts';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

const HOP = 1;
/** ConsumeMessageConcurrentlyService: a listener call takes consumeTimeMs (ours, default 5 ms). */
const CONSUME_TIME = 5;
/** MessageStoreConfig.messageDelayLevel: "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h". */
const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const DELAY_LEVELS = [S, 5 * S, 10 * S, 30 * S, M, 2 * M, 3 * M, 4 * M, 5 * M, 6 * M, 7 * M, 8 * M, 9 * M, 10 * M, 20 * M, 30 * M, H, 2 * H];
/** SendMessageProcessor.consumerSendMsgBack: retry k (reconsumeTimes k = 0..15) waits delay level 3 + k. */
const RETRY_DELAYS = [10 * S, 30 * S, M, 2 * M, 3 * M, 4 * M, 5 * M, 6 * M, 7 * M, 8 * M, 9 * M, 10 * M, 20 * M, 30 * M, H, 2 * H];

function scenario(parts: Partial<ScenarioJson>): ScenarioJson {
  return {
    version: 1,
    durationMs: 6 * H,
    config: { networkJitterMs: 0 },
    nameServers: [{ id: 'ns-1' }],
    brokers: [{ name: 'broker-a' }],
    topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
    ...parts,
  };
}

const producer = (fields: Record<string, unknown> = {}) => ({ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 10, ...fields });
const consumer = (id: string, fields: Record<string, unknown> = {}) => ({ id, group: 'CG', topic: 'TopicTest', ...fields });

/** msgIds of TopicTest messages stored in queues with the given ids. */
function storedIn(sim: TestSim, accept: (queueId: number) => boolean): Set<string> {
  return new Set(sim.events('message.stored', (e) => e.topic === 'TopicTest' && accept(e.queueId)).map((e) => e.msgId));
}

describe('readQueueNums vs writeQueueNums (topicRouteData2TopicPublishInfo / SubscribeInfo)', () => {
  it('write 8 / read 4 leaves the messages of queues 4..7 never consumable, with no consumer offset moving there', () => {
    const sim = new TestSim(scenario({
      brokers: [{ name: 'broker-a' }, { name: 'broker-b' }],
      topics: [{ name: 'TopicTest', writeQueueNums: 8, readQueueNums: 4 }],
      producers: [producer()],
      consumers: [consumer('c-1'), consumer('c-2')],
    })).at(60_000);
    const upper = storedIn(sim, (id) => id >= 4);
    const lower = storedIn(sim, (id) => id < 4);
    expect(upper.size).toBeGreaterThan(200);
    const summary = sim.summary();
    expect(summary.messages.neverConsumable).toBe(upper.size);
    for (const queue of summary.queues.filter((q) => q.topic === 'TopicTest' && q.queueId >= 4)) {
      expect(queue).toMatchObject({ readable: false, writable: true, consumerOffsets: { CG: 0 } });
    }
    expect(sim.events('message.consumed', (e) => e.queueId >= 4)).toEqual([]);
    expect(sim.events('offset.committed', (e) => e.topic === 'TopicTest' && e.queueId >= 4)).toEqual([]);
    // Every message of queues 0..3 is consumed (the last few may still be on their way).
    const consumed = new Set(sim.events('message.consumed').map((e) => e.msgId));
    expect([...lower].filter((id) => !consumed.has(id)).length).toBeLessThanOrEqual(2);
  });

  it('read 8 / write 4: with AVG the consumer owning queue ids 4..7 consumes nothing', () => {
    const sim = new TestSim(scenario({
      topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 8 }],
      producers: [producer()],
      consumers: [consumer('c-1'), consumer('c-2')],
    })).at(60_000);
    // cidAll sorted: 10.0.2.1@c-1 < 10.0.2.2@c-2; AVG gives contiguous blocks of 8 / 2 = 4.
    expect(sim.last('rebalance', { consumer: 'c-1', topic: 'TopicTest' })?.queues).toEqual(['broker-a:0', 'broker-a:1', 'broker-a:2', 'broker-a:3']);
    expect(sim.last('rebalance', { consumer: 'c-2', topic: 'TopicTest' })?.queues).toEqual(['broker-a:4', 'broker-a:5', 'broker-a:6', 'broker-a:7']);
    expect(sim.events('message.stored', (e) => e.topic === 'TopicTest' && e.queueId >= 4)).toEqual([]);
    expect(sim.events('message.consumed', { consumer: 'c-2' })).toEqual([]);
    expect(sim.events('message.consumed', { consumer: 'c-1' }).length).toBeGreaterThan(500);
  });

  /**
   * Consumers that start 60 s late, consume 20 messages a second each and hold at most about 10
   * pulled messages per queue (pullThresholdForQueue): a backlog that waits on the broker.
   */
  const shrinking = (timeline: unknown[]) => scenario({
    config: { networkJitterMs: 0, consumeThreadMax: 1, pullThresholdForQueue: 10 },
    brokers: [{ name: 'broker-a' }, { name: 'broker-b' }],
    topics: [{ name: 'TopicTest', writeQueueNums: 8, readQueueNums: 8 }],
    producers: [producer()],
    consumers: [consumer('c-1', { startAt: 60_000, consumeTimeMs: 50 }), consumer('c-2', { startAt: 60_000, consumeTimeMs: 50 })],
    timeline: [...timeline, { at: 170_050, action: 'setProducerRate', target: 'p-1', ratePerSec: 0 }],
  });

  it('shrinking the safe way (write 4, wait until 4..7 are drained, then read 4) loses nothing', () => {
    const sim = new TestSim(shrinking([
      { at: 65_000, action: 'updateTopic', topic: 'TopicTest', writeQueueNums: 4 },
      // The producer learns the new write count at its next route refresh (90 010 ms); 4..7 then drain.
      { at: 121_000, action: 'updateTopic', topic: 'TopicTest', readQueueNums: 4 },
    ])).at(180_000);
    expect(sim.events('message.stored', (e) => e.topic === 'TopicTest' && e.queueId >= 4 && e.t > 90_012)).toEqual([]);
    const summary = sim.summary();
    expect(summary.messages.neverConsumable).toBe(0);
    expect(summary.queues.filter((q) => q.topic === 'TopicTest').map((q) => q.lag.CG)).toEqual(new Array(16).fill(0));
    const consumed = new Set(sim.events('message.consumed').map((e) => e.msgId));
    expect(consumed.size).toBe(1_700);
    expect([...storedIn(sim, () => true)].filter((id) => !consumed.has(id))).toEqual([]);
  });

  it('shrinking the unsafe way (write 4 and read 4 at once) strands the backlog of queues 4..7', () => {
    const sim = new TestSim(shrinking([
      { at: 65_000, action: 'updateTopic', topic: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 },
    ])).at(180_000);
    const consumed = new Set(sim.events('message.consumed').map((e) => e.msgId));
    const stranded = [...storedIn(sim, (id) => id >= 4)].filter((id) => !consumed.has(id));
    expect(stranded.length).toBeGreaterThan(50);
    expect(sim.summary().messages.neverConsumable).toBe(stranded.length);
    // From then on the broker refuses pulls of ids >= readQueueNums (PullMessageProcessor) ...
    const pulledBefore = new Set(sim.events('message.consumed', (e) => e.queueId >= 4 && e.t > 65_000).map((e) => e.msgId));
    // Only what the consumers had already pulled is consumed: per queue at most pullThresholdForQueue + pullBatchSize.
    expect(pulledBefore.size).toBeLessThanOrEqual(2 * 4 * (10 + 32));
    expect(sim.first('pull.rejected', (e) => e.queueId >= 4)).toMatchObject({ reason: 'INVALID_PARAMETER' });
    // ... and sends to ids >= max(read, write) (msgCheck) until the producer's refresh at 90 010 ms.
    const refused = sim.events('send.failed', { reason: 'INVALID_PARAMETER' });
    expect(refused.length).toBeGreaterThan(50);
    expect(refused.every((e) => e.queueId >= 4 && e.t > 65_000 && e.t < 90_012)).toBe(true);
    expect(sim.events('send.result', (e) => refused.some((r) => r.msgId === e.msgId)).every((e) => e.status === 'FAILED')).toBe(true);
    expect(sim.events('message.stored', (e) => e.topic === 'TopicTest' && e.queueId >= 4 && e.t > 65_000)).toEqual([]);
  });
});

describe('sending when a broker fails (DefaultMQProducerImpl.sendDefaultImpl, TopicPublishInfo.selectOneMessageQueue)', () => {
  it('retries a send on another broker after a crash, with the same msgId, until the next route refresh drops the dead broker', () => {
    const sim = new TestSim(scenario({
      brokers: [{ name: 'broker-a' }, { name: 'broker-b' }],
      producers: [producer()],
      timeline: [{ at: 20_050, action: 'crashBroker', target: 'broker-a' }],
    })).at(60_000);
    const failed = sim.events('send.failed');
    expect(failed.length).toBeGreaterThan(10);
    for (const failure of failed) {
      expect(failure).toMatchObject({ broker: 'broker-a', attempt: 1, reason: 'connectRefused' });
      const retry = sim.events('message.sent', { msgId: failure.msgId, attempt: 2 });
      expect(retry).toEqual([expect.objectContaining({ t: failure.t, broker: 'broker-b' })]);
      expect(sim.events('send.result', { msgId: failure.msgId })).toEqual([expect.objectContaining({ status: 'SEND_OK' })]);
      expect(sim.events('message.stored', { msgId: failure.msgId })).toEqual([expect.objectContaining({ broker: 'broker-b' })]);
    }
    // The refresh at 30 010 ms answers at 30 012 without broker-a (removed at 20 051).
    const refresh = sim.last('route.updated', { client: 'p-1' })!;
    expect(refresh.t).toBe(30_012);
    expect(refresh.writeQueues.every((q) => q.startsWith('broker-b:'))).toBe(true);
    expect(failed.at(-1)!.t).toBeLessThan(30_012);
    expect(sim.events('message.sent', (e) => e.t > 30_012 && e.broker === 'broker-a')).toEqual([]);
  });

  it('a partitioned broker makes a SYNC send time out after sendMsgTimeout (3000 ms); the timeout closes the channel (clientCloseSocketIfTimeout), failing the sends waiting on it, and every later connect times out (connectTimeoutMillis, 3000 ms) with the sends that waited for it', () => {
    const sim = new TestSim(scenario({
      producers: [producer({ ratePerSec: 1 })],
      timeline: [{ at: 20_500, action: 'partitionBroker', target: 'broker-a' }],
    })).at(40_000);
    const firstAttempts = sim.events('message.sent', (e) => e.t > 20_500 && e.t <= 36_000 && e.attempt === 1);
    expect(firstAttempts.map((e) => e.t)).toEqual([21_000, 22_000, 23_000, 24_000, 25_000, 26_000, 27_000, 28_000, 29_000, 30_000, 31_000, 32_000, 33_000, 34_000, 35_000, 36_000]);
    const failures = (msgId: string) => sim.events('send.failed', { msgId }).map(({ t, attempt, reason }) => ({ t, attempt, reason }));
    const failedAt = (msgId: string) => sim.events('send.result', { msgId }).map(({ t, status }) => ({ t, status }));
    const [first, second, third, ...later] = firstAttempts;
    const closedAt = 24_000;
    expect(failures(first!.msgId)).toEqual([{ t: closedAt, attempt: 1, reason: 'timeout' }]);
    // The two sends waiting on the closed channel fail with it and try the only broker again: a new connect, which times out.
    for (const sent of [second!, third!]) {
      expect(failures(sent.msgId)).toEqual([{ t: closedAt, attempt: 1, reason: 'channelClosed' }, { t: closedAt + 3_000, attempt: 2, reason: 'connectTimeout' }]);
      expect(failedAt(sent.msgId)).toEqual([{ t: closedAt + 3_000, status: 'FAILED' }]);
    }
    // One connect at a time, each 3 s (createChannelAsync hands a send made meanwhile the same ChannelFuture): the send that
    // starts one has no budget left when it fails; the two made after it fail with it and wait for the next.
    for (const sent of later) {
      const end = closedAt + Math.ceil((sent.t - closedAt) / 3_000) * 3_000;
      if (end === sent.t) {
        expect(failures(sent.msgId)).toEqual([{ t: sent.t + 3_000, attempt: 1, reason: 'connectTimeout' }]);
        expect(failedAt(sent.msgId)).toEqual([{ t: sent.t + 3_000, status: 'FAILED' }]);
      } else {
        expect(failures(sent.msgId)).toEqual([{ t: end, attempt: 1, reason: 'connectTimeout' }, { t: end + 3_000, attempt: 2, reason: 'connectTimeout' }]);
        expect(failedAt(sent.msgId)).toEqual([{ t: end + 3_000, status: 'FAILED' }]);
      }
    }
    expect(sim.events('message.stored', (e) => e.t > 20_500)).toEqual([]);
  });

  it('a producer shut down with a send still open reports it FAILED when the send times out', () => {
    const sim = new TestSim(scenario({
      producers: [producer({ ratePerSec: 1 })],
      timeline: [
        { at: 10_500, action: 'partitionBroker', target: 'broker-a' },
        { at: 11_500, action: 'removeProducer', target: 'p-1' },
      ],
    })).at(20_000);
    const open = sim.last('message.sent')!;
    expect(open.t).toBe(11_000);
    expect(sim.events('send.result', { msgId: open.msgId })).toEqual([expect.objectContaining({ t: 14_000, status: 'FAILED' })]);
    expect(sim.summary().messages).toMatchObject({ sent: 11, stored: 10, failed: 1 });
  });
});

describe('consumers noticing each other (RebalanceService, ClientHousekeepingService)', () => {
  const group = () => scenario({
    topics: [{ name: 'TopicTest', writeQueueNums: 8, readQueueNums: 8 }],
    producers: [producer()],
    consumers: [consumer('c-1'), consumer('c-2')],
  });

  it('a crashed consumer closes its channel: the broker tells the group and the survivor rebalances within a few ms', () => {
    const sim = new TestSim(group()).at(70_000);
    sim.act({ action: 'crashConsumer', target: 'c-2' }).advance(1_000);
    expect(sim.events('consumer.removed').map(({ t, consumer: c, reason }) => ({ t, c, reason }))).toEqual([{ t: 70_000 + HOP, c: 'c-2', reason: 'channelClosed' }]);
    const rebalance = sim.events('rebalance', (e) => e.t > 70_000 && e.topic === 'TopicTest');
    expect(rebalance.map(({ consumer: c, queues }) => ({ c, queues }))).toEqual([{ c: 'c-1', queues: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => `broker-a:${i}`) }]);
    // Close seen (1 hop), NOTIFY_CONSUMER_IDS_CHANGED (1 hop), GET_CONSUMER_LIST_BY_GROUP (2 hops).
    expect(rebalance[0]!.t).toBe(70_000 + 4 * HOP);
  });

  it('a hung consumer killed (crashConsumer) closes its channel at once, as a crash does', () => {
    const sim = new TestSim(group()).at(70_000);
    sim.act({ action: 'hangConsumer', target: 'c-2' }).advance(10_000);
    expect(sim.events('consumer.removed')).toEqual([]);
    sim.act({ action: 'crashConsumer', target: 'c-2' }).advance(1_000);
    expect(sim.events('consumer.removed').map(({ t, consumer: c, reason }) => ({ t, c, reason }))).toEqual([{ t: 80_000 + HOP, c: 'c-2', reason: 'channelClosed' }]);
    expect(sim.events('rebalance', (e) => e.t > 80_000 && e.topic === 'TopicTest').map((e) => [e.t, e.consumer, e.queues.length])).toEqual([[80_000 + 4 * HOP, 'c-1', 8]]);
  });

  it('a hung consumer is dropped only by the 120 s channel expiry (10 s scan), and the survivor rebalances at its next periodic rebalance', () => {
    const sim = new TestSim(group()).at(70_000);
    // Heartbeats every 30 s from 1 s: the last one before the hang arrived at 61 001.
    const lastHeartbeat = 61_000 + HOP;
    const channel = Object.values(sim.broker('broker-a').consumerTable.CG!.channels).find((c) => c.node === 'c-2')!;
    expect(channel.lastUpdateTimestamp).toBe(lastHeartbeat);
    sim.act({ action: 'hangConsumer', target: 'c-2' });
    // ClientHousekeepingService scans every 10 s from the broker's start; expired when now - last > 120 s.
    let scan = 10_000;
    while (scan - lastHeartbeat <= 120_000) scan += 10_000;
    expect(scan).toBe(190_000);
    sim.at(scan);
    expect(sim.events('consumer.removed').map(({ t, consumer: c, reason }) => ({ t, c, reason }))).toEqual([{ t: scan, c: 'c-2', reason: 'expired' }]);
    // Expiry raises no CHANGE: c-1 notices at its next periodic run, 20 s after its previous run
    // (RebalanceService.waitInterval), then asks a broker for the group (2 hops).
    const previousRun = sim.consumer('c-1').lastRebalanceAt;
    expect(previousRun).toBeGreaterThan(scan - 20_000);
    sim.at(260_000);
    const rebalance = sim.events('rebalance', (e) => e.t > 70_000 && e.topic === 'TopicTest');
    expect(rebalance.map((e) => e.consumer)).toEqual(['c-1']);
    expect(rebalance[0]!.t).toBe(previousRun + 20_000 + 2 * HOP);
    expect(rebalance[0]!.queues).toHaveLength(8);
  });
});

/**
 * The broker's idle close of a client channel (NettyRemotingServer: IdleStateHandler(0, 0,
 * serverChannelMaxIdleTimeSeconds = 120), NettyConnectManageHandler closing on ALL_IDLE,
 * ClientHousekeepingService.onChannelIdle -> ConsumerManager.doChannelCloseEvent, a CHANGE) races
 * the 10 s scanNotActiveChannel (last heartbeat more than 120 s old, no CHANGE). A channel is busy
 * while the broker reads from it or writes into it, a pull answered to a hung consumer included.
 */
describe('a hung consumer: the broker\'s idle close or its channel expiry scan, whichever comes first', () => {
  /** MQClientInstance: heartbeats 1 s after start, then every heartbeatBrokerInterval (30 s). */
  const LAST_HEARTBEAT = 61_000 + HOP;
  /** NettyServerConfig.serverChannelMaxIdleTimeSeconds. */
  const IDLE = 120_000;
  /** ClientHousekeepingService: every 10 s from the broker's start; expired when now - last > channelExpiredTimeout (120 s). */
  const SCAN = 190_000;
  const group = (parts: Partial<ScenarioJson> = {}) => scenario({
    topics: [{ name: 'TopicTest', writeQueueNums: 8, readQueueNums: 8 }],
    producers: [producer()],
    consumers: [consumer('c-1'), consumer('c-2')],
    ...parts,
  });
  const removed = (sim: TestSim) => sim.events('consumer.removed').map(({ t, consumer: c, reason }) => ({ t, c, reason }));

  it('hung a second after its heartbeat, while messages keep coming: its pulls are answered at once, the channel idles from then and closes before the scan, and the group rebalances at once', () => {
    const hang = LAST_HEARTBEAT + 1_000;
    const sim = new TestSim(group()).at(hang);
    sim.act({ action: 'hangConsumer', target: 'c-2' }).at(SCAN + 10_000);
    const [drop] = removed(sim);
    // 10 messages a second over 8 queues: each of c-2's pulls, parked or on its way, is answered within a second of the hang.
    expect(drop!.reason).toBe('channelIdle');
    expect(drop!.t).toBeGreaterThanOrEqual(hang + IDLE);
    expect(drop!.t).toBeLessThan(hang + 1_000 + HOP + IDLE);
    expect(drop!.t).toBeLessThan(SCAN);
    expect(removed(sim)).toEqual([drop]);
    // The idle close is a channel close: NOTIFY_CONSUMER_IDS_CHANGED (1 hop), GET_CONSUMER_LIST_BY_GROUP (2 hops), and c-1 takes all 8 queues.
    const rebalance = sim.events('rebalance', (e) => e.t > hang && e.topic === 'TopicTest');
    expect(rebalance.map((e) => [e.t, e.consumer, e.queues.length])).toEqual([[drop!.t + 3 * HOP, 'c-1', 8]]);
  });

  it('hung 24 s after its heartbeat: the scan finds the heartbeat expired before the channel has been idle 120 s, and tells nobody', () => {
    const hang = LAST_HEARTBEAT + 24_000;
    const sim = new TestSim(group()).at(hang);
    sim.act({ action: 'hangConsumer', target: 'c-2' }).at(hang + IDLE + 10_000);
    expect(removed(sim)).toEqual([{ t: SCAN, c: 'c-2', reason: 'expired' }]);
    // No CHANGE: c-1 takes the queues only at its next periodic rebalance.
    const rebalance = sim.events('rebalance', (e) => e.t > hang && e.topic === 'TopicTest');
    expect(rebalance.map((e) => [e.consumer, e.queues.length])).toEqual([['c-1', 8]]);
    expect(rebalance[0]!.t).toBeGreaterThan(SCAN + 3 * HOP);
  });

  it('hung a second after its heartbeat with nothing to read: the broker answers its parked pulls when their suspend time is up, writes that keep the channel busy, so the scan comes first', () => {
    const hang = LAST_HEARTBEAT + 1_000;
    const sim = new TestSim(group({ producers: [] })).at(hang);
    // Each pull is parked until a message arrives or brokerSuspendMaxTimeMillis (15 s) is up, checked every 5 s.
    expect(Object.values(sim.broker('broker-a').pullHolds).flat().some((hold) => hold.node === 'c-2')).toBe(true);
    sim.act({ action: 'hangConsumer', target: 'c-2' }).at(hang + IDLE + 20_000);
    expect(removed(sim)).toEqual([{ t: SCAN, c: 'c-2', reason: 'expired' }]);
  });
});

describe('the first pull of a queue a rebalance takes (RebalanceImpl.updateProcessQueueTableInRebalance)', () => {
  /** RebalanceImpl 5.x: dispatchPullRequest(pullRequestList, 500), a literal; 4.9.8 calls executePullRequestImmediately. */
  const DISPATCH_PULL_DELAY = 500;
  /** SimConfig.consumeTimeMs: the listener's time for a message. */
  const CONSUME = 5;
  /** c-2 joins at 30 s and takes half of c-1's queues, each holding a backlog (c-1 consumes 5 a second of 40). */
  const join = (rocketmqVersion: string) => new TestSim(scenario({
    config: { networkJitterMs: 0, rocketmqVersion, consumeThreadMax: 1 },
    producers: [producer({ ratePerSec: 40 })],
    consumers: [consumer('c-1', { consumeTimeMs: 200 })],
    timeline: [{ at: 30_000, action: 'addConsumer', consumer: consumer('c-2') }],
  })).at(40_000);
  /** From c-2's first rebalance to its first consumption: the offset query and the pull (2 round trips), the listener, and the dispatch delay. */
  const waited = (sim: TestSim) => {
    const taken = sim.first('rebalance', (e) => e.consumer === 'c-2' && e.topic === 'TopicTest' && e.queues.length > 0)!;
    return sim.first('message.consumed', (e) => e.consumer === 'c-2' && e.t >= taken.t)!.t - taken.t;
  };

  it('waits 500 ms in 5.x before it is sent', () => {
    expect(waited(join('5.x'))).toBe(DISPATCH_PULL_DELAY + 4 * HOP + CONSUME);
  });

  it('is sent at once in 4.x', () => {
    expect(waited(join('4.x'))).toBe(4 * HOP + CONSUME);
  });
});

describe('a rebalance that cannot start a queue it was given (RebalanceService.run, RebalanceImpl.rebalanceByTopic)', () => {
  /** broker-a and c-1 crash at 50 s and broker-a is back at 50.4 s: c-2, told of c-1's close, asks broker-a for its offsets while it is down. */
  const handOver = (rocketmqVersion: string) => scenario({
    config: { networkJitterMs: 0, rocketmqVersion },
    brokers: [{ name: 'broker-a' }, { name: 'broker-b' }],
    topics: [{ name: 'TopicTest', writeQueueNums: 2, readQueueNums: 2 }],
    producers: [producer()],
    consumers: [consumer('c-1'), consumer('c-2')],
    timeline: [
      { at: 50_000, action: 'crashBroker', target: 'broker-a' },
      { at: 50_000, action: 'crashConsumer', target: 'c-1' },
      { at: 50_400, action: 'startBroker', target: 'broker-a' },
    ],
  });
  /** c-2's first rebalance after the crashes that gives it broker-a's queues (one topic's: a consumer list asked of broker-a fails), and the one after it. */
  const takeOver = (sim: TestSim) => {
    const rebalances = sim.events('rebalance', (e) => e.consumer === 'c-2' && e.t > 50_000);
    const given = rebalances.find((e) => e.queues.some((q) => q.startsWith('broker-a:')))!;
    return {
      given,
      next: rebalances.find((e) => e.t > given.t)!,
      firstRead: sim.first('message.consumed', (e) => e.consumer === 'c-2' && e.broker === 'broker-a' && e.t > 50_000)!,
    };
  };
  /** 5.x: RebalanceImpl.updateProcessQueueTableInRebalance dispatches a new queue's first pull 500 ms later (4.9.8 at once). */
  const DISPATCH_PULL_DELAY = 500;
  /** The refused offset query, then the consumer list, the offset query and the pull: a few round trips. */
  const ROUND_TRIPS = 10 * HOP;

  it('5.2 and later: broker-a refused the offset query, so the rebalance is unbalanced and the next runs minInterval (1 s) later, taking broker-a\'s queues', () => {
    const { given, next, firstRead } = takeOver(new TestSim(handOver('5.x')).at(70_000));
    expect(given.t).toBeLessThan(50_400);
    expect(next.t).toBeGreaterThanOrEqual(given.t + 1_000);
    expect(next.t).toBeLessThanOrEqual(given.t + 1_000 + ROUND_TRIPS);
    expect(firstRead.t).toBeGreaterThan(next.t + DISPATCH_PULL_DELAY);
    expect(firstRead.t).toBeLessThanOrEqual(next.t + DISPATCH_PULL_DELAY + ROUND_TRIPS);
  });

  it('4.x: broker-a\'s queues wait for a later rebalance (the next period, or a notification), not a second', () => {
    const { given, next, firstRead } = takeOver(new TestSim(handOver('4.x')).at(90_000));
    expect(given.t).toBeLessThan(50_400);
    expect(next.t).toBeGreaterThan(given.t + 1_000 + ROUND_TRIPS);
    expect(firstRead.t).toBeGreaterThan(next.t);
    expect(firstRead.t).toBeLessThanOrEqual(next.t + ROUND_TRIPS);
  });
});

describe('ConsumeMessageConcurrentlyService with a slow listener (one ConsumeRequest per message)', () => {
  // One consume thread at 100 ms a message behind 20 messages a second: c-1 always holds a
  // backlog in memory (up to pullThresholdForQueue per queue).
  const slow = (timeline: unknown[] = []) => scenario({
    config: { networkJitterMs: 0, consumeThreadMax: 1, pullThresholdForQueue: 20 },
    topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
    producers: [producer({ ratePerSec: 20 })],
    consumers: [consumer('c-1', { consumeTimeMs: 100 })],
    timeline,
  });

  it('completes messages one at a time, 100 ms apart, each traced when its listener call returns', () => {
    const sim = new TestSim(slow()).at(20_000);
    const times = sim.times('message.consumed', (e) => e.t > 10_000);
    expect(times.length).toBeGreaterThan(90);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBe(100);
  });

  it('a backlog pulled at once runs consumeThreadMax listener calls at a time, each thread taking the next message when it is free', () => {
    // 20 s of messages wait for a consumer with 3 threads of 100 ms: 30 a second drain the backlog
    // of about 200, so for the first seconds every 100 ms exactly 3 calls return together.
    const sim = new TestSim(scenario({
      config: { networkJitterMs: 0, consumeThreadMax: 3 },
      producers: [producer()],
      consumers: [consumer('c-1', { startAt: 20_000, consumeTimeMs: 100 })],
    })).at(30_000);
    const times = sim.times('message.consumed');
    const first = times[0]!;
    const backlog = times.filter((t) => t < first + 5_000);
    expect(backlog.length).toBe(150);
    backlog.forEach((t, i) => expect(t).toBe(first + Math.floor(i / 3) * 100));
  });

  it('a queue dropped by a rebalance: its messages still waiting for the thread are left to the new owner', () => {
    const sim = new TestSim(slow([{ at: 30_000, action: 'addConsumer', consumer: consumer('c-2', { consumeTimeMs: 100 }) }])).at(60_000);
    const rebalance = sim.events('rebalance', (e) => e.consumer === 'c-1' && e.topic === 'TopicTest' && e.t > 30_000)[0]!;
    const kept = new Set(rebalance.queues);
    expect(kept.size).toBe(2);
    // ConsumeRequest.run skips a dropped queue: only the message the thread had started finishes.
    const afterDrop = sim.events('message.consumed', (e) => e.consumer === 'c-1' && e.t > rebalance.t && !kept.has(`${e.broker}:${e.queueId}`));
    expect(afterDrop.length).toBeLessThanOrEqual(1);
    // c-2 starts where c-1 stopped (the offset it committed on dropping): no message is left out.
    for (const queue of ['broker-a:0', 'broker-a:1', 'broker-a:2', 'broker-a:3'].filter((q) => !kept.has(q))) {
      const inQueue = (e: { broker: string; queueId: number }) => `${e.broker}:${e.queueId}` === queue;
      const lastByC1 = Math.max(...sim.events('message.consumed', (e) => e.consumer === 'c-1' && inQueue(e)).map((e) => e.queueOffset));
      const firstByC2 = Math.min(...sim.events('message.consumed', (e) => e.consumer === 'c-2' && inQueue(e)).map((e) => e.queueOffset));
      expect(firstByC2).toBeLessThanOrEqual(lastByC1 + 1);
    }
  });

  it('a failure whose queue a rebalance dropped while its listener ran is not sent back: the result is not processed, and the new owner reads the message again', () => {
    // Messages go to queues 0 and 1 only (2 write queues of 4 readable); c-0, whose client id
    // (its ip first) sorts before c-1's, takes them and the retry queue from c-1 at its join
    // (AllocateMessageQueueAveragely), so whatever c-1 is consuming then is dropped.
    const sim = new TestSim(scenario({
      config: { networkJitterMs: 0, consumeThreadMax: 1, pullThresholdForQueue: 20 },
      topics: [{ name: 'TopicTest', writeQueueNums: 2, readQueueNums: 4 }],
      producers: [producer({ ratePerSec: 20, tags: ['Bad'] })],
      consumers: [consumer('c-1', { ip: '10.0.2.2', consumeTimeMs: 100, failTags: ['Bad'] })],
      timeline: [{ at: 30_000, action: 'addConsumer', consumer: consumer('c-0', { ip: '10.0.2.1', consumeTimeMs: 100, failTags: ['Bad'] }) }],
    })).at(60_000);
    const rebalance = sim.events('rebalance', (e) => e.consumer === 'c-1' && e.topic === 'TopicTest' && e.t > 30_000)[0]!;
    expect(rebalance.queues).toEqual(['broker-a:2', 'broker-a:3']);
    const reread = sim.events('consume.failed', { consumer: 'c-1', next: 'reread' });
    // One thread: only the message it was consuming when the queue went.
    expect(reread).toHaveLength(1);
    expect(reread[0]!.t).toBeGreaterThan(rebalance.t);
    expect(reread[0]!.t).toBeLessThanOrEqual(rebalance.t + 100);
    expect(sim.events('consume.failed', (e) => e.consumer === 'c-1' && e.t > rebalance.t && e.next !== 'reread')).toEqual([]);
    const stored = sim.first('message.stored', { msgId: reread[0]!.msgId, topic: 'TopicTest' })!;
    expect(rebalance.queues).not.toContain(`broker-a:${stored.queueId}`);
    // Not sent back by c-1: c-0 reads the same copy again (its reconsumeTimes unchanged) and sends it back itself.
    const again = sim.first('consume.failed', { msgId: reread[0]!.msgId, consumer: 'c-0' })!;
    expect(again).toMatchObject({ reconsumeTimes: reread[0]!.reconsumeTimes, next: 'retry' });
    // A send-back is put in SCHEDULE_TOPIC_XXXX for its delay first: none between c-1's reread and c-0's failure.
    expect(sim.events('message.stored', (e) => e.msgId === reread[0]!.msgId && e.topic === 'SCHEDULE_TOPIC_XXXX' && e.t > reread[0]!.t && e.t <= again.t)).toEqual([]);
  });
});

describe('message models and filtering (RebalanceImpl.rebalanceByTopic, the consume queue tag code)', () => {
  it('broadcasting: every consumer of the group consumes every message', () => {
    // The producer starts after the consumers' first rebalance (a second after their start): from the last offset, a
    // broadcasting consumer reads what is stored after it took its queues.
    const sim = new TestSim(scenario({
      producers: [producer({ startAt: 2_000 })],
      consumers: [consumer('c-1', { messageModel: 'BROADCASTING' }), consumer('c-2', { messageModel: 'BROADCASTING' })],
      timeline: [{ at: 32_050, action: 'setProducerRate', target: 'p-1', ratePerSec: 0 }],
    })).at(42_000);
    const stored = [...storedIn(sim, () => true)].sort();
    expect(stored.length).toBe(300);
    // Each consumer reads for itself: two readings of every message, none of them a duplicate.
    expect(sim.summary().messages).toMatchObject({ consumed: 600, duplicates: 0 });
    for (const c of ['c-1', 'c-2']) {
      expect(sim.events('message.consumed', { consumer: c }).map((e) => e.msgId).sort()).toEqual(stored);
      expect(sim.last('rebalance', { consumer: c })?.queues).toEqual(['broker-a:0', 'broker-a:1', 'broker-a:2', 'broker-a:3']);
    }
  });

  it.each([
    // 5.x ConsumerManager.registerConsumer: no CHANGE for a BROADCASTING group (isBroadcastMode);
    // c-1 runs at its own rhythm, 20 s apart from its first run a second after its start.
    ['5.x', false],
    // 4.9.8 ConsumerManager.registerConsumer tells every group, and 4.x rebalances at once (no minInterval).
    ['4.x', true],
  ] as const)('broadcasting, %s: a member joining at 45 s makes the broker tell the others: %s', (rocketmqVersion, told) => {
    const sim = new TestSim(scenario({
      config: { networkJitterMs: 0, rocketmqVersion },
      consumers: [consumer('c-1', { messageModel: 'BROADCASTING' }), consumer('c-2', { messageModel: 'BROADCASTING', startAt: 45_000 })],
    })).at(45_000);
    const before = sim.consumer('c-1').lastRebalanceAt;
    expect(before).toBeLessThan(45_000);
    sim.at(50_000);
    // c-2's heartbeat reaches the broker one hop after its start (plus its route pull: a few ms), the CHANGE one hop more.
    const after = sim.consumer('c-1').lastRebalanceAt;
    if (told) expect(after - 45_000).toBeGreaterThan(0);
    if (told) expect(after - 45_000).toBeLessThan(100);
    else expect(after).toBe(before);
  });

  it('broadcasting: a message its listener fails is dropped, neither retried nor dead-lettered, and counted as dropped for that consumer alone', () => {
    // ConsumeMessageConcurrentlyService.processConsumeResult, BROADCASTING: "the message consume failed, drop it".
    const sim = new TestSim(scenario({
      producers: [producer({ startAt: 2_000, tags: ['TagA', 'Bad'] })],
      consumers: [consumer('c-1', { messageModel: 'BROADCASTING', failTags: ['Bad'] }), consumer('c-2', { messageModel: 'BROADCASTING' })],
      timeline: [{ at: 32_050, action: 'setProducerRate', target: 'p-1', ratePerSec: 0 }],
    })).at(42_000);
    const tags = new Map(sim.events('message.sent').map((e) => [e.msgId, e.tags]));
    const bad = [...storedIn(sim, () => true)].filter((id) => tags.get(id) === 'Bad');
    expect(bad.length).toBeGreaterThan(100);
    const failed = sim.events('consume.failed');
    expect(failed.map((e) => e.msgId).sort()).toEqual(bad.sort());
    expect(new Set(failed.map((e) => `${e.consumer} ${e.next}`))).toEqual(new Set(['c-1 dropped']));
    expect(sim.summary().messages).toMatchObject({ dropped: bad.length, retried: 0, deadLettered: 0, lagging: 0 });
    // c-2 consumed them all, c-1 none of the Bad ones.
    expect(sim.events('message.consumed', { consumer: 'c-1' }).some((e) => tags.get(e.msgId) === 'Bad')).toBe(false);
    expect(sim.events('message.consumed', { consumer: 'c-2' }).filter((e) => tags.get(e.msgId) === 'Bad')).toHaveLength(bad.length);
  });

  it('a subscription "TagA" consumes only the TagA messages, and its offsets still pass the others', () => {
    const sim = new TestSim(scenario({
      producers: [producer({ tags: ['TagA', 'TagB'] })],
      consumers: [consumer('c-1', { subscription: 'TagA' })],
      timeline: [{ at: 30_000, action: 'setProducerRate', target: 'p-1', ratePerSec: 0 }],
    })).at(40_000);
    const tags = new Map(sim.events('message.sent').map((e) => [e.msgId, e.tags]));
    const consumed = sim.events('message.consumed').map((e) => e.msgId);
    expect(consumed.length).toBe(150);
    expect(new Set(consumed.map((id) => tags.get(id)))).toEqual(new Set(['TagA']));
    expect(sim.summary().queues.filter((q) => q.topic === 'TopicTest').map((q) => q.lag.CG)).toEqual([0, 0, 0, 0]);
  });

  it('a pull parked on a queue of other tags is not woken by each of them (notifyMessageArriving matches the tag), only by the 5 s check: two pulls per check, not two per message', () => {
    // One queue, TagB ten times a second, a consumer of TagA: every pull finds nothing it wants.
    const sim = new TestSim(scenario({
      topics: [{ name: 'TopicTest', writeQueueNums: 1, readQueueNums: 1 }],
      producers: [producer({ tags: ['TagB'] })],
      consumers: [consumer('c-1', { subscription: 'TagA' })],
    })).at(30_000);
    const before = sim.broker('broker-a').requestCounts.PULL_MESSAGE ?? 0;
    sim.at(60_000);
    const pulls = (sim.broker('broker-a').requestCounts.PULL_MESSAGE ?? 0) - before;
    // PullRequestHoldService.checkHoldRequest every 5 s answers the parked pull (its offset passed
    // the TagB messages), the consumer's next pull parks again: 6 checks in these 30 s.
    const checks = 30_000 / 5_000;
    expect(sim.events('message.stored', (e) => e.t > 30_000 && e.topic === 'TopicTest').length).toBe(300);
    expect(pulls).toBeGreaterThanOrEqual(checks);
    expect(pulls).toBeLessThanOrEqual(2 * checks + 2);
    // Its offsets still pass the TagB messages, a check at a time.
    expect(sim.summary().queues.find((q) => q.topic === 'TopicTest')!.lag.CG).toBeLessThanOrEqual(5 * 10 + 10);
  });

  it('"Aa" and "BB" share a hash code: the broker lets both through, the client keeps only the subscribed tag', () => {
    // String.hashCode: 'A'*31 + 'a' = 65*31 + 97 = 2112 = 'B'*31 + 'B' = 66*31 + 66.
    const sim = new TestSim(scenario({
      producers: [producer({ tags: ['Aa', 'BB'] })],
      consumers: [consumer('c-1', { subscription: 'Aa' })],
      timeline: [{ at: 30_000, action: 'setProducerRate', target: 'p-1', ratePerSec: 0 }],
    })).at(40_000);
    const tags = new Map(sim.events('message.sent').map((e) => [e.msgId, e.tags]));
    const consumed = sim.events('message.consumed').map((e) => e.msgId);
    expect(consumed.length).toBe(150);
    expect(new Set(consumed.map((id) => tags.get(id)))).toEqual(new Set(['Aa']));
  });
});

describe('retries, the DLQ and delayed messages (consumerSendMsgBack, ScheduleMessageService)', () => {
  /** One message with tag Bad at 1 s; the consumer always fails it. */
  const failing = () => scenario({
    producers: [producer({ ratePerSec: 1, tags: ['Bad'] })],
    consumers: [consumer('c-1', { failTags: ['Bad'] })],
    timeline: [{ at: 1_500, action: 'setProducerRate', target: 'p-1', ratePerSec: 0 }],
  });

  it('sends a failed message back to %RETRY%<group> after 10 s, 30 s, 1 min, 2 min ... (delay level 3 + reconsumeTimes)', () => {
    const sim = new TestSim(failing()).at(5 * H);
    const msgId = sim.first('message.sent')!.msgId;
    const failures = sim.events('consume.failed', { msgId });
    expect(failures.map((e) => e.reconsumeTimes)).toEqual(Array.from({ length: 17 }, (_, k) => k));
    const retries = sim.events('message.stored', { msgId, topic: '%RETRY%CG' });
    expect(retries).toHaveLength(16);
    retries.forEach((stored, k) => {
      // CONSUMER_SEND_MSG_BACK reaches the broker one hop after the failure; the schedule topic holds it for the delay.
      expect(stored.t - failures[k]!.t).toBe(HOP + RETRY_DELAYS[k]!);
      expect(failures[k + 1]!.t).toBeGreaterThanOrEqual(stored.t + HOP + CONSUME_TIME);
    });
    // Once the consumer owns the retry queue (from its 40 s rebalance), a retry is consumed as soon as it arrives.
    retries.slice(1).forEach((stored, k) => expect(failures[k + 2]!.t).toBe(stored.t + HOP + CONSUME_TIME));
    expect(RETRY_DELAYS.reduce((a, b) => a + b, 0)).toBe(4 * H + 45 * M + 40 * S);
  });

  it('sends the 17th failure (reconsumeTimes 16) to %DLQ%<group> instead of retrying', () => {
    const sim = new TestSim(failing()).at(5 * H);
    const msgId = sim.first('message.sent')!.msgId;
    const last = sim.last('consume.failed', { msgId })!;
    expect(last).toMatchObject({ reconsumeTimes: 16, next: 'dlq' });
    expect(sim.events('message.stored', { msgId, topic: '%DLQ%CG' })).toEqual([expect.objectContaining({ t: last.t + HOP, queueId: 0 })]);
    expect(sim.events('consume.failed', { msgId }).slice(0, 16).every((e) => e.next === 'retry')).toBe(true);
    expect(sim.summary().messages).toMatchObject({ retried: 16, deadLettered: 1 });
  });

  /**
   * c-1 fails every Bad message, taking 3 s over each; c-2 consumes the other queue. The run is
   * made twice: once to learn when c-1's first failure ends (tf), then with c-1 cut off from
   * broker-a from tf - 500 ms to tf + 9 s, so the send-back is lost and times out (5 s), and so does
   * the send of the client's own producer that follows it (a connect that gets no answer, 3 s).
   */
  function sendBackLost(after: Array<{ at: number } & Record<string, unknown>> = []): { sim: TestSim; failure: { t: number; msgId: string } } {
    const base = (timeline: object[]) => scenario({
      topics: [{ name: 'TopicTest', writeQueueNums: 2, readQueueNums: 2 }],
      producers: [producer({ ratePerSec: 1, tags: ['Bad'] })],
      consumers: [consumer('c-1', { failTags: ['Bad'], consumeTimeMs: 3_000 }), consumer('c-2')],
      timeline: [{ at: 20_500, action: 'setProducerRate', target: 'p-1', ratePerSec: 0 }, ...timeline],
    });
    const tf = new TestSim(base([])).at(40_000).first('consume.failed', { consumer: 'c-1' })!.t;
    const sim = new TestSim(base([
      { at: tf - 500, action: 'partitionLink', target: 'c-1', peer: 'broker-a' },
      { at: tf + 9_000, action: 'healLink', target: 'c-1', peer: 'broker-a' },
      ...after.map((step) => ({ ...step, at: tf + step.at })),
    ]));
    const failure = sim.at(tf).first('consume.failed', { consumer: 'c-1' })!;
    expect(failure.t).toBe(tf);
    return { sim, failure };
  }

  it('a send-back that fails keeps the message in its ProcessQueue: the committed offset stays at it until the consumer re-consumes it 5 s later (processConsumeResult, msgBackFailed)', () => {
    const { sim, failure } = sendBackLost();
    const stored = sim.at(failure.t).first('message.stored', { msgId: failure.msgId, topic: 'TopicTest' })!;
    const again = sim.at(failure.t + 20_000).events('consume.failed', { msgId: failure.msgId })[1]!;
    expect(again).toMatchObject({ consumer: 'c-1', reconsumeTimes: 1 });
    // The send-back times out (CONSUMER_CALL_TIMEOUT_MS, 5 s), the own producer's connect too (connectTimeout, 3 s),
    // then submitConsumeRequestLater waits 5 s and the listener 3 s.
    expect(again.t).toBeGreaterThanOrEqual(failure.t + 5_000 + 3_000 + 5_000 + 3_000);
    expect(sim.events('message.stored', { msgId: failure.msgId, topic: '%RETRY%CG' }).every((e) => e.t > again.t)).toBe(true);
    // offset.committed tells of changes only: none passes the message until the re-consumption's send-back succeeds.
    const commits = sim.at(again.t + 30_000).events('offset.committed', (e) => e.consumer === 'c-1' && e.topic === 'TopicTest' && e.queueId === stored.queueId && e.t > failure.t);
    const past = commits.find((commit) => commit.offset > stored.queueOffset);
    expect(past!.t).toBeGreaterThan(again.t);
  });

  /** broker-a (a master and a slave serving reads) and broker-b; p-1's Bad messages are stored on both, broker-a's master crashes at 30 s, c-1 starts at 35 s. */
  const masterGone = (config: Record<string, unknown> = {}) => scenario({
    config: { networkJitterMs: 0, ...config },
    brokers: [{ name: 'broker-a', brokerId: 0, role: 'ASYNC_MASTER' }, { name: 'broker-a', brokerId: 1, role: 'SLAVE', slaveReadEnable: true }, { name: 'broker-b' }],
    producers: [producer({ ratePerSec: 1, tags: ['Bad'] })],
    consumers: [consumer('c-1', { failTags: ['Bad'], startAt: 35_000 })],
    timeline: [{ at: 10_000, action: 'setProducerRate', target: 'p-1', ratePerSec: 0 }, { at: 30_000, action: 'crashBroker', target: 'broker-a' }],
  });

  it('a send-back that finds no master for its broker goes by the client\'s own producer to %RETRY%<group> on a broker that has one, with its delay level (sendMessageBackAsNormalMessage)', () => {
    const sim = new TestSim(masterGone()).at(3 * M);
    const fromSlave = sim.events('consume.failed', (e) => e.reconsumeTimes === 0).filter((e) => sim.first('message.consumed', { msgId: e.msgId }) === undefined);
    const onA = new Set(sim.events('message.stored', (e) => e.broker === 'broker-a' && e.topic === 'TopicTest').map((e) => e.msgId));
    const failedOnA = fromSlave.filter((e) => onA.has(e.msgId));
    expect(failedOnA.length).toBeGreaterThan(0);
    for (const failure of failedOnA) {
      const retry = sim.first('message.stored', { msgId: failure.msgId, topic: '%RETRY%CG' })!;
      // SEND_MESSAGE to broker-b (one hop), delay level 3 (10 s); never consumed again locally 5 s later.
      expect(retry.broker).toBe('broker-b');
      expect(retry.t - failure.t).toBe(HOP + RETRY_DELAYS[0]!);
      expect(sim.events('consume.failed', { msgId: failure.msgId }).filter((e) => e.reconsumeTimes === 0)).toHaveLength(1);
    }
  });

  it('the client\'s own producer\'s send carries RECONSUME_TIME reconsumeTimes + 1: at MAX_RECONSUME_TIMES a 4.x broker stores it in %DLQ%<group> at once (handleRetryAndDLQ; 5.x only past it: send-back-stored-copy.test.ts)', () => {
    const sim = new TestSim(masterGone({ maxReconsumeTimes: 1, rocketmqVersion: '4.x' })).at(60_000);
    const onA = new Set(sim.events('message.stored', (e) => e.broker === 'broker-a' && e.topic === 'TopicTest').map((e) => e.msgId));
    const failure = sim.first('consume.failed', (e) => onA.has(e.msgId))!;
    expect(failure.reconsumeTimes).toBe(0);
    expect(sim.events('message.stored', { msgId: failure.msgId, topic: '%DLQ%CG' })).toEqual([expect.objectContaining({ t: failure.t + HOP, broker: 'broker-b' })]);
    expect(sim.events('message.stored', { msgId: failure.msgId, topic: '%RETRY%CG' })).toEqual([]);
  });

  it('a consumer that leaves before re-consuming a message whose send-back failed leaves it to the next owner: a duplicate at worst, never a loss', () => {
    // It leaves once the link is back (its unregistration reaches broker-a), before the re-consumption 13 s after the failure.
    const { sim, failure } = sendBackLost([{ at: 10_000, action: 'removeConsumer', target: 'c-1' }]);
    sim.at(failure.t + 60_000);
    // ConsumeRequest.run skips the re-consumption of a dropped queue; c-2 reads the queue again from the offset c-1 held.
    expect(sim.events('consume.failed', { msgId: failure.msgId })).toHaveLength(1);
    expect(sim.events('message.consumed', { msgId: failure.msgId })).toEqual([expect.objectContaining({ consumer: 'c-2', topic: 'TopicTest' })]);
    const messages = sim.summary().messages;
    expect(messages.consumed).toBe(messages.stored);
  });

  it('a message held at the head of its queue stops the pulls once the cached offsets span more than consumeConcurrentlyMaxSpan (2000)', () => {
    // 10 000 messages in one queue, then the master dies; c-1 starts at 15 s and reads from the slave, where every
    // send-back of a failed Bad message finds no master, so each stays cached and is consumed again every 5 s.
    const MAX_SPAN = 2_000;
    const PULL_BATCH = 32;
    const sim = new TestSim(scenario({
      brokers: [{ name: 'broker-a', brokerId: 0, role: 'ASYNC_MASTER' }, { name: 'broker-a', brokerId: 1, role: 'SLAVE', slaveReadEnable: true }],
      topics: [{ name: 'TopicTest', writeQueueNums: 1, readQueueNums: 1 }],
      // One message in ten fails: 200 held when they span 2000 offsets, far below pullThresholdForQueue (1000).
      producers: [producer({ ratePerSec: 1_000, tags: ['Bad', ...Array<string>(9).fill('A')] })],
      timeline: [
        { at: 10_000, action: 'setProducerRate', target: 'p-1', ratePerSec: 0 },
        { at: 12_000, action: 'crashBroker', target: 'broker-a' },
        { at: 15_000, action: 'addConsumer', consumer: consumer('c-1', { failTags: ['Bad'] }) },
        { at: 40_000, action: 'startBroker', target: 'broker-a' },
      ],
    })).at(39_000);
    const firstHeld = sim.first('consume.failed', { consumer: 'c-1' })!;
    const headOffset = sim.first('message.stored', { msgId: firstHeld.msgId })!.queueOffset;
    const read = sim.events('message.consumed', { consumer: 'c-1', topic: 'TopicTest' });
    const furthest = Math.max(...read.map((e) => e.queueOffset));
    expect(furthest).toBeGreaterThan(headOffset + MAX_SPAN - PULL_BATCH);
    expect(furthest).toBeLessThanOrEqual(headOffset + MAX_SPAN + PULL_BATCH);
    // Stopped: nothing new is read while the master is down, then everything once the send-backs succeed.
    expect(read.filter((e) => e.t > read.find((r) => r.queueOffset === furthest)!.t + 1_000)).toEqual([]);
    sim.at(5 * M);
    expect(sim.summary().messages).toMatchObject({ lagging: 0 });
    expect(sim.consumer('c-1').offsetTable['TopicTest@broker-a@0']).toBe(sim.events('message.stored', { topic: 'TopicTest', brokerId: 0 }).length);
  });

  it('a message with delayLevel L waits in SCHEDULE_TOPIC_XXXX queue L-1 and reaches its topic after level L\'s delay', () => {
    for (const level of [1, 3, 5]) {
      const sim = new TestSim(scenario({
        producers: [producer({ ratePerSec: 1, delayLevel: level })],
        consumers: [consumer('c-1')],
        timeline: [{ at: 1_500, action: 'setProducerRate', target: 'p-1', ratePerSec: 0 }],
      })).at(2 * M);
      const sent = sim.first('message.sent')!;
      const stored = sim.events('message.stored', { msgId: sent.msgId });
      expect(stored.map(({ t, topic, queueId }) => ({ t, topic, queueId }))).toEqual([
        { t: sent.t + HOP, topic: 'SCHEDULE_TOPIC_XXXX', queueId: level - 1 },
        { t: sent.t + HOP + DELAY_LEVELS[level - 1]!, topic: 'TopicTest', queueId: sent.queueId },
      ]);
      expect(sim.first('message.consumed', { msgId: sent.msgId })!.t).toBeGreaterThanOrEqual(stored[1]!.t);
    }
  });

  it('counts a parked copy as delayed from its put until the broker writes it to its topic, a delayed send and a retry alike', () => {
    const delayedSend = new TestSim(scenario({
      producers: [producer({ ratePerSec: 1, delayLevel: 3 })],
      consumers: [consumer('c-1')],
      timeline: [{ at: 1_500, action: 'setProducerRate', target: 'p-1', ratePerSec: 0 }],
    })).at(2 * S);
    const sent = delayedSend.events('message.sent').map((e) => e.t);
    expect(sent.length).toBeGreaterThan(0);
    expect(delayedSend.summary().messages).toMatchObject({ stored: sent.length, delayed: sent.length, lagging: 0, consumed: 0 });
    // Level 3 is 10 s: the first is delivered 10 s after its put, the last 10 s after its own.
    delayedSend.at(sent[0]! + HOP + DELAY_LEVELS[2]! - 1);
    expect(delayedSend.summary().messages.delayed).toBe(sent.length);
    delayedSend.at(sent.at(-1)! + HOP + DELAY_LEVELS[2]!);
    expect(delayedSend.summary().messages.delayed).toBe(0);

    const retry = new TestSim(failing()).at(5 * S);
    const failure = retry.first('consume.failed')!;
    expect(retry.summary().messages).toMatchObject({ stored: 1, consumed: 0, retried: 1, delayed: 1, lagging: 0 });
    // Written to %RETRY%CG, the copy is the group's lag until its consumer pulls it, as consumerProgress counts it.
    retry.at(failure.t + HOP + RETRY_DELAYS[0]!);
    expect(retry.summary().messages).toMatchObject({ stored: 1, consumed: 0, delayed: 0, lagging: 1 });
    expect(retry.summary().queues.map((queue) => queue.topic)).not.toContain('%RETRY%CG');
    // Pulled and failed again, it waits 30 s (level 4) in SCHEDULE_TOPIC_XXXX; the retry queue's
    // offset passes the failed copy when the send-back's answer is back, a hop after the put.
    const again = new TestSim(failing()).at(2 * M).events('consume.failed', { msgId: failure.msgId })[1]!;
    expect(new TestSim(failing()).at(again.t + HOP).summary().messages).toMatchObject({ stored: 1, consumed: 0, delayed: 1, lagging: 1 });
    expect(new TestSim(failing()).at(again.t + 2 * HOP).summary().messages).toMatchObject({ stored: 1, consumed: 0, delayed: 1, lagging: 0 });
  });
});

describe('offsets and ids (MQClientInstance tasks, computePullFromWhere, MessageClientIDSetter, MessageDecoder)', () => {
  const steady = (fields: Record<string, unknown> = {}) => scenario({
    brokers: [{ name: 'broker-a', ip: '192.168.7.21', port: 10911 }, { name: 'broker-b', ip: '192.168.7.22', port: 20911 }],
    producers: [producer({ tags: ['TagA'], keyPrefix: 'order', ...fields })],
    consumers: [consumer('c-1')],
  });

  it('commits consumer offsets every 5 s, the first time 10 s after start', () => {
    const sim = new TestSim(scenario({ producers: [producer()], consumers: [consumer('c-1', { startAt: 3_000 })] })).at(60_000);
    const times = [...new Set(sim.times('offset.committed'))];
    expect(times).toEqual([13_000, 18_000, 23_000, 28_000, 33_000, 38_000, 43_000, 48_000, 53_000, 58_000]);
  });

  it('msgId is 32 upper-case hex digits, fixed in its first 20 digits per producer, and identical across retries', () => {
    const sim = new TestSim(scenario({
      brokers: [{ name: 'broker-a' }, { name: 'broker-b' }],
      producers: [producer()],
      consumers: [consumer('c-1', { failTags: [] })],
      timeline: [{ at: 20_050, action: 'crashBroker', target: 'broker-a' }],
    })).at(30_000);
    const sent = sim.events('message.sent');
    for (const e of sent) expect(e.msgId).toMatch(/^[0-9A-F]{32}$/);
    expect(new Set(sent.map((e) => e.msgId.slice(0, 20))).size).toBe(1);
    // The producer's ip 10.0.3.1 opens the id.
    expect(sent[0]!.msgId.slice(0, 8)).toBe('0A000301');
    const retried = sim.events('message.sent', { attempt: 2 });
    expect(retried.length).toBeGreaterThan(0);
    for (const retry of retried) expect(sim.events('message.sent', { msgId: retry.msgId }).map((e) => e.attempt)).toEqual([1, 2]);
  });

  it('offsetMsgId decodes to the broker\'s ip:port and the commit log offset of the stored message', () => {
    const sim = new TestSim(steady()).at(20_000);
    const stored = sim.events('message.stored', { topic: 'TopicTest' });
    // Sent every 100 ms from 100 ms; the one sent at 20 000 ms is stored a hop later.
    expect(stored.length).toBe(199);
    const hosts: Record<string, string> = { 'broker-a': '192.168.7.21:10911', 'broker-b': '192.168.7.22:20911' };
    for (const e of stored) {
      expect(e.offsetMsgId).toMatch(/^[0-9A-F]{32}$/);
      const decoded = decodeOffsetMsgId(e.offsetMsgId)!;
      expect(`${decoded.ip}:${decoded.port}`).toBe(hosts[e.broker]);
      expect(decoded.commitLogOffset).toBe(e.commitLogOffset);
    }
  });

  it('commit log offsets grow by each message\'s size (CommitLog.calMsgLength), starting at 0 on each broker', () => {
    const sim = new TestSim(steady()).at(20_000);
    for (const broker of ['broker-a', 'broker-b']) {
      const stored = sim.events('message.stored', { broker });
      expect(stored[0]!.commitLogOffset).toBe(0);
      const sent = new Map(sim.events('message.sent').map((e) => [e.msgId, e]));
      for (let i = 1; i < stored.length; i++) {
        const previous = sent.get(stored[i - 1]!.msgId)!;
        expect(stored[i]!.commitLogOffset - stored[i - 1]!.commitLogOffset).toBe(calMsgLength(1_024, 'TopicTest', {
          UNIQ_KEY: previous.msgId, TAGS: previous.tags, KEYS: previous.keys, CLUSTER: 'DefaultCluster',
        }));
      }
    }
  });

  it('consume queue offsets are 0, 1, 2 ... in every queue', () => {
    const sim = new TestSim(steady()).at(20_000);
    const byQueue = new Map<string, number[]>();
    for (const e of sim.events('message.stored', { topic: 'TopicTest' })) {
      const key = `${e.broker}:${e.queueId}`;
      byQueue.set(key, [...(byQueue.get(key) ?? []), e.queueOffset]);
    }
    expect(byQueue.size).toBe(8);
    for (const offsets of byQueue.values()) expect(offsets).toEqual(offsets.map((_, i) => i));
  });

  it('CONSUME_FROM_LAST_OFFSET: a new group on a young topic starts at offset 0 and consumes what was sent before it started', () => {
    const sim = new TestSim(scenario({
      producers: [producer()],
      consumers: [consumer('c-1', { startAt: 30_000 })],
      timeline: [{ at: 40_050, action: 'setProducerRate', target: 'p-1', ratePerSec: 0 }],
    })).at(50_000);
    for (let queueId = 0; queueId < 4; queueId++) {
      expect(sim.first('message.consumed', { queueId })?.queueOffset).toBe(0);
    }
    const consumed = new Set(sim.events('message.consumed').map((e) => e.msgId));
    expect([...storedIn(sim, () => true)].filter((id) => !consumed.has(id))).toEqual([]);
    expect(consumed.size).toBe(400);
  });
});

describe('where a BROADCASTING consumer starts (LocalFileOffsetStore, RebalancePushImpl.computePullFromWhere, MQAdminImpl.maxOffset)', () => {
  const broadcasting = (fields: Record<string, unknown> = {}) => consumer('b-1', { group: 'CG_AUDIT', messageModel: 'BROADCASTING', ...fields });
  // Sends at x.x50 s: the consumer's first rebalance, a second after its start (5.x minInterval), is answered between two stores.
  const addedAt60s = (fields: Record<string, unknown> = {}) => scenario({
    producers: [producer({ startAt: 1_050 })],
    timeline: [{ at: 60_000, action: 'addConsumer', consumer: broadcasting(fields) }],
  });
  const queueIds = [0, 1, 2, 3];

  /** The broker answers GET_MAX_OFFSET a hop after the rebalance that took the queues sent it. */
  function maxOffsetAnswer(sim: TestSim): { at: number; maxOffsets: number[] } {
    const at = sim.first('rebalance', { consumer: 'b-1' })!.t + HOP;
    // No message stored in the same millisecond: which came first would not be RocketMQ's to say.
    expect(sim.events('message.stored', { t: at })).toEqual([]);
    const maxOffsets = queueIds.map((queueId) => sim.events('message.stored', (e) => e.topic === 'TopicTest' && e.queueId === queueId && e.t < at).length);
    return { at, maxOffsets };
  }

  it('CONSUME_FROM_LAST_OFFSET (the default), added at 60 s: a fresh process has no local offset (-1), so it asks the master for each queue\'s max offset and reads only what is stored after the answer', () => {
    const sim = new TestSim(addedAt60s()).at(90_000);
    const { at, maxOffsets } = maxOffsetAnswer(sim);
    // About a minute of 10 messages a second over 4 queues: some 150 a queue before it started.
    for (const offset of maxOffsets) expect(offset).toBeGreaterThan(140);
    expect(sim.broker('broker-a').requestCounts['GET_MAX_OFFSET']).toBe(4);
    for (const queueId of queueIds) expect(sim.first('message.consumed', { consumer: 'b-1', queueId })?.queueOffset).toBe(maxOffsets[queueId]);
    const storedAt = new Map(sim.events('message.stored').map((e) => [e.msgId, e.t]));
    const consumed = sim.events('message.consumed', { consumer: 'b-1' });
    expect(consumed.length).toBeGreaterThan(250);
    for (const e of consumed) expect(storedAt.get(e.msgId)!).toBeGreaterThan(at);
  });

  it('CONSUME_FROM_FIRST_OFFSET, added at 60 s: -1 means 0, so it reads every queue from its first message, asking the broker nothing', () => {
    const sim = new TestSim(addedAt60s({ consumeFromWhere: 'CONSUME_FROM_FIRST_OFFSET' })).at(90_000);
    expect(sim.broker('broker-a').requestCounts['GET_MAX_OFFSET']).toBeUndefined();
    for (const queueId of queueIds) expect(sim.first('message.consumed', { consumer: 'b-1', queueId })?.queueOffset).toBe(0);
    const consumed = new Set(sim.events('message.consumed', { consumer: 'b-1' }).map((e) => e.msgId));
    const storedBefore60s = sim.events('message.stored', (e) => e.topic === 'TopicTest' && e.t < 60_000).map((e) => e.msgId);
    // Sent every 100 ms from 1 150 ms (a constant rate's first gap after startAt) to 59 950 ms.
    expect(storedBefore60s.length).toBe(589);
    expect(storedBefore60s.filter((id) => !consumed.has(id))).toEqual([]);
  });

  it('a GET_MAX_OFFSET that times out (6 s, MQAdminImpl.timeoutMillis) leaves the queue to the next rebalance, which asks again', () => {
    const sim = new TestSim(scenario({
      producers: [producer({ startAt: 1_050 })],
      timeline: [
        { at: 50_000, action: 'partitionBroker', target: 'broker-a' },
        { at: 60_000, action: 'addConsumer', consumer: broadcasting() },
        { at: 75_000, action: 'healPartition', target: 'broker-a' },
      ],
    })).at(120_000);
    const rebalances = sim.times('rebalance', { consumer: 'b-1' });
    const firstConsumed = sim.first('message.consumed', { consumer: 'b-1' })!;
    // The first round's requests vanished in the partition: nothing was consumed until a later round was answered.
    expect(rebalances[0]).toBeLessThan(75_000);
    expect(firstConsumed.t).toBeGreaterThan(75_000);
    const answered = rebalances.filter((t) => t < firstConsumed.t).at(-1)!;
    expect(answered).toBeGreaterThan(75_000);
    expect(sim.broker('broker-a').requestCounts['GET_MAX_OFFSET']).toBe(4);
    const at = answered + HOP;
    expect(sim.events('message.stored', { t: at })).toEqual([]);
    for (const queueId of queueIds) {
      const maxOffset = sim.events('message.stored', (e) => e.topic === 'TopicTest' && e.queueId === queueId && e.t < at).length;
      expect(maxOffset).toBeGreaterThan(100);
      expect(sim.first('message.consumed', { consumer: 'b-1', queueId })?.queueOffset).toBe(maxOffset);
    }
  });

  it('CONSUME_FROM_LAST_OFFSET, present from the start: every queue\'s max offset is 0 when it asks, so it reads everything', () => {
    const sim = new TestSim(scenario({
      producers: [producer({ startAt: 1_000 })],
      consumers: [broadcasting()],
      timeline: [{ at: 30_050, action: 'setProducerRate', target: 'p-1', ratePerSec: 0 }],
    })).at(40_000);
    expect(maxOffsetAnswer(sim).maxOffsets).toEqual([0, 0, 0, 0]);
    expect(sim.broker('broker-a').requestCounts['GET_MAX_OFFSET']).toBe(4);
    for (const queueId of queueIds) expect(sim.first('message.consumed', { consumer: 'b-1', queueId })?.queueOffset).toBe(0);
    const consumed = new Set(sim.events('message.consumed', { consumer: 'b-1' }).map((e) => e.msgId));
    expect([...storedIn(sim, () => true)].filter((id) => !consumed.has(id))).toEqual([]);
    // Sent every 100 ms from 1 100 ms to 30 000 ms.
    expect(consumed.size).toBe(290);
  });
});

/**
 * CommitLog.calMsgLength for IPv4 hosts: 91 fixed bytes + body + topic + properties, where the
 * properties are written name \u0001 value \u0002 (MessageDecoder.messageProperties2String) and
 * "WAIT=true" is not stored (SendMessageProcessor removes it; it adds CLUSTER).
 */
function calMsgLength(bodyLength: number, topic: string, properties: Record<string, string>): number {
  const fixed = 4 + 4 + 4 + 4 + 4 + 8 + 8 + 4 + 8 + 8 + 8 + 8 + 4 + 8 + 4 + 1 + 2;
  const props = Object.entries(properties).filter(([, value]) => value !== '').reduce((sum, [name, value]) => sum + name.length + value.length + 2, 0);
  return fixed + bodyLength + topic.length + props;
}
