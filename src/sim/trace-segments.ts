/**
 * The trace of a run, kept per checkpoint segment in a bounded cache: an hour of a busy run is
 * millions of events, so the least recently read segments are dropped over the budget and
 * replayed again from their checkpoint when someone reads them.
 */
import type { TraceEvent } from '../model/events.ts';

export class TraceSegments {
  /** Map order is insertion order: a read re-inserts, so the first entries are the least recently read. */
  private readonly segments = new Map<number, TraceEvent[]>();
  private cachedEvents = 0;

  /** `replay(k)` gives the events of a dropped segment k again. */
  constructor(private readonly budget: number, private readonly replay: (k: number) => TraceEvent[]) {}

  has(k: number): boolean {
    return this.segments.has(k);
  }

  /** A new event of the first pass, at the end of its segment. */
  append(k: number, event: TraceEvent): void {
    let segment = this.segments.get(k);
    if (!segment) {
      segment = [];
      this.segments.set(k, segment);
    }
    segment.push(event);
    this.cachedEvents++;
  }

  /** A whole segment recorded while seeking through it; a segment already cached stays as it is. */
  put(k: number, events: TraceEvent[]): void {
    if (this.segments.has(k)) return;
    this.segments.set(k, events);
    this.cachedEvents += events.length;
  }

  /** Every event of segment k simulated so far, replayed if it was dropped. */
  read(k: number): TraceEvent[] {
    const cached = this.segments.get(k);
    if (cached) {
      this.segments.delete(k);
      this.segments.set(k, cached);
      return cached;
    }
    const events = this.replay(k);
    this.put(k, events);
    return events;
  }

  /** Drops the least recently read segments while over budget, except those `keep` names. */
  evict(keep: (k: number) => boolean): void {
    for (const [k, segment] of this.segments) {
      if (this.cachedEvents <= this.budget) return;
      if (keep(k)) continue;
      this.segments.delete(k);
      this.cachedEvents -= segment.length;
    }
  }
}
