/**
 * ConsumeMessageConcurrentlyService: consumeThreadMax threads run the listener; a failure is
 * sent back to the broker (retry topic, then DLQ); the offset advances past the batch, except
 * past a failure whose send-back is not yet answered or failed (processConsumeResult).
 */
import { SerialMarkSet } from '../../engine/index.ts';
import { CONSUMER_CALL_TIMEOUT_MS, MASTER_ID } from '../defaults.ts';
import { invoke } from '../remoting.ts';
import type { RemotingResponse, RequestOf, SentBackOrigin } from '../remoting-types.ts';
import { sendBackAsNormalMessage } from './send-back-fallback.ts';
import type { Sim } from '../sim-types.ts';
import type { ConsumedEvent } from '../events.ts';
import type { ConsumeFailedNext } from '../vocabulary.ts';
import type { ConsumerState, DuplicateCause, ModelState, PendingRequest, ProcessQueue, StoredMessage } from '../state.ts';
import { traceMessageConsumed } from '../trace-writer.ts';
import { retryToDlq, sendBackToDlq } from '../broker/send-back-rules.ts';
import { lookMessageByOffset } from '../broker/message-store.ts';
import { isLive } from './mq-client-instance.ts';
import { brokerNodeFor } from './process-queue.ts';

/**
 * Each message is a ConsumeRequest of its own (consumeMessageBatchMaxSize 1) and goes to the
 * thread that is free first. Messages starting at the same moment share one event, so a slow
 * listener's messages complete one by one, as they do in RocketMQ.
 */
export function submitConsumeRequest(consumer: ConsumerState, key: string, pq: ProcessQueue, messages: StoredMessage[], brokerId: number, sim: Sim): void {
  let from = 0;
  let startedAt = 0;
  for (let i = 0; i < messages.length; i++) {
    putMessage(pq, messages[i]!.queueOffset);
    const start = takeFreeThread(consumer, sim.now);
    if (i > 0 && start !== startedAt) {
      scheduleConsumed(consumer, key, pq, part(messages, from, i), brokerId, startedAt, sim);
      from = i;
    }
    startedAt = start;
  }
  scheduleConsumed(consumer, key, pq, part(messages, from, messages.length), brokerId, startedAt, sim);
}

/** ProcessQueue.putMessage: the message's offset becomes outstanding. */
function putMessage(pq: ProcessQueue, queueOffset: number): void {
  pq.outstanding.push(queueOffset);
  if (queueOffset > pq.queueOffsetMax) pq.queueOffsetMax = queueOffset;
}

/**
 * Books the thread that is free first from `now` and returns when it starts. Every thread's
 * listener takes consumeTimeMs and starts never go backwards, so the thread booked longest ago
 * is the one free first: the threads are taken in turn (a ring), with no scan for the earliest.
 */
function takeFreeThread(consumer: ConsumerState, now: number): number {
  const threads = consumer.consumeBusyUntil;
  const next = consumer.nextConsumeThread;
  const start = Math.max(now, threads[next]!);
  threads[next] = start + consumer.spec.consumeTimeMs;
  consumer.nextConsumeThread = next + 1 === threads.length ? 0 : next + 1;
  return start;
}

/** Entries from..to of an array: the array itself when that is all of it (most pulls start together). */
function part<T>(array: T[], from: number, to: number): T[] {
  return from === 0 && to === array.length ? array : array.slice(from, to);
}

/** The messages starting, and so finishing, together, as one event at their finish time. */
function scheduleConsumed(
  consumer: ConsumerState, key: string, pq: ProcessQueue, messages: StoredMessage[], brokerId: number, startedAt: number, sim: Sim,
): void {
  sim.schedule(startedAt + consumer.spec.consumeTimeMs, {
    kind: 'consumer.consumed', client: consumer.id, epoch: consumer.epoch, queueKey: key, token: pq.token, brokerName: pq.mq.brokerName, brokerId, messages, startedAt,
  });
}

function listenerFails(consumer: ConsumerState, message: StoredMessage, sim: Sim): boolean {
  if (consumer.spec.failTags.length > 0 && consumer.spec.failTags.includes(message.tags)) return true;
  return consumer.spec.failureRate > 0 && sim.rng.nextFloat() < consumer.spec.failureRate;
}

export function onConsumed(state: ModelState, event: ConsumedEvent, sim: Sim): void {
  const consumer = state.clients[event.client];
  if (!isLive(consumer, event.epoch) || consumer.kind !== 'consumer') return;
  const pq = consumer.processQueueTable[event.queueKey];
  const owned = pq !== undefined && !pq.dropped && pq.token === event.token;
  if (!owned && !startedBeforeDrop(consumer, event)) return;
  const held = consumeMessages(state, consumer, event, owned, sim);
  // A queue dropped meanwhile keeps no offset: its next owner consumes these again (at-least-once).
  if (!owned) return;
  removeConsumed(pq.outstanding, held === NONE_HELD ? event.messages : event.messages.filter((message) => !held.includes(message)));
  advanceOffset(consumer, event.queueKey, pq);
}

/**
 * ProcessQueue.removeMessage: the offset to commit is the smallest still being consumed, or
 * past the largest ever pulled when none is left.
 */
function advanceOffset(consumer: ConsumerState, key: string, pq: ProcessQueue): void {
  const offset = pq.outstanding.length > 0 ? pq.outstanding[0]! : pq.queueOffsetMax + 1;
  consumer.offsetTable[key] = Math.max(consumer.offsetTable[key] ?? 0, offset);
}

/**
 * ConsumeRequest.run: a request whose queue was dropped before its turn is not consumed ("the
 * message queue not be able to consume, because it's dropped"). Asked only of a queue no longer owned.
 */
function startedBeforeDrop(consumer: ConsumerState, event: ConsumedEvent): boolean {
  const droppedAt = consumer.droppedAt[event.token];
  return droppedAt === undefined || event.startedAt < droppedAt;
}

/** What consumeMessages returns when every message succeeded or was dropped: most events, so nothing is allocated for them. */
const NONE_HELD: readonly StoredMessage[] = Object.freeze([]);

/**
 * Runs the listener on each message; returns the failures whose offsets stay outstanding until
 * their send-back is answered. `owned` false: the queue was dropped while the listener ran, and
 * ConsumeRequest.run does not process the result ("processQueue is dropped without process consume
 * result"): a failure is not sent back, its queue's next owner reads it again.
 */
function consumeMessages(state: ModelState, consumer: ConsumerState, event: ConsumedEvent, owned: boolean, sim: Sim): readonly StoredMessage[] {
  const { messages, brokerName, brokerId } = event;
  let held: StoredMessage[] | null = null;
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i]!;
    if (!listenerFails(consumer, message, sim)) consumeSucceeded(state, consumer, message, brokerName, brokerId, sim);
    else if (!owned) traceFailed(sim, consumer, message, 'reread');
    else if (consumeFailed(state, consumer, message, event, sim)) (held ??= []).push(message);
  }
  return held ?? NONE_HELD;
}

/**
 * Drops the consumed messages' offsets from those outstanding. They are its first ones (the
 * threads finish in the order the messages were pulled): shifted off, so the list keeps its room
 * and a consumer keeping up, which empties it with every message, allocates nothing (a new list
 * per message, or setting its length, cost more). Any other order is removed in place; an offset
 * outside the batch's range is kept at a glance.
 */
function removeConsumed(outstanding: number[], messages: readonly StoredMessage[]): void {
  if (isPrefix(messages, outstanding)) {
    for (let i = 0; i < messages.length; i++) outstanding.shift();
    return;
  }
  let low = Infinity;
  let high = -Infinity;
  for (const message of messages) {
    low = Math.min(low, message.queueOffset);
    high = Math.max(high, message.queueOffset);
  }
  let kept = 0;
  for (const offset of outstanding) {
    if (offset < low || offset > high || !hasOffset(messages, offset)) outstanding[kept++] = offset;
  }
  outstanding.length = kept;
}

/** Whether the messages' offsets are the list's first ones, in order. */
function isPrefix(messages: readonly StoredMessage[], outstanding: readonly number[]): boolean {
  for (let i = 0; i < messages.length; i++) if (messages[i]!.queueOffset !== outstanding[i]) return false;
  return true;
}

function hasOffset(messages: readonly StoredMessage[], offset: number): boolean {
  for (const message of messages) if (message.queueOffset === offset) return true;
  return false;
}

function consumeSucceeded(state: ModelState, consumer: ConsumerState, message: StoredMessage, brokerName: string, brokerId: number, sim: Sim): void {
  const stats = state.stats;
  // At-least-once: a second success for the same group and msgId is a duplicate. In BROADCASTING
  // each consumer reads every message for itself (LocalFileOffsetStore): it is its own reader.
  const reader = consumer.spec.messageModel === 'BROADCASTING' ? `${consumer.spec.group}/${consumer.id}` : consumer.spec.group;
  const consumedIds = (stats.consumedIds[reader] ??= new SerialMarkSet());
  const copy = laterCopy(state, message, sim.traceCount);
  let cause: DuplicateCause | null = null;
  // One counter per consumption, on the consumer: the summary's per-group figures cost the path nothing more.
  if (consumedIds.add(message.serial, sim.traceCount, consumer.ordinal | copy)) {
    stats.consumed++;
    consumer.consumedFirst++;
  } else {
    stats.duplicates++;
    consumer.consumedAgain++;
    const first: FirstConsumption = { tag: consumedIds.tagOf(message.serial, sim.traceCount)!, mark: consumedIds.markOf(message.serial, sim.traceCount)! };
    cause = duplicateCause(state, consumer, message, brokerName, copy, first);
    stats.duplicateCauses[cause] = (stats.duplicateCauses[cause] ?? 0) + 1;
  }
  stats.consumedByBroker[brokerName] = (stats.consumedByBroker[brokerName] ?? 0) + 1;
  traceMessageConsumed(sim, consumer, message, brokerName, brokerId);
  if (cause !== null) sim.emit({ t: sim.now, type: 'message.consumedAgain', consumer: consumer.id, group: consumer.spec.group, msgId: message.msgId, cause });
}

/**
 * Set in a consumption's tag (with the consumer's ordinal) when it consumed a later copy of its
 * message: one a producer's retry stored again after an attempt that failed on the producer's side
 * had been stored (a timeout, a closed channel), with the same msgId and another offsetMsgId.
 */
const LATER_COPY = 1 << 24;

/** LATER_COPY when this stored copy is not the message's first put (storedIds is tagged with the first put's storeId). */
function laterCopy(state: ModelState, message: StoredMessage, position: number): number {
  const first = state.stats.storedIds.tagOf(message.serial, position);
  return first === undefined || first === message.storeId ? 0 : LATER_COPY;
}

/** A reader's first consumption of a message: its tag (the consumer's ordinal, LATER_COPY) and its trace position. */
interface FirstConsumption {
  tag: number;
  mark: number;
}

/** Whether brokerName's master failed (crashed, lost power, was cut off or shut down) after the first consumption: its offset commit could not reach it, or was not yet persisted (consumer-offset-manager.ts). */
function masterFailedSince(state: ModelState, brokerName: string, mark: number): boolean {
  return state.faults.some((fault) => fault.broker === brokerName && fault.brokerId === MASTER_ID && fault.atTrace > mark);
}

/**
 * What brought a message back to a reader that had consumed it: a retry copy; another stored copy
 * of it; its broker's master failing before the consumer's offset reached it (the queue is read
 * again from the older offset the broker, or its slave, holds); else what became of the queue or
 * of the consumer that first consumed it.
 */
function duplicateCause(state: ModelState, consumer: ConsumerState, message: StoredMessage, brokerName: string, copy: number, first: FirstConsumption): DuplicateCause {
  if (message.reconsumeTimes > 0) return 'retry';
  if ((first.tag & LATER_COPY) !== copy) return 'storedTwice';
  if (masterFailedSince(state, brokerName, first.mark)) return 'brokerFault';
  const firstOrdinal = first.tag & ~LATER_COPY;
  if (firstOrdinal === consumer.ordinal) return 'pulledAgain';
  const firstConsumer = Object.values(state.clients).find((client) => client.kind === 'consumer' && client.ordinal === firstOrdinal);
  if (firstConsumer?.status === 'crashed' || firstConsumer?.status === 'hung') return 'crash';
  if (firstConsumer?.status === 'stopped') return 'shutdown';
  return 'rebalance';
}

/**
 * processConsumeResult: BROADCASTING drops a failure; CLUSTERING sends it back
 * (CONSUMER_SEND_MSG_BACK) and keeps it in the ProcessQueue until that is answered: a message whose
 * send-back failed is not removed (msgBackFailed), so the committed offset cannot pass it. Returns
 * whether the message is kept so.
 */
function consumeFailed(state: ModelState, consumer: ConsumerState, message: StoredMessage, event: ConsumedEvent, sim: Sim): boolean {
  const max = state.config.maxReconsumeTimes;
  if (consumer.spec.messageModel !== 'CLUSTERING') {
    traceFailed(sim, consumer, message, 'dropped');
    state.stats.dropped++;
    return false;
  }
  const { brokerName, brokerId, queueKey, token } = event;
  // sendMessageBack goes to the master (findBrokerAddressInPublish); with none it throws, and the client's own producer sends it instead.
  const node = brokerNodeFor(state, consumer, brokerName, true);
  traceFailed(sim, consumer, message, sendBackNext(state, node, message));
  if (node === undefined) sendBackAsNormalMessage(state, consumer, { queueKey, token, brokerName, brokerId, message }, sim);
  else invoke(sim, consumer.id, node, {
    code: 'CONSUMER_SEND_MSG_BACK', group: consumer.spec.group, brokerName, message, delayLevel: 0, maxReconsumeTimes: max, queueKey, token,
  }, CONSUMER_CALL_TIMEOUT_MS);
  return true;
}

/**
 * Where a failure's send-back takes the message, as it leaves: the master's verdict on its stored
 * copy (consumerSendMsgBack reads that copy's reconsumeTimes, which the consumer's local retries
 * did not raise); with no master to ask, or one that would refuse it (a slave, an offset it does
 * not hold), the verdict on the client's own producer's send (handleRetryAndDLQ, on the consumer's
 * copy's reconsumeTimes + 1: 4.x dead-letters there one failure earlier). A send-back that fails
 * later, on its way or by timing out, goes by that producer too: not foreseen here.
 */
function sendBackNext(state: ModelState, node: string | undefined, message: StoredMessage): ConsumeFailedNext {
  const max = state.config.maxReconsumeTimes;
  const master = node === undefined ? undefined : state.brokers[node];
  // A broker the route still calls master but made a slave since answers SYSTEM_ERROR too.
  const stored = master === undefined || master.role === 'SLAVE' ? null : lookMessageByOffset(master, message.commitLogOffset);
  if (stored !== null) return sendBackToDlq(stored, max, 0) ? 'dlq' : 'retry';
  return retryToDlq(state, message.reconsumeTimes + 1, max) ? 'dlq' : 'retry';
}

function traceFailed(sim: Sim, consumer: ConsumerState, message: StoredMessage, next: ConsumeFailedNext): void {
  sim.emit({ t: sim.now, type: 'consume.failed', consumer: consumer.id, group: consumer.spec.group, msgId: message.msgId, reconsumeTimes: message.reconsumeTimes, next });
}

/**
 * A send-back that failed twice, to its broker and then by the client's own producer
 * (send-back-fallback.ts): submitConsumeRequestLater hands the message, its reconsumeTimes one up,
 * to a consume thread of the same ProcessQueue 5 s later, which skips it if the queue was dropped
 * by then (ConsumeRequest.run); the next owner reads it again from the offset it held.
 */
export function reconsumeLater(state: ModelState, consumer: ConsumerState, { message, ...from }: SentBackOrigin, sim: Sim): void {
  const again = { ...message, reconsumeTimes: message.reconsumeTimes + 1 };
  const delay = state.config.sendBackFailedRetryDelayMs;
  sim.after(delay + consumer.spec.consumeTimeMs, {
    kind: 'consumer.consumed', client: consumer.id, epoch: consumer.epoch, queueKey: from.queueKey, token: from.token,
    brokerName: from.brokerName, brokerId: from.brokerId, messages: [again], startedAt: sim.now + delay,
  });
}

/** The consumer and the request of a send-back it still owns the queue of, else null. */
function sendBackOwner(state: ModelState, pending: PendingRequest): { consumer: ConsumerState; request: RequestOf<'CONSUMER_SEND_MSG_BACK'> } | null {
  const consumer = state.clients[pending.from];
  const request = pending.request;
  if (consumer?.kind !== 'consumer' || consumer.status !== 'running' || request.code !== 'CONSUMER_SEND_MSG_BACK') return null;
  return { consumer, request };
}

/** The retry topic has the message: its offset is released (processQueue.removeMessage). */
export function releaseSentBack(consumer: ConsumerState, { queueKey, token, message }: Pick<SentBackOrigin, 'queueKey' | 'token' | 'message'>): void {
  const pq = consumer.processQueueTable[queueKey];
  if (!pq || pq.dropped || pq.token !== token) return;
  removeConsumed(pq.outstanding, [message]);
  advanceOffset(consumer, queueKey, pq);
}

/** consumerSendMessageBack threw: the client's own producer sends the message to the retry topic instead. */
function sendBackFailed(state: ModelState, pending: PendingRequest, sim: Sim): void {
  const owner = sendBackOwner(state, pending);
  if (!owner) return;
  const { message, brokerName, queueKey, token } = owner.request;
  // The send-back went to the master, which the route then had: the consumer pulled from it too (findBrokerAddressInSubscribe).
  sendBackAsNormalMessage(state, owner.consumer, { queueKey, token, brokerName, brokerId: MASTER_ID, message }, sim);
}

/** Any answer but SUCCESS is an MQBrokerException for consumerSendMessageBack, like a timeout. */
export const sendBackHandler = {
  onResponse(state: ModelState, pending: PendingRequest, response: RemotingResponse, sim: Sim): void {
    if (response.code !== 'SUCCESS') return sendBackFailed(state, pending, sim);
    const owner = sendBackOwner(state, pending);
    if (owner) releaseSentBack(owner.consumer, owner.request);
  },
  onFailure(state: ModelState, pending: PendingRequest, _reason: unknown, sim: Sim): void {
    sendBackFailed(state, pending, sim);
  },
};
