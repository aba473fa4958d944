/**
 * How two runs' summaries differ: each message count (docs/summary.md `messages`) that is not
 * the same, with both values, in the summary's own order.
 */
import type { Summary } from '../summary.ts';

export interface SummaryDifference {
  /** The count's name in the summary, e.g. `neverConsumable`. */
  name: string;
  original: number;
  changed: number;
}

export function summaryDifferences(original: Summary, changed: Summary): SummaryDifference[] {
  const differences: SummaryDifference[] = [];
  for (const [name, value] of Object.entries(original.messages)) {
    const other = changed.messages[name as keyof Summary['messages']];
    if (typeof value === 'number' && typeof other === 'number' && value !== other) differences.push({ name, original: value, changed: other });
  }
  return differences;
}
