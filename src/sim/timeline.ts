/**
 * The timeline of one run for the page: seek to any virtual time through checkpoints plus
 * deterministic replay (RaftScope's and Runway's approach). A seek gives exactly the state a
 * straight run to that time gives. The trace is kept per checkpoint segment in a bounded cache;
 * a segment that was dropped is replayed again from its checkpoint when someone reads it.
 *
 * Two things keep the page's seeks and steps cheap: a seek that replays a dropped segment records
 * it on the way (the panels read it next, and would otherwise replay it a second time), and the
 * segment the playhead is in gets finer snapshots, so stepping back one event replays a fraction
 * of a segment rather than all of it.
 */
import type { Snapshot } from '../engine/index.ts';
import { createSimulation } from '../model/index.ts';
import type { AnyEvent, TraceEvent } from '../model/events.ts';
import type { Sim } from '../model/sim-types.ts';
import type { Scenario } from '../model/spec.ts';
import type { ModelState } from '../model/state.ts';
import { summarize, type Summary } from './summary.ts';

export interface TimelineOptions {
  /** Virtual time between checkpoints; smaller seeks faster and costs more memory. */
  checkpointEveryMs?: number;
  /** Trace events kept in memory at most (whole segments); the rest is replayed on demand. */
  traceBudget?: number;
}

type Checkpoint = Snapshot<ModelState, AnyEvent, TraceEvent>;

/**
 * About 1,200 checkpoints per run, between 1 s and 10 s apart: 3 s on an hour. Halving 6 s cost
 * the reference hour about 14 % more memory (the checkpoints share the append-only logs) and
 * made seeking a third faster.
 */
/** Fine snapshots per segment around the playhead. */
const FINE_STEPS = 8;

function defaultCheckpointInterval(durationMs: number): number {
  return Math.min(10_000, Math.max(1_000, Math.round(durationMs / 1_200)));
}

export class Timeline {
  readonly scenario: Scenario;
  readonly checkpointEveryMs: number;
  private readonly traceBudget: number;
  private readonly sim: Sim;
  private readonly checkpoints: Checkpoint[] = [];
  /**
   * Segment k holds the trace events from checkpoint k to checkpoint k + 1: t in (k·I, (k+1)·I],
   * and segment 0 also those at t = 0, since checkpoint 0 is taken before anything happens.
   */
  private readonly segments = new Map<number, TraceEvent[]>();
  private cachedEvents = 0;
  private scratch: Sim | null = null;
  /** A dropped segment being replayed by seek, recorded as it goes (its events up to now). */
  private capture: { k: number; events: TraceEvent[] } | null = null;
  /** Snapshots at fine step j (1 to FINE_STEPS - 1) of the segment after checkpoint fineSegment. */
  private fine: Checkpoint[] = [];
  private fineSegment = -1;
  /** The furthest virtual time simulated so far. */
  private horizonMs = 0;
  /** Trace events of the first pass so far: an event numbered at or below is a replay. */
  private firstPassCount = 0;

  constructor(scenario: Scenario, options: TimelineOptions = {}) {
    this.scenario = scenario;
    this.checkpointEveryMs = options.checkpointEveryMs ?? defaultCheckpointInterval(scenario.durationMs);
    this.traceBudget = options.traceBudget ?? 400_000;
    this.sim = createSimulation(scenario, { keepTrace: false, onTrace: (event) => this.record(event) });
    this.segments.set(0, []);
    // Checkpoint 0 is the state before anything happened, so that the events at time 0 (a process
    // starting, a fault at 0:00) belong to segment 0 like any other and a replay repeats them.
    this.checkpoints.push(this.sim.snapshot());
    this.runTo(0);
  }

  get now(): number {
    return this.sim.now;
  }

  get durationMs(): number {
    return this.scenario.durationMs;
  }

  get horizon(): number {
    return this.horizonMs;
  }

  /** The model state at the current time. Read it; never change it. */
  get state(): Readonly<ModelState> {
    return this.sim.state;
  }

  /** Number of trace events up to the current time. */
  get traceLength(): number {
    return this.sim.traceCount;
  }

  private segmentOf(t: number): number {
    return t <= 0 ? 0 : Math.ceil(t / this.checkpointEveryMs) - 1;
  }

  /** First pass only: events never traced before are new and belong to their segment. */
  private record(event: TraceEvent): void {
    // emit() has counted the event already: its number is sim.traceCount.
    if (this.sim.traceCount <= this.firstPassCount) return this.recordReplayed(event);
    this.firstPassCount = this.sim.traceCount;
    const k = this.segmentOf(event.t);
    let segment = this.segments.get(k);
    if (!segment) {
      segment = [];
      this.segments.set(k, segment);
    }
    segment.push(event);
    this.cachedEvents++;
  }

  /** A replayed event: kept only while capturing a dropped segment (events come in time order). */
  private recordReplayed(event: TraceEvent): void {
    if (!this.capture) return;
    const k = this.segmentOf(event.t);
    if (k !== this.capture.k) {
      // An event of a later segment means the captured one is complete.
      this.completeCapture();
      this.capture = k === this.capture.k + 1 && !this.segments.has(k) ? { k, events: [] } : null;
    }
    this.capture?.events.push(event);
  }

  private completeCapture(): void {
    const capture = this.capture;
    if (!capture || this.segments.has(capture.k)) return;
    this.segments.set(capture.k, capture.events);
    this.cachedEvents += capture.events.length;
  }

  /** Moves to exactly time t (every event at or before t has happened). */
  seek(t: number): void {
    const target = Math.max(0, Math.min(Math.round(t), this.durationMs));
    const start = this.startingPoint(target);
    // Replay from a snapshot unless we are already between it and the target.
    if (target < this.sim.now || this.sim.now < start.now) {
      this.sim.restore(start);
      this.restartCapture(start);
      this.replayTakingFineSnapshots(target);
    }
    this.runTo(target);
    if (this.capture && this.sim.now >= (this.capture.k + 1) * this.checkpointEveryMs) {
      this.completeCapture();
      this.capture = null;
    }
  }

  /**
   * After a restore, a capture holds the restored segment's events up to the snapshot: from its
   * checkpoint nothing yet; from a fine snapshot, what an earlier capture already recorded.
   */
  private restartCapture(start: Checkpoint): void {
    const k = this.segmentOf(start.now + 1);
    // Only a segment simulated to its end can have been dropped; the last one is still written.
    if (this.segments.has(k) || k >= this.checkpoints.length - 1) {
      this.capture = null;
      return;
    }
    const kept = start.traceCount - this.checkpoints[k]!.traceCount;
    if (kept === 0) this.capture = { k, events: [] };
    else if (this.capture?.k === k && this.capture.events.length >= kept) this.capture.events.length = kept;
    else this.capture = null;
  }

  private fineStepMs(): number {
    return Math.max(1, Math.floor(this.checkpointEveryMs / FINE_STEPS));
  }

  /** The latest snapshot at or before target: its segment's checkpoint, or a fine snapshot after it. */
  private startingPoint(target: number): Checkpoint {
    const index = Math.min(Math.floor(target / this.checkpointEveryMs), this.checkpoints.length - 1);
    if (index === this.fineSegment) {
      const base = index * this.checkpointEveryMs;
      for (let j = Math.min(FINE_STEPS - 1, Math.floor((target - base) / this.fineStepMs())); j >= 1; j--) {
        const fine = this.fine[j];
        if (fine) return fine;
      }
    }
    return this.checkpoints[index]!;
  }

  /**
   * Replays towards target, snapshotting at each fine step of the target's segment on the way,
   * so stepping back again (one event at a time) replays a fraction of a segment.
   */
  private replayTakingFineSnapshots(target: number): void {
    const index = Math.floor(target / this.checkpointEveryMs);
    // Past the last checkpoint the run is new: runTo simulates it and takes its checkpoints.
    if (index >= this.checkpoints.length) return;
    if (index !== this.fineSegment) {
      this.fineSegment = index;
      this.fine = [];
    }
    const base = index * this.checkpointEveryMs;
    const step = this.fineStepMs();
    for (let j = Math.floor((this.sim.now - base) / step) + 1; j < FINE_STEPS && base + j * step < target; j++) {
      this.sim.runUntil(base + j * step);
      this.fine[j] ??= this.sim.snapshot();
    }
  }

  /** Runs every event at or before target (those at the current time too: after restoring checkpoint 0, the events of time 0). */
  private runTo(target: number): void {
    do {
      const nextCheckpoint = this.checkpoints.length * this.checkpointEveryMs;
      const stop = Math.min(target, nextCheckpoint);
      this.sim.runUntil(stop);
      this.horizonMs = Math.max(this.horizonMs, this.sim.now);
      if (stop === nextCheckpoint) this.checkpoints.push(this.sim.snapshot());
    } while (this.sim.now < target);
    this.evict();
  }

  /** Drops least recently read segments over budget, never the one still being written. */
  private evict(): void {
    const writing = this.segmentOf(this.horizonMs);
    for (const [k, segment] of this.segments) {
      if (this.cachedEvents <= this.traceBudget) return;
      if (k === writing || k === writing + 1) continue;
      this.segments.delete(k);
      this.cachedEvents -= segment.length;
    }
  }

  /** The events of segment k up to now at least, replayed from its checkpoint if they were dropped. */
  private segment(k: number): TraceEvent[] {
    // Reads stay within the current time's prefix, which is exactly what a capture holds.
    return this.capture?.k === k ? this.capture.events : this.wholeSegment(k);
  }

  /** Every event of segment k simulated so far (a capture holds only those up to now). */
  private wholeSegment(k: number): TraceEvent[] {
    const cached = this.segments.get(k);
    if (cached) {
      // Map order is insertion order: re-insert to mark it recently used.
      this.segments.delete(k);
      this.segments.set(k, cached);
      return cached;
    }
    const events: TraceEvent[] = [];
    this.scratch ??= createSimulation(this.scenario, { keepTrace: false });
    const scratch = this.scratch;
    scratch.restore(this.checkpoints[k]!);
    const sink = (event: TraceEvent) => events.push(event);
    scratch.onTraceOverride = sink;
    scratch.runUntil(Math.min((k + 1) * this.checkpointEveryMs, this.horizonMs));
    scratch.onTraceOverride = null;
    this.segments.set(k, events);
    this.cachedEvents += events.length;
    return events;
  }

  /** The segment holding global trace index i: the last checkpoint whose traceCount <= i. */
  private segmentIndexOf(i: number): number {
    let low = 0;
    let high = this.checkpoints.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.checkpoints[mid]!.traceCount <= i) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  traceAt(index: number): TraceEvent | undefined {
    if (index < 0 || index >= this.traceLength) return undefined;
    const k = this.segmentIndexOf(index);
    return this.segment(k)[index - this.checkpoints[k]!.traceCount];
  }

  /** Trace events [from, to) of the current time's prefix. */
  traceSlice(from: number, to = this.traceLength): TraceEvent[] {
    const end = Math.min(to, this.traceLength);
    const events: TraceEvent[] = [];
    let i = Math.max(0, from);
    while (i < end) {
      const k = this.segmentIndexOf(i);
      const base = this.checkpoints[k]!.traceCount;
      const segment = this.segment(k);
      const take = Math.min(end - i, segment.length - (i - base));
      if (take <= 0) break;
      for (let j = 0; j < take; j++) events.push(segment[i - base + j]!);
      i += take;
    }
    return events;
  }

  /**
   * Time of the first trace event after now, when the run has been simulated past it; undefined
   * when it has not (only a move can find out). A query: the run stays where it is.
   */
  peekNextTraceTime(): number | undefined {
    const index = this.traceLength;
    if (index >= this.firstPassCount) return undefined;
    const k = this.segmentIndexOf(index);
    return this.wholeSegment(k)[index - this.checkpoints[k]!.traceCount]?.t;
  }

  /**
   * Moves to the time of the first trace event after now, simulating ahead as needed, or to the
   * end of the run when there is none; returns the new time.
   */
  seekNextTraceEvent(): number {
    const before = this.traceLength;
    while (this.traceLength === before && this.now < this.durationMs) {
      // Unknown yet: go to the next scheduled event; if it traces nothing, on to the one after.
      this.seek(this.peekNextTraceTime() ?? Math.max(this.now + 1, this.sim.peekTime()));
    }
    return this.now;
  }

  /** Time of the last trace event before now, or 0. */
  previousTraceTime(): number {
    const now = this.sim.now;
    for (let i = this.traceLength - 1; i >= 0; i--) {
      const event = this.traceAt(i)!;
      if (event.t < now) return event.t;
    }
    return 0;
  }

  summary(): Summary {
    return summarize(this.sim.state, this.sim.now, '', this.sim.traceCount);
  }
}

/**
 * What the page may read of a Timeline: the state and trace at the current time, and queries.
 * Moving the run (seek) belongs to the store (src/store/playback.ts), the one owner of time.
 */
export type TimelineView = Pick<
  Timeline,
  'scenario' | 'now' | 'durationMs' | 'horizon' | 'state' | 'traceLength' | 'traceAt' | 'traceSlice'
  | 'peekNextTraceTime' | 'previousTraceTime' | 'summary'
>;
