/**
 * Child process of npm run bench: the full model's events per CPU second on one of its paths, in
 * a process of its own as the product runs each (the page's worker is an isolate of its own, the
 * headless runner a process of its own). Measured one after another in one process, the second
 * path ran about a fifth slower: V8's feedback from the first made the model's code polymorphic.
 * Prints the rate as one JSON line. Usage: model-rate.ts <timeline|runner|untraced> <file> <untilMs> <runs>
 */
import { readFileSync } from 'node:fs';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { commitLogForTimeline } from '../../src/sim/commit-log-columns.ts';
import { startUntracedRun } from '../../src/sim/reclaiming-run.ts';
import { startRun } from '../../src/sim/simulate.ts';
import { Timeline } from '../../src/sim/timeline.ts';
import { median } from './browser-play.ts';
import { rate } from './rate.ts';

function loadScenario(file: string) {
  const parsed = parseScenarioText(readFileSync(new URL(file, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return parsed.scenario;
}

/**
 * The page's run as its worker runs it (src/store/worker/run-service.ts): a Timeline keeps the
 * trace per checkpoint segment, takes the checkpoints, and the brokers keep their CommitLog in
 * columns, the latest entries fewer as objects than the runner's (commitLogForTimeline).
 */
function timelineRun(file: string, untilMs: number): () => number {
  const scenario = loadScenario(file);
  return () => {
    const timeline = new Timeline(scenario, { commitLog: commitLogForTimeline });
    timeline.seek(untilMs);
    return timeline.eventsHandled;
  };
}

/** The headless runner's run (src/cli/sim.ts): every trace line encoded as bytes and hashed, then handed to a writer (here one that keeps nothing). */
function runnerRun(file: string, untilMs: number): () => number {
  const scenario = loadScenario(file);
  return () => {
    const run = startRun(scenario, { kind: 'bytes', onBytes: () => {} });
    run.runUntil(untilMs);
    return run.sim.eventsHandled;
  };
}

/**
 * The runner's run with its trace dropped instead of written and hashed: the same model, CommitLog
 * in columns and reclaim (src/sim/reclaiming-run.ts). Not a product path (every run hashes its trace
 * for the summary's traceHash): it shows how much of the runner's time is the model and how much
 * its trace, written byte for byte as docs/trace.md defines it.
 */
function untracedRun(file: string, untilMs: number): () => number {
  const scenario = loadScenario(file);
  return () => {
    const run = startUntracedRun(scenario);
    run.runUntil(untilMs);
    return run.sim.eventsHandled;
  };
}

const PATHS = { timeline: timelineRun, runner: runnerRun, untraced: untracedRun };

const [path, file, untilMs, runs] = process.argv.slice(2);
const make = PATHS[path as keyof typeof PATHS];
if (!make || !file || !untilMs || !runs) throw new Error('usage: model-rate.ts <timeline|runner|untraced> <file> <untilMs> <runs>');
console.log(JSON.stringify(median(rate(make(file, Number(untilMs)), Number(runs)))));
