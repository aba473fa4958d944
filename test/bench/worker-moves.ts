/**
 * The simulation worker's CPU time per move, in Node: src/store/worker/run-service.ts driven as
 * the page drives it (the bench's sequences of seeks and steps back, test/bench/browser.ts and
 * browser-large.ts), every message it posts structured-cloned as postMessage does. Prints the
 * median and p90 of process.cpuUsage per move, so that two versions compared back to back under
 * the same load tell what changed. `--profile <file>` writes a CPU profile of the moves alone
 * (not the first run ahead); `--only reference|large` runs one of the two; `--phases` prints
 * the CPU time of each part of a move, median, p90 and mean over the sequence (restore and replay, the trace tail, the patches, the
 * summary, serializing the message). Each sequence also prints the mean CPU time of the main thread
 * alone (Linux), without the garbage collector's helper threads that process.cpuUsage counts.
 *
 *   node --import tsx test/bench/worker-moves.ts [--only reference|large] [--phases] [--profile out.cpuprofile]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { serialize } from 'node:v8';
import type { Scenario } from '../../src/model/spec.ts';
import { FrameSource } from '../../src/sim/frame/frame.ts';
import { TailPacker } from '../../src/sim/frame/packed-tail.ts';
import { StateDiffer } from '../../src/sim/frame/state-diff.ts';
import { Timeline } from '../../src/sim/timeline.ts';
import { Simulation } from '../../src/engine/simulation.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import type { FromWorker, ToWorker } from '../../src/store/worker/protocol.ts';
import { RunService } from '../../src/store/worker/run-service.ts';
import { largeScenarioForThePage } from './browser-large.ts';
import { median, percentile } from './browser-play.ts';

function scenarioOf(file: unknown): Scenario {
  const parsed = parseScenarioText(JSON.stringify(file));
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return parsed.scenario;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1_000;
}

/**
 * CPU milliseconds of this thread alone (Linux: /proc, in ticks of 10 ms, so read over a whole
 * sequence), or undefined elsewhere. process.cpuUsage also counts V8's garbage collection
 * threads, which in a browser work beside the worker's thread rather than delay its frame.
 */
function threadCpuMs(): number | undefined {
  try {
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    // utime and stime, fields 14 and 15 of stat(5), here 12 and 13 after the name.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** RunService with its chunks run at once, in order, after each command. */
class Driver {
  private readonly queue: (() => void)[] = [];
  private readonly service = new RunService({
    // The worker's share of postMessage: serializing (the page deserializes).
    post: (message: FromWorker) => {
      this.last = message;
      timed('postMessage (serialize)', () => serialize(message));
    },
    later: (work) => this.queue.push(work),
    clock: () => performance.now(),
  });
  private version = 0;
  last: FromWorker | null = null;

  /** CPU milliseconds until the command is answered and the worker rests. */
  send(message: ToWorker): number {
    const started = cpuMs();
    this.service.handle(message);
    for (let work = this.queue.shift(); work; work = this.queue.shift()) work();
    const cost = cpuMs() - started;
    move++;
    return cost;
  }

  load(scenario: Scenario): number {
    return this.send({ type: 'load', version: ++this.version, scenario, atMs: 0 });
  }

  seek(target: number): number {
    return this.send({ type: 'move', version: this.version, target, kind: 'seek' });
  }

  stepBack(): number {
    return this.send({ type: 'step', version: this.version, direction: 'back' });
  }
}

function seeded(seed: number, count: number, durationMs: number): number[] {
  const targets: number[] = [];
  let x = seed;
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    targets.push(x % durationMs);
  }
  return targets;
}

function report(label: string, values: number[]): void {
  console.log(`${label.padEnd(58)} median ${median(values).toFixed(1).padStart(6)} ms   p90 ${percentile(values, 0.9).toFixed(1).padStart(6)} ms   (${values.length})`);
}

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const profileFile = args.includes('--profile') ? args[args.indexOf('--profile') + 1] : undefined;
const session = new Session();
session.connect();
await session.post('Profiler.enable');

let profiled = 0;

/** With --phases: CPU ms per part of each move of a sequence (a part inside another counts in both). */
const phases = new Map<string, number[]>();
/** The index of the move under way in its sequence. */
let move = 0;
const withPhases = args.includes('--phases');

function timed<T>(label: string, work: () => T): T {
  if (!withPhases) return work();
  const started = cpuMs();
  try {
    return work();
  } finally {
    const perMove = phases.get(label) ?? [];
    perMove[move] = (perMove[move] ?? 0) + cpuMs() - started;
    phases.set(label, perMove);
  }
}

function timeMethod(owner: object, name: string, label: string): void {
  const method = Reflect.get(owner, name) as (...args: unknown[]) => unknown;
  Reflect.set(owner, name, function (this: unknown, ...args: unknown[]) {
    return timed(label, () => method.apply(this, args));
  });
}

if (withPhases) {
  timeMethod(Timeline.prototype, 'seek', 'Timeline.seek (restore, replay)');
  timeMethod(Simulation.prototype, 'restore', '  restore (a copy of a snapshot)');
  timeMethod(Simulation.prototype, 'snapshot', '  snapshot (fine snapshots, checkpoints)');
  timeMethod(FrameSource.prototype, 'frameOf', 'frameOf (all of the frame)');
  timeMethod(Timeline.prototype, 'traceInto', '  traceInto (the tail, packed as read)');
  timeMethod(TailPacker.prototype, 'packed', '  TailPacker.packed (the tail\'s arrays)');
  timeMethod(StateDiffer.prototype, 'diff', '  StateDiffer.diff (patches)');
  timeMethod(Timeline.prototype, 'summary', '  summary');
  timeMethod(Timeline.prototype, 'previousTraceTime', '  previousTraceTime');
  timeMethod(JSON, 'stringify', '  JSON.stringify (the packed tail\'s text)');
}

/** Runs the moves (with a CPU profile of them alone when asked) and prints their figures. */
async function sequence(label: string, moves: () => number[]): Promise<void> {
  if (profileFile) await session.post('Profiler.start');
  move = 0;
  const threadBefore = threadCpuMs();
  const costs = moves();
  const threadAfter = threadCpuMs();
  if (profileFile) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(`${profileFile.replace(/\.cpuprofile$/, '')}-${profiled++}.cpuprofile`, JSON.stringify(profile));
  }
  report(label, costs);
  if (threadBefore !== undefined && threadAfter !== undefined) {
    console.log(`    the main thread alone (no GC helper threads), mean ${((threadAfter - threadBefore) / costs.length).toFixed(1)} ms per move`);
  }
  for (const [part, perMove] of phases) {
    const all = Array.from({ length: costs.length }, (_, i) => perMove[i] ?? 0);
    const mean = all.reduce((sum, ms) => sum + ms, 0) / all.length;
    console.log(`    ${part.padEnd(40)} median ${median(all).toFixed(1).padStart(5)}   p90 ${percentile(all, 0.9).toFixed(1).padStart(5)}   mean ${mean.toFixed(1).padStart(5)} ms per move`);
  }
  phases.clear();
}

if (only === undefined || only === 'reference') {
  const scenario = scenarioOf(JSON.parse(readFileSync(new URL('./reference.json', import.meta.url), 'utf8')));
  const driver = new Driver();
  driver.load(scenario);
  const ahead = driver.seek(scenario.durationMs);
  phases.clear();
  console.log(`reference hour simulated once: ${(ahead / 1000).toFixed(1)} s of CPU`);
  const targets = seeded(12345, 41, scenario.durationMs);
  await sequence('reference hour, 41 seeks to new moments', () => targets.map((t) => driver.seek(t)));
  await sequence('reference hour, the same 41 seeks again', () => targets.map((t) => driver.seek(t)));
  driver.seek(1_800_000);
  phases.clear();
  await sequence('reference hour, 41 steps back from 30:00', () => Array.from({ length: 41 }, () => driver.stepBack()));
}

if (only === undefined || only === 'large') {
  const { file, minutes } = largeScenarioForThePage();
  const scenario = scenarioOf(file);
  const driver = new Driver();
  driver.load(scenario);
  const ahead = driver.seek(scenario.durationMs);
  phases.clear();
  console.log(`large scale test's ${minutes} min simulated once: ${(ahead / 1000).toFixed(1)} s of CPU`);
  const targets = seeded(54321, 21, scenario.durationMs);
  await sequence(`large scale test's ${minutes} min, 21 seeks`, () => targets.map((t) => driver.seek(t)));
  driver.seek(scenario.durationMs / 2);
  phases.clear();
  await sequence(`large scale test's ${minutes} min, 41 steps back from ${minutes / 2} min`, () => Array.from({ length: 41 }, () => driver.stepBack()));
}
session.disconnect();
