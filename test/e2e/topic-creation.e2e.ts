import assert from 'node:assert/strict';
import { test } from './harness.ts';
import { openPage, waitForTime } from './shell-helpers.ts';

test('a topic created in broker mode (mqadmin updateTopic -b) appears on that broker only', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  await openPage(page, baseUrl);
  await page.getByTestId('command-jumpForward10').click();
  await page.getByTestId('command-jumpForward10').click();
  await waitForTime(page, '0:20.000');
  await page.getByTestId('edit').click();
  await page.getByTestId('create-topic-name').fill('TopicOnB');
  await page.getByTestId('create-topic-mode').selectOption('broker');
  await page.getByTestId('create-topic-target').selectOption('broker-b');
  await page.getByTestId('create-topic-write').fill('4');
  await page.getByTestId('create-topic-read').fill('4');
  await page.getByTestId('create-topic-apply').click();
  await page.getByTestId('mark-fork').waitFor();
  await page.getByTestId('command-jumpForward1').click();
  await waitForTime(page, '0:21.000');
  await page.getByTestId('queue-cell-TopicOnB-broker-b-3').waitFor();
  assert.equal(await page.locator('[data-testid^="queue-cell-TopicOnB-broker-b-"]').count(), 4);
  assert.equal(await page.locator('[data-testid^="queue-cell-TopicOnB-broker-a-"]').count(), 0);
  await page.getByTestId('queue-cell-TopicOnB-broker-b-0').scrollIntoViewIfNeeded();
  await screenshot('topic-created-broker-mode');
  assert.deepEqual(consoleErrors, []);
});
