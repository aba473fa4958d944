/**
 * The summary's counters and what their values mean: which are warnings and which notices when
 * not zero. Said once for the summary bar and for the line of counters over the canvas.
 */
import type { PanelStrings } from './strings.ts';

export type Metric = keyof PanelStrings['summary'];

export const METRICS: readonly Metric[] = ['sent', 'sendAttempts', 'stored', 'consumed', 'neverConsumable', 'lagging', 'delayed', 'deadLettered', 'dropped', 'duplicates', 'failed', 'failedAttempts', 'lost', 'storedBehind', 'filteredOut'];
/** Something went wrong when these are not zero. */
const WARNINGS = new Set<Metric>(['neverConsumable', 'deadLettered', 'dropped', 'failed', 'failedAttempts', 'lost', 'storedBehind', 'filteredOut']);
/** Worth knowing, not an error: at-least-once delivery makes duplicates after a rebalance or a crash. */
const NOTICES = new Set<Metric>(['duplicates']);

type Tone = 'warn' | 'notice' | null;

export function tone(metric: Metric, value: number): Tone {
  if (value === 0) return null;
  if (WARNINGS.has(metric)) return 'warn';
  return NOTICES.has(metric) ? 'notice' : null;
}
