/**
 * The latest trace events the page holds: what the event log's latest rows, the dots in flight
 * and the narration read. The worker keeps the same record of it, so each event crosses once
 * while playing forward, and a seek far back sends a fresh tail. Events before the tail are
 * read in the worker, through named queries (src/sim/queries).
 *
 * A fresh tail is small on purpose: reading it from the Timeline replays the trace segments it
 * spans, and every event costs the wire and the page, so it brings what the panels show at once
 * and no more. Playing forward, the tail grows to 2 x TAIL_EVENTS and is cut back to TAIL_EVENTS.
 */
import type { TraceEvent } from '../../model/events.ts';

/**
 * The least the page ever holds of the latest trace (all of it when the trace is shorter): the
 * log's 500 rows, the narration's moment, and the canvas's dots in flight, which stop at their
 * cap of 2,000 or at the widest flight window. Three of four events of a busy run fly as a dot
 * (sent, stored, consumed), so 2,000 dots lie within the latest 2,700 events or so; a quiet run
 * covers the widest window (test/unit/store/worker-flights.test.ts checks both).
 */
export const HELD_EVENTS = 3_000;
/**
 * Events a fresh tail brings: HELD_EVENTS and room for 300 events of stepping back before the
 * next fresh tail. Every event of a far seek's tail costs the worker its packing and the page its
 * unpacking (packed-tail.ts), and the page is the busier of the two during a seek, so the room is
 * what a learner steps back through, not more: 4,000 (1,000 of room) cost a fifth more of both.
 */
export const FRESH_EVENTS = 3_300;
/** Playing forward, the page keeps between this and twice this. */
export const TAIL_EVENTS = 20_000;

/**
 * Which events [start, end) the page's tail holds, and how a frame moves them: the worker keeps
 * only this (frame.ts), the page keeps the events too (TraceTail), by the same rule.
 */
export class TailExtent {
  start = 0;
  end = 0;

  /** Where the events sent for a trace of `length` start: where the tail ends, or a fresh tail when it would hold too little or miss events between. */
  fromFor(length: number): number {
    const fresh = Math.max(0, length - FRESH_EVENTS);
    const tooShort = this.start > Math.max(0, length - HELD_EVENTS);
    const tooFar = this.end < fresh;
    return tooShort || tooFar ? fresh : Math.min(this.end, length);
  }

  /** The trace is now `length` long and events [from, length) were sent; returns where the tail held before now starts in it (its start, or `from` when it starts afresh). */
  apply(from: number, length: number): number {
    const kept = from < this.start || from > this.end ? from : this.start;
    this.start = kept;
    this.end = Math.max(this.start, length);
    if (this.end - this.start > 2 * TAIL_EVENTS) this.start = this.end - TAIL_EVENTS;
    return kept;
  }
}

export class TraceTail {
  private readonly extent = new TailExtent();
  /** Events [start, end) of the trace. */
  events: TraceEvent[] = [];

  /** Trace index of events[0]. */
  get start(): number {
    return this.extent.start;
  }

  get end(): number {
    return this.extent.end;
  }

  fromFor(length: number): number {
    return this.extent.fromFor(length);
  }

  /** The trace is now `length` long and events [from, length) are given. */
  apply(from: number, events: readonly TraceEvent[], length: number): void {
    const kept = this.extent.apply(from, length);
    // What was held before `from` stays (none when the tail starts afresh at it).
    this.events.length = from - kept;
    for (const event of events) this.events.push(event);
    this.events.length = this.end - kept;
    if (this.start > kept) this.events = this.events.slice(this.start - kept);
  }

  at(index: number): TraceEvent | undefined {
    return index >= this.start ? this.events[index - this.start] : undefined;
  }

  /** Events [from, to) that the tail holds. */
  slice(from: number, to: number): TraceEvent[] {
    return this.events.slice(Math.max(0, from - this.start), Math.max(0, to - this.start));
  }
}
