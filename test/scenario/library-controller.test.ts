/**
 * The controller-mode library scenario does what its description says, with RocketMQ's numbers:
 * heartbeats to the controller every 1 s (BrokerConfig.brokerHeartbeatInterval), a broker silent
 * for more than 10 s (controllerHeartBeatTimeoutMills) is found by DefaultBrokerHeartbeatManager's
 * scan every 5 s from 2 s or DLedgerController's inactive-master scan every 5 s; clients pull
 * routes every 30 s (pollNameServerInterval) from 10 ms after start; a broker syncs its metadata
 * with the controller every 5 s from 3 s (syncBrokerMetadataPeriod).
 */
import { describe, expect, it } from 'vitest';
import { findLibraryEntry } from '../../src/scenario/library/index.ts';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

const HEARTBEAT_INTERVAL = 1_000;
const HEARTBEAT_TIMEOUT = 10_000;
const SCAN = { initial: 2_000, period: 5_000 };
const MASTER_SCAN = { initial: 5_000, period: 5_000 };
const POLL = { initial: 10, period: 30_000 };
const SYNC_METADATA = { initial: 3_000, period: 5_000 };
const PARTITION_AT = 30_500;
const HEAL_AT = 90_500;
const SEND_TIMEOUT = 3_000;
/** MQClientInstance heartbeats every broker 1 s after start, then every 30 s (heartbeatBrokerInterval), a synchronous call of mqClientApiTimeout (3 s). */
const CLIENT_HEARTBEAT = { initial: 1_000, period: 30_000 };
const API_TIMEOUT = 3_000;

/** The first run at or after `t` of a task that runs at initial + k * period. */
const nextRun = (task: { initial: number; period: number }, t: number) =>
  task.initial + Math.max(0, Math.ceil((t - task.initial) / task.period)) * task.period;

const entry = findLibraryEntry('controller-failover')!;
const sim = new TestSim(entry.scenario as ScenarioJson).at(150_000);

describe('Controller mode: a new master in 12 s', () => {
  // The last heartbeat before the partition left at 30.0 s and arrived a network hop later.
  const lastSent = Math.floor(PARTITION_AT / HEARTBEAT_INTERVAL) * HEARTBEAT_INTERVAL;
  // A scan removes it once now - last > 10 s: the first scan strictly after lastSent + 10 s + a hop.
  const silentFrom = lastSent + HEARTBEAT_TIMEOUT + 1;
  const electionAt = Math.min(nextRun(SCAN, silentFrom + 1), nextRun(MASTER_SCAN, silentFrom + 1));

  it('the controller elects the slave at 42.0 s, at the heartbeat scan, and notes how', () => {
    expect(electionAt).toBe(42_000);
    expect(sim.events('controller.elected')).toEqual([
      { t: electionAt, type: 'controller.elected', controller: 'ns-1/controller', broker: 'broker-a', brokerId: 2, masterEpoch: 2, trigger: 'expired' },
    ]);
    const detection = sim.summary().detections.find((d) => d.party === 'ns-1/controller')!;
    expect(detection).toMatchObject({ fault: 'partitionBroker', target: 'broker-a', noticedAt: electionAt, how: 'controllerExpired', detail: 'broker-a/1' });
    expect(detection.since! - lastSent).toBeGreaterThanOrEqual(1);
    expect(detection.since! - lastSent).toBeLessThanOrEqual(2);
  });

  it('the new master registers as brokerId 0 at once; p-1 noticed 3 s after the partition, c-1 when its heartbeat into the partition timed out', () => {
    const registered = sim.first('broker.registered', (e) => e.t > electionAt && e.broker === 'broker-a' && e.brokerId === 0)!;
    expect(registered.t - electionAt).toBeLessThanOrEqual(4);
    const detections = sim.summary().detections;
    expect(detections.find((d) => d.party === 'p-1')).toMatchObject({ how: 'sendFailed', detail: 'timeout', noticedAt: PARTITION_AT + SEND_TIMEOUT });
    // Its heartbeat's timeout closes c-1's channel to broker-a (clientCloseSocketIfTimeout): the sign, before the long-polling pull it fails.
    expect(detections.find((d) => d.party === 'c-1')).toMatchObject({ how: 'callTimedOut', detail: 'HEART_BEAT', noticedAt: nextRun(CLIENT_HEARTBEAT, PARTITION_AT) + API_TIMEOUT });
    // Its route names the new master from its next route pull.
    const routed = sim.first('route.updated', (e) => e.client === 'c-1' && e.topic === 'TopicTest' && e.t > registered.t)!;
    expect(routed.t - nextRun(POLL, registered.t)).toBeLessThanOrEqual(4);
    expect(sim.consumer('c-1').brokerAddrTable['broker-a']![0]).toBe('10.0.1.2:10911');
  });

  it('the healed old master becomes a slave (brokerId 1) at its next metadata sync and rejoins the SyncStateSet; nothing is lost', () => {
    const demoted = sim.first('broker.roleChanged', (e) => e.t > HEAL_AT)!;
    expect(demoted).toMatchObject({ broker: 'broker-a', brokerId: 1, controllerId: 1, role: 'SLAVE', masterEpoch: 2 });
    expect(demoted.t - nextRun(SYNC_METADATA, HEAL_AT)).toBeLessThanOrEqual(4);
    expect(sim.last('syncStateSet.changed')).toMatchObject({ syncStateSet: [1, 2] });
    expect(sim.summary().messages.lost).toBe(0);
  });
});
