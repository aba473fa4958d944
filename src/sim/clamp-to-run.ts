/**
 * A time the person or a query asks for, made one the run has: a whole virtual millisecond
 * (the clock's unit) between the start and the scenario's durationMs. Timeline.seek, the store's
 * moves, the worker's moves and the what-if span all take a time through it, so a seek past the
 * end rests at the end wherever the run lives.
 */
export function clampToRun(t: number, durationMs: number): number {
  return Math.max(0, Math.min(Math.round(t), durationMs));
}
