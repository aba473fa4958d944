/**
 * DefaultMessageStore: the CommitLog (physical offsets growing by each message's size), one
 * ConsumeQueue per queue (logical offsets 0, 1, 2 ...). RocketMQ's IndexService (lookups by key)
 * is left out: nothing in a run queries by key.
 */
import { AppendLog } from '../../engine/index.ts';
import { COMMITLOG_FIXED_BYTES } from '../defaults.ts';
import { isMatchedByConsumeQueue, tagsString2tagsCode, type SubscriptionData } from '../filter.ts';
import { createOffsetMsgId, parseIpv4 } from '../message-id.ts';
import type { BrokerState, ModelState, StoredMessage } from '../state.ts';
import { noteReusedBelow } from './stored-behind.ts';
import { ensureSystemTopic } from './topic-config-manager.ts';

export interface PutRequest {
  msgId: string;
  serial: number;
  topic: string;
  queueId: number;
  tags: string;
  keys: string;
  bodyBytes: number;
  producer: string;
  bornTimestamp: number;
  reconsumeTimes: number;
  originTopic: string;
  delayLevel: number;
  realTopic: string;
  realQueueId: number;
}

/**
 * The properties string as MessageDecoder.messageProperties2String writes it (name\u0001value\u0002).
 * SendMessageProcessor adds CLUSTER (the broker's cluster name) and drops "WAIT=true" before storing.
 */
function propertiesLength(request: PutRequest, cluster: string): number {
  let length = 'UNIQ_KEY'.length + request.msgId.length + 2;
  if (request.tags) length += 'TAGS'.length + request.tags.length + 2;
  if (request.keys) length += 'KEYS'.length + request.keys.length + 2;
  return length + 'CLUSTER'.length + cluster.length + 2;
}

/** CommitLog.calMsgLength: fixed fields + body + topic + properties. */
function messageSize(request: PutRequest, cluster: string): number {
  return COMMITLOG_FIXED_BYTES + request.bodyBytes + request.topic.length + propertiesLength(request, cluster);
}

/**
 * DefaultMessageStore.findConsumeQueue: a queue's ConsumeQueue, created on demand. A delayed
 * message delivered by a master made from a slave may name a queue its topic table (not yet
 * synced) does not have.
 */
function findConsumeQueue(broker: BrokerState, topic: string, queueId: number): AppendLog<number> {
  const queues = (broker.consumeQueues[topic] ??= []);
  while (queues.length <= queueId) queues.push(new AppendLog<number>());
  return queues[queueId]!;
}

/** putMessage: append to the commit log (the message's index is the log's last), dispatch to the consume queue and the index. */
export function putMessage(state: ModelState, broker: BrokerState, request: PutRequest, now: number): StoredMessage {
  ensureSystemTopic(broker, request.topic);
  const queue = findConsumeQueue(broker, request.topic, request.queueId);
  const size = messageSize(request, broker.cluster);
  const commitLogOffset = broker.maxPhyOffset;
  broker.maxPhyOffset += size;
  const message: StoredMessage = {
    msgId: request.msgId,
    serial: request.serial,
    offsetMsgId: createOffsetMsgId(parseIpv4(broker.ip), broker.port, commitLogOffset),
    topic: request.topic,
    queueId: request.queueId,
    queueOffset: queue.length,
    commitLogOffset,
    size,
    bodyBytes: request.bodyBytes,
    tags: request.tags,
    tagsCode: tagsString2tagsCode(request.tags),
    keys: request.keys,
    producer: request.producer,
    bornTimestamp: request.bornTimestamp,
    storeTimestamp: now,
    reconsumeTimes: request.reconsumeTimes,
    originTopic: request.originTopic,
    delayLevel: request.delayLevel,
    realTopic: request.realTopic,
    realQueueId: request.realQueueId,
    storeId: state.stats.nextStoreId++,
  };
  // Frozen before the append: the log may keep the very object (broker/commit-log.ts).
  queue.append(broker.commitLog.append(Object.freeze(message)));
  return message;
}

/**
 * ReputMessageService on a slave: a replicated message joins the commit log at the master's
 * offset, and its ConsumeQueue (created on demand, whatever the topic table says yet).
 */
export function appendReplica(broker: BrokerState, message: StoredMessage): void {
  const queue = findConsumeQueue(broker, message.topic, message.queueId);
  const index = broker.commitLog.append(message);
  queue.append(index);
  broker.maxPhyOffset = message.commitLogOffset + message.size;
}

/** Bytes a slave's ReputMessageService no longer dispatches (ha-service.ts): in its commit log, in no ConsumeQueue. */
export function appendUndispatched(broker: BrokerState, message: StoredMessage): void {
  broker.commitLog.append(message);
  broker.maxPhyOffset = message.commitLogOffset + message.size;
}

/**
 * The index of the last CommitLog entry that starts at or before `offset` (-1 when none does): a
 * binary search over the entries the log keeps. An offset below them would be a reclaimed entry
 * (src/model/reclaim.ts), which no reader may ask for: a send-back on its way keeps its entry
 * (src/model/in-flight.ts).
 */
export function commitLogIndexAt(broker: BrokerState, offset: number): number {
  const log = broker.commitLog;
  if (log.length <= log.minIndex || offset < log.at(log.minIndex)!.commitLogOffset) {
    if (log.length > log.minIndex && log.minIndex > 0) throw new Error(`commitLogIndexAt: offset ${offset} lies below the entries kept (${log.minIndex}): no reader may read it`);
    return -1;
  }
  return lastStartingAtOrBefore(broker, offset);
}

/** The last entry of a non-empty log that starts at or before `offset`, or the first kept one (binary search over the entries it keeps). */
export function lastStartingAtOrBefore(broker: BrokerState, offset: number): number {
  const log = broker.commitLog;
  let low = log.minIndex;
  let high = log.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (log.at(middle)!.commitLogOffset <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * DefaultMessageStore.lookMessageByOffset: the message that starts at this CommitLog offset, or
 * null where none does: past the log's end, or inside another message (a log cut back by a power
 * loss's recovery or a new master's truncation, then grown again).
 */
export function lookMessageByOffset(broker: BrokerState, offset: number): StoredMessage | null {
  if (offset >= broker.maxPhyOffset) return null;
  const index = commitLogIndexAt(broker, offset);
  const message = index < 0 ? undefined : broker.commitLog.at(index);
  return message?.commitLogOffset === offset ? message : null;
}

/** DefaultMessageStore.getMaxOffsetInQueue: the offset the queue's next message will take; 0 for a queue with none yet. */
export function getMaxOffsetInQueue(broker: BrokerState, topic: string, queueId: number): number {
  return broker.consumeQueues[topic]?.[queueId]?.length ?? 0;
}

export interface GetMessageResult {
  messages: StoredMessage[];
  nextBeginOffset: number;
  maxOffset: number;
}

/**
 * getMessage: up to maxMsgNums units from the offset, filtered by tag hash code on the consume
 * queue (ExpressionMessageFilter.isMatchedByConsumeQueue); skipped units still advance the offset.
 */
export function getMessage(broker: BrokerState, topic: string, queueId: number, offset: number, maxMsgNums: number, subscription: SubscriptionData): GetMessageResult {
  const queue = broker.consumeQueues[topic]?.[queueId];
  const maxOffset = queue?.length ?? 0;
  // Made with the first message found, as a literal: a push onto an empty array reserves room
  // for 17, and a pull of a consumer keeping up finds one (this runs for every message).
  let messages: StoredMessage[] | null = null;
  let found = 0;
  let next = Math.min(Math.max(offset, 0), maxOffset);
  while (queue && next < maxOffset && found < maxMsgNums) {
    const message = broker.commitLog.at(queue.at(next)!)!;
    next++;
    if (!isMatchedByConsumeQueue(subscription, message.tagsCode)) continue;
    if (messages === null) messages = [message];
    else messages.push(message);
    found++;
  }
  return { messages: messages ?? [], nextBeginOffset: next, maxOffset };
}

/**
 * The CommitLog cut back to its first `length` entries and each ConsumeQueue to its last entry
 * inside them (CommitLog.recoverAbnormally, DefaultMessageStore.truncateDirtyLogicFiles). The logs
 * are copied, not cut in place: snapshots share the old storage by length, and new messages will
 * take the cut ones' places.
 */
export function truncateCommitLog(broker: BrokerState, length: number): void {
  broker.commitLog = broker.commitLog.truncated(length);
  const last = broker.commitLog.last();
  broker.maxPhyOffset = last ? last.commitLogOffset + last.size : 0;
  broker.flushedPhyOffset = Math.min(broker.flushedPhyOffset, broker.maxPhyOffset);
  for (const [topic, queues] of Object.entries(broker.consumeQueues)) {
    queues.forEach((queue, queueId) => {
      // Entries a runner reclaimed (below minIndex) point below the log's reclaimed entries: kept under any cut.
      let kept = queue.length;
      while (kept > queue.minIndex && queue.at(kept - 1)! >= length) kept--;
      if (kept < queue.length) noteReusedBelow(broker, topic, queueId, queue.length);
      queues[queueId] = queue.truncated(kept);
    });
  }
}
