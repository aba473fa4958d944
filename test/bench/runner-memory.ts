/**
 * Child process of npm run bench (run with node --expose-gc): the reference scenario run the way
 * the headless runner keeps it (src/sim/simulate.ts startRun: the model, each trace line encoded
 * as bytes and hashed, the bytes handed to a writer that keeps nothing), stretched to `hours` virtual hours.
 * Prints one JSON line per virtual hour: the heap after a full GC, its growth since 0:00 and in that
 * hour alone (a bounded run stops growing: its last hour adds about nothing, where its first added
 * the working set), the highest heap seen (sampled every virtual minute, without forcing a GC) and
 * the seconds so far.
 * "Heap" counts the JavaScript heap and the typed arrays' buffers, which live outside it (the
 * commit log's columns, src/model/broker/commit-log.ts).
 */
import { readFileSync } from 'node:fs';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { startRun } from '../../src/sim/simulate.ts';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const MB = 1024 * 1024;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

function heapUsed(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

function heapAfterGc(): number {
  gc!();
  return heapUsed();
}

const hours = Number(process.argv[2] ?? 1);
const parsed = parseScenarioText(readFileSync(new URL('./reference.json', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error('reference.json does not parse');
const run = startRun({ ...parsed.scenario, durationMs: hours * HOUR_MS }, { kind: 'bytes', onBytes: () => {} });
const { sim } = run;
const start = process.hrtime.bigint();
const base = heapAfterGc();
let peak = base;
let previous = base;
for (let minute = 1; minute <= hours * 60; minute++) {
  run.runUntil(minute * MINUTE_MS);
  peak = Math.max(peak, heapUsed());
  if (minute % 60 !== 0) continue;
  const heap = heapAfterGc();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({
    hour: minute / 60, heapMB: heap / MB, growthMB: (heap - base) / MB, hourGrowthMB: (heap - previous) / MB, peakMB: peak / MB, seconds, events: sim.eventsHandled,
  }));
  previous = heap;
}
