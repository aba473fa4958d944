import assert from 'node:assert/strict';
import { test } from './harness.ts';
import { currentTime, jumpAndWait, openPage, waitForCard, waitForTime } from './shell-helpers.ts';

const QUEUE_5 = '[data-testid="canvas-queue-broker-a/0#5"]';

async function jumpTo20s(page: import('playwright-core').Page): Promise<void> {
  await jumpAndWait(page, 2);
}

test('write 8 / read 4: a message lands in queue 5 of broker-a and stays unconsumed; its card decodes both ids', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  await openPage(page, baseUrl);
  await jumpTo20s(page);
  const cell = page.locator(QUEUE_5);
  await cell.waitFor();
  // The browser's own accessible name (the cell's title, through aria-labelledby).
  const named = page.getByRole('button', { name: /^broker-a queue 5: \d+ messages, not consumed until readQueueNums is raised/ });
  assert.equal(await named.getAttribute('data-testid'), 'canvas-queue-broker-a/0#5');
  assert.ok(Number(await cell.getAttribute('data-count')) > 0);
  await cell.click();
  const first = page.getByTestId('queue-message').first();
  await first.waitFor();
  const msgId = ((await first.textContent()) ?? '').match(/[0-9A-F]{32}/)?.[0];
  assert.ok(msgId, 'the queue lists its latest messages by msgId');
  await first.click();
  const card = page.getByTestId('message-card');
  await waitForCard(page);
  assert.match((await card.getByTestId('card-msgid').textContent()) ?? '', /client IP[0-9A-F]{8}10\.0\.3\.1/);
  assert.match((await card.getByTestId('card-offsetmsgid').textContent()) ?? '', /store host[0-9A-F]{16}10\.0\.1\.1:10911/);
  assert.match((await card.getByTestId('card-sends').textContent()) ?? '', /sent to broker-a queue 5/);
  assert.match((await card.getByTestId('card-never').textContent()) ?? '', /readQueueNums \(4\)/);
  await screenshot('card-1280x800');
  // At 0:10 the card answers for 0:10: the message (one of queue 5's latest at 0:20) is not sent yet.
  await page.getByTestId('command-jumpBack10').click();
  await waitForTime(page, '0:10.000');
  await waitForCard(page);
  assert.equal(await card.getByTestId('card-sends').count(), 0);
  await card.getByText('This message has not been sent yet at this time.').waitFor({ timeout: 1_000 });
  // At 1:20 it is back, stored in queue 5, and still nobody has consumed it.
  await jumpAndWait(page, 7);
  assert.equal(await currentTime(page), '1:20.000');
  await waitForCard(page);
  assert.match((await card.getByTestId('card-sends').textContent()) ?? '', /sent to broker-a queue 5/);
  assert.equal(await card.getByTestId('card-consumption').locator('li', { hasText: 'consumed by' }).count(), 0);
  assert.match((await card.getByTestId('card-never').textContent()) ?? '', /Unconsumable.*readQueueNums \(4\)/);
  await screenshot('card-at-rest-en-1280x800');
  await page.getByTestId('language-zh').click();
  await card.getByText('无法消费', { exact: false }).first().waitFor();
  await screenshot('card-at-rest-zh-1280x800');
  assert.deepEqual(consoleErrors, []);
});

test('a click on the middle of a broker box opens its inspector, though message dots crowd the box', async ({ page, baseUrl, consoleErrors }) => {
  await openPage(page, baseUrl);
  // At 0:50 send dots drop onto broker-a's cells through the middle of its box (a learner's click there opened a message's card).
  await jumpAndWait(page, 5);
  await page.locator('[data-testid="topology-broker-broker-a/0"]').click();
  await page.getByTestId('inspector-close').waitFor();
  await page.locator('.rs-inspector').getByText('Broker broker-a/0', { exact: true }).waitFor();
  assert.equal(await page.getByTestId('message-card').count(), 0, 'no message card opened');
  assert.deepEqual(consoleErrors, []);
});

test('a link made with a message card open opens that card again at that moment; a damaged sel is ignored', async ({ page, context, baseUrl, consoleErrors }) => {
  await openPage(page, baseUrl);
  await jumpTo20s(page);
  await page.locator(QUEUE_5).click();
  const first = page.getByTestId('queue-message').first();
  await first.waitFor();
  const msgId = ((await first.textContent()) ?? '').match(/[0-9A-F]{32}/)![0];
  await first.click();
  await page.getByTestId('message-card').getByTestId('card-msgid').waitFor();
  await page.waitForFunction((id) => window.location.hash.includes(`&sel=m.${id}`), msgId, { timeout: 5_000 });
  const link = page.url();
  assert.match(link, /&t=20000&sel=m\.[0-9A-F]{32}$/);

  const fresh = await context.newPage();
  await openPage(fresh, baseUrl, link.slice(link.indexOf('#')));
  await waitForTime(fresh, '0:20.000');
  const card = fresh.getByTestId('message-card');
  await card.getByTestId('card-msgid').waitFor();
  assert.equal(await card.getByRole('heading', { level: 2 }).textContent(), `Message ${msgId}`);
  assert.match((await card.getByTestId('card-sends').textContent()) ?? '', /sent to broker-a queue 5/);

  for (const sel of ['m.NOT-A-MSGID', 'q.5.zz.62726f6b65722d61', 'b.', 'm.0A0A0A0A000000000000000000000000', '%3Cscript%3E']) {
    const damaged = await context.newPage();
    await openPage(damaged, baseUrl, `${link.slice(link.indexOf('#'), link.indexOf('&sel='))}&sel=${sel}`);
    await waitForTime(damaged, '0:20.000');
    assert.equal(await damaged.getByTestId('message-card').count(), 0, `sel=${sel} opens no card`);
    assert.equal(await damaged.getByRole('alert').count(), 0, `sel=${sel} raises no banner`);
    await damaged.close();
  }
  assert.deepEqual(consoleErrors, []);
});

test('the caption says what the stepped-to event means, and changes back when stepping back', async ({ page, baseUrl, consoleErrors }) => {
  await openPage(page, baseUrl);
  await jumpTo20s(page);
  const caption = page.getByTestId('caption');
  await caption.waitFor();
  const before = (await caption.textContent()) ?? '';
  assert.ok(before.length > 30);
  await page.getByTestId('command-stepForward').click();
  await page.waitForFunction((text) => document.querySelector('[data-testid="caption"]')?.textContent !== text, before);
  const after = (await caption.textContent()) ?? '';
  assert.notEqual(after, before);
  await page.getByTestId('command-stepBack').click();
  await page.waitForFunction((text) => document.querySelector('[data-testid="caption"]')?.textContent === text, before);
  await page.getByTestId('language-zh').click();
  await page.waitForFunction(() => /[\u4e00-\u9fff]/.test(document.querySelector('[data-testid="caption"]')?.textContent ?? ''));
  assert.deepEqual(consoleErrors, []);
});

for (const language of ['en', 'zh'] as const) {
  test(`presentation mode on a 1280x800 projector (${language}): the topology, drawn larger, is scrolled on screen whole with its legend under the playback bar, and nothing runs off the side`, async ({ page, baseUrl, consoleErrors, screenshot }) => {
    await openPage(page, baseUrl);
    if (language === 'zh') await page.getByTestId('language-zh').click();
    await jumpTo20s(page);
    await page.locator(QUEUE_5).waitFor();
    const scaleOnPage = Number(await page.locator('.rs-topology-stage').getAttribute('data-scale'));
    await page.keyboard.press('p');
    await page.locator('.rs-app.rs-presenting').waitFor();
    // The panel is drawn larger first, then scrolled to: wait until the drawing and its legend are on screen.
    await page.waitForFunction((before) => {
      const stage = document.querySelector('.rs-topology-stage');
      const legend = document.querySelector('.rs-topology-legend');
      return stage !== null && legend !== null && Number(stage.getAttribute('data-scale')) > before && legend.getBoundingClientRect().bottom <= window.innerHeight;
    }, scaleOnPage);
    const bar = await rectOf(page, '.rs-controls');
    assert.ok(bar.top >= 0 && bar.bottom <= 120, `the playback bar stays at the top (y ${bar.top}-${bar.bottom})`);
    const panel = await rectOf(page, '.rs-topology');
    assert.ok(panel.top >= bar.bottom, `the panel (from y ${panel.top}) is not under the bar`);
    assert.ok(await page.locator('[data-testid="canvas-queue-broker-b/0#7"]').isVisible(), 'the last queue cell is drawn');
    assert.deepEqual(await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]), [1280, 1280]);
    await screenshot(`present-${language}-1280x800`);
    assert.deepEqual(consoleErrors, []);
  }, { viewport: { width: 1280, height: 800 } });
}

for (const viewport of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }, { width: 390, height: 844 }]) {
  const size = `${viewport.width}x${viewport.height}`;
  test(`the queues on the canvas at ${size}${viewport.width >= 1280 ? ', inside the viewport without scrolling' : ''}; screenshots in English and Chinese`, async ({ page, baseUrl, consoleErrors, screenshot }) => {
    await openPage(page, baseUrl);
    await jumpTo20s(page);
    await page.locator(QUEUE_5).waitFor();
    if (viewport.width >= 1280) {
      const cells = page.locator('[data-testid^="canvas-queue-"]');
      assert.equal(await cells.count(), 16);
      for (const box of await cells.evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().toJSON() as DOMRect))) {
        assert.ok(box.top >= 0 && box.bottom <= viewport.height, `a queue cell at y ${box.top}-${box.bottom} is outside the ${size} viewport`);
      }
      const log = await page.getByTestId('log-row').first().boundingBox();
      assert.ok(log && log.y + log.height <= viewport.height, 'the event log (the scenario\'s other focus) starts on screen');
    }
    await screenshot(`canvas-en-${size}`);
    await page.getByTestId('language-zh').click();
    await page.getByTestId('caption').waitFor();
    await screenshot(`canvas-zh-${size}`);
    assert.deepEqual(consoleErrors, []);
  }, { viewport });
}

/** The rectangle of an element on screen. */
async function rectOf(page: import('playwright-core').Page, selector: string): Promise<DOMRect> {
  return page.locator(selector).first().evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
}

for (const language of ['en', 'zh'] as const) {
  test(`at 1280x800 an open card hides neither the consumers nor the time, and its id tables' columns do not overlap (${language})`, async ({ page, baseUrl, consoleErrors, screenshot }) => {
    await openPage(page, baseUrl);
    if (language === 'zh') await page.getByTestId('language-zh').click();
    await jumpTo20s(page);
    await page.locator(QUEUE_5).click();
    await page.getByTestId('queue-message').first().click();
    await page.getByTestId('message-card').getByTestId('card-msgid').waitFor();
    await page.locator('.rs-card.rs-card-docked').waitFor();
    const card = await rectOf(page, '[data-testid="message-card"]');
    for (const consumer of ['c-1', 'c-2']) {
      const box = await rectOf(page, `[data-testid="topology-client-${consumer}"]`);
      assert.ok(box.right <= card.left, `${consumer} (x ${box.left}-${box.right}) is not under the card (from x ${card.left})`);
      assert.ok(box.bottom <= 800, `${consumer} is on screen`);
    }
    const time = await rectOf(page, '[data-testid="time-current"]');
    assert.ok(time.bottom <= card.top, 'the time is above the card');
    assert.ok(card.bottom <= 800 && card.right <= 1280, 'the card is inside the viewport');
    // Each cell's text fits its column: nothing runs into the next one.
    const overflowing = await page.locator('.rs-card-ids th, .rs-card-ids td').evaluateAll((cells) =>
      cells.filter((cell) => cell.scrollWidth > cell.clientWidth + 1).map((cell) => cell.textContent));
    assert.deepEqual(overflowing, []);
    await screenshot(`card-docked-${language}-1280x800`);
    assert.deepEqual(consoleErrors, []);
  });
}

test('at 1920x1080 the topology is drawn larger, with its legend still on screen; presentation mode makes it larger still', async ({ page, baseUrl, consoleErrors }) => {
  await openPage(page, baseUrl);
  await jumpTo20s(page);
  await page.locator(QUEUE_5).waitFor();
  const stage = page.locator('.rs-topology-stage');
  const labelSize = () => page.locator('[data-testid="topology-labels"] .rs-node-label').first().evaluate((element) => element.getBoundingClientRect().height);
  const scale = Number(await stage.getAttribute('data-scale'));
  assert.ok(scale >= 1.2, `drawn ${scale}x its layout`);
  const legend = await rectOf(page, '.rs-topology-legend');
  assert.ok(legend.bottom <= 1080, `the legend ends at y ${legend.bottom}`);
  const size = await labelSize();
  await page.keyboard.press('p');
  await page.locator('.rs-app.rs-presenting').waitFor();
  await page.waitForFunction(() => Number(document.querySelector('.rs-topology-stage')?.getAttribute('data-scale')) >= 1.5);
  assert.ok(await labelSize() > size, 'the canvas labels grow in presentation mode');
  assert.deepEqual(consoleErrors, []);
}, { viewport: { width: 1920, height: 1080 } });

for (const viewport of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }, { width: 390, height: 844 }]) {
  const size = `${viewport.width}x${viewport.height}`;
  test(`controller mode at ${size}: after the election broker-a/1 is drawn as the master with the queues, broker-a/0 as the old master; screenshots in English and Chinese`, async ({ page, baseUrl, consoleErrors, screenshot }) => {
    await openPage(page, baseUrl);
    await page.getByTestId('scenario-picker').selectOption('controller-failover');
    await jumpAndWait(page, 7);
    const newMaster = page.getByTestId('topology-broker-broker-a/1');
    await page.locator('[data-testid^="canvas-queue-broker-a/1#"]').first().waitFor();
    assert.match((await newMaster.getAttribute('aria-label')) ?? '', /^broker-a\/1 · master · brokerId 0 /);
    assert.match((await page.getByTestId('topology-broker-broker-a/0').getAttribute('aria-label')) ?? '', /^broker-a\/0 · old master /);
    assert.equal(await page.locator('[data-testid^="canvas-queue-broker-a/0#"]').count(), 0);
    await newMaster.scrollIntoViewIfNeeded();
    await screenshot(`controller-en-${size}`);
    await page.getByTestId('language-zh').click();
    await page.waitForFunction(() => /^broker-a\/1 · Master/.test(document.querySelector('[data-testid="topology-broker-broker-a/1"]')?.getAttribute('aria-label') ?? ''));
    await newMaster.scrollIntoViewIfNeeded();
    await screenshot(`controller-zh-${size}`);
    assert.deepEqual(consoleErrors, []);
  }, { viewport });
}
