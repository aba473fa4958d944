import { dict } from '../../../src/engine/index.ts';
import type { MessageQueue } from '../../../src/model/client/message-queue.ts';
import {
  computeNotAvailableDuration,
  selectOneMessageQueue,
  selectWithFaultTolerance,
  updateFaultItem,
} from '../../../src/model/client/fault-strategy.ts';
import type { FaultItem, TopicPublishInfo } from '../../../src/model/state.ts';

const queues = (...brokers: [string, number][]): MessageQueue[] =>
  brokers.flatMap(([brokerName, count]) => Array.from({ length: count }, (_, queueId) => ({ topic: 'T', brokerName, queueId })));

const publishInfo = (list: MessageQueue[], sendWhichQueue: number): TopicPublishInfo => ({ messageQueueList: list, sendWhichQueue, fromDefaultTopic: false });

const label = (mq: MessageQueue | undefined) => (mq === undefined ? 'none' : `${mq.brokerName}:${mq.queueId}`);

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
    const faults = dict<FaultItem>();
    updateFaultItem(faults, 'broker-a', 0, true, 1_000, '4.x');
    updateFaultItem(faults, 'broker-b', 0, true, 1_000, '5.x');
    expect(faults['broker-a']).toEqual({ brokerName: 'broker-a', currentLatency: 30_000, startTimestamp: 601_000 });
    expect(faults['broker-b']).toEqual({ brokerName: 'broker-b', currentLatency: 10_000, startTimestamp: 11_000 });
  });

  it('updates the broker\'s one FaultItem on later answers: a fast answer makes it available again', () => {
    const faults = dict<FaultItem>();
    updateFaultItem(faults, 'broker-a', 700, false, 5_000, '4.x');
    const item = faults['broker-a'];
    expect(item?.startTimestamp).toBe(35_000);
    updateFaultItem(faults, 'broker-a', 20, false, 6_000, '4.x');
    expect(faults['broker-a']).toBe(item);
    expect(item).toEqual({ brokerName: 'broker-a', currentLatency: 20, startTimestamp: 6_000 });
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
    const faults = dict<FaultItem>();
    updateFaultItem(faults, 'a', 0, true, 0, '4.x');
    const info = publishInfo(queues(['a', 2], ['b', 1]), 0);
    expect(label(selectWithFaultTolerance(faults, info, null, 1_000, '4.x'))).toBe('b:0');
    expect(label(selectWithFaultTolerance(faults, info, null, 600_000, '4.x'))).toBe('a:0');
  });

  it('5.x also avoids the broker of the last attempt; 4.x does not', () => {
    const faults = dict<FaultItem>();
    expect(label(selectWithFaultTolerance(faults, publishInfo(queues(['a', 2], ['b', 1]), 0), 'a', 0, '5.x'))).toBe('b:0');
    expect(label(selectWithFaultTolerance(faults, publishInfo(queues(['a', 2], ['b', 1]), 0), 'a', 0, '4.x'))).toBe('a:1');
  });

  it('falls back to the plain rotation when every broker is isolated', () => {
    const faults = dict<FaultItem>();
    updateFaultItem(faults, 'a', 0, true, 0, '5.x');
    updateFaultItem(faults, 'b', 0, true, 0, '5.x');
    const info = publishInfo(queues(['a', 1], ['b', 1]), 0);
    expect(label(selectWithFaultTolerance(faults, info, null, 5_000, '5.x'))).toBe('b:0');
  });
});
