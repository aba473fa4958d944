// A tiny browser-test runner on top of playwright-core (not @playwright/test):
// e2e files call `test(name, fn)`; scripts/e2e.mjs loads them through tsx and
// calls `runTests`. One browser per run, a fresh context per test, a per-test
// timeout, console errors collected, a screenshot on failure.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export interface TestContext {
  page: Page;
  context: BrowserContext;
  /** The preview server's origin, e.g. `http://127.0.0.1:4173` (no trailing slash). */
  baseUrl: string;
  /** `console.error` messages and uncaught page errors, in the order they happened. */
  consoleErrors: string[];
  /** Saves a screenshot of the page to `test-results/<name>.png` and returns its path. */
  screenshot: (name: string, options?: { fullPage?: boolean }) => Promise<string>;
}

export interface TestOptions {
  /** Whole-test budget; defaults to the run's (E2E_TIMEOUT_MS, else 30 s). */
  timeoutMs?: number;
  viewport?: { width: number; height: number };
  /**
   * A visitor the page has never seen, offered chapter 1 (FirstVisitSlot). Every other test is a
   * visitor who declined it, so the line does not move what the test looks at.
   */
  firstVisit?: boolean;
}

export type TestFn = (context: TestContext) => Promise<void>;

interface RegisteredTest {
  name: string;
  file: string;
  fn: TestFn;
  options: TestOptions;
  skip: boolean;
}

export interface TestResult {
  name: string;
  file: string;
  status: 'passed' | 'failed' | 'skipped';
  durationMs: number;
  error?: string;
  screenshot?: string;
  consoleErrors?: string[];
}

export interface RunOptions {
  baseUrl: string;
  resultsDir: string;
  /** Case-insensitive substring of `<file> › <test name>`. */
  grep?: string;
  defaultTimeoutMs: number;
}

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const DEFAULT_VIEWPORT = { width: 1280, height: 800 };
/** Cap on a single Playwright action, so a stuck locator fails with its own message. */
const ACTION_TIMEOUT_MS = 10_000;

const registry: RegisteredTest[] = [];
let currentFile = '(unknown)';

function register(name: string, fn: TestFn, options: TestOptions, skip: boolean): void {
  registry.push({ name, file: currentFile, fn, options, skip });
}

/** Declares a browser test. */
export const test = Object.assign(
  (name: string, fn: TestFn, options: TestOptions = {}): void => register(name, fn, options, false),
  {
    /** Declares a test that is reported as skipped and not run. */
    skip: (name: string, fn: TestFn, options: TestOptions = {}): void => register(name, fn, options, true),
  },
);

/** Called by the runner before importing each e2e file, so tests know their file. */
export function setCurrentFile(file: string): void {
  currentFile = file;
}

export function fullName(entry: { file: string; name: string }): string {
  return `${path.basename(entry.file).replace(/\.e2e\.ts$/, '')} › ${entry.name}`;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** Where the page was when a test failed: its address, the playhead and whether it was at rest. */
async function describePage(page: Page): Promise<string> {
  try {
    // A string, not a function: tsx would wrap a function's inner functions in a helper the page lacks.
    const shown = await withTimeout(page.evaluate(`(() => {
      const time = document.querySelector('[data-testid="time-current"]');
      return time ? time.textContent + ' (data-at-rest ' + time.getAttribute('data-at-rest') + ')' : 'no playhead';
    })()`), 5_000, 'reading the page');
    return `page: ${page.url().slice(0, 160)}, playhead ${String(shown)}`;
  } catch {
    return `page: ${page.url().slice(0, 160)} (not readable)`;
  }
}

async function runOne(browser: Browser, entry: RegisteredTest, options: RunOptions): Promise<TestResult> {
  const started = performance.now();
  const base = { name: entry.name, file: entry.file };
  const timeoutMs = entry.options.timeoutMs ?? options.defaultTimeoutMs;
  const context = await browser.newContext({
    viewport: entry.options.viewport ?? DEFAULT_VIEWPORT,
    baseURL: options.baseUrl,
  });
  if (!entry.options.firstVisit) await context.addInitScript(() => window.localStorage.setItem('rocketscope.firstVisitDeclined', 'true'));
  const page = await context.newPage();
  page.setDefaultTimeout(Math.min(ACTION_TIMEOUT_MS, timeoutMs));
  page.setDefaultNavigationTimeout(Math.min(ACTION_TIMEOUT_MS, timeoutMs));

  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    consoleErrors.push(url ? `${message.text()} (${url}:${lineNumber})` : message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${describeError(error)}`));
  page.on('crash', () => consoleErrors.push('page crashed'));

  const screenshot = async (name: string, shotOptions: { fullPage?: boolean } = {}): Promise<string> => {
    const file = path.join(options.resultsDir, `${name}.png`);
    await page.screenshot({ path: file, fullPage: shotOptions.fullPage ?? false });
    return file;
  };

  try {
    await withTimeout(
      entry.fn({ page, context, baseUrl: options.baseUrl, consoleErrors, screenshot }),
      timeoutMs,
      'test',
    );
    return { ...base, status: 'passed', durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    const result: TestResult = {
      ...base,
      status: 'failed',
      durationMs: Math.round(performance.now() - started),
      error: `${describeError(error)}\n${await describePage(page)}`,
      consoleErrors: [...consoleErrors],
    };
    const file = path.join(options.resultsDir, `${slug(fullName(entry))}-failed.png`);
    try {
      await page.screenshot({ path: file, fullPage: true, timeout: 5_000 });
      result.screenshot = file;
    } catch {
      // The page may have crashed or closed; the error above is what matters.
    }
    return result;
  } finally {
    await withTimeout(context.close(), 5_000, 'closing the browser context').catch(() => undefined);
  }
}

function printResult(result: TestResult): void {
  const label = fullName(result);
  const time = `${Math.round(result.durationMs)} ms`;
  if (result.status === 'passed') console.log(`  ✓ ${label} (${time})`);
  else if (result.status === 'skipped') console.log(`  - ${label} (skipped)`);
  else {
    console.log(`  ✗ ${label} (${time})`);
    for (const line of (result.error ?? '').split('\n')) console.log(`      ${line}`);
    if (result.consoleErrors?.length) {
      console.log('      console errors:');
      for (const line of result.consoleErrors) console.log(`        ${line}`);
    }
    if (result.screenshot) console.log(`      screenshot: ${result.screenshot}`);
  }
}

/** Runs the registered tests (those matching `grep`) one after another. */
export async function runTests(options: RunOptions): Promise<TestResult[]> {
  const needle = options.grep?.toLowerCase();
  const selected = registry.filter((entry) => !needle || fullName(entry).toLowerCase().includes(needle));
  if (selected.length === 0) throw new Error(needle ? `no browser test matches --grep "${options.grep}"` : 'no browser tests found');
  mkdirSync(options.resultsDir, { recursive: true });

  const results: TestResult[] = [];
  const browser = await launchBrowser();
  try {
    for (const entry of selected) {
      const result: TestResult = entry.skip
        ? { name: entry.name, file: entry.file, status: 'skipped', durationMs: 0 }
        : await runOne(browser, entry, options).catch((error: unknown) => ({
            // Only setting up the context can throw here (e.g. the browser died).
            name: entry.name, file: entry.file, status: 'failed' as const, durationMs: 0, error: describeError(error),
          }));
      printResult(result);
      results.push(result);
    }
  } finally {
    await withTimeout(browser.close(), 10_000, 'closing the browser').catch(() => undefined);
  }
  return results;
}
