/**
 * Queue selection: TopicPublishInfo.selectOneMessageQueue and MQFaultStrategy with its latency
 * tables (client/.../latency/MQFaultStrategy.java, LatencyFaultToleranceImpl.java).
 */
import { LATENCY_TABLES } from '../defaults.ts';
import { deepFreeze, type Rng } from '../../engine/index.ts';
import type { FaultItem, TopicPublishInfo } from '../state.ts';
import type { MessageQueue } from './message-queue.ts';
import type { RocketMQVersion } from '../vocabulary.ts';

/** ThreadLocalIndex.incrementAndGet: ++index & 0x7FFFFFFF. */
function nextIndex(info: TopicPublishInfo): number {
  info.sendWhichQueue = (info.sendWhichQueue + 1) & 0x7fffffff;
  return info.sendWhichQueue;
}

/** A new TopicPublishInfo starts its index at a random int (ThreadLocalIndex). */
export function createPublishInfo(messageQueueList: MessageQueue[], rng: Rng, fromDefaultTopic: boolean): TopicPublishInfo {
  return { messageQueueList: deepFreeze(messageQueueList), sendWhichQueue: rng.nextUint32() & 0x7fffffff, fromDefaultTopic };
}

/** Without fault tolerance: the next queue; on a retry, the next one on another broker if any. */
export function selectOneMessageQueue(info: TopicPublishInfo, lastBrokerName: string | null): MessageQueue | undefined {
  const list = info.messageQueueList;
  if (list.length === 0) return undefined;
  if (lastBrokerName === null) return list[nextIndex(info) % list.length];
  for (let i = 0; i < list.length; i++) {
    const mq = list[nextIndex(info) % list.length]!;
    if (mq.brokerName !== lastBrokerName) return mq;
  }
  return list[nextIndex(info) % list.length];
}

function isAvailable(faults: Record<string, FaultItem>, brokerName: string, now: number): boolean {
  const item = faults[brokerName];
  return item === undefined || now >= item.startTimestamp;
}

/**
 * sendLatencyFaultEnable: prefer a broker that is not isolated (and, in 5.x, not the one that
 * just failed); fall back to the plain rotation.
 */
export function selectWithFaultTolerance(faults: Record<string, FaultItem>, info: TopicPublishInfo, lastBrokerName: string | null, now: number, version: RocketMQVersion): MessageQueue | undefined {
  const list = info.messageQueueList;
  for (let i = 0; i < list.length; i++) {
    const mq = list[nextIndex(info) % list.length]!;
    const notLast = version === '4.x' || mq.brokerName !== lastBrokerName;
    if (notLast && isAvailable(faults, mq.brokerName, now)) return mq;
  }
  return selectOneMessageQueue(info, lastBrokerName);
}

/**
 * updateFaultItem: isolate a broker for the duration its latency (or failure) falls into. As
 * LatencyFaultToleranceImpl.updateFaultItem, a broker's FaultItem is made once and then updated:
 * with sendLatencyFaultEnable every send's response updates one, and makes no new object.
 */
export function updateFaultItem(faults: Record<string, FaultItem>, brokerName: string, latencyMs: number, isolation: boolean, now: number, version: RocketMQVersion): void {
  const table = LATENCY_TABLES[version];
  const latency = isolation ? table.isolationLatency : latencyMs;
  const startTimestamp = now + computeNotAvailableDuration(latency, version);
  const item = faults[brokerName];
  if (item === undefined) {
    faults[brokerName] = { brokerName, currentLatency: latency, startTimestamp };
    return;
  }
  item.currentLatency = latency;
  item.startTimestamp = startTimestamp;
}

/** MQFaultStrategy.computeNotAvailableDuration: the duration of the largest latencyMax the latency reaches. */
export function computeNotAvailableDuration(latencyMs: number, version: RocketMQVersion): number {
  const table = LATENCY_TABLES[version];
  for (let i = table.latencyMax.length - 1; i >= 0; i--) {
    if (latencyMs >= table.latencyMax[i]!) return table.notAvailableDuration[i]!;
  }
  return 0;
}
