/**
 * The consumer's queues after a rebalance: dropping what it no longer owns (persisting the offset
 * first), and taking new ones from the offset the broker has, or for a BROADCASTING consumer its
 * own (computePullFromWhere).
 */
import { CONSUMER_CALL_TIMEOUT_MS, DISPATCH_PULL_DELAY_MS, MQ_ADMIN_TIMEOUT_MS, RETRY_GROUP_TOPIC_PREFIX } from '../defaults.ts';
import { invoke, oneway } from '../remoting.ts';
import type { RemotingResponse } from '../remoting-types.ts';
import type { Sim } from '../sim-types.ts';
import type { ConsumerState, ModelState, PendingRequest, ProcessQueue } from '../state.ts';
import { traceOffsetCommitted } from '../trace-writer.ts';
import type { MessageQueue } from './message-queue.ts';
import { findBrokerAddr } from './topic-route.ts';
import { pullLater, pullMessage } from './pull.ts';
import { rebalanceWhenUnbalanced } from './rebalance.ts';

export function queueKey(mq: MessageQueue): string {
  return `${mq.topic}@${mq.brokerName}@${mq.queueId}`;
}

/** The node to talk to for a queue: its master, else the lowest id (findBrokerAddressInSubscribe). */
export function brokerNodeFor(state: ModelState, consumer: ConsumerState, brokerName: string, masterOnly = false): string | undefined {
  const addr = findBrokerAddr(consumer.brokerAddrTable[brokerName], masterOnly);
  return addr !== null ? state.addrNodes[addr] : undefined;
}

/** Returns whether the set of owned queues of this topic changed. */
export function updateProcessQueueTableInRebalance(state: ModelState, consumer: ConsumerState, topic: string, allocated: MessageQueue[], sim: Sim): boolean {
  const wanted = new Set(allocated.map(queueKey));
  let changed = false;
  // for...in, not Object.entries: on a dictionary the entries' arrays cost about 3x (node, 7 queues).
  for (const key in consumer.processQueueTable) {
    const pq = consumer.processQueueTable[key]!;
    if (pq.mq.topic !== topic || wanted.has(key)) continue;
    removeUnnecessaryMessageQueue(state, consumer, key, pq, sim);
    changed = true;
  }
  for (const mq of allocated) {
    const key = queueKey(mq);
    if (consumer.processQueueTable[key]) continue;
    changed = true;
    const pq: ProcessQueue = {
      mq, dropped: false, nextOffset: -1, outstanding: [], queueOffsetMax: -1, pulling: false, token: consumer.nextToken++,
      firstPullSubVersion: DISPATCH_PULL_DELAY_MS[state.config.rocketmqVersion] > 0 ? null : consumer.subVersions[mq.topic] ?? 0,
    };
    consumer.processQueueTable[key] = pq;
    computePullFromWhere(state, consumer, key, pq, sim);
  }
  return changed;
}

/**
 * RebalanceImpl.removeProcessQueue: dropped, its offset persisted and forgotten in memory
 * (OffsetStore.removeOffset); a rebalance that still allocates the queue starts it again. A
 * BROADCASTING consumer's persisted offset stays in its own file (LocalFileOffsetStore.persist
 * writes it there, removeOffset forgets only the memory's), where the queue's next start reads it.
 */
export function removeUnnecessaryMessageQueue(state: ModelState, consumer: ConsumerState, key: string, pq: ProcessQueue, sim: Sim): void {
  dropProcessQueue(consumer, pq, sim.now);
  persistOffset(state, consumer, key, pq, sim);
  delete consumer.processQueueTable[key];
  delete consumer.offsetTable[key];
  if (consumer.spec.messageModel === 'CLUSTERING') delete consumer.committedOffsets[key];
}

/** ProcessQueue.setDropped(true): its messages not yet consumed are skipped; dropped again (4.x's OFFSET_ILLEGAL fix-up), it keeps its first time. */
export function dropProcessQueue(consumer: ConsumerState, pq: ProcessQueue, now: number): void {
  pq.dropped = true;
  consumer.droppedAt[pq.token] ??= now;
}

function computePullFromWhere(state: ModelState, consumer: ConsumerState, key: string, pq: ProcessQueue, sim: Sim): void {
  if (consumer.spec.messageModel === 'BROADCASTING') return computeBroadcastingPullFromWhere(state, consumer, key, pq, sim);
  const node = brokerNodeFor(state, consumer, pq.mq.brokerName, true) ?? brokerNodeFor(state, consumer, pq.mq.brokerName);
  if (node === undefined) return notStarted(state, consumer, key, sim);
  invoke(sim, consumer.id, node, {
    code: 'QUERY_CONSUMER_OFFSET', group: consumer.spec.group, topic: pq.mq.topic, queueId: pq.mq.queueId, queueKey: key, token: pq.token,
  }, CONSUMER_CALL_TIMEOUT_MS);
}

/**
 * RebalancePushImpl.computePullFromWhereWithException with a LocalFileOffsetStore: readOffset
 * (READ_FROM_STORE) finds the process's own offset for the queue, or -1 (a fresh process's file
 * has none). Then CONSUME_FROM_LAST_OFFSET asks the master for the queue's end (new messages
 * only; a retry topic starts at 0) and CONSUME_FROM_FIRST_OFFSET starts at 0.
 * CONSUME_FROM_TIMESTAMP would searchOffset(consumeTimestamp, half an hour before the start):
 * the queue's first offset, 0 here, while every message is younger than that; it is taken to be
 * 0 always (docs/conventions.md).
 */
function computeBroadcastingPullFromWhere(state: ModelState, consumer: ConsumerState, key: string, pq: ProcessQueue, sim: Sim): void {
  const local = consumer.committedOffsets[key];
  if (local !== undefined) return startPulling(state, consumer, key, pq, local, sim);
  const fromEnd = consumer.spec.consumeFromWhere === 'CONSUME_FROM_LAST_OFFSET' && !pq.mq.topic.startsWith(RETRY_GROUP_TOPIC_PREFIX);
  if (!fromEnd) return startPulling(state, consumer, key, pq, 0, sim);
  maxOffset(state, consumer, key, pq, sim);
}

/**
 * MQAdminImpl.maxOffset: GET_MAX_OFFSET to the master (findBrokerAddressInPublish). With no master
 * it throws "The broker[...] not exist" and the queue waits for the next rebalance; RocketMQ first
 * asks the NameServer for the route once more, which is not modelled (docs/conventions.md).
 */
function maxOffset(state: ModelState, consumer: ConsumerState, key: string, pq: ProcessQueue, sim: Sim): void {
  const node = brokerNodeFor(state, consumer, pq.mq.brokerName, true);
  if (node === undefined) return notStarted(state, consumer, key, sim);
  invoke(sim, consumer.id, node, { code: 'GET_MAX_OFFSET', topic: pq.mq.topic, queueId: pq.mq.queueId, queueKey: key, token: pq.token }, MQ_ADMIN_TIMEOUT_MS);
}

export function livePq(state: ModelState, pending: PendingRequest): { consumer: ConsumerState; pq: ProcessQueue; key: string } | null {
  const consumer = state.clients[pending.from];
  const request = pending.request;
  if (consumer?.kind !== 'consumer' || consumer.status !== 'running') return null;
  if (request.code !== 'QUERY_CONSUMER_OFFSET' && request.code !== 'GET_MAX_OFFSET' && request.code !== 'PULL_MESSAGE') return null;
  const pq = consumer.processQueueTable[request.queueKey];
  if (!pq || pq.dropped || pq.token !== request.token) return null;
  return { consumer, pq, key: request.queueKey };
}

export const offsetQueryHandler = {
  onResponse(state: ModelState, pending: PendingRequest, response: RemotingResponse, sim: Sim): void {
    const live = livePq(state, pending);
    if (!live) return;
    // CONSUME_FROM_LAST_OFFSET with no committed offset would start at the max offset; the broker
    // answers 0 for a queue still in the page cache, so a new group starts at 0.
    const offset = response.code === 'SUCCESS' ? (response.offset ?? 0) : 0;
    startPulling(state, live.consumer, live.key, live.pq, offset, sim);
  },
  onFailure: failedQuery,
};

/** MQClientAPIImpl.getMaxOffset's answer; an error code is an MQBrokerException, as a failure. */
export const maxOffsetHandler = {
  onResponse(state: ModelState, pending: PendingRequest, response: RemotingResponse, sim: Sim): void {
    if (response.code !== 'SUCCESS' || response.offset === undefined) return skipUntilNextRebalance(state, pending, sim);
    const live = livePq(state, pending);
    if (live) startPulling(state, live.consumer, live.key, live.pq, response.offset, sim);
  },
  onFailure: failedQuery,
};

/** A start-offset request that failed (timed out, refused, its channel closed). */
function failedQuery(state: ModelState, pending: PendingRequest, _reason: unknown, sim: Sim): void {
  skipUntilNextRebalance(state, pending, sim);
}

/** computePullFromWhereWithException threw (its request failed): the queue waits for the next rebalance. */
function skipUntilNextRebalance(state: ModelState, pending: PendingRequest, sim: Sim): void {
  const live = livePq(state, pending);
  if (live) notStarted(state, live.consumer, live.key, sim);
}

/** A queue given by a rebalance that could not start: left to a later rebalance, which 5.x runs a minInterval later. */
function notStarted(state: ModelState, consumer: ConsumerState, key: string, sim: Sim): void {
  delete consumer.processQueueTable[key];
  rebalanceWhenUnbalanced(state, consumer, sim);
}

function startPulling(state: ModelState, consumer: ConsumerState, key: string, pq: ProcessQueue, offset: number, sim: Sim): void {
  pq.nextOffset = offset;
  consumer.offsetTable[key] = offset;
  consumer.committedOffsets[key] = offset;
  const delayMs = DISPATCH_PULL_DELAY_MS[state.config.rocketmqVersion];
  if (delayMs > 0) pullLater(consumer, key, pq, delayMs, sim);
  else pullMessage(state, consumer, key, pq, sim);
}

/**
 * The offset a pull carries (DefaultMQPushConsumerImpl.pullMessage: the offset consumed so far, in
 * memory, with the commitOffset flag when above 0), 0 for none. The broker takes it as the group's
 * offset (PullMessageProcessor.tryCommitOffset), so the broker's offsets follow each pull, not only
 * each persistConsumerOffsetInterval. Not traced: a commit per pull would add an event to most
 * pulls; offset.committed tells of persistAll's rounds (docs/conventions.md).
 */
export function commitOffsetOfPull(consumer: ConsumerState, key: string): number {
  return consumer.spec.messageModel === 'CLUSTERING' ? Math.max(0, consumer.offsetTable[key] ?? 0) : 0;
}

/**
 * RemoteBrokerOffsetStore.persist / persistAll -> updateConsumeOffsetToBroker: one way, to the
 * master (else another broker of the name: findBrokerAddressInSubscribe with onlyThisBroker
 * false). Every owned queue's offset goes out each time, changed or not: a slave that took over
 * the reads, or a master back from a crash, has the group's offsets within one
 * persistConsumerOffsetInterval. The trace tells only of an offset that changed and went out (docs/trace.md).
 */
export function persistOffset(state: ModelState, consumer: ConsumerState, key: string, pq: ProcessQueue, sim: Sim): void {
  const offset = consumer.offsetTable[key];
  if (offset === undefined) return;
  if (consumer.spec.messageModel === 'CLUSTERING') {
    const node = brokerNodeFor(state, consumer, pq.mq.brokerName);
    if (node === undefined) return;
    // A broker that is down or cut off gets nothing (invokeOneway's connect fails, or the write goes nowhere): not persisted, so not
    // traced. One sent once a connect opens is traced at the next round, which sends it again.
    if (oneway(sim, consumer.id, node, { code: 'UPDATE_CONSUMER_OFFSET', group: consumer.spec.group, topic: pq.mq.topic, queueId: pq.mq.queueId, offset }) !== 'sent') return;
  }
  if (offset === consumer.committedOffsets[key]) return;
  consumer.committedOffsets[key] = offset;
  traceOffsetCommitted(sim, consumer, pq.mq, offset);
}
