/**
 * A scenario too heavy for a budget, cut to what fits. A run's cost grows with its length (its
 * messages, and the checkpoints the page keeps), so where a link or a file is over the page's
 * budget the page offers its first minutes instead of nothing: the large scale test's hour is
 * refused, its first 18 minutes play.
 */
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

export interface Prefix<F> {
  /** The file cut to `minutes`. */
  file: F;
  minutes: number;
}

/** Whether the file cut to `minutes` is valid and within the budget. */
function fits(file: object, minutes: number, budget: Budget): boolean {
  const result = validateScenario(cutScenarioFile(file, minutes * MINUTE_MS));
  return result.ok && checkBudget(result.scenario, budget) === null;
}

/**
 * The longest whole number of minutes of a file the budget takes, shorter than the file; null when
 * not even its first minute does (its clients or queues alone are too many). The cost only grows
 * with the length, so a binary search finds it in a handful of validations.
 */
export function longestPrefix<F extends object>(file: F, budget: Budget): Prefix<F> | null {
  const durationMs = (file as { durationMs?: unknown }).durationMs;
  if (typeof durationMs !== 'number' || durationMs <= MINUTE_MS || !fits(file, 1, budget)) return null;
  let low = 1;
  let high = Math.ceil(durationMs / MINUTE_MS) - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(file, middle, budget)) low = middle;
    else high = middle - 1;
  }
  return { file: cutScenarioFile(file, low * MINUTE_MS), minutes: low };
}
