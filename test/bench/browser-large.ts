/**
 * The large scale test on the page (issue: fast and calm at any size): test/bench/large.json, 10
 * brokers x 64 queues, 100 clients, about 1,000 messages a second, opened through the page as an
 * upload is (validated and judged by the page's cost budget), then played at 1x and sought in.
 * Its whole hour is over the page's budget (src/scenario/budget.ts PAGE_BUDGET: each checkpoint
 * of 100 clients and 640 pulled queues holds over a megabyte), so it is cut to the longest whole
 * number of minutes the budget takes, its later timeline actions dropped; the label says how.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { bytesOf, checkBudget, PAGE_BUDGET } from '../../src/scenario/budget.ts';
import { estimateCost } from '../../src/scenario/cost.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { longestPrefix, MINUTE_MS } from '../../src/scenario/prefix.ts';
import type { Scenario } from '../../src/model/spec.ts';
import { benchPage, describeFrames, median, openScenario, percentile, playAtOnce, seekMs, sixtyFps, verdict, workerHeapBytes } from './browser-play.ts';

const SEEKS = 21;
const PLAY_WALL_MS = 5_000;

export interface ScenarioFile {
  durationMs: number;
  timeline: { at: number }[];
}

function parsed(file: ScenarioFile): Scenario {
  const result = parseScenarioText(JSON.stringify(file));
  if (!result.ok) throw new Error(`large.json: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return result.scenario;
}

/** The longest whole number of minutes of the large scale test the page's cost budget takes. */
export function largeScenarioForThePage(): { file: ScenarioFile; minutes: number; whole: string; estimatedBytes: number } {
  const large = JSON.parse(readFileSync(new URL('./large.json', import.meta.url), 'utf8')) as ScenarioFile;
  const refused = checkBudget(parsed(large), PAGE_BUDGET);
  const whole = refused ? `its hour refused for ${(bytesOf(refused.cost, PAGE_BUDGET) / 1e9).toFixed(1)} GB estimated` : 'its whole hour';
  // What the page offers when the hour is opened (src/scenario/prefix.ts).
  const prefix = refused ? longestPrefix(large, PAGE_BUDGET) : { file: large, minutes: large.durationMs / MINUTE_MS };
  if (!prefix) throw new Error('large.json: not even its first minute fits the page\'s budget');
  const { file, minutes } = prefix;
  return { file, minutes, whole, estimatedBytes: bytesOf(estimateCost(parsed(file)), PAGE_BUDGET) };
}

/** The figures' lines, measured on a page of its own (the only one open: the worker's heap is read). */
export async function measureLarge(browser: Browser, base: string): Promise<string[]> {
  const page = await benchPage(browser, base);
  const { file, minutes, whole, estimatedBytes } = largeScenarioForThePage();
  await openScenario(page, file);
  const fullRunMs = await seekMs(page, file.durationMs);
  const heap = await workerHeapBytes(browser);
  // Seeks to spread-out times in a seeded order, each until the panels have drawn it.
  const seeks: number[] = [];
  let x = 54321;
  for (let i = 0; i < SEEKS; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    seeks.push(await seekMs(page, x % file.durationMs));
  }
  await seekMs(page, file.durationMs / 2);
  const playing = await playAtOnce(page, PLAY_WALL_MS);
  const label = `test/bench/large.json cut to its first ${minutes} min, the longest the page's budget takes (${whole})`;
  await page.close();
  return [
    `large: simulate it once             ${(fullRunMs / 1000).toFixed(1)} s${heap === null ? '' : `, worker heap ${(heap / 1e6).toFixed(0)} MB (${(estimatedBytes / 1e6).toFixed(0)} MB estimated by src/scenario/cost.ts)`}`,
    `large: seek (${SEEKS} seeks)              median ${median(seeks).toFixed(1)} ms, p90 ${percentile(seeks, 0.9).toFixed(1)} ms   budget median <= 150 ms  ${verdict(median(seeks) <= 150)}`,
    `large: frames at 1x                 ${describeFrames(playing.frames)}, up to ${playing.maxInFlight} messages in flight   ${sixtyFps(playing.frames)}`,
    `  (${label}; played from ${minutes / 2} min)`,
  ];
}
