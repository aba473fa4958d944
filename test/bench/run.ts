/**
 * npm run bench [-- --hours <n>]: speed as ratios to a bare typed-array heap loop measured in the
 * same run, so the figures compare across machines. Each figure is the median of several timed
 * runs after a warm-up. The full model runs as the page runs it (a Timeline: the trace kept per
 * segment, checkpoints taken) and as the headless runner runs it (each trace line encoded and
 * hashed), and for comparison the runner with its trace dropped. Then memory: the reference
 * scenario in the runner, in a child process with --expose-gc, for `--hours` virtual hours (24
 * unless told): the heap per virtual hour and its peak.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { commitLogInColumns } from '../../src/sim/commit-log-columns.ts';
import { createSimulation } from '../../src/model/index.ts';
import { reclaim } from '../../src/model/reclaim.ts';
import type { TraceWriter } from '../../src/model/trace-writer.ts';
import { RECLAIM_EVERY_MS, startRun } from '../../src/sim/simulate.ts';
import { Timeline } from '../../src/sim/timeline.ts';
import { bareLoop } from './bare-loop.ts';
import { engineCore } from './engine-core.ts';

const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** CPU seconds this process has used (every thread: the GC's helpers count too). */
function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/**
 * Events per CPU second of a workload: median over RUNS after one warm-up run. CPU time rather
 * than wall time, so that other processes on a busy machine do not count against a figure.
 */
function rate(run: () => number): number {
  run();
  const rates: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = cpuSeconds();
    const events = run();
    rates.push(events / (cpuSeconds() - start));
  }
  return median(rates);
}

function fmt(eventsPerSecond: number): string {
  return `${(eventsPerSecond / 1e6).toFixed(2)} M events/s`;
}

function line(label: string, value: number, baseline: number, aim: number): string {
  const ratio = value / baseline;
  return `${label.padEnd(52)} ${fmt(value).padStart(16)}   ratio ${ratio.toFixed(2)}   aim >= ${aim.toFixed(2)}  ${ratio >= aim ? 'ok' : 'BELOW AIM'}`;
}

function loadScenario(file: string) {
  const parsed = parseScenarioText(readFileSync(new URL(file, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return parsed.scenario;
}

/**
 * The page's run as its worker runs it (src/store/worker/run-service.ts): a Timeline keeps the
 * trace per checkpoint segment, takes the checkpoints, and the brokers keep their CommitLog in columns.
 */
function timelineRun(file: string, untilMs: number): () => number {
  const scenario = loadScenario(file);
  return () => {
    const timeline = new Timeline(scenario, { commitLog: commitLogInColumns });
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

/** A TraceWriter that drops the five busy events' values, as a run that keeps no trace at all would. */
const NO_TRACE: TraceWriter = { messageSent() {}, messageStored() {}, sendResult() {}, messageConsumed() {}, offsetCommitted() {} };

/**
 * The runner's run with its trace dropped instead of written and hashed: the same model, CommitLog
 * in columns and reclaim (src/sim/simulate.ts). Not a product path (every run hashes its trace
 * for the summary's traceHash): it shows how much of the runner's time is the model and how much
 * its trace, written byte for byte as docs/trace.md defines it.
 */
function untracedRun(file: string, untilMs: number): () => number {
  const scenario = loadScenario(file);
  return () => {
    const sim = createSimulation(scenario, { commitLog: commitLogInColumns, keepTrace: false, onTrace: () => {}, writer: NO_TRACE });
    for (let t = RECLAIM_EVERY_MS; t <= untilMs; t += RECLAIM_EVERY_MS) {
      sim.runUntil(t);
      reclaim(sim);
    }
    sim.runUntil(untilMs);
    return sim.eventsHandled;
  };
}

interface HourReport {
  hour: number;
  heapMB: number;
  growthMB: number;
  /** Growth in that virtual hour alone. */
  hourGrowthMB: number;
  peakMB: number;
  seconds: number;
}

/** Runs runner-memory.ts for `hours` virtual hours, handing on each hour's report as it comes. */
function runnerMemory(hours: number, onHour: (report: HourReport) => void): Promise<void> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', new URL('./runner-memory.ts', import.meta.url).pathname, String(hours)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  createInterface({ input: child.stdout }).on('line', (line) => onHour(JSON.parse(line) as HourReport));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`runner-memory.ts exited with ${code}`))));
  });
}

const MEMORY_BUDGET_MB = 256;
/**
 * Bounded: the last virtual hour grows the heap by less than this share of what the first added
 * (the first hour fills the working set: queues, clients, the messages in flight). A heap that
 * grows with every message adds as much in its last hour as in its first.
 */
const BOUNDED_SHARE = 0.1;

function boundedVerdict(first: HourReport, last: HourReport): string {
  const bounded = last.hourGrowthMB <= BOUNDED_SHARE * first.hourGrowthMB;
  return `${`runner memory, growth in virtual hour ${last.hour} vs hour 1`.padEnd(52)} ${last.hourGrowthMB.toFixed(1).padStart(5)} MB vs ${first.hourGrowthMB.toFixed(1)} MB   `
    + `aim <= ${(BOUNDED_SHARE * 100).toFixed(0)} % of the first  ${bounded ? 'bounded' : 'NOT BOUNDED'}`;
}

function memoryLines(hours: number): Promise<void> {
  let first: HourReport | undefined;
  return runnerMemory(hours, (report) => {
    if (report.hour === 1) {
      first = report;
      const verdict = report.growthMB <= MEMORY_BUDGET_MB ? 'ok' : 'OVER BUDGET';
      console.log(`${'runner memory, reference scenario, 1st virtual hour'.padEnd(52)} ${report.growthMB.toFixed(0).padStart(5)} MB of heap   budget <= ${MEMORY_BUDGET_MB} MB  ${verdict}`);
    }
    if (report.hour === hours) {
      console.log(`${`runner, reference scenario, ${hours} virtual hour${hours === 1 ? '' : 's'}`.padEnd(52)} completed in ${(report.seconds / 60).toFixed(1)} min; heap after GC ${report.heapMB.toFixed(0)} MB `
        + `(+${(report.growthMB / hours).toFixed(0)} MB per virtual hour), peak heap ${report.peakMB.toFixed(0)} MB`);
      if (first && hours > 1) console.log(boundedVerdict(first, report));
    }
  });
}

function hoursArgument(): number {
  const at = process.argv.indexOf('--hours');
  const hours = at < 0 ? 24 : Number(process.argv[at + 1]);
  if (!Number.isInteger(hours) || hours < 1 || hours > 24) throw new Error('--hours takes a whole number from 1 to 24');
  return hours;
}

const hours = hoursArgument();
const EVENTS = 2_000_000;
console.log(`RocketScope benchmarks (node ${process.version}); events per CPU second, medians of ${RUNS} runs after a warm-up\n`);
for (const pending of [1_000, 100_000]) {
  const bare = rate(() => (bareLoop(pending, EVENTS, 7), EVENTS));
  const core = rate(() => (engineCore(pending, EVENTS, 7), EVENTS));
  console.log(`${`bare typed-array heap loop, ${pending} pending`.padEnd(52)} ${fmt(bare).padStart(16)}   (baseline)`);
  console.log(line(`engine core, ${pending} pending`, core, bare, pending === 1_000 ? 0.6 : 0.4));
}
const bare = rate(() => (bareLoop(1_000, EVENTS, 7), EVENTS));
const page = rate(timelineRun('./reference.json', 600_000));
console.log(line('full model, reference 10 min, in a Timeline (worker)', page, bare, 0.25));
const runner = rate(runnerRun('./reference.json', 600_000));
console.log(line('full model, reference 10 min, in the runner (hashed)', runner, bare, 0.25));
const untraced = rate(untracedRun('./reference.json', 600_000));
console.log(`${'  for comparison: the same without its trace'.padEnd(52)} ${fmt(untraced).padStart(16)}   ratio ${(untraced / bare).toFixed(2)}   (not a product path: the trace's share of the runner)`);
await memoryLines(hours);
