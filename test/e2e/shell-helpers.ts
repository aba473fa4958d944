// Shared steps of the shell's browser tests (not a test file: no .e2e.ts suffix).
import lzString from 'lz-string';
import type { Page } from 'playwright-core';

/** A share link's fragment made as the page makes it (docs/links.md): version, lz-string data, FNV-1a check. */
export function fragmentOf(scenario: unknown, timeMs: number): string {
  const json = JSON.stringify(scenario);
  let hash = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) hash = Math.imul(hash ^ json.charCodeAt(i), 0x01000193) >>> 0;
  return `s=1.${lzString.compressToEncodedURIComponent(json)}.${hash.toString(16).padStart(8, '0')}&t=${timeMs}`;
}

/** Opens the page (optionally at a fragment) and waits until a run is on screen. */
export async function openPage(page: Page, baseUrl: string, hash = ''): Promise<void> {
  await page.goto(`${baseUrl}/${hash}`, { waitUntil: 'networkidle' });
  await page.getByTestId('time-current').waitFor({ state: 'visible' });
}

export async function currentTime(page: Page): Promise<string> {
  return (await page.getByTestId('time-current').textContent()) ?? '';
}

/** m:ss.mmm -> milliseconds. */
export function parseTime(text: string): number {
  const match = /^(\d+):(\d{2})\.(\d{3})$/.exec(text.trim());
  if (!match) throw new Error(`not a time: ${JSON.stringify(text)}`);
  return Number(match[1]) * 60_000 + Number(match[2]) * 1_000 + Number(match[3]);
}

/** Waits until the page's address carries the run at `timeText`. */
export async function waitForFragment(page: Page, timeMs: number): Promise<string> {
  await page.waitForFunction((t) => window.location.hash.includes(`&t=${t}`), timeMs, { timeout: 5_000 });
  return page.url();
}

/** What a person reads off the page: the time, the summary and every queue count. */
export async function visibleNumbers(page: Page): Promise<Record<string, string>> {
  await waitForSeek(page);
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

/** Waits until no long seek is under way (the playhead has reached its target). */
export async function waitForSeek(page: Page): Promise<void> {
  await page.getByTestId('seek-progress').waitFor({ state: 'detached', timeout: 10_000 });
}

/** Waits for the playhead to show `text` (a far seek may take a few frames). */
export async function waitForTime(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (expected) => document.querySelector('[data-testid="time-current"]')?.textContent === expected,
    text,
    { timeout: 10_000 },
  );
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
