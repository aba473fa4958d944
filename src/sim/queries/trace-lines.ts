/**
 * The trace of a time window as JSON Lines: the same bytes the headless runner writes for those
 * events (src/cli/sim.ts writes JSON.stringify of each event and a newline, src/sim/simulate.ts),
 * so a window saved from the page can be compared with `npm run sim -- --trace` line by line.
 */
import type { TimelineView } from '../timeline.ts';
import { firstIndexAtOrAfter } from './trace-window.ts';

export interface TimeWindowArgs {
  fromMs: number;
  toMs: number;
}

/** The trace events with fromMs <= t <= toMs that have happened by the playhead, one JSON line each. */
export function traceJsonLines(timeline: TimelineView, args: TimeWindowArgs): string {
  const first = firstIndexAtOrAfter(timeline, args.fromMs);
  const end = firstIndexAtOrAfter(timeline, args.toMs + 1);
  return timeline.traceSlice(first, end).map((event) => `${JSON.stringify(event)}\n`).join('');
}
