import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { test } from './harness.ts';
import { openPage, waitForRest } from './shell-helpers.ts';

/** Opens a built-in scenario at its end. */
async function openAtEnd(page: Page, baseUrl: string, scenarioId: string): Promise<void> {
  await openPage(page, baseUrl);
  await page.getByTestId('scenario-picker').selectOption(scenarioId);
  await page.getByTestId('scrubber').focus();
  await page.keyboard.press('End');
  await waitForRest(page);
}

/** Opens a built-in scenario at its end and reads the failover view's detection list. */
async function detectionsAtEnd(page: Page, baseUrl: string, scenarioId: string): Promise<string[]> {
  await openAtEnd(page, baseUrl, scenarioId);
  const faults = page.getByTestId('failover-faults');
  await faults.waitFor();
  await faults.scrollIntoViewIfNeeded();
  return faults.locator('[data-testid="failover-detections"] li').allTextContents();
}

test('the failover view lists who noticed each broker fault, with the arithmetic, in English and Chinese', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  const items = await detectionsAtEnd(page, baseUrl, 'crash-partition-shutdown');
  // broker-a crashed at 60 s: both NameServers drop it one hop later (channelClosed), 1 ms plus up to 1 ms of jitter, said in ms.
  assert.ok(items.some((text) => /^ns-1 removed broker-a\/0 at 1:00\.00[12]: its connection closed \([12]\sms after the fault\)$/.test(text)), items.join('\n'));
  // broker-b was partitioned at 90 s after registering at 70 s: the idle close at 70 s + 120 s.
  assert.ok(items.some((text) => /^ns-2 removed broker-b\/0 at 3:10\.0\d\d: its channel was idle for 120\ss since 1:10\.0\d\d$/.test(text)), items.join('\n'));
  assert.ok(items.some((text) => /^ns-1 removed broker-c\/0 at 4:00\.0\d\d: it unregistered/.test(text)), items.join('\n'));
  await screenshot('failover-view');
  await page.getByTestId('language-zh').click();
  await page.getByText(/^ns-2 在 3:10\.0\d\d 移除了 broker-b\/0：它的连接自 1:10\.0\d\d 起空闲了 120\s秒/).waitFor();
  assert.deepEqual(consoleErrors, []);
});

test('controller mode: the failover view reads the controller\'s election with its arithmetic, in English and Chinese', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  const items = await detectionsAtEnd(page, baseUrl, 'controller-failover');
  // Partitioned at 30.5 s, its last heartbeat at 30.0 s: silent over 10 s at the 42.0 s scan.
  assert.ok(items.some((text) => /^controller ns-1\/controller elected broker-a\/1 as master at 0:42\.0\d\d: broker-a\/0 silent for 12\ss since 0:30\.0\d\d \(over 10\ss\), found by the heartbeat scan every 5\ss$/.test(text)), items.join('\n'));
  assert.ok(items.some((text) => text.startsWith('broker-a/1 became master (brokerId 0) at 0:42.0')), items.join('\n'));
  await screenshot('failover-controller-en');
  await page.getByTestId('language-zh').click();
  const election = page.getByText(/^Controller ns-1\/controller 在 0:42\.0\d\d 选举 broker-a\/1 为 Master：broker-a\/0 自 0:30\.0\d\d 起 12\s秒没有心跳（超过 10\s秒），被每 5\s秒一次的心跳扫描发现/);
  await election.waitFor();
  await election.scrollIntoViewIfNeeded();
  await screenshot('failover-controller-zh');
  assert.deepEqual(consoleErrors, []);
});

/** How far the "who believes what" table sticks out of its box, in pixels (0: it fits). */
async function beliefsOverflow(page: Page): Promise<number> {
  const table = page.getByTestId('failover-beliefs');
  await table.scrollIntoViewIfNeeded();
  return table.evaluate((element) => {
    const box = element.parentElement!;
    return Math.max(box.scrollWidth - box.clientWidth, element.getBoundingClientRect().right - box.getBoundingClientRect().right);
  });
}

test('"who believes what" fits the side column at 1280x800 without a sideways scroll, in English and Chinese', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  // The most believers (read8-write4: 2 NameServers and 5 clients) and the most brokers (master-loss-sync-async: 4).
  for (const scenarioId of ['crash-partition-shutdown', 'read8-write4', 'master-loss-sync-async']) {
    await openAtEnd(page, baseUrl, scenarioId);
    await page.getByRole('columnheader', { name: 'NameServer / client' }).waitFor();
    assert.equal(await beliefsOverflow(page), 0, `${scenarioId} in English`);
    if (scenarioId === 'crash-partition-shutdown') await screenshot('failover-beliefs-en-1280x800');
    await page.getByTestId('language-zh').click();
    await page.getByRole('columnheader', { name: 'NameServer / 客户端' }).waitFor();
    assert.equal(await beliefsOverflow(page), 0, `${scenarioId} in Chinese`);
    if (scenarioId === 'crash-partition-shutdown') {
      await screenshot('failover-beliefs-zh-1280x800');
      // Each cell still says in words what its mark means (broker-a came back at 120 s).
      assert.equal(await page.getByTestId('belief-broker-a/0-ns-1').getAttribute('title'), '有（brokerId 0）');
    }
    await page.getByTestId('language-en').click();
  }
  assert.deepEqual(consoleErrors, []);
});

test('the scrubber marks when each fault showed itself, ahead of the playhead; a mark takes the run there, where the failover view tells it', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  await openPage(page, baseUrl);
  await page.getByTestId('scenario-picker').selectOption('crash-partition-shutdown');
  // Found by the worker's look ahead while the playhead stays at 0:00. ns-1 heard broker-b's last
  // registration a millisecond before ns-2 in this run (the hop's jitter), so its removal is the first sign.
  const removal = page.locator('[data-testid="mark-sign"][title^="ns-1 removed broker-b/0"]');
  await removal.waitFor();
  const title = (await removal.getAttribute('title'))!;
  const match = /^ns-1 removed broker-b\/0 at (3:10\.0\d\d): its channel was idle for 120\ss since 1:10\.0\d\d$/.exec(title);
  assert.ok(match, title);
  // The ring is on a row of its own, under the faults' bars: nothing covers it.
  const box = (await removal.boundingBox())!;
  const onTop = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.getAttribute('title'), [box.x + box.width / 2, box.y + box.height / 2]);
  assert.equal(onTop, title);
  await removal.click();
  await waitForRest(page);
  assert.equal(await page.getByTestId('time-current').textContent(), match[1]);
  const faults = page.getByTestId('failover-faults');
  await faults.scrollIntoViewIfNeeded();
  // The view tells the removal the mark names on a line of its own (ns-2's comes a millisecond later).
  await faults.getByText(title).waitFor();
  await screenshot('sign-mark');
  assert.deepEqual(consoleErrors, []);
});
