/**
 * A run that frees, as it goes, what no one can read or count again (src/model/reclaim.ts): the
 * runner's (simulate.ts), and, with no trace at all, a look ahead of the playhead that only reads
 * the model's state (the named query faultSigns).
 */
import { createSimulation, type ModelOptions } from '../model/index.ts';
import { reclaim } from '../model/reclaim.ts';
import type { Sim } from '../model/sim-types.ts';
import type { Scenario } from '../model/spec.ts';
import type { TraceWriter } from '../model/trace-writer.ts';
import { commitLogInColumns } from './commit-log-columns.ts';

/**
 * How often, in virtual time, the runner frees what no one can read or count again: often enough
 * that a virtual hour of the reference scenario holds about what is in flight, and the cost (a
 * look at every queue's readers) stays small against the run.
 */
export const RECLAIM_EVERY_MS = 10_000;

export interface ReclaimingRun {
  sim: Sim;
  /**
   * Runs to `t` (sim.runUntil), reclaiming on the way: the same events in the same order, since
   * a run to t1 then t2 is a run to t2, and a reclaim reads the run without changing it.
   */
  runUntil(t: number): void;
}

/** The model with its CommitLogs in columns, reclaimed every `everyMs` of virtual time (0: never). */
export function startReclaimingRun(scenario: Scenario, options: Omit<ModelOptions, 'commitLog'>, everyMs: number): ReclaimingRun {
  const sim = createSimulation(scenario, { commitLog: commitLogInColumns, ...options });
  let nextReclaimAt = everyMs;
  const runUntil = (t: number) => {
    while (everyMs > 0 && nextReclaimAt <= t) {
      sim.runUntil(nextReclaimAt);
      reclaim(sim);
      nextReclaimAt += everyMs;
    }
    sim.runUntil(t);
  };
  return { sim, runUntil };
}

/** Drops the five busy events' values: no object is made for them. */
const DROP_TRACE: TraceWriter = { messageSent() {}, messageStored() {}, sendResult() {}, messageConsumed() {}, offsetCommitted() {} };

/** The same run with no trace at all, kept or written: for what reads only the model's state. */
export function startUntracedRun(scenario: Scenario): ReclaimingRun {
  return startReclaimingRun(scenario, { keepTrace: false, onTrace: () => {}, writer: DROP_TRACE }, RECLAIM_EVERY_MS);
}
