import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validateScenario } from '../../src/scenario/validate.ts';
import { simulate } from '../../src/sim/simulate.ts';
import type { BenchHook } from '../../src/ui/bench-hook.ts';
import { test } from './harness.ts';

const UNTIL_MS = 90_000;

function nodeTraceHash(): string {
  const source = JSON.parse(readFileSync(new URL('../../src/scenario/library/write8-read4.json', import.meta.url), 'utf8')) as unknown;
  const result = validateScenario(source);
  if (!result.ok) throw new Error('the default scenario does not validate');
  return simulate(result.scenario, { untilMs: UNTIL_MS, onTraceLine: () => {} }).summary.traceHash;
}

test('the browser produces the byte-identical trace of Node, played straight or reached by seeking on the page (?inpage)', async ({ page, baseUrl }) => {
  // tsx names functions with a __name helper; page.evaluate needs it in the page too.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await page.goto(`${baseUrl}/?bench&inpage`);
  await page.waitForFunction(() => 'rocketscopeBench' in window);
  const inBrowser = await page.evaluate((until) => {
    const bench = (window as unknown as { rocketscopeBench: BenchHook }).rocketscopeBench;
    return {
      straight: bench.traceHash(until),
      seeking: bench.timelineTraceHash([40_000, 12_345, 77_000, 3_000, 60_001], until),
    };
  }, UNTIL_MS);
  const inNode = nodeTraceHash();
  assert.match(inNode, /^[0-9a-f]{16}$/);
  assert.equal(inBrowser.straight, inNode, 'a straight run in Chromium hashes like the Node run');
  assert.equal(inBrowser.seeking, inNode, 'the page Timeline, after seeking back and forth, holds the same trace');
});

test('the run in the simulation worker (the page\'s default) hashes like the Node run, reached by seeking', async ({ page, baseUrl }) => {
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await page.goto(`${baseUrl}/?bench`);
  await page.waitForFunction(() => 'rocketscopeBench' in window);
  const inWorker = await page.evaluate((until) => {
    const bench = (window as unknown as { rocketscopeBench: BenchHook }).rocketscopeBench;
    return bench.workerTraceHash([40_000, 12_345, 77_000, 3_000, 60_001], until);
  }, UNTIL_MS);
  assert.equal(inWorker, nodeTraceHash(), "the worker's Timeline, after seeking back and forth, holds the same trace as Node");
});
