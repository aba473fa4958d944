/**
 * ConsumeMessageConcurrentlyService: consumeThreadMax threads run the listener; a failure is
 * sent back to the broker (retry topic, then DLQ); the offset advances past the batch.
 */
import { SerialMarkSet } from '../../engine/index.ts';
import { invoke } from '../remoting.ts';
import type { RemotingResponse } from '../remoting-types.ts';
import type { Sim } from '../sim-types.ts';
import type { ConsumerState, DuplicateCause, ModelState, PendingRequest, ProcessQueue, StoredMessage } from '../state.ts';
import { isLive } from './mq-client-instance.ts';
import { brokerNodeFor } from './process-queue.ts';

/**
 * Each message is a ConsumeRequest of its own (consumeMessageBatchMaxSize 1) and goes to the
 * thread that is free first. Messages finishing at the same moment share one event, so a slow
 * listener's messages complete one by one, as they do in RocketMQ.
 */
export function submitConsumeRequest(consumer: ConsumerState, key: string, pq: ProcessQueue, messages: StoredMessage[], sim: Sim): void {
  const startsAt = startTimes(consumer, pq, messages, sim);
  let from = 0;
  for (let i = 1; i <= messages.length; i++) {
    if (i < messages.length && startsAt[i] === startsAt[from]) continue;
    scheduleConsumed(consumer, key, pq, startsAt[from]! + consumer.spec.consumeTimeMs, part(messages, from, i), part(startsAt, from, i), sim);
    from = i;
  }
}

/** Each message's start on the thread that is free first; the messages become outstanding. */
function startTimes(consumer: ConsumerState, pq: ProcessQueue, messages: StoredMessage[], sim: Sim): number[] {
  const threads = consumer.consumeBusyUntil;
  const startsAt = new Array<number>(messages.length);
  for (let i = 0; i < messages.length; i++) {
    const { queueOffset } = messages[i]!;
    // An empty list gets a new one as a literal: a push onto an array emptied (removeConsumed)
    // reserves room for 17, and a consumer keeping up empties it with every message.
    if (pq.outstanding.length === 0) pq.outstanding = [queueOffset];
    else pq.outstanding.push(queueOffset);
    pq.queueOffsetMax = Math.max(pq.queueOffsetMax, queueOffset);
    let best = 0;
    for (let t = 1; t < threads.length; t++) if (threads[t]! < threads[best]!) best = t;
    // The earliest free thread: starts, and so finishes, never go backwards within a submit.
    startsAt[i] = Math.max(sim.now, threads[best]!);
    threads[best] = startsAt[i]! + consumer.spec.consumeTimeMs;
  }
  return startsAt;
}

/** Entries from..to of an array: the array itself when that is all of it (most pulls finish together). */
function part<T>(array: T[], from: number, to: number): T[] {
  return from === 0 && to === array.length ? array : array.slice(from, to);
}

/** The messages finishing together, as one event at their finish time. */
function scheduleConsumed(consumer: ConsumerState, key: string, pq: ProcessQueue, finish: number, messages: StoredMessage[], startsAt: number[], sim: Sim): void {
  sim.schedule(finish, {
    kind: 'consumer.consumed', client: consumer.id, epoch: consumer.epoch, queueKey: key, token: pq.token, brokerName: pq.mq.brokerName, messages, startsAt,
  });
}

function listenerFails(consumer: ConsumerState, message: StoredMessage, sim: Sim): boolean {
  if (consumer.spec.failTags.includes(message.tags)) return true;
  return consumer.spec.failureRate > 0 && sim.rng.nextFloat() < consumer.spec.failureRate;
}

export function onConsumed(state: ModelState, event: { client: string; epoch: number; queueKey: string; token: number; brokerName: string; messages: StoredMessage[]; startsAt: number[] }, sim: Sim): void {
  const consumer = state.clients[event.client];
  if (!isLive(consumer, event.epoch) || consumer.kind !== 'consumer') return;
  const pq = consumer.processQueueTable[event.queueKey];
  const { brokerName } = event;
  const droppedAt = consumer.droppedAt[event.token];
  const { messages, startsAt } = event;
  for (let i = 0; i < messages.length; i++) {
    // ConsumeRequest.run: a request whose queue was dropped before its turn is not consumed
    // ("the message queue not be able to consume, because it's dropped").
    if (droppedAt !== undefined && startsAt[i]! >= droppedAt) continue;
    if (listenerFails(consumer, messages[i]!, sim)) consumeFailed(state, consumer, messages[i]!, brokerName, sim);
    else consumeSucceeded(state, consumer, messages[i]!, brokerName, sim);
  }
  // A queue dropped meanwhile keeps no offset: its next owner consumes these again (at-least-once).
  if (!pq || pq.dropped || pq.token !== event.token) return;
  // ProcessQueue.removeMessage: the offset to commit is the smallest still being consumed, or
  // past the largest ever pulled when none is left.
  removeConsumed(pq.outstanding, messages);
  const offset = pq.outstanding[0] ?? pq.queueOffsetMax + 1;
  consumer.offsetTable[event.queueKey] = Math.max(consumer.offsetTable[event.queueKey] ?? 0, offset);
}

/**
 * Drops the consumed messages' offsets from those outstanding, in place: no Set and no new array
 * for every batch. An offset outside the batch's range is kept at a glance.
 */
function removeConsumed(outstanding: number[], messages: readonly StoredMessage[]): void {
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

function hasOffset(messages: readonly StoredMessage[], offset: number): boolean {
  for (const message of messages) if (message.queueOffset === offset) return true;
  return false;
}

function consumeSucceeded(state: ModelState, consumer: ConsumerState, message: StoredMessage, brokerName: string, sim: Sim): void {
  const stats = state.stats;
  // At-least-once: a second success for the same group and msgId is a duplicate. In BROADCASTING
  // each consumer reads every message for itself (LocalFileOffsetStore): it is its own reader.
  const reader = consumer.spec.messageModel === 'BROADCASTING' ? `${consumer.spec.group}/${consumer.id}` : consumer.spec.group;
  const consumedIds = (stats.consumedIds[reader] ??= new SerialMarkSet());
  if (consumedIds.add(message.serial, sim.traceCount, consumer.ordinal)) stats.consumed++;
  else {
    stats.duplicates++;
    const cause = duplicateCause(state, consumer, message, consumedIds.tagOf(message.serial, sim.traceCount));
    stats.duplicateCauses[cause] = (stats.duplicateCauses[cause] ?? 0) + 1;
  }
  sim.emit({
    t: sim.now, type: 'message.consumed', consumer: consumer.id, group: consumer.spec.group, msgId: message.msgId, broker: brokerName,
    queueId: message.queueId, queueOffset: message.queueOffset, topic: message.topic, reconsumeTimes: message.reconsumeTimes,
  });
}

/** What brought a message back to a reader that had consumed it (the first consumer's ordinal given). */
function duplicateCause(state: ModelState, consumer: ConsumerState, message: StoredMessage, firstOrdinal: number | undefined): DuplicateCause {
  if (message.reconsumeTimes > 0) return 'retry';
  if (firstOrdinal === consumer.ordinal) return 'pulledAgain';
  const first = Object.values(state.clients).find((client) => client.kind === 'consumer' && client.ordinal === firstOrdinal);
  if (first?.status === 'crashed' || first?.status === 'hung') return 'crash';
  if (first?.status === 'stopped') return 'shutdown';
  return 'rebalance';
}

/** processConsumeResult: BROADCASTING drops a failure; CLUSTERING sends it back (CONSUMER_SEND_MSG_BACK). */
function consumeFailed(state: ModelState, consumer: ConsumerState, message: StoredMessage, brokerName: string, sim: Sim): void {
  const max = state.config.maxReconsumeTimes;
  const clustering = consumer.spec.messageModel === 'CLUSTERING';
  const next = !clustering ? 'dropped' : message.reconsumeTimes >= max ? 'dlq' : 'retry';
  sim.emit({ t: sim.now, type: 'consume.failed', consumer: consumer.id, group: consumer.spec.group, msgId: message.msgId, reconsumeTimes: message.reconsumeTimes, next });
  if (!clustering) return;
  // sendMessageBack goes to the master (findBrokerAddressInPublish); with none there is nowhere to send it.
  const node = brokerNodeFor(state, consumer, brokerName, true);
  if (node === undefined) return reconsumeLater(state, consumer, message, brokerName, sim);
  invoke(sim, consumer.id, node, {
    code: 'CONSUMER_SEND_MSG_BACK', group: consumer.spec.group, brokerName, message, delayLevel: 0, maxReconsumeTimes: max,
  }, state.config.mqClientApiTimeoutMs);
}

/**
 * A failed send-back: the consumer itself consumes the message again 5 s later. (RocketMQ first
 * tries its internal producer on %RETRY%<group>, and does this only when that fails too; the
 * fallback producer is not modelled.)
 */
function reconsumeLater(state: ModelState, consumer: ConsumerState, message: StoredMessage, brokerName: string, sim: Sim): void {
  const again = { ...message, reconsumeTimes: message.reconsumeTimes + 1 };
  sim.after(state.config.sendBackFailedRetryDelayMs + consumer.spec.consumeTimeMs, {
    kind: 'consumer.consumed', client: consumer.id, epoch: consumer.epoch, queueKey: '', token: -1, brokerName, messages: [again], startsAt: [sim.now],
  });
}

function sendBackFailed(state: ModelState, pending: PendingRequest, sim: Sim): void {
  const consumer = state.clients[pending.from];
  if (consumer?.kind !== 'consumer' || consumer.status !== 'running' || pending.request.code !== 'CONSUMER_SEND_MSG_BACK') return;
  reconsumeLater(state, consumer, pending.request.message, pending.request.brokerName, sim);
}

/** Any answer but SUCCESS is an MQBrokerException for consumerSendMessageBack, like a timeout. */
export const sendBackHandler = {
  onResponse(state: ModelState, pending: PendingRequest, response: RemotingResponse, sim: Sim): void {
    if (response.code !== 'SUCCESS') sendBackFailed(state, pending, sim);
  },
  onFailure(state: ModelState, pending: PendingRequest, _reason: unknown, sim: Sim): void {
    sendBackFailed(state, pending, sim);
  },
};
