/**
 * The TraceWriters (src/model/trace-writer.ts) a run hands its five busy trace events to as
 * values. The runner's writes each event's line straight into its hasher's buffer: no event
 * object, no layout to look up, no keys to walk (trace-encoding.ts).
 */
import type { TraceWriter } from '../model/trace-writer.ts';
import type { SendResultStatus } from '../model/vocabulary.ts';
import {
  messageConsumedBytes, messageSentBytes, messageStoredBytes, offsetCommittedBytes, sendResultBytes, writeMessageConsumed, writeMessageSent,
  writeMessageStored, writeOffsetCommitted, writeSendResult,
} from './trace-encoding.ts';
import type { TraceHasher } from './trace-hash.ts';

/** Writes each event's trace line into the hasher, as addEvent would write the event's object. */
export class HashedLineWriter implements TraceWriter {
  constructor(private readonly hasher: TraceHasher) {}

  messageSent(t: number, producer: string, msgId: string, topic: string, tags: string, keys: string, broker: string, queueId: number, attempt: number): void {
    const hasher = this.hasher;
    const at = hasher.lineAt(messageSentBytes(producer, msgId, topic, tags, keys, broker));
    hasher.wrote(writeMessageSent(hasher.buffer, at, t, producer, msgId, topic, tags, keys, broker, queueId, attempt));
  }

  messageStored(
    t: number, broker: string, brokerId: number, topic: string, queueId: number, queueOffset: number, commitLogOffset: number, msgId: string,
    offsetMsgId: string,
  ): void {
    const hasher = this.hasher;
    const at = hasher.lineAt(messageStoredBytes(broker, topic, msgId, offsetMsgId));
    hasher.wrote(writeMessageStored(hasher.buffer, at, t, broker, brokerId, topic, queueId, queueOffset, commitLogOffset, msgId, offsetMsgId));
  }

  sendResult(t: number, producer: string, msgId: string, status: SendResultStatus): void {
    const hasher = this.hasher;
    const at = hasher.lineAt(sendResultBytes(producer, msgId, status));
    hasher.wrote(writeSendResult(hasher.buffer, at, t, producer, msgId, status));
  }

  messageConsumed(
    t: number, consumer: string, group: string, msgId: string, broker: string, brokerId: number, queueId: number, queueOffset: number, topic: string,
    reconsumeTimes: number,
  ): void {
    const hasher = this.hasher;
    const at = hasher.lineAt(messageConsumedBytes(consumer, group, msgId, broker, topic));
    hasher.wrote(writeMessageConsumed(hasher.buffer, at, t, consumer, group, msgId, broker, brokerId, queueId, queueOffset, topic, reconsumeTimes));
  }

  offsetCommitted(t: number, consumer: string, group: string, broker: string, queueId: number, offset: number, topic: string): void {
    const hasher = this.hasher;
    const at = hasher.lineAt(offsetCommittedBytes(consumer, group, broker, topic));
    hasher.wrote(writeOffsetCommitted(hasher.buffer, at, t, consumer, group, broker, queueId, offset, topic));
  }
}
