/**
 * How far the store may move the run in one frame. Seeking inside what was already simulated is
 * cheap (checkpoints and replay), but simulating new time costs about a millisecond per virtual
 * second on the default scenario (far more on big ones), so a move past the simulated horizon is
 * cut into chunks of about FRAME_BUDGET_MS of work: the playhead visibly runs to its target
 * instead of the tab freezing.
 */
import type { Timeline } from '../sim/timeline.ts';

/** Wall-clock work allowed per frame for simulating new virtual time. */
const FRAME_BUDGET_MS = 12;

/** Measured cost of simulating new time, in wall ms per virtual ms. */
let costPerVirtualMs = 0.002;

/**
 * How much of a seek from `from` to `target` is done at `reached`, 0-99: 100 is never shown, the
 * seek ends at its target instead. The share of the jump, not of the run: a jump from 40:00 to
 * 50:00 starts at 0, where reached / target started it at 80 and the spoken progress (a step of
 * 25 points, SeekVoice.tsx) had nothing left to say.
 */
export function seekPercent(from: number, reached: number, target: number): number {
  const span = target - from;
  if (span === 0) return 0;
  return Math.min(99, Math.max(0, Math.floor(((reached - from) / span) * 100)));
}

/** Moves the Timeline toward `target` within the budget (a frame's by default) and returns the time reached. */
export function boundedSeek(timeline: Timeline, target: number, budgetMs = FRAME_BUDGET_MS): number {
  const simulated = Math.max(timeline.horizon, 0);
  const from = Math.max(simulated, Math.min(timeline.now, target));
  const affordable = Math.max(1, Math.floor(budgetMs / costPerVirtualMs));
  const step = target <= simulated ? target : Math.min(target, from + affordable);
  const started = performance.now();
  timeline.seek(step);
  const newTime = step - from;
  if (newTime > 200) {
    const cost = (performance.now() - started) / newTime;
    // A moving average: one slow frame (a GC pause) should not halve the next chunks.
    costPerVirtualMs = Math.min(1, Math.max(1e-5, costPerVirtualMs * 0.6 + cost * 0.4));
  }
  return timeline.now;
}
