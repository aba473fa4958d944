/**
 * Numbers over time for the charts: per brokerName the messages its master put (the Dashboard's
 * produce TPS, over the last 10 s as StoreStatsService.getPutTps(10) reports putTps in the
 * broker's runtime info) and the messages the consumers' listeners consumed from it, over the
 * same window (not the Dashboard's consume TPS, which counts what the broker returned to pulls:
 * dashboard-stats.ts), each group's lag in total and per queue (the Dashboard's
 * diff: the broker's max offset minus the group's offset, ConsumeStats.computeTotalDiff),
 * never-consumable messages and failed sends, and the faults.
 *
 * The Timeline must never move for a query. When every sample time is a checkpoint's (the charts'
 * step, stepFor, is a whole number of checkpoint intervals), a sample reads the checkpoint's state
 * and its rates are differences of the model's counters (CheckpointSeries); any other step is
 * sampled by a replay of the same scenario in a simulation of its own that counts the trace's
 * events (SeriesSampler, which a what-if also runs on both runs). Either way the numbers are
 * exactly the summary's (src/sim/summary.ts) at those times. The run is deterministic, so a sample
 * never changes once taken: the series of a timeline is kept and only walks forward as the
 * playhead does.
 */
import { MASTER_ID } from '../../model/defaults.ts';
import { createSimulation } from '../../model/index.ts';
import type { TraceEvent } from '../../model/events.ts';
import type { Sim } from '../../model/sim-types.ts';
import type { Scenario } from '../../model/spec.ts';
import type { ModelState } from '../../model/state.ts';
import { copyDict, dict } from '../../engine/index.ts';
import { faultSubject } from '../../model/fault-event.ts';
import { checkpointInterval } from '../checkpoints.ts';
import { brokersAsked } from './brokers-asked.ts';
import { consumeStats } from './consume-stats.ts';
import { summarize, summarizeQueues, type Summary } from '../summary.ts';
import type { TimelineView } from '../timeline.ts';
import { firstIndexAtOrAfter } from './trace-window.ts';

export interface SeriesArgs {
  fromMs: number;
  toMs: number;
  /** Time between samples; the TPS of a sample counts the events of the step before it. */
  stepMs: number;
}

/** A timeline action as the trace has it (its `fault` event); `noEffect` when it changed nothing (docs/trace.md). */
export interface FaultMark {
  t: number;
  action: string;
  target: string;
  noEffect?: true;
  /** An added client's later start, a removal's cancelled start (the fault event's startsAt, cancelsStartAt): the rule says them. */
  startsAt?: number;
  cancelsStartAt?: number;
}

/** The mark of a `fault` event, with its noEffect flag, startsAt or cancelsStartAt when it has one. */
function faultMark(event: Extract<TraceEvent, { type: 'fault' }>): FaultMark {
  const mark: FaultMark = { t: event.t, action: event.action, target: faultSubject(event) };
  if (event.noEffect) mark.noEffect = true;
  if (event.startsAt !== undefined) mark.startsAt = event.startsAt;
  if (event.cancelsStartAt !== undefined) mark.cancelsStartAt = event.cancelsStartAt;
  return mark;
}

/** One sample: the state at time t, and the rates of (t - TPS_WINDOW_MS, t]. */
export interface SeriesSample {
  t: number;
  /** Messages a master stored in the window, per second, by brokerName. */
  produceTps: Record<string, number>;
  /** Messages consumed in the window, per second, by brokerName. */
  consumeTps: Record<string, number>;
  /**
   * Each group's diffTotal (consume-stats.ts: readable queues, committed offsets), none while no
   * broker can be asked (readState); what waits in the other queues is in neverConsumable.
   */
  lagByGroup: Record<string, number>;
  /** Each group's diff per readable queue, keyed `topic@brokerName:queueId`. */
  lagByQueue: Record<string, Record<string, number>>;
  neverConsumable: number;
  /** Messages whose send finally failed, since the start. */
  failed: number;
}

export interface SeriesOverTime {
  stepMs: number;
  samples: SeriesSample[];
  faults: FaultMark[];
}

/** Steps shorter than this would make more samples than any chart has pixels. */
const MIN_STEP_MS = 100;
/** StoreStatsService.getPutTps(10): the broker's putTps is over the last 10 s (a longer step: over the step). */
const TPS_WINDOW_MS = 10_000;

interface Counts {
  produce: Record<string, number>;
  consume: Record<string, number>;
}

function countEvent(counts: Counts, faults: FaultMark[], event: TraceEvent): void {
  // A store's brokerId is the broker's id when it stored: 0 is a master's put, also after an
  // election moved brokerId 0 to another node; the lag and never-consumable counts read the
  // masters at each sample time (summarizeQueues).
  if (event.type === 'message.stored' && event.brokerId === MASTER_ID) counts.produce[event.broker] = (counts.produce[event.broker] ?? 0) + 1;
  else if (event.type === 'message.consumed') counts.consume[event.broker] = (counts.consume[event.broker] ?? 0) + 1;
  else if (event.type === 'fault') faults.push(faultMark(event));
}

/** The rate per second of the counts of the last steps, which span `spanMs`. */
function perSecond(steps: Record<string, number>[], spanMs: number): Record<string, number> {
  const rates = dict<number>();
  for (const counts of steps) {
    for (const [key, count] of Object.entries(counts)) rates[key] = (rates[key] ?? 0) + count;
  }
  for (const key of Object.keys(rates)) rates[key] = (rates[key]! * 1_000) / spanMs;
  return rates;
}

/**
 * The groups' consumer progress as an admin tool reads it (examineConsumeStats), and the
 * never-consumable count (as the summary computes it). No progress while there is nobody to read
 * it from (no NameServer runs, or the one asked lists no broker yet), nor while a broker asked
 * does not answer: examineConsumeStats fails as a whole then.
 */
function readState(state: Readonly<ModelState>): Omit<SeriesSample, 't' | 'produceTps' | 'consumeTps'> {
  const lagByGroup = dict<number>();
  const lagByQueue = dict<Record<string, number>>();
  const asked = brokersAsked(state);
  const readable = asked !== null && asked.brokers.length > 0 && asked.silent.length === 0;
  for (const { group, topic, diffTotal, queues } of readable ? consumeStats(state, asked.brokers) : []) {
    // A group's retry topic is a ConsumeStats of its own: the group's lag is both.
    lagByGroup[group] = (lagByGroup[group] ?? 0) + diffTotal;
    const byQueue = (lagByQueue[group] ??= dict<number>());
    for (const queue of queues) byQueue[`${topic}@${queue.broker}:${queue.queueId}`] = queue.diff;
  }
  const neverConsumable = summarizeQueues(state).reduce((sum, queue) => sum + queue.neverConsumable, 0);
  return { lagByGroup, lagByQueue, neverConsumable, failed: state.stats.failed };
}

/** A replay of one scenario that samples every stepMs, forward only. */
export class SeriesSampler {
  readonly samples: SeriesSample[] = [];
  readonly faults: FaultMark[] = [];
  private readonly sim: Sim;
  private counts: Counts = { produce: dict(), consume: dict() };
  /** The counts of the last steps, as many as TPS_WINDOW_MS spans (newest last). */
  private recent: Counts[] = [];

  /** `listen` hears every trace event too (a what-if compares two runs' traces). */
  constructor(scenario: Scenario, readonly stepMs: number, listen?: (event: TraceEvent) => void) {
    this.sim = createSimulation(scenario, {
      keepTrace: false,
      onTrace: (event) => {
        countEvent(this.counts, this.faults, event);
        listen?.(event);
      },
    });
  }

  /** Engine events the replay has handled so far. */
  get eventsHandled(): number {
    return this.sim.eventsHandled;
  }

  /** The run's state now (the last sample's, once advanceTo returns). */
  get state(): Readonly<ModelState> {
    return this.sim.state;
  }

  /** The summary at the last sample (without the trace digest, which the sampler does not compute). */
  summary(): Summary {
    return summarize(this.sim.state, this.sim.now, '', this.sim.traceCount);
  }

  /** Takes every sample at or before t. */
  advanceTo(t: number): void {
    for (let next = this.samples.length * this.stepMs; next <= t; next += this.stepMs) {
      this.sim.runUntil(next);
      const steps = Math.max(1, Math.round(TPS_WINDOW_MS / this.stepMs));
      this.recent = [...this.recent, this.counts].slice(-steps);
      // The first samples of a run have less than a window behind them: the rate over what there is.
      const spanMs = Math.min(steps * this.stepMs, Math.max(this.stepMs, next));
      this.samples.push({
        t: next, produceTps: perSecond(this.recent.map((c) => c.produce), spanMs), consumeTps: perSecond(this.recent.map((c) => c.consume), spanMs), ...readState(this.sim.state),
      });
      this.counts = { produce: dict(), consume: dict() };
    }
  }

  /** The samples and faults in [fromMs, toMs] (taken already). */
  window(fromMs: number, toMs: number): SeriesOverTime {
    return {
      stepMs: this.stepMs,
      samples: this.samples.filter((sample) => sample.t >= fromMs && sample.t <= toMs),
      faults: this.faults.filter((fault) => fault.t >= fromMs && fault.t <= toMs),
    };
  }
}

/** The counters a sample's rates are differences of (MessageStats), by brokerName. */
function countersOf(state: Readonly<ModelState>): Counts {
  return { produce: copyDict(state.stats.storedOnMasters), consume: copyDict(state.stats.consumedByBroker) };
}

/** What `now` counts beyond `before`, per second over spanMs: the keys that grew. */
function ratesBetween(now: Record<string, number>, before: Record<string, number> | undefined, spanMs: number): Record<string, number> {
  const rates = dict<number>();
  for (const [key, count] of Object.entries(now)) {
    const grown = count - (before?.[key] ?? 0);
    if (grown > 0) rates[key] = (grown * 1_000) / spanMs;
  }
  return rates;
}

/**
 * The same samples read off the Timeline's checkpoints, when every sample time after 0 is a
 * checkpoint's (the step a multiple of the Timeline's interval): the state there is the
 * checkpoint's, and a rate is the difference of the model's counters between two samples, so
 * nothing is replayed (a replay from 0:00 took 19 s at 15:00 of the large scale test, while the
 * worker answered nothing else). Only the sample at 0, after the events of time 0, which no
 * checkpoint holds, is simulated.
 */
class CheckpointSeries {
  readonly samples: SeriesSample[] = [];
  /** The counters at each sample. */
  private readonly counters: Counts[] = [];
  /** The marks of the timeline's actions, by their time, read so far (faultsAt). */
  private readonly faultMarks = new Map<number, FaultMark[]>();

  constructor(private readonly timeline: TimelineView, readonly stepMs: number) {}

  /** Takes every sample at or before t; false when a sample time has no checkpoint. */
  advanceTo(t: number): boolean {
    for (let next = this.samples.length * this.stepMs; next <= t; next += this.stepMs) {
      const state = next === 0 ? firstSampleState(this.timeline.scenario, this.stepMs) : this.timeline.checkpointStateAt(next);
      if (state === undefined) return false;
      this.sample(next, state);
    }
    return true;
  }

  /** As SeriesSampler: the rates over the last steps that span TPS_WINDOW_MS, or over what there is early on. */
  private sample(t: number, state: Readonly<ModelState>): void {
    const k = this.samples.length;
    const steps = Math.max(1, Math.round(TPS_WINDOW_MS / this.stepMs));
    const spanMs = Math.min(steps * this.stepMs, Math.max(this.stepMs, t));
    const now = countersOf(state);
    const before = k >= steps ? this.counters[k - steps] : undefined;
    this.counters.push(now);
    this.samples.push({
      t, produceTps: ratesBetween(now.produce, before?.produce, spanMs), consumeTps: ratesBetween(now.consume, before?.consume, spanMs), ...readState(state),
    });
  }

  window(fromMs: number, toMs: number): SeriesOverTime {
    const times = new Set(this.timeline.scenario.timeline.map((action) => action.at).filter((at) => at >= fromMs && at <= toMs));
    const faults = [...times].sort((a, b) => a - b).flatMap((at) => this.faultsAt(at));
    return { stepMs: this.stepMs, samples: this.samples.filter((sample) => sample.t >= fromMs && sample.t <= toMs), faults };
  }

  /**
   * The marks of the actions at `at` (at or before the playhead), read off the trace: whether an
   * action changed anything is decided as it runs (src/model/timeline-effect.ts), so the file cannot
   * say. Kept once the trace reaches past `at`, as the run never changes; not before, when the
   * actions at `at` may be still to come.
   */
  private faultsAt(at: number): FaultMark[] {
    const known = this.faultMarks.get(at);
    if (known) return known;
    const marks: FaultMark[] = [];
    const length = this.timeline.traceLength;
    for (let index = firstIndexAtOrAfter(this.timeline, at); index < length; index++) {
      const event = this.timeline.traceAt(index)!;
      if (event.t > at) {
        this.faultMarks.set(at, marks);
        break;
      }
      if (event.type === 'fault') marks.push(faultMark(event));
    }
    return marks;
  }
}

/** The state after the events of time 0. */
function firstSampleState(scenario: Scenario, stepMs: number): Readonly<ModelState> {
  const sampler = new SeriesSampler(scenario, stepMs);
  sampler.advanceTo(0);
  return sampler.state;
}

/** One series per timeline and step, kept while the timeline lives. */
const series = new WeakMap<TimelineView, Map<number, CheckpointSeries | SeriesSampler>>();

/** The series of this step so far, taken up to t: off the checkpoints when it can be, else by its own replay. */
function seriesUpTo(timeline: TimelineView, stepMs: number, t: number): CheckpointSeries | SeriesSampler {
  let byStep = series.get(timeline);
  if (!byStep) series.set(timeline, (byStep = new Map()));
  let taken = byStep.get(stepMs);
  if (taken === undefined) byStep.set(stepMs, (taken = new CheckpointSeries(timeline, stepMs)));
  if (taken instanceof CheckpointSeries && !taken.advanceTo(t)) byStep.set(stepMs, (taken = new SeriesSampler(timeline.scenario, stepMs)));
  if (taken instanceof SeriesSampler) taken.advanceTo(t);
  return taken;
}

/** The charts' series in [fromMs, toMs], up to the playhead (never past it). */
export function seriesOverTime(timeline: TimelineView, args: SeriesArgs): SeriesOverTime {
  const stepMs = Math.max(MIN_STEP_MS, Math.round(args.stepMs));
  const toMs = Math.min(args.toMs, timeline.now);
  return seriesUpTo(timeline, stepMs, toMs).window(args.fromMs, toMs);
}

/**
 * A step giving about `samples` samples over a run: at least 1 s, and a whole number of the
 * Timeline's checkpoint intervals (src/sim/checkpoints.ts), so that its samples are read off the
 * checkpoints.
 */
export function stepFor(durationMs: number, samples = 240): number {
  const interval = checkpointInterval(durationMs);
  return Math.ceil(Math.max(1_000, durationMs / samples) / interval) * interval;
}
