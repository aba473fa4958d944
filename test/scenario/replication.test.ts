/**
 * Master/slave replication as RocketMQ runs it without a controller (HAService, HAClient,
 * GroupTransferService, SlaveSynchronize, PullMessageProcessor): the slave holds the
 * master's commit log at the same offsets, consumers read from it while the master is gone, a
 * SYNC_MASTER answers only once a slave has the message. Expected numbers come from RocketMQ's
 * settings (MessageStoreConfig, BrokerController), never from a run read back.
 */
import { describe, expect, it } from 'vitest';
import { findLibraryEntry } from '../../src/scenario/library/index.ts';
import { MASTER_SLAVE_BROKERS, READING_SLAVE_BROKERS } from '../support/cluster.ts';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

const HOP = 1;
/** The default networkJitterMs: a hop takes HOP to HOP + JITTER ms. */
const JITTER = 1;
/** MessageStoreConfig.haSendHeartbeatInterval: a slave that is not connected tries again after 5 s. */
const HA_HEARTBEAT = 5_000;
/** HAConnection.WriteSocketService: idle, the master looks for new data every 100 ms. */
const HA_IDLE_WAIT = 100;
/** MessageStoreConfig.slaveTimeout (4.9.8 and 5.x). */
const SLAVE_TIMEOUT = 3_000;

function scenario(parts: Partial<ScenarioJson> & { role?: string } = {}): ScenarioJson {
  const { role = 'ASYNC_MASTER', ...rest } = parts;
  return {
    version: 1,
    durationMs: 300_000,
    config: { networkJitterMs: 0 },
    nameServers: [{ id: 'ns-1' }],
    brokers: [
      { name: 'broker-a', ip: '10.0.1.1', role },
      { name: 'broker-a', brokerId: 1, role: 'SLAVE', ip: '10.0.1.2' },
    ],
    topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
    producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 10 }],
    ...rest,
  };
}

/** Each answer's status and how long after its send it came, for sends after `from`. */
function latencies(sim: TestSim, from = 10_000): Set<string> {
  return new Set(sim.events('send.result', (e) => e.t > from + 2 * HOP).map((result) => {
    const sent = sim.first('message.sent', { msgId: result.msgId })!;
    return `${result.status},${result.t - sent.t}`;
  }));
}

const stored = (sim: TestSim, brokerId: number) => sim.events('message.stored', (e) => e.topic === 'TopicTest' && e.brokerId === brokerId);

describe('HAService: the slave copies the master\'s commit log (ASYNC_MASTER)', () => {
  it('holds every message at the master\'s offsets and ids, from its first report 5 s after start', () => {
    const sim = new TestSim(scenario()).at(60_000);
    const onMaster = stored(sim, 0).filter((e) => e.t < 59_000);
    const onSlave = new Map(stored(sim, 1).map((e) => [e.msgId, e]));
    expect(onMaster.length).toBeGreaterThan(500);
    for (const master of onMaster) {
      const copy = onSlave.get(master.msgId);
      expect(copy, master.msgId).toMatchObject({
        broker: 'broker-a', queueId: master.queueId, queueOffset: master.queueOffset,
        commitLogOffset: master.commitLogOffset, offsetMsgId: master.offsetMsgId,
      });
      // The slave learns its master from its registration (a round trip at 0 ms), so its first
      // report, which opens the connection, is the next one, 5 s after start; then the master's
      // write service sends at its next look, every 100 ms when idle, one hop away.
      const earliest = Math.max(master.t, HA_HEARTBEAT + HOP) + HOP;
      expect(copy!.t).toBeGreaterThanOrEqual(earliest);
      expect(copy!.t).toBeLessThanOrEqual(Math.max(master.t, HA_HEARTBEAT + HOP) + HA_IDLE_WAIT + HOP);
    }
    expect(stored(sim, 1)[0]!.t).toBe(HA_HEARTBEAT + 2 * HOP);
  });

  it('a slave that was down catches up from where it stopped, at its first report after restart', () => {
    const sim = new TestSim(scenario()).at(30_000);
    sim.crashBroker('broker-a', 1).at(40_000);
    sim.act({ action: 'startBroker', target: 'broker-a', brokerId: 1 }).at(60_000);
    const copies = stored(sim, 1);
    const offsets = copies.map((e) => e.commitLogOffset);
    expect(new Set(offsets).size).toBe(offsets.length);
    // Everything the master stored while the slave was down arrives in one catch-up at
    // 40 000 + 5 000 (the first report after the restart's unanswered one) + 2 hops.
    const missed = stored(sim, 0).filter((e) => e.t > 30_000 && e.t < 40_000);
    expect(missed.length).toBeGreaterThan(90);
    for (const master of missed) {
      expect(copies.find((e) => e.msgId === master.msgId)?.t).toBe(40_000 + HA_HEARTBEAT + 2 * HOP);
    }
  });
});

describe('PullMessageProcessor / findBrokerAddressInSubscribe: with the master gone, consumers read from the slave', () => {
  const withConsumer = (brokers: readonly ScenarioJson[], rocketmqVersion = '5.x') => scenario({
    brokers,
    // One consumer thread at 10 messages a second behind a producer at 20: a backlog builds up,
    // and the consumer holds at most 10 messages per queue in memory (pullThresholdForQueue).
    config: { networkJitterMs: 0, rocketmqVersion, consumeThreadMax: 1, pullThresholdForQueue: 10, pullBatchSize: 4 },
    consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest', consumeTimeMs: 100 }],
    producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 20 }],
    timeline: [{ at: 60_000, action: 'crashBroker', target: 'broker-a' }, { at: 120_000, action: 'startBroker', target: 'broker-a' }],
  });

  const outageReads = (sim: TestSim) => sim.events('message.consumed', (e) => e.broker === 'broker-a' && e.t > 70_000 && e.t < 120_000);

  it('the backlog stored on broker-a before the crash is consumed during the outage, from the slave (slaveReadEnable), without duplicates', () => {
    const sim = new TestSim(withConsumer(READING_SLAVE_BROKERS)).at(200_000);
    // Long after what the consumer held in memory at the crash is done, it still reads broker-a.
    const duringOutage = sim.events('message.consumed', (e) => e.broker === 'broker-a' && e.t > 70_000 && e.t < 120_000);
    expect(duringOutage.length).toBeGreaterThan(100);
    const storedBeforeCrash = new Set(sim.events('message.stored', (e) => e.broker === 'broker-a' && e.brokerId === 0 && e.t < 60_000).map((e) => e.msgId));
    for (const consumed of duringOutage) expect(storedBeforeCrash.has(consumed.msgId)).toBe(true);
    // The offsets were committed to the slave and copied back: nothing is read twice.
    const consumedIds = sim.events('message.consumed').map((e) => e.msgId);
    expect(new Set(consumedIds).size).toBe(consumedIds.length);
  });

  it('5.x: a slave without slaveReadEnable refuses every pull with SYSTEM_BUSY (PullMessageProcessor.rejectRequest), and the backlog waits for its master', () => {
    const sim = new TestSim(withConsumer(MASTER_SLAVE_BROKERS)).at(200_000);
    expect(outageReads(sim)).toEqual([]);
    const refused = sim.events('pull.rejected', { topic: 'TopicTest', queueId: 0 });
    expect(refused.length).toBeGreaterThan(40);
    for (const refusal of refused) expect([refusal.broker, refusal.brokerId, refusal.reason]).toEqual(['broker-a', 1, 'SYSTEM_BUSY']);
    // Refused before the processor runs (NettyRemotingAbstract): the slave processed no pull.
    expect(sim.broker('broker-a', 1).requestCounts['PULL_MESSAGE']).toBeUndefined();
    // DefaultMQPushConsumerImpl's pull callback, onException: the next pull after
    // pullTimeDelayMillsWhenException (ClientConfig: 1 000 ms), answered one hop each way later.
    const gaps = refused.slice(1).map((refusal, i) => refusal.t - refused[i]!.t);
    expect(new Set(gaps)).toEqual(new Set([1_000 + 2 * HOP]));
    // Once the master is back the backlog is read from it, and nothing twice.
    const afterReturn = sim.events('message.consumed', (e) => e.broker === 'broker-a' && e.t > 120_000);
    expect(afterReturn.length).toBeGreaterThan(100);
    for (const consumed of afterReturn) expect(consumed.brokerId).toBe(0);
    const consumedIds = sim.events('message.consumed').map((e) => e.msgId);
    expect(new Set(consumedIds).size).toBe(consumedIds.length);
  });

  it('4.x: the slave serves the pulls without slaveReadEnable (4.9.8\'s rejectRequest is always false)', () => {
    const sim = new TestSim(withConsumer(MASTER_SLAVE_BROKERS, '4.x')).at(200_000);
    expect(outageReads(sim).length).toBeGreaterThan(100);
    for (const consumed of outageReads(sim)) expect(consumed.brokerId).toBe(1);
    expect(sim.events('pull.rejected')).toEqual([]);
  });

  it('without a slave, broker-a\'s queues are not read until the master is back', () => {
    const sim = new TestSim(withConsumer(MASTER_SLAVE_BROKERS.filter((broker) => broker.role !== 'SLAVE'))).at(200_000);
    expect(outageReads(sim)).toEqual([]);
  });
});

describe('a failed message while the master is gone (sendMessageBack goes to the master only)', () => {
  it('is not written on the slave, whose commit log stays the master\'s; the consumer tries it again 5 s later', () => {
    const sim = new TestSim(scenario({
      brokers: MASTER_SLAVE_BROKERS,
      config: { networkJitterMs: 0, consumeThreadMax: 1, pullThresholdForQueue: 10, pullBatchSize: 4 },
      producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 20, tags: ['TagA', 'TagB'] }],
      consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest', consumeTimeMs: 100, failTags: ['TagB'] }],
      timeline: [{ at: 60_000, action: 'crashBroker', target: 'broker-a' }, { at: 120_000, action: 'startBroker', target: 'broker-a' }],
    })).at(180_000);
    const master = sim.sim.state.brokers['broker-a/0']!;
    const slave = sim.sim.state.brokers['broker-a/1']!;
    expect(slave.commitLog.length).toBeGreaterThan(100);
    expect(slave.commitLog.length).toBeLessThanOrEqual(master.commitLog.length);
    for (let i = 0; i < slave.commitLog.length; i++) expect(slave.commitLog.at(i)).toEqual(master.commitLog.at(i));
    // A TagB message of broker-a failed during the outage is consumed again locally after
    // sendBackFailedRetryDelay (5 s) + the listener's 100 ms, with reconsumeTimes + 1.
    const failed = sim.events('consume.failed', (e) => e.t > 70_000 && e.t < 110_000 && e.reconsumeTimes === 0
      && sim.first('message.stored', { msgId: e.msgId })!.broker === 'broker-a');
    expect(failed.length).toBeGreaterThan(0);
    const again = sim.first('consume.failed', (e) => e.msgId === failed[0]!.msgId && e.reconsumeTimes === 1)!;
    expect(again.t).toBeGreaterThanOrEqual(failed[0]!.t + 5_000 + 100);
  });
});

describe('a send-back into a partition (DefaultMQPushConsumerImpl.sendMessageBack, a 5000 ms invokeSync)', () => {
  /** The timeout sendMessageBack passes, a literal in 4.x and 5.x alike: not ClientConfig.mqClientApiTimeout (3 s). */
  const SEND_BACK_TIMEOUT = 5_000;
  /** NettySystemConfig connectTimeoutMillis: the client's own producer connects anew, into the partition. */
  const CONNECT_TIMEOUT = 3_000;
  const CONSUME_MS = 800;

  it('waits 5 s, then its timeout closes the consumer\'s channel; the client\'s own producer\'s send to %RETRY%CG waits out its connect (3 s, its whole sendMsgTimeout), and the consumer tries the message again after sendBackFailedRetryDelay', () => {
    const sim = new TestSim({
      version: 1, durationMs: 30_000, config: { networkJitterMs: 0 }, nameServers: [{ id: 'ns-1' }], brokers: [{ name: 'broker-a' }],
      topics: [{ name: 'TopicTest', writeQueueNums: 1, readQueueNums: 1 }],
      producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 1, tags: ['Poison'], startAt: 3_000 }],
      consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest', failTags: ['Poison'], consumeTimeMs: CONSUME_MS }],
      timeline: [{ at: 10_500, action: 'partitionBroker', target: 'broker-a' }],
    }).at(30_000);
    // The first failure after the partition sends its message back into it, on the channel open since c-1's start.
    const failed = sim.first('consume.failed', (e) => e.t > 10_500)!;
    expect(sim.events('channel.closed', { from: 'c-1' }).map(({ t, to, code, waitedMs }) => ({ t, to, code, waitedMs }))).toEqual([
      { t: failed.t + SEND_BACK_TIMEOUT, to: 'broker-a/0', code: 'CONSUMER_SEND_MSG_BACK', waitedMs: SEND_BACK_TIMEOUT },
    ]);
    const again = sim.first('consume.failed', (e) => e.msgId === failed.msgId && e.t > failed.t)!;
    expect(again.t).toBe(failed.t + SEND_BACK_TIMEOUT + CONNECT_TIMEOUT + sim.scenario.config.sendBackFailedRetryDelayMs + CONSUME_MS);
  });
});

describe('a slave ahead of its master, which lost its unflushed tail with its power (HAConnection.WriteSocketService sends from the slave\'s byte offset)', () => {
  /** 100-byte bodies until 59 s, the master without power at 60 s and back at 75 s; then 700-byte bodies from 80 s. */
  const aheadOfMaster = (laterBodyBytes: number) => new TestSim({
    version: 1, durationMs: 200_000, config: { networkJitterMs: 0 }, nameServers: [{ id: 'ns-1' }],
    brokers: [{ name: 'broker-a', role: 'ASYNC_MASTER' }, { name: 'broker-a', brokerId: 1, role: 'SLAVE', slaveReadEnable: true }],
    topics: [{ name: 'TopicTest', writeQueueNums: 1, readQueueNums: 1 }],
    producers: [
      { id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 20, bodyBytes: 100 },
      { id: 'p-2', group: 'PG2', topic: 'TopicTest', ratePerSec: 5, bodyBytes: laterBodyBytes, startAt: 80_000 },
    ],
    timeline: [
      { at: 59_000, action: 'setProducerRate', target: 'p-1', ratePerSec: 0 },
      { at: 60_000, action: 'powerOffBroker', target: 'broker-a' },
      { at: 75_000, action: 'startBroker', target: 'broker-a' },
    ],
  });

  it('the bytes sent from there begin inside a message: the slave appends them and its ReputMessageService stops, so its ConsumeQueue no longer grows', () => {
    const sim = aheadOfMaster(700).at(75_001);
    const master = sim.broker('broker-a', 0);
    const slave = sim.broker('broker-a', 1);
    // CommitLog.recoverAbnormally kept the master's flushed part; the slave had copied more.
    expect(slave.maxPhyOffset).toBeGreaterThan(master.maxPhyOffset);
    const slaveLength = slave.commitLog.length;
    sim.at(120_000);
    // The master's new 857-byte messages pass the slave's offset without one starting there.
    expect(slave.reputStoppedAt).toBe(slaveLength);
    expect(slave.maxPhyOffset).toBe(master.maxPhyOffset);
    expect(slave.consumeQueues.TopicTest![0]!.length).toBe(slaveLength);
    expect(master.consumeQueues.TopicTest![0]!.length).toBeGreaterThan(slaveLength);
    expect(sim.events('message.stored', (e) => e.brokerId === 1 && e.t > 75_000)).toEqual([]);
  });

  it('restarted, the slave\'s recovery cuts its log where the bytes stopped being messages (checkMessageAndReturnSize), and it dispatches again', () => {
    const sim = aheadOfMaster(700).at(120_000);
    const stoppedAt = sim.broker('broker-a', 1).reputStoppedAt!;
    sim.act({ action: 'crashBroker', target: 'broker-a', brokerId: 1 }).advance(1_000).act({ action: 'startBroker', target: 'broker-a', brokerId: 1 }).advance(1);
    const slave = sim.broker('broker-a', 1);
    expect(slave.reputStoppedAt).toBeNull();
    expect(slave.commitLog.length).toBe(stoppedAt);
  });

  it('when the new messages are the size of the lost ones, one starts at the slave\'s offset: the slave goes on copying whole messages', () => {
    const sim = aheadOfMaster(100).at(120_000);
    const slave = sim.broker('broker-a', 1);
    expect(slave.reputStoppedAt).toBeNull();
    expect(sim.events('message.stored', (e) => e.brokerId === 1 && e.t > 80_000).length).toBeGreaterThan(100);
    expect(slave.maxPhyOffset).toBe(sim.broker('broker-a', 0).maxPhyOffset);
  });
});

describe('GroupTransferService, 4.9.8: a SYNC_MASTER answers once a slave has the message', () => {
  const V4 = { rocketmqVersion: '4.x', networkJitterMs: 0 };

  it('SEND_OK takes 4 hops (to the master, to the slave, the ack, the answer) instead of 2', () => {
    // From 15 s: the sends the slave's connect window held (below) are all answered by then.
    const sync = new TestSim(scenario({ role: 'SYNC_MASTER', config: V4 })).at(25_000);
    const async = new TestSim(scenario({ config: V4 })).at(25_000);
    expect(latencies(sync, 15_000)).toEqual(new Set([`SEND_OK,${4 * HOP}`]));
    expect(latencies(async, 15_000)).toEqual(new Set([`SEND_OK,${2 * HOP}`]));
  });

  it('the slave counts from its connect (isSlaveOK: connectionCount), but acks only from its first report one haSendHeartbeatInterval later: FLUSH_SLAVE_TIMEOUT for the puts of the first 2 s, a late SEND_OK for the rest', () => {
    // sendMsgTimeout above slaveTimeout, so that the broker's answer is what the producer sees.
    const sim = new TestSim(scenario({ role: 'SYNC_MASTER', config: { ...V4, sendMsgTimeoutMs: 10_000 } })).at(25_000);
    // The slave learns its master at its registration (a round trip at 0 ms), so HAClient connects at
    // its next look, 5 s after start; connectMaster sets lastWriteTimestamp, so isTimeToReportOffset
    // holds its first report until 5 s after that. The master sends from that report on, and the
    // slave's report of the copy is the first ack: one hop each way after the report arrives.
    const connected = HA_HEARTBEAT + HOP;
    const reportArrives = 2 * HA_HEARTBEAT + HOP;
    const firstAck = reportArrives + 2 * HOP;
    const counts = { notAvailable: 0, timedOut: 0, late: 0 };
    for (const e of stored(sim, 0).filter((e) => e.t < reportArrives)) {
      const result = sim.first('send.result', { msgId: e.msgId })!;
      if (e.t < connected) {
        expect(result).toMatchObject({ status: 'SLAVE_NOT_AVAILABLE', t: e.t + HOP });
        counts.notAvailable++;
      } else if (e.t + SLAVE_TIMEOUT < firstAck) {
        expect(result).toMatchObject({ status: 'FLUSH_SLAVE_TIMEOUT', t: e.t + SLAVE_TIMEOUT + HOP });
        counts.timedOut++;
      } else {
        expect(result).toMatchObject({ status: 'SEND_OK', t: firstAck + HOP });
        counts.late++;
      }
    }
    // 10 a second: about 2 s of timeouts and 3 s of late answers.
    expect(counts.timedOut).toBeGreaterThanOrEqual(19);
    expect(counts.late).toBeGreaterThanOrEqual(29);
    expect(counts.notAvailable).toBeGreaterThan(40);
    expect(stored(sim, 1)[0]!.t).toBe(reportArrives + HOP);
  });

  it('SLAVE_NOT_AVAILABLE at once when no slave is connected; FLUSH_SLAVE_TIMEOUT after slaveTimeout (3 s) when it is cut off', () => {
    const crashed = new TestSim(scenario({ role: 'SYNC_MASTER', config: V4 })).at(20_000);
    crashed.crashBroker('broker-a', 1).at(21_000);
    const afterCrash = crashed.events('send.result', (e) => e.t > 20_000 + 2 * HOP);
    expect(afterCrash.length).toBeGreaterThan(5);
    for (const result of afterCrash) {
      expect(result.status).toBe('SLAVE_NOT_AVAILABLE');
      expect(result.t - crashed.first('message.sent', { msgId: result.msgId })!.t).toBe(2 * HOP);
    }
    // A partition closes nothing: the master still counts the slave and waits for its ack.
    const cut = new TestSim(scenario({ role: 'SYNC_MASTER', config: { ...V4, sendMsgTimeoutMs: 10_000 } })).at(20_000);
    cut.act({ action: 'partitionBroker', target: 'broker-a', brokerId: 1 }).at(30_000);
    const sent = cut.first('message.sent', (e) => e.t > 20_000)!;
    expect(cut.first('send.result', { msgId: sent.msgId })).toMatchObject({ status: 'FLUSH_SLAVE_TIMEOUT', t: sent.t + HOP + SLAVE_TIMEOUT + HOP });
  });

  it('a link cut between the master and the slave by their nodes (partitionLink broker-a/0, broker-a/1) holds the answer until slaveTimeout too', () => {
    const timeline = [{ at: 20_000, action: 'partitionLink', target: 'broker-a/0', peer: 'broker-a/1' }];
    const cut = new TestSim(scenario({ role: 'SYNC_MASTER', config: { ...V4, sendMsgTimeoutMs: 10_000 }, timeline })).at(30_000);
    const sent = cut.first('message.sent', (e) => e.t > 20_000)!;
    expect(cut.first('send.result', { msgId: sent.msgId })).toMatchObject({ status: 'FLUSH_SLAVE_TIMEOUT', t: sent.t + HOP + SLAVE_TIMEOUT + HOP });
  });

  it('isSlaveOK: once the unacknowledged bytes reach haMaxGapNotInSync, SLAVE_NOT_AVAILABLE comes at once', () => {
    const GAP = 10_000;
    const sim = new TestSim(scenario({ role: 'SYNC_MASTER', config: { ...V4, sendMsgTimeoutMs: 10_000, haMaxGapNotInSyncBytes: GAP } })).at(20_000);
    sim.act({ action: 'partitionBroker', target: 'broker-a', brokerId: 1 }).at(24_000);
    const after = stored(sim, 0).filter((e) => e.t > 20_000);
    sim.at(40_000);
    const sizeOf = new Map(sim.sim.state.brokers['broker-a/0']!.commitLog.toArray().map((m) => [m.msgId, m.size]));
    // Everything before the partition was acknowledged; nothing after it is.
    const ackedBytes = after[0]!.commitLogOffset;
    let waited = 0;
    for (const e of after) {
      const result = sim.first('send.result', { msgId: e.msgId })!;
      if (e.commitLogOffset + sizeOf.get(e.msgId)! - ackedBytes >= GAP) {
        expect(result).toMatchObject({ status: 'SLAVE_NOT_AVAILABLE', t: e.t + HOP });
      } else {
        expect(result).toMatchObject({ status: 'FLUSH_SLAVE_TIMEOUT', t: e.t + SLAVE_TIMEOUT + HOP });
        waited++;
      }
    }
    // About 10 000 / 1 100 bytes per message: the first eight or so wait, the rest are refused.
    expect(waited).toBeGreaterThan(5);
    expect(after.length - waited).toBeGreaterThan(20);
  });
});

describe('CommitLog.handleHA, 5.x: a SYNC_MASTER waits for inSyncReplicas replicas, the master included', () => {
  it('with the default inSyncReplicas 1 it answers SEND_OK at once, like an ASYNC_MASTER, whatever the slave does', () => {
    const sync = new TestSim(scenario({ role: 'SYNC_MASTER' })).at(20_000);
    expect(latencies(sync)).toEqual(new Set([`SEND_OK,${2 * HOP}`]));
    const crashed = new TestSim(scenario({ role: 'SYNC_MASTER' })).at(20_000).crashBroker('broker-a', 1).at(30_000);
    expect(latencies(crashed, 20_000)).toEqual(new Set([`SEND_OK,${2 * HOP}`]));
    const cut = new TestSim(scenario({ role: 'SYNC_MASTER' })).at(20_000);
    cut.act({ action: 'partitionBroker', target: 'broker-a', brokerId: 1 }).at(30_000);
    expect(latencies(cut, 20_000)).toEqual(new Set([`SEND_OK,${2 * HOP}`]));
  });

  it('inSyncReplicas 2: SEND_OK after the slave\'s ack (4 hops); with the slave gone FLUSH_SLAVE_TIMEOUT after slaveTimeout, never SLAVE_NOT_AVAILABLE', () => {
    const brokers = (extra: object) => [
      { name: 'broker-a', ip: '10.0.1.1', role: 'SYNC_MASTER', inSyncReplicas: 2, ...extra },
      { name: 'broker-a', brokerId: 1, role: 'SLAVE', ip: '10.0.1.2' },
    ];
    const two = new TestSim(scenario({ brokers: brokers({}), config: { networkJitterMs: 0, sendMsgTimeoutMs: 10_000 } })).at(20_000);
    expect(latencies(two)).toEqual(new Set([`SEND_OK,${4 * HOP}`]));
    two.crashBroker('broker-a', 1).at(40_000);
    const afterCrash = two.events('send.result', (e) => two.first('message.sent', { msgId: e.msgId })!.t > 20_000);
    expect(afterCrash.length).toBeGreaterThan(5);
    for (const result of afterCrash) {
      expect(result.t - two.first('message.sent', { msgId: result.msgId })!.t).toBe(HOP + SLAVE_TIMEOUT + HOP);
      expect(result.status).toBe('FLUSH_SLAVE_TIMEOUT');
    }
    // enableSlaveActingMaster: too few in-sync replicas refuse the put before it is stored.
    const acting = new TestSim(scenario({ brokers: brokers({ enableSlaveActingMaster: true }), config: { networkJitterMs: 0 } })).at(20_000);
    acting.crashBroker('broker-a', 1).at(30_000);
    // The master sees the HA channel close one hop after the crash; nothing is stored after that.
    expect(stored(acting, 0).filter((e) => e.t > 20_000 + 2 * HOP)).toEqual([]);
    const failed = acting.events('send.failed', (e) => acting.first('message.sent', { msgId: e.msgId })!.t > 20_000 + 2 * HOP);
    expect(failed.length).toBeGreaterThan(5);
    // SendMessageProcessor answers IN_SYNC_REPLICAS_NOT_ENOUGH as SYSTEM_ERROR, which the producer retries.
    expect(new Set(failed.map((e) => e.reason))).toEqual(new Set(['SYSTEM_ERROR']));
  });
});

describe('SlaveSynchronize copies topics and consumer offsets from the master', () => {
  const topicOnSlaveAt = (version: '5.x' | '4.x', times: number[]) => {
    const sim = new TestSim(scenario({
      config: { networkJitterMs: 0, rocketmqVersion: version },
      producers: [{ id: 'p-1', group: 'PG', topic: 'NewTopic', ratePerSec: 1, startAt: 20_000 }],
    }));
    return times.map((t) => 'NewTopic' in sim.at(t).sim.state.brokers['broker-a/1']!.topicConfigTable);
  };

  /** BrokerController 5.3.3: the check's first run 10 s after start, then every 3 s; syncAll past 60 s since lastSyncTimeMs. */
  const V5_FIRST_CHECK = 10_000;
  const V5_CHECK = 3_000;
  const V5_MIN_INTERVAL = 60_000;
  /** The first check more than `since` + 60 s after start. */
  const v5SyncAfter = (since: number) => {
    let t = V5_FIRST_CHECK;
    while (t - since <= V5_MIN_INTERVAL) t += V5_CHECK;
    return t;
  };

  it('5.x: first about 61 s after start (lastSyncTimeMs is the start), then at the first 3 s check more than 60 s later', () => {
    // NewTopic is auto-created on the master at about 20 s.
    const first = v5SyncAfter(0);
    expect(first).toBe(61_000);
    expect(topicOnSlaveAt('5.x', [first - 1, first + 2 * HOP])).toEqual([false, true]);
    const requests = (sim: TestSim, t: number) => sim.at(t).broker('broker-a', 0).requestCounts['GET_ALL_TOPIC_CONFIG'] ?? 0;
    const sim = new TestSim(scenario({ config: { networkJitterMs: 0 } }));
    const second = v5SyncAfter(first);
    expect(second).toBe(124_000);
    expect([first - 1, first + HOP, second - 1, second + HOP].map((t) => requests(sim, t))).toEqual([0, 1, 1, 2]);
  });

  it('5.x: a syncAll with no master to ask moves lastSyncTimeMs too, so a master back meanwhile is asked only 60 s later', () => {
    // The master crashes at 30 s; the slave's registration at 40 s learns it has none. The check at
    // 61 s syncs nothing; the master is back at 65 s and named again at the slave's 70 s registration.
    const sim = new TestSim(scenario({
      config: { networkJitterMs: 0 },
      timeline: [{ at: 30_000, action: 'crashBroker', target: 'broker-a' }, { at: 65_000, action: 'startBroker', target: 'broker-a' }],
    }));
    const requests = (t: number) => sim.at(t).broker('broker-a', 0).requestCounts['GET_ALL_TOPIC_CONFIG'] ?? 0;
    const next = v5SyncAfter(v5SyncAfter(0));
    const before = requests(65_000);
    expect([requests(next - 1), requests(next + HOP)]).toEqual([before, before + 1]);
  });

  it('4.x: every 10 s from 3 s (23 s), with no 60 s gate', () => {
    expect(topicOnSlaveAt('4.x', [22_999, 23_010])).toEqual([false, true]);
    const sim = new TestSim(scenario({ config: { networkJitterMs: 0, rocketmqVersion: '4.x' } }));
    const requests = (t: number) => sim.at(t).broker('broker-a', 0).requestCounts['GET_ALL_TOPIC_CONFIG'] ?? 0;
    expect([2_999, 3_000 + HOP, 13_000 + HOP, 23_000 + HOP].map(requests)).toEqual([0, 1, 2, 3]);
  });
});

describe('a 5.x slave that serves its group before its first SlaveSynchronize (about 61 s after its start)', () => {
  it('has the group\'s %RETRY% topic from the consumer\'s heartbeats (ClientManageProcessor.heartBeat, on any broker), so its pulls there are answered, not TOPIC_NOT_EXIST', () => {
    const sim = new TestSim(scenario({
      brokers: READING_SLAVE_BROKERS,
      consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest' }],
      timeline: [{ at: 30_000, action: 'crashBroker', target: 'broker-a' }],
    }));
    expect('%RETRY%CG' in sim.at(2_000).broker('broker-a', 1).topicConfigTable).toBe(true);
    sim.at(60_000);
    // Nothing synced yet: the slave's copy came from the heartbeat.
    expect(sim.broker('broker-a', 0).requestCounts['GET_ALL_TOPIC_CONFIG']).toBeUndefined();
    // c-1 pulls broker-a's queues of TopicTest and %RETRY%CG from the slave from the crash on.
    expect(sim.broker('broker-a', 1).requestCounts['PULL_MESSAGE']).toBeGreaterThan(0);
    expect(sim.events('pull.rejected', (e) => e.broker === 'broker-a')).toEqual([]);
  });
});

describe('the library\'s "A master crashes, its slave keeps serving reads" does what its description says', () => {
  const sim = new TestSim(findLibraryEntry('master-slave-failover')!.scenario as ScenarioJson).at(240_000);
  /** ClientConfig.pollNameServerInterval: routes are refreshed every 30 s, the first about 10 ms after start. */
  const REFRESH_AFTER_CRASH = 90_000;

  it('the NameServer drops broker-a/0 at once and keeps broker-a with its slave in the route', () => {
    const removed = sim.events('broker.removed');
    expect(removed).toEqual([expect.objectContaining({ broker: 'broker-a', brokerId: 0, reason: 'channelClosed' })]);
    // The channel's close crosses one hop, whose jitter the library scenario keeps (networkJitterMs).
    expect(removed[0]!.t).toBeGreaterThanOrEqual(75_000 + HOP);
    expect(removed[0]!.t).toBeLessThanOrEqual(75_000 + HOP + JITTER);
    const route = sim.first('route.updated', (e) => e.client === 'p-1' && e.topic === 'TopicTest' && e.t > 75_000)!;
    expect(route.t).toBeGreaterThan(REFRESH_AFTER_CRASH);
    expect(route.t).toBeLessThan(REFRESH_AFTER_CRASH + 100);
    expect(route.writeQueues.every((queue) => queue.startsWith('broker-b:'))).toBe(true);
    expect(route.readQueues.filter((queue) => queue.startsWith('broker-a:'))).toHaveLength(4);
  });

  it('sends to broker-a fail at once until the refresh, each retried on broker-b', () => {
    const failures = sim.events('send.failed', (e) => e.t > 75_000);
    expect(failures.length).toBeGreaterThan(30);
    for (const failure of failures) {
      expect(failure.broker).toBe('broker-a');
      expect(failure.t).toBeLessThan(REFRESH_AFTER_CRASH + 100);
      expect(sim.first('message.stored', { msgId: failure.msgId })).toMatchObject({ broker: 'broker-b' });
    }
  });

  it('c-1 drains broker-a\'s backlog from the slave during the outage, and nothing is consumed twice', () => {
    const backlog = sim.events('message.stored', (e) => e.broker === 'broker-a' && e.brokerId === 0 && e.topic === 'TopicTest' && e.t < 75_000).length
      - sim.events('message.consumed', (e) => e.broker === 'broker-a' && e.t < 75_000).length;
    const fromSlave = sim.events('message.consumed', (e) => e.broker === 'broker-a' && e.t > 76_000 && e.t < 165_000);
    expect(backlog).toBeGreaterThan(150);
    // A few were already in c-1's memory at the crash; the rest came from the slave.
    expect(fromSlave.length).toBeGreaterThanOrEqual(backlog - 10);
    const consumed = sim.events('message.consumed').map((e) => e.msgId);
    expect(new Set(consumed).size).toBe(consumed.length);
  });
});

describe('consumer offsets reach the broker twice over: on every pull, and every 5 s for every owned queue', () => {
  /** MQClientInstance: persistAllConsumerOffset every persistConsumerOffsetInterval, the first 10 s after start. */
  const PERSIST_EVERY = 5_000;
  const PERSIST_FIRST = 10_000;

  it('persistAll sends every owned queue\'s offset each round, changed or not (RemoteBrokerOffsetStore.persistAll)', () => {
    // Nothing is sent after 20 s: by 40 s every offset has stood still for a while.
    const sim = new TestSim(scenario({
      consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest' }],
      timeline: [{ at: 20_000, action: 'removeProducer', target: 'p-1' }],
    }));
    const updates = (t: number) => sim.at(t).sim.state.brokers['broker-a/0']!.requestCounts['UPDATE_CONSUMER_OFFSET'] ?? 0;
    const owned = () => {
      const client = sim.sim.state.clients['c-1']!;
      return client.kind === 'consumer' ? Object.keys(client.processQueueTable).length : 0;
    };
    for (const round of [45_000, 50_000, 55_000]) {
      expect(round % PERSIST_EVERY).toBe(PERSIST_FIRST % PERSIST_EVERY);
      const before = updates(round - 1);
      const queues = owned();
      // TopicTest's 4 queues, and the group's retry topic's once it is subscribed.
      expect(queues).toBeGreaterThanOrEqual(4);
      expect(updates(round + 2 * HOP + JITTER) - before).toBe(queues);
    }
    // The trace tells only of a commit that moved an offset: none in those rounds.
    expect(sim.events('offset.committed', (e) => e.t > 40_000)).toEqual([]);
  });

  /** A backlog on the broker: one consumer thread taking 400 ms a message behind 10 messages a second, pulling one message at a time and holding at most about 5 per queue: it pulls as it consumes. */
  const backlog = (version: '4.x' | '5.x', timeline: unknown[] = []) => new TestSim(scenario({
    brokers: READING_SLAVE_BROKERS.slice(0, 2),
    config: { networkJitterMs: 0, rocketmqVersion: version, consumeThreadMax: 1, pullThresholdForQueue: 5, pullBatchSize: 1 },
    consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest', consumeTimeMs: 400 }],
    timeline,
  }));
  const brokerOffset = (sim: TestSim, node: string, t: number) => sim.at(t).sim.state.brokers[node]!.consumerOffsetTable['CG']?.['TopicTest@0'] ?? 0;
  const consumedOffset = (sim: TestSim, t: number) => {
    const client = sim.at(t).sim.state.clients['c-1']!;
    return client.kind === 'consumer' ? client.offsetTable['TopicTest@broker-a@0'] ?? 0 : 0;
  };

  it('a pull carries the offset consumed so far, and the master takes it at once (PullMessageProcessor.tryCommitOffset)', () => {
    const sim = backlog('5.x');
    // Between the rounds of 25 s and 30 s: the last persisted offset is 25 s's.
    const t = 29_000;
    sim.at(t);
    const persisted = sim.last('offset.committed', (e) => e.topic === 'TopicTest' && e.queueId === 0 && e.t < t)!;
    expect(persisted.t).toBeLessThan(25_000 + 10);
    const atBroker = brokerOffset(sim, 'broker-a/0', t);
    expect(atBroker).toBeGreaterThan(persisted.offset);
    expect(atBroker).toBeLessThanOrEqual(consumedOffset(sim, t));
  });

  it('4.x: a slave serving the reads ignores the offsets pulls carry (BrokerRole.SLAVE); 5.x takes them', () => {
    // The master dies at 20 s with a backlog; after the route refresh at 30.01 s c-1 drains it from
    // the slave, its offsets persisted there from the 35 s round on. Between 35 s and 40 s, queue by queue:
    const crash = [{ at: 20_000, action: 'crashBroker', target: 'broker-a' }];
    const t = 38_000;
    const queues = [0, 1, 2, 3];
    const at = (version: '4.x' | '5.x') => {
      const sim = backlog(version, crash);
      const { state } = sim.at(t).sim;
      const client = state.clients['c-1']!;
      return queues.map((queueId) => ({
        persisted: sim.last('offset.committed', (e) => e.topic === 'TopicTest' && e.queueId === queueId)!.offset,
        slave: state.brokers['broker-a/1']!.consumerOffsetTable['CG']?.[`TopicTest@${queueId}`] ?? 0,
        consumed: client.kind === 'consumer' ? client.offsetTable[`TopicTest@broker-a@${queueId}`] ?? 0 : 0,
      }));
    };
    const four = at('4.x');
    for (const queue of four) expect(queue.slave).toBe(queue.persisted);
    expect(four.some((queue) => queue.consumed > queue.persisted)).toBe(true);
    const five = at('5.x');
    expect(five.some((queue) => queue.slave > queue.persisted)).toBe(true);
    for (const queue of five) expect(queue.slave).toBeLessThanOrEqual(queue.consumed);
  });

  it('an offset that cannot reach its broker (its master down, no slave) is not persisted, and the trace does not say it was', () => {
    // One consumer thread, 400 ms a message: at the crash (35 s) c-1 still holds pulled messages of
    // broker-a and consumes them until about 52 s; its route lists broker-a until its pull at 60 s.
    const sim = new TestSim(scenario({
      brokers: [{ name: 'broker-a', ip: '10.0.1.1' }, { name: 'broker-b', ip: '10.0.1.3' }],
      consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest', consumeTimeMs: 400 }],
      config: { networkJitterMs: 0, consumeThreadMax: 1, pullThresholdForQueue: 5, pullBatchSize: 1 },
      timeline: [{ at: 35_000, action: 'crashBroker', target: 'broker-a' }],
    })).at(90_000);
    expect(sim.events('message.consumed', (e) => e.broker === 'broker-a' && e.t > 50_000).length).toBeGreaterThan(0);
    const rounds = (broker: string) => [...new Set(sim.events('offset.committed', (e) => e.broker === broker && e.t > 25_000).map((e) => e.t))];
    expect(rounds('broker-a')).toEqual([PERSIST_FIRST + 4 * PERSIST_EVERY]);
    // broker-b's offsets still go out, round after round.
    expect(rounds('broker-b')).toEqual(expect.arrayContaining([40_000, 45_000, 50_000, 55_000]));
  });
});
