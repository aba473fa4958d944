/**
 * The runner's TraceWriter writes each busy event's line from its values: the bytes must be
 * those of JSON.stringify of the event object the model would have emitted (its keys in the
 * literal's order), whatever the values, and the line's room must always be enough.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../src/model/events.ts';
import type { TraceWriter } from '../../../src/model/trace-writer.ts';
import { TraceHasher } from '../../../src/sim/trace-hash.ts';
import { HashedLineWriter } from '../../../src/sim/trace-writers.ts';
import type { SendResultStatus } from '../../../src/model/vocabulary.ts';

/** Strings that need JSON's escapes or UTF-8's longer forms, and long ones. */
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', '"', '\\', '\n', '\u0000', '\u001f', '\u2028', '主题', '\ud83d\ude00', '\ud800', '7F00000100002A9F0000000000000001'),
  fc.string({ unit: fc.constantFrom('\u0001', '"', '主'), minLength: 3_000, maxLength: 12_000 }),
);
const number = fc.oneof(fc.integer(), fc.nat(), fc.double(), fc.constantFrom(-0, 2 ** 31, 2 ** 53, -1 / 300_000, -(2 ** -1000), NaN, Infinity));

/** An event of one of the five types, and how to hand it to a writer. */
type Busy = { event: TraceEvent; write: (writer: TraceWriter) => void };

const busy: fc.Arbitrary<Busy> = fc.oneof(
  fc.tuple(number, text, text, text, text, text, text, number, number).map(([t, producer, msgId, topic, tags, keys, broker, queueId, attempt]): Busy => ({
    event: { t, type: 'message.sent', producer, msgId, topic, tags, keys, broker, queueId, attempt },
    write: (w: TraceWriter) => w.messageSent(t, producer, msgId, topic, tags, keys, broker, queueId, attempt),
  })),
  fc.tuple(number, text, number, text, number, number, number, text, text).map(([t, broker, brokerId, topic, queueId, queueOffset, commitLogOffset, msgId, offsetMsgId]): Busy => ({
    event: { t, type: 'message.stored', broker, brokerId, topic, queueId, queueOffset, commitLogOffset, msgId, offsetMsgId },
    write: (w: TraceWriter) => w.messageStored(t, broker, brokerId, topic, queueId, queueOffset, commitLogOffset, msgId, offsetMsgId),
  })),
  fc.tuple(number, text, text, text).map(([t, producer, msgId, status]): Busy => ({
    event: { t, type: 'send.result', producer, msgId, status: status as SendResultStatus },
    write: (w: TraceWriter) => w.sendResult(t, producer, msgId, status as SendResultStatus),
  })),
  fc.tuple(number, text, text, text, text, number, number, number, text, number).map(([t, consumer, group, msgId, broker, brokerId, queueId, queueOffset, topic, reconsumeTimes]): Busy => ({
    event: { t, type: 'message.consumed', consumer, group, msgId, broker, brokerId, queueId, queueOffset, topic, reconsumeTimes },
    write: (w: TraceWriter) => w.messageConsumed(t, consumer, group, msgId, broker, brokerId, queueId, queueOffset, topic, reconsumeTimes),
  })),
  fc.tuple(number, text, text, text, number, number, text).map(([t, consumer, group, broker, queueId, offset, topic]): Busy => ({
    event: { t, type: 'offset.committed', consumer, group, broker, queueId, offset, topic },
    write: (w: TraceWriter) => w.offsetCommitted(t, consumer, group, broker, queueId, offset, topic),
  })),
);

describe('HashedLineWriter (the busy events\' lines from their values)', () => {
  it('writes and hashes the bytes of each event object\'s JSON line, between lines written from objects', () => {
    fc.assert(fc.property(fc.array(busy, { minLength: 1, maxLength: 30 }), (events) => {
      const chunks: Buffer[] = [];
      const hasher = new TraceHasher((chunk) => chunks.push(Buffer.from(chunk)));
      const writer = new HashedLineWriter(hasher);
      const lines: string[] = [];
      events.forEach(({ event, write }, i) => {
        const fault = { t: i, type: 'fault', action: 'x', target: event.type };
        if (i % 3 === 1) {
          hasher.addEvent(fault);
          lines.push(JSON.stringify(fault));
        }
        write(writer);
        lines.push(JSON.stringify(event));
      });
      const digest = hasher.digest();
      expect(Buffer.concat(chunks).equals(Buffer.from(lines.map((line) => `${line}\n`).join(''), 'utf8'))).toBe(true);
      const byLines = new TraceHasher();
      for (const line of lines) byLines.addLine(line);
      expect(digest).toBe(byLines.digest());
    }), { numRuns: 200 });
  });
});
