/**
 * A scenario too heavy for a budget, cut to what fits. A run's cost grows with its length (its
 * messages, and the checkpoints the page keeps), so where a link or a file is over the page's
 * budget the page offers its first minutes instead of nothing: the large scale test's hour is
 * refused, its first 18 minutes play. The cut says which timeline actions it leaves out, and when
 * some are, a second window of the same length keeps them: the run still starts at 0:00 (every
 * process starts with the run), so the timeline is moved earlier instead, its order and gaps kept.
 */
import type { TimelineAction } from '../model/spec.ts';
import { checkBudget, type Budget } from './budget.ts';
import { isObject } from './parse-file.ts';
import { validateScenario } from './validate.ts';

/** A prefix is a whole number of minutes. */
export const MINUTE_MS = 60_000;

/** A scenario file as written, cut to its first `durationMs`: its timeline's actions from then on are dropped. */
export function cutScenarioFile<F extends object>(file: F, durationMs: number): F {
  const timeline = (file as { timeline?: unknown }).timeline;
  const kept = Array.isArray(timeline) ? timeline.filter((action) => isObject(action) && typeof action.at === 'number' && action.at < durationMs) : timeline;
  return { ...file, durationMs, ...(kept !== undefined && { timeline: kept }) };
}

/**
 * A scenario file as written with its timeline run `shiftMs` earlier: each action's `at`, and an
 * added client's own `startAt` (it starts at the later of the two: docs/scenario.md), so the
 * actions keep their order and the gaps between them. The caller keeps `shiftMs` within the first
 * action's `at`; a `startAt` before the move's 0:00 starts with its action, as it did.
 */
export function moveTimelineEarlier<F extends object>(file: F, shiftMs: number): F {
  const timeline = (file as { timeline?: unknown }).timeline;
  if (!Array.isArray(timeline)) return file;
  return { ...file, timeline: timeline.map((action) => (isObject(action) ? movedAction(action, shiftMs) : action)) };
}

function movedAction(action: Record<string, unknown>, shiftMs: number): Record<string, unknown> {
  const moved: Record<string, unknown> = { ...action, ...(typeof action.at === 'number' && { at: action.at - shiftMs }) };
  for (const client of ['consumer', 'producer'] as const) {
    const spec = action[client];
    if (isObject(spec) && typeof spec.startAt === 'number') moved[client] = { ...spec, startAt: Math.max(0, spec.startAt - shiftMs) };
  }
  return moved;
}

export interface Prefix<F> {
  /** The file cut to `minutes`. */
  file: F;
  minutes: number;
  /** The timeline's actions the window leaves out, in time order, at their times in the file. */
  dropped: TimelineAction[];
  /** When the file's timeline starts (its first action's `at`; 0 without one). */
  firstAtMs: number;
}

/** A window of a prefix's length whose timeline runs `shiftMs` earlier than the file's. */
export interface MovedWindow<F> extends Prefix<F> {
  shiftMs: number;
  /** The actions the prefix left out that this window keeps, at their times in the file. */
  brought: TimelineAction[];
}

/** Whether `file` is valid and within the budget. */
function fitsWhole(file: object, budget: Budget): boolean {
  const result = validateScenario(file);
  return result.ok && checkBudget(result.scenario, budget) === null;
}

/** Whether the file cut to `minutes` is valid and within the budget. */
function fits(file: object, minutes: number, budget: Budget): boolean {
  return fitsWhole(cutScenarioFile(file, minutes * MINUTE_MS), budget);
}

/**
 * The longest whole number of minutes of a valid file the budget takes, shorter than the file;
 * null when not even its first minute does (its clients or queues alone are too many). The cost
 * only grows with the length, so a binary search finds it in a handful of validations.
 */
export function longestPrefix<F extends object>(file: F, budget: Budget): Prefix<F> | null {
  const durationMs = (file as { durationMs?: unknown }).durationMs;
  if (typeof durationMs !== 'number' || durationMs <= MINUTE_MS || !fits(file, 1, budget)) return null;
  const whole = validateScenario(file);
  if (!whole.ok) return null;
  let low = 1;
  let high = Math.ceil(durationMs / MINUTE_MS) - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(file, middle, budget)) low = middle;
    else high = middle - 1;
  }
  const cutMs = low * MINUTE_MS;
  const { timeline } = whole.scenario;
  return { file: cutScenarioFile(file, cutMs), minutes: low, dropped: timeline.filter((action) => action.at >= cutMs), firstAtMs: timeline[0]?.at ?? 0 };
}

/**
 * How much earlier a prefix's window runs the timeline to keep what it left out: the first action
 * left out comes to the middle of the window, rounded down to a whole minute, so the run is as
 * long steady before it as it has after it to show what followed (a route removed at the
 * NameServer, a rebalance, a restart); never past the timeline's first action, which would go
 * before 0:00, where the run starts.
 */
function storyShift(first: TimelineAction, cutMs: number, firstAtMs: number): number {
  return Math.min(Math.floor((first.at - cutMs / 2) / MINUTE_MS) * MINUTE_MS, firstAtMs);
}

/**
 * The second choice beside a prefix that leaves timeline actions out: a window as long as the
 * prefix with the whole timeline moved earlier (storyShift), so the first action left out and
 * those close after it happen in it. Null when the prefix leaves nothing out, the move cannot
 * bring the first one in, or the moved window is not valid or not within the budget (an added
 * producer moved earlier sends for longer).
 */
export function movedWindow<F extends object>(file: F, prefix: Prefix<F>, budget: Budget): MovedWindow<F> | null {
  const first = prefix.dropped[0];
  if (first === undefined) return null;
  const cutMs = prefix.minutes * MINUTE_MS;
  const shiftMs = storyShift(first, cutMs, prefix.firstAtMs);
  if (shiftMs <= 0 || first.at - shiftMs >= cutMs) return null;
  const moved = cutScenarioFile(moveTimelineEarlier(file, shiftMs), cutMs);
  if (!fitsWhole(moved, budget)) return null;
  const inWindow = (action: TimelineAction) => action.at - shiftMs < cutMs;
  return {
    file: moved, minutes: prefix.minutes, shiftMs, firstAtMs: prefix.firstAtMs - shiftMs,
    brought: prefix.dropped.filter(inWindow),
    dropped: prefix.dropped.filter((action) => !inWindow(action)),
  };
}
