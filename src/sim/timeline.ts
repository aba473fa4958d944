/**
 * The timeline of one run for the page: seek to any virtual time through checkpoints plus
 * deterministic replay (RaftScope's and Runway's approach). A seek gives exactly the state a
 * straight run to that time gives.
 *
 * Its parts each keep one thing: the checkpoints (checkpoints.ts), the trace per segment in a
 * bounded cache (trace-segments.ts), the capture of a dropped segment a seek replays
 * (segment-capture.ts), and the finer snapshots of the playhead's segment (fine-snapshots.ts).
 * The Timeline runs the simulation and answers for the current time.
 */
import { createSimulation, type ModelOptions } from '../model/index.ts';
import type { TraceEvent } from '../model/events.ts';
import type { Sim } from '../model/sim-types.ts';
import type { Scenario } from '../model/spec.ts';
import type { ModelState } from '../model/state.ts';
import { clampToRun } from './clamp-to-run.ts';
import { type Checkpoint, checkpointInterval, Checkpoints, TRACE_CACHE_LEAST } from './checkpoints.ts';
import { FineSnapshots } from './fine-snapshots.ts';
import type { PackedSegment, TraceSink } from './packed-trace.ts';
import { SegmentCapture } from './segment-capture.ts';
import { summarize, type Summary } from './summary.ts';
import { TimelineWriter } from './timeline-writer.ts';
import { addAll, TraceSegments } from './trace-segments.ts';

export interface TimelineOptions {
  /** Virtual time between checkpoints; smaller seeks faster and costs more memory. */
  checkpointEveryMs?: number;
  /** Trace events kept in memory at most (whole segments); the rest is replayed on demand. TRACE_CACHE_LEAST by default. */
  traceBudget?: number;
  /** How brokers keep their CommitLog (ModelOptions.commitLog): the worker passes the columns. */
  commitLog?: ModelOptions['commitLog'];
  /**
   * How many of the latest trace events a reader reads after a seek from elsewhere (the worker's
   * frame brings a fresh tail of FRESH_EVENTS, src/sim/frame/trace-tail.ts); 0 by default.
   */
  tailEvents?: number;
}

export class Timeline {
  readonly scenario: Scenario;
  readonly checkpointEveryMs: number;
  private readonly sim: Sim;
  private readonly checkpoints: Checkpoints;
  private readonly segments: TraceSegments;
  private readonly capture: SegmentCapture;
  private readonly fine: FineSnapshots;
  /** A second simulation that replays dropped segments without moving the run (made on first need). */
  private scratch: Sim | undefined;
  /** The model options both simulations share: how brokers keep their CommitLog. */
  private readonly storage: Pick<ModelOptions, 'commitLog'>;
  /** The furthest virtual time simulated so far. */
  private horizonMs = 0;
  /** Trace events of the first pass so far: an event numbered at or below is a replay. */
  private firstPassCount = 0;
  private readonly tailEvents: number;

  constructor(scenario: Scenario, options: TimelineOptions = {}) {
    this.scenario = scenario;
    this.checkpointEveryMs = options.checkpointEveryMs ?? checkpointInterval(scenario.durationMs);
    this.checkpoints = new Checkpoints(this.checkpointEveryMs);
    this.segments = new TraceSegments(options.traceBudget ?? TRACE_CACHE_LEAST, (k) => this.replaySegment(k));
    this.capture = new SegmentCapture(this.checkpoints, this.segments);
    this.fine = new FineSnapshots(this.checkpoints);
    this.storage = options.commitLog ? { commitLog: options.commitLog } : {};
    this.tailEvents = options.tailEvents ?? 0;
    const record = (event: TraceEvent) => this.record(event);
    const writer = new TimelineWriter((t) => this.packerFor(t), record);
    this.sim = createSimulation(scenario, { keepTrace: false, onTrace: record, writer, ...this.storage });
    this.segments.put(0, []);
    // Checkpoint 0 is the state before anything happened, so that the events at time 0 (a process
    // starting, a fault at 0:00) belong to segment 0 like any other and a replay repeats them.
    this.checkpoints.add(this.sim.snapshot());
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

  /** The first trace index that can be read here: 0, every event is (a FrameView on the page holds only the latest). */
  get traceStart(): number {
    return 0;
  }

  /**
   * The state of the checkpoint taken at exactly t, after every event at or before t; undefined
   * when none was (t is 0, not a multiple of checkpointEveryMs, or past the horizon). Read it;
   * never change it. A query reads the past there without replaying it (series-over-time.ts).
   */
  checkpointStateAt(t: number): Readonly<ModelState> | undefined {
    // Checkpoint 0 is the state before the events of time 0.
    if (t <= 0 || t % this.checkpointEveryMs !== 0) return undefined;
    const k = t / this.checkpointEveryMs;
    return k < this.checkpoints.count ? this.checkpoints.at(k).state : undefined;
  }

  /** Checkpoints taken so far: checkpointCount(durationMs) once the whole run is simulated (src/sim/checkpoints.ts). */
  get checkpointsTaken(): number {
    return this.checkpoints.count;
  }

  /** Engine events handled from 0:00 to the current time (for benchmarks). */
  get eventsHandled(): number {
    return this.sim.eventsHandled;
  }

  /** Number of trace events up to the current time. */
  get traceLength(): number {
    return this.sim.traceCount;
  }

  /** Every traced event: a new one (first pass) goes to its segment, a replayed one to the capture. */
  private record(event: TraceEvent): void {
    // emit() has counted the event already: its number is sim.traceCount.
    if (this.sim.traceCount <= this.firstPassCount) return this.capture.record(event);
    this.firstPassCount = this.sim.traceCount;
    this.segments.append(this.checkpoints.segmentOfTime(event.t), event);
  }

  /**
   * Where the values of the next busy event, at t and counted already, are packed: its segment on
   * the first pass; undefined when it must be made an object for record() (a replayed event, or
   * one of a segment also kept unpacked).
   */
  private packerFor(t: number): PackedSegment | undefined {
    if (this.sim.traceCount <= this.firstPassCount) return undefined;
    const packer = this.segments.packerOf(this.checkpoints.segmentOfTime(t));
    if (packer) this.firstPassCount = this.sim.traceCount;
    return packer;
  }

  /** Moves to exactly time t (every event at or before t has happened). */
  seek(t: number): void {
    const target = clampToRun(t, this.durationMs);
    const start = this.startingPoint(target);
    // Replay from a snapshot unless we are already between it and the target.
    if (target < this.sim.now || this.sim.now < start.now) {
      const from = this.withTail(start, target);
      this.sim.restore(from);
      this.capture.restart(from);
      this.fine.replayToward(this.sim, target);
    }
    this.runTo(target);
    this.capture.completeBy(this.sim.now);
  }

  /** The latest snapshot at or before target: its segment's checkpoint, or a fine snapshot after it. */
  private startingPoint(target: number): Checkpoint {
    const k = this.checkpoints.indexAtOrBefore(target);
    return this.fine.latestAtOrBefore(k, target) ?? this.checkpoints.at(k);
  }

  /**
   * Where a seek from elsewhere restores: `start`, or the checkpoint before it when the tail a
   * reader reads next (tailEvents) reaches back into the segment before, which was dropped. The
   * run then replays that segment on its way and captures it (segment-capture.ts), where reading
   * it afterwards would restore a checkpoint a second time to replay it apart: the same events
   * simulated, one copy of the whole state fewer (about 12 ms for 640 queues and 100 clients).
   */
  private withTail(start: Checkpoint, target: number): Checkpoint {
    const k = this.checkpoints.indexAtOrBefore(target);
    if (this.tailEvents === 0 || k === 0 || start !== this.checkpoints.at(k) || k + 1 >= this.checkpoints.count) return start;
    if (this.checkpoints.segmentOfTime(this.sim.now) === k || this.segments.has(k - 1)) return start;
    // The trace's length at target, estimated from the segment's events spread evenly over it.
    const end = this.checkpoints.at(k + 1);
    const share = (target - start.now) / (end.now - start.now);
    const length = start.traceCount + share * (end.traceCount - start.traceCount);
    return length - this.tailEvents < start.traceCount ? this.checkpoints.at(k - 1) : start;
  }

  /** Runs every event at or before target (those at the current time too: after restoring checkpoint 0, the events of time 0). */
  private runTo(target: number): void {
    do {
      const nextCheckpoint = this.checkpoints.nextAt;
      const stop = Math.min(target, nextCheckpoint);
      this.sim.runUntil(stop);
      this.horizonMs = Math.max(this.horizonMs, this.sim.now);
      // The next checkpoint takes what did not change from the last one (src/engine/clone.ts, cloneStateSharing).
      if (stop === nextCheckpoint) this.checkpoints.add(this.sim.snapshot(this.checkpoints.at(this.checkpoints.count - 1)));
    } while (this.sim.now < target);
    // Never drop the segment still being written.
    const writing = this.checkpoints.segmentOfTime(this.horizonMs);
    this.segments.evict((k) => k === writing || k === writing + 1);
  }

  /** The events of a dropped segment k, replayed from its checkpoint in the scratch simulation. */
  private replaySegment(k: number): TraceEvent[] {
    const events: TraceEvent[] = [];
    this.scratch ??= createSimulation(this.scenario, { keepTrace: false, ...this.storage });
    const scratch = this.scratch;
    scratch.restore(this.checkpoints.at(k));
    scratch.onTraceOverride = (event) => events.push(event);
    scratch.runUntil(Math.min(this.checkpoints.segmentEnd(k), this.horizonMs));
    scratch.onTraceOverride = null;
    return events;
  }

  /** The events of segment k up to now at least: reads stay within the current time's prefix, which is what a capture holds. */
  private segment(k: number): TraceEvent[] {
    return this.capture.eventsOf(k) ?? this.segments.read(k);
  }

  traceAt(index: number): TraceEvent | undefined {
    if (index < 0 || index >= this.traceLength) return undefined;
    const k = this.checkpoints.segmentOfTrace(index);
    return this.segment(k)[index - this.checkpoints.at(k).traceCount];
  }

  /** Trace events [from, to) of the current time's prefix. */
  traceSlice(from: number, to = this.traceLength): TraceEvent[] {
    const events: TraceEvent[] = [];
    this.eachSegment(from, to, (k, start, end) => {
      const segment = this.segment(k);
      const last = Math.min(end, segment.length);
      for (let j = start; j < last; j++) events.push(segment[j]!);
      return last - start;
    });
    return events;
  }

  /** Trace events [from, to) of the current time's prefix to `sink`, those still packed without becoming objects (a frame's tail). */
  traceInto(sink: TraceSink, from: number, to = this.traceLength): void {
    this.eachSegment(from, to, (k, start, end) => {
      const captured = this.capture.eventsOf(k);
      return captured ? addAll(sink, captured, start, end) : this.segments.writeRange(k, sink, start, end);
    });
  }

  /** Walks the segments of trace events [from, to) of the current time's prefix: `take` reads [start, end) of segment k, as far as it goes, and says how many. */
  private eachSegment(from: number, to: number, take: (k: number, start: number, end: number) => number): void {
    const end = Math.min(to, this.traceLength);
    let i = Math.max(0, from);
    while (i < end) {
      const k = this.checkpoints.segmentOfTrace(i);
      const base = this.checkpoints.at(k).traceCount;
      const taken = take(k, i - base, end - base);
      if (taken <= 0) break;
      i += taken;
    }
  }

  /**
   * Time of the first trace event after now, when the run has been simulated past it; undefined
   * when it has not (only a move can find out). A query: the run stays where it is.
   */
  peekNextTraceTime(): number | undefined {
    const index = this.traceLength;
    if (index >= this.firstPassCount) return undefined;
    const k = this.checkpoints.segmentOfTrace(index);
    // The whole segment: a capture holds only the events up to now.
    return this.segments.read(k)[index - this.checkpoints.at(k).traceCount]?.t;
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

  /** The time summary() is of: here always the current time (a FrameView's may be behind it). */
  get summaryMs(): number {
    return this.sim.now;
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
  'scenario' | 'now' | 'durationMs' | 'horizon' | 'state' | 'traceStart' | 'traceLength' | 'traceAt' | 'traceSlice'
  | 'peekNextTraceTime' | 'previousTraceTime' | 'summary' | 'summaryMs' | 'checkpointStateAt'
>;

/** What a reader of the trace needs (the prefix up to the current time): a Timeline, the page's FrameView, a test's fake. */
export type TraceSource = Pick<TimelineView, 'traceLength' | 'traceAt' | 'traceSlice'>;
