/**
 * One message's whole life, found as RocketMQ finds it: by its client msgId (UNIQ_KEY), by its
 * offsetMsgId (the storing broker's address and the CommitLog offset, MessageDecoder.decodeMessageId),
 * or by a key through every broker's IndexService (MQAdminImpl.queryMessage asks each broker,
 * QueryMessageProcessor answers from IndexService.queryOffset by the key's hash slot, and the
 * client keeps the messages whose keys really hold the key: slots collide). mqadmin
 * queryMsgByKey asks for at most 64 (QueryMsgByKeySubCommand).
 *
 * The life itself is every trace event naming the msgId, from its birth (the time the msgId
 * carries) to the playhead: send attempts, stores on masters and slaves, copies to %RETRY%,
 * SCHEDULE_TOPIC_XXXX and %DLQ%, consumptions, failures, losses.
 */
import { brokerRoles } from '../broker-roles.ts';
import type { TraceEvent } from '../../model/events.ts';
import { indexesOfMsgId, indexesWithKey } from '../../model/broker/commit-log.ts';
import { decodeOffsetMsgId, parseUniqId } from '../../model/message-id.ts';
import type { BrokerState, StoredMessage } from '../../model/state.ts';
import { lowerBound } from '../lower-bound.ts';
import type { TimelineView } from '../timeline.ts';
import { firstIndexAtOrAfter } from './trace-window.ts';

export interface MessageLifeArgs {
  by: 'msgId' | 'offsetMsgId' | 'key';
  value: string;
  /** For a key: the topic it is indexed under (IndexService.buildKey: topic#key); every user topic when absent. */
  topic?: string;
}

/** A stored copy as the Dashboard's message detail shows it. */
export interface StoredCopy {
  msgId: string;
  offsetMsgId: string;
  broker: string;
  brokerId: number;
  topic: string;
  queueId: number;
  queueOffset: number;
  commitLogOffset: number;
  tags: string;
  keys: string;
  bornTimestamp: number;
  storeTimestamp: number;
  reconsumeTimes: number;
  delayLevel: number;
}

export type LifeEvent = Extract<TraceEvent, { msgId: string }>;

export interface MessageLife {
  /** The messages the lookup found (a key may name several), newest store first; at most KEY_QUERY_MAX_NUM. */
  found: StoredCopy[];
  /** The life of `msgId` (the one asked for, or the first found). */
  msgId: string | null;
  events: LifeEvent[];
  /** Why nothing was found: an id that is not 32 hex digits, or none stored with it by now. */
  problem: 'notAnId' | 'notFound' | null;
  /** False when the scan stopped before the playhead (a very long run). */
  complete: boolean;
}

/** QueryMsgByKeySubCommand: admin.queryMessage(topic, key, 64, 0, Long.MAX_VALUE). */
const KEY_QUERY_MAX_NUM = 64;
/** Trace events read at most after the birth: far more than a learner's run holds. */
const MAX_SCAN = 400_000;
const CHUNK = 4_096;

function copyOf(broker: BrokerState, message: StoredMessage): StoredCopy {
  const { msgId, offsetMsgId, topic, queueId, queueOffset, commitLogOffset, tags, keys, bornTimestamp, storeTimestamp, reconsumeTimes, delayLevel } = message;
  return { msgId, offsetMsgId, broker: broker.name, brokerId: broker.brokerId, topic, queueId, queueOffset, commitLogOffset, tags, keys, bornTimestamp, storeTimestamp, reconsumeTimes, delayLevel };
}

/** The CommitLog entry at a physical offset: the log is in offset order, so a binary search. */
function atCommitLogOffset(broker: BrokerState, offset: number): StoredMessage | undefined {
  const found = broker.commitLog.at(lowerBound(broker.commitLog.length, (index) => broker.commitLog.at(index)!.commitLogOffset, offset));
  return found?.commitLogOffset === offset ? found : undefined;
}

function byOffsetMsgId(timeline: TimelineView, id: string): StoredCopy[] | null {
  const decoded = decodeOffsetMsgId(id);
  if (decoded === null) return null;
  const broker = Object.values(timeline.state.brokers).find((candidate) => candidate.addr === `${decoded.ip}:${decoded.port}`);
  const message = broker && atCommitLogOffset(broker, decoded.commitLogOffset);
  return broker && message ? [copyOf(broker, message)] : [];
}

/** Every master's index, then the client's filter on the real keys (a slot holds other keys too). */
function byKey(timeline: TimelineView, key: string, topic: string | undefined): StoredCopy[] {
  const found: StoredCopy[] = [];
  const roles = brokerRoles(timeline.state);
  for (const broker of Object.values(timeline.state.brokers)) {
    if (roles.role[broker.node] !== 'master') continue;
    const indexes = indexesWithKey(broker.commitLog, key);
    for (let i = indexes.length - 1; i >= 0 && found.length < KEY_QUERY_MAX_NUM; i--) {
      const message = broker.commitLog.at(indexes[i]!)!;
      if (topic === undefined || message.topic === topic) found.push(copyOf(broker, message));
    }
  }
  return oldestCopyEach(found).sort((a, b) => b.storeTimestamp - a.storeTimestamp || (a.broker < b.broker ? -1 : 1));
}

/** One row per message: a retry or dead-letter copy keeps the msgId (and keys) of the message it copies. */
function oldestCopyEach(copies: StoredCopy[]): StoredCopy[] {
  const first = new Map<string, StoredCopy>();
  for (const copy of copies) {
    const seen = first.get(copy.msgId);
    if (seen === undefined || copy.storeTimestamp < seen.storeTimestamp) first.set(copy.msgId, copy);
  }
  return [...first.values()];
}

function storedWith(timeline: TimelineView, msgId: string): StoredCopy[] {
  const copies: StoredCopy[] = [];
  for (const broker of Object.values(timeline.state.brokers)) {
    for (const index of indexesOfMsgId(broker.commitLog, msgId)) copies.push(copyOf(broker, broker.commitLog.at(index)!));
  }
  return copies.sort((a, b) => a.storeTimestamp - b.storeTimestamp);
}

/** Every event naming msgId, from its birth (the run starts at the first instant of a month) to the playhead. */
function lifeEvents(timeline: TimelineView, msgId: string): { events: LifeEvent[]; complete: boolean } {
  const born = parseUniqId(msgId)?.startOfMonthMs ?? 0;
  const events: LifeEvent[] = [];
  const length = timeline.traceLength;
  const start = firstIndexAtOrAfter(timeline, born);
  const stop = Math.min(length, start + MAX_SCAN);
  for (let index = start; index < stop; index += CHUNK) {
    for (const event of timeline.traceSlice(index, Math.min(stop, index + CHUNK))) {
      if ('msgId' in event && event.msgId === msgId) events.push(event);
    }
  }
  return { events, complete: stop === length };
}

export function messageLife(timeline: TimelineView, { by, value, topic }: MessageLifeArgs): MessageLife {
  const text = value.trim();
  let found: StoredCopy[];
  if (by === 'key') found = byKey(timeline, text, topic);
  else if (by === 'offsetMsgId') {
    const copies = byOffsetMsgId(timeline, text.toUpperCase());
    if (copies === null) return { found: [], msgId: null, events: [], problem: 'notAnId', complete: true };
    found = copies;
  } else {
    const msgId = text.toUpperCase();
    if (parseUniqId(msgId) === null) return { found: [], msgId: null, events: [], problem: 'notAnId', complete: true };
    const { events, complete } = lifeEvents(timeline, msgId);
    const copies = storedWith(timeline, msgId);
    // A message sent but not stored yet (or never) still has a life: its attempts.
    return { found: copies, msgId: events.length > 0 || copies.length > 0 ? msgId : null, events, problem: events.length + copies.length === 0 ? 'notFound' : null, complete };
  }
  const first = found[0];
  if (first === undefined) return { found, msgId: null, events: [], problem: 'notFound', complete: true };
  return { found, msgId: first.msgId, ...lifeEvents(timeline, first.msgId), problem: null };
}
