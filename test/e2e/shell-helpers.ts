// Shared steps of the shell's browser tests (not a test file: no .e2e.ts suffix).
import lzString from 'lz-string';
import type { Page } from 'playwright-core';
import { parseTimeText } from '../../src/ui/insight/message/time-text.ts';
import { formatTime } from '../../src/viz/format.ts';

/** Times as the playhead shows them: the tests type them and wait for them. */
export { formatTime };

/** A share link's fragment made as the page makes it (docs/links.md): version, lz-string data, FNV-1a check. */
export function fragmentOf(scenario: unknown, timeMs: number): string {
  const json = JSON.stringify(scenario);
  let hash = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) hash = Math.imul(hash ^ json.charCodeAt(i), 0x01000193) >>> 0;
  return `s=1.${lzString.compressToEncodedURIComponent(json)}.${hash.toString(16).padStart(8, '0')}&t=${timeMs}`;
}

/**
 * How a browser test waits for the run. The run lives in a Web Worker: after a click, a key, a
 * seek or a step the page shows the new moment only when the worker's frame has arrived. The
 * playhead says when that is: `data-at-rest="true"` once a scenario is loaded, nothing plays, no
 * seek is under way and the worker owes no frame (src/ui/use-at-rest.ts). Every command the page
 * sends turns it false in the same event, so waiting for it after a command never reads the
 * moment before. Read the page only after one of these waits.
 */
const REST = '[data-testid="time-current"][data-at-rest="true"]';
/** A far seek on a busy two-core machine may take many seconds; the test's own budget still bounds it. */
const REST_TIMEOUT_MS = 20_000;

/** Waits until the page shows the run where it will stay (see REST). */
export async function waitForRest(page: Page): Promise<void> {
  await page.locator(REST).waitFor({ timeout: REST_TIMEOUT_MS });
}

/** E2E_INPAGE=1 opens every page with `?inpage`: the run on the page's thread, the slowest path (docs/worker.md). */
const SEARCH = ['1', 'true'].includes(process.env.E2E_INPAGE ?? '') ? '?inpage' : '';

/** Opens the page (optionally at a fragment) and waits until its run is on screen at rest, at the link's moment if it has one. */
export async function openPage(page: Page, baseUrl: string, hash = ''): Promise<void> {
  await page.goto(`${baseUrl}/${SEARCH}${hash}`, { waitUntil: 'networkidle' });
  await waitForRest(page);
}

export async function currentTime(page: Page): Promise<string> {
  return (await page.getByTestId('time-current').textContent()) ?? '';
}

/** The page's m:ss.mmm (h:mm:ss.mmm from the hour) -> milliseconds. */
export function parseTime(text: string): number {
  const ms = /\.\d{3}$/.test(text.trim()) ? parseTimeText(text) : null;
  if (ms === null) throw new Error(`not a time: ${JSON.stringify(text)}`);
  return ms;
}

/** Waits until the page's address carries the run at `timeText`. */
export async function waitForFragment(page: Page, timeMs: number): Promise<string> {
  await page.waitForFunction((t) => window.location.hash.includes(`&t=${t}`), timeMs, { timeout: 5_000 });
  return page.url();
}

/** What a person reads off the page: the time, the summary and every queue count. */
export async function visibleNumbers(page: Page): Promise<Record<string, string>> {
  await waitForRest(page);
  // A string, not a function: tsx would wrap a function's inner functions in a helper the page lacks.
  return page.evaluate(`(() => {
    const numbers = {};
    const text = (element) => (element && element.textContent ? element.textContent.trim() : '');
    numbers.time = text(document.querySelector('[data-testid="time-current"]'));
    for (const item of document.querySelectorAll('[data-testid^="summary-"]')) {
      numbers[item.getAttribute('data-testid')] = text(item.querySelector('dd'));
    }
    numbers.neverConsumable = text(document.querySelector('[data-testid="never-consumable-total"]'));
    for (const cell of document.querySelectorAll('[data-testid^="queue-cell-"]')) {
      numbers[cell.getAttribute('data-testid')] = text(cell.querySelector('[data-testid="queue-count"]'));
    }
    return numbers;
  })()`);
}

/** Waits for the playhead to show `text` at rest: the worker's frame of that moment is on screen. */
export async function waitForTime(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const shown = document.querySelector('[data-testid="time-current"]');
      return shown?.getAttribute('data-at-rest') === 'true' && shown.textContent === expected;
    },
    text,
    { timeout: REST_TIMEOUT_MS },
  );
}

/**
 * Does something that moves the run to a moment the test cannot name beforehand (a step, a
 * click on the scrubber), and waits until the page is at rest at another moment than before;
 * returns the time it shows.
 */
export async function moveAndWait(page: Page, act: () => Promise<void>): Promise<string> {
  await waitForRest(page);
  const before = await currentTime(page);
  await act();
  await page.waitForFunction(
    (from) => {
      const shown = document.querySelector('[data-testid="time-current"]');
      return shown?.getAttribute('data-at-rest') === 'true' && shown.textContent !== from;
    },
    before,
    { timeout: REST_TIMEOUT_MS },
  );
  return currentTime(page);
}

/** One step forward or back with the playback bar's button, once its frame is on screen; returns the time shown. */
export async function stepAndWait(page: Page, direction: 'forward' | 'back'): Promise<string> {
  return moveAndWait(page, () => page.getByTestId(direction === 'forward' ? 'command-stepForward' : 'command-stepBack').click());
}

/** Clicks +10 s `times` times and waits until the page is at rest `times` x 10 s later (within the run). */
export async function jumpAndWait(page: Page, times: number): Promise<string> {
  await waitForRest(page);
  const end = parseTime((await page.getByTestId('time-total').textContent()) ?? '');
  const target = Math.min(end, parseTime(await currentTime(page)) + times * 10_000);
  for (let i = 0; i < times; i++) await page.getByTestId('command-jumpForward10').click();
  const text = formatTime(target);
  await waitForTime(page, text);
  return text;
}

/**
 * Waits until an Insight panel (PanelFrame `name`: dashboard, charts, spacetime) shows the run's
 * answer for the playhead shown: the answer comes from the worker after the frame, and the panel
 * is aria-busy until it has.
 */
export async function waitForAnswer(page: Page, name: string): Promise<void> {
  await waitForRest(page);
  await page.locator(`section.rs-panel.rs-${name}[aria-busy="false"]`).waitFor({ timeout: REST_TIMEOUT_MS });
}

/** Waits until the message card shows the run's answer for the playhead shown (aria-busy until it has, like a panel). */
export async function waitForCard(page: Page): Promise<void> {
  await waitForRest(page);
  await page.locator('[data-testid="message-card"][aria-busy="false"]').waitFor({ timeout: REST_TIMEOUT_MS });
}


/** Waits until the page has drawn `count` more animation frames (a condition, not a wall-clock sleep). */
export async function waitForFrames(page: Page, count: number): Promise<void> {
  // A string, not a function: tsx would wrap a function's inner functions in a helper the page lacks.
  await page.evaluate(`new Promise((resolve) => {
    let left = ${count};
    const frame = () => (--left <= 0 ? resolve(null) : requestAnimationFrame(frame));
    requestAnimationFrame(frame);
  })`);
}
