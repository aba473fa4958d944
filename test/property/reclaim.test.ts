/**
 * The runner's reclaim (src/model/reclaim.ts) over generated scenarios (crashes, power losses,
 * partitions, consumers joining and leaving, topics updated): reclaiming every few virtual ms
 * never reads a freed entry or a forgotten mark (either would throw) and gives the same trace hash
 * and summary as the run that keeps everything.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/model/spec.ts';
import { startRun } from '../../src/sim/simulate.ts';
import { summarize } from '../../src/sim/summary.ts';
import { PROPERTY_TIMEOUT_MS, runs, scenario } from './arbitraries.ts';

function result(s: Scenario, reclaimEveryMs: number): string {
  const run = startRun(s, { kind: 'bytes', onBytes: () => {} }, { reclaimEveryMs });
  run.runUntil(s.durationMs);
  return JSON.stringify(summarize(run.sim.state, s.durationMs, run.hasher.digest(), run.sim.traceCount));
}

describe('reclaim over generated scenarios', () => {
  it('gives the same trace hash and summary as keeping everything', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 500 }), (s, everyMs) => {
        expect(result(s, everyMs)).toBe(result(s, 0));
      }),
      runs(30),
    );
  }, PROPERTY_TIMEOUT_MS);
});
