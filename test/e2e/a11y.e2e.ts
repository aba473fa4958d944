import assert from 'node:assert/strict';
import { seriousViolations } from './axe.ts';
import { test } from './harness.ts';
import { currentTime, jumpAndWait, moveAndWait, openPage, waitForRest, waitForTime } from './shell-helpers.ts';

/** axe reads the whole page: on a busy two-core machine one pass can take many seconds. */
const AXE_TEST = { timeoutMs: 120_000 };

test('axe: the default page in English has no serious or critical violation', async ({ page, baseUrl }) => {
  await openPage(page, baseUrl);
  await page.getByTestId('command-jumpForward10').click();
  await waitForRest(page);
  assert.deepEqual(await seriousViolations(page), []);
}, AXE_TEST);

test('axe: the default page in Chinese has no serious or critical violation', async ({ page, baseUrl }) => {
  await openPage(page, baseUrl);
  await page.getByTestId('language-zh').click();
  await page.getByRole('button', { name: '播放' }).waitFor();
  assert.deepEqual(await seriousViolations(page), []);
}, AXE_TEST);

test('axe: the editor open has no serious or critical violation', async ({ page, baseUrl }) => {
  await openPage(page, baseUrl);
  await page.getByTestId('edit').click();
  await page.getByTestId('editor').waitFor();
  assert.deepEqual(await seriousViolations(page), []);
  await page.getByTestId('editor-tab-json').click();
  await page.getByTestId('json-editor').waitFor();
  assert.deepEqual(await seriousViolations(page), []);
}, AXE_TEST);

test('axe: the message card open has no serious or critical violation', async ({ page, baseUrl }) => {
  await openPage(page, baseUrl);
  for (let i = 0; i < 2; i++) await page.getByTestId('command-jumpForward10').click();
  await waitForRest(page);
  await page.locator('[data-testid="canvas-queue-broker-a/0#5"]').click();
  await page.getByTestId('queue-message').first().click();
  await page.getByTestId('message-card').getByTestId('card-msgid').waitFor();
  assert.deepEqual(await seriousViolations(page), []);
}, AXE_TEST);

test('language: 中文 chosen on the page is still 中文 after a reload and on a new visit; a link\'s lang wins for that visit', async ({ page, context, baseUrl }) => {
  await openPage(page, baseUrl);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.getByTestId('language-zh').click();
  await page.getByRole('button', { name: '播放' }).waitFor();
  await page.reload({ waitUntil: 'networkidle' });
  await page.getByRole('button', { name: '播放' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-Hans');
  assert.equal(await page.getByTestId('language-zh').getAttribute('aria-pressed'), 'true');
  // A new visit without the run's address still opens in the remembered language.
  const second = await context.newPage();
  await openPage(second, baseUrl);
  await second.getByRole('button', { name: '播放' }).waitFor();
  // A link that says lang=en opens in English, and does not change what the learner chose.
  const third = await context.newPage();
  await openPage(third, baseUrl, '#lang=en');
  await third.getByRole('button', { name: 'Play' }).waitFor();
  assert.equal(await third.evaluate(() => window.localStorage.getItem('rocketscope.language')), 'zh');
});

test('language: a link\'s ?lang=zh opens in 中文 for that visit only, taken off the address, so a reload after choosing English stays English', async ({ page, baseUrl }) => {
  await page.goto(`${baseUrl}/?lang=zh`, { waitUntil: 'networkidle' });
  await waitForRest(page);
  await page.getByRole('button', { name: '播放' }).waitFor();
  assert.equal(new URL(page.url()).searchParams.has('lang'), false);
  await page.getByTestId('language-en').click();
  await page.getByRole('button', { name: 'Play' }).waitFor();
  await page.reload({ waitUntil: 'networkidle' });
  await page.getByRole('button', { name: 'Play' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
});

test('presentation mode: the Present button, large caption, side panels hidden, a clicker steps, Esc leaves; axe finds nothing serious', async ({ page, baseUrl, screenshot }) => {
  await openPage(page, baseUrl);
  for (let i = 0; i < 2; i++) await page.getByTestId('command-jumpForward10').click();
  await waitForRest(page);
  const captionSize = async () => page.getByTestId('caption').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  const normal = await captionSize();
  await page.getByRole('button', { name: 'Present' }).click();
  await page.locator('.rs-app.rs-presenting').waitFor();
  assert.ok(await captionSize() >= normal * 1.8, 'the caption is at least 1.8 times larger');
  assert.equal(await page.getByRole('heading', { name: 'Event log', exact: true }).isVisible(), false, 'the side column is hidden');
  const before = await currentTime(page);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await moveAndWait(page, () => page.keyboard.press('PageDown'));
  await page.keyboard.press('PageUp');
  await waitForTime(page, before);
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot('present-1920x1080-en');
  // A clicker's blank key: the stage goes black with only a hint; a step key brings it back on the same moment.
  await page.keyboard.press('b');
  await page.getByTestId('blank-stage').waitFor();
  assert.equal(await page.evaluate(() => document.elementFromPoint(960, 540)?.closest('[data-testid="blank-stage"]') !== null), true, 'the blank covers the stage');
  assert.equal(await page.getByTestId('blank-stage').textContent(), 'B, . or a step key brings it back');
  await screenshot('present-blank-1920x1080');
  await page.keyboard.press('PageDown');
  await page.getByTestId('blank-stage').waitFor({ state: 'detached' });
  // Had the key stepped, the page would be waiting for the worker's frame: wait, then compare.
  await waitForRest(page);
  assert.equal(await currentTime(page), before, 'lifting the blank does not step');
  await page.keyboard.press('.');
  await page.getByTestId('blank-stage').waitFor();
  await page.keyboard.press('.');
  await page.getByTestId('blank-stage').waitFor({ state: 'detached' });
  await page.keyboard.press('?');
  await page.getByTestId('help-blank').waitFor();
  assert.match((await page.getByTestId('help-blank').textContent()) ?? '', /^B\. \(while presenting\)Blank the screen$/);
  await page.keyboard.press('Escape');
  await page.getByTestId('help-overlay').waitFor({ state: 'detached' });
  await page.getByTestId('language-zh').click();
  await page.getByRole('button', { name: '演示' }).waitFor();
  await screenshot('present-1920x1080-zh');
  await page.keyboard.press('Escape');
  await page.locator('.rs-app:not(.rs-presenting)').waitFor();
  await page.getByRole('heading', { name: '事件日志', exact: true }).waitFor({ state: 'visible' });
}, { ...AXE_TEST, viewport: { width: 1920, height: 1080 } });

for (const language of ['en', 'zh'] as const) {
  test(`axe: a guided chapter in ${language === 'en' ? 'English' : 'Chinese'}, its list, its glossary and a prediction have no serious or critical violation`, async ({ page, baseUrl }) => {
    await openPage(page, baseUrl, `#ch=basics&st=0&lang=${language}`);
    await page.locator('[data-testid="chapter"][data-step="0"][data-arrived="true"]').waitFor({ timeout: 20_000 });
    assert.deepEqual(await seriousViolations(page), []);
    // Walk on to the first question (predict, then run), and check the page with it open.
    for (let step = 1; step < 12 && (await page.getByTestId('prediction').count()) === 0; step++) {
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('ArrowRight');
      await page.locator(`[data-testid="chapter"][data-step="${step}"][data-arrived="true"]`).waitFor({ timeout: 20_000 });
    }
    assert.deepEqual(await seriousViolations(page), []);
    await page.getByTestId('glossary-open').click();
    await page.getByTestId('glossary-find').fill(language === 'en' ? 'slave' : '刷盘');
    assert.deepEqual(await seriousViolations(page), []);
    // A modal covers the whole page: the playback bar too (the lesson box it opens from stacks below the bar).
    assert.ok(await page.evaluate(() => {
      const bar = document.querySelector('.rs-controls')!.getBoundingClientRect();
      return document.elementFromPoint(bar.left + 4, bar.top + bar.height / 2)?.closest('.rs-overlay') !== null;
    }), 'the glossary\'s overlay lies over the playback bar');
    await page.keyboard.press('Escape');
    await page.getByTestId('glossary').waitFor({ state: 'detached' });
    await page.getByTestId('learn').click();
    await page.getByTestId('chapter-list').waitFor();
    assert.deepEqual(await seriousViolations(page), []);
  }, AXE_TEST);
}

test('keyboard: Tab shows a focus ring on every control it reaches in the header and the playback bar (screenshots in English and Chinese)', async ({ page, baseUrl, screenshot }) => {
  await openPage(page, baseUrl);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  const rings: string[] = [];
  for (let i = 0; i < 24; i++) {
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const element = document.activeElement;
      if (!(element instanceof Element) || element === document.body) return null;
      const style = getComputedStyle(element);
      return { name: element.getAttribute('data-testid') ?? element.tagName, ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
    });
    if (ring === null) break;
    if (!ring.ring) rings.push(ring.name);
  }
  assert.deepEqual(rings, [], 'every focused control draws a 2 px outline');
  await page.getByTestId('command-togglePlay').focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await screenshot('a11y-focus-1280x800-en');
  await page.getByTestId('language-zh').click();
  await page.getByTestId('command-jumpForward10').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await screenshot('a11y-focus-1280x800-zh');
});

test('keyboard: the event log is one stop (a row and its card), the arrows move between its rows and leave the run where it is', async ({ page, baseUrl }) => {
  await openPage(page, baseUrl);
  const at = await jumpAndWait(page, 2);
  await page.getByLabel('Entity').focus();
  await page.keyboard.press('Tab');
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);
  assert.equal(await focused(), 'log-row');
  const first = await page.evaluate(() => document.activeElement!.textContent);
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), 'log-row');
  assert.notEqual(await page.evaluate(() => document.activeElement!.textContent), first);
  assert.equal(await currentTime(page), at);
  // Tab past the row: at most its card, then out of the log.
  await page.keyboard.press('Tab');
  if ((await focused()) === 'open-card') await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement!.closest('[data-testid="log-row"], .rs-log-list')), null);
});

test('keyboard: each broker\'s queues are one Tab stop on the canvas and in the queue panel, and the arrows move inside a strip without stepping the run', async ({ page, baseUrl }) => {
  await openPage(page, baseUrl);
  await page.locator('[data-testid^="queue-open-"]').first().waitFor();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  const focused = () => page.evaluate(() => ({
    id: document.activeElement?.getAttribute('data-testid') ?? null,
    inLog: document.activeElement?.closest('section.rs-log') != null,
  }));
  const queueStops: string[] = [];
  let presses = 0;
  for (let stop = await focused(); !stop.inLog; stop = await focused()) {
    assert.ok(presses < 120, `the event log is reached by Tab (stops so far: ${presses})`);
    await page.keyboard.press('Tab');
    presses++;
    const { id } = await focused();
    if (id?.startsWith('canvas-queue-') || id?.startsWith('queue-open-')) queueStops.push(id);
  }
  console.log(`  Tab presses from the top to the event log: ${presses}`);
  assert.deepEqual(queueStops, [
    'canvas-queue-broker-a/0#0', 'canvas-queue-broker-b/0#0', 'queue-open-TopicTest-broker-a-0', 'queue-open-TopicTest-broker-b-0',
  ]);

  const at = await jumpAndWait(page, 2);
  await page.getByTestId('canvas-queue-broker-a/0#0').focus();
  for (const key of ['ArrowRight', 'ArrowRight', 'End', 'ArrowLeft']) await page.keyboard.press(key);
  await waitForRest(page);
  assert.equal((await focused()).id, 'canvas-queue-broker-a/0#6');
  assert.equal(await currentTime(page), at, 'the arrows, Home and End moved inside the strip, not the run');
  // Out of the strip and back: Tab comes back to the queue last reached.
  await page.keyboard.press('Tab');
  assert.equal((await focused()).id, 'canvas-queue-broker-b/0#0');
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focused()).id, 'canvas-queue-broker-a/0#6');
  await page.keyboard.press('Enter');
  await page.getByTestId('message-card').getByRole('heading', { name: 'broker-a queue 6 of TopicTest' }).waitFor();
  assert.equal(await currentTime(page), at);
});
