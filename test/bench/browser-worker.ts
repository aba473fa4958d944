/**
 * The simulation worker's share of the reference hour's moves, measured in headless Chromium on a
 * production build: the moves of test/bench/browser.ts (41 seeded seeks drawn, the same 41 as
 * `engineSeek`, 41 steps back from 30:00), with a CPU profile of the worker's thread (and of the
 * page's) through Chromium's DevTools protocol, and a trace of its garbage collection. Prints, per
 * move, where the worker's thread spent its time: restore and replay, the trace tail, the patches,
 * the summary, serializing the message, garbage collection; and the wall time of each group.
 *
 *   node --import tsx test/bench/browser-worker.ts [--dist dist] [--port 4291] [--json out.json]
 *
 * Several `--dist` directories (builds of two versions) are measured in turn, `--rounds` times,
 * alternated, so that both see the same load.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { BenchHook } from '../../src/ui/bench-hook.ts';
import { largeScenarioForThePage } from './browser-large.ts';
import { median, percentile } from './browser-play.ts';

interface Socket {
  on(event: string, listener: (data: Buffer) => void): void;
  send(data: string): void;
  close(): void;
}
/** The WebSocket client Playwright bundles (Node 20 has none built in). */
const { ws: WebSocketClass } = createRequire(import.meta.url)('playwright-core/lib/utilsBundle') as { ws: new (url: string, options: object) => Socket };

interface ProfileNode { id: number; callFrame: { functionName: string; url: string }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }
interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: { name?: string } }

function option(name: string, fallback: string): string[] {
  const values: string[] = [];
  process.argv.forEach((arg, i) => {
    if (arg === name && process.argv[i + 1]) values.push(process.argv[i + 1]!);
  });
  return values.length > 0 ? values : [fallback];
}

/** A CDP connection of our own (flat sessions), beside Playwright's. */
class Cdp {
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();
  readonly listeners: ((method: string, params: Record<string, unknown>, sessionId?: string) => void)[] = [];
  private constructor(private readonly socket: Socket) {}

  static async open(url: string): Promise<Cdp> {
    const socket = new WebSocketClass(url, { perMessageDeflate: false, maxPayload: 1 << 30 });
    await new Promise((resolve, reject) => {
      socket.on('open', resolve);
      socket.on('error', reject);
    });
    const cdp = new Cdp(socket);
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { id?: number; result?: unknown; error?: unknown; method?: string; params?: Record<string, unknown>; sessionId?: string };
      if (message.id !== undefined) {
        if (message.error) console.error('CDP error', message.error);
        cdp.pending.get(message.id)?.(message.result);
        cdp.pending.delete(message.id);
      } else if (message.method) for (const listener of cdp.listeners) listener(message.method, message.params ?? {}, message.sessionId);
    });
    return cdp;
  }

  send<T>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    return new Promise((resolve) => this.pending.set(id, resolve as (result: unknown) => void));
  }

  close(): void {
    this.socket.close();
  }
}

function httpJson(url: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve(JSON.parse(body)));
    }).on('error', reject);
  });
}

async function serve(dist: string, port: number): Promise<() => void> {
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--outDir', dist, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
  for (let i = 0; i < 300; i++) {
    const up = await new Promise((resolve) => get(`http://127.0.0.1:${port}/`, (r) => { r.resume(); resolve(r.statusCode === 200); }).on('error', () => resolve(false)));
    if (up) return () => process.kill(-server.pid!, 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('vite preview did not start');
}

/** The part of a move a sample belongs to: the innermost marked frame on its stack. */
const PARTS: [string, (name: string, parent: string) => boolean][] = [
  ['gc', (name) => name === '(garbage collector)'],
  ['idle', (name) => name === '(idle)'],
  ['program', (name) => name === '(program)'],
  ['restore', (name) => name === 'restore'],
  ['fine snapshot', (name) => name === 'snapshot'],
  ['tail', (name) => name === 'traceInto' || name === 'packed'],
  ['patches', (name) => name === 'diff'],
  ['summary', (name) => name === 'summary' || name === 'encode'],
  ['previousTraceTime', (name) => name === 'previousTraceTime'],
  ['postMessage', (name) => name === 'postMessage'],
  ['replay', (name) => name === 'seek' || name === 'seekNextTraceEvent'],
  ['frame, rest', (name) => name === 'frameOf' || name === 'sendFrame'],
  ['query', (name) => name === 'answer'],
  ['receive frame', (name) => name === 'onmessage' || name === 'apply'],
  ['tail unpacked', (name) => name === 'unpackTail'],
  ['JSON.parse', (name) => name === 'parse'],
];

function partsOf(profile: Profile): { part: string; ts: number; ms: number }[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const partOfNode = new Map<number, string>();
  const partOf = (id: number): string => {
    const known = partOfNode.get(id);
    if (known) return known;
    let part = 'other';
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)!.callFrame.functionName;
      const parentName = parent.has(at) ? byId.get(parent.get(at)!)!.callFrame.functionName : '';
      const found = PARTS.find(([, test]) => test(name, parentName));
      if (found) { part = found[0]; break; }
    }
    partOfNode.set(id, part);
    return part;
  };
  const samples: { part: string; ts: number; ms: number }[] = [];
  let ts = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    ts += profile.timeDeltas[i]!;
    const next = profile.timeDeltas[i + 1] ?? 0;
    samples.push({ part: partOf(profile.samples[i]!), ts, ms: next / 1000 });
  }
  return samples;
}

/** The worker's busy bursts (one per move, separated by idle), each as ms per part. */
function bursts(samples: { part: string; ts: number; ms: number }[], gapMs: number): { startTs: number; endTs: number; parts: Record<string, number> }[] {
  const out: { startTs: number; endTs: number; parts: Record<string, number> }[] = [];
  let current: { startTs: number; endTs: number; parts: Record<string, number> } | null = null;
  let idleMs = 0;
  for (const sample of samples) {
    if (sample.part === 'idle') {
      idleMs += sample.ms;
      if (current && idleMs >= gapMs) { out.push(current); current = null; }
      continue;
    }
    if (!current) {
      current = { startTs: sample.ts, endTs: sample.ts, parts: {} };
      idleMs = 0;
    }
    if (idleMs > 0) current.parts['idle inside'] = (current.parts['idle inside'] ?? 0) + idleMs;
    idleMs = 0;
    current.parts[sample.part] = (current.parts[sample.part] ?? 0) + sample.ms;
    current.endTs = sample.ts + sample.ms * 1000;
  }
  if (current) out.push(current);
  return out;
}

/**
 * What is measured: the reference hour (41 seeks from seed 12345, steps back from 30:00), or with
 * `--large` the large scale test as test/bench/browser-large.ts cuts it (21 seeks from seed 54321,
 * steps back from its middle).
 */
interface Subject { name: string; scenario: unknown; durationMs: number; seeks: number; seed: number }

function subject(): Subject {
  if (!process.argv.includes('--large')) {
    return { name: 'the reference hour', scenario: JSON.parse(readFileSync('test/bench/reference.json', 'utf8')), durationMs: 3_600_000, seeks: 41, seed: 12345 };
  }
  const { file, minutes } = largeScenarioForThePage();
  return { name: `the large scale test's ${minutes} min`, scenario: file, durationMs: file.durationMs, seeks: 21, seed: 54321 };
}

interface Group { wall: number[]; worker: Profile; page: Profile; heapBefore: number; heapAfter: number }

async function groups(page: Page, cdp: Cdp, workerSession: string, pageSession: string, moves: Subject): Promise<Record<string, Group>> {
  const result: Record<string, Group> = {};
  for (const group of ['seeks drawn', 'engineSeek', 'engineSeek from a page at rest', 'steps back']) {
    const heapBefore = (await cdp.send<{ usedSize: number }>('Runtime.getHeapUsage', {}, workerSession)).usedSize;
    await cdp.send('Profiler.start', {}, workerSession);
    await cdp.send('Profiler.start', {}, pageSession);
    const wall = await page.evaluate(async ({ which, durationMs, seeks, seed }) => {
      const hook = (window as unknown as { rocketscopeBench: BenchHook }).rocketscopeBench;
      const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      const times: number[] = [];
      // Each move's start as a user timing mark, which places it on the trace's clock.
      const started = () => performance.mark('rocketscope-move');
      let x = seed;
      if (which === 'steps back') {
        await hook.seek(durationMs / 2);
        await frame();
        for (let i = 0; i < 41; i++) {
          started();
          times.push((await hook.stepBack()).drawnMs);
          await frame();
        }
        return times;
      }
      for (let i = 0; i < seeks; i++) {
        x = (x * 1103515245 + 12345) % 2147483648;
        if (which === 'engineSeek') {
          started();
          times.push(await hook.engineSeek(x % durationMs));
        } else if (which !== 'seeks drawn') {
          // The page done with the previous move (rendered, painted, idle) before the next command.
          await frame();
          await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1_000 }));
          started();
          times.push(await hook.engineSeek(x % durationMs));
        }
        else {
          started();
          times.push((await hook.seek(x % durationMs)).drawnMs);
          await frame();
        }
      }
      return times;
    }, { which: group, durationMs: moves.durationMs, seeks: moves.seeks, seed: moves.seed });
    const worker = (await cdp.send<{ profile: Profile }>('Profiler.stop', {}, workerSession)).profile;
    const pageProfile = (await cdp.send<{ profile: Profile }>('Profiler.stop', {}, pageSession)).profile;
    const heapAfter = (await cdp.send<{ usedSize: number }>('Runtime.getHeapUsage', {}, workerSession)).usedSize;
    result[group] = { wall, worker, page: pageProfile, heapBefore, heapAfter };
  }
  return result;
}

async function measure(dist: string, port: number, debugPort: number): Promise<Record<string, unknown>> {
  const stop = await serve(dist, port);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--remote-debugging-port=${debugPort}`],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await page.goto(`http://127.0.0.1:${port}/?bench`);
    await page.waitForFunction(() => 'rocketscopeBench' in window, undefined, { timeout: 60_000 });
    const moves = subject();
    const fullRunMs = await page.evaluate(async ({ scenario, durationMs }) => {
      const hook = (window as unknown as { rocketscopeBench: BenchHook }).rocketscopeBench;
      if (!hook.open(scenario)) throw new Error('invalid, or over the page\'s budget');
      const started = performance.now();
      await hook.seek(durationMs);
      return performance.now() - started;
    }, { scenario: moves.scenario, durationMs: moves.durationMs });
    const version = await httpJson(`http://127.0.0.1:${debugPort}/json/version`) as { webSocketDebuggerUrl: string };
    const cdp = await Cdp.open(version.webSocketDebuggerUrl);
    const targets = await cdp.send<{ targetInfos: { targetId: string; type: string; url: string }[] }>('Target.getTargets');
    const target = targets.targetInfos.find((info) => info.type === 'page' && info.url.includes('?bench'))!;
    const { sessionId: pageSession } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId: target.targetId, flatten: true });
    const workerSession = await new Promise<string>((resolve) => {
      cdp.listeners.push((method, params) => {
        const info = params.targetInfo as { type: string } | undefined;
        if (method === 'Target.attachedToTarget' && info?.type === 'worker') resolve(params.sessionId as string);
      });
      void cdp.send('Target.setAutoAttach', { autoAttach: true, flatten: true, waitForDebuggerOnStart: false }, pageSession);
    });
    // What the worker holds once the hour is simulated: its heap after a full collection.
    await cdp.send('HeapProfiler.enable', {}, workerSession);
    await cdp.send('HeapProfiler.collectGarbage', {}, workerSession);
    const heapAfterRun = (await cdp.send<{ usedSize: number }>('Runtime.getHeapUsage', {}, workerSession)).usedSize;
    for (const session of [workerSession, pageSession]) {
      await cdp.send('Profiler.enable', {}, session);
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 }, session);
    }
    // A trace of the garbage collection on every thread, beside the profiles.
    const traceEvents: TraceEvent[] = [];
    const traced = new Promise<void>((resolve) => cdp.listeners.push((method, params) => {
      if (method === 'Tracing.dataCollected') traceEvents.push(...(params.value as TraceEvent[]));
      if (method === 'Tracing.tracingComplete') resolve();
    }));
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.gc', 'toplevel', 'blink.user_timing', 'v8', '__metadata'] }, transferMode: 'ReportEvents' });
    const measured = await groups(page, cdp, workerSession, pageSession, moves);
    await cdp.send('Tracing.end');
    await traced;
    cdp.close();
    return { dist, subject: moves.name, fullRunMs, heapAfterRun, groups: measured, traceEvents };
  } finally {
    await browser.close();
    stop();
  }
}

/**
 * Wall time by trace event on one thread within [from, to): each complete event's own time,
 * its children's taken out, clipped to the window. Events not nested in one another are assumed
 * (what a thread's trace events are).
 */
function selfTimes(events: TraceEvent[], from: number, to: number): Record<string, number> {
  const inside = events.filter((e) => e.ts < to && e.ts + (e.dur ?? 0) > from).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const clipped = (e: TraceEvent) => Math.max(0, Math.min(to, e.ts + (e.dur ?? 0)) - Math.max(from, e.ts));
  const self: Record<string, number> = {};
  const stack: TraceEvent[] = [];
  for (const event of inside) {
    while (stack.length > 0 && stack[stack.length - 1]!.ts + (stack[stack.length - 1]!.dur ?? 0) <= event.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self[parent.name] = (self[parent.name] ?? 0) - clipped(event);
    self[event.name] = (self[event.name] ?? 0) + clipped(event);
    stack.push(event);
  }
  return self;
}

/**
 * Where each move's wall time went, from its mark until it was drawn: the page's main thread and
 * the worker's thread by trace event (own time), and what neither thread was busy with.
 */
function moveTimeline(events: TraceEvent[], threadNames: Map<string, string>, group: Group): void {
  const marks = events.filter((e) => e.name === 'rocketscope-move' && e.ts >= group.page.startTime && e.ts <= group.page.endTime).sort((a, b) => a.ts - b.ts);
  if (marks.length !== group.wall.length) {
    console.log(`   (trace: ${marks.length} marks for ${group.wall.length} moves)`);
    return;
  }
  const pid = marks[0]!.pid;
  const thread = (name: string) => events.filter((e) => e.ph === 'X' && e.pid === pid && threadNames.get(`${e.pid}:${e.tid}`)?.startsWith(name));
  const threads = { page: thread('CrRendererMain'), worker: thread('DedicatedWorker') };
  for (const [which, threadEvents] of Object.entries(threads)) {
    const perMove = marks.map((mark, i) => selfTimes(threadEvents, mark.ts, mark.ts + group.wall[i]! * 1000));
    const busy = marks.map((mark, i) => selfTimes(threadEvents.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'), mark.ts, mark.ts + group.wall[i]! * 1000));
    const busyMs = busy.map((parts) => Object.values(parts).reduce((a, b) => a + b, 0) / 1000);
    const names = [...new Set(perMove.flatMap((parts) => Object.keys(parts)))];
    const means = names.map((name) => [name, perMove.reduce((sum, parts) => sum + (parts[name] ?? 0), 0) / perMove.length / 1000] as const).filter(([, ms]) => ms >= 0.3).sort((a, b) => b[1] - a[1]);
    console.log(`   ${which} thread in the move's window: busy median ${median(busyMs).toFixed(1)} / mean ${(busyMs.reduce((a, b) => a + b, 0) / busyMs.length).toFixed(1)} ms; by event, mean ms: ${means.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(', ')}`);
  }
}

function summarize(label: string, run: Record<string, unknown>): void {
  const measuredGroups = run.groups as Record<string, Group>;
  const events = run.traceEvents as TraceEvent[];
  const threadNames = new Map<string, string>();
  for (const event of events) if (event.ph === 'M' && event.name === 'thread_name') threadNames.set(`${event.pid}:${event.tid}`, event.args?.name ?? '');
  console.log(`\n== ${label} (${String(run.dist)}): ${String(run.subject)} simulated in ${((run.fullRunMs as number) / 1000).toFixed(1)} s; the worker's heap then, after a full collection, ${((run.heapAfterRun as number) / 1e6).toFixed(0)} MB`);
  for (const [group, data] of Object.entries(measuredGroups)) {
    const moves = bursts(partsOf(data.worker), 8);
    const names = [...new Set(moves.flatMap((move) => Object.keys(move.parts)))].sort();
    const busy = moves.map((move) => Object.entries(move.parts).filter(([k]) => k !== 'idle inside').reduce((s, [, v]) => s + v, 0));
    console.log(`-- ${group}: wall (page) median ${median(data.wall).toFixed(1)} / p90 ${percentile(data.wall, 0.9).toFixed(1)} ms; worker bursts ${moves.length}, busy median ${median(busy).toFixed(1)} / p90 ${percentile(busy, 0.9).toFixed(1)} / mean ${(busy.reduce((a, b) => a + b, 0) / moves.length).toFixed(1)} ms; worker heap ${(data.heapBefore / 1e6).toFixed(0)} -> ${(data.heapAfter / 1e6).toFixed(0)} MB`);
    for (const name of names) {
      const values = moves.map((move) => move.parts[name] ?? 0);
      console.log(`   ${name.padEnd(20)} median ${median(values).toFixed(2).padStart(7)}  p90 ${percentile(values, 0.9).toFixed(2).padStart(7)}  mean ${(values.reduce((a, b) => a + b, 0) / values.length).toFixed(2).padStart(7)} ms`);
    }
    const pageParts: Record<string, number> = {};
    for (const sample of partsOf(data.page)) pageParts[sample.part] = (pageParts[sample.part] ?? 0) + sample.ms;
    console.log(`   page thread per move: ${Object.entries(pageParts).sort().filter(([k]) => k !== 'idle').map(([k, v]) => `${k} ${(v / data.wall.length).toFixed(1)}`).join(', ')}`);
    // Garbage collection in the group's window, per thread kind.
    const gc: Record<string, { count: number; ms: number }> = {};
    for (const event of events) {
      if (event.ph !== 'X' || event.ts < data.worker.startTime || event.ts > data.worker.endTime) continue;
      if (!/^(MinorGC|MajorGC|V8\.GC_MC_BACKGROUND_MARKING|V8\.GC_SCAVENGER_BACKGROUND_SCAVENGE_PARALLEL|V8\.GC_MC_BACKGROUND_EVACUATE_COPY|V8\.GC_MARK_COMPACTOR|V8\.GC_SCAVENGER|V8\.GC_MC_INCREMENTAL)$/.test(event.name)) continue;
      const thread = (threadNames.get(`${event.pid}:${event.tid}`) ?? '?').replace(/\d+$/, '');
      const key = `${event.name} @ ${thread}`;
      gc[key] ??= { count: 0, ms: 0 };
      gc[key].count++;
      gc[key].ms += (event.dur ?? 0) / 1000;
    }
    for (const [key, value] of Object.entries(gc).sort()) console.log(`   gc ${key.padEnd(60)} ${String(value.count).padStart(5)} x, ${(value.ms / data.wall.length).toFixed(2)} ms per move`);
    moveTimeline(events, threadNames, data);
  }
}

async function main(): Promise<void> {
  const again = process.argv.includes('--again') ? option('--again', 'x')[0]! : undefined;
  if (again) {
    for (const [i, run] of (JSON.parse(readFileSync(again, 'utf8')) as Record<string, unknown>[]).entries()) summarize(`run ${i + 1}`, { ...run, traceEvents: [] });
    return;
  }
  const dists = option('--dist', 'dist');
  const port = Number(option('--port', '4291')[0]);
  const rounds = Number(option('--rounds', '1')[0]);
  const json = process.argv.includes('--json') ? option('--json', 'x')[0] : undefined;
  const runs: Record<string, unknown>[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const [i, dist] of dists.entries()) {
      const run = await measure(dist, port, port + 1000 + i);
      summarize(`round ${round + 1}, ${dist}`, run);
      runs.push(run);
    }
  }
  if (json) writeFileSync(json, JSON.stringify(runs.map((run) => ({ ...run, traceEvents: undefined }))));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
