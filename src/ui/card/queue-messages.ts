/**
 * The latest messages of one queue, read from its master's ConsumeQueue: each unit points into
 * the CommitLog, where the message itself is (ConsumeQueue.putMessagePositionInfo).
 */
import { MASTER_ID, type ModelState, type StoredMessage } from '../../sim/index.ts';

export interface QueueMessages {
  /** The queue's maxOffset: how many messages it ever held. */
  maxOffset: number;
  /** The latest ones, newest first. */
  latest: StoredMessage[];
}

export function queueMessages(state: Readonly<ModelState>, brokerName: string, topic: string, queueId: number, count = 8): QueueMessages | null {
  const broker = state.brokers[`${brokerName}/${MASTER_ID}`];
  const queue = broker?.consumeQueues[topic]?.[queueId];
  if (!broker || !queue) return null;
  const latest: StoredMessage[] = [];
  for (let offset = queue.length - 1; offset >= 0 && latest.length < count; offset--) {
    const message = broker.commitLog.at(queue.at(offset)!);
    if (message) latest.push(message);
  }
  return { maxOffset: queue.length, latest };
}
