/**
 * The trace of a run, kept per checkpoint segment in a bounded cache: an hour of a busy run is
 * millions of events, so the least recently read segments are dropped over the budget and
 * replayed again from their checkpoint when someone reads them. A cached segment is packed
 * (packed-trace.ts): the first pass runs far ahead of what anyone reads, and its events kept as
 * objects cost the garbage collector more than packing them costs. The few segments read last
 * stay unpacked too, for the reads that come back to them (a frame's tail, stepping back, a
 * query's chunks).
 */
import type { TraceEvent } from '../model/events.ts';
import { Names, PackedSegment, type TraceSink } from './packed-trace.ts';

/**
 * Events of the segments read last kept unpacked besides (whole segments, the last one read at
 * least): a seek's tail spans two segments, the same moments are often sought again, and a
 * query reads on in chunks.
 */
const UNPACKED_EVENTS = 200_000;

export class TraceSegments {
  /** Map order is insertion order: a read re-inserts, so the first entries are the least recently read. */
  private readonly segments = new Map<number, PackedSegment>();
  /** In the order read, as `segments`. */
  private readonly unpacked = new Map<number, TraceEvent[]>();
  private unpackedEvents = 0;
  private readonly names = new Names();
  private cachedEvents = 0;

  /** `replay(k)` gives the events of a dropped segment k again. */
  constructor(private readonly budget: number, private readonly replay: (k: number) => TraceEvent[]) {}

  has(k: number): boolean {
    return this.segments.has(k);
  }

  /** Whether segment k can be read as it is, neither unpacked nor replayed. */
  isUnpacked(k: number): boolean {
    return this.unpacked.has(k);
  }

  /** A new event of the first pass, at the end of its segment. */
  append(k: number, event: TraceEvent): void {
    this.writing(k).append(event);
    const unpacked = this.unpacked.get(k);
    if (unpacked) {
      unpacked.push(event);
      this.unpackedEvents++;
    }
    this.cachedEvents++;
  }

  /**
   * The segment the first pass's next event of segment k is packed into as values (that event
   * counted), or undefined while k is also kept unpacked: that event must then be append()ed as
   * an object.
   */
  packerOf(k: number): PackedSegment | undefined {
    if (this.unpacked.has(k)) return undefined;
    this.cachedEvents++;
    return this.writing(k);
  }

  /** Segment k, being written by the first pass: a new one starts with the room the one before took. */
  private writing(k: number): PackedSegment {
    let segment = this.segments.get(k);
    if (!segment) {
      const before = this.segments.get(k - 1);
      before?.trim();
      segment = new PackedSegment(this.names, before);
      this.segments.set(k, segment);
    }
    return segment;
  }

  /** A whole segment recorded while seeking through it: kept unpacked, and packed unless it is already. */
  put(k: number, events: TraceEvent[]): void {
    if (this.segments.has(k)) {
      if (!this.unpacked.has(k)) this.remember(k, events);
      return;
    }
    const segment = new PackedSegment(this.names);
    for (const event of events) segment.append(event);
    segment.trim();
    this.segments.set(k, segment);
    this.cachedEvents += events.length;
    this.remember(k, events);
  }

  /** Every event of segment k simulated so far, replayed if it was dropped. */
  read(k: number): TraceEvent[] {
    const segment = this.segments.get(k);
    if (!segment) {
      const events = this.replay(k);
      this.put(k, events);
      return events;
    }
    this.segments.delete(k);
    this.segments.set(k, segment);
    const unpacked = this.unpacked.get(k);
    if (unpacked) {
      this.unpacked.delete(k);
      this.unpacked.set(k, unpacked);
      return unpacked;
    }
    const events = segment.unpack();
    this.remember(k, events);
    return events;
  }

  /**
   * Events [from, to) of segment k (as far as it goes) to `sink`, packed ones as their values
   * when the segment is not kept unpacked: nothing is unpacked and kept for them. Returns how
   * many it wrote.
   */
  writeRange(k: number, sink: TraceSink, from: number, to: number): number {
    const segment = this.segments.get(k);
    if (!segment || this.unpacked.has(k)) return addAll(sink, this.read(k), from, to);
    this.segments.delete(k);
    this.segments.set(k, segment);
    const end = Math.min(to, segment.length);
    segment.writeRange(sink, from, end);
    return Math.max(0, end - from);
  }

  /** Drops the least recently read segments while over budget, except those `keep` names. */
  evict(keep: (k: number) => boolean): void {
    for (const [k, segment] of this.segments) {
      if (this.cachedEvents <= this.budget) return;
      if (keep(k)) continue;
      this.segments.delete(k);
      this.forget(k);
      this.cachedEvents -= segment.length;
    }
  }

  private remember(k: number, events: TraceEvent[]): void {
    this.unpacked.set(k, events);
    this.unpackedEvents += events.length;
    for (const oldest of this.unpacked.keys()) {
      if (this.unpackedEvents <= UNPACKED_EVENTS || oldest === k) return;
      this.forget(oldest);
    }
  }

  private forget(k: number): void {
    this.unpackedEvents -= this.unpacked.get(k)?.length ?? 0;
    this.unpacked.delete(k);
  }
}

/** Events [from, to) of `events` (as far as they go) to `sink`; returns how many. */
export function addAll(sink: TraceSink, events: readonly TraceEvent[], from: number, to: number): number {
  const end = Math.min(to, events.length);
  for (let i = from; i < end; i++) sink.add(events[i]!);
  return Math.max(0, end - from);
}
