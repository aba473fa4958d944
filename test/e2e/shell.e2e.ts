import assert from 'node:assert/strict';
import { test } from './harness.ts';
import { currentTime, jumpAndWait, moveAndWait, openPage, parseTime, stepAndWait, visibleNumbers, waitForFragment, waitForFrames, waitForRest, waitForTime } from './shell-helpers.ts';

test('the page opens on "Write 8 / read 4" with its description and no console errors', async ({ page, baseUrl, consoleErrors }) => {
  await openPage(page, baseUrl);
  assert.equal(await page.getByTestId('scenario-picker').inputValue(), 'write8-read4');
  assert.match(await page.getByTestId('scenario-description').textContent() ?? '', /Not consumable count/);
  assert.equal(await currentTime(page), '0:00.000');
  assert.equal(await page.getByTestId('time-total').textContent(), '3:00.000');
  for (const name of ['Summary', 'Topology', 'Queues', 'NameServers', 'Inspector', 'Event log']) {
    await page.getByRole('heading', { name, exact: true }).first().waitFor({ state: 'visible' });
  }
  assert.equal(await page.getByRole('alert').count(), 0, 'no banner');
  assert.deepEqual(consoleErrors, []);
});

test('play advances the time and pause stops it', async ({ page, baseUrl, consoleErrors }) => {
  await openPage(page, baseUrl);
  await page.getByTestId('command-togglePlay').click();
  // Several virtual seconds go by while playing, however slowly this machine draws its frames.
  await page.waitForFunction(() => {
    const match = /^(\d+):(\d{2})\.(\d{3})$/.exec(document.querySelector('[data-testid="time-current"]')?.textContent ?? '');
    return match !== null && Number(match[1]) * 60_000 + Number(match[2]) * 1_000 + Number(match[3]) > 2_000;
  }, undefined, { timeout: 20_000 });
  await page.getByTestId('command-togglePlay').click();
  // The worker still answers the moves sent before the click: the time may move until it has.
  await waitForRest(page);
  const paused = await currentTime(page);
  assert.ok(parseTime(paused) > 2_000);
  await waitForFrames(page, 30);
  assert.equal(await currentTime(page), paused, 'the time stays put once paused');
  assert.deepEqual(consoleErrors, []);
});

test('pausing shows the summary and queues of the paused time, as a link to that time does', async ({ page, baseUrl }) => {
  await openPage(page, baseUrl);
  await page.getByTestId('command-togglePlay').click();
  await page.waitForFunction(() => {
    const match = /^(\d+):(\d{2})\.(\d{3})$/.exec(document.querySelector('[data-testid="time-current"]')?.textContent ?? '');
    return match !== null && Number(match[1]) * 60_000 + Number(match[2]) * 1_000 + Number(match[3]) > 3_000;
  }, undefined, { timeout: 20_000 });
  await page.getByTestId('command-togglePlay').click();
  // Play frames leave the summary out: at rest, the page shows the one the pause brought.
  const paused = await visibleNumbers(page);
  await waitForFragment(page, parseTime(paused.time!));
  await page.reload({ waitUntil: 'networkidle' });
  await waitForTime(page, paused.time!);
  assert.deepEqual(await visibleNumbers(page), paused);
});

test('one step forward then one step back shows the same time and numbers', async ({ page, baseUrl }) => {
  await openPage(page, baseUrl);
  await page.getByTestId('command-jumpForward10').click();
  await waitForTime(page, '0:10.000');
  await stepAndWait(page, 'forward');
  const before = await visibleNumbers(page);
  await stepAndWait(page, 'forward');
  const after = await visibleNumbers(page);
  assert.ok(parseTime(after.time!) > parseTime(before.time!), 'the step moved forward');
  await stepAndWait(page, 'back');
  assert.deepEqual(await visibleNumbers(page), before);
});

test('the scrubber moves the playhead anywhere in the run', async ({ page, baseUrl }) => {
  await openPage(page, baseUrl);
  const box = (await page.getByTestId('scrubber').boundingBox())!;
  const middle = parseTime(await moveAndWait(page, () => page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)));
  assert.ok(Math.abs(middle - 90_000) < 4_000, `a click in the middle lands near 1:30 (got ${middle} ms)`);
  await page.getByTestId('scrubber').focus();
  await page.keyboard.press('End');
  await waitForTime(page, '3:00.000');
  await page.keyboard.press('Home');
  await waitForTime(page, '0:00.000');
});

test('write 8 / read 4: never-consumable messages pile up in queues 4-7 and only there', async ({ page, baseUrl }) => {
  await openPage(page, baseUrl);
  const count = async (broker: string, queueId: number) =>
    Number(await page.getByTestId(`queue-cell-TopicTest-${broker}-${queueId}`).getByTestId('queue-count').textContent());
  const total = async () => Number(await page.getByTestId('never-consumable-total').textContent());
  await page.getByTestId('scrubber').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageUp');
  await waitForTime(page, '0:30.000');
  const early = { total: await total(), queues: await Promise.all([4, 5, 6, 7].map((q) => count('broker-a', q))) };
  for (let i = 0; i < 6; i++) await page.keyboard.press('PageUp');
  await waitForTime(page, '1:30.000');
  const later = { total: await total(), queues: await Promise.all([4, 5, 6, 7].map((q) => count('broker-a', q))) };
  assert.ok(early.total > 0, 'some messages are already never consumable at 0:30');
  assert.ok(later.total > early.total, `the total grows (${early.total} -> ${later.total})`);
  later.queues.forEach((n, i) => assert.ok(n > early.queues[i]!, `queue ${i + 4} grows`));
  for (const queueId of [4, 5, 6, 7]) {
    assert.equal(await page.getByTestId(`queue-cell-TopicTest-broker-b-${queueId}`).getAttribute('data-readable'), 'false');
  }
  assert.equal(await page.getByTestId('queue-cell-TopicTest-broker-a-0').getAttribute('data-readable'), 'true');
});

test('keyboard: Space plays and pauses, arrows step and jump, ? shows the help, typing is left alone', async ({ page, baseUrl }) => {
  await openPage(page, baseUrl);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  const paused = await moveAndWait(page, async () => {
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('[data-testid="time-current"]')?.textContent !== '0:00.000');
    await page.keyboard.press('Space');
  });
  await page.keyboard.press('Home');
  await waitForTime(page, '0:00.000');
  assert.notEqual(paused, '0:00.000');
  await page.keyboard.press('Shift+ArrowRight');
  await waitForTime(page, '0:10.000');
  await page.keyboard.press('Alt+ArrowRight');
  await waitForTime(page, '0:11.000');
  const stepped = parseTime(await moveAndWait(page, () => page.keyboard.press('ArrowRight')));
  assert.ok(stepped > 11_000 && stepped < 12_000, `→ steps to the next event (${stepped} ms)`);
  await moveAndWait(page, () => page.keyboard.press('ArrowLeft'));
  await page.keyboard.press('+');
  assert.equal(await page.getByTestId('speed-value').textContent(), '20x');
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  assert.equal(await page.getByTestId('speed-value').textContent(), '5x');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await help.waitFor({ state: 'visible' });
  assert.ok((await help.getByRole('row').count()) >= 11);
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'hidden' });
  // Typing in the JSON editor types; it does not play or step.
  await page.getByTestId('edit').click();
  await page.getByTestId('editor-tab-json').click();
  const before = await currentTime(page);
  await page.getByTestId('json-editor').focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' ?+');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowLeft');
  // Had a key moved the run, the page would be waiting for the worker's frame: wait, then compare.
  await waitForRest(page);
  assert.equal(await currentTime(page), before);
  assert.equal(await page.getByTestId('speed-value').textContent(), '5x');
  assert.equal(await help.count(), 0);
});

test('the language toggle switches the shell to Chinese', async ({ page, baseUrl }) => {
  await openPage(page, baseUrl);
  await page.getByTestId('language-zh').click();
  await page.getByRole('button', { name: '播放' }).waitFor();
  assert.match(await page.getByTestId('scenario-description').textContent() ?? '', /readQueueNums/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-Hans');
});

test('clicking a broker shows its details at the top of the side column, on screen at 1280x800; closing it gives the place back to the event log and focus back to the box', async ({ page, baseUrl, consoleErrors, screenshot }) => {
  await openPage(page, baseUrl);
  await jumpAndWait(page, 1);
  const firstSide = () => page.locator('.rs-column-side > *').first().locator('h2').first().textContent();
  assert.equal(await firstSide(), 'Event log');
  const broker = page.getByTestId('topology-broker-broker-a/0');
  // At its name's left end, away from the dots landing in its queues (a click on a dot opens the message's card).
  await broker.click({ position: { x: 12, y: 8 } });
  const inspector = page.getByRole('heading', { name: 'Broker broker-a/0', exact: true });
  await inspector.waitFor({ state: 'visible' });
  assert.equal(await firstSide(), 'Inspector');
  const box = await inspector.boundingBox();
  assert.ok(box !== null && box.y >= 0 && box.y + box.height <= 800, `the broker's details are on screen (y ${box?.y})`);
  // Focus went with the click to the details (a keyboard user is there at once, not 37 Tabs away).
  await page.waitForFunction(() => document.activeElement?.textContent === 'Broker broker-a/0');
  await screenshot('inspector-broker-1280x800');
  await page.getByTestId('inspector-close').click();
  await page.waitForFunction(() => document.querySelector('.rs-column-side > * h2')?.textContent === 'Event log');
  // Focus goes back to the box that was clicked, not to the page's body with the button gone.
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'topology-broker-broker-a/0');
  assert.deepEqual(consoleErrors, []);
});
