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
  const threads = consumer.consumeBusyUntil;
  const batches: { finish: number; messages: StoredMessage[]; startsAt: number[] }[] = [];
  for (const message of messages) {
    pq.outstanding.push(message.queueOffset);
    pq.queueOffsetMax = Math.max(pq.queueOffsetMax, message.queueOffset);
    let best = 0;
    for (let t = 1; t < threads.length; t++) if (threads[t]! < threads[best]!) best = t;
    // The earliest free thread: starts, and so finishes, never go backwards within a submit.
    const start = Math.max(sim.now, threads[best]!);
    const finish = start + consumer.spec.consumeTimeMs;
    threads[best] = finish;
    let batch = batches.at(-1);
    if (batch?.finish !== finish) {
      batch = { finish, messages: [], startsAt: [] };
      batches.push(batch);
    }
    batch.messages.push(message);
    batch.startsAt.push(start);
  }
  for (const batch of batches) {
    sim.schedule(batch.finish, {
      kind: 'consumer.consumed', client: consumer.id, epoch: consumer.epoch, queueKey: key, token: pq.token,
      brokerName: pq.mq.brokerName, messages: batch.messages, startsAt: batch.startsAt,
    });
  }
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
  event.messages.forEach((message, i) => {
    // ConsumeRequest.run: a request whose queue was dropped before its turn is not consumed
    // ("the message queue not be able to consume, because it's dropped").
    if (droppedAt !== undefined && event.startsAt[i]! >= droppedAt) return;
    if (listenerFails(consumer, message, sim)) consumeFailed(state, consumer, message, brokerName, sim);
    else consumeSucceeded(state, consumer, message, brokerName, sim);
  });
  // A queue dropped meanwhile keeps no offset: its next owner consumes these again (at-least-once).
  if (!pq || pq.dropped || pq.token !== event.token) return;
  // ProcessQueue.removeMessage: the offset to commit is the smallest still being consumed, or
  // past the largest ever pulled when none is left.
  const done = new Set(event.messages.map((message) => message.queueOffset));
  pq.outstanding = pq.outstanding.filter((offset) => !done.has(offset));
  const offset = pq.outstanding[0] ?? pq.queueOffsetMax + 1;
  consumer.offsetTable[event.queueKey] = Math.max(consumer.offsetTable[event.queueKey] ?? 0, offset);
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
