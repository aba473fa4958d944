/**
 * The five trace events that make nearly all of a busy run's trace (a send attempt, a message
 * stored, a send's result, a message consumed, an offset committed). Each is traced through one
 * function here: when the simulation has a TraceWriter (the runner writes the event's bytes, a
 * Timeline packs it) the values go to it and no event object is made; otherwise the event is
 * emitted as the object literal it always was. A writer gives the same trace either way: the
 * values in the order of the literal's keys (docs/trace.md).
 */
import type { TraceEvent } from './events.ts';
import type { Sim } from './sim-types.ts';
import type { BrokerState, ConsumerState, SendInFlight, StoredMessage } from './state.ts';
import type { SendResultStatus } from './vocabulary.ts';

/** Takes each of the five events' values in the order of its keys after `t` and `type`. */
export interface TraceWriter {
  messageSent(t: number, producer: string, msgId: string, topic: string, tags: string, keys: string, broker: string, queueId: number, attempt: number): void;
  messageStored(
    t: number, broker: string, brokerId: number, topic: string, queueId: number, queueOffset: number, commitLogOffset: number, msgId: string,
    offsetMsgId: string,
  ): void;
  sendResult(t: number, producer: string, msgId: string, status: SendResultStatus): void;
  messageConsumed(
    t: number, consumer: string, group: string, msgId: string, broker: string, brokerId: number, queueId: number, queueOffset: number, topic: string,
    reconsumeTimes: number,
  ): void;
  offsetCommitted(t: number, consumer: string, group: string, broker: string, queueId: number, offset: number, topic: string): void;
}

/** The event of `type`, as one of the five literals below makes it. */
type EventOf<K extends TraceEvent['type']> = Extract<TraceEvent, { type: K }>;

/*
 * Each of the five events' object, the one place its keys' order is said: a run without a writer
 * emits it, and a writer that must keep an event as an object (src/sim/packed-trace.ts) makes it.
 */

export function messageSentEvent(
  t: number, producer: string, msgId: string, topic: string, tags: string, keys: string, broker: string, queueId: number, attempt: number,
): EventOf<'message.sent'> {
  return { t, type: 'message.sent', producer, msgId, topic, tags, keys, broker, queueId, attempt };
}

export function messageStoredEvent(
  t: number, broker: string, brokerId: number, topic: string, queueId: number, queueOffset: number, commitLogOffset: number, msgId: string,
  offsetMsgId: string,
): EventOf<'message.stored'> {
  return { t, type: 'message.stored', broker, brokerId, topic, queueId, queueOffset, commitLogOffset, msgId, offsetMsgId };
}

export function sendResultEvent(t: number, producer: string, msgId: string, status: SendResultStatus): EventOf<'send.result'> {
  return { t, type: 'send.result', producer, msgId, status };
}

export function messageConsumedEvent(
  t: number, consumer: string, group: string, msgId: string, broker: string, brokerId: number, queueId: number, queueOffset: number, topic: string,
  reconsumeTimes: number,
): EventOf<'message.consumed'> {
  return { t, type: 'message.consumed', consumer, group, msgId, broker, brokerId, queueId, queueOffset, topic, reconsumeTimes };
}

export function offsetCommittedEvent(
  t: number, consumer: string, group: string, broker: string, queueId: number, offset: number, topic: string,
): EventOf<'offset.committed'> {
  return { t, type: 'offset.committed', consumer, group, broker, queueId, offset, topic };
}

/** A queue as a send attempt or a commit names it (MessageQueue). */
interface QueueOf {
  readonly brokerName: string;
  readonly queueId: number;
}

/** One send attempt of `message` to the queue `mq` of `topic`. */
export function traceMessageSent(sim: Sim, producer: string, message: SendInFlight, topic: string, mq: QueueOf, attempt: number): void {
  const { msgId, tags, keys } = message;
  const { brokerName: broker, queueId } = mq;
  const writer = sim.writerOfNext();
  if (writer !== null) writer.messageSent(sim.now, producer, msgId, topic, tags, keys, broker, queueId, attempt);
  else sim.emit(messageSentEvent(sim.now, producer, msgId, topic, tags, keys, broker, queueId, attempt));
}

/** What the send of `msgId` finally returned. */
export function traceSendResult(sim: Sim, producer: string, msgId: string, status: SendResultStatus): void {
  const writer = sim.writerOfNext();
  if (writer !== null) writer.sendResult(sim.now, producer, msgId, status);
  else sim.emit(sendResultEvent(sim.now, producer, msgId, status));
}

/** `broker` wrote `message` (a slave's copy carries the master's offsets and offsetMsgId). */
export function traceMessageStored(sim: Sim, broker: BrokerState, message: StoredMessage): void {
  const { name, brokerId } = broker;
  const { topic, queueId, queueOffset, commitLogOffset, msgId, offsetMsgId } = message;
  const writer = sim.writerOfNext();
  if (writer !== null) writer.messageStored(sim.now, name, brokerId, topic, queueId, queueOffset, commitLogOffset, msgId, offsetMsgId);
  else sim.emit(messageStoredEvent(sim.now, name, brokerId, topic, queueId, queueOffset, commitLogOffset, msgId, offsetMsgId));
}

/** `consumer`'s listener returned success for `message`, pulled from `broker`'s `brokerId`. */
export function traceMessageConsumed(sim: Sim, consumer: ConsumerState, message: StoredMessage, broker: string, brokerId: number): void {
  const { id, spec: { group } } = consumer;
  const { msgId, queueId, queueOffset, topic, reconsumeTimes } = message;
  const writer = sim.writerOfNext();
  if (writer !== null) writer.messageConsumed(sim.now, id, group, msgId, broker, brokerId, queueId, queueOffset, topic, reconsumeTimes);
  else sim.emit(messageConsumedEvent(sim.now, id, group, msgId, broker, brokerId, queueId, queueOffset, topic, reconsumeTimes));
}

/** `consumer` persisted `offset` for the queue `mq` of `topic`. */
export function traceOffsetCommitted(sim: Sim, consumer: ConsumerState, mq: QueueOf & { readonly topic: string }, offset: number): void {
  const { id, spec: { group } } = consumer;
  const { brokerName: broker, queueId, topic } = mq;
  const writer = sim.writerOfNext();
  if (writer !== null) writer.offsetCommitted(sim.now, id, group, broker, queueId, offset, topic);
  else sim.emit(offsetCommittedEvent(sim.now, id, group, broker, queueId, offset, topic));
}
