/**
 * Two production builds' steps back, paired in one browser as test/bench/browser-pair.ts pairs
 * seeks: a page per build (its own simulation worker), both at the middle of the reference hour,
 * then steps back made in batches as `npm run bench:browser` makes them (each an animation frame
 * after the previous is painted), the pages taking turns batch by batch, both at rest before each
 * batch, the order swapped at every batch. Each round starts again from the middle.
 *
 *   node --import tsx test/bench/browser-step-pair.ts --dist old --dist new [--port 4303] [--rounds 2] [--batch 5] [--steps 41]
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { BenchHook } from '../../src/ui/bench-hook.ts';
import { benchPage, median, openScenario, percentile, seekMs } from './browser-play.ts';
import { launchChromium, startPreview } from './preview.ts';

function options(name: string): string[] {
  return process.argv.flatMap((arg, i) => (arg === name && process.argv[i + 1] ? [process.argv[i + 1]!] : []));
}

function atRest(page: Page): Promise<unknown> {
  return page.waitForSelector('[data-testid="time-current"][data-at-rest="true"]', { timeout: 120_000 });
}

/** Steps back made one after another as `npm run bench:browser` makes them: each an animation frame after the previous. */
function stepsInARow(page: Page, count: number): Promise<number[]> {
  return page.evaluate(async (n) => {
    const bench = (window as unknown as { rocketscopeBench: BenchHook }).rocketscopeBench;
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      times.push((await bench.stepBack()).drawnMs);
      await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    }
    return times;
  }, count);
}

async function main(): Promise<void> {
  const dists = options('--dist');
  if (dists.length !== 2) throw new Error('two --dist builds: the old, then the new');
  const port = Number(options('--port')[0] ?? 4303);
  const rounds = Number(options('--rounds')[0] ?? 1);
  const batch = Number(options('--batch')[0] ?? 5);
  const steps = Number(options('--steps')[0] ?? 41);
  const scenario = JSON.parse(readFileSync('test/bench/reference.json', 'utf8')) as unknown;
  const servers = await Promise.all(dists.map((dist, i) => startPreview(port + i, dist)));
  const browser = await launchChromium();
  try {
    const pages: Page[] = [];
    for (const server of servers) {
      const page = await benchPage(browser, server.base);
      await openScenario(page, scenario);
      await seekMs(page, 3_600_000);
      await atRest(page);
      pages.push(page);
    }
    const times: number[][] = [[], []];
    for (let round = 0; round < rounds; round++) {
      for (const page of pages) {
        await seekMs(page, 1_800_000);
        await atRest(page);
      }
      for (let i = 0; i < steps; i += batch) {
        const count = Math.min(batch, steps - i);
        const order = (i / batch + round) % 2 === 0 ? [0, 1] : [1, 0];
        for (const which of order) {
          await Promise.all(pages.map(atRest));
          times[which]!.push(...await stepsInARow(pages[which]!, count));
        }
      }
    }
    const ratios = times[1]!.map((t, i) => t / times[0]![i]!);
    const line = (label: string, values: number[]) => `${label} median ${median(values).toFixed(1)} ms, p90 ${percentile(values, 0.9).toFixed(1)} ms`;
    console.log(`reference hour, ${times[0]!.length} steps back each, paired (batches of ${batch})`);
    console.log(line(`old ${dists[0]}:`, times[0]!));
    console.log(line(`new ${dists[1]}:`, times[1]!));
    console.log(`new/old per pair: median ${median(ratios).toFixed(3)}, new faster in ${ratios.filter((r) => r < 1).length} of ${ratios.length}`);
  } finally {
    await browser.close();
    for (const server of servers) server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
