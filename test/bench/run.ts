/**
 * npm run bench [-- --hours <n>]: speed as ratios to a bare typed-array heap loop measured in the
 * same run, so the figures compare across machines. Each figure is the median of several timed
 * runs after a warm-up. The full model runs as the page runs it (a Timeline: the trace kept per
 * segment, checkpoints taken) and as the headless runner runs it (each trace line encoded and
 * hashed), and for comparison the runner with its trace dropped, each in a process of its own
 * (model-rate.ts) as the product runs each. Then memory: the reference
 * scenario in the runner, in a child process with --expose-gc, for `--hours` virtual hours (24
 * unless told): the heap per virtual hour and its peak.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { bareLoop } from './bare-loop.ts';
import { engineCore } from './engine-core.ts';
import { median } from './browser-play.ts';
import { rate } from './rate.ts';

const RUNS = 5;

/** Events per CPU second of the model on one path (model-rate.ts), in a fresh process of its own as the product runs it. */
function modelRate(path: 'timeline' | 'runner' | 'untraced'): number {
  const out = execFileSync(process.execPath, ['--import', 'tsx', new URL('./model-rate.ts', import.meta.url).pathname, path, './reference.json', '600000', String(RUNS)], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out) as number;
}

function fmt(eventsPerSecond: number): string {
  return `${(eventsPerSecond / 1e6).toFixed(2)} M events/s`;
}

function line(label: string, value: number, baseline: number, aim: number): string {
  const ratio = value / baseline;
  return `${label.padEnd(52)} ${fmt(value).padStart(16)}   ratio ${ratio.toFixed(2)}   aim >= ${aim.toFixed(2)}  ${ratio >= aim ? 'ok' : 'BELOW AIM'}`;
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
 * Bounded: after the first virtual hour the heap grows by less than this share of what the first
 * added (the first hour fills the working set: queues, clients, the messages in flight). A heap
 * that grows with every message keeps adding about as much each hour as the first did.
 */
const BOUNDED_SHARE = 0.1;

/**
 * The heap's growth per virtual hour: the least-squares slope of the heap after each hour's GC.
 * Not the last hour's growth alone: what is live at an hour's end moves the heap by a megabyte or
 * two either way (a CommitLog's chunk of columns is half a megabyte), more than a tenth of the
 * first hour's 7.6 MB, and one run of a flat heap read "NOT BOUNDED" by it (+1.0 MB in its 24th
 * hour; 18.8-21.0 MB from hour 2 to 24 in the next run).
 */
function growthPerHour(reports: readonly HourReport[]): number {
  const n = reports.length;
  const meanHour = reports.reduce((sum, r) => sum + r.hour, 0) / n;
  const meanHeap = reports.reduce((sum, r) => sum + r.heapMB, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const r of reports) {
    covariance += (r.hour - meanHour) * (r.heapMB - meanHeap);
    variance += (r.hour - meanHour) ** 2;
  }
  return covariance / variance;
}

function boundedVerdict(reports: readonly HourReport[]): string {
  const first = reports[0]!;
  const slope = growthPerHour(reports);
  const bounded = slope <= BOUNDED_SHARE * first.hourGrowthMB;
  return `${`runner memory, growth per virtual hour, hours 1-${reports.length}`.padEnd(52)} ${slope.toFixed(2).padStart(5)} MB vs ${first.hourGrowthMB.toFixed(1)} MB   `
    + `aim <= ${(BOUNDED_SHARE * 100).toFixed(0)} % of the first  ${bounded ? 'bounded' : 'NOT BOUNDED'}`;
}

function memoryLines(hours: number): Promise<void> {
  const reports: HourReport[] = [];
  return runnerMemory(hours, (report) => {
    reports.push(report);
    if (report.hour === 1) {
      const verdict = report.growthMB <= MEMORY_BUDGET_MB ? 'ok' : 'OVER BUDGET';
      console.log(`${'runner memory, reference scenario, 1st virtual hour'.padEnd(52)} ${report.growthMB.toFixed(0).padStart(5)} MB of heap   budget <= ${MEMORY_BUDGET_MB} MB  ${verdict}`);
    }
    if (report.hour === hours) {
      console.log(`${`runner, reference scenario, ${hours} virtual hour${hours === 1 ? '' : 's'}`.padEnd(52)} completed in ${(report.seconds / 60).toFixed(1)} min; heap after GC ${report.heapMB.toFixed(0)} MB `
        + `(+${(report.growthMB / hours).toFixed(0)} MB per virtual hour), peak heap ${report.peakMB.toFixed(0)} MB`);
      if (hours > 1) console.log(boundedVerdict(reports));
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
  const bare = median(rate(() => (bareLoop(pending, EVENTS, 7), EVENTS), RUNS));
  const core = median(rate(() => (engineCore(pending, EVENTS, 7), EVENTS), RUNS));
  console.log(`${`bare typed-array heap loop, ${pending} pending`.padEnd(52)} ${fmt(bare).padStart(16)}   (baseline)`);
  console.log(line(`engine core, ${pending} pending`, core, bare, pending === 1_000 ? 0.6 : 0.4));
}
const bare = median(rate(() => (bareLoop(1_000, EVENTS, 7), EVENTS), RUNS));
const page = modelRate('timeline');
console.log(line('full model, reference 10 min, in a Timeline (worker)', page, bare, 0.25));
const runner = modelRate('runner');
console.log(line('full model, reference 10 min, in the runner (hashed)', runner, bare, 0.25));
const untraced = modelRate('untraced');
console.log(`${'  for comparison: the same without its trace'.padEnd(52)} ${fmt(untraced).padStart(16)}   ratio ${(untraced / bare).toFixed(2)}   (not a product path: the trace's share of the runner)`);
await memoryLines(hours);
