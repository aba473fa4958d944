/**
 * A seek keeps the page still: while the worker runs ahead, the playback bar shows its progress
 * without growing, so nothing below it moves when the progress appears or when the moment
 * arrives (it used to push every panel down and back up on each seek, and the browser laid out
 * and repainted the whole page twice).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from './harness.ts';
import { fragmentOf } from './shell-helpers.ts';

const DURATION_MS = 300_000;

/** The large scale test, scaled to 5 minutes: far enough into it, the worker runs ahead for a while. */
function largeLink(atMs: number): string {
  const large = JSON.parse(readFileSync(new URL('../bench/large.json', import.meta.url), 'utf8')) as { timeline: { at: number }[] };
  const scaled = { ...large, durationMs: DURATION_MS, timeline: large.timeline.filter((action) => action.at <= DURATION_MS) };
  return fragmentOf(scaled, atMs);
}

/** The playback bar's height and where the panels start, with the progress shown (null when none). */
const LAYOUT = `(() => {
  const progress = document.querySelector('[data-testid="seek-progress"]');
  return {
    progress: progress ? progress.textContent : null,
    bar: document.querySelector('[data-testid="controls"]').getBoundingClientRect().height,
    main: document.querySelector('.rs-main').getBoundingClientRect().top,
  };
})()`;

interface Layout { progress: string | null; bar: number; main: number }

for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test(`a seek's progress does not move the panels at ${viewport.width}x${viewport.height}`, async ({ page, baseUrl, consoleErrors }) => {
    await page.goto(`${baseUrl}/#${largeLink(90_000)}`);
    // The worker says how far it has come while it runs ahead: the layout is read in that same turn.
    const handle = await page.waitForFunction(() => {
      const progress = document.querySelector('[data-testid="seek-progress"]')?.textContent ?? '';
      return /[1-9]\d*%/.test(progress) && {
        progress,
        bar: document.querySelector('[data-testid="controls"]')!.getBoundingClientRect().height,
        main: document.querySelector('.rs-main')!.getBoundingClientRect().top,
      };
    });
    const seeking = await handle.jsonValue() as Layout;
    // Far into a large run on a busy machine: longer than waitForRest's budget, within the test's.
    await page.locator('[data-testid="time-current"][data-at-rest="true"]').waitFor({ timeout: 100_000 });
    const resting = await page.evaluate(LAYOUT) as Layout;
    assert.equal(resting.progress, null, 'the progress is gone once the moment is shown');
    assert.deepEqual({ bar: resting.bar, main: resting.main }, { bar: seeking.bar, main: seeking.main }, 'the bar and the panels stay where they were');
    assert.deepEqual(consoleErrors, []);
  }, { viewport, timeoutMs: 120_000 });
}
