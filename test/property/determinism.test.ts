/**
 * Determinism (docs/runner.md: "the same scenario file gives a byte-identical trace on every run"),
 * over generated scenarios: the same run twice, and a shorter run as a prefix of a longer one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/sim/simulate.ts';
import { PROPERTY_TIMEOUT_MS, runs, scenario } from './arbitraries.ts';

function traceLines(s: Parameters<typeof simulate>[0], untilMs: number): { lines: string[]; hash: string } {
  const lines: string[] = [];
  const { summary } = simulate(s, { untilMs, onTraceLine: (line) => lines.push(line) });
  return { lines, hash: summary.traceHash };
}

describe('determinism over generated scenarios', () => {
  it('gives a byte-identical trace (JSON lines) and the same summary every time', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const first = simulate(s);
        const second = simulate(s);
        expect(second.trace.map((e) => JSON.stringify(e))).toEqual(first.trace.map((e) => JSON.stringify(e)));
        expect(JSON.stringify(second.summary)).toBe(JSON.stringify(first.summary));
        expect(first.summary.traceEvents).toBe(first.trace.length);
      }),
      runs(20),
    );
  }, PROPERTY_TIMEOUT_MS);

  it('streams the same lines and bytes as it keeps in memory, with the same hash', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const kept = simulate(s);
        const streamed = traceLines(s, s.durationMs);
        expect(streamed.lines).toEqual(kept.trace.map((e) => JSON.stringify(e)));
        expect(streamed.hash).toBe(kept.summary.traceHash);
        // The runner's way: the trace file's bytes, written without a string per line.
        const chunks: Buffer[] = [];
        const bytes = simulate(s, { onTraceBytes: (chunk) => chunks.push(Buffer.from(chunk)) });
        expect(Buffer.concat(chunks).toString('utf8')).toBe(streamed.lines.map((line) => `${line}\n`).join(''));
        expect(bytes.summary.traceHash).toBe(kept.summary.traceHash);
      }),
      runs(10),
    );
  }, PROPERTY_TIMEOUT_MS);

  it('a run to t is a prefix of a longer run: exactly the events at or before t', () => {
    fc.assert(
      fc.property(scenario, fc.double({ min: 0, max: 1, noNaN: true }), (s, fraction) => {
        const t = Math.floor(s.durationMs * fraction);
        const short = traceLines(s, t).lines;
        const long = traceLines(s, s.durationMs).lines;
        expect(long.slice(0, short.length)).toEqual(short);
        const atOrBefore = long.filter((line) => (JSON.parse(line) as { t: number }).t <= t);
        expect(short.length).toBe(atOrBefore.length);
      }),
      runs(20),
    );
  }, PROPERTY_TIMEOUT_MS);
});
