/**
 * Who noticed a broker fault, when and how (summary.detections). The expected times come from
 * RocketMQ's rules: a closed channel is seen one hop later (BrokerHousekeepingService.onChannelClose),
 * an idle one after serverChannelMaxIdleTimeSeconds (120 s) since its last registration, a
 * producer's SYNC send into a partition fails after sendMsgTimeout (3 s), a slave's HA connection
 * closes with its master's process, or (5.x) at its first 5 s tick 20 s past its last read from a
 * master cut off (haHousekeepingInterval).
 */
import { describe, expect, it } from 'vitest';
import { findLibraryEntry } from '../../src/scenario/library/index.ts';
import { masterSlaveCluster } from '../support/cluster.ts';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

const HOP = 1;
const CHANNEL_MAX_IDLE = 120_000;
const SEND_TIMEOUT = 3_000;
/** MessageStoreConfig.haHousekeepingInterval: a 5.x slave closes its HA connection after this long without a read from its master. */
const HA_HOUSEKEEPING = 20_000;
/** MessageStoreConfig.haSendHeartbeatInterval: the slave's HA ticks, at 5 s, 10 s, ... from its start at 0. */
const HA_TICK = 5_000;
/** The first 5 s tick of the slave past lastRead + haHousekeepingInterval: a fault at `faultAt` on a tick (the timeline's event runs first) leaves a last read in the tick before it, from a tick or a transfer. */
const haClosedAfter = (faultAt: number) => [faultAt - HA_TICK, faultAt - 1].map((lastRead) => (Math.floor((lastRead + HA_HOUSEKEEPING) / HA_TICK) + 1) * HA_TICK);

/** The cluster with one fault on broker-a at 50 s. */
function scenario(action: string): ScenarioJson {
  return masterSlaveCluster({ durationMs: 300_000, timeline: [{ at: 50_000, action, target: 'broker-a' }] });
}

const of = (sim: TestSim, party: string) => sim.summary().detections.filter((d) => d.party === party);

describe('summary.detections', () => {
  it('a crash: both NameServers and the slave see the channel close one hop later; the producer and consumer by their first failed call', () => {
    const sim = new TestSim(scenario('crashBroker')).at(120_000);
    for (const ns of ['ns-1', 'ns-2']) {
      expect(of(sim, ns)).toEqual([{ fault: 'crashBroker', target: 'broker-a', faultAt: 50_000, party: ns, noticedAt: 50_000 + HOP, how: 'channelClosed' }]);
    }
    expect(of(sim, 'broker-a/1')).toEqual([{ fault: 'crashBroker', target: 'broker-a', faultAt: 50_000, party: 'broker-a/1', noticedAt: 50_000 + HOP, how: 'haChannelClosed' }]);
    const firstFailure = sim.first('send.failed', (e) => e.t >= 50_000 && e.broker === 'broker-a')!;
    expect(of(sim, 'p-1')).toEqual([expect.objectContaining({ noticedAt: firstFailure.t, how: 'sendFailed', detail: firstFailure.reason })]);
    expect(of(sim, 'c-1')).toEqual([expect.objectContaining({ how: 'pullFailed', detail: 'channelClosed', noticedAt: 50_000 + HOP })]);
  });

  it('a partition: each NameServer when the channel has been idle 120 s since the last registration; the producer when a send times out', () => {
    const sim = new TestSim(scenario('partitionBroker')).at(200_000);
    const lastRegistration = 40_000 + HOP; // registrations at 0, 10 s, 40 s: the last before 50 s
    for (const ns of ['ns-1', 'ns-2']) {
      expect(of(sim, ns)).toEqual([{ fault: 'partitionBroker', target: 'broker-a', faultAt: 50_000, party: ns, noticedAt: lastRegistration + CHANNEL_MAX_IDLE, how: 'channelIdle', since: lastRegistration }]);
    }
    const firstSend = sim.first('message.sent', (e) => e.t >= 50_000 && e.broker === 'broker-a')!;
    expect(of(sim, 'p-1')).toEqual([expect.objectContaining({ noticedAt: firstSend.t + SEND_TIMEOUT, how: 'sendFailed', detail: 'timeout' })]);
    // The slave hears nothing more from its master (5.x DefaultHAClient housekeeping): whether its
    // last read was the tick at 45 s or a transfer just before 50 s, its first tick past lastRead + 20 s is 70 s.
    expect(new Set(haClosedAfter(50_000))).toEqual(new Set([70_000]));
    expect(of(sim, 'broker-a/1')).toEqual([{ fault: 'partitionBroker', target: 'broker-a', faultAt: 50_000, party: 'broker-a/1', noticedAt: 70_000, how: 'haChannelClosed' }]);
  });

  it('nothing is recorded for a fault that ended before anyone noticed, nor twice for one party', () => {
    const sim = new TestSim({ ...scenario('partitionBroker'), timeline: [
      { at: 50_000, action: 'partitionBroker', target: 'broker-a' }, { at: 50_500, action: 'healPartition', target: 'broker-a' },
    ] }).at(200_000);
    expect(sim.summary().detections.filter((d) => d.party.startsWith('ns-'))).toEqual([]);
    const parties = sim.summary().detections.map((d) => d.party);
    expect(new Set(parties).size).toBe(parties.length);
  });
});

describe('summary.detections: two faults of one broker process', () => {
  /** "A master crashes, its slave keeps serving reads" (crashBroker broker-a at 75 s) with broker-a partitioned at 30 s first. */
  function crashBehindPartition(...more: object[]): TestSim {
    const file = findLibraryEntry('master-slave-failover')!.scenario as ScenarioJson & { timeline: object[] };
    return new TestSim({ ...file, timeline: [{ at: 30_000, action: 'partitionBroker', target: 'broker-a' }, ...file.timeline, ...more] }).at(160_000);
  }
  const brief = (sim: TestSim) => sim.summary().detections.map(({ fault, party, noticedAt, how }) => `${fault} ${party} ${noticedAt} ${how}`);
  /** broker-a's last registration with ns-1 before the partition at 30 s (its idle close comes CHANNEL_MAX_IDLE later). */
  const lastRegistration = (sim: TestSim) => sim.last('broker.registered', (e) => e.broker === 'broker-a' && e.brokerId === 0 && e.nameServer === 'ns-1' && e.t < 30_000)!.t;

  it('a crash behind a partition is noticed by nobody: a send that left into the partition, and the idle close, are the partition\'s', () => {
    // Registrations at 0, 10 s, 40 s: the last one before the partition at 10 s, so the idle close at 10 s + 120 s.
    // The slave's last read from its master is in [25 s, 30 s): its HA housekeeping closes at its 50 s tick.
    expect(new Set(haClosedAfter(30_000))).toEqual(new Set([50_000]));
    const sim = crashBehindPartition();
    expect(Math.floor(lastRegistration(sim) / 1_000)).toBe(10);
    // c-1's heartbeat of 31 s times out at 34 s and closes its channel to broker-a (clientCloseSocketIfTimeout): its sign.
    expect(brief(sim)).toEqual([
      'partitionBroker p-1 33000 sendFailed',
      'partitionBroker c-1 34000 callTimedOut',
      'partitionBroker broker-a/1 50000 haChannelClosed',
      `partitionBroker ns-1 ${lastRegistration(sim) + CHANNEL_MAX_IDLE} channelIdle`,
    ]);
  });

  it('once the partition heals with the crash still open, the later signs are the crash\'s', () => {
    // After the heal broker-a's host answers again and its dead process refuses: c-1's pull of 100 s a round trip later;
    // p-1's connect of 99.3 s, started inside the partition, sends its SYN again at 100.3 s and is refused too, one hop later
    // (1 ms and up to 1 ms of jitter).
    const sim = crashBehindPartition({ at: 100_000, action: 'healPartition', target: 'broker-a' });
    const refusedAt = sim.summary().detections.find((d) => d.fault === 'crashBroker' && d.party === 'p-1')!.noticedAt;
    expect(refusedAt - 100_300).toBeGreaterThanOrEqual(HOP);
    expect(refusedAt - 100_300).toBeLessThanOrEqual(2 * HOP);
    // A round trip: two hops of 1 ms and up to 1 ms of jitter each.
    const pullRefusedAt = sim.summary().detections.find((d) => d.fault === 'crashBroker' && d.party === 'c-1')!.noticedAt;
    expect(pullRefusedAt - 100_000).toBeGreaterThanOrEqual(HOP);
    expect(pullRefusedAt - 100_000).toBeLessThanOrEqual(4 * HOP);
    expect(brief(sim)).toEqual([
      'partitionBroker p-1 33000 sendFailed',
      'partitionBroker c-1 34000 callTimedOut',
      'partitionBroker broker-a/1 50000 haChannelClosed',
      `crashBroker c-1 ${pullRefusedAt} pullFailed`,
      `crashBroker p-1 ${refusedAt} sendFailed`,
      `crashBroker ns-1 ${lastRegistration(sim) + CHANNEL_MAX_IDLE} channelIdle`,
    ]);
  });
});
