/**
 * Two production builds' seeks, paired in one browser: each build on a page of its own (its own
 * simulation worker), the same seeded seeks made on one page then the other, each from a page at
 * rest on both (the moment drawn, the panels off screen caught up), the order swapped at every
 * seek. On a busy machine only such pairs tell two builds apart: the load that swings a seek's
 * time by half from one minute to the next hits both pages of a pair alike.
 *
 *   node --import tsx test/bench/browser-pair.ts --dist old --dist new [--large] [--port 4303] [--rounds 2] [--batch 5]
 *
 * Prints each build's median `drawnMs` (as `npm run bench:browser` times a seek) and the median of
 * the pairs' ratios new/old. With `--batch k`, each page makes k seeks in a row as
 * `npm run bench:browser` does (the next one frame after the previous is painted, so what the page
 * does once a moment is drawn, such as the panels off screen catching up, meets the next seek),
 * the pages taking turns batch by batch, both at rest before each batch.
 *
 * With `--step-back` it pairs steps back instead (`--steps n`, 41 by default, `--batch` 5): each
 * round both pages go to the middle of the reference hour, then step back one event at a time.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { BenchHook } from '../../src/ui/bench-hook.ts';
import { largeScenarioForThePage } from './browser-large.ts';
import { benchPage, median, openScenario, percentile, seekMs } from './browser-play.ts';
import { launchChromium, startPreview } from './preview.ts';

function options(name: string): string[] {
  return process.argv.flatMap((arg, i) => (arg === name && process.argv[i + 1] ? [process.argv[i + 1]!] : []));
}

function atRest(page: Page): Promise<unknown> {
  return page.waitForSelector('[data-testid="time-current"][data-at-rest="true"]', { timeout: 120_000 });
}

/**
 * Moves made one after another as `npm run bench:browser` makes them, each an animation frame after
 * the previous: a seek to each target, or (null targets) a step back for each.
 */
function movesInARow(page: Page, targets: (number | null)[]): Promise<number[]> {
  return page.evaluate(async (ts) => {
    const bench = (window as unknown as { rocketscopeBench: BenchHook }).rocketscopeBench;
    const times: number[] = [];
    for (const t of ts) {
      times.push((await (t === null ? bench.stepBack() : bench.seek(t))).drawnMs);
      await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    }
    return times;
  }, targets);
}

/** The middle of the reference hour, where the steps back of each round start. */
const STEP_BACK_FROM = 1_800_000;

async function main(): Promise<void> {
  const dists = options('--dist');
  if (dists.length !== 2) throw new Error('two --dist builds: the old, then the new');
  const port = Number(options('--port')[0] ?? 4303);
  const rounds = Number(options('--rounds')[0] ?? 1);
  const large = process.argv.includes('--large');
  const stepBack = process.argv.includes('--step-back');
  const { scenario, durationMs, seeks, seed } = large
    ? { scenario: largeScenarioForThePage().file as unknown, durationMs: largeScenarioForThePage().file.durationMs, seeks: 21, seed: 54321 }
    : { scenario: JSON.parse(readFileSync('test/bench/reference.json', 'utf8')) as unknown, durationMs: 3_600_000, seeks: Number(options('--steps')[0] ?? 41), seed: 12345 };
  const servers = await Promise.all(dists.map((dist, i) => startPreview(port + i, dist)));
  const browser = await launchChromium();
  try {
    const pages: Page[] = [];
    for (const server of servers) {
      const page = await benchPage(browser, server.base);
      await openScenario(page, scenario);
      // The whole run simulated once, one page after the other.
      await seekMs(page, durationMs);
      await atRest(page);
      pages.push(page);
    }
    const times: number[][] = [[], []];
    const batch = Number(options('--batch')[0] ?? (stepBack ? 5 : 1));
    for (let round = 0; round < rounds; round++) {
      if (stepBack) for (const page of pages) await seekMs(page, STEP_BACK_FROM).then(() => atRest(page));
      let x = seed;
      for (let i = 0; i < seeks; i += batch) {
        const targets: (number | null)[] = [];
        for (let k = i; k < Math.min(seeks, i + batch); k++) {
          x = (x * 1103515245 + 12345) % 2147483648;
          targets.push(stepBack ? null : x % durationMs);
        }
        const order = (i / batch + round) % 2 === 0 ? [0, 1] : [1, 0];
        for (const which of order) {
          await Promise.all(pages.map(atRest));
          times[which]!.push(...await movesInARow(pages[which]!, targets));
        }
      }
    }
    const ratios = times[1]!.map((t, i) => t / times[0]![i]!);
    const line = (label: string, values: number[]) => `${label} median ${median(values).toFixed(1)} ms, p90 ${percentile(values, 0.9).toFixed(1)} ms`;
    console.log(`${large ? 'large scale test' : 'reference hour'}, ${times[0]!.length} ${stepBack ? 'steps back' : 'seeks'} each, paired (batches of ${batch})`);
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
