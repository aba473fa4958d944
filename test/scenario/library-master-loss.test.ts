/**
 * 'Master loss: ASYNC_MASTER vs SYNC_MASTER' in 5.x and 4.x, with RocketMQ's numbers: the
 * HAConnection write service, idle, looks again every 100 ms (haTransferWaitMs); only a put that
 * waits for the slave wakes it at once. 4.9.8's SYNC_MASTER waits for the slave's ack
 * (submitReplicaRequest); 5.x's, with inSyncReplicas 1, answers SEND_OK at once and wakes nothing
 * (CommitLog.handleHA returns PUT_OK first), so its slave trails as an ASYNC_MASTER's does.
 */
import { describe, expect, it } from 'vitest';
import { findLibraryEntry } from '../../src/scenario/library/index.ts';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

const HA_TRANSFER_WAIT = 100;
const RATE_PER_BROKER = 50;
const POWER_OFF_AT = 60_000;
const HOP = 1;
/** HAService's haSendHeartbeatInterval and DefaultMQProducer's sendMsgTimeout. */
const HA_SEND_HEARTBEAT = 5_000;
const SEND_MSG_TIMEOUT = 3_000;

function run(version: '5.x' | '4.x'): TestSim {
  const json = findLibraryEntry('master-loss-sync-async')!.scenario as ScenarioJson;
  const config = { ...(json.config as object), rocketmqVersion: version };
  return new TestSim({ ...json, config }).at(75_000);
}

describe.each(['5.x', '4.x'] as const)('Master loss: ASYNC_MASTER vs SYNC_MASTER in %s', (version) => {
  const sim = run(version);
  const lost = sim.events('message.lost');

  /** What a master lost: only what was stored since its HA service last looked (100 ms: at most 5 messages at 50 a second, plus one on the wire), each acknowledged SEND_OK. */
  function expectLostSinceLastLook(broker: string): void {
    const onBroker = lost.filter((e) => e.broker === broker);
    expect(onBroker.length).toBeGreaterThan(0);
    expect(onBroker.length).toBeLessThanOrEqual((HA_TRANSFER_WAIT / 1_000) * RATE_PER_BROKER + 1);
    for (const e of onBroker) {
      const storedAt = sim.first('message.stored', { msgId: e.msgId })!.t;
      expect(POWER_OFF_AT - storedAt).toBeLessThanOrEqual(HA_TRANSFER_WAIT + HOP);
      expect(sim.first('send.result', { msgId: e.msgId })?.status).toBe('SEND_OK');
    }
  }

  it('broker-a, an ASYNC_MASTER, loses what was stored since its HA service last looked, each acknowledged SEND_OK', () => {
    expectLostSinceLastLook('broker-a');
  });

  if (version === '4.x') {
    it('broker-b, a 4.x SYNC_MASTER, loses none: each put wakes its HA service', () => {
      expect(lost.filter((e) => e.broker === 'broker-b')).toEqual([]);
    });

    it('the slave connects at 5 s and acks first with its report 5 s later: the first put left waiting times out at p-1, whose connection closes under the others, stored and retried', () => {
      // SLAVE_NOT_AVAILABLE until the HAClient's second look (5 s); HAClient.connectMaster sets lastWriteTimestamp, so its first report waits haSendHeartbeatInterval.
      const notAvailable = sim.events('send.result', (e) => e.status === 'SLAVE_NOT_AVAILABLE');
      expect(notAvailable.at(-1)!.t).toBeLessThan(HA_SEND_HEARTBEAT);
      const timedOut = sim.events('send.failed', (e) => e.reason === 'timeout' && e.broker === 'broker-b' && e.t < POWER_OFF_AT);
      expect(timedOut).toHaveLength(1);
      // Sent just after the connect, it waits sendMsgTimeout: before the slave's first report at about 10 s.
      expect(timedOut[0]!.t).toBeGreaterThan(HA_SEND_HEARTBEAT + SEND_MSG_TIMEOUT);
      expect(timedOut[0]!.t).toBeLessThan(2 * HA_SEND_HEARTBEAT);
      const closedUnder = sim.events('send.failed', (e) => e.reason === 'channelClosed' && e.t === timedOut[0]!.t);
      expect(closedUnder).toHaveLength(151);
      expect(sim.summary().messages.duplicateCauses).toEqual({ storedTwice: 151 });
    });
  } else {
    it('broker-b, a 5.x SYNC_MASTER with inSyncReplicas 1, loses as broker-a does: its put wakes nothing', () => {
      expectLostSinceLastLook('broker-b');
    });
  }

  it(version === '4.x' ? 'a 4.x SYNC_MASTER answers SEND_OK only once the slave has the message' : 'a 5.x SYNC_MASTER (inSyncReplicas 1) answers SEND_OK before the slave has the message', () => {
    const okOnB = sim.events('message.stored', (e) => e.broker === 'broker-b' && e.brokerId === 0 && e.t < POWER_OFF_AT - 1_000)
      .filter((e) => sim.first('send.result', { msgId: e.msgId })?.status === 'SEND_OK');
    expect(okOnB.length).toBeGreaterThan(0);
    for (const stored of okOnB.slice(-20)) {
      const answered = sim.first('send.result', { msgId: stored.msgId })!.t;
      const copied = sim.first('message.stored', (e) => e.msgId === stored.msgId && e.broker === 'broker-b' && e.brokerId === 1)!.t;
      // 4.x: the ack travels back to the master, then the answer to the producer: after the copy. 5.x: answered one hop after the store.
      if (version === '4.x') expect(answered).toBeGreaterThan(copied);
      else expect(answered).toBe(stored.t + HOP);
    }
  });
});

describe('Master loss in 5.x with broker-b\'s inSyncReplicas raised to 2', () => {
  const json = findLibraryEntry('master-loss-sync-async')!.scenario as ScenarioJson & { brokers: Record<string, unknown>[] };
  const brokers = json.brokers.map((broker) => (broker.name === 'broker-b' && broker.role === 'SYNC_MASTER' ? { ...broker, inSyncReplicas: 2 } : broker));
  const sim = new TestSim({ ...json, brokers }).at(75_000);

  it('broker-b loses none: each put waits for the slave\'s ack and wakes the HA service; broker-a still loses', () => {
    const lost = sim.events('message.lost');
    expect(lost.filter((e) => e.broker === 'broker-b')).toEqual([]);
    expect(lost.filter((e) => e.broker === 'broker-a').length).toBeGreaterThan(0);
  });

  it('counts its duplicates as stored twice: when a send waiting for the slave (not yet connected) times out, it closes the connection, and the sends broker-b had stored but not answered fail with it and are retried on broker-a', () => {
    const masters = sim.events('message.stored', (e) => e.brokerId === 0);
    const consumed = new Map<string, number>();
    for (const e of sim.events('message.consumed')) consumed.set(e.msgId, (consumed.get(e.msgId) ?? 0) + 1);
    const twice = [...consumed].filter(([, times]) => times > 1).map(([msgId]) => msgId);
    expect(twice.length).toBeGreaterThan(0);
    for (const msgId of twice) {
      // Two puts on two masters (two offsetMsgIds), the second after a failed attempt of the same send (DefaultMQProducerImpl.sendDefaultImpl).
      const puts = masters.filter((e) => e.msgId === msgId);
      expect(puts.map((e) => e.broker)).toEqual(['broker-b', 'broker-a']);
      expect(new Set(puts.map((e) => e.offsetMsgId)).size).toBe(2);
      expect(sim.first('send.failed', { msgId })!.t).toBeLessThan(puts[1]!.t);
    }
    expect(sim.summary().messages).toMatchObject({ duplicates: twice.length, duplicateCauses: { storedTwice: twice.length } });
  });
});

describe('Master loss in 4.x with broker-b\'s master cut off from its slave at 30 s', () => {
  const CUT = 30_000;
  const HA_HOUSEKEEPING = 20_000;
  const json = findLibraryEntry('master-loss-sync-async')!.scenario as ScenarioJson;
  const sim = new TestSim({
    ...json, config: { ...(json.config as object), rocketmqVersion: '4.x' },
    timeline: [{ at: CUT, action: 'partitionLink', target: 'broker-b/0', peer: 'broker-b/1' }],
  }).at(50_000 + HA_HOUSEKEEPING);

  it('counts the sends answered SLAVE_NOT_AVAILABLE (before the slave first connects, and once the master closed the silent HA connection after haHousekeepingInterval): stored on the master only, not resent', () => {
    const notOk = sim.events('send.result', (e) => e.status === 'SLAVE_NOT_AVAILABLE');
    const afterCut = notOk.filter((e) => e.t > CUT);
    expect(afterCut.length).toBeGreaterThan(0);
    expect(Math.min(...afterCut.map((e) => e.t))).toBeGreaterThanOrEqual(CUT + HA_HOUSEKEEPING);
    expect(sim.events('send.result', (e) => e.status !== 'SEND_OK' && e.status !== 'FAILED' && e.status !== 'SLAVE_NOT_AVAILABLE')).toEqual([]);
    expect(sim.summary().messages.sentNotOk).toEqual({ SLAVE_NOT_AVAILABLE: notOk.length });
  });
});

