/**
 * What the summary's counters mean is a chunk of its own (summary-hint-strings.ts), fetched after
 * the first paint: the hints once they are there, null before.
 */
import type { Language } from '../../scenario/language.ts';
import { lazyModule } from '../lazy-module.ts';
import type { Metric } from './summary-metrics.ts';

const hints = lazyModule(() => import('./summary-hint-strings.ts'));

/** Exported for its test, which loads the hints before it renders the summary. */
export const loadSummaryHints = hints.load;

export function useSummaryHints(language: Language): Record<Metric, string> | null {
  return hints.use()?.summaryHints(language) ?? null;
}
