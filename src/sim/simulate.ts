/**
 * simulate(): run a validated scenario to a time and return its trace and summary (docs/runner.md).
 */
import type { TraceEvent } from '../model/events.ts';
import type { Scenario } from '../model/spec.ts';
import { RECLAIM_EVERY_MS, startReclaimingRun, type ReclaimingRun } from './reclaiming-run.ts';
import { summarize, type Summary } from './summary.ts';
import { TraceHasher } from './trace-hash.ts';
import { HashedLineWriter } from './trace-writers.ts';

export interface SimulateOptions {
  untilMs?: number;
  /** Called with each trace line (JSON) as it is produced; the trace is then not kept in memory. */
  onTraceLine?: (line: string) => void;
  /**
   * Called with the trace file's bytes (UTF-8 JSON Lines, as `--trace` writes them) in chunks, in
   * order; a chunk is valid only during the call. The trace is then not kept in memory. Cheaper
   * than onTraceLine: no string is made per line. Not with onTraceLine.
   */
  onTraceBytes?: (chunk: Uint8Array) => void;
}

export interface SimulateResult {
  trace: TraceEvent[];
  summary: Summary;
}

/** Where a runner's trace goes: kept in memory (sim.trace), handed on line by line as text, or as the trace file's bytes. */
export type TraceOutput =
  | { kind: 'kept' }
  | { kind: 'lines'; onLine: (line: string) => void }
  | { kind: 'bytes'; onBytes: (chunk: Uint8Array) => void };

export interface RunnerOptions {
  /** Virtual ms between two reclaims; 0 never reclaims (the run keeps every stored message). */
  reclaimEveryMs?: number;
}

/** A run as the runner keeps it: the model, reclaimed as it goes, and every trace line hashed and handed on. */
export interface RunnerRun extends ReclaimingRun {
  hasher: TraceHasher;
}

export function startRun(scenario: Scenario, output: TraceOutput, options: RunnerOptions = {}): RunnerRun {
  const hasher = new TraceHasher(output.kind === 'bytes' ? output.onBytes : undefined);
  const onTrace = output.kind === 'lines'
    ? (event: TraceEvent) => {
      const line = JSON.stringify(event);
      hasher.addLine(line);
      output.onLine(line);
    }
    // Only bytes are needed: the line is written as bytes without making its string, the busy events' without their objects.
    : (event: TraceEvent) => hasher.addEvent(event);
  const writer = output.kind === 'bytes' ? { writer: new HashedLineWriter(hasher) } : {};
  const run = startReclaimingRun(scenario, { keepTrace: output.kind === 'kept', onTrace, ...writer }, options.reclaimEveryMs ?? RECLAIM_EVERY_MS);
  return { ...run, hasher };
}

function traceOutput(options: SimulateOptions): TraceOutput {
  if (options.onTraceLine && options.onTraceBytes) throw new Error('simulate() takes onTraceLine or onTraceBytes, not both');
  if (options.onTraceLine) return { kind: 'lines', onLine: options.onTraceLine };
  if (options.onTraceBytes) return { kind: 'bytes', onBytes: options.onTraceBytes };
  return { kind: 'kept' };
}

export function simulate(scenario: Scenario, options: SimulateOptions = {}): SimulateResult {
  const untilMs = options.untilMs ?? scenario.durationMs;
  const run = startRun(scenario, traceOutput(options));
  run.runUntil(untilMs);
  const { sim, hasher } = run;
  return { trace: sim.trace.toArray(), summary: summarize(sim.state, untilMs, hasher.digest(), sim.traceCount) };
}
