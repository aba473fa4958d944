/**
 * npm run bench: speed as ratios to a bare typed-array heap loop measured in the same run, so the
 * figures compare across machines. Each figure is the median of several timed runs after a warm-up.
 */
import { readFileSync } from 'node:fs';
import { createSimulation } from '../../src/model/index.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { bareLoop } from './bare-loop.ts';
import { engineCore } from './engine-core.ts';

const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Events per second of a workload: median over RUNS after one warm-up run. */
function rate(run: () => number): number {
  run();
  const rates: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const events = run();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    rates.push(events / seconds);
  }
  return median(rates);
}

function fmt(eventsPerSecond: number): string {
  return `${(eventsPerSecond / 1e6).toFixed(2)} M events/s`;
}

function line(label: string, value: number, baseline: number, aim: number): string {
  const ratio = value / baseline;
  return `${label.padEnd(44)} ${fmt(value).padStart(16)}   ratio ${ratio.toFixed(2)}   aim >= ${aim.toFixed(2)}  ${ratio >= aim ? 'ok' : 'BELOW AIM'}`;
}

function loadScenario(file: string) {
  const parsed = parseScenarioText(readFileSync(new URL(file, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return parsed.scenario;
}

function modelRun(file: string, untilMs: number): () => number {
  const scenario = loadScenario(file);
  return () => {
    const sim = createSimulation(scenario, { keepTrace: false, onTrace: (event) => JSON.stringify(event) });
    sim.runUntil(untilMs);
    return sim.eventsHandled;
  };
}

const EVENTS = 2_000_000;
console.log(`RocketScope benchmarks (node ${process.version}); medians of ${RUNS} runs after a warm-up\n`);
for (const pending of [1_000, 100_000]) {
  const bare = rate(() => (bareLoop(pending, EVENTS, 7), EVENTS));
  const core = rate(() => (engineCore(pending, EVENTS, 7), EVENTS));
  console.log(`${`bare typed-array heap loop, ${pending} pending`.padEnd(44)} ${fmt(bare).padStart(16)}   (baseline)`);
  console.log(line(`engine core, ${pending} pending`, core, bare, pending === 1_000 ? 0.6 : 0.4));
}
const bare = rate(() => (bareLoop(1_000, EVENTS, 7), EVENTS));
const reference = rate(modelRun('./reference.json', 600_000));
console.log(line('full model, reference scenario (10 min, traced)', reference, bare, 0.25));
