import assert from 'node:assert/strict';
import { test } from './harness.ts';
import { currentTime, openPage, visibleNumbers, waitForFragment, waitForTime } from './shell-helpers.ts';

test('a shared link opens the same scenario at the same moment with the same numbers', async ({ page, context, baseUrl, consoleErrors }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  await openPage(page, baseUrl);
  await page.getByTestId('scenario-picker').selectOption('crash-partition-shutdown');
  await page.getByTestId('scrubber').focus();
  for (let i = 0; i < 7; i++) await page.keyboard.press('PageUp');
  await page.getByTestId('command-stepForward').click();
  const time = await currentTime(page);
  const before = await visibleNumbers(page);
  await page.getByTestId('share').click();
  await page.getByTestId('share-status').getByText('Link copied').waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#s=1\.[A-Za-z0-9+\-$]+\.[0-9a-f]{8}&t=\d+$/);
  assert.equal(link, page.url(), 'the address bar carries the same link');

  const fresh = await context.newPage();
  await fresh.goto(link, { waitUntil: 'networkidle' });
  await waitForTime(fresh, time);
  assert.equal(await fresh.getByTestId('scenario-picker').inputValue(), 'crash-partition-shutdown');
  assert.deepEqual(await visibleNumbers(fresh), before);
  assert.deepEqual(consoleErrors, []);
});

test('the address follows the run, so reloading returns to the same moment', async ({ page, baseUrl }) => {
  await openPage(page, baseUrl);
  await page.getByTestId('command-jumpForward10').click();
  await page.getByTestId('command-jumpForward10').click();
  const url = await waitForFragment(page, 20_000);
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'networkidle' });
  await waitForTime(page, '0:20.000');
  assert.equal(await page.getByRole('alert').count(), 0);
});

test('a damaged link opens the default scenario with a banner saying what was wrong', async ({ page, baseUrl, consoleErrors }) => {
  await openPage(page, baseUrl);
  await page.getByTestId('command-jumpForward10').click();
  const url = await waitForFragment(page, 10_000);
  const hash = url.slice(url.indexOf('#'));
  const at = 30;
  const damaged = `${hash.slice(0, at)}${hash[at] === 'Q' ? 'R' : 'Q'}${hash.slice(at + 1)}`;

  const second = await page.context().newPage();
  await openPage(second, baseUrl, damaged);
  const banner = second.getByRole('alert');
  await banner.waitFor();
  assert.match(await banner.textContent() ?? '', /This link is damaged/);
  assert.equal(await second.getByTestId('scenario-picker').inputValue(), 'write8-read4');
  assert.equal(await currentTime(second), '0:00.000');
  await second.getByRole('button', { name: 'Dismiss' }).click();
  await banner.waitFor({ state: 'detached' });

  const third = await page.context().newPage();
  await openPage(third, baseUrl, hash.slice(0, 40));
  assert.match(await third.getByRole('alert').textContent() ?? '', /cut short/);
  assert.deepEqual(consoleErrors, []);
});

test('nothing a link carries runs as code or blanks the page', async ({ page, baseUrl, consoleErrors }) => {
  await openPage(page, baseUrl, '#s=<img src=x onerror=alert(1)>&t=<script>');
  await page.getByRole('alert').waitFor();
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  await openPage(page, baseUrl, `#s=${'A'.repeat(70_000)}`);
  assert.match(await page.getByRole('alert').textContent() ?? '', /too long/);
  assert.deepEqual(consoleErrors, []);
});
