/**
 * The failover scenarios of the library do what their descriptions say: each number is checked
 * against a run, and against RocketMQ's flush rules (MessageStoreConfig: flushCommitLogLeastPages
 * 4 pages of 4 KB, flushCommitLogThoroughInterval 10 s).
 */
import { describe, expect, it } from 'vitest';
import { libraryDescription } from '../../src/scenario/library/descriptions.ts';
import { findLibraryEntry } from '../../src/scenario/library/index.ts';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

const THOROUGH_INTERVAL = 10_000;
const LEAST_PAGES_BYTES = 4 * 4_096;
/**
 * RocketMQ 5.x sends a queue's first pull 500 ms after the rebalance that takes it: RebalanceImpl.updateProcessQueueTableInRebalance
 * calls dispatchPullRequest(pullRequestList, 500) (4.9.8 pulls at once).
 */
const DISPATCH_PULL_DELAY = 500;

function run(id: string): TestSim {
  const entry = findLibraryEntry(id);
  if (!entry) throw new Error(`no library entry ${id}`);
  const sim = new TestSim(entry.scenario as ScenarioJson);
  return sim.at(sim.scenario.durationMs);
}

describe('Power loss: ASYNC_FLUSH vs SYNC_FLUSH', () => {
  const sim = run('power-loss-flush');
  const lost = sim.events('message.lost');

  it('2 messages a second of about 380 bytes need 22 s to fill 4 pages, so broker-a flushes only every 10 s', () => {
    const stored = sim.events('message.stored', (e) => e.broker === 'broker-a' && e.topic === 'TopicTest' && e.t < 60_000);
    const bytesPerMessage = (stored.at(-1)!.commitLogOffset - stored[0]!.commitLogOffset) / (stored.length - 1);
    expect(Math.round(bytesPerMessage / 10) * 10).toBe(380);
    expect(Math.round(LEAST_PAGES_BYTES / (2 * bytesPerMessage))).toBe(22);
  });

  it('broker-a loses the 19 messages stored after its last flush at about 51 s, offsets 25 to 29, each acknowledged SEND_OK, 13 consumed only because c-1 had pulled them already; broker-b none', () => {
    expect(lost).toHaveLength(19);
    expect(new Set(lost.map((e) => e.broker))).toEqual(new Set(['broker-a']));
    expect(new Set(lost.map((e) => e.reason))).toEqual(new Set(['notFlushedNotReplicated']));
    expect(Math.min(...lost.map((e) => e.queueOffset))).toBe(25);
    expect(Math.max(...lost.map((e) => e.queueOffset))).toBe(29);
    const storedAt = lost.map((e) => sim.first('message.stored', { msgId: e.msgId })!.t);
    // Every one after the last thorough flush, which came less than 10 s before the power loss, at about 51 s.
    expect(Math.floor(Math.min(...storedAt) / 1_000)).toBe(51);
    expect(Math.min(...storedAt)).toBeGreaterThan(60_000 - THOROUGH_INTERVAL);
    for (const e of lost) expect(sim.first('send.result', { msgId: e.msgId })!.status).toBe('SEND_OK');
    // Those consumed were in c-1's ProcessQueue before the power loss: no pull reached broker-a after it.
    const pulledBefore = sim.events('message.consumed', (e) => lost.some((l) => l.msgId === e.msgId));
    expect(pulledBefore).toHaveLength(13);
    expect(sim.broker('broker-a').commitLog.toArray().filter((m) => lost.some((l) => l.msgId === m.msgId))).toEqual([]);
    expect(sim.summary().messages).toMatchObject({ lost: 19, lostCauses: { notFlushedNotReplicated: 19 } });
  });

  it('at 92 s three pulls get PULL_OFFSET_MOVED, and c-1\'s rebalance takes their queues back and heartbeats both brokers', () => {
    const refused = sim.events('pull.rejected', (e) => e.t >= 92_000 && e.t < 93_000);
    expect(refused.map((e) => `${e.broker} ${e.reason}`)).toEqual(['broker-a PULL_OFFSET_MOVED', 'broker-a PULL_OFFSET_MOVED', 'broker-a PULL_OFFSET_MOVED']);
    const rebalance = sim.first('rebalance', (e) => e.consumer === 'c-1' && e.topic === 'TopicTest' && e.t >= 92_000)!;
    expect(rebalance.t).toBeGreaterThan(refused.at(-1)!.t);
    expect(rebalance.queues).toHaveLength(8);
    const beats = sim.events('client.heartbeat', (e) => e.client === 'c-1' && e.trigger === 'rebalance' && e.t >= rebalance.t && e.t < 93_000);
    expect(new Set(beats.map((e) => e.broker))).toEqual(new Set(['broker-a', 'broker-b']));
    expect(libraryDescription('power-loss-flush')!.en).toContain('its rebalance takes the three queues back at once and heartbeats both brokers');
    expect(libraryDescription('power-loss-flush')!.zh).toContain('它的负载均衡随即拿回这三个队列，并向两个 Broker 发送心跳');
  });

  it('the summary counts the lost messages c-1 consumed all the same: none at the power loss, 13 from its ProcessQueue, the last at 94.3 s', () => {
    const lostIds = new Set(lost.map((e) => e.msgId));
    const consumedLost = sim.events('message.consumed', (e) => lostIds.has(e.msgId));
    expect(Math.min(...consumedLost.map((e) => e.t))).toBeGreaterThan(60_000);
    const scenario = findLibraryEntry('power-loss-flush')!.scenario as ScenarioJson;
    expect(new TestSim(scenario).at(61_000).summary().messages).toMatchObject({ lost: 19, lostConsumed: 0 });
    const whenAll = Math.max(...consumedLost.map((e) => e.t));
    expect(Math.round(whenAll / 100) / 10).toBe(94.3);
    expect(new TestSim(scenario).at(whenAll - 1).summary().messages.lostConsumed).toBe(12);
    expect(sim.summary().messages.lostConsumed).toBe(13);
  });

  it('back at 90 s, broker-a answers c-1\'s pulls past the ends of its shortened queues with PULL_OFFSET_MOVED: c-1 drops each such ProcessQueue with the lost messages it had not consumed, and goes on from the queue\'s end; where new messages had filled the lost offsets first, the pull is answered from there: either way, what was stored since the restart below c-1\'s offset is never consumed', () => {
    const moved = sim.events('pull.rejected', { reason: 'PULL_OFFSET_MOVED' });
    expect(moved.map((e) => [e.broker, e.queueId]).sort()).toEqual([['broker-a', 0], ['broker-a', 1], ['broker-a', 2]]);
    for (const e of moved) expect(e.t).toBeGreaterThan(90_000);
    const lostIds = new Set(lost.map((e) => e.msgId));
    // A dropped ProcessQueue's messages are not consumed (ConsumeRequest.run): none of its lost ones starts after its
    // PULL_OFFSET_MOVED (c-1's one thread takes consumeTimeMs, 400 ms, a message: the one it had begun finishes).
    for (const { queueId, t } of moved) expect(sim.events('message.consumed', (e) => lostIds.has(e.msgId) && e.queueId === queueId && e.t - 400 > t)).toEqual([]);
    const consumedIds = new Set(sim.events('message.consumed').map((e) => e.msgId));
    // Within the first 10 s after the restart: what is left unconsumed later is c-1's backlog (one thread, 400 ms a message, 4 arrive a second).
    const skipped = sim.events('message.stored', (e) => e.t > 90_000 && e.broker === 'broker-a' && e.topic === 'TopicTest' && !consumedIds.has(e.msgId) && e.t < 100_000);
    expect(skipped).toHaveLength(12);
    // nextOffsetCorrection: the queue's end when the pull came, past the messages stored there since the restart.
    for (const { queueId, t } of moved) {
      const next = sim.first('message.consumed', (e) => e.t > t && e.broker === 'broker-a' && e.queueId === queueId && !lostIds.has(e.msgId))!;
      expect(next.queueOffset).toBe(25 + skipped.filter((e) => e.queueId === queueId).length);
    }
    // Queue 3: four new messages filled offsets 25-28 before c-1 asked for 29, so its pull was in range, and they are skipped too.
    expect(skipped.filter((e) => e.queueId === 3).map((e) => e.queueOffset)).toEqual([25, 26, 27, 28]);
    expect(sim.first('message.consumed', (e) => e.t > 92_000 && e.broker === 'broker-a' && e.queueId === 3 && !lostIds.has(e.msgId))!.queueOffset).toBe(29);
  });

  it('at 90 s broker-a\'s ConsumeQueues end at offset 25 again and the next messages take the lost offsets', () => {
    const restarted = new TestSim(findLibraryEntry('power-loss-flush')!.scenario as ScenarioJson).at(90_000);
    for (const queue of restarted.broker('broker-a').consumeQueues['TopicTest']!) expect(queue.length).toBe(25);
    const reused = sim.events('message.stored', (e) => e.t > 90_000 && e.broker === 'broker-a' && e.queueOffset === 25);
    expect(reused.length).toBeGreaterThan(0);
  });

  it('a machine without power closes no connection: ns-1 removes neither broker; the first send to each times out after 3 s and closes its channel (clientCloseSocketIfTimeout), the sends waiting on it fail with it, and every later send fails with the connect it started or waited for (connectTimeoutMillis, 3 s)', () => {
    // RouteInfoManager would expire them 120 s after their last registration (at 40 s): they are back and registered at 90 s.
    expect(sim.events('broker.removed')).toEqual([]);
    expect(sim.summary().detections.filter((d) => d.party === 'ns-1')).toEqual([]);
    const failed = sim.events('send.failed');
    const sentAt = (e: { msgId: string; attempt: number }) => sim.first('message.sent', { msgId: e.msgId, attempt: e.attempt })!.t;
    const timeouts = failed.filter((e) => e.reason === 'timeout' && e.t < 90_000);
    expect(timeouts.map((e) => [e.broker, e.attempt, e.t - sentAt(e)])).toEqual([['broker-a', 1, 3_000], ['broker-b', 1, 3_000]]);
    const closedAt = Object.fromEntries(timeouts.map((e) => [e.broker, e.t]));
    expect(closedAt).toEqual({ 'broker-a': 63_000, 'broker-b': 63_250 });
    for (const e of failed.filter((x) => x.reason === 'channelClosed')) expect(e.t).toBe(closedAt[e.broker]);
    for (const broker of ['broker-a', 'broker-b']) {
      const connects = failed.filter((e) => e.reason === 'connectTimeout' && e.broker === broker);
      // One connect at a time: the next starts with the first send after the last one failed, 3 s before it fails.
      const ends = [...new Set(connects.map((e) => e.t))];
      for (let i = 1; i < ends.length; i++) expect(ends[i]! - ends[i - 1]!).toBeGreaterThanOrEqual(3_000);
      for (const e of connects) {
        expect(ends.find((end) => end > sentAt(e))).toBe(e.t);
        expect(e.t - sentAt(e)).toBeLessThanOrEqual(3_000);
      }
    }
    // The connect started at 89.25 s sends its SYN again at 90.25 s, to a broker back up: the sends that waited for it go out
    // then, and those with no time left fail at once (invokeSync: the time left is not above 0).
    for (const e of failed.filter((x) => x.reason === 'timeout' && x.t >= 90_000)) {
      expect(e.t).toBe(90_250);
      expect(e.t - sim.first('message.sent', { msgId: e.msgId, attempt: 1 })!.t).toBeGreaterThanOrEqual(3_000);
    }
    expect(sim.summary().messages.failedAttemptReasons).toEqual({ timeout: 6, channelClosed: 15, connectTimeout: 224 });
    // 4 messages a second for 30 s; DefaultMQProducer.sendMsgTimeout (3000 ms) is the budget of all attempts together, and
    // both brokers are down: none is stored until they are back.
    expect(sim.summary().messages).toMatchObject({ failed: 110, failedCauses: { attemptsFailed: 110 } });
    expect(sim.events('message.stored', (e) => e.t > 60_000 && e.t < 90_000)).toEqual([]);
    expect(sim.events('message.stored', (e) => e.t > 90_000 && e.t < 91_000).length).toBeGreaterThan(0);
  });
});

describe('One group, two subscriptions', () => {
  const sim = run('inconsistent-subscriptions');
  const tagsOf = new Map(sim.events('message.sent').map((e) => [e.msgId, e.tags]));
  const table = () => sim.broker('broker-a').consumerTable['CG_ORDER']!;

  it('c-1\'s first rebalance at about 2 s moves its version past c-2\'s start, and c-2\'s start heartbeat changes nothing', () => {
    const firstRebalance = sim.first('rebalance', { consumer: 'c-1', topic: 'TopicTest' })!;
    const registered = sim.first('consumer.registered', { consumer: 'c-2' })!;
    expect([Math.floor(firstRebalance.t / 1_000), firstRebalance.queues.length]).toEqual([2, 4]);
    // RebalancePushImpl.messageQueueChanged: c-1's heartbeat follows within milliseconds, before c-2's first one.
    const beat = sim.first('client.heartbeat', (e) => e.client === 'c-1' && e.trigger === 'rebalance')!;
    expect(beat.t).toBeLessThan(registered.t);
    // c-1's first pulls, DISPATCH_PULL_DELAY after that rebalance, were filtered with TagA: it consumed the early TagA messages.
    const early = sim.events('message.consumed', (e) => e.consumer === 'c-1' && e.t < firstRebalance.t + DISPATCH_PULL_DELAY + 100);
    expect(early.length).toBeGreaterThan(0);
    expect(new Set(early.map((e) => tagsOf.get(e.msgId)))).toEqual(new Set(['TagA']));
  });

  it('at 3 s c-1 keeps queues 0 and 1 a millisecond before c-2 takes 2 and 3: c-2 changed last, so TagB is in the table for good', () => {
    const atThree = sim.events('rebalance', (e) => e.topic === 'TopicTest' && e.t > 2_500 && e.t < 4_000);
    expect(atThree.map((e) => [e.consumer, e.queues])).toEqual([['c-1', ['broker-a:0', 'broker-a:1']], ['c-2', ['broker-a:2', 'broker-a:3']]]);
    expect(atThree[1]!.t - atThree[0]!.t).toBe(1);
    expect(table().subscriptions['TopicTest']).toBe('TagB');
    expect(table().subVersions['TopicTest']).toBe(atThree[1]!.t);
  });

  it('logs six message.filtered more than it counts: at 5 s c-1\'s pull parked on queue 2 with TagA passes over TagB messages c-2 had consumed', () => {
    const consumedAt = new Map(sim.events('message.consumed').map((e) => [e.msgId, e]));
    const ofConsumed = sim.events('message.filtered', (e) => consumedAt.has(e.msgId));
    expect(sim.events('message.filtered')).toHaveLength(895);
    expect(ofConsumed).toHaveLength(6);
    for (const e of ofConsumed) {
      expect([e.t, e.queueId, e.tags, e.by, consumedAt.get(e.msgId)!.consumer]).toEqual([5_000, 2, 'TagB', 'broker', 'c-2']);
      expect(consumedAt.get(e.msgId)!.t).toBeLessThan(e.t);
    }
    // c-1 owned queue 2 from its first rebalance to 3 s: the pull it parked there carried TagA (PullRequest keeps its SubscriptionData).
    const ownedQueue2 = sim.events('rebalance', (e) => e.consumer === 'c-1' && e.topic === 'TopicTest').map((e) => e.queues.includes('broker-a:2'));
    expect(ownedQueue2.slice(0, 2)).toEqual([true, false]);
    expect(libraryDescription('inconsistent-subscriptions')!.en).toContain('(895 there: at 5\u00a0s the pull c-1 had parked on queue 2 with TagA before 3\u00a0s also passes over 6 TagB messages that c-2 had consumed by then)');
    expect(libraryDescription('inconsistent-subscriptions')!.zh).toContain('（日志里共 895 个：c-1 在 3\u00a0秒前以 TagA 挂在队列 2 上的拉取，在 5\u00a0秒时又跳过了 6 条 c-2 此前已消费的 TagB 消息）');
  });

  it('of 1 199 stored the group consumes 310, 16 TagA on c-1 by 3.3 s and 294 TagB on c-2\'s queue 2, and passes over 889: TagA skipped by the broker, TagB dropped by c-1', () => {
    const { stored, consumed, filteredOut } = sim.summary().messages;
    expect({ stored, consumed, filteredOut }).toEqual({ stored: 1_199, consumed: 310, filteredOut: 889 });
    const onC1 = sim.events('message.consumed', { consumer: 'c-1' });
    expect(onC1).toHaveLength(16);
    expect(new Set(onC1.map((e) => tagsOf.get(e.msgId)))).toEqual(new Set(['TagA']));
    expect(Math.round(Math.max(...onC1.map((e) => e.t)) / 100) / 10).toBe(3.3);
    const onC2 = sim.events('message.consumed', { consumer: 'c-2' });
    expect(onC2.map((e) => `${e.queueId} ${tagsOf.get(e.msgId)}`)).toEqual(Array(294).fill('2 TagB'));
    // After the switch's pulls parked before it have come back (5 s): TagA skipped at the broker, TagB dropped by c-1's own filter.
    const filtered = sim.events('message.filtered', (e) => e.t > 5_000);
    expect(new Set(filtered.filter((e) => e.by === 'broker').map((e) => e.tags))).toEqual(new Set(['TagA']));
    expect(new Set(filtered.filter((e) => e.by === 'client').map((e) => `${e.queueId} ${e.tags}`))).toEqual(new Set(['0 TagB']));
    const consumedIds = new Set(sim.events('message.consumed').map((e) => e.msgId));
    expect(sim.events('message.filtered', (e) => !consumedIds.has(e.msgId))).toHaveLength(889);
    for (const text of [libraryDescription('inconsistent-subscriptions')!.en, libraryDescription('inconsistent-subscriptions')!.zh]) {
      expect(text).toContain('1 199');
      expect(text).toContain('310');
      expect(text).toContain('889');
    }
  });
});

