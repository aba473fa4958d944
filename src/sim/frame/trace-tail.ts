/**
 * The latest trace events the page holds: what the event log's latest rows, the dots in flight
 * and the narration read. The worker keeps the same record of it, so each event crosses once
 * while playing forward, and a seek far back sends a fresh tail. Events before the tail are
 * read in the worker, through named queries (src/sim/queries).
 */
import type { TraceEvent } from '../../model/events.ts';

/** Events the page is sent after a far seek; it keeps between this and twice this. */
export const TAIL_EVENTS = 20_000;

export class TraceTail {
  /** Trace index of events[0]. */
  start = 0;
  events: TraceEvent[] = [];

  get end(): number {
    return this.start + this.events.length;
  }

  /** Where the events sent for a trace of `length` start: where the tail ends, or a fresh tail when it would be too short or too far. */
  fromFor(length: number): number {
    const fresh = Math.max(0, length - TAIL_EVENTS);
    const tooShort = this.start > Math.max(0, length - TAIL_EVENTS / 2);
    const tooFar = this.end < fresh;
    return tooShort || tooFar ? fresh : Math.min(this.end, length);
  }

  /** The trace is now `length` long and events [from, length) are given. */
  apply(from: number, events: readonly TraceEvent[], length: number): void {
    if (from < this.start || from > this.end) {
      this.start = from;
      this.events = [];
    }
    this.events.length = from - this.start;
    for (const event of events) this.events.push(event);
    this.events.length = Math.max(0, length - this.start);
    if (this.events.length > 2 * TAIL_EVENTS) {
      const drop = this.events.length - TAIL_EVENTS;
      this.events = this.events.slice(drop);
      this.start += drop;
    }
  }

  at(index: number): TraceEvent | undefined {
    return index >= this.start ? this.events[index - this.start] : undefined;
  }

  /** Events [from, to) that the tail holds. */
  slice(from: number, to: number): TraceEvent[] {
    return this.events.slice(Math.max(0, from - this.start), Math.max(0, to - this.start));
  }
}
