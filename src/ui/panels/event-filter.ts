/**
 * The event log's query over the trace: the latest events matching a type and an entity text,
 * and how many match in all (counted incrementally while the run moves forward).
 */
import type { TraceEvent, TraceType } from '../../model/events.ts';

/** What the panels read of a Timeline's trace (the prefix up to the current time). */
export interface TraceSource {
  readonly traceLength: number;
  traceAt(index: number): TraceEvent | undefined;
  /** Events [from, to); the Timeline serves a range from whole segments, cheaper than one traceAt per event. */
  traceSlice(from: number, to?: number): TraceEvent[];
}

/** Events are read in chunks of this many: bulk reads without copying the whole trace at once. */
const CHUNK = 4_096;

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

export function matchesFilter(event: TraceEvent, filter: EventFilter): boolean {
  if (filter.type !== '' && event.type !== filter.type) return false;
  const needle = filter.entity.trim().toLowerCase();
  if (needle === '') return true;
  for (const [key, value] of Object.entries(event)) if (key !== 't' && fieldMatches(value, needle)) return true;
  return false;
}

export interface LogRow {
  index: number;
  event: TraceEvent;
}

/** The latest `limit` matching events, newest first (a backward scan that stops at the limit). */
export function latestMatching(source: TraceSource, filter: EventFilter, limit: number): LogRow[] {
  const rows: LogRow[] = [];
  // Unfiltered, the latest `limit` events are exactly what is needed: read no more.
  const chunk = filter.type === '' && filter.entity.trim() === '' ? Math.max(1, limit) : CHUNK;
  for (let end = source.traceLength; end > 0 && rows.length < limit; end -= chunk) {
    const start = Math.max(0, end - chunk);
    const events = source.traceSlice(start, end);
    for (let i = events.length - 1; i >= 0 && rows.length < limit; i--) {
      const event = events[i]!;
      if (matchesFilter(event, filter)) rows.push({ index: start + i, event });
    }
  }
  return rows;
}

interface MatchCount {
  type: string;
  entity: string;
  length: number;
  count: number;
}

/** The last count per trace source, so that playing forward only scans the new events. */
const counts = new WeakMap<TraceSource, MatchCount>();

/**
 * Matching events in the whole trace up to now. Moving forward only scans the new events;
 * a new source, new filter or a step back counts again from the start (the prefix of a
 * deterministic run never changes, so the earlier count stays right while moving forward).
 */
export function countMatching(source: TraceSource, filter: EventFilter): number {
  if (filter.type === '' && filter.entity.trim() === '') return source.traceLength;
  const previous = counts.get(source);
  const reusable = previous !== undefined && previous.type === filter.type && previous.entity === filter.entity && previous.length <= source.traceLength;
  let count = reusable ? previous.count : 0;
  for (let start = reusable ? previous.length : 0; start < source.traceLength; start += CHUNK) {
    for (const event of source.traceSlice(start, Math.min(source.traceLength, start + CHUNK))) if (matchesFilter(event, filter)) count++;
  }
  counts.set(source, { type: filter.type, entity: filter.entity, length: source.traceLength, count });
  return count;
}
