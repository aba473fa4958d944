/**
 * Where each step of a guided chapter happens in its run: the step waits for a virtual time or
 * for the next trace event of a type (with some fields equal), and the chapter pauses there. The
 * run is scanned once, from the start and in trace order, so back, next and a shared link land on
 * the same moment every time (the run is deterministic). It simulates the loaded scenario on its
 * own and stops as soon as the last wait is met: the Timeline has only the trace up to now, and a
 * step's moment is usually later.
 */
import { createSimulation } from '../../model/index.ts';
import type { TraceEvent, TraceType } from '../../model/events.ts';
import type { TimelineView } from '../timeline.ts';

/** A step's condition: a virtual time, or the next trace event of a type whose named fields are equal. */
export type StepWait =
  | { atMs: number }
  | { type: TraceType; where?: Readonly<Record<string, string | number | boolean>>; afterMs?: number };

export interface ChapterMomentsArgs {
  waits: readonly StepWait[];
}

export interface StepMoment {
  /** Virtual time the step pauses at (every event at or before it has happened). */
  t: number;
  /** The message of the event the step waited for, when it names one (for its card). */
  msgId: string | null;
  /** The trace index of the event the step waited for (the caption tells it); null for a time. */
  index: number | null;
}

export interface ChapterMoments {
  /** One moment per wait that was met, in order. */
  moments: StepMoment[];
  /** Index of the first wait the run never met (it ended first), or null when all were met. */
  unmet: number | null;
}

/** Virtual time simulated between checks of whether every wait is met. */
const CHUNK_MS = 5_000;

function matches(event: TraceEvent, wait: Extract<StepWait, { type: TraceType }>, notBefore: number): boolean {
  if (event.type !== wait.type || event.t < notBefore || event.t < (wait.afterMs ?? 0)) return false;
  const fields = event as unknown as Record<string, unknown>;
  return Object.entries(wait.where ?? {}).every(([key, value]) => fields[key] === value);
}

/** Finds every wait's moment in order: a wait is looked for only after the previous one was met. */
class MomentFinder {
  readonly moments: StepMoment[] = [];
  private notBefore = 0;
  /** Events seen so far: the next one's trace index. */
  private seen = 0;

  constructor(private readonly waits: readonly StepWait[]) {
    this.takeTimes(0);
  }

  get done(): boolean {
    return this.moments.length === this.waits.length;
  }

  /** Time waits due by `now` are met in order; an event wait stops the run of them. */
  takeTimes(now: number): void {
    for (let wait = this.waits[this.moments.length]; wait && 'atMs' in wait && wait.atMs <= now; wait = this.waits[this.moments.length]) {
      this.meet(Math.max(wait.atMs, this.notBefore), null);
    }
  }

  onEvent(event: TraceEvent): void {
    const index = this.seen++;
    this.takeTimes(event.t - 1);
    const wait = this.waits[this.moments.length];
    if (!wait || 'atMs' in wait || !matches(event, wait, this.notBefore)) return;
    this.meet(event.t, 'msgId' in event ? event.msgId : null, index);
    this.takeTimes(event.t);
  }

  private meet(t: number, msgId: string | null, index: number | null = null): void {
    this.moments.push({ t, msgId, index });
    this.notBefore = t;
  }
}

export function chapterMoments(timeline: TimelineView, { waits }: ChapterMomentsArgs): ChapterMoments {
  const finder = new MomentFinder(waits);
  const sim = createSimulation(timeline.scenario, { keepTrace: false, onTrace: (event) => finder.onEvent(event) });
  const end = timeline.durationMs;
  for (let until = 0; !finder.done && until < end; ) {
    until = Math.min(end, until + CHUNK_MS);
    sim.runUntil(until);
    finder.takeTimes(until);
  }
  return { moments: finder.moments, unmet: finder.done ? null : finder.moments.length };
}
