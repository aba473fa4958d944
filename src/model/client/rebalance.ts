/**
 * RebalanceImpl / RebalanceService: every 20 s, and at once when a broker says the group
 * changed, each consumer recomputes which queues it owns (rebalanceByTopic).
 */
import type { RemotingResponse } from '../remoting-types.ts';
import { invoke } from '../remoting.ts';
import type { Sim } from '../sim-types.ts';
import type { ConsumerState, ModelState, PendingRequest } from '../state.ts';
import { createAllocateStrategy } from './allocate-strategies.ts';
import { compareMessageQueue, type MessageQueue } from './message-queue.ts';
import { sendHeartbeatToAllBroker } from './heartbeat.ts';
import { isLive, queryRoute, topicsOf } from './mq-client-instance.ts';
import { findBrokerAddr, queueLabel } from './topic-route.ts';
import { queueKey, updateProcessQueueTableInRebalance } from './process-queue.ts';
import { javaStringCompare } from '../java.ts';

/** MQClientInstance.rebalanceImmediately: wake the RebalanceService, no sooner than minInterval (5.x). */
export function rebalanceImmediately(state: ModelState, consumer: ConsumerState, sim: Sim): void {
  if (consumer.rebalanceScheduled) return;
  consumer.rebalanceScheduled = true;
  const wait = Math.max(0, consumer.lastRebalanceAt + state.config.rebalanceMinIntervalMs - sim.now);
  sim.after(wait, { kind: 'consumer.rebalance', client: consumer.id, epoch: consumer.epoch, periodic: false });
}

/**
 * RebalanceService.run, 5.2 and later: a rebalance that could not start a queue it was given (the
 * queue's start offset could not be read, so computePullFromWhere answered -1) is not balanced
 * (rebalanceByTopic compares the allocation with the working queues), and the service runs again
 * minInterval after it instead of waitInterval. 4.x and 5.0-5.1 wait for the next period.
 */
export function rebalanceWhenUnbalanced(state: ModelState, consumer: ConsumerState, sim: Sim): void {
  const wait = state.config.rebalanceMinIntervalMs;
  if (state.config.rocketmqVersion !== '5.x' || wait <= 0 || consumer.rebalanceScheduled) return;
  consumer.rebalanceScheduled = true;
  sim.after(wait, { kind: 'consumer.rebalance', client: consumer.id, epoch: consumer.epoch, periodic: false });
}

export function onRebalanceTimer(state: ModelState, event: { client: string; epoch: number; periodic: boolean }, sim: Sim): void {
  const consumer = state.clients[event.client];
  if (!isLive(consumer, event.epoch) || consumer.kind !== 'consumer') return;
  if (event.periodic) {
    // RebalanceService waits waitInterval after every run, a woken one included
    // (waitForRunning, then doRebalance): an immediate rebalance pushes the next periodic one back.
    const due = consumer.lastRebalanceAt + state.config.rebalanceIntervalMs;
    const next = { kind: 'consumer.rebalance', client: consumer.id, epoch: consumer.epoch, periodic: true } as const;
    if (sim.now < due) return sim.schedule(due, next);
    sim.after(state.config.rebalanceIntervalMs, next);
  } else consumer.rebalanceScheduled = false;
  consumer.lastRebalanceAt = sim.now;
  consumer.rebalanced = true;
  for (const topic of topicsOf(consumer, state.config.rocketmqVersion)) rebalanceByTopic(state, consumer, topic, sim);
}

function rebalanceByTopic(state: ModelState, consumer: ConsumerState, topic: string, sim: Sim): void {
  // The queues are read before findConsumerIdList: a route it fetches serves the next rebalance.
  const mqSet = consumer.topicSubscribeInfoTable[topic];
  if (consumer.spec.messageModel === 'BROADCASTING') {
    if (mqSet) applyAllocation(state, consumer, topic, [...mqSet].sort(compareMessageQueue), sim);
    else topicNotExist(state, consumer, topic, sim);
    return;
  }
  // findConsumerIdList: GET_CONSUMER_LIST_BY_GROUP to a random broker of the topic, master preferred.
  const node = brokerNodeOfTopic(state, consumer, topic, sim);
  const notExist = !mqSet && topic !== consumer.retryTopic;
  if (node === undefined) {
    // MQClientInstance.findConsumerIdList: no broker of the topic known (a topic created after the
    // consumer started, a %RETRY% topic the group's first heartbeat created), it asks a NameServer
    // for the route (updateTopicRouteInfoFromNameServer) and waits for it: the "topic not exist"
    // messageQueueChanged comes after, so its heartbeat reaches the brokers the route names
    // (consumerRouteListener). The GET_CONSUMER_LIST_BY_GROUP RocketMQ then sends is not: its
    // answer goes unused, the queues having been read as none.
    const asked = queryRoute(state, consumer, topic, sim, { topicNotExist: notExist || undefined });
    if (notExist && !asked) topicNotExist(state, consumer, topic, sim);
    return;
  }
  if (notExist) topicNotExist(state, consumer, topic, sim);
  if (!mqSet) return;
  invoke(sim, consumer.id, node, { code: 'GET_CONSUMER_LIST_BY_GROUP', group: consumer.spec.group, topic }, state.config.mqClientApiTimeoutMs);
}

/** MQClientInstance.findBrokerAddrByTopic: a random broker of the topic's route, its master if listed, else a slave. */
function brokerNodeOfTopic(state: ModelState, consumer: ConsumerState, topic: string, sim: Sim): string | undefined {
  const route = consumer.topicRouteTable[topic];
  if (!route || route.brokerDatas.length === 0) return undefined;
  const brokerData = route.brokerDatas[sim.rng.nextInt(route.brokerDatas.length)]!;
  const addr = findBrokerAddr(brokerData.brokerAddrs, false);
  return addr !== null ? state.addrNodes[addr] : undefined;
}

export function onConsumerListResponse(state: ModelState, pending: PendingRequest, response: RemotingResponse, sim: Sim): void {
  const consumer = state.clients[pending.from];
  if (consumer?.kind !== 'consumer' || consumer.status !== 'running' || pending.request.code !== 'GET_CONSUMER_LIST_BY_GROUP') return;
  const topic = pending.request.topic;
  const mqSet = consumer.topicSubscribeInfoTable[topic];
  const cidAll = [...(response.consumerIds ?? [])].sort(javaStringCompare);
  if (!mqSet || mqSet.length === 0 || cidAll.length === 0) return;
  const mqAll = [...mqSet].sort(compareMessageQueue);
  const strategy = createAllocateStrategy(consumer.spec.allocateStrategy, {
    messageQueueList: parseQueueList(consumer.spec.topic, consumer.spec.messageQueueList),
    consumeridcs: consumer.spec.consumeridcs,
  });
  const allocated = strategy.allocate(consumer.spec.group, consumer.clientId, mqAll, cidAll);
  applyAllocation(state, consumer, topic, allocated, sim);
}

/**
 * AllocateMessageQueueByConfig's messageQueueList: MessageQueue objects of the consumer's own topic,
 * handed back unchanged for every topic it rebalances. For the group's %RETRY% topic they are
 * another topic's queues: updateProcessQueueTableInRebalance drops that topic's queues and adds
 * only queues not in processQueueTable, where the main topic's rebalance (the first here) put
 * them, so a CONFIG consumer never consumes its retries.
 */
function parseQueueList(topic: string, labels: string[]): MessageQueue[] {
  return labels.map((label) => {
    const at = label.lastIndexOf(':');
    return { topic, brokerName: label.slice(0, at), queueId: Number(label.slice(at + 1)) };
  });
}

function applyAllocation(state: ModelState, consumer: ConsumerState, topic: string, allocated: MessageQueue[], sim: Sim): void {
  const changed = updateProcessQueueTableInRebalance(state, consumer, topic, allocated, sim);
  if (changed) {
    sim.emit({ t: sim.now, type: 'rebalance', consumer: consumer.id, group: consumer.spec.group, topic, queues: allocated.map(queueLabel) });
    messageQueueChanged(state, consumer, topic, sim);
  }
  if (!balanced(consumer, topic, allocated)) rebalanceWhenUnbalanced(state, consumer, sim);
}

/**
 * rebalanceByTopic's `balanced` (5.2 and later): the allocation equals the topic's working queues
 * (getWorkingMessageQueue: its ProcessQueues not dropped). A queue whose start is still being asked
 * for counts as working (RocketMQ's computePullFromWhere answers before the check; one that fails
 * reruns the rebalance in notStarted). Never true for a CONFIG list on the %RETRY% topic.
 */
function balanced(consumer: ConsumerState, topic: string, allocated: MessageQueue[]): boolean {
  const wanted = new Set(allocated.map(queueKey));
  let working = 0;
  for (const key in consumer.processQueueTable) {
    const pq = consumer.processQueueTable[key]!;
    if (pq.mq.topic !== topic || pq.dropped) continue;
    if (!wanted.has(key)) return false;
    working++;
  }
  return working === wanted.size;
}

/** 5.x's rebalanceByTopic: a subscribed topic with no queues known ("the topic not exist") counts as changed at every run; 4.9.8 only logs it. */
export function topicNotExist(state: ModelState, consumer: ConsumerState, topic: string, sim: Sim): void {
  if (state.config.rocketmqVersion === '5.x') messageQueueChanged(state, consumer, topic, sim);
}

/**
 * RebalancePushImpl.messageQueueChanged ("When rebalance result changed, should update
 * subscription's version to notify broker"): the topic's subVersion becomes now and the client
 * heartbeats every broker at once (5.x sendHeartbeatToAllBrokerWithLockV2, 4.9.8
 * sendHeartbeatToAllBrokerWithLock). ConsumerGroupInfo.updateSubscription takes the newer version,
 * so a group whose members subscribe differently filters with the tags of the member whose queues
 * changed last, and the winner can change at every join, leave or route change.
 */
function messageQueueChanged(state: ModelState, consumer: ConsumerState, topic: string, sim: Sim): void {
  consumer.subVersions[topic] = sim.now;
  sendHeartbeatToAllBroker(state, consumer, sim, 'rebalance');
}
