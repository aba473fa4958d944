import assert from 'node:assert/strict';
import { test } from './harness.ts';

test('the page at / loads, is titled RocketScope and logs no console errors', async ({
  page,
  baseUrl,
  consoleErrors,
  screenshot,
}) => {
  const response = await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
  assert.equal(response?.status(), 200, 'GET / answers 200');

  assert.match(await page.title(), /RocketScope/);
  await page.getByRole('heading', { name: /RocketScope/ }).first().waitFor({ state: 'visible' });

  await screenshot('smoke-1280');
  assert.deepEqual(consoleErrors, [], 'no console errors');
}, { viewport: { width: 1280, height: 800 } });
