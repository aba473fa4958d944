import { dict, Rng } from '../../../src/engine/index.ts';
import type { MessageQueue } from '../../../src/model/client/message-queue.ts';
import { computeNotAvailableDuration } from '../../../src/model/defaults.ts';
import {
  selectOneMessageQueue,
  selectWithFaultTolerance,
  updateFaultItem,
  type FaultSelection,
  type FaultUpdate,
} from '../../../src/model/client/fault-strategy.ts';
import type { FaultItem, LatencyFaultTolerance, TopicPublishInfo } from '../../../src/model/state.ts';
import type { RocketMQVersion } from '../../../src/model/vocabulary.ts';

const queues = (...brokers: [string, number][]): MessageQueue[] =>
  brokers.flatMap(([brokerName, count]) => Array.from({ length: count }, (_, queueId) => ({ topic: 'T', brokerName, queueId })));

const publishInfo = (list: MessageQueue[], sendWhichQueue: number): TopicPublishInfo => ({ messageQueueList: list, sendWhichQueue, fromDefaultTopic: false });

const label = (mq: MessageQueue | undefined) => (mq === undefined ? 'none' : `${mq.brokerName}:${mq.queueId}`);

const tolerance = (): LatencyFaultTolerance => ({ faultItemTable: dict<FaultItem>(), whichItemWorst: null });

/** A failure (no answer): isolated as if its latency were isolationLatency. */
const FAILED: FaultUpdate = { latencyMs: 0, isolation: true, reachable: true };
/** A SYNC send that timed out: isolated the same, after 3 s of waiting. */
const TIMED_OUT: FaultUpdate = { latencyMs: 3_000, isolation: true, reachable: true };
const answered = (latencyMs: number): FaultUpdate => ({ latencyMs, isolation: false, reachable: true });

const select = (faults: LatencyFaultTolerance, info: TopicPublishInfo, version: RocketMQVersion, now: number, more: Partial<FaultSelection> = {}) =>
  selectWithFaultTolerance(info, { tolerance: faults, lastBrokerName: null, resetIndex: false, now, version, rng: new Rng(1), ...more });

describe('MQFaultStrategy.computeNotAvailableDuration', () => {
  // 4.x ... 5.1.3: latencyMax {50, 100, 550, 1000, 2000, 3000, 15000},
  // notAvailableDuration {0, 0, 30000, 60000, 120000, 180000, 600000}.
  it('4.x: the duration of the largest latencyMax reached', () => {
    expect([0, 49, 100, 549, 550, 999, 1_000, 2_000, 3_000, 14_999, 15_000, 30_000].map((ms) => computeNotAvailableDuration(ms, '4.x')))
      .toEqual([0, 0, 0, 0, 30_000, 30_000, 60_000, 120_000, 180_000, 180_000, 600_000, 600_000]);
  });

  // 5.1.4 ... HEAD: latencyMax {50, 100, 550, 1800, 3000, 5000, 15000},
  // notAvailableDuration {0, 0, 2000, 5000, 6000, 10000, 30000}.
  it('5.x: the shorter table of 5.1.4 and later', () => {
    expect([49, 550, 1_799, 1_800, 3_000, 5_000, 10_000, 15_000].map((ms) => computeNotAvailableDuration(ms, '5.x')))
      .toEqual([0, 2_000, 2_000, 5_000, 6_000, 10_000, 10_000, 30_000]);
  });
});

describe('MQFaultStrategy.updateFaultItem (LatencyFaultToleranceImpl)', () => {
  it('isolates a failed broker for 10 minutes in 4.x (pseudo-latency 30000) and 10 s in 5.x (10000)', () => {
    const faults = tolerance();
    updateFaultItem(faults, 'broker-a', FAILED, 1_000, '4.x');
    updateFaultItem(faults, 'broker-b', FAILED, 1_000, '5.x');
    // The item keeps the latency seen (LatencyFaultToleranceImpl.updateFaultItem's currentLatency), not the isolation's.
    expect(faults.faultItemTable['broker-a']).toEqual({ brokerName: 'broker-a', currentLatency: 0, startTimestamp: 601_000, reachable: true });
    expect(faults.faultItemTable['broker-b']).toEqual({ brokerName: 'broker-b', currentLatency: 0, startTimestamp: 11_000, reachable: true });
  });

  it('4.x: a later answer sets the isolation anew, so a fast one makes the broker available at once', () => {
    const faults = tolerance();
    updateFaultItem(faults, 'broker-a', answered(700), 5_000, '4.x');
    const item = faults.faultItemTable['broker-a'];
    expect(item?.startTimestamp).toBe(35_000);
    updateFaultItem(faults, 'broker-a', answered(20), 6_000, '4.x');
    expect(faults.faultItemTable['broker-a']).toBe(item);
    expect(item).toMatchObject({ currentLatency: 20, startTimestamp: 6_000 });
  });

  // FaultItem.updateNotAvailableDuration (5.1.4 and later): only `now + duration > startTimestamp` moves it.
  it('5.x: an isolation only ever ends later; a fast or shorter answer leaves it', () => {
    const faults = tolerance();
    updateFaultItem(faults, 'broker-a', answered(3_002), 35_002, '5.x');
    expect(faults.faultItemTable['broker-a']?.startTimestamp).toBe(41_002);
    updateFaultItem(faults, 'broker-a', answered(2_100), 35_004, '5.x');
    updateFaultItem(faults, 'broker-a', answered(3), 36_000, '5.x');
    expect(faults.faultItemTable['broker-a']).toMatchObject({ currentLatency: 3, startTimestamp: 41_002 });
    updateFaultItem(faults, 'broker-a', FAILED, 40_000, '5.x');
    expect(faults.faultItemTable['broker-a']?.startTimestamp).toBe(50_000);
  });

  it('5.x: an error answer to a SYNC send marks the broker unreachable until an answer says otherwise', () => {
    const faults = tolerance();
    updateFaultItem(faults, 'broker-a', { latencyMs: 2, isolation: true, reachable: false }, 1_000, '5.x');
    expect(faults.faultItemTable['broker-a']).toMatchObject({ reachable: false, startTimestamp: 11_000 });
    updateFaultItem(faults, 'broker-a', answered(2), 12_000, '5.x');
    expect(faults.faultItemTable['broker-a']?.reachable).toBe(true);
  });
});

describe('TopicPublishInfo.selectOneMessageQueue', () => {
  it('takes the queue after the index (++index & 0x7FFFFFFF, modulo the list)', () => {
    const info = publishInfo(queues(['a', 2], ['b', 2]), 0x7fffffff);
    expect([1, 2, 3, 4, 5].map(() => label(selectOneMessageQueue(info, null)))).toEqual(['a:0', 'a:1', 'b:0', 'b:1', 'a:0']);
  });

  it('on a retry skips the queues of the broker the last attempt went to', () => {
    const info = publishInfo(queues(['a', 2], ['b', 1]), -1 >>> 1);
    expect(label(selectOneMessageQueue(info, 'a'))).toBe('b:0');
    expect(info.sendWhichQueue).toBe(2);
  });

  it('with a single broker, takes one more index unconditionally', () => {
    const info = publishInfo(queues(['a', 2]), 0);
    expect(label(selectOneMessageQueue(info, 'a'))).toBe('a:1');
    expect(info.sendWhichQueue).toBe(3);
  });
});

describe('selectWithFaultTolerance (sendLatencyFaultEnable)', () => {
  it('passes over queues of a broker that is isolated until later', () => {
    const faults = tolerance();
    updateFaultItem(faults, 'a', FAILED, 0, '4.x');
    const info = publishInfo(queues(['a', 2], ['b', 1]), 0);
    expect(label(select(faults, info, '4.x', 1_000))).toBe('b:0');
    expect([1, 2].map(() => label(select(faults, info, '4.x', 600_000)))).toEqual(['b:0', 'a:0']);
  });

  it('5.x also avoids the broker of the last attempt; 4.x does not', () => {
    const faults = tolerance();
    expect(label(select(faults, publishInfo(queues(['a', 2], ['b', 1]), 0), '5.x', 0, { lastBrokerName: 'a' }))).toBe('b:0');
    expect(label(select(faults, publishInfo(queues(['a', 2], ['b', 1]), 0), '4.x', 0, { lastBrokerName: 'a' }))).toBe('a:1');
  });

  // MQFaultStrategy.selectOneMessageQueue 4.9.8: sendWhichQueue moves once, then a local index++ walks on.
  it('4.x: while a broker is isolated, the queue after its run takes its turns too (3:1 over a0, a1)', () => {
    const faults = tolerance();
    updateFaultItem(faults, 'b', FAILED, 0, '4.x');
    const info = publishInfo(queues(['a', 2], ['b', 2]), 0x7fffffff);
    const picks = Array.from({ length: 8 }, () => label(select(faults, info, '4.x', 1_000)));
    expect(picks).toEqual(['a:0', 'a:1', 'a:0', 'a:0', 'a:0', 'a:1', 'a:0', 'a:0']);
  });

  it('5.x: each candidate moves the index, so the remaining queues share the sends evenly', () => {
    const faults = tolerance();
    updateFaultItem(faults, 'b', FAILED, 0, '5.x');
    const info = publishInfo(queues(['a', 2], ['b', 2]), 0x7fffffff);
    const picks = Array.from({ length: 4 }, () => label(select(faults, info, '5.x', 1_000)));
    expect(picks).toEqual(['a:0', 'a:1', 'a:0', 'a:1']);
  });

  it('5.x: with every broker isolated, a reachable one not just tried, then the plain rotation, the last broker included', () => {
    const faults = tolerance();
    updateFaultItem(faults, 'a', FAILED, 0, '5.x');
    updateFaultItem(faults, 'b', { latencyMs: 2, isolation: true, reachable: false }, 0, '5.x');
    expect(label(select(faults, publishInfo(queues(['a', 1], ['b', 1]), 0), '5.x', 5_000))).toBe('a:0');
    // Neither pass finds one (a was just tried, b is unreachable): the next queue, on a.
    expect(label(select(faults, publishInfo(queues(['a', 1], ['b', 1]), 1), '5.x', 5_000, { lastBrokerName: 'a' }))).toBe('a:0');
  });

  it('5.x: a SYNC retry moves the index to a random place first (resetIndex)', () => {
    const info = publishInfo(queues(['a', 4], ['b', 4]), 0);
    const rng = new Rng(7);
    const expected = new Rng(7).nextInt(0x7fffffff);
    select(tolerance(), info, '5.x', 0, { resetIndex: true, rng });
    expect(info.sendWhichQueue).toBe((expected + 1) & 0x7fffffff);
  });

  // LatencyFaultToleranceImpl.pickOneAtLeast 4.9.8: sorted, then of the better half one in turn.
  it('4.x: with every broker isolated, the least bad one (pickOneAtLeast) with a queue id of its own', () => {
    const faults = tolerance();
    updateFaultItem(faults, 'a', TIMED_OUT, 0, '4.x');
    updateFaultItem(faults, 'b', answered(700), 0, '4.x');
    const info = publishInfo(queues(['a', 2], ['b', 4]), 0);
    const mq = select(faults, info, '4.x', 1_000);
    // b's latency (700) is below a's (3000); the rotation moved once for the walk, once for
    // selectOneMessageQueue(), and once more for the queue id: 3 % 4.
    expect(label(mq)).toBe('b:3');
    expect(faults.whichItemWorst).not.toBeNull();
  });

  it('4.x: pickOneAtLeast\'s broker with no queue of the topic is forgotten, and the plain rotation used', () => {
    const faults = tolerance();
    updateFaultItem(faults, 'c', answered(700), 0, '4.x');
    updateFaultItem(faults, 'a', TIMED_OUT, 0, '4.x');
    const info = publishInfo(queues(['a', 2]), 0);
    expect(label(select(faults, info, '4.x', 1_000))).toBe('a:0');
    expect(Object.keys(faults.faultItemTable)).toEqual(['a']);
  });
});
