/**
 * The timeline of one run for the page: seek to any virtual time through checkpoints plus
 * deterministic replay (RaftScope's and Runway's approach). A seek gives exactly the state a
 * straight run to that time gives.
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
}

export class Timeline {
  readonly scenario: Scenario;
  readonly checkpointEveryMs: number;
  private readonly sim: Sim;
  private readonly checkpoints: Snapshot<ModelState, AnyEvent, TraceEvent>[] = [];
  /** The furthest virtual time simulated so far. */
  private horizonMs = 0;

  constructor(scenario: Scenario, options: TimelineOptions = {}) {
    this.scenario = scenario;
    this.checkpointEveryMs = options.checkpointEveryMs ?? 2_000;
    this.sim = createSimulation(scenario);
    this.checkpoints.push(this.sim.snapshot());
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
    return this.sim.trace.length;
  }

  traceAt(index: number): TraceEvent | undefined {
    return this.sim.trace.at(index);
  }

  /** Trace events [from, to) of the current time's prefix. */
  traceSlice(from: number, to = this.traceLength): TraceEvent[] {
    return this.sim.trace.items.slice(Math.max(0, from), Math.min(to, this.traceLength));
  }

  /** Moves to exactly time t (every event at or before t has happened). */
  seek(t: number): void {
    const target = Math.max(0, Math.min(Math.round(t), this.durationMs));
    const index = Math.min(Math.floor(target / this.checkpointEveryMs), this.checkpoints.length - 1);
    const checkpoint = this.checkpoints[index]!;
    // Replay from the checkpoint unless we are already between it and the target.
    if (target < this.sim.now || this.sim.now < checkpoint.now) this.sim.restore(checkpoint);
    this.runTo(target);
  }

  private runTo(target: number): void {
    while (this.sim.now < target) {
      const nextCheckpoint = this.checkpoints.length * this.checkpointEveryMs;
      const stop = Math.min(target, nextCheckpoint);
      this.sim.runUntil(stop);
      if (stop === nextCheckpoint && this.sim.now === nextCheckpoint) this.checkpoints.push(this.sim.snapshot());
    }
    this.horizonMs = Math.max(this.horizonMs, this.sim.now);
  }

  /** Time of the first trace event after now (simulating ahead as needed), or the end. */
  nextTraceTime(): number {
    const length = this.traceLength;
    const from = this.sim.now;
    let t = from;
    while (t < this.durationMs) {
      t = Math.min(this.durationMs, Math.max(t + 1, this.sim.peekTime()));
      this.seek(t);
      if (this.traceLength > length && this.traceAt(length)!.t > from) return this.traceAt(length)!.t;
    }
    return this.durationMs;
  }

  /** Time of the last trace event before now, or 0. */
  previousTraceTime(): number {
    const now = this.sim.now;
    for (let i = this.traceLength - 1; i >= 0; i--) {
      const event = this.sim.trace.items[i]!;
      if (event.t < now) return event.t;
    }
    return 0;
  }

  summary(): Summary {
    return summarize(this.sim.state, this.sim.now, '', this.sim.traceCount);
  }
}
