/**
 * The trace events of a window of virtual time, oldest first: what the event log and a
 * space-time view draw. The trace is in time order, so the window's first event is found by a
 * binary search over trace indices and only the window is read.
 */
import type { TraceEvent } from '../../model/events.ts';
import { lowerBound } from '../lower-bound.ts';
import type { TimelineView } from '../timeline.ts';

export interface TraceWindowArgs {
  /** Virtual time the window starts at (included). */
  from: number;
  /** Virtual time the window ends at (included); the run's current time bounds it. */
  to: number;
  /** Events returned at most (the oldest ones); 10,000 by default. */
  limit?: number;
}

export interface TraceWindow {
  /** Trace index of the first event returned (where the window starts when it is empty). */
  firstIndex: number;
  events: TraceEvent[];
  /** Whether the window holds more events than `limit`. */
  truncated: boolean;
}

const TRACE_WINDOW_LIMIT = 10_000;
/** Events read at once: the Timeline serves a range from whole segments. */
const CHUNK = 2_048;

/** The first trace index whose event happens at or after t (traceLength when none). */
export function firstIndexAtOrAfter(timeline: TimelineView, t: number): number {
  return lowerBound(timeline.traceLength, (index) => timeline.traceAt(index)!.t, t);
}

export function traceWindow(timeline: TimelineView, { from, to, limit = TRACE_WINDOW_LIMIT }: TraceWindowArgs): TraceWindow {
  const firstIndex = firstIndexAtOrAfter(timeline, from);
  const events: TraceEvent[] = [];
  const length = timeline.traceLength;
  for (let start = firstIndex; start < length && events.length <= limit; start += CHUNK) {
    for (const event of timeline.traceSlice(start, Math.min(length, start + CHUNK))) {
      if (event.t > to || events.length > limit) return finish(firstIndex, events, limit);
      events.push(event);
    }
  }
  return finish(firstIndex, events, limit);
}

function finish(firstIndex: number, events: TraceEvent[], limit: number): TraceWindow {
  const truncated = events.length > limit;
  if (truncated) events.length = limit;
  return { firstIndex, events, truncated };
}
