/**
 * ScheduleMessageService runs on a master only (BrokerController.changeScheduleServiceStatus,
 * called from ReplicasManager.changeToMaster and changeToSlave in controller mode). The expected
 * times are RocketMQ's rules on the scenario's clock (network hops of 1 ms, no jitter):
 * - a message with delay level L is due at its store time + level L's delay
 *   (MessageStoreConfig.messageDelayLevel: level 3 is 10 s, level 5 is 1 min);
 * - a broker made master starts the service: start() loads the delay offsets and each level's
 *   first task runs FIRST_DELAY_TIME (1 s) later, delivering every parked message from the
 *   level's offset on, those already due at once and the rest when due;
 * - a slave's delay offsets are its master's as of the last SlaveSynchronize round (5.x: the
 *   first 3 s after start, then the first 3-second check more than 60 s after the last: 3 s,
 *   66 s), answered one hop later;
 * - a broker made slave stops the service: it delivers nothing more.
 */
import { describe, expect, it } from 'vitest';
import { SCHEDULE_TOPIC } from '../../src/model/defaults.ts';
import type { BrokerState } from '../../src/model/state.ts';
import { startRun } from '../../src/sim/simulate.ts';
import { summarize } from '../../src/sim/summary.ts';
import { masterSlaveCluster } from '../support/cluster.ts';
import { scenarioOf, TestSim } from '../support/test-sim.ts';

const HOP = 1;
const LEVEL_3_DELAY = 10_000;
const LEVEL_5_DELAY = 60_000;
const FIRST_DELAY_TIME = 1_000;
/**
 * SlaveSynchronize rounds in controller mode (ReplicasManager.handleSlaveSynchronize): a check every
 * 3 s from 3 s, syncAll once more than 10 s have passed since the last (at first, since the start).
 */
const SLAVE_SYNC_ROUNDS = [12_000, 24_000, 36_000, 48_000, 60_000, 72_000];

/** broker-a (a master and its slave) and broker-b in controller mode, p-1 sending one delayed message a second. */
function scenario(delayLevel: number, timeline: unknown[]) {
  const json = masterSlaveCluster({ durationMs: 200_000, config: { enableControllerMode: true, enableControllerInNamesrv: true }, timeline });
  return { ...json, producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 1, delayLevel }] };
}

/** Messages broker-a's first master parked before `until`: msgId and when each is due. */
function parkedBefore(sim: TestSim, until: number, delay: number): { msgId: string; due: number }[] {
  return sim.events('message.stored', (e) => e.topic === SCHEDULE_TOPIC && e.broker === 'broker-a' && e.brokerId === 0 && e.t < until)
    .map((e) => ({ msgId: e.msgId, due: e.t + delay }));
}

/** What a broker process delivered to TopicTest: msgId and store time, in commit log order. */
function delivered(broker: BrokerState, msgIds: Set<string>): { msgId: string; at: number }[] {
  return broker.commitLog.toArray().filter((m) => m.topic === 'TopicTest' && msgIds.has(m.msgId)).map((m) => ({ msgId: m.msgId, at: m.storeTimestamp }));
}

describe('ScheduleMessageService follows the master role (controller mode)', () => {
  it('a slave made master delivers, from 1 s after, every parked message past the delay offset its last SlaveSynchronize copied: what its old master delivered since that sync again, the rest when due', () => {
    const crashAt = 70_500;
    const sim = new TestSim(scenario(3, [{ at: crashAt, action: 'crashBroker', target: 'broker-a' }])).at(100_000);
    const promotedAt = sim.first('broker.roleChanged', (e) => e.t > crashAt && e.brokerId === 0)!.t;
    expect(promotedAt).toBe(crashAt + 2 * HOP);
    const syncAnsweredAt = SLAVE_SYNC_ROUNDS.filter((t) => t < crashAt).at(-1)! + HOP;
    const parked = parkedBefore(sim, crashAt, LEVEL_3_DELAY);
    // The old master delivered every message due before the crash; the last sync before it (60 s) saw those due by then.
    const expected = parked.filter((p) => p.due > syncAnsweredAt).map((p) => ({ msgId: p.msgId, at: Math.max(p.due, promotedAt + FIRST_DELAY_TIME) }));
    expect(expected.filter((e) => e.at === promotedAt + FIRST_DELAY_TIME).length).toBeGreaterThan(1);
    expect(expected.some((e) => e.at > promotedAt + FIRST_DELAY_TIME)).toBe(true);
    const newMaster = sim.broker('broker-a', 1);
    expect(delivered(newMaster, new Set(parked.map((p) => p.msgId))).filter((d) => d.at > crashAt)).toEqual(expected);
    // Delivered twice: once by the old master before its crash, once again by the new one.
    const twice = expected.filter((e) => parked.find((p) => p.msgId === e.msgId)!.due < crashAt);
    expect(twice.length).toBeGreaterThan(0);
    for (const { msgId } of twice) expect(sim.events('message.stored', (e) => e.msgId === msgId && e.topic === 'TopicTest' && e.brokerId === 0)).toHaveLength(2);
  });

  it('a master made slave stops delivering: the new master delivers what was parked before the partition when due, and the old one, back as its slave, holds only what the new master holds', () => {
    const partitionAt = 30_500;
    const sim = new TestSim(scenario(5, [
      { at: partitionAt, action: 'partitionBroker', target: 'broker-a' },
      { at: 70_500, action: 'healPartition', target: 'broker-a' },
    ])).at(120_000);
    const promotedAt = sim.first('broker.roleChanged', (e) => e.t > partitionAt && e.brokerId === 0)!.t;
    const demotedAt = sim.first('broker.roleChanged', (e) => e.t > partitionAt && e.controllerId === 1 && e.role === 'SLAVE')!.t;
    expect(promotedAt + FIRST_DELAY_TIME).toBeLessThan(demotedAt);
    const parked = parkedBefore(sim, partitionAt, LEVEL_5_DELAY);
    // The syncs before the partition (12 s, 24 s) found nothing delivered yet: the new master delivers every one, each when due.
    expect(Math.min(...parked.map((p) => p.due))).toBeGreaterThan(promotedAt + FIRST_DELAY_TIME);
    const oldMaster = sim.broker('broker-a', 0);
    const newMaster = sim.broker('broker-a', 1);
    expect(delivered(newMaster, new Set(parked.map((p) => p.msgId)))).toEqual(parked.map((p) => ({ msgId: p.msgId, at: p.due })));
    // Cut off, the old master still believed itself master and delivered what fell due until it
    // learned otherwise; those copies went with the cut, but none of those messages is lost: the
    // new master delivered each of them too. Due after that, the old master delivered nothing.
    const dueWhileCutOff = parked.filter((p) => p.due < demotedAt);
    expect(dueWhileCutOff.length).toBeGreaterThan(0);
    expect(dueWhileCutOff.length).toBeLessThan(parked.length);
    for (const { msgId } of dueWhileCutOff) expect(sim.events('message.stored', (e) => e.msgId === msgId && e.topic === 'TopicTest' && e.t < demotedAt)).toHaveLength(2);
    expect(sim.events('message.lost')).toEqual([]);
    expect(oldMaster.commitLog.length).toBeLessThanOrEqual(newMaster.commitLog.length);
    expect(oldMaster.commitLog.toArray().map((m) => m.storeId)).toEqual(newMaster.commitLog.toArray().slice(0, oldMaster.commitLog.length).map((m) => m.storeId));
  });

  it('the runner\'s reclaim keeps a slave\'s parked messages from its delay offsets on: made master, it reads them, and the run is the one that keeps everything', () => {
    const s = scenarioOf(scenario(3, [{ at: 70_500, action: 'crashBroker', target: 'broker-a' }]));
    const result = (reclaimEveryMs: number) => {
      const run = startRun(s, { kind: 'bytes', onBytes: () => {} }, { reclaimEveryMs });
      run.runUntil(100_000);
      return JSON.stringify(summarize(run.sim.state, 100_000, run.hasher.digest(), run.sim.traceCount));
    };
    expect(result(1_000)).toBe(result(0));
  });
});
