/**
 * What the page's new budgets share (test/bench/browser-inflight.ts, browser-large.ts): opening a
 * scenario file through the page, playing at 1x while recording each frame, figures of a sample,
 * and the simulation's worker's heap, read through Chromium's DevTools protocol.
 */
import type { Browser, Page } from 'playwright-core';
import type { BenchHook } from '../../src/ui/bench-hook.ts';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/** A fresh page of the production build with the benchmark's handle (its own simulation worker). */
export async function benchPage(browser: Browser, base: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // tsx names functions with a __name helper; the page must have it for page.evaluate.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await page.goto(`${base}/?bench`);
  await page.waitForFunction(() => 'rocketscopeBench' in window, undefined, { timeout: 30_000 });
  return page;
}

/** Opens a scenario file as the person's upload does (validated, then judged by the page's cost budget). */
export async function openScenario(page: Page, scenario: unknown): Promise<void> {
  const opened = await page.evaluate((source) => (window as unknown as { rocketscopeBench: BenchHook }).rocketscopeBench.open(source), scenario);
  if (!opened) throw new Error('the page refused the scenario (invalid, or over its cost budget)');
}

/** Wall milliseconds until the page has drawn the moment t (bench-hook.ts, MoveTimes.drawnMs). */
export function seekMs(page: Page, t: number): Promise<number> {
  return page.evaluate(async (target) => (await (window as unknown as { rocketscopeBench: BenchHook }).rocketscopeBench.seek(target)).drawnMs, t);
}

export interface Playing {
  /** Wall milliseconds between animation frames. */
  frames: number[];
  /** The most dots the canvas drew at once (messages and requests in flight). */
  maxInFlight: number;
}

/** Plays at 1x from where the playhead is for `wallMs`, recording every frame. */
export function playAtOnce(page: Page, wallMs: number): Promise<Playing> {
  return page.evaluate(async (duration) => {
    const bench = (window as unknown as { rocketscopeBench: BenchHook }).rocketscopeBench;
    const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    bench.play(1);
    await frame();
    const frames: number[] = [];
    let maxInFlight = 0;
    let last = performance.now();
    const until = last + duration;
    while (performance.now() < until) {
      await frame();
      const now = performance.now();
      frames.push(now - last);
      last = now;
      maxInFlight = Math.max(maxInFlight, bench.dotsInFlight());
    }
    bench.play(0);
    return { frames, maxInFlight };
  }, wallMs);
}

/**
 * 60 fps on a 60 Hz display: the typical frame lands on the next vsync, 1000/60 ms, within 5 %
 * (requestAnimationFrame's intervals in a headless browser jitter by a few tenths of a ms).
 */
const SIXTY_FPS_MEDIAN_MS = 17.5;

/** A budget line's end: whether the figures before it are within their budget. */
export function verdict(within: boolean): string {
  return within ? 'ok' : 'OVER BUDGET';
}

/** "budget 60 fps (median frame <= 17.5 ms)" and its verdict; `more` names what the frames must carry. */
export function sixtyFps(frames: number[], more = ''): string {
  return `budget 60 fps${more} (median frame <= ${SIXTY_FPS_MEDIAN_MS} ms)  ${verdict(median(frames) <= SIXTY_FPS_MEDIAN_MS)}`;
}

/** "median 16.7 ms (60 fps; 58 fps on average), p95 18.0 ms, 290 frames": a few long frames hide behind a median, not behind the average. */
export function describeFrames(frames: number[]): string {
  const average = (1000 * frames.length) / frames.reduce((sum, ms) => sum + ms, 0);
  return `median ${median(frames).toFixed(1)} ms (${(1000 / median(frames)).toFixed(0)} fps; ${average.toFixed(0)} fps on average), p95 ${percentile(frames, 0.95).toFixed(1)} ms, ${frames.length} frames`;
}

/**
 * The simulation worker's heap after a full GC, its typed arrays' buffers included (bytes), or
 * null when the page has no worker. Attached through the browser's session: a worker's own
 * `performance` has no memory figures.
 */
export async function workerHeapBytes(browser: Browser): Promise<number | null> {
  const session = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await session.send('Target.getTargets');
    const worker = targetInfos.find((target) => target.type === 'worker');
    if (!worker) return null;
    const { sessionId } = await session.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    const answers = new Map<number, (result: unknown) => void>();
    session.on('Target.receivedMessageFromTarget', (event) => {
      const message = JSON.parse(event.message) as { id?: number; result?: unknown };
      if (message.id !== undefined) answers.get(message.id)?.(message.result);
    });
    let nextId = 0;
    const ask = (method: string) => new Promise<unknown>((resolve) => {
      const id = ++nextId;
      answers.set(id, resolve);
      void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) });
    });
    await ask('HeapProfiler.collectGarbage');
    const usage = await ask('Runtime.getHeapUsage') as { usedSize: number; backingStorageSize?: number };
    return usage.usedSize + (usage.backingStorageSize ?? 0);
  } finally {
    await session.detach();
  }
}
