/**
 * The built-in "Partition detection: idle close vs scan": broker-b (started at 7 s) is partitioned
 * at 90 s. Each NameServer removes it by the first of its two rules, and every expected time is
 * derived here from RocketMQ's periods and the registrations found in the trace:
 * - NettyRemotingServer's IdleStateHandler(0, 0, serverChannelMaxIdleTimeSeconds = 120) closes the
 *   channel at its last activity (the last registration read) + 120 s (channelIdle);
 * - NamesrvController's scanNotActiveBroker (5.x: first after 5 ms, then every 5 s; 4.x: first after 5 s, then every 10 s)
 *   removes it at the first run where lastUpdateTimestamp + 120 s < now (expired).
 */
import { describe, expect, it } from 'vitest';
import { findLibraryEntry } from '../../src/scenario/library/index.ts';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

/** NettyServerConfig.serverChannelMaxIdleTimeSeconds. */
const CHANNEL_MAX_IDLE = 120_000;
/** RouteInfoManager.DEFAULT_BROKER_CHANNEL_EXPIRED_TIME (4.x BROKER_CHANNEL_EXPIRED_TIME). */
const BROKER_EXPIRED = 120_000;
/** NamesrvController: scanNotActiveBroker's first run and period, 5.x (startScheduleService, in ms) and 4.x (initialize). */
const SCAN = { '5.x': { initial: 5, period: 5_000 }, '4.x': { initial: 5_000, period: 10_000 } } as const;
const PARTITION_AT = 90_000;
/** MQClientInstance.startScheduledTask: sendHeartbeatToAllBrokerWithLock after 1 s, then every heartbeatBrokerInterval, 30 s. */
const CLIENT_HEARTBEAT_DELAY = 1_000;
const CLIENT_HEARTBEAT_PERIOD = 30_000;
/** ClientConfig.mqClientApiTimeout, the heartbeat's timeout. */
const CALL_TIMEOUT = 3_000;
/** RebalanceService (5.2 and later): minInterval after the consumer's start, then every waitInterval. */
const REBALANCE_MIN_INTERVAL = 1_000;
const REBALANCE_INTERVAL = 20_000;
const NAME_SERVERS = ['ns-1', 'ns-2'];

function library(): ScenarioJson {
  const entry = findLibraryEntry('partition-idle-vs-scan');
  if (!entry) throw new Error('no library entry partition-idle-vs-scan');
  return entry.scenario as ScenarioJson;
}

function run(version: '5.x' | '4.x', config: Record<string, unknown> = {}): TestSim {
  const scenario = library();
  const sim = new TestSim({ ...scenario, config: { ...(scenario.config as object | undefined), rocketmqVersion: version, ...config } });
  return sim.at(sim.scenario.durationMs);
}

/** When broker-b's last registration before the partition reached this NameServer. */
function lastRegistration(sim: TestSim, nameServer: string): number {
  return Math.max(...sim.times('broker.registered', (e) => e.broker === 'broker-b' && e.nameServer === nameServer && e.t < PARTITION_AT));
}

/** The first scanNotActiveBroker run strictly after `deadline` (lastUpdateTimestamp + timeout < now). */
function firstScanAfter(deadline: number, { initial, period }: { initial: number; period: number }): number {
  let scan = initial;
  while (scan <= deadline) scan += period;
  return scan;
}

const removals = (sim: TestSim, nameServer: string) =>
  sim.events('broker.removed', (e) => e.broker === 'broker-b' && e.nameServer === nameServer).map(({ t, reason }) => ({ t, reason }));

describe('Partition detection: idle close vs scan (library)', () => {
  for (const version of ['5.x', '4.x'] as const) {
    it(`${version}: each NameServer closes the idle channel at the last registration + 120 s, before its scan would`, () => {
      const sim = run(version);
      for (const ns of NAME_SERVERS) {
        const last = lastRegistration(sim, ns);
        const idleClose = last + CHANNEL_MAX_IDLE;
        expect(idleClose).toBeLessThan(firstScanAfter(last + BROKER_EXPIRED, SCAN[version]));
        expect(removals(sim, ns)).toEqual([{ t: idleClose, reason: 'channelIdle' }]);
      }
      expect(sim.events('broker.removed', (e) => e.broker === 'broker-a')).toEqual([]);
    });

    it(`${version}: with the idle close off (serverChannelMaxIdleTimeMs 0) the scan removes it, on its ${SCAN[version].period / 1_000} s grid`, () => {
      const sim = run(version, { serverChannelMaxIdleTimeMs: 0 });
      for (const ns of NAME_SERVERS) {
        const scan = firstScanAfter(lastRegistration(sim, ns) + BROKER_EXPIRED, SCAN[version]);
        expect(removals(sim, ns)).toEqual([{ t: scan, reason: 'expired' }]);
      }
    });
  }

  it('the description\'s numbers: registrations at 7, 17, 47, 77 s (every 30 s after 7 s + 10 s), failed sends to broker-b, idle close at about 197 s, scan at 200 s (5.x, 200.005) and 205 s (4.x)', () => {
    const idle = run('5.x');
    const registered = idle.times('broker.registered', (e) => e.broker === 'broker-b' && e.nameServer === 'ns-1' && e.t < PARTITION_AT);
    for (const second of [7, 17, 47, 77]) expect(registered.map((t) => Math.floor(t / 1_000))).toContain(second);
    const last = lastRegistration(idle, 'ns-1');
    expect(idle.events('send.failed', (e) => e.broker === 'broker-b' && e.t > PARTITION_AT).length).toBeGreaterThan(0);
    expect(Math.floor((last + CHANNEL_MAX_IDLE) / 1_000)).toBe(197);
    const scan5 = firstScanAfter(lastRegistration(run('5.x', { serverChannelMaxIdleTimeMs: 0 }), 'ns-1') + BROKER_EXPIRED, SCAN['5.x']);
    const scan4 = firstScanAfter(lastRegistration(run('4.x', { serverChannelMaxIdleTimeMs: 0 }), 'ns-1') + BROKER_EXPIRED, SCAN['4.x']);
    expect([scan5, scan4]).toEqual([200_005, 205_000]);
  });

  it('the description\'s clients: p-1 notices at 94 s by a send that waited sendMsgTimeout (3 s), c-1 at 104 s by its heartbeat round of 101 s (every 30 s from 11 s), whose HEART_BEAT to broker-b waited 3 s: its periodic rebalance of 91 s asked broker-a', () => {
    const sim = run('5.x');
    const noticed = (party: string) => sim.summary().detections.find((d) => d.party === party && d.target === 'broker-b')!;
    expect(noticed('p-1')).toMatchObject({ how: 'sendFailed', detail: 'timeout' });
    expect(Math.floor(noticed('p-1').noticedAt / 1_000)).toBe(94);
    // RebalanceService: minInterval (1 s) after the start, then waitInterval (20 s); findConsumerIdList asks a random broker of
    // the topic, here broker-a, so the rebalance of 91 s does not call broker-b.
    let rebalance = 10_000 + REBALANCE_MIN_INTERVAL;
    while (rebalance <= PARTITION_AT) rebalance += REBALANCE_INTERVAL;
    expect(rebalance).toBe(91_000);
    // Its heartbeat round (every 30 s from 11 s), at 101 s: broker-a first, then broker-b, which never answers.
    const round = 10_000 + CLIENT_HEARTBEAT_DELAY + 3 * CLIENT_HEARTBEAT_PERIOD;
    expect(round).toBe(101_000);
    expect(noticed('c-1')).toMatchObject({ how: 'callTimedOut', detail: 'HEART_BEAT' });
    // Sent a few ms into the round, then mqClientApiTimeout (3 s).
    expect(noticed('c-1').noticedAt - (round + CALL_TIMEOUT)).toBeGreaterThanOrEqual(0);
    expect(noticed('c-1').noticedAt - (round + CALL_TIMEOUT)).toBeLessThan(10);
  });
});
