/**
 * What a chart can plot from the series (src/sim/queries/series-over-time.ts), and how each
 * becomes lines: per broker, per group, per queue of one group, or the two counters.
 */
import type { FaultMark, SeriesOverTime } from '../../../sim/queries/series-over-time.ts';
import { linesFrom, type ChartLine } from '../../../viz/chart-layout.ts';

export const CHART_METRICS = ['produceTps', 'consumeTps', 'lagByGroup', 'lagByQueue', 'counters'] as const;
export type ChartMetric = (typeof CHART_METRICS)[number];

/**
 * The actions a chart draws a rule for: those that changed the cluster. One that changed nothing
 * (noEffect: a start of a running broker...) explains no change of a line, and a muted rule would
 * need a legend entry of its own beside the grey playhead; the caption and the event log say it.
 */
export function tookEffect(faults: readonly FaultMark[]): FaultMark[] {
  return faults.filter((fault) => !fault.noEffect);
}

/** The unit of a metric's y axis. */
export function unitOf(metric: ChartMetric): 'perSecond' | 'messages' {
  return metric === 'produceTps' || metric === 'consumeTps' ? 'perSecond' : 'messages';
}

/** The groups the series knows (for the per-queue chart's choice). */
export function groupsOf(series: SeriesOverTime): string[] {
  return [...new Set(series.samples.flatMap((sample) => Object.keys(sample.lagByGroup)))].sort();
}

/** The lines of a metric; `group` picks the group of the per-queue lag (the first one when absent). */
export function metricLines(series: SeriesOverTime, metric: ChartMetric, group: string | undefined, counterNames: { neverConsumable: string; failed: string }): ChartLine[] {
  const { samples } = series;
  switch (metric) {
    case 'produceTps': return linesFrom(samples.map((s) => s.produceTps));
    case 'consumeTps': return linesFrom(samples.map((s) => s.consumeTps));
    // A lag nobody could be asked for (no NameServer running) is a gap, not 0.
    case 'lagByGroup': return linesFrom(samples.map((s) => s.lagByGroup), null);
    case 'lagByQueue': {
      const chosen = group ?? groupsOf(series)[0];
      return chosen === undefined ? [] : linesFrom(samples.map((s) => s.lagByQueue[chosen] ?? {}), null);
    }
    case 'counters': return [
      { name: counterNames.neverConsumable, values: samples.map((s) => s.neverConsumable) },
      { name: counterNames.failed, values: samples.map((s) => s.failed) },
    ];
  }
}
