/**
 * The runner's reclaim (src/model/reclaim.ts): freeing what no reader can read and settling the
 * statistics of messages nobody holds changes nothing in a run. Every scenario file is run
 * reclaiming every 50 virtual ms (a read of a freed entry throws, so a finished run read none)
 * and compared with the same run keeping everything: the same trace hash and the same summary.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/model/spec.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { startRun, type RunnerRun } from '../../src/sim/simulate.ts';
import { summarize } from '../../src/sim/summary.ts';

const FOLDERS = ['../../src/scenario/library/', '../../examples/', '../../src/ui/learn/chapters/'];
const TIMEOUT_MS = 600_000;

function scenarioFile(url: URL): Scenario {
  const parsed = parseScenarioText(readFileSync(url, 'utf8'));
  if (!parsed.ok) throw new Error(`${url.pathname}: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return parsed.scenario;
}

const SCENARIO_FILES = FOLDERS.flatMap((folder) => {
  const url = new URL(folder, import.meta.url);
  return readdirSync(url).filter((file) => file.endsWith('.json')).map((file) => new URL(file, url));
});

function run(scenario: Scenario, untilMs: number, reclaimEveryMs: number): { run: RunnerRun; result: string } {
  const runner = startRun(scenario, { kind: 'bytes', onBytes: () => {} }, { reclaimEveryMs });
  runner.runUntil(untilMs);
  return { run: runner, result: JSON.stringify(summarize(runner.sim.state, untilMs, runner.hasher.digest(), runner.sim.traceCount)) };
}

/** Stored entries the brokers still hold, and all they stored. */
function held(runner: RunnerRun): { held: number; stored: number } {
  const brokers = Object.values(runner.sim.state.brokers);
  return {
    held: brokers.reduce((sum, broker) => sum + broker.commitLog.length - broker.commitLog.minIndex, 0),
    stored: brokers.reduce((sum, broker) => sum + broker.commitLog.length, 0),
  };
}

describe('the runner reclaims what no reader can read, and the run stays the same', () => {
  it('every scenario file of the library, examples/ and the chapters: the same trace hash and summary, and entries freed', () => {
    expect(SCENARIO_FILES.length).toBeGreaterThan(30);
    let freed = 0;
    for (const file of SCENARIO_FILES) {
      const scenario = scenarioFile(file);
      const reclaiming = run(scenario, scenario.durationMs, 50);
      expect(reclaiming.result, file.pathname).toBe(run(scenario, scenario.durationMs, 0).result);
      const { held: kept, stored } = held(reclaiming.run);
      if (kept < stored) freed++;
    }
    // A few keep all: a group that never committed an offset on a queue starts there at 0.
    expect(freed).toBeGreaterThan(SCENARIO_FILES.length * 0.8);
  }, TIMEOUT_MS);

  it('the reference scenario for 10 virtual minutes, reclaiming every 10 s as the runner does: the same trace hash, under 2 % of its messages held', () => {
    const scenario = scenarioFile(new URL('../bench/reference.json', import.meta.url));
    const reclaiming = run(scenario, 600_000, 10_000);
    expect(reclaiming.result).toBe(run(scenario, 600_000, 0).result);
    const { held: kept, stored } = held(reclaiming.run);
    expect(stored).toBeGreaterThan(110_000);
    expect(kept / stored).toBeLessThan(0.02);
  }, TIMEOUT_MS);

  it('the large scale test for its first minute (10 brokers, 100 clients), reclaiming every second: the same trace hash and summary', () => {
    const scenario = scenarioFile(new URL('../bench/large.json', import.meta.url));
    const reclaiming = run(scenario, 60_000, 1_000);
    expect(reclaiming.result).toBe(run(scenario, 60_000, 0).result);
    const { held: kept, stored } = held(reclaiming.run);
    expect(kept).toBeLessThan(stored);
  }, TIMEOUT_MS);
});
