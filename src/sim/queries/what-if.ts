/**
 * What-if side by side: the run as it is and the run with one setting changed, both replayed in
 * simulations of their own (the page's run never moves), compared event by event to find the
 * first moment they differ, with both summaries and both series for the charts. Both runs go from
 * 0:00 to the change and past it, which on a long run takes the worker seconds: the named query
 * runs them a share at a time and answers how far they are meanwhile, so moves are answered
 * between two shares (the event log's search answers the same way).
 */
import type { TraceEvent } from '../../model/events.ts';
import type { Said } from '../../scenario/messages.ts';
import { clampToRun } from '../clamp-to-run.ts';
import type { Summary } from '../summary.ts';
import type { TimelineView } from '../timeline.ts';
import { brokerNodeTable, masterChangeOf, type BrokerNodeTable, type MasterChange } from '../trace-broker-node.ts';
import { SeriesSampler, stepFor, type SeriesOverTime } from './series-over-time.ts';
import { summaryDifferences, type SummaryDifference } from './summary-difference.ts';
import { applyWhatIf, type AppliedChange, type WhatIfChange, type WhatIfEffect } from './what-if-change.ts';

export interface WhatIfArgs {
  change: WhatIfChange;
  /** Both runs go this far (clamped to the scenario's duration). */
  untilMs: number;
  /** Events of both runs one ask simulates at most (WHAT_IF_EVENTS_PER_ASK by default); the answer is `running` until they are done. */
  maxEvents?: number;
}

/** About a fifth of a second of the worker's time per ask in Chromium (both runs of the reference scenario: about 1.4 virtual s). */
const WHAT_IF_EVENTS_PER_ASK = 200_000;

/** Both runs are still on their way: how far they are. */
export interface WhatIfRunning {
  ok: 'running';
  simulatedMs: number;
  untilMs: number;
}

interface FirstDifference {
  /** Index of the first trace event that differs (the traces agree before it). */
  index: number;
  t: number;
  /** The differing events; null where one run has no event there. */
  original: TraceEvent | null;
  changed: TraceEvent | null;
  /**
   * The run that has one event more there, the other's next event being the same (a SYNC send's
   * answer a ONEWAY send never gets); null when both have an event and they differ, or a run ended.
   */
  onlyIn: 'original' | 'changed' | null;
}

interface Divergence extends FirstDifference {
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
  | { ok: false; message: Said };

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
      if (same(a[i], b[i])) i++;
      // Each run's next event tells an event only one run has from two that differ: wait for them.
      else if (!ended && (i + 1 === a.length || i + 1 === b.length)) break;
      else this.diverge(a[i]!, b[i]!, this.compared + i, onlyIn(a, b, i));
    }
    if (this.divergence === null && ended && a.length !== b.length) this.diverge(a[i] ?? null, b[i] ?? null, this.compared + i, null);
    this.compared += i;
    this.pending[0] = a.slice(i);
    this.pending[1] = b.slice(i);
  }

  private diverge(first: TraceEvent | null, second: TraceEvent | null, index: number, only: FirstDifference['onlyIn']): void {
    const original = only === 'changed' ? null : first;
    const changed = only === 'original' ? null : second;
    const t = Math.min(original?.t ?? Number.POSITIVE_INFINITY, changed?.t ?? Number.POSITIVE_INFINITY);
    this.divergence = { index, t, original, changed, onlyIn: only };
  }
}

function same(a: TraceEvent | undefined, b: TraceEvent | undefined): boolean {
  return a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/** At `i`, where the traces first differ: the run with one event more there, if the rest lines up after it. */
function onlyIn(original: TraceEvent[], changed: TraceEvent[], i: number): FirstDifference['onlyIn'] {
  const changedHasMore = same(original[i], changed[i + 1]);
  const originalHasMore = same(original[i + 1], changed[i]);
  // Two events swapped are two that differ.
  if (changedHasMore === originalHasMore) return null;
  return changedHasMore ? 'changed' : 'original';
}

/** Both runs of one what-if, advanced in lockstep a share at a time (the query answers `running` meanwhile). */
class WhatIfRun {
  readonly untilMs: number;
  private readonly stepMs: number;
  private readonly comparison = new TraceComparison();
  private readonly changes: [MasterChange[], MasterChange[]] = [[], []];
  private readonly samplers: [SeriesSampler, SeriesSampler];
  /** The next sample time both runs go to. */
  private next = 0;

  constructor(timeline: TimelineView, args: WhatIfArgs, private readonly applied: Extract<AppliedChange, { ok: true }>) {
    this.untilMs = clampToRun(args.untilMs, timeline.durationMs);
    this.stepMs = stepFor(this.untilMs, 120);
    this.samplers = [new SeriesSampler(timeline.scenario, this.stepMs, this.listen(0)), new SeriesSampler(applied.scenario, this.stepMs, this.listen(1))];
  }

  /** Virtual time both runs have reached. */
  get simulatedMs(): number {
    return Math.min(this.untilMs, Math.max(0, this.next - this.stepMs));
  }

  private listen(side: 0 | 1): (event: TraceEvent) => void {
    const compare = this.comparison.listener(side);
    return (event) => {
      compare(event);
      const change = masterChangeOf(this.samplers[side].state, event);
      if (change) this.changes[side].push(change);
    };
  }

  /** Goes on for about `maxEvents` more events of both runs; the result once both have reached untilMs, else null. */
  advance(maxEvents: number): WhatIfResult | null {
    const [original, changed] = this.samplers;
    const handled = () => original.eventsHandled + changed.eventsHandled;
    const stopAt = handled() + maxEvents;
    // Step by step in lockstep, so the comparison holds one step of events, not the whole runs.
    for (; this.next <= this.untilMs; this.next += this.stepMs) {
      if (handled() >= stopAt) return null;
      original.advanceTo(this.next);
      changed.advanceTo(this.next);
      this.comparison.compare(false);
    }
    return this.result();
  }

  private result(): WhatIfResult {
    const [original, changed] = this.samplers;
    this.comparison.compare(true);
    const first = this.comparison.divergence;
    const nodes = (side: 0 | 1, event: TraceEvent | null) => (event ? brokerNodeTable(this.samplers[side].state, this.changes[side], event.t) : null);
    const divergence = first && { ...first, originalNodes: nodes(0, first.original), changedNodes: nodes(1, first.changed) };
    const before = original.summary();
    const after = changed.summary();
    const untilMs = this.untilMs;
    return {
      ok: true, effectiveAtMs: this.applied.effectiveAtMs, effect: this.applied.effect, untilMs: original.samples.at(-1)?.t ?? 0, divergence,
      original: { summary: before, series: original.window(0, untilMs) },
      changed: { summary: after, series: changed.window(0, untilMs) },
      differences: summaryDifferences(before, after),
    };
  }
}

/** The results do not depend on the playhead: each timeline keeps its forks by their arguments. */
const results = new WeakMap<TimelineView, Map<string, WhatIfResult>>();
/** The what-if under way on each timeline: one at a time (its two simulations are the size of the run). */
const running = new WeakMap<TimelineView, { key: string; run: WhatIfRun }>();

/**
 * The named query: the what-if's result, or, while both runs are on their way, how far they are
 * (each ask simulates about `maxEvents` more events of both, WHAT_IF_EVENTS_PER_ASK unless told,
 * so the worker answers moves between asks).
 */
export function whatIfShare(timeline: TimelineView, args: WhatIfArgs): WhatIfResult | WhatIfRunning {
  const key = JSON.stringify([args.change.at, args.change.path, args.change.value, args.untilMs]);
  let byArgs = results.get(timeline);
  if (!byArgs) results.set(timeline, (byArgs = new Map()));
  const done = byArgs.get(key);
  if (done) return done;
  let under = running.get(timeline);
  if (under?.key !== key) {
    const applied = applyWhatIf(timeline.scenario, args.change);
    if (!applied.ok) return applied;
    running.set(timeline, (under = { key, run: new WhatIfRun(timeline, args, applied) }));
  }
  const result = under.run.advance(args.maxEvents ?? WHAT_IF_EVENTS_PER_ASK);
  if (result === null) return { ok: 'running', simulatedMs: under.run.simulatedMs, untilMs: under.run.untilMs };
  running.delete(timeline);
  // A few forks are compared at a time; an older one is recomputed if asked again.
  if (byArgs.size >= 4) byArgs.delete(byArgs.keys().next().value!);
  byArgs.set(key, result);
  return result;
}

/** The what-if's whole result at once (both runs simulated to the end in this call). */
export function whatIf(timeline: TimelineView, args: Omit<WhatIfArgs, 'maxEvents'>): WhatIfResult {
  const answer = whatIfShare(timeline, { ...args, maxEvents: Number.POSITIVE_INFINITY });
  if (answer.ok === 'running') throw new Error('whatIf: an unbounded ask always finishes');
  return answer;
}
