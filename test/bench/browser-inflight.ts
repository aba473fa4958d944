/**
 * Frames while playing at 1x with 1,000 messages in flight (issue: fast and calm at any size).
 * The reference scenario's 200 messages a second keep about 300 dots in flight (each message
 * flies to its queue, pulses as it is stored and flies to its consumer, each for half a second
 * at 1x), so this variant of it runs its ten producers at 80 messages a second each, four times
 * the rate: about 1,200 dots at once. At that rate a whole hour is over the page's cost budget,
 * so the variant is the first 15 minutes (the crash at 15:00 and later actions dropped), and it
 * plays from 5:00, once every group has its queues.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { benchPage, describeFrames, openScenario, playAtOnce, seekMs, sixtyFps, workerHeapBytes } from './browser-play.ts';

const RATE_PER_PRODUCER = 80;
const DURATION_MS = 900_000;
const PLAY_FROM_MS = 300_000;
const PLAY_WALL_MS = 5_000;

interface ScenarioFile {
  durationMs: number;
  producers: { ratePerSec: number }[];
  timeline: { at: number }[];
}

export function inFlightScenario(): ScenarioFile {
  const reference = JSON.parse(readFileSync(new URL('./reference.json', import.meta.url), 'utf8')) as ScenarioFile;
  return {
    ...reference,
    durationMs: DURATION_MS,
    producers: reference.producers.map((producer) => ({ ...producer, ratePerSec: RATE_PER_PRODUCER })),
    timeline: reference.timeline.filter((action) => action.at < DURATION_MS),
  };
}

/** The figure's lines, measured on a page of its own (the only one open: the worker's heap is read). */
export async function measureInFlight(browser: Browser, base: string): Promise<string[]> {
  const page = await benchPage(browser, base);
  await openScenario(page, inFlightScenario());
  const reachMs = await seekMs(page, PLAY_FROM_MS);
  const playing = await playAtOnce(page, PLAY_WALL_MS);
  const heap = await workerHeapBytes(browser);
  const label = `reference scenario, producers at ${RATE_PER_PRODUCER}/s (4x), first ${DURATION_MS / 60_000} min, from ${PLAY_FROM_MS / 60_000}:00`;
  await page.close();
  return [
    `frames at 1x, 1,000 in flight       ${describeFrames(playing.frames)}, up to ${playing.maxInFlight} messages in flight   ${sixtyFps(playing.frames, ' with 1,000 in flight')}`,
    `  (${label}; reaching ${PLAY_FROM_MS / 60_000}:00 took ${(reachMs / 1000).toFixed(1)} s${heap === null ? '' : `, worker heap ${(heap / 1e6).toFixed(0)} MB`})`,
  ];
}
