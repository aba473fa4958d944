/**
 * The trace hash of the run up to the current time (the summary's traceHash, src/sim/trace-hash.ts),
 * computed where the Timeline lives: the browser test compares the worker's run with Node's.
 */
import { TraceHasher } from '../trace-hash.ts';
import type { TimelineView } from '../timeline.ts';

/** Events read at once. */
const CHUNK = 4_096;

export function traceHash(timeline: TimelineView, _args: Record<string, never>): string {
  const hasher = new TraceHasher();
  for (let start = 0; start < timeline.traceLength; start += CHUNK) {
    for (const event of timeline.traceSlice(start, start + CHUNK)) hasher.addEvent(event);
  }
  return hasher.digest();
}
