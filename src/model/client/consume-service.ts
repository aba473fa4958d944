/**
 * ConsumeMessageConcurrentlyService: consumeThreadMax threads run the listener; a failure is
 * sent back to the broker (retry topic, then DLQ); the offset advances past the batch.
 */
import { SerialMarkSet } from '../../engine/index.ts';
import { invoke } from '../remoting.ts';
import { trace, type Sim } from '../sim-types.ts';
import type { ConsumerState, ModelState, PendingRequest, ProcessQueue, StoredMessage } from '../state.ts';
import { isLive } from './mq-client-instance.ts';
import { brokerNodeFor } from './process-queue.ts';

/** Each message goes to the thread that is free first; the batch completes with its last message. */
export function submitConsumeRequest(consumer: ConsumerState, key: string, pq: ProcessQueue, messages: StoredMessage[], sim: Sim): void {
  pq.msgCount += messages.length;
  const threads = consumer.consumeBusyUntil;
  let doneAt = sim.now;
  for (let i = 0; i < messages.length; i++) {
    let best = 0;
    for (let t = 1; t < threads.length; t++) if (threads[t]! < threads[best]!) best = t;
    const finish = Math.max(sim.now, threads[best]!) + consumer.spec.consumeTimeMs;
    threads[best] = finish;
    doneAt = Math.max(doneAt, finish);
  }
  sim.schedule(doneAt, { kind: 'consumer.consumed', client: consumer.id, epoch: consumer.epoch, queueKey: key, token: pq.token, brokerName: pq.mq.brokerName, messages });
}

function listenerFails(consumer: ConsumerState, message: StoredMessage, sim: Sim): boolean {
  if (consumer.spec.failTags.includes(message.tags)) return true;
  return consumer.spec.failureRate > 0 && sim.rng.nextFloat() < consumer.spec.failureRate;
}

export function onConsumed(state: ModelState, event: { client: string; epoch: number; queueKey: string; token: number; brokerName: string; messages: StoredMessage[] }, sim: Sim): void {
  const consumer = state.clients[event.client];
  if (!isLive(consumer, event.epoch) || consumer.kind !== 'consumer') return;
  const pq = consumer.processQueueTable[event.queueKey];
  const { brokerName } = event;
  for (const message of event.messages) {
    if (listenerFails(consumer, message, sim)) consumeFailed(state, consumer, message, brokerName, sim);
    else consumeSucceeded(state, consumer, message, brokerName, sim);
  }
  // A queue dropped meanwhile keeps no offset: its next owner consumes these again (at-least-once).
  if (!pq || pq.dropped || pq.token !== event.token) return;
  pq.msgCount -= event.messages.length;
  const last = event.messages[event.messages.length - 1];
  if (last) consumer.offsetTable[event.queueKey] = Math.max(consumer.offsetTable[event.queueKey] ?? 0, last.queueOffset + 1);
}

function consumeSucceeded(state: ModelState, consumer: ConsumerState, message: StoredMessage, brokerName: string, sim: Sim): void {
  const stats = state.stats;
  // At-least-once: a second success for the same group and msgId is a duplicate. In BROADCASTING
  // each consumer reads every message for itself (LocalFileOffsetStore): it is its own reader.
  const reader = consumer.spec.messageModel === 'BROADCASTING' ? `${consumer.spec.group}/${consumer.id}` : consumer.spec.group;
  const consumedIds = (stats.consumedIds[reader] ??= new SerialMarkSet());
  if (consumedIds.add(message.serial, sim.traceCount)) stats.consumed++;
  else stats.duplicates++;
  trace(sim, {
    type: 'message.consumed', consumer: consumer.id, group: consumer.spec.group, msgId: message.msgId, broker: brokerName,
    queueId: message.queueId, queueOffset: message.queueOffset, topic: message.topic, reconsumeTimes: message.reconsumeTimes,
  });
}

/** processConsumeResult: BROADCASTING drops a failure; CLUSTERING sends it back (CONSUMER_SEND_MSG_BACK). */
function consumeFailed(state: ModelState, consumer: ConsumerState, message: StoredMessage, brokerName: string, sim: Sim): void {
  const max = state.config.maxReconsumeTimes;
  const clustering = consumer.spec.messageModel === 'CLUSTERING';
  const next = !clustering ? 'dropped' : message.reconsumeTimes >= max ? 'dlq' : 'retry';
  trace(sim, { type: 'consume.failed', consumer: consumer.id, group: consumer.spec.group, msgId: message.msgId, reconsumeTimes: message.reconsumeTimes, next });
  if (!clustering) return;
  const node = brokerNodeFor(state, consumer, brokerName);
  if (node === undefined) return reconsumeLater(state, consumer, message, brokerName, sim);
  invoke(sim, consumer.id, node, { code: 'CONSUMER_SEND_MSG_BACK', group: consumer.spec.group, message, delayLevel: 0, maxReconsumeTimes: max }, state.config.mqClientApiTimeoutMs);
}

/** A failed send-back: the consumer itself consumes the message again 5 s later. */
function reconsumeLater(state: ModelState, consumer: ConsumerState, message: StoredMessage, brokerName: string, sim: Sim): void {
  const again = { ...message, reconsumeTimes: message.reconsumeTimes + 1 };
  sim.after(state.config.sendBackFailedRetryDelayMs + consumer.spec.consumeTimeMs, {
    kind: 'consumer.consumed', client: consumer.id, epoch: consumer.epoch, queueKey: '', token: -1, brokerName, messages: [again],
  });
}

export const sendBackHandler = {
  onResponse(): void {},
  onFailure(state: ModelState, pending: PendingRequest, _reason: unknown, sim: Sim): void {
    const consumer = state.clients[pending.from];
    if (consumer?.kind !== 'consumer' || consumer.status !== 'running' || pending.request.code !== 'CONSUMER_SEND_MSG_BACK') return;
    const brokerName = Object.entries(consumer.brokerAddrTable).find(([, addrs]) => Object.values(addrs).some((addr) => state.addrNodes[addr] === pending.to))?.[0] ?? '';
    reconsumeLater(state, consumer, pending.request.message, brokerName, sim);
  },
};
