/**
 * What the page's simulation worker really holds, beside what src/scenario/cost.ts estimates for
 * it: a few scenarios opened through the production page in headless Chromium, each simulated to
 * its end, the worker's heap read after a full GC (browser-play.ts workerHeapBytes), beside the
 * estimate in Node's bytes (the coefficients test/bench/cost-measure.ts measures) and the one the
 * page is judged on (bytesOf with PAGE_BUDGET): cost.ts's BROWSER_HEAP_SHARE comes from here.
 * The last is the large scale test as bench:browser cuts it for the page. Run with
 * `npx tsx test/bench/browser-cost.ts` after `npx vite build` (several minutes; BENCH_PORT moves
 * its server).
 */
import { readFileSync } from 'node:fs';
import { bytesOf, PAGE_BUDGET } from '../../src/scenario/budget.ts';
import { cutScenarioFile } from '../../src/scenario/prefix.ts';
import { largeScenarioForThePage, type ScenarioFile } from './browser-large.ts';
import { estimateCost } from '../../src/scenario/cost.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { benchPage, openScenario, seekMs, workerHeapBytes } from './browser-play.ts';
import { launchChromium, startPreview } from './preview.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4191);
const MINUTE_MS = 60_000;

function cut(name: string, minutes: number): ScenarioFile {
  return cutScenarioFile(JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8')) as ScenarioFile, minutes * MINUTE_MS);
}

const SCENARIOS: [string, ScenarioFile][] = [
  ['reference.json, first 10 min', cut('reference.json', 10)],
  ['large.json, first 2 min', cut('large.json', 2)],
  ['large.json, first 4 min', cut('large.json', 4)],
  [`large.json, first ${largeScenarioForThePage().minutes} min (bench)`, largeScenarioForThePage().file],
];

async function main(): Promise<void> {
  const preview = await startPreview(PORT);
  try {
    const browser = await launchChromium();
    for (const [label, file] of SCENARIOS) {
      const parsed = parseScenarioText(JSON.stringify(file));
      if (!parsed.ok) throw new Error(`${label} does not parse`);
      const cost = estimateCost(parsed.scenario);
      // A page of its own: the only worker open, whose heap is read.
      const page = await benchPage(browser, preview.base);
      await openScenario(page, file);
      await seekMs(page, file.durationMs);
      const heap = await workerHeapBytes(browser);
      await page.close();
      const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
      console.log(`${label.padEnd(36)} worker heap ${heap === null ? '?' : mb(heap)}, estimated ${mb(bytesOf(cost, PAGE_BUDGET))} (in Node's bytes ${mb(cost.runBytes + cost.pageBytes)})`);
    }
    await browser.close();
  } finally {
    preview.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
