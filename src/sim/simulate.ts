/**
 * simulate(): run a validated scenario to a time and return its trace and summary (docs/runner.md).
 */
import { createSimulation } from '../model/index.ts';
import type { TraceEvent } from '../model/events.ts';
import type { Sim } from '../model/sim-types.ts';
import type { Scenario } from '../model/spec.ts';
import { commitLogInColumns } from './commit-log-columns.ts';
import { summarize, type Summary } from './summary.ts';
import { TraceHasher } from './trace-hash.ts';

export interface SimulateOptions {
  untilMs?: number;
  /** Called with each trace line (JSON) as it is produced; the trace is then not kept in memory. */
  onTraceLine?: (line: string) => void;
}

export interface SimulateResult {
  trace: TraceEvent[];
  summary: Summary;
}

/** A run as the runner keeps it: the model, and every trace line hashed and handed on (kept only without onTraceLine). */
export interface RunnerRun {
  sim: Sim;
  hasher: TraceHasher;
}

export function startRun(scenario: Scenario, onLine: ((line: string) => void) | undefined): RunnerRun {
  const hasher = new TraceHasher();
  const sim = createSimulation(scenario, {
    commitLog: commitLogInColumns,
    keepTrace: onLine === undefined,
    onTrace: (event) => {
      const line = JSON.stringify(event);
      hasher.addLine(line);
      onLine?.(line);
    },
  });
  return { sim, hasher };
}

export function simulate(scenario: Scenario, options: SimulateOptions = {}): SimulateResult {
  const untilMs = options.untilMs ?? scenario.durationMs;
  const { sim, hasher } = startRun(scenario, options.onTraceLine);
  sim.runUntil(untilMs);
  return { trace: sim.trace.toArray(), summary: summarize(sim.state, untilMs, hasher.digest(), sim.traceCount) };
}
