/**
 * The built-in scenarios do what their descriptions say: each sentence with a number in it is
 * checked against a run (teachers send these to students, so a wrong number is a bug).
 */
import { describe, expect, it } from 'vitest';
import { findLibraryEntry } from '../../src/scenario/library/index.ts';
import { idleConsumers } from '../../src/ui/panels/queue-model.ts';
import type { TraceEvent } from '../../src/sim/index.ts';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

const CRASH_A = 60_000;
/** The shrinking scenarios' pullThresholdForQueue and pullBatchSize: at most 8 of a queue in memory, and one pull of 8 more. */
const PULL_THRESHOLD = 8;
const PULL_BATCH = 8;
/**
 * RocketMQ 5.x sends a queue's first pull 500 ms after the rebalance that takes it: RebalanceImpl.updateProcessQueueTableInRebalance
 * calls dispatchPullRequest(pullRequestList, 500) (4.9.8 pulls at once).
 */
const DISPATCH_PULL_DELAY = 500;
/** RebalanceService's minInterval (5.x): a woken rebalance runs no sooner than a second after the last. */
const REBALANCE_MIN_INTERVAL = 1_000;
/** RebalanceService's waitInterval: the periodic rebalance, every 20 s. */
const REBALANCE_INTERVAL = 20_000;

function libraryJson(id: string): ScenarioJson {
  const entry = findLibraryEntry(id);
  if (!entry) throw new Error(`no library entry ${id}`);
  return entry.scenario as ScenarioJson;
}

function run(id: string): TestSim {
  const sim = new TestSim(libraryJson(id));
  return sim.at(sim.scenario.durationMs);
}

function matchesConsumption(before: TraceEvent | undefined, again: Extract<TraceEvent, { type: 'message.consumedAgain' }>): boolean {
  return before?.type === 'message.consumed' && before.t === again.t && before.consumer === again.consumer && before.msgId === again.msgId;
}

describe('the library descriptions', () => {
  it('Write 8 / read 4: nobody reads queues 4-7, and half of every message sent, about 900 by 3:00, is unconsumable', () => {
    const sim = run('write8-read4');
    expect(sim.events('message.consumed', (e) => e.topic === 'TopicTest' && e.queueId >= 4)).toEqual([]);
    const { sent, neverConsumable } = sim.summary().messages;
    expect(Math.abs(neverConsumable - sent / 2)).toBeLessThanOrEqual(5);
    expect(Math.abs(neverConsumable - 900)).toBeLessThan(25);
    const firstInUpper = sim.first('message.stored', (e) => e.topic === 'TopicTest' && e.queueId >= 4)!;
    expect(firstInUpper.t).toBeLessThan(1_600);
  });

  it('Write 8 / read 4: no duplicates at the start: c-1 and c-2 start together at 1 s and each first rebalances at 2 s (5.x minInterval), when both are listed: 4 queues each', () => {
    const sim = run('write8-read4');
    const first = ['c-1', 'c-2'].map((consumer) => sim.first('rebalance', (e) => e.consumer === consumer && e.topic === 'TopicTest')!);
    for (const e of first) expect(Math.floor(e.t / 1_000)).toBe(2);
    expect(first.map((e) => e.queues)).toEqual([['broker-a:0', 'broker-a:1', 'broker-a:2', 'broker-a:3'], ['broker-b:0', 'broker-b:1', 'broker-b:2', 'broker-b:3']]);
    expect(sim.summary().messages).toMatchObject({ duplicates: 0 });
  });

  it('Read 8 / write 4: rebalances at 1-2 s give c-2 and c-4 only queues 4-7; they consume nothing, c-1 and c-3 everything', () => {
    const sim = run('read8-write4');
    const last = new Map(sim.events('rebalance', (e) => e.topic === 'TopicTest').map((e) => [e.consumer, e]));
    for (const e of last.values()) {
      expect(e.t).toBeGreaterThan(1_000);
      expect(e.t).toBeLessThan(2_100);
    }
    for (const idle of ['c-2', 'c-4']) {
      expect(last.get(idle)!.queues.every((queue) => Number(queue.split(':')[1]) >= 4)).toBe(true);
      expect(sim.events('message.consumed', { consumer: idle })).toEqual([]);
    }
    const consumers = new Set(sim.events('message.consumed').map((e) => e.consumer));
    expect([...consumers].sort()).toEqual(['c-1', 'c-3']);
  });

  it('Shrinking safely: write 4 at 60 s, queues 4-7 drained by about 78 s, read 4 only at 150 s, nothing left behind', () => {
    const sim = run('shrink-safely');
    const updates = sim.events('topic.updated', (e) => e.topic === 'TopicTest' && !e.created);
    expect(updates.map((e) => [e.t, e.writeQueueNums, e.readQueueNums])).toEqual([[60_000, 4, 8], [60_000, 4, 8], [150_000, 4, 4], [150_000, 4, 4]]);
    const lastUpper = Math.max(...sim.times('message.consumed', (e) => e.topic === 'TopicTest' && e.queueId >= 4));
    expect(Math.round(lastUpper / 1_000)).toBe(78);
    expect(sim.summary().messages.neverConsumable).toBe(0);
  });

  it('Shrinking unsafely: queues 4-7 of both brokers keep a lag of 17 or 18 each, broker-b\'s queue 7 one pull of 8 more; a few sends fail in about the first second', () => {
    const sim = run('shrink-unsafely');
    const upper = sim.summary().queues.filter((q) => q.topic === 'TopicTest' && q.queueId >= 4);
    expect(upper).toHaveLength(8);
    const lagOf = (broker: string, queueId: number) => upper.find((q) => q.broker === broker && q.queueId === queueId)!.lag['CG_ORDER']!;
    for (const queue of upper.filter((q) => !(q.broker === 'broker-b' && q.queueId === 7))) {
      expect(queue.lag['CG_ORDER']).toBeGreaterThanOrEqual(17);
      expect(queue.lag['CG_ORDER']).toBeLessThanOrEqual(18);
    }
    expect(lagOf('broker-b', 7)).toBe(18 + PULL_BATCH);
    expect(sim.summary().messages).toMatchObject({ neverConsumable: 150, neverConsumableCauses: { readShrunk: 150 } });
    const failed = sim.events('send.failed', (e) => e.t >= 60_000);
    expect(failed.length).toBeGreaterThan(0);
    for (const failure of failed) expect(failure.t).toBeLessThan(61_100);
    // What the consumers held of queues 4-7 at 1:00 is still consumed: 16 a queue (pullThresholdForQueue 8 and one pull of
    // pullBatchSize 8), but c-2 had consumed 4 of broker-b's queue 7 just before 1:00, and its next pull of that queue,
    // at 1:00.3, was the broker's first refusal; the rebalance at 1:21 drops the queues.
    const upperConsumed = sim.events('message.consumed', (e) => e.queueId >= 4 && e.t > 60_000);
    const perQueue = new Map<string, number>();
    for (const e of upperConsumed) perQueue.set(`${e.broker}:${e.queueId}`, (perQueue.get(`${e.broker}:${e.queueId}`) ?? 0) + 1);
    expect([...perQueue].filter(([, n]) => n !== PULL_THRESHOLD + PULL_BATCH)).toEqual([['broker-b:7', PULL_THRESHOLD + PULL_BATCH - 4]]);
    expect(sim.events('message.consumed', (e) => e.broker === 'broker-b' && e.queueId === 7 && e.t > 59_000 && e.t <= 60_000)).toHaveLength(4);
    expect(upperConsumed).toHaveLength(124);
    expect(Math.round(Math.max(...upperConsumed.map((e) => e.t)) / 100) / 10).toBe(67.4);
    const firstRefusal = sim.first('pull.rejected')!;
    expect([Math.round(firstRefusal.t / 100) / 10, firstRefusal.consumer, firstRefusal.broker, firstRefusal.queueId]).toEqual([60.3, 'c-2', 'broker-b', 7]);
    expect(sim.events('pull.rejected').every((e) => e.reason === 'INVALID_PARAMETER' && e.queueId >= 4)).toBe(true);
    expect(new Set(sim.times('rebalance', (e) => e.t > 60_000 && e.t < 90_000).map((t) => Math.floor(t / 1_000)))).toEqual(new Set([81]));
  });

  it('Crash vs partition vs shutdown: channelClosed at 60 s, channelIdle at 190 s (last registration 70 s + 120 s idle), unregistered at 240 s, back at 300 s', () => {
    const sim = run('crash-partition-shutdown');
    const removed = sim.events('broker.removed').map((e) => [e.broker, e.reason, Math.floor(e.t / 1_000)]);
    expect(removed).toEqual([
      ['broker-a', 'channelClosed', 60], ['broker-a', 'channelClosed', 60],
      ['broker-b', 'channelIdle', 190], ['broker-b', 'channelIdle', 190],
      ['broker-c', 'unregistered', 240], ['broker-c', 'unregistered', 240],
    ]);
    const lastB = Math.max(...sim.times('broker.registered', (e) => e.broker === 'broker-b' && e.t < 90_000));
    expect(Math.floor(lastB / 1_000)).toBe(70);
    expect(Math.floor(sim.first('broker.registered', (e) => e.broker === 'broker-a' && e.t > 60_000)!.t / 1_000)).toBe(300);
  });

  it('Crash vs partition vs shutdown: no broker holds TopicTest from 4:00 to 5:01 (TOPIC_NOT_EXIST at 4:01 and 4:31, the cached route kept), 306 of 341 failed messages then; at 5:02.5 and 5:03.5 broker-a\'s queues are read again from the offsets it last persisted before its crash', () => {
    const sim = run('crash-partition-shutdown');
    const pulls = sim.events('route.pulled', (e) => e.client === 'p-1' && e.topic === 'TopicTest' && e.t > 240_000 && e.t < 305_000);
    expect(pulls.map((e) => [Math.floor(e.t / 1_000), e.found])).toEqual([[241, false], [271, false], [301, true]]);
    const failed = sim.events('send.result', (e) => e.status === 'FAILED');
    expect(failed).toHaveLength(341);
    expect(failed.filter((e) => e.t >= 240_000 && e.t < 302_000)).toHaveLength(306);
    const firstConsumed = new Map<string, number>();
    const again: { t: number; broker: string; queue: string }[] = [];
    const consumedOfA: { t: number; queue: string }[] = [];
    for (const e of sim.events('message.consumed')) {
      const queue = `${e.queueId}@${e.queueOffset}`;
      if (firstConsumed.has(e.msgId)) again.push({ t: e.t, broker: e.broker, queue });
      else {
        firstConsumed.set(e.msgId, e.t);
        if (e.broker === 'broker-a' && e.t < CRASH_A) consumedOfA.push({ t: e.t, queue });
      }
    }
    // 3:42: c-1's rebalance takes two of c-2's queues before c-2's offsets reached broker-c; their first pull leaves 500 ms later.
    const stolenAt = sim.first('rebalance', (e) => e.consumer === 'c-1' && e.topic === 'TopicTest' && e.t > 220_000)!.t;
    expect(Math.floor(stolenAt / 1_000)).toBe(222);
    const atSteal = again.filter((e) => Math.floor(e.t / 1_000) === 222);
    expect(atSteal).toHaveLength(2);
    for (const e of atSteal) expect(e.t - stolenAt - DISPATCH_PULL_DELAY).toBeGreaterThanOrEqual(0);
    for (const e of atSteal) expect(e.t - stolenAt - DISPATCH_PULL_DELAY).toBeLessThan(20);
    // 5:02: broker-a restarted with the offsets it last wrote to consumerOffset.json, 10 s after its start and then every
    // 5 s (flushConsumerOffsetInterval): at 55 s, the crash at 60 s coming first in that millisecond. Every message of its
    // queues consumed from those offsets on is consumed again.
    const LAST_PERSIST = 55_000;
    const held = new TestSim(libraryJson('crash-partition-shutdown')).at(LAST_PERSIST).sim.state.brokers['broker-a/0']!.consumerOffsetTable['CG_ORDER']!;
    const fromHeld = consumedOfA.filter((e) => Number(e.queue.split('@')[1]) >= held[`TopicTest@${e.queue.split('@')[0]}`]!);
    expect(fromHeld.length).toBeGreaterThan(0);
    const atRestart = again.filter((e) => e.t > 300_000);
    expect(atRestart.every((e) => e.broker === 'broker-a')).toBe(true);
    expect(atRestart.map((e) => e.queue).sort()).toEqual(fromHeld.map((e) => e.queue).sort());
    expect(again).toHaveLength(2 + atRestart.length);
    expect(sim.summary().messages).toMatchObject({ duplicates: again.length, duplicateCauses: { rebalance: 2, brokerFault: atRestart.length } });
    // Each duplicate says what brought it back, in the same instant as its consumption.
    expect(sim.events('message.consumedAgain').map((e) => [e.t, e.cause])).toEqual(again.map((e) => [e.t, Math.floor(e.t / 1_000) === 222 ? 'rebalance' : 'brokerFault']));
    // broker-a's four queues back, two each: c-1 at its periodic rebalance of 5:02. c-2's, in the same millisecond, asked
    // broker-a for the group's members before c-2's own heartbeat had reached it, so it took nothing; broker-a then told
    // the group it changed, and c-2 ran again a second after its last run (5.x: RebalanceService's minInterval).
    const back = sim.events('rebalance', (e) => e.topic === 'TopicTest' && e.t > 300_000 && e.t < 304_000);
    expect(back.map((e) => [e.consumer, Math.floor(e.t / 1_000), e.queues])).toEqual([
      ['c-1', 302, ['broker-a:0', 'broker-a:1']], ['c-2', 303, ['broker-a:2', 'broker-a:3']],
    ]);
    const heartbeatAt = sim.first('consumer.registered', (e) => e.consumer === 'c-2' && e.broker === 'broker-a' && e.t > 300_000)!.t;
    expect(Math.floor(heartbeatAt / 1_000)).toBe(302);
    // Both periodic rebalances ran at 5:02.000, four periods of rebalanceInterval (20 s) after the one of 3:42.
    const periodic = Math.floor(stolenAt / 1_000) * 1_000 + 4 * REBALANCE_INTERVAL;
    expect(Math.floor(back[0]!.t / 1_000) * 1_000).toBe(periodic);
    expect(back[1]!.t - periodic).toBeGreaterThanOrEqual(REBALANCE_MIN_INTERVAL);
    expect(back[1]!.t - periodic).toBeLessThan(REBALANCE_MIN_INTERVAL + 10);
    // Each consumes its queues' 6 again with its first pull, half a second after its rebalance.
    for (const { consumer, t, queues } of back) {
      const mine = atRestart.filter((e) => queues.includes(`broker-a:${e.queue.split('@')[0]}`));
      expect(mine, consumer).toHaveLength(6);
      for (const e of mine) expect(e.t - t - DISPATCH_PULL_DELAY).toBeGreaterThanOrEqual(0);
      for (const e of mine) expect(e.t - t - DISPATCH_PULL_DELAY).toBeLessThan(20);
    }
  });

  it('A consumer joining and leaving: 3/3/2, then 2 each at 60 s, back at 120 s, immediate at 180 s, c-1 alone at its periodic rebalance after the brokers expire c-2 at 5:40', () => {
    const sim = run('consumer-join-leave');
    const sizesAt = (from: number, to: number) => Object.fromEntries(sim.events('rebalance', (e) => e.topic === 'TopicTest' && e.t >= from && e.t < to).map((e) => [e.consumer, e.queues.length]));
    expect(Object.values(sizesAt(0, 30_000)).sort()).toEqual([2, 3, 3]);
    expect(sizesAt(60_000, 62_000)).toEqual({ 'c-1': 2, 'c-2': 2, 'c-3': 2, 'c-4': 2 });
    expect(Object.values(sizesAt(120_000, 120_100)).sort()).toEqual([2, 3, 3]);
    expect(Object.values(sizesAt(180_000, 180_100))).toEqual([4, 4]);
    const alone = sim.first('rebalance', (e) => e.topic === 'TopicTest' && e.t > 240_000)!;
    expect(alone).toMatchObject({ consumer: 'c-1' });
    expect(alone.queues).toHaveLength(8);
    expect(Math.abs(alone.t - 340_000)).toBeLessThan(2_000);
    // The brokers expire c-2 at their channel scan (5:40) and notify nobody: c-1 takes over at its periodic rebalance (every 20 s), by chance a second later.
    expect(sim.events('consumer.removed', (e) => e.consumer === 'c-2').map((e) => [e.t, e.reason])).toEqual([[340_000, 'expired'], [340_000, 'expired']]);
    expect(alone.t - 340_000).toBeLessThan(20_000);
  });

  it('A consumer joining and leaving: Duplicates 10, each with the first pull half a second after a change: none at the start, 2 at 60 s, 1 at 120 s, 3 at 180 s, 4 at 341 s of what c-2 consumed just before it hung', () => {
    const sim = run('consumer-join-leave');
    const seen = new Set<string>();
    const again: number[] = [];
    for (const e of sim.events('message.consumed')) {
      if (seen.has(e.msgId)) again.push(e.t);
      else seen.add(e.msgId);
    }
    // Each change's rebalances come within milliseconds of it (5:41 for c-2's expiry: c-1's periodic rebalance); the queues
    // they take are first pulled DISPATCH_PULL_DELAY later, and what the last owner had consumed uncommitted comes again then.
    const at = (change: number) => again.filter((t) => t >= change + DISPATCH_PULL_DELAY && t < change + DISPATCH_PULL_DELAY + 100).length;
    expect([again.filter((t) => t < 3_000).length, at(60_000), at(120_000), at(180_000), at(341_000)]).toEqual([0, 2, 1, 3, 4]);
    expect(again).toHaveLength(10);
    expect(sim.summary().messages.duplicates).toBe(10);
    // What brought each back: c-4's arrival and its removal moved queues before their offsets were committed (rebalance), and at
    // 180 s c-1 took broker-a:3 from c-2 the same way; c-3 crashed with its last offsets unsent, and c-2 hung with what it had
    // just consumed uncommitted (crash).
    const causes = sim.events('message.consumedAgain').map((e) => [Math.floor(e.t / 1_000), e.consumer, e.cause]);
    expect(causes).toEqual([
      [60, 'c-3', 'rebalance'], [60, 'c-3', 'rebalance'], [120, 'c-1', 'rebalance'],
      [180, 'c-1', 'rebalance'], [180, 'c-2', 'crash'], [180, 'c-2', 'crash'],
      [341, 'c-1', 'crash'], [341, 'c-1', 'crash'], [341, 'c-1', 'crash'], [341, 'c-1', 'crash'],
    ]);
    // c-1 read the offsets of broker-a:2 (120 s) and broker-a:3 (180 s) before c-2's commits of them arrived.
    const taken = sim.events('message.consumed', (e) => e.consumer === 'c-1' && e.broker === 'broker-a' && (e.t >= 120_000 && e.t < 121_000 || e.t >= 180_000 && e.t < 181_000));
    const again1 = taken.filter((e) => sim.events('message.consumed', { msgId: e.msgId }).length > 1);
    expect(again1.map((e) => [Math.floor(e.t / 1_000), e.queueId])).toEqual([[120, 2], [180, 3]]);
    for (const e of again1) {
      const committed = sim.first('offset.committed', (c) => c.consumer === 'c-2' && c.broker === 'broker-a' && c.queueId === e.queueId && c.t > e.t - 1_000)!;
      expect(committed.offset).toBeGreaterThan(e.queueOffset);
    }
    // Each right after the consumption it explains.
    const trace = sim.trace();
    const unexplained = trace.filter((e, i) => e.type === 'message.consumedAgain' && !matchesConsumption(trace[i - 1], e));
    expect(unexplained).toEqual([]);
  });

  it('A consumer joining: the members that were there rebalance within milliseconds of c-4\'s heartbeat, c-4 itself a second after it started (5.x minInterval), so its two queues wait a second without an owner, and their first pull half a second more (5.x dispatch)', () => {
    const sim = run('consumer-join-leave');
    const joined = sim.events('rebalance', (e) => e.topic === 'TopicTest' && e.t >= 60_000 && e.t < 62_000);
    for (const e of joined.filter((e) => e.consumer !== 'c-4')) expect(e.t).toBeLessThan(60_100);
    const own = sim.first('rebalance', { consumer: 'c-4' })!;
    expect(Math.floor(own.t / 1_000)).toBe(61);
    // c-4's first messages, pulled DISPATCH_PULL_DELAY after its rebalance (and a few round trips): at 61.5 s.
    const first = sim.first('message.consumed', { consumer: 'c-4' })!;
    expect(first.t - own.t).toBeGreaterThanOrEqual(DISPATCH_PULL_DELAY);
    expect(first.t - own.t).toBeLessThan(DISPATCH_PULL_DELAY + 20);
    expect(Math.round(first.t / 100) / 10).toBe(61.5);
  });

  it('A master down: no duplicates at the start: c-1 and c-2 start together and each first rebalances a second later (5.x minInterval), when both are listed', () => {
    const sim = run('failover-idle-consumer');
    for (const consumer of ['c-1', 'c-2']) expect(Math.floor(sim.first('rebalance', { consumer })!.t / 1_000)).toBe(1);
    expect(sim.first('rebalance', { consumer: 'c-2' })!.queues).toHaveLength(4);
    expect(sim.summary().messages.duplicates).toBe(0);
  });

  it('A NameServer going down: everyone on ns-1, on ns-2 at 61 s; ns-1 empty from 135 s until the registrations at 160 s', () => {
    const sim = run('nameserver-down');
    const chosen = sim.events('nameServer.chosen');
    expect(new Set(chosen.filter((e) => e.t < 60_000).map((e) => e.nameServer))).toEqual(new Set(['ns-1']));
    const moved = chosen.filter((e) => e.t >= 60_000);
    expect(moved.length).toBe(4);
    for (const e of moved) expect(e).toMatchObject({ nameServer: 'ns-2' });
    for (const e of moved) expect(Math.floor(e.t / 1_000)).toBe(61);
    // Their channels to the crashed ns-1 closed: the next request takes ns-2 and none fails (getAndCreateNameserverChannel).
    expect(sim.events('route.failed')).toEqual([]);
    const relearned = sim.times('broker.registered', (e) => e.nameServer === 'ns-1' && e.t >= 135_000);
    expect(Math.floor(relearned[0]! / 1_000)).toBe(160);
  });

  it('A master crashes: c-1 drains broker-a from the slave by about 151 s; nothing is consumed twice', () => {
    const sim = run('master-slave-failover');
    const drained = Math.max(...sim.times('message.consumed', (e) => e.broker === 'broker-a' && e.t < 165_000));
    expect(Math.abs(drained - 151_000)).toBeLessThan(2_000);
    expect(sim.summary().messages.duplicates).toBe(0);
  });
  it('A master down: 10 a second to each group, c-1 idle from 59.8 s to 120.2 s, its pulls refused by the slave, while Lagging grows 3.3 a second to 201 at 2:00, gone by 2:30', () => {
    const entry = findLibraryEntry('failover-idle-consumer')!;
    const at = (ms: number) => new TestSim(entry.scenario as ScenarioJson).at(ms);
    const sim = run('failover-idle-consumer');
    const stored = (broker: string, from: number, to: number) => sim.events('message.stored', (e) => e.broker === broker && e.brokerId === 0 && e.t >= from && e.t < to).length;
    expect([stored('broker-a', 30_000, 60_000), stored('broker-b', 30_000, 60_000)]).toEqual([300, 300]);
    expect(sim.last('rebalance', (e) => e.consumer === 'c-1' && e.topic === 'TopicTest' && e.t < 60_000)!.queues).toEqual(['broker-a:0', 'broker-a:1', 'broker-a:2', 'broker-a:3']);
    expect(sim.last('rebalance', (e) => e.consumer === 'c-2' && e.topic === 'TopicTest' && e.t < 60_000)!.queues).toEqual(['broker-b:0', 'broker-b:1', 'broker-b:2', 'broker-b:3']);
    expect(sim.first('broker.removed', (e) => e.t >= 60_000)).toMatchObject({ broker: 'broker-a', brokerId: 0, reason: 'channelClosed' });
    const failed = sim.events('send.failed', (e) => e.t >= 60_000);
    expect(failed).toHaveLength(1);
    expect(sim.first('message.sent', { msgId: failed[0]!.msgId, attempt: 2 })!.broker).toBe('broker-b');
    const pulls = sim.times('route.updated', (e) => e.client === 'p-1' && e.t > 55_000 && e.t < 125_000).map((t) => Math.floor(t / 10) / 100);
    expect(pulls).toEqual([60.01, 120.01]);
    expect(sim.events('message.sent', (e) => e.broker === 'broker-a' && e.t > pulls[0]! * 1_000 + 10 && e.t < 120_000)).toEqual([]);
    expect(sim.events('rebalance', (e) => e.consumer === 'c-1' && e.t >= 60_000)).toEqual([]);
    const c1 = sim.times('message.consumed', (e) => e.consumer === 'c-1');
    expect(Math.round(Math.max(...c1.filter((t) => t < 120_000)) / 100) / 10).toBe(59.8);
    expect(Math.round(Math.min(...c1.filter((t) => t >= 60_000)) / 100) / 10).toBe(120.2);
    // The slave, without slaveReadEnable, refuses each of c-1's pulls while the master is away (5.x PullMessageProcessor.rejectRequest).
    const refused = sim.events('pull.rejected', (e) => e.consumer === 'c-1');
    expect(refused.length).toBeGreaterThan(50 * 4);
    for (const refusal of refused) expect([refusal.broker, refusal.brokerId, refusal.reason, refusal.t > 60_000 && refusal.t < 120_000]).toEqual(['broker-a', 1, 'SYSTEM_BUSY', true]);
    expect(idleConsumers(at(90_000).sim.state).map(({ consumer, reason }) => [consumer, reason.kind])).toEqual([['c-1', 'masterDown']]);
    const lagging = (ms: number) => at(ms).summary().messages.lagging;
    const [at90, at120] = [lagging(90_000), lagging(120_000)];
    expect(at120).toBe(201);
    expect(Math.round((at120 - at90) / 3)).toBe(33);
    expect(lagging(145_000)).toBeGreaterThan(20);
    expect(lagging(150_000)).toBeLessThanOrEqual(5);
  });

  it('Cluster mode: 37 messages fail before 20 s without a send attempt; broker-a and broker-b create 8 / 8 / 6 at 20 s, not broker-c; p-1 sends from 20 s, the consumers see it at about 31 s', () => {
    const sim = run('create-topic-cluster');
    const failed = sim.events('send.result', { status: 'FAILED' });
    expect(failed).toHaveLength(37);
    expect(failed.every((e) => e.t >= 1_500 && e.t < 20_000)).toBe(true);
    expect(sim.events('message.sent', (e) => e.t < 20_000)).toEqual([]);
    const created = sim.events('topic.updated', { topic: 'TopicOrder' }).map(({ t, broker, writeQueueNums, readQueueNums, perm }) => [t, broker, writeQueueNums, readQueueNums, perm]);
    expect(created).toEqual([[20_000, 'broker-a', 8, 8, 6], [20_000, 'broker-b', 8, 8, 6]]);
    expect(sim.broker('broker-c').topicConfigTable.TopicOrder).toBeUndefined();
    expect(Math.floor(sim.first('message.sent')!.t / 1_000)).toBe(20);
    for (const consumer of ['c-1', 'c-2']) expect(Math.floor(sim.first('route.updated', { client: consumer, topic: 'TopicOrder' })!.t / 1_000)).toBe(31);
  });

  it('Broker mode: only broker-b creates TopicOrder with 4 / 4; p-1 writes only there; from about 32 s c-1 and c-2 own two queues each', () => {
    const sim = run('create-topic-broker');
    expect(sim.events('topic.updated', { topic: 'TopicOrder' }).map((e) => [e.broker, e.writeQueueNums, e.readQueueNums])).toEqual([['broker-b', 4, 4]]);
    expect(new Set(sim.events('message.sent').map((e) => e.broker))).toEqual(new Set(['broker-b']));
    const owned = new Map(sim.events('rebalance', { topic: 'TopicOrder' }).map((e) => [e.consumer, e]));
    for (const consumer of ['c-1', 'c-2']) {
      expect(owned.get(consumer)!.queues).toHaveLength(2);
      expect(Math.floor(owned.get(consumer)!.t / 1_000)).toBe(32);
    }
    for (const other of ['broker-a', 'broker-c']) expect(sim.broker(other).topicConfigTable.TopicOrder).toBeUndefined();
  });

  it('A poison message: Poison at 4 s and 8 s, in %RETRY%CG at 14 s and 18 s (Lagging 2) until 41 s, tries at 41 s, 1:11, 2:11 ... 2:46:11, the DLQ at 4:46:11', () => {
    const entry = findLibraryEntry('retries-dlq')!;
    const at = (ms: number) => new TestSim(entry.scenario as ScenarioJson).at(ms);
    const sim = run('retries-dlq');
    const sent = sim.events('message.sent');
    expect(sent.map((e) => [e.t / 1_000, e.tags])).toEqual([[1, 'TagA'], [2, 'TagA'], [3, 'TagA'], [4, 'Poison'], [5, 'TagA'], [6, 'TagA'], [7, 'TagA'], [8, 'Poison']]);
    const poison = sent.filter((e) => e.tags === 'Poison').map((e) => e.msgId);
    expect(poison.map((msgId) => Math.floor(sim.first('message.stored', { msgId, topic: '%RETRY%CG' })!.t / 1_000))).toEqual([14, 18]);
    expect(at(10_000).summary().messages).toMatchObject({ stored: 8, consumed: 6, delayed: 2, lagging: 0 });
    expect(at(20_000).summary().messages).toMatchObject({ stored: 8, consumed: 6, delayed: 0, lagging: 2 });
    expect(Math.floor(sim.first('rebalance', { consumer: 'c-1', topic: '%RETRY%CG' })!.t / 1_000)).toBe(41);
    expect(Math.floor(sim.first('route.updated', { client: 'c-1', topic: '%RETRY%CG' })!.t / 1_000)).toBe(30);
    // [h, min, s] of each failure of the first Poison message, from its first try on.
    const clock = (t: number) => [Math.floor(t / 3_600_000), Math.floor(t / 60_000) % 60, Math.floor(t / 1_000) % 60];
    const failures = sim.events('consume.failed', { msgId: poison[0]! });
    expect(failures.map((e) => clock(e.t))).toEqual([
      [0, 0, 4], [0, 0, 41], [0, 1, 11], [0, 2, 11], [0, 4, 11], [0, 7, 11], [0, 11, 11], [0, 16, 11], [0, 22, 11], [0, 29, 11],
      [0, 37, 11], [0, 46, 11], [0, 56, 11], [1, 16, 11], [1, 46, 11], [2, 46, 11], [4, 46, 11],
    ]);
    expect(failures.at(-1)).toMatchObject({ reconsumeTimes: 16, next: 'dlq' });
    expect(clock(sim.first('message.stored', { msgId: poison[0]!, topic: '%DLQ%CG' })!.t)).toEqual([4, 46, 11]);
    expect(sim.summary().messages).toMatchObject({ consumed: 6, retried: 32, deadLettered: 2, delayed: 0, lagging: 0 });
  });

  it('A poison message: broker-a creates %DLQ%CG at its first dead letter, one queue RW, and registers it with the NameServers at once (createTopicInSendMessageBackMethod)', () => {
    const sim = run('retries-dlq');
    const firstDead = sim.first('message.stored', { topic: '%DLQ%CG' })!;
    expect(sim.events('topic.updated', { topic: '%DLQ%CG' })).toEqual([
      { t: firstDead.t, type: 'topic.updated', broker: 'broker-a', topic: '%DLQ%CG', writeQueueNums: 1, readQueueNums: 1, perm: 6, created: true, auto: true },
    ]);
    // Each NameServer hears it a network hop later, not at the next 30 s registration.
    expect(sim.events('broker.registered', (e) => e.t > firstDead.t && e.t < firstDead.t + 100 && e.trigger === 'topicChanged').map((e) => e.nameServer).sort()).toEqual(['ns-1']);
  });

  it('Auto-creation: one message at 2 s through TBW102\'s route creates NewTopic (4 queues) on broker-a only; the route at about 31 s lists broker-a alone; everything from 40 s goes there', () => {
    const sim = run('auto-create-topic');
    const first = sim.first('message.sent')!;
    expect([Math.floor(first.t / 1_000), first.broker]).toEqual([2, 'broker-a']);
    expect(sim.events('topic.updated', { topic: 'NewTopic' }).map((e) => [e.broker, e.writeQueueNums, e.readQueueNums, e.perm, e.auto])).toEqual([['broker-a', 4, 4, 6, true]]);
    const pulled = sim.events('route.updated', { client: 'p-1', topic: 'NewTopic' });
    expect(pulled.map((e) => [Math.floor(e.t / 1_000), new Set(e.writeQueues.map((q) => q.split(':')[0])).size])).toEqual([[2, 2], [31, 1]]);
    const later = sim.events('message.sent', (e) => e.t >= 40_000);
    expect(later.length).toBeGreaterThan(400);
    expect(later.every((e) => e.broker === 'broker-a')).toBe(true);
    expect(sim.broker('broker-b').topicConfigTable.NewTopic).toBeUndefined();
  });
});
