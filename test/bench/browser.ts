/**
 * The page's budgets, measured in headless Chromium against the production build (issue: the web
 * page): seek anywhere in a one-hour run of the reference scenario, step back, frame times while
 * about 300 messages are in flight, and the initial JavaScript gzipped. Prints figures, not
 * pass/fail timings: it is a benchmark, run by `npm run bench:browser`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import type { BenchHook } from '../../src/ui/bench-hook.ts';
import { measureInFlight } from './browser-inflight.ts';
import { describeFrames, median, percentile, playAtOnce, seekMs, sixtyFps, verdict } from './browser-play.ts';
import { measureLarge } from './browser-large.ts';
import { launchChromium, startPreview } from './preview.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4190);

/** The JavaScript the page loads before it can show anything: the entry and its static imports. */
function initialJavaScriptGzipped(): { files: string[]; bytes: number } {
  const html = readFileSync('dist/index.html', 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
  const all = new Set(files);
  for (const file of readdirSync('dist/assets').filter((name) => name.endsWith('.js'))) {
    if (html.includes(file)) all.add(`assets/${file}`);
  }
  const bytes = [...all].reduce((sum, file) => sum + gzipSync(readFileSync(`dist/${file}`)).length, 0);
  return { files: [...all], bytes };
}

/**
 * A measurement in a browser of its own, closed (with its pages, their simulation workers and
 * its processes) before the next begins: browser.close() returns once Chromium's processes have
 * exited, so no figure shares the browser and GPU processes, their caches and their garbage with
 * the one before. On a page opened after the reference hour's page in the same browser, the
 * frames at 1x with 1,000 in flight came out at 45 fps where the same page alone ran at 60.
 * The closed page's renderer and its worker were not the cause: its renderer process (the
 * worker's thread with it) was gone within about 130 ms of page.close(), and the browser and GPU
 * processes used no CPU after it (/proc, sampled every 200 ms). What those processes kept from
 * the first page (caches, memory, the compositor's state) is what a fresh browser rules out.
 */
async function cleanly(base: string, measure: (browser: Browser, base: string) => Promise<string[]>): Promise<string[]> {
  const browser = await launchChromium();
  try {
    return await measure(browser, base);
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  spawnSync('bash', ['scripts/ensure-chromium.sh'], { stdio: 'inherit' });
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  const size = initialJavaScriptGzipped();
  const preview = await startPreview(PORT);
  try {
    const { base } = preview;
    // Each group of figures has a browser of its own, closed before the next starts: see cleanly().
    const browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // tsx names functions with a __name helper; the page must have it for page.evaluate.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    const reference = JSON.parse(readFileSync('test/bench/reference.json', 'utf8')) as unknown;
    await page.goto(`${base}/?bench`);
    await page.waitForFunction(() => 'rocketscopeBench' in window, undefined, { timeout: 30_000 });
    const results = await page.evaluate(async (scenario) => {
      const bench = (window as unknown as { rocketscopeBench: BenchHook }).rocketscopeBench;
      if (!bench.open(scenario)) throw new Error('the reference scenario does not validate');
      const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      const started = performance.now();
      await bench.seek(3_600_000);
      const fullRunMs = performance.now() - started;
      await frame();
      // Seek: 41 spread-out times in a seeded order, measured until the page has drawn them (and, for
      // information, until the next paint: each move starts right after a frame, so that adds up to one frame).
      const seeks: number[] = [];
      const seeksPainted: number[] = [];
      let x = 12345;
      for (let i = 0; i < 41; i++) {
        x = (x * 1103515245 + 12345) % 2147483648;
        const t = x % 3_600_000;
        const times = await bench.seek(t);
        seeks.push(times.drawnMs);
        seeksPainted.push(times.paintedMs);
        await frame();
      }
      // The same seeks through the store without waiting for the render, to tell simulation from rendering.
      const engineSeeks: number[] = [];
      x = 12345;
      for (let i = 0; i < 41; i++) {
        x = (x * 1103515245 + 12345) % 2147483648;
        engineSeeks.push(await bench.engineSeek(x % 3_600_000));
      }
      // The same seeks again, each sent from a page at rest (the previous moment rendered, painted
      // and idle): the back-to-back engineSeeks above also wait for the page's render of the
      // previous frame, which runs while the worker works on the next (docs/worker.md, Measuring it).
      const restingSeeks: number[] = [];
      x = 12345;
      for (let i = 0; i < 41; i++) {
        x = (x * 1103515245 + 12345) % 2147483648;
        await frame();
        await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1_000 }));
        restingSeeks.push(await bench.engineSeek(x % 3_600_000));
      }
      // Step back one trace event, 41 times in a row from the middle of the run.
      await bench.seek(1_800_000);
      await frame();
      const stepBacks: number[] = [];
      const stepBacksPainted: number[] = [];
      for (let i = 0; i < 41; i++) {
        const times = await bench.stepBack();
        stepBacks.push(times.drawnMs);
        stepBacksPainted.push(times.paintedMs);
        await frame();
      }
      const heapMb = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
      return { fullRunMs, seeks, seeksPainted, engineSeeks, restingSeeks, stepBacks, stepBacksPainted, heapMb: heapMb / 1e6 };
    }, reference);
    // Frame times while playing at 1x from 10 min (200 messages/s: about 300 dots in flight).
    await seekMs(page, 600_000);
    const playing = await playAtOnce(page, 4_000);
    await browser.close();
    // The budgets at size, each on a page of its own (its worker's heap is read).
    const atSize = [...await cleanly(base, measureInFlight), ...await cleanly(base, measureLarge)];
    console.log('RocketScope page budgets (headless Chromium, production build, reference scenario, one hour)\n');
    console.log(`initial JavaScript, gzipped       ${(size.bytes / 1024).toFixed(1)} KB   budget <= 150 KB  ${verdict(size.bytes <= 150 * 1024)}   (${size.files.join(', ')})`);
    console.log(`simulate the whole hour once      ${(results.fullRunMs / 1000).toFixed(1)} s`);
    console.log(`seek to any time (41 seeks)       median ${median(results.seeks).toFixed(1)} ms, p90 ${percentile(results.seeks, 0.9).toFixed(1)} ms   budget median <= 50 ms, p90 <= 100 ms  ${verdict(median(results.seeks) <= 50 && percentile(results.seeks, 0.9) <= 100)}`);
    console.log(`  of which the simulation alone   median ${median(results.engineSeeks).toFixed(1)} ms, p90 ${percentile(results.engineSeeks, 0.9).toFixed(1)} ms`);
    console.log(`  from a page at rest             median ${median(results.restingSeeks).toFixed(1)} ms, p90 ${percentile(results.restingSeeks, 0.9).toFixed(1)} ms   (the round trip without the previous frame's render)`);
    console.log(`  until the next paint            median ${median(results.seeksPainted).toFixed(1)} ms, p90 ${percentile(results.seeksPainted, 0.9).toFixed(1)} ms`);
    console.log(`step back one event (41 steps)    median ${median(results.stepBacks).toFixed(1)} ms, p90 ${percentile(results.stepBacks, 0.9).toFixed(1)} ms   budget median <= 16 ms  ${verdict(median(results.stepBacks) <= 16)}`);
    console.log(`  until the next paint            median ${median(results.stepBacksPainted).toFixed(1)} ms, p90 ${percentile(results.stepBacksPainted, 0.9).toFixed(1)} ms`);
    console.log(`frames while playing at 1x        ${describeFrames(playing.frames)}, up to ${playing.maxInFlight} messages in flight   ${sixtyFps(playing.frames, ' with 300 in flight')}`);
    if (results.heapMb > 0) console.log(`JS heap after the run             ${results.heapMb.toFixed(0)} MB`);
    for (const line of atSize) console.log(line);
  } finally {
    preview.stop();
  }
}


main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
