/**
 * Whether the large scale test keeps up with the clock at 1x on this machine, build against build:
 * each build's page (one browser, each page its own simulation worker) opens test/bench/large.json's
 * prefix (browser-large.ts); then, round after round, each page in turn seeks to 1:00 and plays at
 * 1x for a window of wall time, the order swapped every round. Each line says how many seconds of
 * the run went by per wall second (1.00: the page keeps up), the frames and the longest frame,
 * with the machine's load average, and the CPU time the page's thread and the simulation's
 * worker took per second of the run (Linux's /proc: what a loaded machine's waits do not
 * inflate, as they do the clock and the frames). The last lines: the medians, and of the pairs.
 *
 *   node --import tsx test/bench/browser-clock.ts --dist old --dist new [--rounds 6] [--wall 5000] [--port 4431] [--profile dir]
 *
 * With `--profile dir`, each page is also recorded by Chromium's sampling profiler (DevTools
 * protocol) over all its windows, written to dir as a .cpuprofile, and its heaviest functions by
 * self time printed.
 */
import { loadavg } from 'node:os';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { BenchHook } from '../../src/ui/bench-hook.ts';
import { largeScenarioForThePage } from './browser-large.ts';
import { benchPage, describeFrames, median, openScenario, seekMs } from './browser-play.ts';
import { launchChromium, startPreview } from './preview.ts';

function options(name: string): string[] {
  return process.argv.flatMap((arg, i) => (arg === name && process.argv[i + 1] ? [process.argv[i + 1]!] : []));
}

const FROM_MS = 60_000;

interface Clocked {
  frames: number[];
  runMs: number;
  wallMs: number;
}

/** Plays at 1x for wallMs, reading the playhead (its m:ss.mmm text) before and after. */
function playClocked(page: Page, wallMs: number): Promise<Clocked> {
  return page.evaluate(async (duration) => {
    const bench = (window as unknown as { rocketscopeBench: BenchHook }).rocketscopeBench;
    const playhead = () => {
      const text = document.querySelector('[data-testid="time-current"]')?.textContent ?? '';
      const [minutes, seconds] = text.split(':');
      return (Number(minutes) * 60 + Number(seconds)) * 1000;
    };
    const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    const startRun = playhead();
    const start = performance.now();
    bench.play(1);
    const frames: number[] = [];
    let last = start;
    while (performance.now() - start < duration) {
      await frame();
      const now = performance.now();
      frames.push(now - last);
      last = now;
    }
    const runMs = playhead() - startRun;
    bench.play(0);
    return { frames, runMs, wallMs: last - start };
  }, wallMs);
}

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** The heaviest functions by self time, as `ms  name  file:line`. */
function heaviest(profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] }, count: number): string[] {
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'}  ${url.split('/').pop()}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + (selfMs.get(node.id) ?? 0));
  }
  return [...byFunction.entries()].sort((a, b) => b[1] - a[1]).slice(0, count).map(([key, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${key}`);
}

function atRest(page: Page): Promise<unknown> {
  return page.waitForSelector('[data-testid="time-current"][data-at-rest="true"]', { timeout: 120_000 });
}

async function startProfile(page: Page): Promise<CDPSession> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 500 });
  await session.send('Profiler.start');
  return session;
}

async function stopProfile(session: CDPSession, file: string): Promise<void> {
  const { profile } = await session.send('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
  for (const line of heaviest(profile as unknown as Parameters<typeof heaviest>[0], 30)) console.log(`  ${line}`);
}

/** CPU milliseconds of a thread so far (utime + stime, in the kernel's ticks of 10 ms). */
function cpuMs(pid: number, tid: number): number {
  const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface Threads {
  pid: number;
  /** The page's main thread (its id is the process's) and the simulation's worker. */
  worker: number;
}

/** The renderer that runs the page (the busiest: it has simulated the first minute) and its worker thread. */
async function threadsOf(browser: Browser): Promise<Threads> {
  const session = await browser.newBrowserCDPSession();
  const { processInfo } = await session.send('SystemInfo.getProcessInfo');
  await session.detach();
  const renderer = processInfo.filter((info) => info.type === 'renderer').sort((a, b) => b.cpuTime - a.cpuTime)[0]!;
  const worker = readdirSync(`/proc/${renderer.id}/task`).map(Number)
    .find((tid) => readFileSync(`/proc/${renderer.id}/task/${tid}/comm`, 'utf8').startsWith('DedicatedWorker'));
  if (worker === undefined) throw new Error('no simulation worker in the page\'s renderer');
  return { pid: renderer.id, worker };
}

interface Window extends Clocked {
  pageCpuMs: number;
  workerCpuMs: number;
}

async function playWindow(page: Page, threads: Threads, wallMs: number): Promise<Window> {
  const before = [cpuMs(threads.pid, threads.pid), cpuMs(threads.pid, threads.worker)];
  const clocked = await playClocked(page, wallMs);
  return { ...clocked, pageCpuMs: cpuMs(threads.pid, threads.pid) - before[0]!, workerCpuMs: cpuMs(threads.pid, threads.worker) - before[1]! };
}

/** CPU milliseconds per second of the run. */
function perRunSecond(cpu: number, window: Window): number {
  return cpu / (window.runMs / 1000);
}

function describe(window: Window): string {
  const stall = Math.max(...window.frames);
  return `clock ${(window.runMs / window.wallMs).toFixed(2)}x, ${describeFrames(window.frames)}, longest ${stall.toFixed(0)} ms; ` +
    `CPU per run second: page ${perRunSecond(window.pageCpuMs, window).toFixed(0)} ms, worker ${perRunSecond(window.workerCpuMs, window).toFixed(0)} ms`;
}

async function openLarge(browser: Browser, base: string): Promise<Page> {
  const page = await benchPage(browser, base);
  await openScenario(page, largeScenarioForThePage().file);
  await seekMs(page, FROM_MS);
  await atRest(page);
  return page;
}

function summarize(dists: string[], windows: Window[][], wallMs: number): void {
  const of = (i: number, pick: (window: Window) => number) => median(windows[i]!.map(pick));
  for (const [i, dist] of dists.entries()) {
    console.log(`${dist}: medians over ${windows[i]!.length} windows of ${wallMs / 1000} s: clock ${of(i, (w) => w.runMs / w.wallMs).toFixed(2)}x, ` +
      `CPU per run second: page ${of(i, (w) => perRunSecond(w.pageCpuMs, w)).toFixed(0)} ms, worker ${of(i, (w) => perRunSecond(w.workerCpuMs, w)).toFixed(0)} ms`);
  }
  if (dists.length !== 2) return;
  const ratios = (pick: (window: Window) => number) => median(windows[1]!.map((w, round) => pick(w) / pick(windows[0]![round]!))).toFixed(2);
  console.log(`new/old per round (medians): clock ${ratios((w) => w.runMs / w.wallMs)}, page CPU per run second ${ratios((w) => perRunSecond(w.pageCpuMs, w))}, ` +
    `worker CPU per run second ${ratios((w) => perRunSecond(w.workerCpuMs, w))}`);
}

async function main(): Promise<void> {
  const dists = options('--dist');
  const port = Number(options('--port')[0] ?? 4431);
  const rounds = Number(options('--rounds')[0] ?? 6);
  const wallMs = Number(options('--wall')[0] ?? 5_000);
  const profileTo = options('--profile')[0] ?? null;
  const servers = await Promise.all(dists.map((dist, i) => startPreview(port + i, dist)));
  // A browser for each build: its page's renderer and worker are threads of their own to measure.
  const browsers = await Promise.all(dists.map(() => launchChromium()));
  try {
    const pages: Page[] = [];
    const threads: Threads[] = [];
    for (const [i, server] of servers.entries()) {
      pages.push(await openLarge(browsers[i]!, server.base));
      threads.push(await threadsOf(browsers[i]!));
    }
    if (profileTo) mkdirSync(profileTo, { recursive: true });
    const sessions = profileTo ? await Promise.all(pages.map(startProfile)) : [];
    const windows: Window[][] = dists.map(() => []);
    for (let round = 0; round < rounds; round++) {
      const order = pages.map((_, i) => i);
      if (round % 2 === 1) order.reverse();
      for (const which of order) {
        await seekMs(pages[which]!, FROM_MS);
        await atRest(pages[which]!);
        const load = loadavg()[0]!.toFixed(1);
        const window = await playWindow(pages[which]!, threads[which]!, wallMs);
        windows[which]!.push(window);
        console.log(`round ${round + 1} ${dists[which]}: load ${load}, ${describe(window)}`);
      }
    }
    for (const [i, session] of sessions.entries()) {
      console.log(`profile of ${dists[i]}:`);
      await stopProfile(session, `${profileTo}/page-${i + 1}.cpuprofile`);
    }
    summarize(dists, windows, wallMs);
  } finally {
    await Promise.all(browsers.map((browser) => browser.close()));
    for (const server of servers) server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
