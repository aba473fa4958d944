/**
 * DefaultMQPushConsumerImpl.pullMessage and its callback: pull 32 at a time with long polling,
 * filter tags again on the client, hand the messages to the consume service, pull again.
 */
import { GROUP_INFO_NOT_EXIST, noteFilteredOut } from '../broker/group-subscription.ts';
import { OFFSET_ILLEGAL_FIX_DELAY_MS } from '../defaults.ts';
import { noticed } from '../detections.ts';
import { buildSubscriptionData, isMatchedByClient } from '../filter.ts';
import { INVOKE_ASYNC, invoke } from '../remoting.ts';
import type { RemotingResponse } from '../remoting-types.ts';
import type { FailureReason } from '../vocabulary.ts';
import type { Sim } from '../sim-types.ts';
import type { ConsumerState, ModelState, PendingRequest, ProcessQueue, StoredMessage } from '../state.ts';
import { submitConsumeRequest } from './consume-service.ts';
import { isLive } from './mq-client-instance.ts';
import { brokerNodeFor, commitOffsetOfPull, dropProcessQueue, livePq, removeUnnecessaryMessageQueue } from './process-queue.ts';
import { rebalanceImmediately } from './rebalance.ts';

function subscriptionOf(consumer: ConsumerState, topic: string): string {
  return topic === consumer.spec.topic ? consumer.spec.subscription : '*';
}

export function pullMessage(state: ModelState, consumer: ConsumerState, key: string, pq: ProcessQueue, sim: Sim): void {
  if (pq.dropped) return;
  // Flow control: too many messages waiting to be consumed, or spanning too many offsets -> try again in 50 ms.
  if (pq.outstanding.length > state.config.pullThresholdForQueue || maxSpan(pq) > state.config.consumeConcurrentlyMaxSpan) {
    return pullLater(consumer, key, pq, state.config.pullTimeDelayMillsWhenFlowControl, sim);
  }
  const node = brokerNodeFor(state, consumer, pq.mq.brokerName);
  if (node === undefined) return pullLater(consumer, key, pq, state.config.pullTimeDelayMillsWhenException, sim);
  const subVersion = pq.firstPullSubVersion ?? consumer.subVersions[pq.mq.topic] ?? 0;
  pq.firstPullSubVersion = null;
  invoke(sim, consumer.id, node, {
    code: 'PULL_MESSAGE', group: consumer.spec.group, topic: pq.mq.topic, queueId: pq.mq.queueId, queueOffset: pq.nextOffset,
    maxMsgNums: state.config.pullBatchSize, subVersion,
    suspendTimeoutMs: state.config.brokerSuspendMaxTimeMs, queueKey: key, token: pq.token,
    commitOffset: commitOffsetOfPull(consumer, key),
  }, state.config.consumerTimeoutWhenSuspendMs, INVOKE_ASYNC);
}

/** ProcessQueue.getMaxSpan: the last cached offset minus the first (the outstanding offsets are in pull order, so ascending). */
function maxSpan(pq: ProcessQueue): number {
  const cached = pq.outstanding;
  return cached.length > 1 ? cached[cached.length - 1]! - cached[0]! : 0;
}

export function pullLater(consumer: ConsumerState, key: string, pq: ProcessQueue, delayMs: number, sim: Sim): void {
  sim.after(delayMs, { kind: 'consumer.pull', client: consumer.id, epoch: consumer.epoch, queueKey: key, token: pq.token });
}

export function onPullTimer(state: ModelState, event: { client: string; epoch: number; queueKey: string; token: number }, sim: Sim): void {
  const consumer = state.clients[event.client];
  if (!isLive(consumer, event.epoch) || consumer.kind !== 'consumer') return;
  const pq = consumer.processQueueTable[event.queueKey];
  if (pq && pq.token === event.token) pullMessage(state, consumer, event.queueKey, pq, sim);
}

/**
 * The pulled messages whose tag the subscription names; the others are noted as filtered out.
 * Usually every message matches, and the pulled array itself is handed on.
 */
function matchedByClient(state: ModelState, consumer: ConsumerState, pq: ProcessQueue, pulled: StoredMessage[], sim: Sim): StoredMessage[] {
  const subscription = buildSubscriptionData(subscriptionOf(consumer, pq.mq.topic));
  let matched: StoredMessage[] | null = null;
  for (let i = 0; i < pulled.length; i++) {
    const message = pulled[i]!;
    if (isMatchedByClient(subscription, message.tags)) {
      matched?.push(message);
      continue;
    }
    matched ??= pulled.slice(0, i);
    noteFilteredOut(state, consumer.spec.group, pq.mq.brokerName, message, 'client', sim);
  }
  return matched ?? pulled;
}

/**
 * DefaultMQPushConsumerImpl, OFFSET_ILLEGAL (PULL_OFFSET_MOVED): the ProcessQueue is dropped at
 * once, with what it cached and has not consumed yet (ConsumeRequest.run skips a dropped queue's
 * messages). Then the fix-up: the offset moves to the broker's nextBeginOffset and is persisted,
 * and the queue is removed. 5.x runs it at once (executeTask) and wakes the rebalance, which takes
 * the queue again from there; 4.9.8 runs it 10 s later (executeTaskLater) and wakes nothing, so the
 * queue stays idle until the next periodic rebalance after that.
 */
function offsetIllegal(state: ModelState, consumer: ConsumerState, key: string, pq: ProcessQueue, nextOffset: number, sim: Sim): void {
  if (state.config.rocketmqVersion === '5.x') {
    fixOffset(state, consumer, key, pq, nextOffset, sim);
    return rebalanceImmediately(state, consumer, sim);
  }
  dropProcessQueue(consumer, pq, sim.now);
  sim.after(OFFSET_ILLEGAL_FIX_DELAY_MS, { kind: 'consumer.fixOffset', client: consumer.id, epoch: consumer.epoch, queueKey: key, token: pq.token, nextOffset });
}

/** updateOffset (4.x) or updateAndFreezeOffset (5.x), persist, removeProcessQueue. */
function fixOffset(state: ModelState, consumer: ConsumerState, key: string, pq: ProcessQueue, nextOffset: number, sim: Sim): void {
  consumer.offsetTable[key] = nextOffset;
  removeUnnecessaryMessageQueue(state, consumer, key, pq, sim);
}

/**
 * 4.x's fix-up, 10 s after the answer. The dropped ProcessQueue stayed in processQueueTable
 * meanwhile, so no rebalance took the queue again; one that no longer allocated it removed it, and
 * then the fix-up is skipped (RocketMQ would still persist the moved offset).
 */
export function onFixOffsetTimer(state: ModelState, event: { client: string; epoch: number; queueKey: string; token: number; nextOffset: number }, sim: Sim): void {
  const consumer = state.clients[event.client];
  if (!isLive(consumer, event.epoch) || consumer.kind !== 'consumer') return;
  const pq = consumer.processQueueTable[event.queueKey];
  if (pq?.token === event.token) fixOffset(state, consumer, event.queueKey, pq, event.nextOffset, sim);
}

/** Whether a refusal is PullMessageProcessor's "the consumer's group info not exist": the broker has no ConsumerGroupInfo for the group. */
function noGroupInfo(response: RemotingResponse): boolean {
  return response.code === 'SUBSCRIPTION_NOT_EXIST' && response.remark?.startsWith(GROUP_INFO_NOT_EXIST) === true;
}

export const pullHandler = {
  onResponse(state: ModelState, pending: PendingRequest, response: RemotingResponse, sim: Sim): void {
    const live = livePq(state, pending);
    if (!live) return;
    const { consumer, pq, key } = live;
    // PullAPIWrapper.processPullResult: SUCCESS is FOUND, PULL_NOT_FOUND is NO_NEW_MSG and
    // PULL_RETRY_IMMEDIATELY is NO_MATCHED_MSG; all three continue from nextBeginOffset at once.
    if (response.code === 'SUCCESS' || response.code === 'PULL_NOT_FOUND' || response.code === 'PULL_RETRY_IMMEDIATELY') {
      pq.nextOffset = response.nextBeginOffset ?? pq.nextOffset;
      // PullAPIWrapper.processPullResult: keep only tags the subscription names (removes hash collisions).
      const messages = matchedByClient(state, consumer, pq, response.messages ?? [], sim);
      if (messages.length > 0) submitConsumeRequest(consumer, key, pq, messages, state.brokers[pending.to]!.brokerId, sim);
      // correctTagsOffset (NO_NEW_MSG / NO_MATCHED_MSG): nothing left to consume, so the offset
      // moves past the filtered-out messages; otherwise the consumed messages will move it.
      else if (pq.outstanding.length === 0) consumer.offsetTable[key] = pq.nextOffset;
      pullMessage(state, consumer, key, pq, sim);
      return;
    }
    const brokerId = state.brokers[pending.to]!.brokerId;
    sim.emit({
      t: sim.now, type: 'pull.rejected', consumer: consumer.id, broker: pq.mq.brokerName, brokerId, topic: pq.mq.topic, queueId: pq.mq.queueId, reason: response.code,
      ...(noGroupInfo(response) ? { noGroupInfo: true as const } : {}),
    });
    if (response.code === 'PULL_OFFSET_MOVED') return offsetIllegal(state, consumer, key, pq, response.nextBeginOffset ?? pq.nextOffset, sim);
    pullLater(consumer, key, pq, state.config.pullTimeDelayMillsWhenException, sim);
  },
  onFailure(state: ModelState, pending: PendingRequest, reason: FailureReason, sim: Sim): void {
    const live = livePq(state, pending);
    if (!live) return;
    const broker = state.brokers[pending.to];
    if (broker) noticed(state, broker.node, live.consumer.id, sim.now, { how: 'pullFailed', detail: reason });
    pullLater(live.consumer, live.key, live.pq, state.config.pullTimeDelayMillsWhenException, sim);
  },
};
