/**
 * Fuzzing the edges (issue 13), bounded in count and time and reproducible: every run prints its
 * seed, and `FUZZ_SEED=<seed> npx vitest run test/property/fuzz.test.ts` repeats it exactly
 * (FUZZ_RUNS=<n> asks for more inputs).
 * - Scenario files: built-in scenarios with fields replaced by any JSON value, and generated valid
 *   ones; the validator never throws, and an accepted scenario within the page's budget runs
 *   (its first 30 s) with every message accounted for.
 * - Share links: real links damaged at random, and random text; the decoder never throws and
 *   always gives a run or a reason.
 * - Runner arguments: random command lines are either accepted or one line, exit 2.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args.ts';
import { checkOutputPath } from '../../src/cli/output-path.ts';
import { checkBudget, PAGE_BUDGET } from '../../src/scenario/budget.ts';
import { decodeLink, encodeLink } from '../../src/scenario/link.ts';
import { LIBRARY } from '../../src/scenario/library/index.ts';
import { validateScenario } from '../../src/scenario/validate.ts';
import { TestSim } from '../support/test-sim.ts';
import { scenarioJsonWithActionsAtZero } from './arbitraries.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
const RUNS = Number(process.env.FUZZ_RUNS ?? 0);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function options(numRuns: number, timeLimitMs: number, label: string) {
  const runs = RUNS > 0 ? RUNS : numRuns;
  console.log(`fuzz ${label}: seed ${SEED}, up to ${runs} inputs or ${timeLimitMs / 1000} s (FUZZ_SEED=${SEED} to repeat)`);
  return { seed: SEED, numRuns: runs, interruptAfterTimeLimit: timeLimitMs, markInterruptAsFailure: false };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A path into a JSON value (keys and indexes) and the value at it. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => paths(item, [...prefix, i]))];
  if (value !== null && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([key, item]) => paths(item, [...prefix, key]))];
  return here;
}

function replaced(value: Json, path: (string | number)[], replacement: Json): Json {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, i) => (i === head ? replaced(item, rest, replacement) : item));
  if (value !== null && typeof value === 'object') return { ...value, [head!]: replaced(value[head as string]!, rest, replacement) };
  return value;
}

/** Tricky values: built-in keys, huge and odd numbers, long and control strings, wrong shapes. */
const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  // '||' and ' || ' are tag expressions RocketMQ cannot split or that name no tag (FilterAPI).
  fc.constantFrom<Json>('__proto__', 'constructor', 'toString', '', ' ', '||', ' || ', '\u0000', '<script>alert(1)</script>', 'a'.repeat(5_000), -1, 0, 0.5, 1e308, -0, 2 ** 53, null, true, [], {}),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  fc.integer({ min: -10, max: 100_000 }),
);

const mutatedScenario: fc.Arbitrary<Json> = fc
  .tuple(fc.constantFrom(...LIBRARY.map((entry) => entry.scenario as Json)), fc.array(fc.tuple(fc.nat(), hostileValue), { minLength: 1, maxLength: 3 }))
  .map(([base, changes]) => changes.reduce((json, [pick, value]) => {
    const all = paths(json);
    return replaced(json, all[pick % all.length]!, value);
  }, base));

/** Messages made and not stored, failed, lost on a ONEWAY send, or still on their way. */
function unexplainedSends(sim: TestSim): number {
  const { state } = sim.sim;
  const stored = new Set(sim.events('message.stored').map((e) => e.msgId));
  const answered = new Set(sim.events('send.result').map((e) => e.msgId));
  const pending = new Set([...state.remoting.pending.values()].flatMap((p) => (p.request.code === 'SEND_MESSAGE' ? [p.request.message.msgId] : [])));
  const oneway = (producer: string) => { const c = state.clients[producer]; return c?.kind === 'producer' && c.spec.sendMode === 'ONEWAY'; };
  return sim.events('message.sent').filter((e) => !stored.has(e.msgId) && !answered.has(e.msgId) && !pending.has(e.msgId) && !oneway(e.producer)).length;
}

describe('fuzz', () => {
  it('scenario files: the validator never throws; accepted ones run with every message accounted for', () => {
    let accepted = 0;
    // Half damaged built-in scenarios, half generated valid ones (faults at 0:00 among them).
    fc.assert(fc.property(fc.oneof(mutatedScenario, scenarioJsonWithActionsAtZero as fc.Arbitrary<Json>), (json) => {
      const result = validateScenario(json);
      if (!result.ok) {
        expect(result.errors.length).toBeGreaterThan(0);
        for (const error of result.errors) expect(typeof error.message).toBe('string');
        return;
      }
      if (checkBudget(result.scenario, PAGE_BUDGET)) return;
      accepted++;
      const sim = new TestSim({ validated: result.scenario }).at(Math.min(result.scenario.durationMs, 30_000));
      expect(unexplainedSends(sim)).toBe(0);
    }), options(200, 60_000, 'scenarios'));
    console.log(`fuzz scenarios: ${accepted} accepted and run`);
  }, 180_000);

  it('share links: the decoder never throws and always gives a run or a reason', () => {
    const encoded = encodeLink(LIBRARY[1]!.scenario, 7_000);
    if (!encoded.ok) throw new Error('the link must fit');
    const real = `#${encoded.fragment}`;
    const damaged = fc.tuple(fc.nat(real.length), fc.nat(40), fc.string({ maxLength: 12 }), fc.constantFrom('keep', 'encode', 'wrap')).map(([at, cut, insert, how]) => {
      const text = real.slice(0, at) + insert + real.slice(at + cut);
      return how === 'encode' ? encodeURIComponent(text) : how === 'wrap' ? text.replace(/(.{50})/g, '$1\n') : text;
    });
    fc.assert(fc.property(fc.oneof(damaged, fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 100 })), (hash) => {
      const decoded = decodeLink(hash);
      if (decoded.ok) expect(decoded.timeMs).toBeGreaterThanOrEqual(0);
      else expect(typeof decoded.reason.code).toBe('string');
    }), options(3_000, 30_000, 'links'));
  }, 120_000);

  const argument = fc.oneof(
    fc.constantFrom('--until', '--trace', '--summary', '--no-budget', '--help', '-', '', ' ', '--', '-5', '1e3', '0x10', '99999999999999999999', '/dev/zero', '/nonexistent/x.json', '/tmp', 'examples/broker-crash.json'),
    fc.string({ maxLength: 20 }),
  );

  it('runner arguments: parsed, or refused with one line (in process)', () => {
    fc.assert(fc.property(fc.array(argument, { maxLength: 6 }), (argv) => {
      try {
        const parsed = parseArgs(argv);
        if (parsed.trace !== undefined) checkOutputPath('--trace', parsed.trace);
        if (parsed.summary !== undefined) checkOutputPath('--summary', parsed.summary);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        expect((error as Error).message).not.toContain('\n');
      }
    }), options(5_000, 20_000, 'runner arguments'));
  }, 60_000);

  it('runner arguments: exit 0 or 2 with one line, never a stack trace (the real command)', () => {
    fc.assert(fc.property(fc.array(argument, { minLength: 1, maxLength: 5 }), (argv) => {
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...argv], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, input: '' });
      expect([0, 2]).toContain(result.status);
      if (result.status === 2) expect(result.stderr.trimEnd().split('\n').length === 1 || result.stderr.startsWith('invalid scenario')).toBe(true);
      expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+|internal error/);
    }), options(8, 60_000, 'runner command lines'));
  }, 180_000);
});
