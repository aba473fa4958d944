/**
 * Everything the run says about one message, read from the trace: its send attempts, where each
 * copy was stored (the master, its slaves, a retry or dead-letter topic), who consumed it and
 * when, and why a consumption failed. The search starts at the time the msgId itself carries (the
 * producer wrote its birth into it), so it never reads the trace before the message existed.
 */
import { type TraceEvent, parseUniqId } from '../../sim/index.ts';
import { lowerBound } from '../../viz/flight.ts';
import type { TraceSource } from '../panels/event-filter.ts';

type Of<K extends TraceEvent['type']> = Extract<TraceEvent, { type: K }>;

export interface MessageFacts {
  msgId: string;
  sent: Of<'message.sent'>[];
  failed: Of<'send.failed'>[];
  result: Of<'send.result'> | null;
  stored: Of<'message.stored'>[];
  consumed: Of<'message.consumed'>[];
  consumeFailed: Of<'consume.failed'>[];
  lost: Of<'message.lost'>[];
  /** False when the search stopped before the playhead (a very long run): later facts may be missing. */
  complete: boolean;
}

/** Events read at most: far more than a learner's run holds after one message's birth. */
const MAX_SCAN = 400_000;
const CHUNK = 4_096;

function emptyFacts(msgId: string): MessageFacts {
  return { msgId, sent: [], failed: [], result: null, stored: [], consumed: [], consumeFailed: [], lost: [], complete: true };
}

function collect(facts: MessageFacts, event: TraceEvent): void {
  if (!('msgId' in event) || event.msgId !== facts.msgId) return;
  switch (event.type) {
    case 'message.sent': facts.sent.push(event); return;
    case 'send.failed': facts.failed.push(event); return;
    case 'send.result': facts.result = event; return;
    case 'message.stored': facts.stored.push(event); return;
    case 'message.consumed': facts.consumed.push(event); return;
    case 'consume.failed': facts.consumeFailed.push(event); return;
    case 'message.lost': facts.lost.push(event); return;
    // A group passing over the message (inconsistent subscriptions) is shown in the log and the failover docs, not on the card.
    case 'message.filtered': return;
  }
}

/** The facts of `msgId` in the trace up to now; null when it is not a client msgId. */
export function messageFacts(source: TraceSource, msgId: string): MessageFacts | null {
  const fields = parseUniqId(msgId);
  if (fields === null) return null;
  const facts = emptyFacts(msgId);
  const length = source.traceLength;
  // The run starts at the first instant of a month: the msgId's time field is the run time of its birth.
  let index = lowerBound(length, (i) => source.traceAt(i)?.t ?? Number.POSITIVE_INFINITY, fields.startOfMonthMs);
  const stop = Math.min(length, index + MAX_SCAN);
  for (; index < stop; index += CHUNK) for (const event of source.traceSlice(index, Math.min(stop, index + CHUNK))) collect(facts, event);
  facts.complete = stop === length;
  return facts;
}
