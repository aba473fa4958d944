/**
 * The built-in "Send modes: SYNC, ASYNC and ONEWAY into a partition": three producers that differ
 * only in their send mode write over broker-a and broker-b, and broker-b is partitioned from 30 s
 * to 60 s. Every expected figure follows from RocketMQ's rules:
 * - DefaultMQProducerImpl.sendDefaultImpl: a SYNC or ASYNC attempt waits up to sendMsgTimeout
 *   (3 s) for the broker's answer; an attempt that fails with time left tries another broker, one
 *   that took the whole budget leaves no retry (timesTotal, "call timeout"): the application gets
 *   FAILED or its callback's exception. A SYNC send's invokeSync waits exactly its timeout; an
 *   ASYNC send's invokeAsync has no timer of its own: NettyRemotingClient's scanResponseTable
 *   (every 1 s, first at 3 s) fails it once beginTimestamp + timeout + 1000 <= now;
 * - NettyRemotingClient.invokeSync closes the channel of a call that timed out
 *   (clientCloseSocketIfTimeout, true by default), and the close fails every call waiting on that
 *   channel at once (failFast); the next call connects anew, and a connect the partition swallows
 *   fails after connectTimeoutMillis (3 s), with every call made meanwhile, which waits for that
 *   same connect (createChannelAsync returns the ChannelFuture not done yet). A client's heartbeat
 *   is such a synchronous call
 *   (MQClientAPIImpl.sendHeartbeat, mqClientApiTimeout 3 s), every heartbeatBrokerInterval (30 s),
 *   the first 1 s after the client starts;
 * - a ONEWAY send waits for nothing (invokeOneway): a request the partition swallows is lost, and
 *   nobody answers or learns it;
 * - the NameServer closes an idle channel only after serverChannelMaxIdleTimeSeconds (120 s), so
 *   broker-b stays in every route through the 30 s partition; but a broker's registration is a
 *   synchronous call too (registerBrokerTimeoutMills, 24 s in 5.x), and the NameServer removes a
 *   broker whose channel closes (BrokerHousekeepingService.onChannelClose).
 */
import { describe, expect, it } from 'vitest';
import { findLibraryEntry } from '../../src/scenario/library/index.ts';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

/** DefaultMQProducer.sendMsgTimeout. */
const SEND_MSG_TIMEOUT = 3_000;
/** NettySystemConfig.connectTimeoutMillis. */
const CONNECT_TIMEOUT = 3_000;
/** TCP sends an unanswered SYN again after its initial retransmission timeout, 1 s. */
const SYN_RETRY = 1_000;
/** ClientConfig.mqClientApiTimeout, a heartbeat's timeout. */
const API_TIMEOUT = 3_000;
/** The producers start at 1 s; MQClientInstance heartbeats 1 s later, then every 30 s. */
const HEARTBEAT_AT = 1_000 + 1_000 + 30_000;
/**
 * sendHeartbeatToAllBroker is a loop of invokeSync, broker-a first (brokerAddrTable's order): the
 * heartbeat to broker-b leaves when broker-a has answered, a round trip later (two hops of 1 ms,
 * each with up to 1 ms of jitter).
 */
const ROUND_TRIP = { min: 2, max: 4 };
/** BrokerController registers 10 s after start, then every 30 s; BrokerConfig.registerBrokerTimeoutMills (5.x). */
const REGISTRATION_IN_PARTITION = 40_000;
const REGISTER_TIMEOUT = 24_000;
const PARTITION_AT = 30_000;
const HEAL_AT = 60_000;
/** NettyRemotingAbstract.scanResponseTable: run every 1 s from 3 s; a request expires 1 s past its timeout. */
const SCAN = { first: 3_000, period: 1_000, grace: 1_000 };

/**
 * The connect each send of `sentTimes` (in order, to a peer with no channel) waits for: the first
 * starts one, the sends made meanwhile wait for it, and the next send after its end starts another.
 * A connect started at `start` sends its SYN again a second later (SYN_RETRY): it opens the channel
 * if the partition has healed by then, and fails at start + connectTimeoutMillis otherwise.
 */
function connectsOf(sentTimes: number[]): number[] {
  let start = -Infinity;
  return sentTimes.map((t) => {
    if (t >= start + CONNECT_TIMEOUT) start = t;
    return start;
  });
}

/** When scanResponseTable fails an async request sent at `sentAt` with the whole budget: its first run at or after the expiry. */
function asyncFailedAt(sentAt: number): number {
  const expiry = sentAt + SEND_MSG_TIMEOUT + SCAN.grace;
  return SCAN.first + Math.ceil((expiry - SCAN.first) / SCAN.period) * SCAN.period;
}

function run(): TestSim {
  const entry = findLibraryEntry('send-modes-partition');
  if (!entry) throw new Error('no library entry send-modes-partition');
  const sim = new TestSim(entry.scenario as ScenarioJson);
  return sim.at(sim.scenario.durationMs);
}

describe('library: send modes into a partition', () => {
  const sim = run();
  const intoPartition = (producer: string) => sim.events('message.sent', (e) => e.producer === producer && e.broker === 'broker-b' && e.attempt === 1 && e.t >= PARTITION_AT && e.t < HEAL_AT);
  const failures = (msgId: string) => sim.events('send.failed', { msgId }).map(({ t, attempt, reason }) => ({ t, attempt, reason }));

  it('each producer first sends about half its messages to broker-b while it is cut off, which stays in the route', () => {
    // The queues in turn (sendWhichQueue); a retry on broker-a takes a turn too, so p-sync and p-async come back to broker-b sooner.
    expect(['p-sync', 'p-async', 'p-oneway'].map((producer) => intoPartition(producer).length)).toEqual([34, 33, 30]);
    expect(sim.events('broker.removed', (e) => e.t < HEAL_AT)).toEqual([]);
  });

  it('broker-b\'s registration sent into the partition times out after the heal and closes its channel: the NameServer removes broker-b until its next registration', () => {
    const closedAt = REGISTRATION_IN_PARTITION + REGISTER_TIMEOUT;
    const removed = sim.events('broker.removed').map(({ t, nameServer, broker, reason }) => ({ t, nameServer, broker, reason }));
    expect(removed).toEqual([{ t: expect.any(Number), nameServer: 'ns-1', broker: 'broker-b', reason: 'channelClosed' }]);
    // The close reaches ns-1 a network hop or two later.
    expect(removed[0]!.t - closedAt).toBeGreaterThanOrEqual(1);
    expect(removed[0]!.t - closedAt).toBeLessThanOrEqual(2);
    const back = sim.first('broker.registered', (e) => e.broker === 'broker-b' && e.t > closedAt)!;
    expect([Math.floor(back.t / 1_000), back.first]).toEqual([(REGISTRATION_IN_PARTITION + 30_000) / 1_000, true]);
  });

  /**
   * The sends after the close: each fails with the connect it started or waited for; a send with
   * budget left tries broker-a and is stored there, one that waited its whole sendMsgTimeout fails.
   */
  function expectConnectFailures(sent: { t: number; msgId: string }[]) {
    const starts = connectsOf(sent.map((e) => e.t));
    sent.forEach((e, i) => {
      const start = starts[i]!;
      const end = start + CONNECT_TIMEOUT;
      if (start + SYN_RETRY >= HEAL_AT) {
        // Healed before the SYN went again: the connect opens the channel, and the send goes out then.
        expect(failures(e.msgId)).toEqual([]);
        expect(sim.first('send.result', { msgId: e.msgId })).toMatchObject({ status: 'SEND_OK' });
        return;
      }
      expect(failures(e.msgId)).toEqual([{ t: end, attempt: 1, reason: 'connectTimeout' }]);
      if (end - e.t >= SEND_MSG_TIMEOUT) expect(sim.first('send.result', { msgId: e.msgId })).toMatchObject({ t: end, status: 'FAILED' });
      else {
        expect(sim.first('message.sent', { msgId: e.msgId, attempt: 2 })).toMatchObject({ t: end, broker: 'broker-a' });
        expect(sim.first('send.result', { msgId: e.msgId })).toMatchObject({ status: 'SEND_OK' });
      }
    });
  }

  it('p-sync: the first send into the partition times out, its timeout closes the channel and fails the sends waiting on it, which go to broker-a; each later one fails with the connect it waits for', () => {
    const [first, ...later] = intoPartition('p-sync');
    const closedAt = first!.t + SEND_MSG_TIMEOUT;
    expect(failures(first!.msgId)).toEqual([{ t: closedAt, attempt: 1, reason: 'timeout' }]);
    expect(sim.first('send.result', { msgId: first!.msgId })).toMatchObject({ t: closedAt, status: 'FAILED' });
    const waiting = later.filter((sent) => sent.t < closedAt);
    expect(waiting).toHaveLength(3);
    for (const sent of waiting) {
      expect(failures(sent.msgId)).toEqual([{ t: closedAt, attempt: 1, reason: 'channelClosed' }]);
      expect(sim.events('message.sent', { msgId: sent.msgId }).map(({ t, broker, attempt }) => ({ t, broker, attempt }))).toEqual([
        { t: sent.t, broker: 'broker-b', attempt: 1 }, { t: closedAt, broker: 'broker-a', attempt: 2 },
      ]);
      expect(sim.first('send.result', { msgId: sent.msgId })).toMatchObject({ status: 'SEND_OK' });
    }
    expectConnectFailures(later.filter((e) => e.t >= closedAt));
  });

  /** When a client's heartbeat to broker-b, sent a round trip after its heartbeat to broker-a, timed out and closed its channel. */
  function heartbeatClosedAt(client: string): number {
    const close = sim.first('channel.closed', { from: client, code: 'HEART_BEAT' })!;
    const sentAt = close.t - API_TIMEOUT;
    expect(sentAt - HEARTBEAT_AT).toBeGreaterThanOrEqual(ROUND_TRIP.min);
    expect(sentAt - HEARTBEAT_AT).toBeLessThanOrEqual(ROUND_TRIP.max);
    return close.t;
  }

  it('p-async: a send fails at the scan after its timeout until p-async\'s heartbeat to broker-b times out and closes the channel; the sends waiting fail then, and each later one with the connect it waits for', () => {
    const closedAt = heartbeatClosedAt('p-async');
    const sent = intoPartition('p-async');
    const scanned = sent.filter((e) => asyncFailedAt(e.t) <= closedAt);
    expect(scanned.map((e) => e.t)).toEqual([PARTITION_AT]);
    expect(failures(scanned[0]!.msgId)).toEqual([{ t: asyncFailedAt(PARTITION_AT), attempt: 1, reason: 'timeout' }]);
    const waiting = sent.filter((e) => asyncFailedAt(e.t) > closedAt && e.t < closedAt);
    expect(waiting).toHaveLength(4);
    for (const e of waiting) {
      expect(failures(e.msgId)).toEqual([{ t: closedAt, attempt: 1, reason: 'channelClosed' }]);
      // A retry only with time left (sendMsgTimeout counts from the first attempt).
      const retried = closedAt - e.t < SEND_MSG_TIMEOUT;
      expect(sim.first('send.result', { msgId: e.msgId })).toMatchObject(retried ? { status: 'SEND_OK' } : { t: closedAt, status: 'FAILED' });
    }
    expectConnectFailures(sent.filter((x) => x.t >= closedAt));
  });

  it('of the sends to broker-b, about one in three fails for good: the one that started each connect', () => {
    const failedFor = (producer: string) => sim.times('send.result', (e) => e.producer === producer && e.status === 'FAILED');
    expect(failedFor('p-sync')).toEqual([34_000, 37_500, 41_000, 44_500, 48_000, 51_500, 55_000, 58_500]);
    const closedAt = heartbeatClosedAt('p-async');
    expect(failedFor('p-async')).toEqual([34_000, closedAt, closedAt, 38_500, 42_000, 45_500, 49_000, 52_500, 56_000, 59_500]);
  });

  it('says each close in the trace: the call that timed out, its peer, how long it waited and the calls waiting on the channel it failed', () => {
    const closes = sim.events('channel.closed').map(({ t, from, to, code, waitedMs, failed }) => ({ t, from, to, code, waitedMs, failed }));
    const [first, ...later] = intoPartition('p-sync');
    const syncClosedAt = first!.t + SEND_MSG_TIMEOUT;
    const asyncClosedAt = heartbeatClosedAt('p-async');
    // p-sync's close failed the sends made before it and its heartbeat to broker-b, still waiting for its 3 s.
    const syncWaiting = later.filter((e) => e.t < syncClosedAt).length;
    const asyncWaiting = intoPartition('p-async').filter((e) => asyncFailedAt(e.t) > asyncClosedAt && e.t < asyncClosedAt).length;
    // In the trace's order: the heartbeats' closes come a round trip after 35 s, each with its own jitter.
    const byTime = (x: { t: number }, y: { t: number }) => x.t - y.t;
    expect(closes.filter((close) => close.from !== 'c-1')).toEqual([
      { t: syncClosedAt, from: 'p-sync', to: 'broker-b/0', code: 'SEND_MESSAGE', waitedMs: SEND_MSG_TIMEOUT, failed: { SEND_MESSAGE: syncWaiting, HEART_BEAT: 1 } },
      ...[
        { t: asyncClosedAt, from: 'p-async', to: 'broker-b/0', code: 'HEART_BEAT', waitedMs: API_TIMEOUT, failed: { SEND_MESSAGE: asyncWaiting } },
        // A ONEWAY request waits for no answer, so nothing of p-oneway's was waiting on the channel.
        { t: heartbeatClosedAt('p-oneway'), from: 'p-oneway', to: 'broker-b/0', code: 'HEART_BEAT', waitedMs: API_TIMEOUT, failed: {} },
      ].sort(byTime),
      { t: REGISTRATION_IN_PARTITION + REGISTER_TIMEOUT, from: 'broker-b/0', to: 'ns-1', code: 'REGISTER_BROKER', waitedMs: REGISTER_TIMEOUT, failed: {} },
    ]);
    expect([syncWaiting, asyncWaiting]).toEqual([3, 4]);
    // c-1's long-polling pulls wait on its channel: the close fails them (NettyRemotingAbstract.failFast).
    expect(closes.find((close) => close.from === 'c-1')).toMatchObject({ t: heartbeatClosedAt('c-1'), to: 'broker-b/0', code: 'HEART_BEAT', waitedMs: API_TIMEOUT, failed: { PULL_MESSAGE: expect.any(Number) } });
    // Who noticed the partition: the SYNC and ASYNC producers by a send that timed out, p-oneway and c-1 by their heartbeats.
    expect(sim.summary().detections.map(({ party, noticedAt, how, detail }) => ({ party, noticedAt, how, detail }))).toEqual([
      { party: 'p-sync', noticedAt: syncClosedAt, how: 'sendFailed', detail: 'timeout' },
      { party: 'p-async', noticedAt: asyncFailedAt(PARTITION_AT), how: 'sendFailed', detail: 'timeout' },
      // In the order they noticed: each heartbeat's close comes with its own jitter.
      ...[
        { party: 'p-oneway', noticedAt: heartbeatClosedAt('p-oneway'), how: 'callTimedOut', detail: 'HEART_BEAT' },
        { party: 'c-1', noticedAt: heartbeatClosedAt('c-1'), how: 'callTimedOut', detail: 'HEART_BEAT' },
      ].sort((x, y) => x.noticedAt - y.noticedAt),
    ]);
  });

  it('a ONEWAY send to broker-b is lost as it leaves while its connection is open, then with the connect it waits for; nobody answers it', () => {
    // p-oneway's heartbeat to broker-b times out at 35 s and closes its connection; from then each send waits for a connect
    // (invokeOneway's listener) and is dropped with it, unless the connect's SYN sent again a second later finds the partition healed.
    const closedAt = heartbeatClosedAt('p-oneway');
    const sent = sim.events('message.sent', (e) => e.producer === 'p-oneway' && e.broker === 'broker-b' && e.t >= PARTITION_AT && e.t <= HEAL_AT);
    const before = sent.filter((e) => e.t < closedAt);
    const after = sent.filter((e) => e.t >= closedAt);
    const starts = connectsOf(after.map((e) => e.t));
    const lostAfter = after.filter((_, i) => starts[i]! + SYN_RETRY < HEAL_AT);
    expect(sim.events('message.lost').map(({ t, msgId, broker, reason }) => ({ t, msgId, broker, reason }))).toEqual([
      ...before.map(({ t, msgId }) => ({ t, msgId, broker: 'broker-b', reason: 'onewayNotDelivered' })),
      ...lostAfter.map(({ msgId }) => ({ t: starts[after.findIndex((e) => e.msgId === msgId)]! + CONNECT_TIMEOUT, msgId, broker: 'broker-b', reason: 'onewayNotDelivered' })),
    ]);
    // The connect of 59.5 s opens the channel at its SYN retransmission, after the heal: what waited for it is stored then.
    const saved = after.filter((_, i) => starts[i]! + SYN_RETRY >= HEAL_AT);
    expect(saved.map((e) => e.t)).toEqual([59_500, 60_000]);
    const opened = saved[0]!.t + SYN_RETRY;
    for (const e of saved) {
      const stored = sim.first('message.stored', { msgId: e.msgId })!;
      // One hop after the channel opened, with up to a millisecond of jitter.
      expect([stored.broker, stored.t - opened >= 1 && stored.t - opened <= 2]).toEqual(['broker-b', true]);
    }
    expect(sim.events('send.result', { producer: 'p-oneway' })).toEqual([]);
    expect(sim.events('send.failed', { producer: 'p-oneway' })).toEqual([]);
  });

  it('sums it up as 18 failed messages and 29 lost ones (ONEWAY), and stores every message sent after the heal', () => {
    expect(sim.summary().messages).toMatchObject({
      failed: 18, failedCauses: { attemptsFailed: 18 }, failedAttemptReasons: { timeout: 2, channelClosed: 7, connectTimeout: 56 }, lost: 29, lostCauses: { onewayNotDelivered: 29 },
    });
    const stored = new Set(sim.events('message.stored').map((e) => e.msgId));
    const afterHeal = sim.events('message.sent', (e) => e.t >= HEAL_AT && e.t < sim.scenario.durationMs - 100);
    expect(afterHeal.length).toBeGreaterThan(150);
    expect(afterHeal.filter((e) => !stored.has(e.msgId))).toEqual([]);
  });
});
