import assert from 'node:assert/strict';
import { test } from './harness.ts';
import { jumpAndWait, openPage, stepAndWait, visibleNumbers, waitForRest, waitForTime } from './shell-helpers.ts';

test('a knob changed at 1:00 forks the run there: same moment, a fork marker, the change in effect, the past unchanged', async ({ page, baseUrl, consoleErrors }) => {
  await openPage(page, baseUrl);
  await page.getByTestId('scrubber').focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('PageUp');
  await waitForTime(page, '1:00.000');
  await page.keyboard.press('ArrowLeft');
  await waitForTime(page, '0:59.000');
  const pastBefore = await visibleNumbers(page);
  await page.keyboard.press('ArrowRight');
  await waitForTime(page, '1:00.000');
  assert.notEqual(await page.getByTestId('never-consumable-total').textContent(), '0');

  await page.getByTestId('edit').click();
  await page.getByTestId('knob-topics-TopicTest-readQueueNums').fill('8');
  await page.getByTestId('apply-knobs').click();
  await waitForTime(page, '1:00.000');
  await page.getByTestId('mark-fork').waitFor();
  assert.match(await page.getByTestId('mark-fork').getAttribute('title') ?? '', /1:00\.000/);
  assert.equal(await page.getByTestId('scenario-picker').inputValue(), '', 'the picker shows "your scenario"');
  assert.equal(await page.getByTestId('queue-cell-TopicTest-broker-a-6').getAttribute('data-readable'), 'true');
  assert.equal(await page.getByTestId('never-consumable-total').textContent(), '0');

  await page.getByTestId('scrubber').focus();
  await page.keyboard.press('ArrowLeft');
  await waitForTime(page, '0:59.000');
  assert.deepEqual(await visibleNumbers(page), pastBefore, 'before the fork the run is what it was');
  assert.deepEqual(consoleErrors, []);
});

test('a fault added now shows on the scrubber as a fork and takes effect', async ({ page, baseUrl }) => {
  await openPage(page, baseUrl);
  // A fault is added at the playhead shown: on a busy machine the 20 s seek may still be under
  // way when the fault is added, and the run would fork where it had got to.
  await jumpAndWait(page, 2);
  await page.getByTestId('edit').click();
  await page.getByTestId('fault-action').selectOption('crashBroker');
  await page.getByTestId('fault-target').selectOption('broker-b');
  await page.getByTestId('add-fault').click();
  await waitForTime(page, '0:20.000');
  assert.equal(await page.getByTestId('mark-fault').count(), 0);
  assert.match(await page.getByTestId('mark-fork').getAttribute('title') ?? '', /0:20\.000 · your change .*: broker-b crashes \(crashBroker\)/);
  await page.getByTestId('command-jumpForward1').click();
  // The NameServer panel shows 0:20 until the worker's frame of 0:21 arrives.
  await waitForTime(page, '0:21.000');
  await page.getByTestId('ns-broker-ns-1-broker-a-0').waitFor();
  assert.equal(await page.getByTestId('ns-broker-ns-1-broker-b-0').count(), 0, 'ns-1 dropped the crashed broker');
});

test('the JSON editor lists problems by path and Apply rebuilds the run', async ({ page, baseUrl }) => {
  await openPage(page, baseUrl);
  await page.getByTestId('edit').click();
  await page.getByTestId('editor-tab-json').click();
  const editor = page.getByTestId('json-editor');
  const text = await editor.inputValue();
  await editor.fill(text.replace('"readQueueNums": 4', '"readQueueNums": 0'));
  const errors = page.getByTestId('json-errors');
  await errors.waitFor();
  assert.match(await errors.textContent() ?? '', /topics\[0\]\.readQueueNums/);
  assert.equal(await page.getByTestId('apply-json').isDisabled(), true);
  await editor.fill(text.replace('"readQueueNums": 4', '"readQueueNums": 8'));
  await errors.waitFor({ state: 'detached' });
  await page.getByTestId('apply-json').click();
  await page.getByTestId('command-jumpForward10').click();
  // The rebuilt run reaches the page with the worker's first frame: wait for it, then read.
  await waitForTime(page, '0:10.000');
  assert.equal(await page.getByTestId('queue-cell-TopicTest-broker-a-7').getAttribute('data-readable'), 'true');
});

test('an uploaded file with problems is not played: its problems are listed by path', async ({ page, baseUrl }) => {
  await openPage(page, baseUrl);
  const bad = JSON.stringify({ version: 1, durationMs: -5, topics: [{ name: 'T', writeQueueNums: 'eight' }] });
  await page.getByTestId('upload-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
  assert.match(await page.getByRole('alert').first().textContent() ?? '', /broken\.json was not opened/);
  const errors = await page.getByTestId('json-errors').textContent() ?? '';
  assert.match(errors, /durationMs/);
  assert.match(errors, /topics\[0\]\.writeQueueNums/);
  assert.equal(await page.getByTestId('scenario-picker').inputValue(), 'write8-read4');

  const good = JSON.stringify({ version: 1, name: 'Tiny', durationMs: 30_000, nameServers: [{ id: 'ns-1' }], brokers: [{ name: 'broker-a' }], topics: [{ name: 'T', cluster: 'DefaultCluster' }] });
  await page.getByTestId('upload-input').setInputFiles({ name: 'tiny.json', mimeType: 'application/json', buffer: Buffer.from(good) });
  await page.getByTestId('time-total').getByText('0:30.000').waitFor();
});

test('Download JSON saves the scenario as written', async ({ page, baseUrl }) => {
  await openPage(page, baseUrl);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  assert.equal(download.suggestedFilename(), 'write-8-read-4.json');
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  const saved = JSON.parse(await readFile(path, 'utf8'));
  assert.equal(saved.name, 'Write 8 / read 4');
  assert.equal(saved.topics[0].readQueueNums, 4);
});

test('a fault added at 0:00 on a fresh page is an ordinary fault: the panels draw it, and steps cross 0:00', async ({ page, baseUrl, consoleErrors }) => {
  await openPage(page, baseUrl);
  await page.getByTestId('edit').click();
  await page.getByTestId('fault-action').selectOption('crashBroker');
  await page.getByTestId('fault-target').selectOption('broker-b');
  await page.getByTestId('add-fault').click();
  await waitForTime(page, '0:00.000');
  await page.getByTestId('command-jumpForward10').click();
  await waitForTime(page, '0:10.000');
  await page.getByTestId('command-restart').click();
  await waitForTime(page, '0:00.000');
  await stepAndWait(page, 'forward');
  await page.getByTestId('command-stepBack').click();
  await page.getByTestId('command-stepBack').click();
  await waitForTime(page, '0:00.000');
  const body = (await page.locator('body').textContent()) ?? '';
  assert.doesNotMatch(body, /could not be drawn/);
  assert.match(body, /crashBroker/);
  assert.equal(await page.getByTestId('ns-broker-ns-1-broker-b-0').count(), 0, 'no NameServer ever hears of broker-b');
  assert.deepEqual(consoleErrors, []);
});

// At 1280x800 the Apply button sits at the window's foot: scrolled down to reach it, the page hid
// the counters the edit changes, the "unconsumable" count among them.
test('an edit applied from the editor leaves the counters it changes in sight, under the playback bar', async ({ page, baseUrl, consoleErrors }) => {
  await openPage(page, baseUrl);
  await page.getByTestId('scrubber').focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('PageUp');
  await waitForTime(page, '1:00.000');
  await page.getByTestId('edit').click();
  await page.getByTestId('knob-topics-TopicTest-readQueueNums').fill('8');
  const apply = page.getByTestId('apply-knobs');
  await apply.scrollIntoViewIfNeeded();
  assert.ok(await page.evaluate(() => window.scrollY) > 0, 'the Apply button was in sight without a scroll: the test shows nothing');
  await apply.click();
  await waitForRest(page);
  // The run is drawn again over a few frames: the counter comes under the bar once they are drawn.
  await page.waitForFunction(() => {
    const [bar, counter] = ['controls', 'summary-neverConsumable'].map((id) => document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect());
    return bar !== undefined && counter !== undefined && counter.top >= bar.bottom && counter.bottom <= window.innerHeight;
  }, undefined, { timeout: 5_000 }).catch(() => undefined);
  const [bar, counter] = await Promise.all([page.getByTestId('controls'), page.getByTestId('summary-neverConsumable')].map((locator) => locator.boundingBox()));
  assert.ok(counter!.y >= bar!.y + bar!.height && counter!.y + counter!.height <= 800, `the unconsumable counter at ${JSON.stringify(counter)}, the bar at ${JSON.stringify(bar)}`);
  assert.deepEqual(consoleErrors, []);
});
