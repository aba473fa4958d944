/**
 * The latest messages of one queue (the named query queueMessages), read from its master's (now)
 * ConsumeQueue: each unit points into the CommitLog, where the message itself is
 * (ConsumeQueue.putMessagePositionInfo). Read where the run lives: a quiet queue's latest units
 * point far back into a busy CommitLog, past the latest entries the page holds.
 */
import { masterOf } from '../broker-roles.ts';
import type { StoredMessage } from '../../model/state.ts';
import type { TimelineView } from '../timeline.ts';

export interface QueueMessagesArgs {
  broker: string;
  topic: string;
  queueId: number;
  /** How many of the latest; 8 by default. */
  count?: number;
}

export interface QueueMessages {
  /** The queue's maxOffset: how many messages it ever held. */
  maxOffset: number;
  /** The latest ones, newest first. */
  latest: StoredMessage[];
}

/** The query: null when the broker's master has no such queue. */
export function queueMessages(timeline: TimelineView, { broker: brokerName, topic, queueId, count = 8 }: QueueMessagesArgs): QueueMessages | null {
  const broker = masterOf(timeline.state, brokerName);
  const queue = broker?.consumeQueues[topic]?.[queueId];
  if (!broker || !queue) return null;
  const latest: StoredMessage[] = [];
  for (let offset = queue.length - 1; offset >= 0 && latest.length < count; offset--) {
    const message = broker.commitLog.at(queue.at(offset)!);
    if (message) latest.push(message);
  }
  return { maxOffset: queue.length, latest };
}
