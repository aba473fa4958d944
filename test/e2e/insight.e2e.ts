import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { test } from './harness.ts';
import { currentTime, formatTime, jumpAndWait, openPage, parseTime, waitForAnswer, waitForRest, waitForTime } from './shell-helpers.ts';

const VIEWPORT = { width: 1280, height: 800 };

/** The cells of a table's body, row by row. */
async function tableCells(page: Page, testId: string): Promise<string[][]> {
  return page.getByTestId(testId).locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')));
}

test('finds a message by key and follows its life: clicking a step moves the playhead there', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  await openPage(page, baseUrl);
  await page.getByTestId('language-en').click();
  await jumpAndWait(page, 3);
  await page.getByRole('tab', { name: 'Message' }).click();
  await page.getByRole('combobox', { name: 'Find by' }).selectOption('key');
  await page.getByTestId('message-value').fill('order-3');
  await page.getByRole('button', { name: 'Search' }).click();
  const steps = page.getByTestId('life-step');
  await steps.first().waitFor();
  assert.match((await steps.first().textContent()) ?? '', /p-1 sends it to broker-\w queue \d of TopicTest \(attempt 1\)/);
  const stored = steps.filter({ hasText: 'stores it' }).first();
  const at = Number(await stored.getAttribute('data-t'));
  assert.ok(at > 0 && at < 30_000, `the message is stored early in the run (${at} ms)`);
  await screenshot('insight-message-en-1280x800');
  await stored.click();
  await waitForTime(page, formatTime(at));
  assert.equal(parseTime((await page.getByTestId('time-current').textContent()) ?? ''), at);
  assert.equal(await stored.getAttribute('aria-current'), 'step');
  // The steps after the playhead stay on screen, marked as later.
  await page.getByText('after the playhead').first().waitFor();
  await page.waitForFunction(() => window.location.hash.includes('&v=message'), undefined, { timeout: 5_000 });
  await page.getByTestId('language-zh').click();
  await page.getByRole('heading', { name: '消息轨迹', level: 2 }).waitFor();
  await screenshot('insight-message-zh-1280x800');
  assert.deepEqual(consoleErrors, []);
}, { viewport: VIEWPORT });

test('finds messages by topic and time as the Dashboard lists them, and opens one\'s life from its row', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  await openPage(page, baseUrl);
  await page.getByTestId('language-en').click();
  await jumpAndWait(page, 4);
  await page.getByRole('tab', { name: 'Message' }).click();
  await page.getByRole('combobox', { name: 'Find by' }).selectOption('topic');
  // The default range is the 5 minutes before the playhead (0:40): from 0:00.
  assert.equal(await page.getByTestId('topic-query-end').inputValue(), '0:40.000');
  await page.getByTestId('topic-query-begin').fill('0:20');
  await page.getByRole('button', { name: 'Search' }).click();
  const table = page.getByTestId('topic-messages');
  await table.locator('tbody tr').first().waitFor();
  assert.deepEqual(await table.locator('thead th').allTextContents(), ['Message ID', 'Tag', 'Message Key', 'StoreTime', 'Operation']);
  const rows = await tableCells(page, 'topic-messages');
  assert.ok(rows.length > 20, `about 10 messages a second, half in readable queues (${rows.length} rows)`);
  const times = rows.map((row) => parseTime(row[3]!));
  assert.ok(times.every((t, i) => t >= 20_000 && t <= 40_000 && (i === 0 || t <= times[i - 1]!)), 'newest first, within 0:20 - 0:40');
  await page.getByTestId('topic-messages-unreadable').waitFor();
  await screenshot('insight-message-topic-en-1280x800');
  const msgId = rows[0]![0]!;
  await page.getByRole('button', { name: `Message Detail ${msgId}` }).click();
  await page.getByRole('heading', { name: `The life of ${msgId}` }).waitFor();
  await page.getByTestId('language-zh').click();
  await table.getByRole('columnheader', { name: '存储时间' }).waitFor();
  await screenshot('insight-message-topic-zh-1280x800');
  assert.deepEqual(consoleErrors, []);
}, { viewport: VIEWPORT });

/** The default scenario at 0:40 in English, its Message tab asked for TopicTest's messages from 0:20 on, the rows shown. */
async function searchTopicFrom20s(page: Page, baseUrl: string): Promise<void> {
  await openPage(page, baseUrl);
  await page.getByTestId('language-en').click();
  await jumpAndWait(page, 4);
  await page.getByRole('tab', { name: 'Message' }).click();
  await page.getByRole('combobox', { name: 'Find by' }).selectOption('topic');
  await page.getByTestId('topic-query-begin').fill('0:20');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByTestId('topic-messages').locator('tbody tr').first().waitFor();
}

test('a link carries the query by topic and time: a fresh page opens it with the same rows, and a damaged one is ignored', async ({ page, context, baseUrl, consoleErrors, screenshot }) => {
  await searchTopicFrom20s(page, baseUrl);
  const rows = await tableCells(page, 'topic-messages');
  // TopicTest (hex of its bytes) from 20 000 to 40 000 ms.
  await page.waitForFunction(() => window.location.hash.includes('&tq=546f70696354657374.20000.40000'), undefined, { timeout: 5_000 });
  const link = page.url();
  const fresh = await context.newPage();
  await openPage(fresh, baseUrl, link.slice(link.indexOf('#')));
  // The rows are the run's at the link's moment: wait for that many, then read them.
  await fresh.waitForFunction((count) => document.querySelectorAll('[data-testid="topic-messages"] tbody tr').length === count, rows.length, { timeout: 10_000 });
  assert.deepEqual(await tableCells(fresh, 'topic-messages'), rows);
  assert.equal(await fresh.getByRole('tab', { name: 'Message' }).getAttribute('aria-selected'), 'true');
  assert.equal(await fresh.getByTestId('topic-query-begin').inputValue(), '0:20.000');
  assert.equal(await fresh.getByTestId('topic-query-end').inputValue(), '0:40.000');
  await screenshot('insight-topic-link-en-1280x800');
  // A damaged value opens the same run without a query, and without a banner.
  const damaged = await context.newPage();
  await openPage(damaged, baseUrl, link.slice(link.indexOf('#')).replace('tq=546f70696354657374.20000.40000', 'tq=546f70696354657374.40000.2'));
  // The tab opens on its default search, by topic over the 5 minutes before the playhead, not the damaged one.
  await damaged.getByTestId('topic-query').waitFor();
  assert.equal(await damaged.getByTestId('topic-query-begin').inputValue(), '0:00.000');
  assert.equal(await damaged.getByTestId('topic-messages').count(), 0);
  assert.equal(await damaged.getByTestId('banner').count(), 0);
  assert.deepEqual(consoleErrors, []);
}, { viewport: VIEWPORT });

test('a newly picked scenario opens the Message tab without the old query by topic and time', async ({ page, baseUrl, consoleErrors }) => {
  await searchTopicFrom20s(page, baseUrl);
  await page.waitForFunction(() => window.location.hash.includes('&tq='), undefined, { timeout: 5_000 });
  // read8-write4 has a TopicTest too: the old query would find its messages, as if asked of it.
  await page.getByTestId('scenario-picker').selectOption('read8-write4');
  await waitForRest(page);
  await page.getByTestId('topic-query').waitFor();
  assert.equal(await page.getByRole('tab', { name: 'Message' }).getAttribute('aria-selected'), 'true');
  assert.equal(await page.getByTestId('topic-messages').count(), 0);
  assert.equal(await page.getByTestId('topic-query-begin').inputValue(), '0:00.000', 'the form starts at its defaults, not the old query (0:20)');
  await page.waitForFunction(() => window.location.hash.includes('&v=message') && !window.location.hash.includes('&tq='), undefined, { timeout: 5_000 });
  assert.deepEqual(consoleErrors, []);
}, { viewport: VIEWPORT });

test('reads a Dashboard table at two times and sees it change', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  await openPage(page, baseUrl);
  await page.getByTestId('language-en').click();
  await jumpAndWait(page, 2);
  await page.getByRole('tab', { name: 'Dashboard' }).click();
  await page.getByTestId('dashboard-status').waitFor();
  await waitForAnswer(page, 'dashboard');
  const before = await tableCells(page, 'dashboard-status');
  assert.ok(before.length >= 8, 'one row per queue of TopicTest on each master');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="dashboard-cluster"] tbody tr')].some((row) => Number(row.children[4]?.textContent) > 0), undefined, { timeout: 10_000 });
  await assertFitsWidth(page, 'dashboard-cluster');
  await screenshot('insight-dashboard-en-1280x800');
  assert.equal(await jumpAndWait(page, 3), '0:50.000');
  await waitForAnswer(page, 'dashboard');
  const after = await tableCells(page, 'dashboard-status');
  assert.notDeepEqual(after, before);
  const maxOffset = (rows: string[][]) => rows.reduce((sum, row) => sum + Number(row[3]), 0);
  assert.ok(maxOffset(after) > maxOffset(before), 'the queues hold more messages 30 s later');
  await page.getByTestId('language-zh').click();
  await page.getByRole('columnheader', { name: '最大位点' }).waitFor();
  await assertFitsWidth(page, 'dashboard-cluster');
  await screenshot('insight-dashboard-zh-1280x800');
  assert.deepEqual(consoleErrors, []);
}, { viewport: VIEWPORT });

test('the Insight tabs: arrow keys move between them, the link keeps the open one; screenshots of Diagnostics', async ({ page, context, baseUrl, consoleErrors, screenshot }) => {
  await openPage(page, baseUrl);
  await page.getByTestId('language-en').click();
  await jumpAndWait(page, 3);
  await page.getByRole('tab', { name: 'Cluster' }).focus();
  // Cluster -> Dashboard -> Message -> Diagnostics.
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.getByRole('tab', { name: 'Diagnostics' }).waitFor();
  assert.equal(await page.getByRole('tab', { name: 'Diagnostics' }).getAttribute('aria-selected'), 'true');
  await page.getByTestId('diagnostics-list').waitFor();
  // Had a key moved the run, the page would be waiting for the worker's frame: wait, then compare.
  await waitForRest(page);
  assert.equal(await currentTime(page), '0:30.000', 'the arrow keys on a tab do not move the run');
  await screenshot('insight-diagnostics-en-1280x800');
  await page.waitForFunction(() => window.location.hash.includes('&v=diagnostics'), undefined, { timeout: 5_000 });
  const fresh = await context.newPage();
  await fresh.setViewportSize(VIEWPORT);
  await openPage(fresh, baseUrl, page.url().slice(page.url().indexOf('#')));
  await fresh.getByTestId('diagnostics-list').waitFor();
  await fresh.getByTestId('language-zh').click();
  await fresh.getByRole('heading', { name: '路由诊断', level: 2 }).waitFor();
  await fresh.screenshot({ path: 'test-results/insight-diagnostics-zh-1280x800.png' });
  assert.deepEqual(consoleErrors, []);
}, { viewport: VIEWPORT });

/** A table that shows all its columns without scrolling sideways, every column name on screen. */
async function assertFitsWidth(page: Page, testId: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.getByTestId(testId).evaluate((area) => ({ scrollWidth: area.scrollWidth, clientWidth: area.clientWidth }));
  assert.ok(scrollWidth <= clientWidth, `${testId} is ${scrollWidth} px wide in ${clientWidth} px`);
}
