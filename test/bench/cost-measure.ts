/**
 * What a stored message, a queue, a client and a checkpoint cost in memory, measured on this
 * simulator: the coefficients of src/scenario/cost.ts come from here. Run with
 * `node --expose-gc --import tsx test/bench/cost-measure.ts` (a few minutes).
 *
 * Each variant of the reference scenario (test/bench/reference.json, ten virtual minutes) differs
 * from the base in one thing, so the difference of heaps over the difference of that thing is its
 * cost. Two ways of holding a run are measured, each after a full GC, typed arrays' buffers
 * included: the headless runner (src/sim/simulate.ts startRun: the model alone) and the
 * simulation's worker (src/store/worker/run-service.ts: a Timeline with its checkpoints and trace
 * cache, the CommitLog in columns). The worker's trace cache is measured apart, on the base, as
 * the same run with a cache of one segment. A first run warms the compiler, whose code would
 * otherwise count against the first variant.
 */
import { readFileSync } from 'node:fs';
import type { Scenario } from '../../src/model/spec.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { commitLogForTimeline } from '../../src/sim/commit-log-columns.ts';
import { startRun } from '../../src/sim/simulate.ts';
import { Timeline } from '../../src/sim/timeline.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc --import tsx');

const MINUTES = 5;
const DURATION_MS = MINUTES * 60_000;

function heapAfterGc(): number {
  gc!();
  gc!();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

interface Held {
  bytes: number;
  messages: number;
  traceEvents: number;
  checkpoints: number;
}

/** Heap held by a run of the scenario to its end, the way `hold` keeps it. */
function measure(scenario: Scenario, hold: 'runner' | 'worker' | 'worker, no trace cache'): Held {
  const base = heapAfterGc();
  if (hold === 'runner') {
    const { sim } = startRun(scenario, { kind: 'bytes', onBytes: () => {} });
    sim.runUntil(scenario.durationMs);
    const bytes = heapAfterGc() - base;
    return { bytes, messages: sim.state.stats.sent, traceEvents: sim.traceCount, checkpoints: 0 };
  }
  const timeline = new Timeline(scenario, { commitLog: commitLogForTimeline, ...(hold === 'worker' ? {} : { traceBudget: 1 }) });
  timeline.seek(scenario.durationMs);
  const bytes = heapAfterGc() - base;
  return { bytes, messages: timeline.state.stats.sent, traceEvents: timeline.traceLength, checkpoints: Math.ceil(scenario.durationMs / timeline.checkpointEveryMs) + 1 };
}

const reference = (() => {
  const parsed = parseScenarioText(readFileSync(new URL('./reference.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('reference.json does not parse');
  return { ...parsed.scenario, durationMs: DURATION_MS, timeline: [] };
})();

/** The base: 4 masters x 16 queues read by one group of 10, 10 producers at 20 messages/s. */
const variants: Record<string, Scenario> = {
  base: reference,
  'twice the messages': { ...reference, producers: reference.producers.map((p) => ({ ...p, ratePerSec: p.ratePerSec * 2 })) },
  '64 more queues per broker, read': { ...reference, topics: reference.topics.map((t) => ({ ...t, writeQueueNums: t.writeQueueNums + 64, readQueueNums: t.readQueueNums + 64 })) },
  '64 more queues per broker, unread': { ...reference, topics: [...reference.topics, { ...reference.topics[0]!, name: 'TopicIdle', writeQueueNums: 64, readQueueNums: 64 }] },
  '20 more producers, same messages': {
    ...reference,
    producers: [...reference.producers, ...reference.producers, ...reference.producers].map((p, i) => ({ ...p, id: `p-x${i}`, ratePerSec: p.ratePerSec / 3 })),
  },
};

const MB = 1e6;
measure(reference, 'runner');
measure(reference, 'worker, no trace cache');
const withTraceCache = measure(reference, 'worker');
const results = new Map<string, Record<'runner' | 'worker, no trace cache', Held>>();
for (const [name, scenario] of Object.entries(variants)) {
  const held = { runner: measure(scenario, 'runner'), 'worker, no trace cache': measure(scenario, 'worker, no trace cache') };
  results.set(name, held);
  console.log(`${name.padEnd(36)} runner ${(held.runner.bytes / MB).toFixed(1)} MB, worker without its trace cache ${(held['worker, no trace cache'].bytes / MB).toFixed(1)} MB, ${held.runner.messages} messages, ${held.runner.traceEvents} trace events`);
}

const base = results.get('base')!;
const of = (name: string) => results.get(name)!;
const brokers = reference.brokers.length;
const checkpoints = base['worker, no trace cache'].checkpoints;
/** Bytes per unit of what a variant adds, in the runner and per checkpoint in the worker (without the trace cache). */
function per(name: string, units: number): { run: number; snapshot: number } {
  const variant = of(name);
  const run = (variant.runner.bytes - base.runner.bytes) / units;
  const worker = (variant['worker, no trace cache'].bytes - base['worker, no trace cache'].bytes) / units;
  return { run, snapshot: (worker - run) / checkpoints };
}

const messages = per('twice the messages', of('twice the messages').runner.messages - base.runner.messages);
/** A checkpoint holds what the rate keeps in flight: its bytes per message a second more. */
const perRate = messages.snapshot * (of('twice the messages').runner.messages - base.runner.messages) / (reference.durationMs / 1_000);
const readQueues = per('64 more queues per broker, read', 64 * brokers);
const idleQueues = per('64 more queues per broker, unread', 64 * brokers);
const clientBrokers = per('20 more producers, same messages', 20 * brokers);
const traceCacheBytes = (withTraceCache.bytes - base['worker, no trace cache'].bytes) / withTraceCache.traceEvents;
const baseSnapshot = (base['worker, no trace cache'].bytes - base.runner.bytes) / checkpoints;

console.log(`\nper stored message:            run ${messages.run.toFixed(0)} B; per checkpoint ${perRate.toFixed(0)} B per message a second (the logs are shared between checkpoints)`);
console.log(`per queue (unread):            run ${idleQueues.run.toFixed(0)} B, per checkpoint ${idleQueues.snapshot.toFixed(0)} B`);
console.log(`per queue read by one group:   run ${readQueues.run.toFixed(0)} B, per checkpoint ${readQueues.snapshot.toFixed(0)} B`);
console.log(`per client and broker:         run ${clientBrokers.run.toFixed(0)} B, per checkpoint ${clientBrokers.snapshot.toFixed(0)} B`);
console.log(`per cached trace event:        ${traceCacheBytes.toFixed(0)} B`);
console.log(`per checkpoint of the base:    ${baseSnapshot.toFixed(0)} B (${checkpoints} checkpoints)`);
