/**
 * What a client derives from a TopicRouteData: the producer's write queues
 * (MQClientInstance.topicRouteData2TopicPublishInfo) and the consumer's read queues
 * (topicRouteData2TopicSubscribeInfo).
 */
import { MASTER_ID } from '../defaults.ts';
import { javaStringCompare } from '../java.ts';
import { isReadable, isWriteable } from '../perm.ts';
import type { BrokerData, QueueData, TopicRouteData } from '../state.ts';
import type { MessageQueue } from './message-queue.ts';

/**
 * Writable QueueData sorted by brokerName; a broker with no BrokerData or no master (id 0) is
 * skipped; queue ids 0 .. writeQueueNums-1 each.
 */
export function topicRouteData2PublishQueues(topic: string, route: TopicRouteData): MessageQueue[] {
  const queues: MessageQueue[] = [];
  for (const queueData of [...route.queueDatas].sort(byName)) {
    if (!isWriteable(queueData.perm)) continue;
    const brokerData = route.brokerDatas.find((data) => data.brokerName === queueData.brokerName);
    if (!brokerData || brokerData.brokerAddrs[MASTER_ID] === undefined) continue;
    for (let queueId = 0; queueId < queueData.writeQueueNums; queueId++) queues.push({ topic, brokerName: queueData.brokerName, queueId });
  }
  return queues;
}

/** Every readable QueueData, queue ids 0 .. readQueueNums-1 each; no master needed. */
export function topicRouteData2SubscribeQueues(topic: string, route: TopicRouteData): MessageQueue[] {
  const queues: MessageQueue[] = [];
  for (const queueData of route.queueDatas) {
    if (!isReadable(queueData.perm)) continue;
    for (let queueId = 0; queueId < queueData.readQueueNums; queueId++) queues.push({ topic, brokerName: queueData.brokerName, queueId });
  }
  return queues;
}

/** A route as used from TBW102 for a topic that has none yet: min(defaultTopicQueueNums, TBW102's) queues. */
export function routeFromDefaultTopic(route: TopicRouteData, defaultTopicQueueNums: number): TopicRouteData {
  return {
    brokerDatas: route.brokerDatas,
    queueDatas: route.queueDatas.map((queueData) => {
      const queueNums = Math.min(defaultTopicQueueNums, queueData.readQueueNums);
      return { ...queueData, readQueueNums: queueNums, writeQueueNums: queueNums };
    }),
  };
}

/**
 * topicRouteDataChanged: TopicRouteData.equals on sorted clones, field by field (QueueData and
 * BrokerData equals). A client compares every route answer with its cached route; answers
 * come in the NameServer's order, so the lists are sorted only when they differ in it.
 */
export function sameRoute(a: TopicRouteData, b: TopicRouteData): boolean {
  return sameByBrokerName(a.queueDatas, b.queueDatas, sameQueueData) && sameByBrokerName(a.brokerDatas, b.brokerDatas, sameBrokerData);
}

function sameByBrokerName<T extends { brokerName: string }>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a.length !== b.length) return false;
  if (sameInOrder(a, b, same)) return true;
  return sameInOrder([...a].sort(byName), [...b].sort(byName), same);
}

function sameInOrder<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  for (let i = 0; i < a.length; i++) if (!same(a[i]!, b[i]!)) return false;
  return true;
}

function byName(a: { brokerName: string }, b: { brokerName: string }): number {
  return javaStringCompare(a.brokerName, b.brokerName);
}

function sameQueueData(a: QueueData, b: QueueData): boolean {
  return a.brokerName === b.brokerName && a.readQueueNums === b.readQueueNums && a.writeQueueNums === b.writeQueueNums && a.perm === b.perm;
}

function sameBrokerData(a: BrokerData, b: BrokerData): boolean {
  if (a.cluster !== b.cluster || a.brokerName !== b.brokerName) return false;
  const ids = Object.keys(a.brokerAddrs);
  if (ids.length !== Object.keys(b.brokerAddrs).length) return false;
  for (const id of ids) if (a.brokerAddrs[Number(id)] !== b.brokerAddrs[Number(id)]) return false;
  return true;
}

export function queueLabel(mq: MessageQueue): string {
  return `${mq.brokerName}:${mq.queueId}`;
}

/** The address a client uses for a broker name: the master's, else (for reads) the lowest id's. Asked for every send and pull. */
export function findBrokerAddr(addrs: Record<number, string> | undefined, masterOnly: boolean): string | null {
  if (!addrs) return null;
  const master = addrs[MASTER_ID];
  if (master !== undefined) return master;
  if (masterOnly) return null;
  const ids = Object.keys(addrs).map(Number).sort((a, b) => a - b);
  const first = ids[0];
  return first === undefined ? null : addrs[first]!;
}
