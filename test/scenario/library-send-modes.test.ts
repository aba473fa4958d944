/**
 * The built-in "Send modes: SYNC, ASYNC and ONEWAY into a partition": three producers that differ
 * only in their send mode write over broker-a and broker-b, and broker-b is partitioned from 30 s
 * to 60 s. Every expected figure follows from RocketMQ's rules:
 * - DefaultMQProducerImpl.sendDefaultImpl: a SYNC or ASYNC attempt waits up to sendMsgTimeout
 *   (3 s) for the broker's answer, and the timeout spends the whole budget, so no retry is left
 *   (timesTotal, "call timeout"): the application gets FAILED or its callback's exception. A SYNC
 *   send's invokeSync waits exactly its timeout; an ASYNC send's invokeAsync has no timer of its
 *   own: NettyRemotingClient's scanResponseTable (every 1 s, first at 3 s) fails it once
 *   beginTimestamp + timeout + 1000 <= now;
 * - a ONEWAY send waits for nothing (invokeOneway): a request the partition swallows is lost, and
 *   nobody answers or learns it;
 * - the NameServer closes an idle channel only after serverChannelMaxIdleTimeSeconds (120 s), so
 *   broker-b stays in every route through the 30 s partition.
 */
import { describe, expect, it } from 'vitest';
import { findLibraryEntry } from '../../src/scenario/library/index.ts';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

/** DefaultMQProducer.sendMsgTimeout. */
const SEND_MSG_TIMEOUT = 3_000;
const PARTITION_AT = 30_000;
const HEAL_AT = 60_000;
/** NettyRemotingAbstract.scanResponseTable: run every 1 s from 3 s; a request expires 1 s past its timeout. */
const SCAN = { first: 3_000, period: 1_000, grace: 1_000 };

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
  const intoPartition = (producer: string) => sim.events('message.sent', (e) => e.producer === producer && e.broker === 'broker-b' && e.t >= PARTITION_AT && e.t < HEAL_AT);

  it('each producer sends 30 of its messages to broker-b while it is cut off, which stays in the route', () => {
    for (const producer of ['p-sync', 'p-async', 'p-oneway']) expect(intoPartition(producer), producer).toHaveLength(30);
    expect(sim.events('broker.removed')).toEqual([]);
  });

  it('a SYNC send to broker-b fails sendMsgTimeout later, an ASYNC one at the scan 1-2 s after that, with no retry left, and its application is told FAILED', () => {
    for (const producer of ['p-sync', 'p-async']) {
      for (const sent of intoPartition(producer)) {
        const failedAt = producer === 'p-sync' ? sent.t + SEND_MSG_TIMEOUT : asyncFailedAt(sent.t);
        expect(sim.events('send.failed', { msgId: sent.msgId }).map(({ t, attempt, reason }) => ({ t, attempt, reason })))
          .toEqual([{ t: failedAt, attempt: 1, reason: 'timeout' }]);
        expect(sim.events('message.sent', { msgId: sent.msgId })).toHaveLength(1);
        expect(sim.first('send.result', { msgId: sent.msgId })).toMatchObject({ t: failedAt, status: 'FAILED' });
      }
    }
    expect(Math.max(...sim.times('send.failed', { producer: 'p-sync' }))).toBe(62_500);
    expect(Math.max(...sim.times('send.failed', { producer: 'p-async' }))).toBe(64_000);
  });

  it('a ONEWAY send to broker-b is lost as it leaves, and nobody answers it', () => {
    const sent = intoPartition('p-oneway');
    expect(sim.events('message.lost').map(({ t, msgId, broker, reason }) => ({ t, msgId, broker, reason })))
      .toEqual(sent.map(({ t, msgId }) => ({ t, msgId, broker: 'broker-b', reason: 'onewayNotDelivered' })));
    expect(sim.events('send.result', { producer: 'p-oneway' })).toEqual([]);
    expect(sim.events('send.failed', { producer: 'p-oneway' })).toEqual([]);
  });

  it('sums it up as 60 failed messages (timeouts) and 30 lost ones (ONEWAY), and stores every message sent after the heal', () => {
    expect(sim.summary().messages).toMatchObject({
      failed: 60, failedCauses: { attemptsFailed: 60 }, failedAttemptReasons: { timeout: 60 }, lost: 30, lostCauses: { onewayNotDelivered: 30 },
    });
    const stored = new Set(sim.events('message.stored').map((e) => e.msgId));
    const afterHeal = sim.events('message.sent', (e) => e.t >= HEAL_AT && e.t < sim.scenario.durationMs - 100);
    expect(afterHeal.length).toBeGreaterThan(150);
    expect(afterHeal.filter((e) => !stored.has(e.msgId))).toEqual([]);
  });
});
