/**
 * The checkpoints of one run: a snapshot of the whole simulation every `everyMs` of virtual
 * time, taken on the first pass. Checkpoint k is the state at k·everyMs (checkpoint 0 is taken
 * before anything happens), and segment k is the trace between checkpoint k and k + 1: the
 * events with t in (k·I, (k+1)·I], segment 0 also those at t = 0.
 */
import type { Snapshot } from '../engine/index.ts';
import type { AnyEvent, TraceEvent } from '../model/events.ts';
import type { ModelState } from '../model/state.ts';

export type Checkpoint = Snapshot<ModelState, AnyEvent, TraceEvent>;

/**
 * The Timeline's spacing of checkpoints for a run of this length: about 1,200 per run, between
 * 1 s and 10 s apart (3 s on an hour). Halving 6 s cost the reference hour about 14 % more memory
 * (the checkpoints share the append-only logs) and made seeking a third faster.
 */
export function checkpointInterval(durationMs: number): number {
  return Math.min(10_000, Math.max(1_000, Math.round(durationMs / 1_200)));
}

/**
 * How many checkpoints the Timeline holds once the whole run is simulated: checkpoint 0 and one
 * every checkpointInterval up to the end (481 for 8 minutes, 1,201 for an hour). What the page's
 * memory grows with besides the trace cache (src/scenario/cost.ts estimates it from this).
 */
export function checkpointCount(durationMs: number): number {
  return Math.floor(Math.max(0, durationMs) / checkpointInterval(durationMs)) + 1;
}

/**
 * The trace events the Timeline's cache holds at least (its budget unless told otherwise): the
 * worker gives a larger budget when the run leaves room for it (src/scenario/cost.ts, traceCache).
 */
export const TRACE_CACHE_LEAST = 400_000;

export class Checkpoints {
  private readonly list: Checkpoint[] = [];

  constructor(readonly everyMs: number) {}

  get count(): number {
    return this.list.length;
  }

  /** When the first pass takes the next checkpoint. */
  get nextAt(): number {
    return this.list.length * this.everyMs;
  }

  add(snapshot: Checkpoint): void {
    this.list.push(snapshot);
  }

  at(k: number): Checkpoint {
    return this.list[k]!;
  }

  /** The index of the latest checkpoint at or before time t. */
  indexAtOrBefore(t: number): number {
    return Math.min(Math.floor(t / this.everyMs), this.list.length - 1);
  }

  /** The segment an event at time t belongs to. */
  segmentOfTime(t: number): number {
    return t <= 0 ? 0 : Math.ceil(t / this.everyMs) - 1;
  }

  /** The segment holding global trace index i: the last checkpoint whose traceCount <= i. */
  segmentOfTrace(i: number): number {
    let low = 0;
    let high = this.list.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.list[mid]!.traceCount <= i) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** The time segment k ends at (its last events are at this time). */
  segmentEnd(k: number): number {
    return (k + 1) * this.everyMs;
  }

  /** Whether the first pass has simulated segment k to its end (the last one is still being written). */
  isComplete(k: number): boolean {
    return k < this.list.length - 1;
  }
}
