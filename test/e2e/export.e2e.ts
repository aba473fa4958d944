/** Every export of the Insight views, clicked as a person would, and the downloaded file read back. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { test } from './harness.ts';
import { fragmentOf, openPage, waitForAnswer } from './shell-helpers.ts';

const SCENARIO_FILE = 'src/scenario/library/write8-read4.json';
const WRITE8_READ4 = JSON.parse(readFileSync(SCENARIO_FILE, 'utf8')) as unknown;
const VIEWPORT = { width: 1280, height: 800 };
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Clicks an export button and returns the file it downloads, with its suggested name. */
async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), button.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

/** The runner's trace (npm run sim -- <file> --until <ms> --trace -), one line per event. */
function runnerTraceLines(untilMs: number): string[] {
  const run = spawnSync('npx', ['tsx', 'src/cli/sim.ts', SCENARIO_FILE, '--until', String(untilMs), '--trace', '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.split(/(?<=\n)/);
}

test('a Dashboard table and the topic query save as CSV with the Dashboard\'s column names and the rows on screen', async ({ page, baseUrl, consoleErrors }) => {
  await openPage(page, baseUrl, `#${fragmentOf(WRITE8_READ4, 30_000)}`);
  await page.getByTestId('language-en').click();
  await page.getByTestId('insight-tab-dashboard').click();
  const table = page.getByTestId('dashboard-cluster');
  await table.locator('tbody tr').nth(1).waitFor();
  // The TPS columns come with the worker's answer after the frame: the file and the screen must both have it.
  await waitForAnswer(page, 'dashboard');
  const { name, bytes } = await download(page, page.getByTestId('csv-cluster'));
  assert.equal(name, 'cluster-30000ms.csv');
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte order mark, for Excel');
  const lines = bytes.toString('utf8').slice(1).split('\r\n');
  assert.equal(lines[0], 'Broker,NO.,Address,Version,Produce Message TPS,Consumer Message TPS,Yesterday Produce Count,Yesterday Consume Count,Today Produce Count,Today Consume Count');
  const onScreen = await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent).join(',')));
  assert.deepEqual(lines.slice(1, -1), onScreen);
  assert.equal(lines.at(-1), '', 'every line ends with CRLF');

  // The Message tab's query by topic and time saves as CSV with the Dashboard's columns too.
  await page.getByTestId('insight-tab-message').click();
  await page.getByRole('combobox', { name: 'Find by' }).selectOption('topic');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByTestId('topic-messages').locator('tbody tr').first().waitFor();
  const messages = await download(page, page.getByTestId('csv-topic-messages'));
  assert.equal(messages.name, 'messages-topictest-0-30000ms.csv');
  const messageLines = messages.bytes.toString('utf8').slice(1).split('\r\n');
  assert.equal(messageLines[0], 'Message ID,Tag,Message Key,StoreTime');
  assert.equal(messageLines.length - 2, await page.getByTestId('topic-messages').locator('tbody tr').count());
  assert.deepEqual(consoleErrors, []);
}, { viewport: VIEWPORT });

test('a chart saves as SVG (a document with the chart\'s axis labels) and as PNG (twice its size)', async ({ page, baseUrl, consoleErrors }) => {
  await openPage(page, baseUrl, `#${fragmentOf(WRITE8_READ4, 60_000)}`);
  await page.getByTestId('language-en').click();
  await page.getByTestId('insight-tab-charts').click();
  const figure = page.getByTestId('chart-first-figure');
  await figure.locator('path[fill="none"]').first().waitFor({ timeout: 20_000 });
  await waitForAnswer(page, 'charts');
  const drawn = await figure.locator('svg text').allTextContents();
  const svg = await download(page, page.getByTestId('chart-first-svg'));
  assert.match(svg.name, /^write-8-read-4-\w+\.svg$/);
  const parsed = await page.evaluate((markup) => {
    const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.namespaceURI,
      texts: [...doc.querySelectorAll('text')].map((text) => text.textContent),
      width: Number(doc.documentElement.getAttribute('width')),
      height: Number(doc.documentElement.getAttribute('height')),
    };
  }, svg.bytes.toString('utf8'));
  assert.equal(parsed.error, null);
  assert.equal(parsed.root, 'http://www.w3.org/2000/svg');
  for (const axis of ['Virtual time (s)', 'Messages per second']) assert.ok(parsed.texts.includes(axis), `the axis label "${axis}" is in the file`);
  assert.deepEqual(parsed.texts, drawn, 'the file holds the words the page draws');

  const png = await download(page, page.getByTestId('chart-first-png'));
  assert.match(png.name, /^write-8-read-4-\w+\.png$/);
  assert.deepEqual([...png.bytes.subarray(0, 8)], PNG_SIGNATURE);
  // IHDR, the first chunk: width and height, big-endian, at bytes 16 and 20.
  assert.equal(png.bytes.toString('latin1', 12, 16), 'IHDR');
  assert.equal(png.bytes.readUInt32BE(16), Math.ceil(parsed.width * 2));
  assert.equal(png.bytes.readUInt32BE(20), Math.ceil(parsed.height * 2));
  assert.ok(png.bytes.length > 2_000, 'a picture, not an empty canvas');
  assert.deepEqual(consoleErrors, []);
}, { timeoutMs: 60_000, viewport: VIEWPORT });

test('the space-time diagram saves as SVG, and its window\'s trace as the JSON Lines the runner writes', async ({ page, baseUrl, consoleErrors }) => {
  await openPage(page, baseUrl, `#${fragmentOf(WRITE8_READ4, 30_000)}`);
  await page.getByTestId('language-en').click();
  await page.getByTestId('insight-tab-spacetime').click();
  await page.getByTestId('spacetime-svg').locator('[data-kind="send"]').first().waitFor({ timeout: 20_000 });
  await waitForAnswer(page, 'spacetime');
  const svg = await download(page, page.getByTestId('spacetime-svg-export'));
  assert.equal(svg.name, 'write-8-read-4-25000-30000.svg');
  const lanes = await page.evaluate((markup) => {
    const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
    return doc.querySelector('parsererror') ? null : [...doc.querySelectorAll('text')].map((text) => text.textContent);
  }, svg.bytes.toString('utf8'));
  assert.ok(lanes !== null, 'the SVG parses');
  for (const lane of ['p-1', 'broker-a/0', 'ns-1', 'c-2']) assert.ok(lanes.includes(lane), `lane ${lane}`);

  const trace = await download(page, page.getByTestId('spacetime-trace-export'));
  assert.equal(trace.name, 'write-8-read-4-25000-30000.jsonl');
  const expected = runnerTraceLines(30_000).filter((line) => {
    const t = (JSON.parse(line) as { t: number }).t;
    return t >= 25_000 && t <= 30_000;
  });
  assert.ok(expected.length > 100, `the runner wrote ${expected.length} events in the window`);
  assert.equal(trace.bytes.toString('utf8'), expected.join(''), 'the same bytes as the runner for 0:25 - 0:30');
  assert.deepEqual(consoleErrors, []);
}, { timeoutMs: 90_000, viewport: VIEWPORT });
