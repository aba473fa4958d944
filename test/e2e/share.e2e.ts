import assert from 'node:assert/strict';
import { findLibraryEntry } from '../../src/scenario/library/index.ts';
import { test } from './harness.ts';
import { currentTime, fragmentOf, jumpAndWait, openPage, stepAndWait, visibleNumbers, waitForFragment, waitForFrames, waitForRest, waitForTime } from './shell-helpers.ts';

test('a shared link opens the same scenario at the same moment with the same numbers', async ({ page, context, baseUrl, consoleErrors }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  await openPage(page, baseUrl);
  await page.getByTestId('scenario-picker').selectOption('crash-partition-shutdown');
  await page.getByTestId('scrubber').focus();
  for (let i = 0; i < 7; i++) await page.keyboard.press('PageUp');
  await waitForTime(page, '1:10.000');
  const time = await stepAndWait(page, 'forward');
  const before = await visibleNumbers(page);
  await page.getByTestId('share').click();
  await page.getByTestId('share-status').getByText('Link copied').waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#s=1\.[A-Za-z0-9+\-$]+\.[0-9a-f]{8}&t=\d+&lang=en$/);
  assert.equal(link, `${page.url()}&lang=en`, 'the address bar carries the same link, without the language');

  const fresh = await context.newPage();
  await fresh.goto(link, { waitUntil: 'networkidle' });
  await waitForTime(fresh, time);
  // The queue panel loads on demand: on a busy machine it arrives after the playhead does.
  await fresh.getByTestId('never-consumable-total').waitFor();
  assert.equal(await fresh.getByTestId('scenario-picker').inputValue(), 'crash-partition-shutdown');
  assert.deepEqual(await visibleNumbers(fresh), before);
  assert.deepEqual(consoleErrors, []);
});

test('the address follows the run, so reloading returns to the same moment', async ({ page, baseUrl }) => {
  await openPage(page, baseUrl);
  await jumpAndWait(page, 2);
  const url = await waitForFragment(page, 20_000);
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'networkidle' });
  await waitForTime(page, '0:20.000');
  assert.equal(await page.getByRole('alert').count(), 0);
});

test('Home during a long jump from a link: once the page rests at 0:00 the address says t=0, and a reload opens 0:00', async ({ page, baseUrl, consoleErrors }) => {
  // Five hours of retries: the page simulates ahead to 5:00:00 for a few seconds, showing 0:00 meanwhile.
  await page.goto(`${baseUrl}/#${fragmentOf(findLibraryEntry('retries-dlq')!.scenario, 18_000_000)}`);
  await page.getByTestId('seek-progress').waitFor();
  // Past the address's first rewrite after the load (URL_SYNC_MS): Home before it was mended by it.
  await page.waitForTimeout(600);
  assert.equal(await page.getByTestId('seek-progress').count(), 1, 'Home is pressed while the page still simulates ahead');
  await page.keyboard.press('Home');
  await waitForTime(page, '0:00.000');
  await waitForFragment(page, 0);
  await page.reload({ waitUntil: 'networkidle' });
  await waitForTime(page, '0:00.000');
  assert.deepEqual(consoleErrors, []);
});

test('Back and Forward open the run each address names, the page\'s own rewrites of the address included', async ({ page, context, baseUrl, consoleErrors }) => {
  const other = await context.newPage();
  await openPage(other, baseUrl);
  await other.getByTestId('scenario-picker').selectOption('crash-partition-shutdown');
  await other.getByTestId('command-jumpForward10').click();
  await waitForTime(other, '0:10.000');
  const pasted = await waitForFragment(other, 10_000);
  await other.close();
  await openPage(page, baseUrl);
  // The page writes the default run's address into this history entry itself (replaceState).
  const home = await waitForFragment(page, 0);
  await page.goto(pasted);
  await waitForTime(page, '0:10.000');
  assert.equal(await page.getByTestId('scenario-picker').inputValue(), 'crash-partition-shutdown');
  await page.goBack();
  await waitForTime(page, '0:00.000');
  assert.equal(await page.getByTestId('scenario-picker').inputValue(), 'write8-read4');
  assert.equal(page.url(), home);
  await page.goForward();
  await waitForTime(page, '0:10.000');
  assert.equal(await page.getByTestId('scenario-picker').inputValue(), 'crash-partition-shutdown');
  assert.deepEqual(consoleErrors, []);
});

test('a damaged link opens the default scenario with a banner saying what was wrong', async ({ page, baseUrl, consoleErrors }) => {
  await openPage(page, baseUrl);
  await jumpAndWait(page, 1);
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

/** The default scenario with every name a JavaScript built-in key. */
const BUILTIN_NAMES = {
  version: 1, name: 'Built-in keys', durationMs: 60_000,
  nameServers: [{ id: '__proto__' }, { id: 'constructor' }],
  brokers: [{ name: 'toString', cluster: 'valueOf' }, { name: 'hasOwnProperty', cluster: 'valueOf' }],
  topics: [{ name: '__proto__', writeQueueNums: 8, readQueueNums: 4, cluster: 'valueOf' }],
  producers: [{ id: 'constructor-p', group: 'constructor', topic: '__proto__', ratePerSec: 10 }],
  consumers: [{ id: 'isPrototypeOf', group: 'toString', topic: '__proto__' }, { id: 'valueOf', group: 'toString', topic: '__proto__' }],
  timeline: [{ at: 0, action: 'crashBroker', target: 'hasOwnProperty' }, { at: 20_000, action: 'startBroker', target: 'hasOwnProperty' }],
};

test('a link whose names are JavaScript built-in keys opens its run, and every built-in scenario still loads after it', async ({ page, baseUrl, consoleErrors }) => {
  await openPage(page, baseUrl, `#${fragmentOf(BUILTIN_NAMES, 30_000)}`);
  await waitForTime(page, '0:30.000');
  assert.equal(await page.getByRole('alert').count(), 0, 'no banner');
  assert.equal(await page.getByTestId('scenario-picker').inputValue(), '');
  const body = (await page.locator('body').textContent()) ?? '';
  assert.doesNotMatch(body, /could not be drawn/);
  assert.match(body, /hasOwnProperty/);
  assert.ok(await page.getByTestId('queue-cell-__proto__-toString-0').count() > 0, 'the queue panel shows topic __proto__ on broker toString');
  for (const id of await page.getByTestId('scenario-picker').locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean))) {
    await page.getByTestId('scenario-picker').selectOption(id);
    await waitForTime(page, '0:00.000');
    assert.equal(await page.getByTestId('scenario-picker').inputValue(), id);
    await page.getByTestId('command-jumpForward10').click();
    await waitForTime(page, '0:10.000');
    assert.doesNotMatch((await page.locator('body').textContent()) ?? '', /could not be drawn/, id);
  }
  assert.equal(await page.evaluate('Object.getOwnPropertyNames(Object.prototype).length'), await page.evaluate('Object.getOwnPropertyNames(Object.getPrototypeOf({})).length'));
  assert.deepEqual(consoleErrors, []);
  // Every built-in scenario is loaded and run to 0:10: on a busy two-core machine over 30 s.
}, { timeoutMs: 120_000 });

/** A scenario whose names are as long as RocketMQ allows (a topic 127 characters, a group or id 255), some in Chinese. */
const LONG_NAMES = (() => {
  const topic = `Topic_${'X'.repeat(121)}`;
  const broker = `broker-${'超长名字'.repeat(40)}`;
  const group = `CG_${'g'.repeat(252)}`;
  return {
    version: 1, name: 'Long names', durationMs: 60_000,
    nameServers: [{ id: `ns-${'n'.repeat(120)}` }],
    brokers: [{ name: 'broker-a' }, { name: broker }],
    topics: [{ name: topic, writeQueueNums: 4, readQueueNums: 4 }, { name: `Second_${'Z'.repeat(120)}`, writeQueueNums: 2, readQueueNums: 2 }],
    producers: [{ id: `p-${'生产者'.repeat(30)}`, group: `PG_${'p'.repeat(200)}`, topic, ratePerSec: 10 }],
    consumers: [{ id: `c-${'y'.repeat(250)}`, group, topic }, { id: 'c-2', group, topic }],
    timeline: [{ at: 20_000, action: 'crashBroker', target: broker }],
  };
})();

/** Elements that stick out of their panel or the editor sideways (scroll areas and drawings excepted: they clip what they hold). */
const OUT_OF_PANEL = `(() => {
  const found = [];
  for (const panel of document.querySelectorAll('.rs-panel, .rs-editor')) {
    const box = panel.getBoundingClientRect();
    if (box.width === 0) continue;
    for (const element of panel.querySelectorAll('*')) {
      // A drawing counts as a whole: inside it, an inner svg clips its text to its box, which its bounding rect does not show.
      if (element.parentElement?.closest('svg') || element.closest('.rs-table-scroll, .rs-visually-hidden') !== null) continue;
      const r = element.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && (r.right > box.right + 1 || r.left < box.left - 1)) {
        found.push(element.tagName.toLowerCase() + ' "' + (element.textContent || '').slice(0, 40) + '" spans ' + Math.round(r.left) + '..' + Math.round(r.right) + ' in a panel at ' + Math.round(box.left) + '..' + Math.round(box.right));
      }
    }
  }
  return found;
})()`;

test('names as long as RocketMQ allows wrap or are cut inside their panels, on every tab', async ({ page, baseUrl, consoleErrors }) => {
  await openPage(page, baseUrl, `#${fragmentOf(LONG_NAMES, 30_000)}`);
  await waitForTime(page, '0:30.000');
  assert.equal(await page.getByRole('alert').count(), 0, 'no banner');
  for (const [tab, panel] of [['cluster', 'topology'], ['dashboard', 'dashboard'], ['message', 'message-trace'], ['diagnostics', 'diagnostics'], ['charts', 'charts'], ['spacetime', 'spacetime'], ['whatif', 'whatif']] as const) {
    await page.getByTestId(`insight-tab-${tab}`).click();
    await page.locator(`section.rs-panel.rs-${panel}:not([aria-busy="true"])`).waitFor();
    await waitForFrames(page, 3);
    assert.deepEqual(await page.evaluate(OUT_OF_PANEL), [], `on the ${tab} tab`);
  }
  // The inspector of each process with a long name, opened from the keyboard (a click might land on a message's dot).
  await page.getByTestId('insight-tab-cluster').click();
  const { nameServers, brokers, producers, consumers } = LONG_NAMES;
  for (const testId of [`nameserver-${nameServers[0]!.id}`, `broker-${brokers[1]!.name}/0`, `client-${producers[0]!.id}`, `client-${consumers[0]!.id}`]) {
    await page.getByTestId(`topology-${testId}`).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('inspector-close').waitFor();
    await waitForFrames(page, 3);
    assert.deepEqual(await page.evaluate(OUT_OF_PANEL), [], `with the inspector of ${testId.slice(0, 20)}…`);
    await page.getByTestId('inspector-close').click();
  }
  await page.getByTestId('edit').click();
  await page.getByTestId('knobs-form').waitFor();
  await waitForFrames(page, 3);
  assert.deepEqual(await page.evaluate(OUT_OF_PANEL), [], 'with the editor open');
  assert.ok(await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth'), 'the page does not scroll sideways');
  assert.deepEqual(consoleErrors, []);
}, { timeoutMs: 60_000 });

test('a link a chat tool percent-encoded and wrapped opens its run; one still unreadable opens the default with a banner', async ({ page, baseUrl, consoleErrors }) => {
  await openPage(page, baseUrl);
  await page.getByTestId('scenario-picker').selectOption('crash-partition-shutdown');
  await page.getByTestId('command-jumpForward10').click();
  await waitForTime(page, '0:10.000');
  const link = await waitForFragment(page, 10_000);
  const fragment = link.slice(link.indexOf('#') + 1);
  await openPage(page, baseUrl, `#${fragment.replace('=', '%3D').replace('&t=', '%26t%3D')}).`);
  await page.reload({ waitUntil: 'networkidle' });
  await waitForTime(page, '0:10.000');
  assert.equal(await page.getByRole('alert').count(), 0, 'no banner');
  assert.equal(await page.getByTestId('scenario-picker').inputValue(), 'crash-partition-shutdown');
  const second = await page.context().newPage();
  await openPage(second, baseUrl, `#s%3D${fragment.slice(2, 40)}`);
  await second.getByRole('alert').waitFor();
  assert.equal(await second.getByTestId('scenario-picker').inputValue(), 'write8-read4');
  assert.deepEqual(consoleErrors, []);
});

test('a link to a scenario too heavy for the page opens the default with a banner naming what to reduce', async ({ page, baseUrl }) => {
  const heavy = {
    version: 1, durationMs: 60_000, nameServers: [{ id: 'ns-1' }],
    brokers: Array.from({ length: 256 }, (_, i) => ({ name: `b-${i}` })),
    topics: Array.from({ length: 16 }, (_, i) => ({ name: `T${i}`, writeQueueNums: 1024, readQueueNums: 1024 })),
    consumers: [{ id: 'c-1', group: 'CG', topic: 'T0' }],
  };
  await openPage(page, baseUrl, `#${fragmentOf(heavy, 0)}`);
  const banner = page.getByRole('alert');
  await banner.waitFor();
  assert.match(await banner.textContent() ?? '', /too heavy for the page.*the queues/);
  assert.equal(await page.getByTestId('scenario-picker').inputValue(), 'write8-read4');
});

test('the built page carries a Content Security Policy without inline script or eval, and runs under it', async ({ page, baseUrl, consoleErrors }) => {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript('document.addEventListener("securitypolicyviolation", (e) => window.reportViolation(e.violatedDirective + " " + e.blockedURI))');
  await openPage(page, baseUrl);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content') ?? '';
  assert.match(policy, /script-src 'self'(;|$)/);
  assert.doesNotMatch(policy, /unsafe-eval|unsafe-inline[^;]*;.*script|script-src[^;]*unsafe/);
  await page.getByTestId('command-togglePlay').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="time-current"]')?.textContent !== '0:00.000');
  await page.getByTestId('command-togglePlay').click();
  await waitForRest(page);
  await page.getByTestId('edit').click();
  await page.getByTestId('editor-tab-knobs').waitFor();
  await page.getByTestId('command-help').click();
  // The help is loaded on first use: its code too must run under the policy.
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  await waitForFrames(page, 3);
  assert.deepEqual(violations, []);
  assert.deepEqual(consoleErrors, []);
});
