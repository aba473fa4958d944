/**
 * Old code against new on the model's first pass: `tsx test/bench/ab.ts <old tree> <new tree>
 * [--pairs 6] [--mode runner|timeline] [--until 600000] [--scenario file]`, each tree a checkout of
 * this repository (`git worktree add`). Prints each pair's events per CPU second and the median
 * new/old.
 *
 * Each measurement is a fresh process (2 warm-up runs, then the median of 3), old and new in turn,
 * the order swapped every pair. Not both trees in one process: there the tree loaded first runs
 * faster (two checkouts of the same commit measured 0.83 new/old over 6 pairs on the runner,
 * docs/runner.md), which is larger than most changes this is asked about.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { median } from './browser-play.ts';

const WARM_UPS = 2;
const RUNS = 3;

type Mode = 'runner' | 'timeline';

/** The run `mode` names, with the tree's own code: returns the events it handled. */
async function runOf(tree: string, mode: Mode, untilMs: number, scenarioFile: string): Promise<() => number> {
  const { parseScenarioText } = await import(join(tree, 'src/scenario/parse.ts')) as typeof import('../../src/scenario/parse.ts');
  const parsed = parseScenarioText(readFileSync(scenarioFile, 'utf8'));
  if (!parsed.ok) throw new Error(`${scenarioFile} is not a valid scenario`);
  if (mode === 'runner') {
    const { startRun } = await import(join(tree, 'src/sim/simulate.ts')) as typeof import('../../src/sim/simulate.ts');
    return () => {
      const run = startRun(parsed.scenario, { kind: 'bytes', onBytes: () => {} });
      run.runUntil(untilMs);
      return run.sim.eventsHandled;
    };
  }
  const { Timeline } = await import(join(tree, 'src/sim/timeline.ts')) as typeof import('../../src/sim/timeline.ts');
  const storage = await import(join(tree, 'src/sim/commit-log-columns.ts')) as Partial<typeof import('../../src/sim/commit-log-columns.ts')>;
  // The worker's CommitLog: a checkout from before commitLogForTimeline passed the runner's.
  const commitLog = storage.commitLogForTimeline ?? storage.commitLogInColumns!;
  return () => {
    const timeline = new Timeline(parsed.scenario, { commitLog });
    timeline.seek(untilMs);
    return timeline.eventsHandled;
  };
}

/** Millions of events per CPU second of one run. */
function eventsPerCpuSecond(run: () => number): number {
  const before = process.cpuUsage();
  const events = run();
  const { user, system } = process.cpuUsage(before);
  return events / ((user + system) / 1e6) / 1e6;
}

/** In the child: measure one tree and print the median. */
async function measureHere(tree: string, mode: Mode, untilMs: number, scenarioFile: string): Promise<void> {
  const run = await runOf(tree, mode, untilMs, scenarioFile);
  for (let i = 0; i < WARM_UPS; i++) eventsPerCpuSecond(run);
  console.log(median(Array.from({ length: RUNS }, () => eventsPerCpuSecond(run))));
}

function measureInChild(tree: string, mode: Mode, untilMs: number, scenarioFile: string): number {
  const args = ['--import', 'tsx', new URL(import.meta.url).pathname, '--child', tree, '--mode', mode, '--until', String(untilMs), '--scenario', scenarioFile];
  return Number(execFileSync(process.execPath, args, { encoding: 'utf8' }).trim().split('\n').pop());
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    pairs: { type: 'string', default: '6' },
    mode: { type: 'string', default: 'runner' },
    until: { type: 'string', default: '600000' },
    scenario: { type: 'string', default: 'test/bench/reference.json' },
    child: { type: 'string' },
  },
});
const mode = values.mode === 'timeline' ? 'timeline' : 'runner';
const untilMs = Number(values.until);
const scenarioFile = resolve(values.scenario);
if (values.child !== undefined) {
  await measureHere(resolve(values.child), mode, untilMs, scenarioFile);
} else {
  const [oldTree, newTree] = positionals.map((tree) => resolve(tree));
  if (!oldTree || !newTree) throw new Error('usage: tsx test/bench/ab.ts <old tree> <new tree> [--pairs n] [--mode runner|timeline] [--until ms] [--scenario file]');
  const ratios: number[] = [];
  for (let pair = 0; pair < Number(values.pairs); pair++) {
    const order = pair % 2 === 0 ? [oldTree, newTree] : [newTree, oldTree];
    const [first, second] = order.map((tree) => measureInChild(tree, mode, untilMs, scenarioFile));
    const [oldRate, newRate] = pair % 2 === 0 ? [first!, second!] : [second!, first!];
    ratios.push(newRate / oldRate);
    console.log(`pair ${pair + 1}: old ${oldRate.toFixed(3)}  new ${newRate.toFixed(3)} M events/s  new/old ${(newRate / oldRate).toFixed(3)}`);
  }
  console.log(`median new/old ${median(ratios).toFixed(3)} over ${ratios.length} pairs (${mode}, to ${untilMs} ms, a fresh process each)`);
}
