/**
 * DefaultMQPushConsumer's life: start (routes, then heartbeat, then rebalance), heartbeats to
 * every broker it knows (heartbeat.ts), offsets persisted every 5 s, graceful shutdown, crash and hang.
 */
import { deepFreeze, dict, dictFrom } from '../../engine/index.ts';
import type { Sim } from '../sim-types.ts';
import type { ConsumerState, ModelState } from '../state.ts';
import { scheduleHeartbeat, sendHeartbeatToAllBroker, unregisterClient } from './heartbeat.ts';
import { isLive, startClientInstance, topicsOf, type RouteFailure, type RouteListener } from './mq-client-instance.ts';
import { persistOffset } from './process-queue.ts';
import { rebalanceImmediately, topicNotExist } from './rebalance.ts';
import { topicRouteData2SubscribeQueues } from './topic-route.ts';

export function startConsumer(state: ModelState, consumer: ConsumerState, sim: Sim): void {
  startClientInstance(state, consumer, sim);
  consumer.started = false;
  // Its subscriptions are built as it starts (subscribe, copySubscription); each topic's version
  // moves on at every rebalance that changes its queues (rebalance.ts messageQueueChanged).
  consumer.subVersions = dictFrom(topicsOf(consumer, state.config.rocketmqVersion).map((topic) => [topic, sim.now]));
  // new RebalanceService(...) in the MQClientInstance constructor: its clock starts now.
  consumer.lastRebalanceAt = sim.now;
  consumer.rebalanced = false;
  consumer.processQueueTable = dict();
  consumer.offsetTable = dict();
  consumer.committedOffsets = dict();
  consumer.consumeBusyUntil = new Array<number>(state.config.consumeThreadMax).fill(0);
  consumer.nextConsumeThread = 0;
  consumer.droppedAt = {};
  const { epoch, id } = consumer;
  scheduleHeartbeat(state, consumer, sim);
  sim.after(state.config.persistConsumerOffsetInitialDelayMs, { kind: 'consumer.persistOffsets', client: id, epoch });
  sim.after(state.config.rebalanceIntervalMs, { kind: 'consumer.rebalance', client: id, epoch, periodic: true });
}

export function onPersistOffsetsTimer(state: ModelState, event: { client: string; epoch: number }, sim: Sim): void {
  const consumer = state.clients[event.client];
  if (!isLive(consumer, event.epoch) || consumer.kind !== 'consumer') return;
  persistAllConsumerOffset(state, consumer, sim);
  sim.after(state.config.persistConsumerOffsetIntervalMs, { kind: 'consumer.persistOffsets', client: consumer.id, epoch: consumer.epoch });
}

function persistAllConsumerOffset(state: ModelState, consumer: ConsumerState, sim: Sim): void {
  // for...in, not Object.entries: on a dictionary the entries' arrays cost about 3x (node, 7 queues).
  for (const key in consumer.processQueueTable) {
    const pq = consumer.processQueueTable[key]!;
    if (!pq.dropped) persistOffset(state, consumer, key, pq, sim);
  }
}

/** ClientRemotingProcessor.notifyConsumerIdsChanged -> rebalanceImmediately. */
export function onNotifyConsumerIdsChanged(state: ModelState, consumer: ConsumerState, sim: Sim): void {
  if (consumer.status === 'running' && consumer.started) rebalanceImmediately(state, consumer, sim);
}

/** shutdown: persist offsets, UNREGISTER_CLIENT to every broker, close. */
export function shutdownConsumer(state: ModelState, consumer: ConsumerState, sim: Sim): void {
  if (consumer.status !== 'running') return;
  persistAllConsumerOffset(state, consumer, sim);
  unregisterClient(state, consumer, sim);
  consumer.status = 'stopped';
  sim.net.stop(consumer.id);
}

export const consumerRouteListener: RouteListener = {
  onRouteChanged(_state, client, topic, route) {
    if (client.kind !== 'consumer') return;
    // The new queues are used at the next rebalance, not at once (MQClientInstance).
    client.topicSubscribeInfoTable[topic] = deepFreeze(topicRouteData2SubscribeQueues(topic, route));
    // Every producer of the client instance gets a new TopicPublishInfo (updateTopicPublishInfo), its own one included.
    if (topic === client.retryTopic) client.innerPublishInfo = null;
  },
  // The route a rebalance asked for, having found no queues of the topic: its findConsumerIdList
  // returns, answered or failed, and rebalanceByTopic goes on to messageQueueChanged.
  onRouteAnswered(state, client, topic, _found, sim, request) {
    if (client.kind === 'consumer' && request.topicNotExist) topicNotExist(state, client, topic, sim);
  },
  onRouteFailed(state, client, topic, sim, request) {
    if (client.kind === 'consumer' && request.topicNotExist) topicNotExist(state, client, topic, sim);
  },
  onRoundFinished(state, client, sim, failure) {
    if (client.kind !== 'consumer' || client.started) return;
    client.started = true;
    if (failure) return startFailed(state, client, failure, sim);
    // DefaultMQPushConsumerImpl.start: heartbeat to every broker, then rebalance at once; in 5.x only
    // if the heartbeat went out (a consumer whose topics no broker holds yet waits for
    // RebalanceService's waitInterval).
    const sent = sendHeartbeatToAllBroker(state, client, sim, 'start');
    if (sent || state.config.rocketmqVersion !== '5.x') rebalanceImmediately(state, client, sim);
  },
};

/**
 * The start's route query failed (updateTopicRouteInfoFromNameServer rethrows the
 * RemotingException as IllegalStateException), so start() throws before its heartbeat and
 * rebalance. 5.3.2 and later catch it first and shut the consumer down (DefaultMQPushConsumerImpl.start:
 * `shutdown(); throw e;`); 4.9.8 throws with the consumer RUNNING and its client instance's
 * scheduled tasks (routes, heartbeats, rebalances) going on.
 */
function startFailed(state: ModelState, consumer: ConsumerState, failure: RouteFailure, sim: Sim): void {
  const shutdown = state.config.rocketmqVersion === '5.x';
  sim.emit({ t: sim.now, type: 'consumer.startFailed', consumer: consumer.id, group: consumer.spec.group, ...failure, shutdown });
  if (shutdown) shutdownConsumer(state, consumer, sim);
}
