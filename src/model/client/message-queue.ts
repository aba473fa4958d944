/**
 * common/.../message/MessageQueue.java: a topic's queue on one broker. A module of its own, with
 * nothing heavy behind it, so a view can sort queues as RocketMQ does without loading the strategies.
 */
import { javaStringCompare } from '../java.ts';

export interface MessageQueue {
  topic: string;
  brokerName: string;
  queueId: number;
}

/** MessageQueue.compareTo: topic, then brokerName (String.compareTo), then queueId. */
export function compareMessageQueue(a: MessageQueue, b: MessageQueue): number {
  return javaStringCompare(a.topic, b.topic) || javaStringCompare(a.brokerName, b.brokerName) || a.queueId - b.queueId;
}

/** MessageQueue.toString: the consistent-hash strategy hashes exactly this text. */
export function messageQueueToString(mq: MessageQueue): string {
  return `MessageQueue [topic=${mq.topic}, brokerName=${mq.brokerName}, queueId=${mq.queueId}]`;
}

