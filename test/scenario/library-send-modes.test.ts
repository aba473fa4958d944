/**
 * The built-in "Send modes: SYNC, ASYNC and ONEWAY into a partition": three producers that differ
 * only in their send mode write over broker-a and broker-b, and broker-b is partitioned from 30 s
 * to 60 s. Every expected figure follows from RocketMQ's rules:
 * - DefaultMQProducerImpl.sendDefaultImpl: a SYNC or ASYNC attempt waits up to sendMsgTimeout
 *   (3 s) for the broker's answer, and the timeout spends the whole budget, so no retry is left
 *   (timesTotal, "call timeout"): the application gets FAILED or its callback's exception;
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

  it('a SYNC or ASYNC send to broker-b fails sendMsgTimeout later, with no retry left, and its application is told FAILED', () => {
    for (const producer of ['p-sync', 'p-async']) {
      for (const sent of intoPartition(producer)) {
        expect(sim.events('send.failed', { msgId: sent.msgId }).map(({ t, attempt, reason }) => ({ t, attempt, reason })))
          .toEqual([{ t: sent.t + SEND_MSG_TIMEOUT, attempt: 1, reason: 'timeout' }]);
        expect(sim.events('message.sent', { msgId: sent.msgId })).toHaveLength(1);
        expect(sim.first('send.result', { msgId: sent.msgId })).toMatchObject({ t: sent.t + SEND_MSG_TIMEOUT, status: 'FAILED' });
      }
    }
    expect(Math.max(...sim.times('send.failed'))).toBe(62_500);
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
