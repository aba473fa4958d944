/**
 * The Timeline's TraceWriter (src/model/trace-writer.ts): the first pass's five busy events go
 * as values straight into their packed segment (packed-trace.ts), no object made; an event the
 * Timeline needs as an object (one replayed, or of a segment also kept unpacked) is made with its
 * literal and recorded as any other.
 */
import type { TraceEvent } from '../model/events.ts';
import {
  messageConsumedEvent, messageSentEvent, messageStoredEvent, offsetCommittedEvent, sendResultEvent, type TraceWriter,
} from '../model/trace-writer.ts';
import type { SendResultStatus } from '../model/vocabulary.ts';
import type { PackedSegment } from './packed-trace.ts';

export class TimelineWriter implements TraceWriter {
  /**
   * `packerFor(t)`: the segment the event at t is packed into, or undefined when it must be an
   * object; `record` takes such an object.
   */
  constructor(private readonly packerFor: (t: number) => PackedSegment | undefined, private readonly record: (event: TraceEvent) => void) {}

  messageSent(t: number, producer: string, msgId: string, topic: string, tags: string, keys: string, broker: string, queueId: number, attempt: number): void {
    const packer = this.packerFor(t);
    if (packer) packer.messageSent(t, producer, msgId, topic, tags, keys, broker, queueId, attempt);
    else this.record(messageSentEvent(t, producer, msgId, topic, tags, keys, broker, queueId, attempt));
  }

  messageStored(
    t: number, broker: string, brokerId: number, topic: string, queueId: number, queueOffset: number, commitLogOffset: number, msgId: string,
    offsetMsgId: string,
  ): void {
    const packer = this.packerFor(t);
    if (packer) packer.messageStored(t, broker, brokerId, topic, queueId, queueOffset, commitLogOffset, msgId, offsetMsgId);
    else this.record(messageStoredEvent(t, broker, brokerId, topic, queueId, queueOffset, commitLogOffset, msgId, offsetMsgId));
  }

  sendResult(t: number, producer: string, msgId: string, status: SendResultStatus): void {
    const packer = this.packerFor(t);
    if (packer) packer.sendResult(t, producer, msgId, status);
    else this.record(sendResultEvent(t, producer, msgId, status));
  }

  messageConsumed(
    t: number, consumer: string, group: string, msgId: string, broker: string, brokerId: number, queueId: number, queueOffset: number, topic: string,
    reconsumeTimes: number,
  ): void {
    const packer = this.packerFor(t);
    if (packer) packer.messageConsumed(t, consumer, group, msgId, broker, brokerId, queueId, queueOffset, topic, reconsumeTimes);
    else this.record(messageConsumedEvent(t, consumer, group, msgId, broker, brokerId, queueId, queueOffset, topic, reconsumeTimes));
  }

  offsetCommitted(t: number, consumer: string, group: string, broker: string, queueId: number, offset: number, topic: string): void {
    const packer = this.packerFor(t);
    if (packer) packer.offsetCommitted(t, consumer, group, broker, queueId, offset, topic);
    else this.record(offsetCommittedEvent(t, consumer, group, broker, queueId, offset, topic));
  }
}
