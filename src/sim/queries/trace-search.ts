/**
 * The event log's search of the trace (the named query traceSearch): the latest events matching
 * a type and an entity text, and how many match in all. It runs where the Timeline lives (the
 * simulation's worker, or the page), because the page holds only the trace's latest events.
 *
 * A run of an hour holds millions of events, and the Timeline keeps only some of them in memory
 * (the rest are replayed from a checkpoint when read), so one ask never walks the whole trace:
 * unfiltered, the latest rows are read straight from the end; filtered, an index per (trace,
 * filter) remembers which ranges of the trace were already scanned and where the matches are.
 * Moving forward scans only the new events, moving back only forgets, and a scan of the past goes
 * backwards from the end within a budget of events, continued on the next ask, so the newest rows
 * come first and the count is completed a little at a time.
 */
import type { TraceEvent, TraceType } from '../../model/events.ts';
import type { TimelineView, TraceSource } from '../timeline.ts';

export interface EventFilter {
  /** '' for every type. */
  type: TraceType | '';
  /** Case-insensitive text matched against every field value but the time; '' for every entity. */
  entity: string;
}

function fieldMatches(value: unknown, needle: string): boolean {
  if (Array.isArray(value)) return value.some((item) => fieldMatches(item, needle));
  return String(value).toLowerCase().includes(needle);
}

function matchesNeedle(event: TraceEvent, type: TraceType | '', needle: string): boolean {
  if (type !== '' && event.type !== type) return false;
  if (needle === '') return true;
  for (const key in event) if (key !== 't' && fieldMatches(event[key as keyof TraceEvent], needle)) return true;
  return false;
}

function isEmptyFilter(filter: EventFilter): boolean {
  return filter.type === '' && filter.entity.trim() === '';
}

interface LogRow {
  index: number;
  event: TraceEvent;
}

export interface LogQuery {
  /** The latest matching events, newest first. */
  rows: LogRow[];
  /** Matching events up to now; a lower bound while `complete` is false. */
  matching: number;
  /** Whether the whole trace up to now has been searched (else call again to go on). */
  complete: boolean;
}

/** Events read at once. */
const CHUNK = 2_048;
/** Events of the past one ask reads by default: a few tens of milliseconds, so that the run is not held up for long. */
const SEARCH_EVENTS_PER_ASK = 100_000;
/** A forward jump longer than this starts a new scanned range at the end instead of reading the gap. */
const MAX_FORWARD_GAP = 16_384;
/** Matched events kept for the rows (the newest ones); older rows are read again from the trace. */
const KEPT_EVENTS = 20_000;

/**
 * The matches (trace indices) of one scanned range [low, high): the part scanned backwards is
 * kept newest first in `older` (from `olderStart`), the part scanned forwards oldest first in
 * `newer`, so both ends grow and shrink without copying.
 */
class ScannedRange {
  low: number;
  high: number;
  private older: number[] = [];
  private olderStart = 0;
  private newer: number[] = [];

  constructor(low: number, high: number) {
    this.low = low;
    this.high = high;
  }

  get count(): number {
    return this.older.length - this.olderStart + this.newer.length;
  }

  addOlder(index: number): void {
    this.older.push(index);
  }

  addNewer(index: number): void {
    this.newer.push(index);
  }

  /** Forgets everything at or after `length` (a step back). */
  truncate(length: number): void {
    this.high = Math.min(this.high, length);
    while (this.newer.length > 0 && this.newer[this.newer.length - 1]! >= length) this.newer.pop();
    if (this.newer.length === 0) while (this.olderStart < this.older.length && this.older[this.olderStart]! >= length) this.olderStart++;
  }

  /** The newest `limit` matches, newest first. */
  latest(limit: number): number[] {
    const result: number[] = [];
    for (let i = this.newer.length - 1; i >= 0 && result.length < limit; i--) result.push(this.newer[i]!);
    for (let i = this.olderStart; i < this.older.length && result.length < limit; i++) result.push(this.older[i]!);
    return result;
  }

  /** Oldest first. */
  ascending(): number[] {
    return [...this.older.slice(this.olderStart).reverse(), ...this.newer];
  }

  /** Joins the range just below this one ([below.low, this.low)) into this one. */
  absorb(below: ScannedRange): void {
    this.older = [...this.older.slice(this.olderStart), ...below.ascending().reverse()];
    this.olderStart = 0;
    this.low = below.low;
  }
}

interface MatchIndex {
  type: TraceType | '';
  needle: string;
  /** Disjoint scanned ranges, lowest first. */
  ranges: ScannedRange[];
  /** Matched events by trace index, for the rows: a replayed segment would cost far more than keeping them. */
  events: Map<number, TraceEvent>;
  /** The last answer, returned again while neither the trace nor the limit changed. */
  last: { length: number; limit: number; query: LogQuery } | null;
}

/** A few indexes per trace source (the log's recent filters), most recently used last. */
const indexes = new WeakMap<TraceSource, MatchIndex[]>();
const INDEXES_PER_SOURCE = 4;

function indexFor(source: TraceSource, type: TraceType | '', needle: string): MatchIndex {
  const list = indexes.get(source) ?? [];
  indexes.set(source, list);
  const at = list.findIndex((index) => index.type === type && index.needle === needle);
  const index = at >= 0 ? list.splice(at, 1)[0]! : { type, needle, ranges: [], events: new Map(), last: null };
  list.push(index);
  if (list.length > INDEXES_PER_SOURCE) list.shift();
  return index;
}

/** The prefix got shorter (a step back): forget what lies beyond it. */
function forgetBeyond(index: MatchIndex, length: number): void {
  index.ranges = index.ranges.filter((range) => range.low < length || (range.low === length && range.high === length));
  for (const range of index.ranges) range.truncate(length);
}

function scanForward(index: MatchIndex, source: TraceSource, range: ScannedRange, to: number): void {
  for (let start = range.high; start < to; start += CHUNK) {
    const events = source.traceSlice(start, Math.min(to, start + CHUNK));
    events.forEach((event, i) => {
      if (!matchesNeedle(event, index.type, index.needle)) return;
      range.addNewer(start + i);
      index.events.set(start + i, event);
    });
  }
  range.high = to;
}

/** The range that ends at `length`, made by reading forward from the last one when the gap is short. */
function topRange(index: MatchIndex, source: TraceSource, length: number): ScannedRange {
  const last = index.ranges.at(-1);
  if (last && last.high === length) return last;
  if (last && length - last.high <= MAX_FORWARD_GAP) {
    scanForward(index, source, last, length);
    return last;
  }
  const range = new ScannedRange(length, length);
  index.ranges.push(range);
  return range;
}

/** Reads backwards from the top range's low end until the trace starts or `maxEvents` are read (at least one). */
function scanBackward(index: MatchIndex, source: TraceSource, top: ScannedRange, maxEvents: number): void {
  let read = 0;
  while (top.low > 0) {
    const below = index.ranges.length > 1 ? index.ranges[index.ranges.length - 2]! : null;
    if (below && below.high === top.low) {
      top.absorb(below);
      index.ranges.splice(index.ranges.length - 2, 1);
      continue;
    }
    if (read >= Math.max(1, maxEvents)) return;
    const start = Math.max(below?.high ?? 0, top.low - Math.min(CHUNK, Math.max(1, maxEvents - read)));
    const events = source.traceSlice(start, top.low);
    for (let i = events.length - 1; i >= 0; i--) {
      if (!matchesNeedle(events[i]!, index.type, index.needle)) continue;
      top.addOlder(start + i);
      // Only the newest matches can be rows: older ones are counted, not kept.
      if (top.count <= KEPT_EVENTS) index.events.set(start + i, events[i]!);
    }
    read += top.low - start;
    top.low = start;
  }
}

/** Keeps the newest KEPT_EVENTS matched events (and every one a row needs). */
function trimEvents(index: MatchIndex, keep: Set<number>): void {
  if (index.events.size <= 2 * KEPT_EVENTS) return;
  const threshold = [...index.events.keys()].sort((a, b) => b - a)[KEPT_EVENTS - 1]!;
  for (const key of index.events.keys()) if (key < threshold && !keep.has(key)) index.events.delete(key);
}

function eventAt(index: MatchIndex, source: TraceSource, at: number): TraceEvent {
  let event = index.events.get(at);
  if (!event) {
    event = source.traceAt(at)!;
    index.events.set(at, event);
  }
  return event;
}

function unfiltered(source: TraceSource, limit: number): LogQuery {
  const length = source.traceLength;
  const start = Math.max(0, length - limit);
  const events = source.traceSlice(start, length);
  const rows: LogRow[] = [];
  for (let i = events.length - 1; i >= 0; i--) rows.push({ index: start + i, event: events[i]! });
  return { rows, matching: length, complete: true };
}

/**
 * The latest `limit` events matching the filter, newest first, and how many match up to now.
 * Filtered, the search of the past stops after `maxEvents` events of it (all of it by default):
 * the answer then says it is not complete, and the next call goes on from there.
 */
export function queryLog(source: TraceSource, filter: EventFilter, limit: number, maxEvents = Number.POSITIVE_INFINITY): LogQuery {
  if (isEmptyFilter(filter)) return unfiltered(source, limit);
  const index = indexFor(source, filter.type, filter.entity.trim().toLowerCase());
  const length = source.traceLength;
  if (index.last && index.last.length === length && index.last.limit === limit && index.last.query.complete) return index.last.query;
  forgetBeyond(index, length);
  const top = topRange(index, source, length);
  scanBackward(index, source, top, maxEvents);
  const latest = top.latest(limit);
  const rows = latest.map((at) => ({ index: at, event: eventAt(index, source, at) }));
  trimEvents(index, new Set(latest));
  const complete = top.low === 0;
  const matching = index.ranges.reduce((sum, range) => sum + range.count, 0);
  const query = { rows, matching, complete };
  index.last = { length, limit, query };
  return query;
}

export interface TraceSearchArgs {
  filter: EventFilter;
  /** How many of the latest matching events to return. */
  limit: number;
  /** Events of the past this ask reads at most; SEARCH_EVENTS_PER_ASK by default. */
  maxEvents?: number;
}

/** The named query: one ask's share of the search, continued by the next ask with the same filter. */
export function traceSearch(timeline: TimelineView, { filter, limit, maxEvents = SEARCH_EVENTS_PER_ASK }: TraceSearchArgs): LogQuery {
  return queryLog(timeline, filter, limit, maxEvents);
}
