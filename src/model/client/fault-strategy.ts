/**
 * Queue selection: TopicPublishInfo.selectOneMessageQueue and MQFaultStrategy with its latency
 * tables (client/.../latency/MQFaultStrategy.java, LatencyFaultToleranceImpl.java), as 4.9.8 and
 * 5.3 each run them.
 */
import { computeNotAvailableDuration, LATENCY_TABLES } from '../defaults.ts';
import { deepFreeze, type Rng } from '../../engine/index.ts';
import type { FaultItem, LatencyFaultTolerance, TopicPublishInfo } from '../state.ts';
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

/** TopicPublishInfo.selectOneMessageQueue(): the next queue. */
function nextQueue(info: TopicPublishInfo): MessageQueue {
  const list = info.messageQueueList;
  return list[nextIndex(info) % list.length]!;
}

/** TopicPublishInfo.selectOneMessageQueue(filters): the first of the next `size` queues that passes, if any. */
function firstPassing(info: TopicPublishInfo, passes: (mq: MessageQueue) => boolean): MessageQueue | undefined {
  for (let i = 0; i < info.messageQueueList.length; i++) {
    const mq = nextQueue(info);
    if (passes(mq)) return mq;
  }
  return undefined;
}

/** Without fault tolerance: the next queue; on a retry, the next one on another broker if any. */
export function selectOneMessageQueue(info: TopicPublishInfo, lastBrokerName: string | null): MessageQueue | undefined {
  if (info.messageQueueList.length === 0) return undefined;
  if (lastBrokerName === null) return nextQueue(info);
  return firstPassing(info, (mq) => mq.brokerName !== lastBrokerName) ?? nextQueue(info);
}

function isAvailable(tolerance: LatencyFaultTolerance, brokerName: string, now: number): boolean {
  const item = tolerance.faultItemTable[brokerName];
  return item === undefined || now >= item.startTimestamp;
}

function isReachable(tolerance: LatencyFaultTolerance, brokerName: string): boolean {
  return tolerance.faultItemTable[brokerName]?.reachable ?? true;
}

/** What a selection with sendLatencyFaultEnable needs besides the route. */
export interface FaultSelection {
  tolerance: LatencyFaultTolerance;
  lastBrokerName: string | null;
  /** A SYNC retry: 5.x starts the index afresh (sendDefaultImpl's resetIndex). */
  resetIndex: boolean;
  now: number;
  version: RocketMQVersion;
  rng: Rng;
}

/** MQFaultStrategy.selectOneMessageQueue with sendLatencyFaultEnable, as each generation runs it. */
export function selectWithFaultTolerance(info: TopicPublishInfo, selection: FaultSelection): MessageQueue | undefined {
  if (info.messageQueueList.length === 0) return undefined;
  return selection.version === '4.x' ? select4x(info, selection) : select5x(info, selection);
}

/**
 * 5.3: a queue whose broker is available and not the one just tried, else one whose broker is
 * reachable and not the one just tried, else the next queue. A SYNC retry first moves the index
 * to a random place (ThreadLocalIndex.reset: Math.abs(random.nextInt(Integer.MAX_VALUE))).
 */
function select5x(info: TopicPublishInfo, { tolerance, lastBrokerName, resetIndex, now, rng }: FaultSelection): MessageQueue {
  if (resetIndex) info.sendWhichQueue = rng.nextInt(0x7fffffff);
  const notLast = (mq: MessageQueue): boolean => mq.brokerName !== lastBrokerName;
  return firstPassing(info, (mq) => isAvailable(tolerance, mq.brokerName, now) && notLast(mq))
    ?? firstPassing(info, (mq) => isReachable(tolerance, mq.brokerName) && notLast(mq))
    ?? nextQueue(info);
}

/**
 * 4.9.8: the index moves once, then the walk goes on from it (index++), so the queue after an
 * isolated broker's run of queues is chosen once for each of them; the broker just tried is not
 * avoided. With every broker isolated: pickOneAtLeast's broker, with a queue id of its own.
 */
function select4x(info: TopicPublishInfo, { tolerance, now, rng }: FaultSelection): MessageQueue {
  const list = info.messageQueueList;
  const index = nextIndex(info);
  for (let i = 0; i < list.length; i++) {
    // Math.abs(index++) % size on a Java int: past Integer.MAX_VALUE it wraps negative (pos < 0 -> 0).
    const pos = Math.max(0, Math.abs((index + i) | 0) % list.length);
    const mq = list[pos]!;
    if (isAvailable(tolerance, mq.brokerName, now)) return mq;
  }
  const notBestBroker = pickOneAtLeast(tolerance, now, rng);
  const writeQueueNums = notBestBroker === undefined ? 0 : list.filter((mq) => mq.brokerName === notBestBroker).length;
  if (notBestBroker === undefined || writeQueueNums === 0) {
    if (notBestBroker !== undefined) delete tolerance.faultItemTable[notBestBroker];
    return nextQueue(info);
  }
  const mq = nextQueue(info);
  return { topic: mq.topic, brokerName: notBestBroker, queueId: nextIndex(info) % writeQueueNums };
}

/**
 * LatencyFaultToleranceImpl.pickOneAtLeast (4.9.8): the fault items sorted (available first, then
 * by latency, then by the end of their isolation), and of the better half one in turn
 * (whichItemWorst, a ThreadLocalIndex that starts at a random int).
 */
function pickOneAtLeast(tolerance: LatencyFaultTolerance, now: number, rng: Rng): string | undefined {
  const items = Object.values(tolerance.faultItemTable).sort((a, b) => compareFaultItems(a, b, now));
  if (items.length === 0) return undefined;
  const half = Math.floor(items.length / 2);
  if (half <= 0) return items[0]!.brokerName;
  tolerance.whichItemWorst = ((tolerance.whichItemWorst ?? rng.nextUint32()) + 1) | 0;
  return items[(tolerance.whichItemWorst & 0x7fffffff) % half]!.brokerName;
}

/** FaultItem.compareTo (4.9.8). */
function compareFaultItems(a: FaultItem, b: FaultItem, now: number): number {
  const available = Number(now < a.startTimestamp) - Number(now < b.startTimestamp);
  return available || a.currentLatency - b.currentLatency || a.startTimestamp - b.startTimestamp;
}

/** What an answer (or its absence) tells the fault strategy of a broker. */
export interface FaultUpdate {
  latencyMs: number;
  /** A failure: isolate for as long as the table's isolationLatency would. */
  isolation: boolean;
  /** 5.x: false after an error answer to a SYNC send, until an answer says otherwise. */
  reachable: boolean;
}

/**
 * MQFaultStrategy.updateFaultItem: isolate a broker for the duration its latency (or failure)
 * falls into. 4.9.8 sets the isolation's end from now, so a fast answer lifts it at once; 5.3
 * (FaultItem.updateNotAvailableDuration, from 5.1.4) only ever moves it later. As
 * LatencyFaultToleranceImpl.updateFaultItem, a broker's FaultItem is made once and then updated.
 */
export function updateFaultItem(tolerance: LatencyFaultTolerance, brokerName: string, update: FaultUpdate, now: number, version: RocketMQVersion): void {
  // The isolation's length comes from the table's isolationLatency; the item keeps the latency seen.
  const duration = computeNotAvailableDuration(update.isolation ? LATENCY_TABLES[version].isolationLatency : update.latencyMs, version);
  const item = tolerance.faultItemTable[brokerName] ??= { brokerName, currentLatency: update.latencyMs, startTimestamp: 0, reachable: true };
  item.currentLatency = update.latencyMs;
  item.reachable = update.reachable;
  if (version === '4.x') item.startTimestamp = now + duration;
  else if (duration > 0 && now + duration > item.startTimestamp) item.startTimestamp = now + duration;
}
