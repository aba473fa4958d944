/**
 * The run in the simulation's worker (the page's default): the large scale test opened from a share link
 * far into its run. Scaled to 5 minutes (its later timeline actions dropped), well within the
 * page's cost budget (the full hour is refused, with what to reduce). While the worker
 * runs ahead, the page shows progress and keeps answering: a click changes the page at once.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from './harness.ts';
import { fragmentOf } from './shell-helpers.ts';

const DURATION_MS = 300_000;

function largeLink(atMs: number): string {
  const large = JSON.parse(readFileSync(new URL('../bench/large.json', import.meta.url), 'utf8')) as { timeline: { at: number }[] };
  const scaled = { ...large, durationMs: DURATION_MS, timeline: large.timeline.filter((action) => action.at <= DURATION_MS) };
  return fragmentOf(scaled, atMs);
}

test('a large scenario from a link runs ahead in the worker while the page keeps answering input', async ({ page, baseUrl, consoleErrors }) => {
  await page.goto(`${baseUrl}/#${largeLink(240_000)}`);
  const progress = page.getByTestId('seek-progress');
  await progress.waitFor();
  // The worker says how far it has come while it runs ahead (the panels wait for the moment itself).
  await page.waitForFunction(() => /[1-9]\d*%/.test(document.querySelector('[data-testid="seek-progress"]')?.textContent ?? ''));
  // Input is answered meanwhile: the language switches, and the progress says so in Chinese.
  await page.getByTestId('language-zh').click();
  await page.waitForFunction(() => {
    const text = document.querySelector('[data-testid="seek-progress"]')?.textContent ?? '';
    return text.startsWith('正在模拟');
  });
  assert.equal(await page.getByTestId('language-zh').getAttribute('aria-pressed'), 'true');
  assert.ok(await progress.isVisible(), 'the worker is still running ahead');
  assert.deepEqual(consoleErrors, []);
}, { timeoutMs: 120_000 });

test('the large scale test\'s whole hour from a link: refused with why, and its first 18 minutes open from the banner at the moment the link asked for', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  const large = JSON.parse(readFileSync(new URL('../bench/large.json', import.meta.url), 'utf8')) as object;
  await page.goto(`${baseUrl}/#${fragmentOf(large, 30_000)}`);
  const banner = page.getByTestId('banner');
  await banner.waitFor();
  assert.match((await banner.textContent()) ?? '', /^This scenario is too heavy for the page/);
  await screenshot('too-heavy-link-offer');
  await page.getByTestId('banner-offer').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="banner"]')?.textContent?.startsWith('This is the scenario\'s first 18 minutes'));
  await page.waitForFunction(() => document.querySelector('[data-testid="time-current"]')?.textContent === '0:30.000', undefined, { timeout: 60_000 });
  assert.match((await page.locator('.rs-time-total').textContent()) ?? '', /18:00\.000/);
  assert.deepEqual(consoleErrors, []);
}, { timeoutMs: 120_000 });
