/**
 * The built-in scenarios do what their descriptions say: each sentence with a number in it is
 * checked against a run (teachers send these to students, so a wrong number is a bug).
 */
import { describe, expect, it } from 'vitest';
import { libraryDescription } from '../../src/scenario/library/descriptions.ts';
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

  it('Read 8 / write 4: rebalances just after 2 s (a second after the consumers start at 1 s) give c-2 and c-4 only queues 4-7; they consume nothing, c-1 and c-3 everything', () => {
    const sim = run('read8-write4');
    const last = new Map(sim.events('rebalance', (e) => e.topic === 'TopicTest').map((e) => [e.consumer, e]));
    for (const e of last.values()) {
      expect(e.t).toBeGreaterThan(sim.first('consumer.registered', { consumer: e.consumer })!.t + REBALANCE_MIN_INTERVAL - 100);
      expect(e.t).toBeGreaterThan(2_000);
      expect(e.t).toBeLessThan(2_100);
    }
    const text = libraryDescription('read8-write4')!;
    expect(text.en).toContain('Watch the rebalance events just after 2\u00a0s');
    expect(text.zh).toContain('2\u00a0秒刚过时的 rebalance 事件');
    for (const idle of ['c-2', 'c-4']) {
      expect(last.get(idle)!.queues.every((queue) => Number(queue.split(':')[1]) >= 4)).toBe(true);
      expect(sim.events('message.consumed', { consumer: idle })).toEqual([]);
    }
    const consumers = new Set(sim.events('message.consumed').map((e) => e.consumer));
    expect([...consumers].sort()).toEqual(['c-1', 'c-3']);
  });

  it('Shrinking safely: write 4 at 60 s, queues 4-7 drained by about 79 s, read 4 only at 150 s, nothing left behind', () => {
    const sim = run('shrink-safely');
    const updates = sim.events('topic.updated', (e) => e.topic === 'TopicTest' && !e.created);
    expect(updates.map((e) => [e.t, e.writeQueueNums, e.readQueueNums])).toEqual([[60_000, 4, 8], [60_000, 4, 8], [150_000, 4, 4], [150_000, 4, 4]]);
    const lastUpper = Math.max(...sim.times('message.consumed', (e) => e.topic === 'TopicTest' && e.queueId >= 4));
    expect(Math.round(lastUpper / 1_000)).toBe(79);
    expect(sim.summary().messages.neverConsumable).toBe(0);
  });

  it('Shrinking unsafely: queues 4 and 5 keep a lag of 17 or 18 each, queues 6 and 7, where each consumer was a pull behind at 1:00, 26; a few sends fail in about the first second', () => {
    const sim = run('shrink-unsafely');
    const upper = sim.summary().queues.filter((q) => q.topic === 'TopicTest' && q.queueId >= 4);
    expect(upper).toHaveLength(8);
    // Each consumer works through its queues a pull of 8 at a time: by the end it had consumed 7 pulls of queues 4 and 5,
    // and 6 of queues 6 and 7, on both brokers.
    const consumedOf = (broker: string, queueId: number) => sim.events('message.consumed', (e) => e.topic === 'TopicTest' && e.broker === broker && e.queueId === queueId).length;
    for (const queue of upper) {
      const behind = queue.queueId >= 6;
      expect(consumedOf(queue.broker, queue.queueId), `${queue.broker}:${queue.queueId}`).toBe(PULL_BATCH * (behind ? 6 : 7));
      expect(queue.lag['CG_ORDER']).toBe(queue.maxOffset - consumedOf(queue.broker, queue.queueId));
      if (behind) expect(queue.lag['CG_ORDER']).toBe(26);
      else expect(queue.lag['CG_ORDER']).toBe(queue.broker === 'broker-a' ? 17 : 18);
    }
    expect(sim.summary().messages).toMatchObject({ neverConsumable: 174, neverConsumableCauses: { readShrunk: 174 } });
    const failed = sim.events('send.failed', (e) => e.t >= 60_000);
    expect(failed.length).toBeGreaterThan(0);
    for (const failure of failed) expect(failure.t).toBeLessThan(61_100);
    // What the consumers held of queues 4-7 at 1:00 is still consumed: 16 a queue (pullThresholdForQueue 8 and one pull of
    // pullBatchSize 8), 12 of queue 6, half of whose 8 in memory were consumed by 1:00; their next pull of each is refused,
    // the first at 1:00.3; the rebalance at 1:21 drops the queues.
    const consumedBy60 = (broker: string, queueId: number) => sim.events('message.consumed', (e) => e.topic === 'TopicTest' && e.broker === broker && e.queueId === queueId && e.t <= 60_000).length;
    for (const broker of ['broker-a', 'broker-b']) expect(consumedBy60(broker, 6) % PULL_BATCH).toBe(PULL_BATCH / 2);
    const upperConsumed = sim.events('message.consumed', (e) => e.queueId >= 4 && e.t > 60_000);
    const perQueue = new Map<string, number>();
    for (const e of upperConsumed) perQueue.set(`${e.broker}:${e.queueId}`, (perQueue.get(`${e.broker}:${e.queueId}`) ?? 0) + 1);
    expect(perQueue.size).toBe(8);
    expect([...perQueue].filter(([, n]) => n !== PULL_THRESHOLD + PULL_BATCH)).toEqual([['broker-a:6', PULL_THRESHOLD + PULL_BATCH - PULL_BATCH / 2], ['broker-b:6', PULL_THRESHOLD + PULL_BATCH - PULL_BATCH / 2]]);
    expect(upperConsumed).toHaveLength(120);
    expect(Math.round(Math.max(...upperConsumed.map((e) => e.t)) / 100) / 10).toBe(67.4);
    const firstRefusal = sim.first('pull.rejected')!;
    expect([Math.round(firstRefusal.t / 100) / 10, firstRefusal.consumer, firstRefusal.broker, firstRefusal.queueId]).toEqual([60.3, 'c-1', 'broker-a', 6]);
    expect(sim.events('pull.rejected').every((e) => e.reason === 'INVALID_PARAMETER' && e.queueId >= 4)).toBe(true);
    expect(new Set(sim.times('rebalance', (e) => e.topic === 'TopicTest' && e.t > 60_000 && e.t < 90_000).map((t) => Math.floor(t / 1_000)))).toEqual(new Set([81]));
    // The only other rebalances then take %RETRY%CG_ORDER: the consumers start at 40 s, their first rebalance a second later
    // asks a NameServer for its route (findConsumerIdList), and the next, 20 s later, takes its queue.
    const start = Math.min(...sim.scenario.consumers.map((c) => c.startAt));
    expect(new Set(sim.times('rebalance', (e) => e.topic !== 'TopicTest' && e.t > 60_000 && e.t < 90_000).map((t) => Math.floor(t / 1_000)))).toEqual(new Set([(start + REBALANCE_MIN_INTERVAL + REBALANCE_INTERVAL) / 1_000]));
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

  it('Crash vs partition vs shutdown: no broker holds TopicTest from 4:00 to 5:01 (TOPIC_NOT_EXIST at 4:01 and 4:31, the cached route kept), 306 of 342 failed messages then; a duplicate at 3:42.5 where c-1 read an offset c-2 was committing; from 5:02.5 broker-a\'s queues are read again from the offsets it last persisted before its crash, each by its new owner', () => {
    const sim = run('crash-partition-shutdown');
    const pulls = sim.events('route.pulled', (e) => e.client === 'p-1' && e.topic === 'TopicTest' && e.t > 240_000 && e.t < 305_000);
    expect(pulls.map((e) => [Math.floor(e.t / 1_000), e.found])).toEqual([[241, false], [271, false], [301, true]]);
    const failed = sim.events('send.result', (e) => e.status === 'FAILED');
    expect(failed).toHaveLength(342);
    expect(failed.filter((e) => e.t >= 240_000 && e.t < 302_000)).toHaveLength(306);
    const firstConsumed = new Map<string, number>();
    const again: { t: number; broker: string; queue: string; consumer: string; msgId: string }[] = [];
    const consumedOfA: { t: number; queue: string }[] = [];
    for (const e of sim.events('message.consumed')) {
      const queue = `${e.queueId}@${e.queueOffset}`;
      if (firstConsumed.has(e.msgId)) again.push({ t: e.t, broker: e.broker, queue, consumer: e.consumer, msgId: e.msgId });
      else {
        firstConsumed.set(e.msgId, e.t);
        if (e.broker === 'broker-a' && e.t < CRASH_A) consumedOfA.push({ t: e.t, queue });
      }
    }
    // 1:02, broker-a gone from the routes: c-1's periodic rebalance takes broker-b's queues 2 and 3 from c-2 before c-2's
    // rebalance, a millisecond later, let them go and committed their offsets to broker-b; their first pull leaves 500 ms later.
    const stolenAt = sim.first('rebalance', (e) => e.consumer === 'c-1' && e.topic === 'TopicTest' && e.t > CRASH_A)!.t;
    expect(Math.floor(stolenAt / 1_000)).toBe(62);
    const atSteal = again.filter((e) => Math.floor(e.t / 1_000) === 62);
    expect(atSteal.map((e) => [e.consumer, e.broker, e.queue.split('@')[0]]).sort()).toEqual([['c-1', 'broker-b', '2'], ['c-1', 'broker-b', '3']]);
    expect(sim.first('rebalance', (e) => e.consumer === 'c-2' && e.topic === 'TopicTest' && e.t > CRASH_A)!.t).toBeGreaterThan(stolenAt);
    for (const e of atSteal) expect(e.t - stolenAt - DISPATCH_PULL_DELAY).toBeGreaterThanOrEqual(0);
    for (const e of atSteal) expect(e.t - stolenAt - DISPATCH_PULL_DELAY).toBeLessThan(20);
    // 3:42, broker-b gone from the routes: c-1's periodic rebalance takes broker-c's queues 0 and 1 in the millisecond
    // c-2's lets them go and commits their offsets; c-1 asked for queue 1's offset before that commit reached broker-c.
    const between = again.filter((e) => e.t > 100_000 && e.t < 300_000);
    expect(between.map((e) => [e.consumer, e.broker, e.queue.split('@')[0]])).toEqual([['c-1', 'broker-c', '1']]);
    const taken = sim.last('rebalance', (e) => e.consumer === 'c-1' && e.topic === 'TopicTest' && e.t < between[0]!.t)!;
    expect([Math.floor(taken.t / 1_000), taken.queues]).toEqual([222, ['broker-c:0', 'broker-c:1']]);
    expect(sim.last('rebalance', (e) => e.consumer === 'c-2' && e.topic === 'TopicTest' && e.t < between[0]!.t)!.t).toBe(taken.t);
    const before = sim.first('message.consumed', { msgId: between[0]!.msgId })!;
    expect([before.consumer, Math.round(before.t / 100) / 10]).toEqual(['c-2', 221.8]);
    expect(between[0]!.t - taken.t - DISPATCH_PULL_DELAY).toBeLessThan(20);
    // broker-a's four queues back. Both periodic rebalances run at 5:02, twelve periods of rebalanceInterval (20 s) after the
    // one of 1:02, and both consumers' periodic heartbeats reached broker-a just before they asked it for the group's members:
    // each takes its two queues at once.
    const back = sim.events('rebalance', (e) => e.topic === 'TopicTest' && e.t > 300_000 && e.t < 304_000);
    expect(back.map((e) => [e.consumer, Math.floor(e.t / 1_000), e.queues]).sort()).toEqual([
      ['c-1', 302, ['broker-a:0', 'broker-a:1']], ['c-2', 302, ['broker-a:2', 'broker-a:3']],
    ]);
    const periodic = Math.floor(stolenAt / 1_000) * 1_000 + 12 * REBALANCE_INTERVAL;
    for (const consumer of ['c-1', 'c-2']) {
      const registered = sim.first('consumer.registered', (e) => e.consumer === consumer && e.broker === 'broker-a' && e.t > 300_000)!;
      expect(sim.first('client.heartbeat', (e) => e.client === consumer && e.broker === 'broker-a' && e.t === registered.t)!.trigger).toBeUndefined();
      expect(registered.t).toBeLessThan(Math.min(...back.map((e) => e.t)));
    }
    for (const e of back) expect(Math.floor(e.t / 1_000) * 1_000).toBe(periodic);
    // 5:02: broker-a restarted with the offsets it last wrote to consumerOffset.json, 10 s after its start and then every
    // 5 s (flushConsumerOffsetInterval): at 55 s, the crash at 60 s coming first in that millisecond. Every message of its
    // queues consumed from those offsets on is consumed again, by the queue's owner from 5:02.
    const LAST_PERSIST = 55_000;
    const held = new TestSim(libraryJson('crash-partition-shutdown')).at(LAST_PERSIST).sim.state.brokers['broker-a/0']!.consumerOffsetTable['CG_ORDER']!;
    const fromHeld = consumedOfA.filter((e) => Number(e.queue.split('@')[1]) >= held[`TopicTest@${e.queue.split('@')[0]}`]!);
    expect(fromHeld).toHaveLength(12);
    const atRestart = again.filter((e) => e.t > 300_000);
    expect(atRestart.every((e) => e.broker === 'broker-a')).toBe(true);
    expect(atRestart.filter((e) => sim.first('message.stored', { msgId: e.msgId })!.t > 300_000)).toEqual([]);
    const ofQueues = (queues: string[]) => fromHeld.filter((e) => queues.includes(e.queue.split('@')[0]!)).map((e) => e.queue).sort();
    expect(atRestart.filter((e) => e.consumer === 'c-1').map((e) => e.queue).sort()).toEqual(ofQueues(['0', '1']));
    expect(atRestart.filter((e) => e.consumer === 'c-2').map((e) => e.queue).sort()).toEqual(ofQueues(['2', '3']));
    expect(again).toHaveLength(2 + 1 + 12);
    expect(sim.summary().messages).toMatchObject({ duplicates: again.length, duplicateCauses: { rebalance: 3, brokerFault: 12 } });
    // Each duplicate says what brought it back, in the same instant as its consumption.
    expect(sim.events('message.consumedAgain').map((e) => [e.t, e.msgId, e.cause])).toEqual(again.map((e) => [e.t, e.msgId, e.t < 300_000 ? 'rebalance' : 'brokerFault']));
    // Each consumes its queues' held messages again with its first pull, half a second after its rebalance of 5:02.
    for (const e of atRestart) {
      const rebalance = back.find((r) => r.consumer === e.consumer)!;
      expect(e.t - rebalance.t - DISPATCH_PULL_DELAY).toBeGreaterThanOrEqual(0);
      expect(e.t - rebalance.t - DISPATCH_PULL_DELAY).toBeLessThan(20);
    }
    const text = libraryDescription('crash-partition-shutdown')!;
    expect(text.en).toContain('The 15 Duplicates: 2 at 1:02');
    expect(text.en).toContain('1 at 3:42.5');
    expect(text.en).toContain('at 5:02.5 each consumes again the 6 of its two queues');
    expect(text.zh).toContain('15 条重复消费：2 条在 1:02');
    expect(text.zh).toContain('1 条在 3:42.5');
    expect(text.zh).toContain('5:02.5 时各自把自己两个队列上的 6 条再消费一次');
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
    // The brokers expire c-2 at their channel scan (5:40) and notify nobody: c-1 takes over at its periodic rebalance (every 20 s
    // after its last run), by chance only a second later.
    expect(sim.events('consumer.removed', (e) => e.consumer === 'c-2').map((e) => [e.t, e.reason])).toEqual([[340_000, 'expired'], [340_000, 'expired']]);
    expect(alone.t - 340_000).toBeLessThan(20_000);
  });

  it('A consumer joining and leaving: Duplicates 13, each with the first pull half a second after a change: none at the start, 4 at 60 s (c-3 reads broker-b:0 and :1 before c-2 commits them), 3 at 120 s, 2 at 180 s, 4 at 5:40.5 of what c-2 consumed just before it hung', () => {
    const sim = run('consumer-join-leave');
    const seen = new Set<string>();
    const again: number[] = [];
    for (const e of sim.events('message.consumed')) {
      if (seen.has(e.msgId)) again.push(e.t);
      else seen.add(e.msgId);
    }
    // Each change's rebalances come within milliseconds of it (for c-2's expiry at 5:40, c-1's periodic rebalance, 8 ms later); the
    // queues they take are first pulled DISPATCH_PULL_DELAY later, and what the last owner had consumed uncommitted comes again then.
    const at = (change: number) => again.filter((t) => t >= change + DISPATCH_PULL_DELAY && t < change + DISPATCH_PULL_DELAY + 100).length;
    const alone = sim.first('rebalance', (e) => e.topic === 'TopicTest' && e.t > 240_000)!;
    expect(alone.t - 340_000).toBe(8);
    expect(sim.events('consumer.removed', { consumer: 'c-2' }).map((e) => e.t)).toEqual([340_000, 340_000]);
    const text = libraryDescription('consumer-join-leave')!;
    expect(text.en).toContain('here at 5:40.008');
    expect(text.zh).toContain('这里是 5:40.008');
    expect([again.filter((t) => t < 3_000).length, at(60_000), at(120_000), at(180_000), at(alone.t)]).toEqual([0, 4, 3, 2, 4]);
    // At 60 s c-2 rebalances only a second late (the test below): until then broker-b:0 and :1 have two owners, c-3, which took
    // them, and c-2; no message is stored there in between, so nothing more is consumed twice.
    const lateC2 = sim.first('rebalance', (e) => e.consumer === 'c-2' && e.t >= 60_000)!;
    expect(lateC2.queues).toEqual(['broker-a:2', 'broker-a:3']);
    expect(again.filter((t) => t >= 60_000 + DISPATCH_PULL_DELAY + 100 && t < lateC2.t)).toEqual([]);
    expect(sim.events('message.stored', (e) => e.broker === 'broker-b' && e.queueId <= 1 && e.t >= 60_000 + DISPATCH_PULL_DELAY && e.t < lateC2.t)).toEqual([]);
    expect(again).toHaveLength(13);
    expect(sim.summary().messages.duplicates).toBe(13);
    // What brought each back: c-4's arrival and its removal moved queues before their offsets were committed (rebalance); c-3
    // crashed with its last offsets unsent, and c-2 hung with what it had just consumed uncommitted (crash).
    const causes = sim.events('message.consumedAgain').map((e) => [Math.floor(e.t / 1_000), e.consumer, e.cause]);
    expect(causes).toEqual([
      [60, 'c-3', 'rebalance'], [60, 'c-3', 'rebalance'], [60, 'c-3', 'rebalance'], [60, 'c-3', 'rebalance'],
      [120, 'c-2', 'rebalance'], [120, 'c-1', 'rebalance'], [120, 'c-2', 'rebalance'],
      [180, 'c-2', 'crash'], [180, 'c-2', 'crash'],
      [340, 'c-1', 'crash'], [340, 'c-1', 'crash'], [340, 'c-1', 'crash'], [340, 'c-1', 'crash'],
    ]);
    // c-3 read the offsets of broker-b:0 and :1 (60 s) before c-2's commits of them arrived, and c-2 those of the same two
    // queues (120 s) before c-3's, as c-1 that of broker-a:2 before c-2's.
    const readBefore = (taker: string, owner: string, from: number, queues: [number, number][], broker = 'broker-b') => {
      const taken = sim.events('message.consumed', (e) => e.consumer === taker && e.broker === broker && e.t >= from && e.t < from + 1_000);
      const twice = taken.filter((e) => sim.events('message.consumed', { msgId: e.msgId }).length > 1);
      expect(twice.map((e) => [Math.floor(e.t / 1_000), e.queueId])).toEqual(queues);
      for (const e of twice) {
        const committed = sim.first('offset.committed', (c) => c.consumer === owner && c.broker === broker && c.queueId === e.queueId && c.t > e.t - 1_000)!;
        expect(committed.offset).toBeGreaterThan(e.queueOffset);
      }
    };
    readBefore('c-3', 'c-2', 60_000, [[60, 0], [60, 0], [60, 1], [60, 1]]);
    readBefore('c-2', 'c-3', 120_000, [[120, 0], [120, 1]]);
    readBefore('c-1', 'c-2', 120_000, [[120, 2]], 'broker-a');
    expect(libraryDescription('consumer-join-leave')!.en).toContain('3 at 120\u00a0s, when c-2 took the same two queues back from c-3 the same way, and c-1 took broker-a:2 from c-2');
    // Each right after the consumption it explains.
    const trace = sim.trace();
    const unexplained = trace.filter((e, i) => e.type === 'message.consumedAgain' && !matchesConsumption(trace[i - 1], e));
    expect(unexplained).toEqual([]);
  });

  it('A consumer joining and leaving: c-4, which leaves cleanly at 120 s, is unregistered on both brokers whatever the seed (its UNREGISTER_CLIENT goes ahead of its close on each connection), and so is p-1 stopped after it', () => {
    const leave = 120_000;
    const json = libraryJson('consumer-join-leave');
    const timeline = (json.timeline as { at: number }[]).filter((entry) => entry.at <= leave);
    for (let seed = 1; seed <= 10; seed++) {
      const sim = new TestSim({ ...json, seed, durationMs: leave + 2_000, timeline }).at(leave + 1_000);
      sim.act({ action: 'removeProducer', target: 'p-1' }).advance(100);
      const removed = (type: 'consumer.removed' | 'producer.removed', client: string) =>
        sim.events(type, (e) => ('consumer' in e ? e.consumer : e.producer) === client).map((e) => `${e.broker} ${e.reason}`).sort();
      expect(removed('consumer.removed', 'c-4'), `seed ${seed}`).toEqual(['broker-a unregistered', 'broker-b unregistered']);
      expect(removed('producer.removed', 'p-1'), `seed ${seed}`).toEqual(['broker-a unregistered', 'broker-b unregistered']);
    }
  });

  it('A consumer joining: c-3 rebalances within milliseconds of c-4\'s heartbeat, c-1 and c-2 (which asked broker-b before c-4 reached it) a second later (5.x minInterval), c-4 itself a second after it started, so its two queues wait a second without an owner, and their first pull half a second more (5.x dispatch)', () => {
    const sim = run('consumer-join-leave');
    const joined = sim.events('rebalance', (e) => e.topic === 'TopicTest' && e.t >= 60_000 && e.t < 62_000);
    for (const e of joined.filter((e) => e.consumer === 'c-3')) expect(e.t).toBeLessThan(60_100);
    // broker-a's NOTIFY_CONSUMER_IDS_CHANGED wakes c-1 and c-2 a hop after c-4 registered there; their
    // findConsumerIdList reaches broker-b a hop later, before c-4's heartbeat does, and lists three. broker-b's notification then wakes the RebalanceService,
    // which runs no sooner than minInterval after its last run (MQClientInstance.rebalanceImmediately): a second later.
    const [onA, onB] = ['broker-a', 'broker-b'].map((broker) => sim.first('consumer.registered', { consumer: 'c-4', broker })!.t);
    expect(onB! - onA!).toBeGreaterThan(2);
    for (const consumer of ['c-1', 'c-2']) {
      const late = joined.find((e) => e.consumer === consumer)!;
      expect(late.t - onA!).toBeGreaterThanOrEqual(REBALANCE_MIN_INTERVAL);
      expect(late.t - onA!).toBeLessThan(REBALANCE_MIN_INTERVAL + 20);
    }
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
    expect(sim.events('message.consumedAgain', (e) => e.t < 120_000)).toEqual([]);
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
  it('A master down: 10 a second to each group, c-1 idle from 59.8 s to 120.25 s, its pulls refused by the slave, while Lagging grows 3.3 a second to 201 at 2:00, gone by 2:30; back, broker-a lists c-1 alone for a second, but the rebalance c-1\'s heartbeat wakes asks broker-b, which lists both: no duplicates', () => {
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
    // Back at 120 s, broker-a knows c-1 alone once c-1's heartbeat on its new channel (5.x onChannelActive) reached it, until
    // c-2's periodic heartbeat reaches broker-a at 121 s. The rebalance that heartbeat wakes asks a random broker of each topic
    // (findConsumerIdList): here broker-b for both, which lists both, so no queue changes owner.
    const alone = sim.first('consumer.registered', (e) => e.consumer === 'c-1' && e.broker === 'broker-a' && e.t > 120_000)!;
    expect(sim.first('client.heartbeat', (e) => e.client === 'c-1' && e.broker === 'broker-a' && e.t === alone.t)!.trigger).toBe('channelActive');
    const listed = sim.first('consumer.registered', (e) => e.consumer === 'c-2' && e.broker === 'broker-a' && e.t > 120_000)!.t;
    expect(listed - alone.t).toBeGreaterThan(800);
    const asked = (t: number) => {
      const { brokers } = at(t).sim.state;
      return ['broker-a/0', 'broker-b/0'].map((node) => brokers[node]!.requestCounts.GET_CONSUMER_LIST_BY_GROUP ?? 0);
    };
    // The woken rebalance's two queries (TopicTest, %RETRY%CG_ORDER) within milliseconds, and none at broker-a while it lists c-1 alone.
    const [before, woken, untilListed] = [asked(alone.t), asked(alone.t + 10), asked(listed - 1)];
    expect([woken[0]! - before[0]!, woken[1]! - before[1]!]).toEqual([0, 2]);
    expect(untilListed[0]).toBe(before[0]);
    expect(sim.events('rebalance', (e) => e.consumer === 'c-1' && e.t >= 60_000)).toEqual([]);
    expect(sim.events('rebalance', (e) => e.consumer === 'c-2' && e.t >= 60_000)).toEqual([]);
    expect(sim.events('message.consumedAgain')).toEqual([]);
    expect(sim.summary().messages.duplicates).toBe(0);
    const text = libraryDescription('failover-idle-consumer')!;
    expect(text.en).toContain('It asked broker-b for both topics, which lists both consumers, so c-1 keeps its four queues and nothing is consumed twice');
    expect(text.zh).toContain('这次两个主题问的都是 broker-b，那里列出了两个消费者，所以 c-1 保留自己的四个队列，没有消息被消费两次');
    expect(sim.events('pull.rejected', (e) => e.noGroupInfo === true).map((e) => [e.consumer, Math.floor(e.t / 10) / 100])).toEqual([['c-1', 120.18]]);
    const c1 = sim.times('message.consumed', (e) => e.consumer === 'c-1');
    expect(Math.round(Math.max(...c1.filter((t) => t < 120_000)) / 100) / 10).toBe(59.8);
    expect(Math.round(Math.min(...c1.filter((t) => t >= 60_000)) / 10) / 100).toBe(120.25);
    expect(text.en).toContain('so c-1 consumes from 120.25\u00a0s.');
    // The slave, without slaveReadEnable, refuses each of c-1's pulls while the master is away (5.x PullMessageProcessor.rejectRequest).
    const refused = sim.events('pull.rejected', (e) => e.consumer === 'c-1' && e.noGroupInfo !== true);
    expect(refused.length).toBeGreaterThan(50 * 4);
    for (const refusal of refused) expect([refusal.broker, refusal.brokerId, refusal.reason, refusal.t > 60_000 && refusal.t < 120_000]).toEqual(['broker-a', 1, 'SYSTEM_BUSY', true]);
    expect(idleConsumers(at(90_000).sim.state).map(({ consumer, reason }) => [consumer, reason.kind])).toEqual([['c-1', 'masterDown']]);
    const lagging = (ms: number) => at(ms).summary().messages.lagging;
    const [at90, at120] = [lagging(90_000), lagging(120_000)];
    expect(at120).toBe(201);
    expect(Math.round((at120 - at90) / 3)).toBe(33);
    // Once broker-a takes half the sends again, broker-b gets 10 a second and c-2 consumes 16.7: the backlog goes in about 30 s.
    expect(lagging(148_000)).toBeGreaterThan(10);
    expect(lagging(150_000)).toBeLessThanOrEqual(5);
    expect(text.en).toContain('c-2\'s backlog is gone by about 2:30');
  });

  it('Cluster mode: 37 messages fail before 20 s without a send attempt; broker-a and broker-b create 8 / 8 / 6 at 20 s, not broker-c; p-1 sends from 20 s, the consumers see it at their first rebalance at about 21 s, before their 31 s route pull, heartbeat both brokers then, and take its queues at about 22 s', () => {
    const sim = run('create-topic-cluster');
    const failed = sim.events('send.result', { status: 'FAILED' });
    expect(failed).toHaveLength(37);
    expect(failed.every((e) => e.t >= 1_500 && e.t < 20_000)).toBe(true);
    expect(sim.events('message.sent', (e) => e.t < 20_000)).toEqual([]);
    const created = sim.events('topic.updated', { topic: 'TopicOrder' }).map(({ t, broker, writeQueueNums, readQueueNums, perm }) => [t, broker, writeQueueNums, readQueueNums, perm]);
    expect(created).toEqual([[20_000, 'broker-a', 8, 8, 6], [20_000, 'broker-b', 8, 8, 6]]);
    expect(sim.broker('broker-c').topicConfigTable.TopicOrder).toBeUndefined();
    expect(Math.floor(sim.first('message.sent')!.t / 1_000)).toBe(20);
    // The route p-1 asked for with that message came after both registrations: both brokers' 8 write queues, sent to in turn.
    const routed = sim.first('route.updated', { client: 'p-1', topic: 'TopicOrder' })!;
    expect([Math.floor(routed.t / 1_000), routed.nameServer, routed.writeQueues.length]).toEqual([20, 'ns-2', 16]);
    expect(sim.events('message.sent', (e) => e.t < 22_000).map((e) => e.broker)).toEqual(['broker-b', 'broker-b', 'broker-a', 'broker-a']);
    expect(libraryDescription('create-topic-cluster')!.en).toContain('the answer, after both brokers\' registrations, lists both, and p-1 sends from 20\u00a0s to their 16 write queues in turn;');
    // RebalanceService: its first run waitInterval (20 s) after the consumers start at 1 s. Their start woke none: it knew
    // no broker to heartbeat, and 5.x wakes the rebalance only once the start's heartbeat went out (DefaultMQPushConsumerImpl.start).
    // findConsumerIdList knows no broker of TopicOrder and asks a NameServer for its route
    // (MQClientInstance.updateTopicRouteInfoFromNameServer): the run of 21 s finds it, ahead of the 30 s route pull of 31 s.
    for (const spec of sim.scenario.consumers) {
      const seen = sim.first('route.updated', { client: spec.id, topic: 'TopicOrder' })!;
      expect(Math.floor(seen.t / 1_000)).toBe((spec.startAt + REBALANCE_INTERVAL) / 1_000);
      expect(sim.events('route.pulled', (e) => e.client === spec.id && e.topic === 'TopicOrder' && e.t < seen.t).map((e) => [Math.floor(e.t / 1_000), e.found])).toEqual([
        [spec.startAt / 1_000, false],
      ]);
      expect(sim.events('client.heartbeat', (e) => e.client === spec.id && e.t < seen.t)).toEqual([]);
      // 5.x rebalanceByTopic: findConsumerIdList waited for the route, and the queues having been read as none,
      // messageQueueChanged heartbeats at once every broker the route lists; each broker's NOTIFY_CONSUMER_IDS_CHANGED
      // wakes the RebalanceService, which runs minInterval after the run of 21 s: the queues come at 22 s, not at the
      // next 30 s heartbeat (32 s).
      expect(sim.events('client.heartbeat', (e) => e.client === spec.id && e.t >= seen.t && e.t < seen.t + 100).map((e) => e.broker).sort()).toEqual(['broker-a', 'broker-b']);
      expect(Math.floor(sim.first('rebalance', { consumer: spec.id, topic: 'TopicOrder' })!.t / 1_000)).toBe((spec.startAt + REBALANCE_MIN_INTERVAL + REBALANCE_INTERVAL) / 1_000);
    }
    expect(libraryDescription('create-topic-cluster')!.en).toContain('the consumers take its queues at their next rebalance a second later (minInterval), at about 22\u00a0s.');
    expect(libraryDescription('create-topic-cluster')!.zh).toContain('消费者在一秒后（minInterval）的下一次负载均衡中分到队列，约在 22\u00a0秒。');
  });

  it('Broker mode: only broker-b creates TopicOrder with 4 / 4; p-1 writes only there; from about 22 s c-1 and c-2 own two queues each, after their first rebalance, at 21 s, fetched the route and heartbeated broker-b', () => {
    const sim = run('create-topic-broker');
    expect(sim.events('topic.updated', { topic: 'TopicOrder' }).map((e) => [e.broker, e.writeQueueNums, e.readQueueNums])).toEqual([['broker-b', 4, 4]]);
    expect(new Set(sim.events('message.sent').map((e) => e.broker))).toEqual(new Set(['broker-b']));
    const owned = new Map(sim.events('rebalance', { topic: 'TopicOrder' }).map((e) => [e.consumer, e]));
    for (const consumer of ['c-1', 'c-2']) {
      const routed = sim.first('route.updated', { client: consumer, topic: 'TopicOrder' })!.t;
      expect(Math.floor(routed / 1_000)).toBe(21);
      expect(sim.events('client.heartbeat', (e) => e.client === consumer && e.t >= routed && e.t < routed + 100).map((e) => e.broker)).toEqual(['broker-b']);
      expect(owned.get(consumer)!.queues).toHaveLength(2);
      expect(Math.floor(owned.get(consumer)!.t / 1_000)).toBe(22);
    }
    expect(libraryDescription('create-topic-broker')!.en).toContain('from about 22\u00a0s c-1 and c-2 share them, two each (their first rebalance, at 21\u00a0s, fetched the route');
    expect(libraryDescription('create-topic-broker')!.zh).toContain('从约 22\u00a0秒起 c-1 和 c-2 各分到其中两个（21\u00a0秒的第一次负载均衡中');
    for (const other of ['broker-a', 'broker-c']) expect(sim.broker(other).topicConfigTable.TopicOrder).toBeUndefined();
  });

  it('A poison message: Poison at 4 s and 8 s, in %RETRY%CG at 14 s and 18 s (Lagging 2) until 21 s, tries at 21 s, 51 s, 1:51 ... 2:45:51, the DLQ at 4:45:51', () => {
    const entry = findLibraryEntry('retries-dlq')!;
    const at = (ms: number) => new TestSim(entry.scenario as ScenarioJson).at(ms);
    const sim = run('retries-dlq');
    const sent = sim.events('message.sent');
    expect(sent.map((e) => [e.t / 1_000, e.tags])).toEqual([[1, 'TagA'], [2, 'TagA'], [3, 'TagA'], [4, 'Poison'], [5, 'TagA'], [6, 'TagA'], [7, 'TagA'], [8, 'Poison']]);
    const poison = sent.filter((e) => e.tags === 'Poison').map((e) => e.msgId);
    expect(poison.map((msgId) => Math.floor(sim.first('message.stored', { msgId, topic: '%RETRY%CG' })!.t / 1_000))).toEqual([14, 18]);
    expect(at(10_000).summary().messages).toMatchObject({ stored: 8, consumed: 6, delayed: 2, lagging: 0 });
    expect(at(20_000).summary().messages).toMatchObject({ stored: 8, consumed: 6, delayed: 0, lagging: 2 });
    // RebalanceService (5.x): the first rebalance a second after c-1 starts (minInterval 1 s); its
    // findConsumerIdList knows no broker of %RETRY%CG and asks a NameServer for its route
    // (MQClientInstance.updateTopicRouteInfoFromNameServer), read by the next rebalance, 20 s later (waitInterval).
    const firstRebalance = sim.first('rebalance', { consumer: 'c-1', topic: 'TopicTest' })!;
    expect(Math.floor(firstRebalance.t / 1_000)).toBe(REBALANCE_MIN_INTERVAL / 1_000);
    expect(Math.floor(sim.first('route.updated', { client: 'c-1', topic: '%RETRY%CG' })!.t / 1_000)).toBe(REBALANCE_MIN_INTERVAL / 1_000);
    const retryRebalance = sim.first('rebalance', { consumer: 'c-1', topic: '%RETRY%CG' })!;
    // Both traced a GET_CONSUMER_LIST_BY_GROUP round trip after their timers, each with its own jitter.
    expect(Math.abs(retryRebalance.t - firstRebalance.t - REBALANCE_INTERVAL)).toBeLessThan(5);
    expect(Math.floor(retryRebalance.t / 1_000)).toBe((REBALANCE_MIN_INTERVAL + REBALANCE_INTERVAL) / 1_000);
    // [h, min, s] of each failure of the first Poison message, from its first try on: the first
    // retry at 21 s, when c-1 takes the retry queue, then each after the next delay level (5 to 18:
    // 30s 1m 2m ... 10m 20m 30m 1h 2h; messageDelayLevel).
    const clock = (t: number) => [Math.floor(t / 3_600_000), Math.floor(t / 60_000) % 60, Math.floor(t / 1_000) % 60];
    const delaysS = [30, 60, 120, 180, 240, 300, 360, 420, 480, 540, 600, 1_200, 1_800, 3_600, 7_200];
    const triesS = delaysS.reduce((tries, d) => [...tries, tries.at(-1)! + d], [21]);
    const failures = sim.events('consume.failed', { msgId: poison[0]! });
    expect(failures.map((e) => clock(e.t))).toEqual([[0, 0, 4], ...triesS.map((s) => clock(s * 1_000))]);
    expect(failures.map((e) => clock(e.t)).slice(1, 6)).toEqual([[0, 0, 21], [0, 0, 51], [0, 1, 51], [0, 3, 51], [0, 6, 51]]);
    expect(failures.at(-1)).toMatchObject({ reconsumeTimes: 16, next: 'dlq' });
    expect(clock(sim.first('message.stored', { msgId: poison[0]!, topic: '%DLQ%CG' })!.t)).toEqual([4, 45, 51]);
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
