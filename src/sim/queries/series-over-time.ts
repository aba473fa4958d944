/**
 * Numbers over time for the charts: produce and consume TPS per broker (the Dashboard's
 * "produce TPS" is what a master put, "consume TPS" what consumers took, each over the last
 * 10 s as StoreStatsService.getPutTps(10) reports putTps in the broker's runtime info), each group's lag in total and per queue (the Dashboard's
 * diff: the broker's max offset minus the group's offset, ConsumeStats.computeTotalDiff),
 * never-consumable messages and failed sends, and the faults.
 *
 * The state at a past time is not kept by the Timeline, and the Timeline must never move for a
 * query, so a sampler replays the same scenario in a simulation of its own and reads the state
 * at every multiple of stepMs: the numbers are exactly the summary's (src/sim/summary.ts) at
 * those times. The run is deterministic, so a sample never changes once taken: the sampler of a
 * timeline is kept and only walks forward as the playhead does.
 */
import { MASTER_ID } from '../../model/defaults.ts';
import { createSimulation } from '../../model/index.ts';
import type { TraceEvent } from '../../model/events.ts';
import type { Sim } from '../../model/sim-types.ts';
import type { Scenario } from '../../model/spec.ts';
import type { ModelState } from '../../model/state.ts';
import { dict } from '../../engine/index.ts';
import { summarize, summarizeQueues, type Summary } from '../summary.ts';
import type { TimelineView } from '../timeline.ts';

export interface SeriesArgs {
  fromMs: number;
  toMs: number;
  /** Time between samples; the TPS of a sample counts the events of the step before it. */
  stepMs: number;
}

export interface FaultMark {
  t: number;
  action: string;
  target: string;
}

/** One sample: the state at time t, and the rates of (t - TPS_WINDOW_MS, t]. */
export interface SeriesSample {
  t: number;
  /** Messages a master stored in the window, per second, by brokerName. */
  produceTps: Record<string, number>;
  /** Messages consumed in the window, per second, by brokerName. */
  consumeTps: Record<string, number>;
  /** Each group's diffTotal: the sum over its queues of max offset - consumer offset. */
  lagByGroup: Record<string, number>;
  /** Each group's diff per queue, keyed `topic@brokerName:queueId`. */
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
export const MIN_STEP_MS = 100;
/** StoreStatsService.getPutTps(10): the broker's putTps is over the last 10 s (a longer step: over the step). */
export const TPS_WINDOW_MS = 10_000;

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
  else if (event.type === 'fault') faults.push({ t: event.t, action: event.action, target: event.target });
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

/** The state's lag and never-consumable counts, as the summary computes them. */
function readState(sim: Sim): Omit<SeriesSample, 't' | 'produceTps' | 'consumeTps'> {
  const lagByGroup = dict<number>();
  const lagByQueue = dict<Record<string, number>>();
  let neverConsumable = 0;
  for (const queue of summarizeQueues(sim.state)) {
    neverConsumable += queue.neverConsumable;
    for (const [group, lag] of Object.entries(queue.lag)) {
      lagByGroup[group] = (lagByGroup[group] ?? 0) + lag;
      (lagByQueue[group] ??= dict())[`${queue.topic}@${queue.broker}:${queue.queueId}`] = lag;
    }
  }
  return { lagByGroup, lagByQueue, neverConsumable, failed: sim.state.stats.failed };
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
        t: next, produceTps: perSecond(this.recent.map((c) => c.produce), spanMs), consumeTps: perSecond(this.recent.map((c) => c.consume), spanMs), ...readState(this.sim),
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

/** One sampler per timeline and step, kept while the timeline lives. */
const samplers = new WeakMap<TimelineView, Map<number, SeriesSampler>>();

function samplerOf(timeline: TimelineView, stepMs: number): SeriesSampler {
  let byStep = samplers.get(timeline);
  if (!byStep) samplers.set(timeline, (byStep = new Map()));
  let sampler = byStep.get(stepMs);
  if (!sampler) byStep.set(stepMs, (sampler = new SeriesSampler(timeline.scenario, stepMs)));
  return sampler;
}

/** The charts' series in [fromMs, toMs], up to the playhead (never past it). */
export function seriesOverTime(timeline: TimelineView, args: SeriesArgs): SeriesOverTime {
  const stepMs = Math.max(MIN_STEP_MS, Math.round(args.stepMs));
  const toMs = Math.min(args.toMs, timeline.now);
  const sampler = samplerOf(timeline, stepMs);
  sampler.advanceTo(toMs);
  return sampler.window(args.fromMs, toMs);
}

/** A step giving about `samples` samples over a run: a whole number of seconds, at least 1 s. */
export function stepFor(durationMs: number, samples = 240): number {
  return Math.max(1_000, Math.ceil(durationMs / samples / 1_000) * 1_000);
}
