/**
 * A message stored at a queue offset its reader has already read past is one that reader will
 * never read. Queue offsets only grow, so this happens only where a ConsumeQueue was cut back (a
 * power loss's recovery keeps what was flushed, CommitLog.recoverAbnormally; a returning old
 * master is cut to the new one's log, AutoSwitchHAClient) or where a new master took over holding
 * less than the old one handed out: the next messages take the freed offsets again. A consumer
 * goes on pulling from its own next offset, past them (a pull answered PULL_OFFSET_MOVED moves it
 * to the queue's end, past them too), and nobody is told. Each such message is counted once per
 * reader that wants it (summary.messages.storedBehind) and traced (message.storedBehind).
 */
import { dict } from '../../engine/dict.ts';
import { RETRY_GROUP_TOPIC_PREFIX } from '../defaults.ts';
import type { Sim } from '../sim-types.ts';
import type { BrokerState, ConsumerState, ModelState, StoredMessage } from '../state.ts';
import { wantedByGroup } from './group-subscription.ts';
import { topicQueueKey } from './queue-keys.ts';

/** Remembers that the queue's offsets below `length` were handed out before (a cut, or an old master's). */
export function noteReusedBelow(broker: BrokerState, topic: string, queueId: number, length: number): void {
  const table = (broker.reusedBelow ??= dict());
  const key = topicQueueKey(topic, queueId);
  table[key] = Math.max(table[key] ?? 0, length);
}

/** The queues where `source` handed out offsets `target` does not hold: `target`'s next messages will take them again. */
export function noteHandedOutBeyond(target: BrokerState, source: BrokerState): void {
  for (const [topic, queues] of Object.entries(source.consumeQueues)) {
    queues.forEach((queue, queueId) => {
      if (queue.length > (target.consumeQueues[topic]?.[queueId]?.length ?? 0)) noteReusedBelow(target, topic, queueId, queue.length);
    });
  }
}

/** Whether the message took an offset its queue had handed out before. */
function reusesOffset(broker: BrokerState, message: StoredMessage): boolean {
  const below = broker.reusedBelow?.[topicQueueKey(message.topic, message.queueId)];
  return below !== undefined && message.queueOffset < below;
}

/** Where a running consumer goes on reading a queue: past what it consumed, and past what it already pulled (its pull request's nextOffset). */
function heldOffset(consumer: ConsumerState, key: string): number {
  const pq = consumer.processQueueTable[key];
  return Math.max(consumer.offsetTable[key] ?? 0, pq && !pq.dropped ? pq.nextOffset : 0);
}

/** A group's committed offset on the queue, on any broker process of the name (a slave serves reads too). */
function committedOffset(state: ModelState, brokerName: string, group: string, topic: string, queueId: number): number {
  let offset = 0;
  for (const broker of Object.values(state.brokers)) {
    if (broker.name === brokerName) offset = Math.max(offset, broker.consumerOffsetTable[group]?.[topicQueueKey(topic, queueId)] ?? 0);
  }
  return offset;
}

/** Each reader of the message's topic and where it is on its queue: a CLUSTERING group as a whole, a BROADCASTING consumer for itself (as consumedIds counts them). */
function readerOffsets(state: ModelState, brokerName: string, message: StoredMessage): Map<string, number> {
  const { topic, queueId } = message;
  const key = `${topic}@${brokerName}@${queueId}`;
  const readers = new Map<string, number>();
  for (const client of Object.values(state.clients)) {
    if (client.kind !== 'consumer') continue;
    const { group, messageModel } = client.spec;
    const retry = topic === `${RETRY_GROUP_TOPIC_PREFIX}${group}` && messageModel === 'CLUSTERING';
    if (!retry && !wantedByGroup(state, group, message)) continue;
    const reader = messageModel === 'BROADCASTING' ? `${group}/${client.id}` : group;
    const base = readers.get(reader) ?? (messageModel === 'BROADCASTING' ? 0 : committedOffset(state, brokerName, group, topic, queueId));
    readers.set(reader, client.status === 'running' ? Math.max(base, heldOffset(client, key)) : base);
  }
  return readers;
}

/** After a master stored `message`: each reader already past its offset will never read it. */
export function noteStoredBehind(state: ModelState, broker: BrokerState, message: StoredMessage, sim: Sim): void {
  if (!reusesOffset(broker, message)) return;
  for (const [reader, readerOffset] of readerOffsets(state, broker.name, message)) {
    if (readerOffset <= message.queueOffset || !state.stats.storedBehindIds.add(`${reader}|${message.serial}`, sim.traceCount)) continue;
    sim.emit({
      t: sim.now, type: 'message.storedBehind', reader, msgId: message.msgId, broker: broker.name, topic: message.topic,
      queueId: message.queueId, queueOffset: message.queueOffset, readerOffset,
    });
  }
}
