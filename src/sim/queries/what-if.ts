/**
 * What-if side by side: the run as it is and the run with one setting changed, both replayed in
 * simulations of their own (the page's run never moves), compared event by event to find the
 * first moment they differ, with both summaries and both series for the charts.
 */
import type { TraceEvent } from '../../model/events.ts';
import type { Summary } from '../summary.ts';
import type { TimelineView } from '../timeline.ts';
import { brokerNodeTable, masterChangeOf, type BrokerNodeTable, type MasterChange } from '../trace-broker-node.ts';
import { SeriesSampler, stepFor, type SeriesOverTime } from './series-over-time.ts';
import { summaryDifferences, type SummaryDifference } from './summary-difference.ts';
import { applyWhatIf, type WhatIfChange, type WhatIfEffect } from './what-if-change.ts';

export interface WhatIfArgs {
  change: WhatIfChange;
  /** Both runs go this far (clamped to the scenario's duration). */
  untilMs: number;
}

interface FirstDifference {
  /** Index of the first trace event that differs (the traces agree before it). */
  index: number;
  t: number;
  /** The differing events; null where one run has no event there. */
  original: TraceEvent | null;
  changed: TraceEvent | null;
}

export interface Divergence extends FirstDifference {
  /**
   * The nodes each run's event names (null without controller mode): an election in either run
   * moves brokerId 0 to another node, and the runs may elect differently.
   */
  originalNodes: BrokerNodeTable | null;
  changedNodes: BrokerNodeTable | null;
}

export type WhatIfResult =
  | {
    ok: true;
    effectiveAtMs: number;
    effect: WhatIfEffect;
    untilMs: number;
    divergence: Divergence | null;
    original: { summary: Summary; series: SeriesOverTime };
    changed: { summary: Summary; series: SeriesOverTime };
    differences: SummaryDifference[];
  }
  | { ok: false; message: string };

/** Compares two traces as they are produced, keeping only the events not yet compared. */
class TraceComparison {
  private readonly pending: [TraceEvent[], TraceEvent[]] = [[], []];
  private compared = 0;
  divergence: FirstDifference | null = null;

  listener(side: 0 | 1): (event: TraceEvent) => void {
    return (event) => {
      if (this.divergence === null) this.pending[side].push(event);
    };
  }

  /** Compares what both runs have produced so far; `ended`: neither will produce more. */
  compare(ended: boolean): void {
    const [a, b] = this.pending;
    let i = 0;
    while (this.divergence === null && i < a.length && i < b.length) {
      if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) this.diverge(a[i]!, b[i]!, this.compared + i);
      else i++;
    }
    if (this.divergence === null && ended && a.length !== b.length) this.diverge(a[i] ?? null, b[i] ?? null, this.compared + i);
    this.compared += i;
    this.pending[0] = a.slice(i);
    this.pending[1] = b.slice(i);
  }

  private diverge(original: TraceEvent | null, changed: TraceEvent | null, index: number): void {
    const t = Math.min(original?.t ?? Number.POSITIVE_INFINITY, changed?.t ?? Number.POSITIVE_INFINITY);
    this.divergence = { index, t, original, changed };
  }
}

function compute(timeline: TimelineView, args: WhatIfArgs): WhatIfResult {
  const applied = applyWhatIf(timeline.scenario, args.change);
  if (!applied.ok) return applied;
  const untilMs = Math.max(0, Math.min(Math.round(args.untilMs), timeline.durationMs));
  const stepMs = stepFor(untilMs, 120);
  const comparison = new TraceComparison();
  const changes: [MasterChange[], MasterChange[]] = [[], []];
  const samplers: SeriesSampler[] = [];
  const listen = (side: 0 | 1) => {
    const compare = comparison.listener(side);
    return (event: TraceEvent) => {
      compare(event);
      const change = masterChangeOf(samplers[side]!.state, event);
      if (change) changes[side].push(change);
    };
  };
  const original = new SeriesSampler(timeline.scenario, stepMs, listen(0));
  const changed = new SeriesSampler(applied.scenario, stepMs, listen(1));
  samplers.push(original, changed);
  // Step by step in lockstep, so the comparison holds one step of events, not the whole runs.
  for (let t = 0; t <= untilMs; t += stepMs) {
    original.advanceTo(t);
    changed.advanceTo(t);
    comparison.compare(false);
  }
  comparison.compare(true);
  const first = comparison.divergence;
  const nodes = (side: 0 | 1, event: TraceEvent | null) => (event ? brokerNodeTable(samplers[side]!.state, changes[side], event.t) : null);
  const divergence = first && { ...first, originalNodes: nodes(0, first.original), changedNodes: nodes(1, first.changed) };
  const before = original.summary();
  const after = changed.summary();
  return {
    ok: true, effectiveAtMs: applied.effectiveAtMs, effect: applied.effect, untilMs: original.samples.at(-1)?.t ?? 0, divergence,
    original: { summary: before, series: original.window(0, untilMs) },
    changed: { summary: after, series: changed.window(0, untilMs) },
    differences: summaryDifferences(before, after),
  };
}

/** The result does not depend on the playhead: each timeline keeps its forks by their arguments. */
const results = new WeakMap<TimelineView, Map<string, WhatIfResult>>();

export function whatIf(timeline: TimelineView, args: WhatIfArgs): WhatIfResult {
  const key = JSON.stringify([args.change.at, args.change.path, args.change.value, args.untilMs]);
  let byArgs = results.get(timeline);
  if (!byArgs) results.set(timeline, (byArgs = new Map()));
  let result = byArgs.get(key);
  if (!result) {
    result = compute(timeline, args);
    // A few forks are compared at a time; an older one is recomputed if asked again.
    if (byArgs.size >= 4) byArgs.delete(byArgs.keys().next().value!);
    byArgs.set(key, result);
  }
  return result;
}
