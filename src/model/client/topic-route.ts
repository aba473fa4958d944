/**
 * What a client derives from a TopicRouteData: the producer's write queues
 * (MQClientInstance.topicRouteData2TopicPublishInfo) and the consumer's read queues
 * (topicRouteData2TopicSubscribeInfo).
 */
import { MASTER_ID } from '../defaults.ts';
import { javaStringCompare } from '../java.ts';
import { isReadable, isWriteable } from '../perm.ts';
import type { QueueData, TopicRouteData } from '../state.ts';
import type { MessageQueue } from './allocate-strategies.ts';

function byBrokerName(a: QueueData, b: QueueData): number {
  return javaStringCompare(a.brokerName, b.brokerName);
}

/**
 * Writable QueueData sorted by brokerName; a broker with no BrokerData or no master (id 0) is
 * skipped; queue ids 0 .. writeQueueNums-1 each.
 */
export function topicRouteData2PublishQueues(topic: string, route: TopicRouteData): MessageQueue[] {
  const queues: MessageQueue[] = [];
  for (const queueData of [...route.queueDatas].sort(byBrokerName)) {
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

/** topicRouteDataChanged: compares routes after sorting, as TopicRouteData.equals on sorted clones. */
export function routeSignature(route: TopicRouteData): string {
  const queueDatas = [...route.queueDatas].sort(byBrokerName);
  const brokerDatas = [...route.brokerDatas].sort((a, b) => javaStringCompare(a.brokerName, b.brokerName));
  return JSON.stringify([queueDatas, brokerDatas]);
}

/**
 * routeSignature of a client's cached route, which is deep-frozen (and shared by checkpoints):
 * every route answer is compared with it, so its signature is worked out once (a pure memo).
 */
export function cachedRouteSignature(route: TopicRouteData): string {
  let signature = cachedSignatures.get(route);
  if (signature === undefined) cachedSignatures.set(route, (signature = routeSignature(route)));
  return signature;
}

const cachedSignatures = new WeakMap<TopicRouteData, string>();

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
