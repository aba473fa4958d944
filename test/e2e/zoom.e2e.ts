// The page on a projector (1024x768 at 100 %, 125 %, 150 %), at high zoom and at the WCAG Reflow
// size: CSS pixels are what the layout sees, so a 1024x768 screen at 150 % is a 683x512 viewport.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { test } from './harness.ts';
import { openPage, waitForCard, waitForFrames } from './shell-helpers.ts';

const QUEUE_2 = '[data-testid="canvas-queue-broker-a/0#2"]';

function rectOf(page: Page, selector: string): Promise<DOMRect> {
  return page.locator(selector).first().evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
}

async function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function present(page: Page): Promise<void> {
  await page.keyboard.press('p');
  await page.locator('.rs-presenting').waitFor();
  await waitForFrames(page, 2);
}

/** Opens the latest messages of broker-a's queue 2 from the canvas, 10 s into the run, and waits for the card's answer. */
async function openQueueCard(page: Page): Promise<void> {
  await page.getByTestId('command-jumpForward10').click();
  await page.locator('[data-testid="time-current"][data-at-rest="true"]', { hasText: '0:10.000' }).waitFor();
  await page.locator(QUEUE_2).click();
  await waitForCard(page);
  await waitForFrames(page, 2);
}

// One column (below 1100 px): the side column is under the main one, not beside it, so the card
// stays at the right edge, where the panels make room for it (card.css).
test('at 1024x768 an open queue card stands at the right edge, below the bar, and the summary beside it keeps its names whole', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  await openPage(page, baseUrl);
  await openQueueCard(page);
  const card = await rectOf(page, '[data-testid="message-card"]');
  assert.ok(card.left > 1024 / 2, `the card starts at x ${card.left}, over the topology`);
  assert.ok(card.right <= 1024 && card.bottom <= 768, 'the card is inside the window');
  const controls = await rectOf(page, '[data-testid="controls"]');
  assert.ok(card.top >= controls.bottom, `the card (from y ${card.top}) covers the playback bar (to y ${controls.bottom})`);
  const summary = await rectOf(page, '.rs-summary');
  assert.ok(summary.right <= card.left, `the summary (to x ${summary.right}) runs under the card (from x ${card.left})`);
  const clipped = await page.locator('.rs-summary-item dt').evaluateAll((names) => names.filter((name) => name.scrollWidth > name.clientWidth + 1).map((name) => name.textContent));
  assert.deepEqual(clipped, [], 'a counter\'s name is clipped');
  // A count on one line: in 40 px "4 / 3 / 3" took three.
  const broken = await page.locator('.rs-summary-item dd').evaluateAll((counts) => counts.filter((count) => count.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(count).fontSize)).map((count) => count.textContent));
  assert.deepEqual(broken, [], 'a count breaks over lines');
  assert.ok(await sidewaysScroll(page) <= 0, 'the page scrolls sideways');
  await screenshot('zoom-queue-card-1024x768');
  assert.deepEqual(consoleErrors, []);
}, { viewport: { width: 1024, height: 768 } });

test('at 1024x768, chapter 1 step 2 opens the first message\'s card at the right edge and p-1, which sent it, is beside it', async ({ page, baseUrl, consoleErrors }) => {
  await openPage(page, baseUrl, '#ch=basics&st=1&lang=en');
  await page.locator('[data-testid="chapter"][data-step="1"][data-arrived="true"]').waitFor({ timeout: 20_000 });
  await page.locator('.rs-card [data-testid="card-msgid"]').waitFor();
  await waitForFrames(page, 2);
  const card = await rectOf(page, '[data-testid="message-card"]');
  const producer = await rectOf(page, '[data-testid="topology-client-p-1"]');
  assert.ok(card.left > 1024 / 2, `the card starts at x ${card.left}, over the topology`);
  assert.ok(producer.right <= card.left, `p-1 (to x ${producer.right}) is under the card (from x ${card.left})`);
  assert.deepEqual(consoleErrors, []);
}, { viewport: { width: 1024, height: 768 } });

// A 1024x768 projector at 150 %: the larger buttons of presentation mode fill the bar's first row.
test('presenting at 683x512 (150 %) the playback bar fits the window: the time is on screen, nothing scrolls sideways', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  await openPage(page, baseUrl);
  await present(page);
  assert.ok(await sidewaysScroll(page) <= 0, `the page scrolls sideways by ${await sidewaysScroll(page)}px`);
  const time = await rectOf(page, '.rs-time');
  assert.ok(time.right <= 683, `the time ends at x ${time.right}, past the window`);
  await screenshot('zoom-present-683x512');
  assert.deepEqual(consoleErrors, []);
}, { viewport: { width: 683, height: 512 } });

test('presenting at 683x512 (150 %) an open card starts below the playback bar, its msgId clear of Close', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  await openPage(page, baseUrl, '#ch=basics&st=1&lang=en');
  await page.locator('[data-testid="chapter"][data-step="1"][data-arrived="true"]').waitFor({ timeout: 20_000 });
  await present(page);
  await page.locator('.rs-card [data-testid="card-msgid"]').waitFor();
  await waitForFrames(page, 2);
  const [controls, card, msgId, close] = [await rectOf(page, '[data-testid="controls"]'), await rectOf(page, '[data-testid="message-card"]'),
    await rectOf(page, '.rs-card-msgid'), await rectOf(page, '[data-testid="card-close"]')];
  assert.ok(card.top >= controls.bottom, `the card (from y ${card.top}) covers the playback bar (to y ${controls.bottom})`);
  assert.ok(msgId.right <= close.left, `the msgId (to x ${msgId.right}) runs under Close (from x ${close.left})`);
  await screenshot('zoom-present-card-683x512');
  assert.deepEqual(consoleErrors, []);
}, { viewport: { width: 683, height: 512 } });

// 200 % zoom (683x325) and the WCAG Reflow size (320x256): a stuck bar took 37 % and 55 % of the window.
for (const viewport of [{ width: 683, height: 325 }, { width: 320, height: 256 }]) {
  test(`at ${viewport.width}x${viewport.height} the playback bar scrolls away with the page`, async ({ page, baseUrl, consoleErrors }) => {
    await openPage(page, baseUrl);
    await page.getByTestId('topology-svg').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => window.scrollY > 0);
    await waitForFrames(page, 2);
    const controls = await rectOf(page, '[data-testid="controls"]');
    assert.ok(controls.bottom <= 0, `the bar is on screen down to y ${controls.bottom} of ${viewport.height}`);
    assert.deepEqual(consoleErrors, []);
  }, { viewport });
}

test('at 320x256 (400 %) the page does not scroll sideways and each button\'s label fits it, in English and Chinese', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  await openPage(page, baseUrl);
  for (const language of ['en', 'zh'] as const) {
    await page.getByTestId(`language-${language}`).click();
    await page.locator(`[data-testid="language-${language}"][aria-pressed="true"]`).waitFor();
    await waitForFrames(page, 2);
    assert.ok(await sidewaysScroll(page) <= 0, `${language}: the page scrolls sideways by ${await sidewaysScroll(page)}px`);
    const spilling = await page.locator('[data-testid="controls"] button').evaluateAll((buttons) => buttons.filter((button) => button.scrollWidth > button.clientWidth).map((button) => button.textContent));
    assert.deepEqual(spilling, [], `${language}: a label spills out of its button`);
  }
  await page.getByTestId('controls').scrollIntoViewIfNeeded();
  await screenshot('zoom-controls-320x256');
  assert.deepEqual(consoleErrors, []);
}, { viewport: { width: 320, height: 256 } });

/** Whether a tap `dx`, `dy` px from the element's centre lands on it (its hit area, not only what is drawn). */
async function hits(page: Page, selector: string, dx: number, dy: number): Promise<boolean> {
  const target = page.locator(selector).first();
  await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  return target.evaluate((element, [x, y]) => {
    const found = document.elementFromPoint(x!, y!);
    return found !== null && (found === element || element.contains(found));
  }, [box.x + box.width / 2 + dx, box.y + box.height / 2 + dy]);
}

// WCAG 2.5.8: a finger's target is 24x24 CSS px. What is drawn stays as it was; what a tap reaches grows.
test('on a tablet the scrubber\'s marks, the queues\' ids, the counters\' toggles and the canvas\'s queue cells take a tap within 24x24 px', async ({ page, baseUrl, consoleErrors }) => {
  await openPage(page, baseUrl);
  await page.getByTestId('scenario-picker').selectOption('crash-partition-shutdown');
  await page.locator('[data-testid="mark-sign"]').first().waitFor();
  await page.locator('[data-testid="mark-fault"]').first().waitFor();
  const sign = await rectOf(page, '[data-testid="mark-sign"]');
  assert.ok(sign.width <= 8 && sign.height <= 8, `the ring is drawn ${sign.width}x${sign.height}, as before`);
  const missed: string[] = [];
  for (const [selector, dx, dy] of [
    ['[data-testid="mark-sign"]', 0, 10], ['[data-testid="mark-sign"]', 0, -10], ['[data-testid="mark-fault"]', 0, -10],
    ['[data-testid^="queue-open-"]', 0, 10], ['[data-testid^="queue-open-"]', 10, 0],
    ['[data-testid="summary-causes-sent"]', 0, 11], ['[data-testid="summary-causes-sent"]', 0, -11],
    ['[data-testid^="canvas-queue-"]', 0, 11], ['[data-testid^="canvas-queue-"]', 0, -11],
  ] as const) {
    if (!await hits(page, selector, dx, dy)) missed.push(`${selector} ${dx},${dy}`);
  }
  assert.deepEqual(missed, [], 'taps this far from the centre miss');
  assert.deepEqual(consoleErrors, []);
}, { viewport: { width: 1024, height: 1366 } });

test('at 683x512 (150 %) the help has a Close at its top, on screen with the list scrolled to its end', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  await openPage(page, baseUrl);
  await page.getByTestId('command-help').click();
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await dialog.waitFor();
  await dialog.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await page.waitForFunction(() => { const element = document.querySelector('[data-testid="help-overlay"]')!; return element.scrollTop > 0; });
  const [box, close] = [await rectOf(page, '[data-testid="help-overlay"]'), await rectOf(page, '[data-testid="help-close-top"]')];
  assert.ok(close.top >= box.top && close.bottom <= box.top + 80, `Close (y ${close.top}-${close.bottom}) is not at the dialog's top (y ${box.top})`);
  assert.ok(close.width >= 24 && close.height >= 24, `Close is ${close.width}x${close.height}`);
  await screenshot('zoom-help-683x512');
  await page.getByTestId('help-close-top').click();
  await page.getByTestId('help-overlay').waitFor({ state: 'detached' });
  assert.deepEqual(consoleErrors, []);
}, { viewport: { width: 683, height: 512 } });

// Presenting at 150 % the panel is 617 px wide, under WIDE_MIN_WIDTH (src/viz/topology-layout.ts):
// the stacked drawing was 560 px tall in a 512 px window. And the lesson box, which scrolls with the
// page in a window under 600 px tall, is brought up under the bar: the header took a fifth of it.
test('presenting chapter 9 at 683x512 (150 %) draws the wide topology, smaller, and scrolls the page\'s header away', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  await openPage(page, baseUrl, '#ch=failover&st=1&lang=en');
  await page.locator('[data-testid="chapter"][data-step="1"][data-arrived="true"]').waitFor({ timeout: 20_000 });
  await present(page);
  await page.locator('[data-testid="topology-svg"][data-mode="wide"]').waitFor({ timeout: 5_000 });
  await page.waitForFunction(() => document.querySelector('.rs-header')!.getBoundingClientRect().bottom <= 0, undefined, { timeout: 5_000 });
  const [controls, lesson] = [await rectOf(page, '[data-testid="controls"]'), await rectOf(page, '[data-testid="chapter"]')];
  assert.ok(lesson.top >= controls.bottom && lesson.top <= controls.bottom + 16, `the lesson (from y ${lesson.top}) is not just under the bar (to y ${controls.bottom})`);
  assert.ok(await sidewaysScroll(page) <= 0, 'the page scrolls sideways');
  await page.getByTestId('topology-svg').evaluate((svg) => window.scrollBy({ top: svg.getBoundingClientRect().top - document.querySelector('[data-testid="controls"]')!.getBoundingClientRect().bottom - 8 }));
  await waitForFrames(page, 2);
  const [producer, consumer] = [await rectOf(page, '[data-testid="topology-client-p-1"]'), await rectOf(page, '[data-testid="topology-client-c-1"]')];
  assert.ok(producer.bottom <= 512 && consumer.bottom <= 512, `p-1 (to y ${producer.bottom}) and c-1 (to y ${consumer.bottom}) on one screen`);
  await screenshot('zoom-present-ch9-683x512');
  assert.deepEqual(consoleErrors, []);
}, { viewport: { width: 683, height: 512 } });
