import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from './harness.ts';
import { seriousViolations } from './axe.ts';
import { fragmentOf, openPage, waitForAnswer, waitForRest, waitForTime } from './shell-helpers.ts';

const WRITE8_READ4 = JSON.parse(readFileSync('src/scenario/library/write8-read4.json', 'utf8')) as unknown;

function linkAt(timeMs: number): string {
  return `#${fragmentOf(WRITE8_READ4, timeMs)}`;
}

test('a what-if fork (readQueueNums 4 -> 8 at 0:40) shows where the runs part and the counters that differ; the link carries it', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  await openPage(page, baseUrl, linkAt(40_000));
  await page.getByTestId('insight-tab-whatif').click();
  await page.getByTestId('whatif-setting').selectOption('topics.TopicTest.readQueueNums');
  await page.getByTestId('whatif-value').fill('8');
  await page.getByTestId('whatif-compare').click();
  const divergence = page.getByTestId('whatif-divergence');
  await divergence.waitFor({ timeout: 30_000 });
  // The fork is an updateTopic at the playhead: before it, both runs are the same run.
  assert.equal(await divergence.getAttribute('data-t'), '40000');
  assert.match((await divergence.textContent()) ?? '', /The runs first differ at 0:40\.000/);
  const row = page.getByTestId('whatif-differences').locator('tr[data-counter="neverConsumable"] td');
  const [before, after] = [await row.nth(0).textContent(), await row.nth(1).textContent()];
  assert.ok(Number((before ?? '').replace(/,/g, '')) > 0, `this run strands messages in queues 4-7: ${before}`);
  assert.equal(after, '0');
  await page.waitForFunction(() => window.location.hash.includes('&w=40000~topics.TopicTest.readQueueNums~8'), undefined, { timeout: 5_000 });
  await screenshot('what-if-en');
  await page.getByTestId('language-zh').click();
  await page.getByText('两次运行在 0:40.000 第一次出现不同', { exact: false }).waitFor();
  await screenshot('what-if-zh');

  // The link opens both runs again, on the What-if view.
  const second = await page.context().newPage();
  await openPage(second, baseUrl, page.url().slice(page.url().indexOf('#')));
  await second.getByTestId('whatif-divergence').waitFor({ timeout: 30_000 });
  assert.equal(await second.getByTestId('whatif-divergence').getAttribute('data-t'), '40000');
  assert.deepEqual(consoleErrors, []);
}, { timeoutMs: 90_000, viewport: { width: 1280, height: 800 } });

test('a what-if with one more consumer at 0:40: the runs part at 0:40, where the group rebalances on the brokers\' notice, in English and Chinese', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  await openPage(page, baseUrl, linkAt(40_000));
  await page.getByTestId('language-en').click();
  await page.getByTestId('insight-tab-whatif').click();
  await page.getByTestId('whatif-setting').selectOption('groups.CG_ORDER.consumers');
  // c-1 and c-2 run at the playhead; the form offers one more.
  assert.equal(await page.getByTestId('whatif-setting').locator('option:checked').textContent(), 'groups.CG_ORDER.consumers = 2');
  assert.equal(await page.getByTestId('whatif-value').inputValue(), '3');
  await page.getByTestId('whatif-compare').click();
  const divergence = page.getByTestId('whatif-divergence');
  await divergence.waitFor({ timeout: 30_000 });
  assert.equal(await divergence.getAttribute('data-t'), '40000');
  assert.match((await page.getByTestId('whatif-effect').textContent()) ?? '', /^At 0:40\.000 1 more consumer starts in the group\. The brokers tell every member at once \(NOTIFY_CONSUMER_IDS_CHANGED\)/);
  await page.waitForFunction(() => window.location.hash.includes('&w=40000~groups.CG_ORDER.consumers~3'), undefined, { timeout: 5_000 });
  await screenshot('what-if-consumers-en');
  await page.getByTestId('language-zh').click();
  await page.getByText('在 0:40.000 这个消费者组新启动 1 个消费者', { exact: false }).waitFor();
  await screenshot('what-if-consumers-zh');
  assert.deepEqual(consoleErrors, []);
}, { timeoutMs: 90_000, viewport: { width: 1280, height: 800 } });

test('the Charts and Space-time views draw the run up to the playhead, in English and Chinese', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  await openPage(page, baseUrl, linkAt(90_000));
  await page.getByTestId('insight-tab-charts').click();
  const figure = page.getByTestId('chart-first-figure');
  await figure.waitFor({ timeout: 20_000 });
  await waitForAnswer(page, 'charts');
  assert.ok(await figure.locator('path[fill="none"]').count() >= 2, 'a produce TPS line per broker');
  await figure.getByRole('group').press('End');
  assert.match((await figure.locator('figcaption').textContent()) ?? '', /^At 1:30\.000: /);
  await screenshot('charts-en');
  await page.getByTestId('insight-tab-spacetime').click();
  const svg = page.getByTestId('spacetime-svg');
  await svg.locator('[data-kind="send"]').first().waitFor({ timeout: 20_000 });
  await waitForAnswer(page, 'spacetime');
  await screenshot('space-time-en');
  await page.getByTestId('language-zh').click();
  await page.getByRole('heading', { name: '时空图' }).waitFor();
  await screenshot('space-time-zh');
  await page.getByTestId('insight-tab-charts').click();
  await page.getByRole('heading', { name: '随时间变化的图表' }).waitFor();
  await screenshot('charts-zh');
  assert.deepEqual(consoleErrors, []);
}, { timeoutMs: 60_000, viewport: { width: 1280, height: 800 } });

test('the space-time diagram from the keyboard: Tab reaches its events, arrows walk them in time order, Enter moves the playhead there', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  await openPage(page, baseUrl, linkAt(30_000));
  await page.getByTestId('language-en').click();
  await page.getByTestId('insight-tab-spacetime').click();
  const svg = page.getByTestId('spacetime-svg');
  await svg.locator('[data-kind="send"]').first().waitFor({ timeout: 20_000 });
  await waitForAnswer(page, 'spacetime');
  await page.getByTestId('spacetime-window').focus();
  const focusedStroke = () => page.evaluate(() => document.activeElement?.getAttribute('data-stroke') ?? null);
  for (let i = 0; i < 5 && (await focusedStroke()) === null; i++) await page.keyboard.press('Tab');
  assert.notEqual(await focusedStroke(), null, 'Tab reaches the diagram');
  const label = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  assert.equal(await svg.locator('[tabindex="0"]').count(), 1, 'the diagram is one stop in the Tab order');
  await page.keyboard.press('Home');
  const first = await label();
  assert.match(first, /^0:25\.\d{3} \S+/);
  const names = [first];
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('ArrowRight');
    names.push(await label());
  }
  const times = names.map((name) => name.slice(0, 8));
  assert.deepEqual([...times].sort(), times, `in time order: ${names.join(' | ')}`);
  assert.equal(new Set(names).size, names.length);
  await waitForRest(page);
  assert.equal(await page.getByTestId('time-current').textContent(), '0:30.000', 'walking the events does not move the run');
  await screenshot('space-time-keyboard-en');
  const chosen = times.at(-1)!;
  await page.keyboard.press('Enter');
  await waitForTime(page, chosen);
  // The log marks the event at the playhead, and the focus stays on the diagram's stop.
  await page.locator('.rs-log-current .rs-log-time', { hasText: chosen }).first().waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('tabindex') === '0' && document.activeElement.hasAttribute('data-stroke'), undefined, { timeout: 10_000 });
  assert.deepEqual(await seriousViolations(page), [], 'axe finds nothing serious in the diagram made of buttons');
  assert.deepEqual(consoleErrors, []);
}, { timeoutMs: 120_000, viewport: { width: 1280, height: 800 } });
