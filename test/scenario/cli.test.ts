/**
 * The headless runner as a person or a script uses it (docs/runner.md): the real CLI in a child
 * process. An invalid scenario exits 2 with every problem named by its JSON path and never a
 * stack trace; a valid one exits 0, and its trace and summary come out as promised.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { FAST_PRODUCER } from '../support/heavy-scenarios.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rocketscope-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * `npx tsx src/cli/sim.ts ...args`: tsx's command line starts node with its loader, which is
 * what this does directly (it saves starting npx and a second node on every call).
 */
function sim(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return simWithInput(undefined, ...args);
}

function simWithInput(input: Buffer | undefined, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, ...(input ? { input } : {}) });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const VALID = {
  version: 1,
  name: 'CLI check',
  durationMs: 20_000,
  nameServers: [{ id: 'ns-1' }],
  brokers: [{ name: 'broker-a' }],
  topics: [{ name: 'TopicTest', writeQueueNums: 2, readQueueNums: 2 }],
  producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 5 }],
  consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest' }],
  timeline: [{ at: 10_000, action: 'crashBroker', target: 'broker-a' }],
};

/** A copy of VALID with one change. */
function changed(change: (s: Record<string, unknown>) => void): string {
  const copy = JSON.parse(JSON.stringify(VALID)) as Record<string, unknown>;
  change(copy);
  return JSON.stringify(copy, null, 2);
}

const at = (s: Record<string, unknown>, list: string, i: number) => (s[list] as Record<string, unknown>[])[i]!;

/** [what, file text, the line(s) stderr must contain]. */
const INVALID: Array<[string, string, string | string[]]> = [
  ['truncated JSON', JSON.stringify(VALID, null, 2).slice(0, 120), '$: the JSON text ends too early at line'],
  ['text that is not JSON', 'version: 1\n', '$: not valid JSON at line 1, column 1'],
  ['an empty file', '', '$: the text is empty'],
  ['a JSON array', '[1, 2, 3]', '$: must be a JSON object'],
  ['another version', changed((s) => { s.version = 2; }), 'version: unsupported version 2'],
  ['a queue count out of range', changed((s) => { at(s, 'topics', 0).readQueueNums = 2_000; }), 'topics[0].readQueueNums: must be an integer from 1 to 1024'],
  ['a misspelt field', changed((s) => { at(s, 'topics', 0).readQueueNum = 4; }), 'topics[0].readQueueNum: unknown field "readQueueNum"'],
  ['a misspelt config key', changed((s) => { s.config = { scanNotActiveBrokerInterval: 5_000 }; }), 'config.scanNotActiveBrokerInterval: unknown field "scanNotActiveBrokerInterval"'],
  ['a duration over 24 h', changed((s) => { s.durationMs = 86_400_001; }), 'durationMs: must be an integer from 1 to 86400000'],
  ['a fault on an unknown broker', changed((s) => { at(s, 'timeline', 0).target = 'broker-z'; }), 'timeline[0].target: no broker is named "broker-z"'],
  ['a description nested 3,000 arrays deep (6 KB)', `{"version":1,"description":${'['.repeat(3_000)}${']'.repeat(3_000)}}`, 'description: nests deeper than 32 levels'],
  ['two NameServers with one id', changed((s) => { s.nameServers = [{ id: 'ns-1' }, { id: 'ns-1' }]; }), 'nameServers[1].id: duplicate NameServer id "ns-1"'],
  ['two problems at once (both listed)', changed((s) => {
    at(s, 'topics', 0).perm = 9;
    at(s, 'producers', 0).sendMode = 'SOMETIMES';
  }), ['topics[0].perm: must be an integer from 0 to 7', 'producers[0].sendMode: must be one of "SYNC", "ASYNC", "ONEWAY"']],
];

describe('npm run sim: invalid scenarios', () => {
  it.each(INVALID)('refuses %s: exit 2, each problem named by its path, no stack trace', (_what, text, lines) => {
    const expected = typeof lines === 'string' ? [lines] : lines;
    const result = sim(file('invalid.json', text));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(expected.length === 1 ? /^invalid scenario \(1 problem\):\n/ : /^invalid scenario \(\d+ problems\):\n/);
    for (const line of expected) expect(result.stderr).toContain(`\n  ${line}`);
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // a stack frame
    expect(result.stderr).not.toMatch(/internal error|TypeError|SyntaxError/);
  }, 60_000);

  it('a missing file or a wrong option exits 2 with the usage, no stack trace', () => {
    for (const args of [[join(dir, 'no-such-file.json')], [file('ok.json', JSON.stringify(VALID)), '--frobnicate']]) {
      const result = sim(...args);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('usage: npm run sim --');
      expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }
  }, 60_000);
});

describe('npm run sim: a valid scenario', () => {
  const path = file('valid.json', JSON.stringify(VALID, null, 2));
  const scenario = parseScenarioText(JSON.stringify(VALID));
  if (!scenario.ok) throw new Error('VALID is not valid');
  const inProcess = simulate(scenario.scenario);

  it('exits 0 and prints a short human summary', () => {
    const result = sim(path);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`CLI check: ran to 20000 ms, ${inProcess.summary.traceEvents} trace events (hash ${inProcess.summary.traceHash})`);
    expect(result.stdout).toContain('ns-1: brokers []');
  }, 60_000);

  it('says why messages failed in its human summary, by the causes the summary names', () => {
    const result = sim('src/scenario/library/create-topic-cluster.json');
    expect(result.status).toBe(0);
    const library = parseScenarioText(readFileSync(join(ROOT, 'src/scenario/library/create-topic-cluster.json'), 'utf8'));
    if (!library.ok) throw new Error('the library scenario is valid');
    const { failed, failedCauses } = simulate(library.scenario).summary.messages;
    expect(failed).toBeGreaterThan(0);
    expect(failedCauses).toEqual({ noRoute: failed });
    expect(result.stdout).toContain(`failed ${failed} (noRoute ${failed}),`);
  }, 60_000);

  it('says how many lost messages a group consumed all the same (pulled before the power loss)', () => {
    const result = sim('src/scenario/library/power-loss-flush.json');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('lost 19 (notFlushedNotReplicated 19) of which 13 consumed, duplicates');
  }, 60_000);

  it('says a NameServer that is down is down, instead of the routes it held before it crashed', () => {
    const down = file('ns-down.json', JSON.stringify({ ...VALID, timeline: [{ at: 5_000, action: 'crashNameServer', target: 'ns-1' }] }));
    const result = sim(down);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('ns-1: down (its routes were in memory only)');
    expect(result.stdout).not.toContain('ns-1: brokers');
  }, 60_000);

  it('--trace - prints the trace as JSON lines, byte-identical to simulate() in this process', () => {
    const result = sim(path, '--trace', '-');
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    for (const line of lines) expect(Object.keys(JSON.parse(line) as object).slice(0, 2)).toEqual(['t', 'type']);
    expect(lines).toEqual(inProcess.trace.map((event) => JSON.stringify(event)));
    expect(lines.some((line) => line.includes('"type":"broker.removed"'))).toBe(true);
  }, 60_000);

  it('--summary - prints the summary as one JSON object; --until stops early', () => {
    const result = sim(path, '--summary', '-', '--until', '5000');
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout) as { untilMs: number; messages: Record<string, number>; routes: Record<string, unknown> };
    expect(summary.untilMs).toBe(5_000);
    expect(Object.keys(summary.messages)).toEqual(expect.arrayContaining(['sent', 'stored', 'consumed', 'neverConsumable', 'lost', 'duplicates']));
    expect(summary.routes['ns-1']).toEqual({ up: true, brokers: ['broker-a'], topics: expect.objectContaining({ TopicTest: 2 }) });
  }, 60_000);
});

/** Exit 2 and exactly one line on stderr, naming the problem and the usage, no stack trace. */
function expectUsageError(result: { status: number | null; stdout: string; stderr: string }, says: string | RegExp): void {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.endsWith('\n')).toBe(true);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(typeof says === 'string' ? new RegExp(says.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : says);
  expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+|internal error/);
}

describe('npm run sim: the command line is checked before anything runs', () => {
  const path = file('until.json', JSON.stringify(VALID));
  // The page's too heavy producer for a whole day: over the runner's budget too.
  const heavy = file('heavy.json', JSON.stringify({ ...FAST_PRODUCER, durationMs: 86_400_000 }));

  it.each([
    [['--until', ''], '--until must be a whole number of milliseconds (0 or more), got ""'],
    [['--until', '-5'], '--until must be a whole number of milliseconds (0 or more), got "-5"'],
    [['--until', '1e3'], 'got "1e3"'],
    [['--until', '99999999999999999999'], 'got "99999999999999999999"'],
    [['--until'], '--until needs a value'],
    [['--until', '5', '--until', '6'], '--until is given twice'],
    [['--summary', join(dir, 'a.json'), '--summary', join(dir, 'b.json')], '--summary is given twice'],
    [['--until', '20001'], '--until 20001 is after the end of the run: durationMs is 20000'],
    [['--trace', join(dir, 'no-such-folder', 'run.jsonl')], 'does not exist'],
    [['--summary', dir], 'is a directory'],
    [['--summary', ''], 'an empty path'],
    [['--frobnicate'], 'unknown option "--frobnicate"'],
    [['second.json'], 'unexpected argument "second.json"'],
    [['--trace', '-', '--summary', '-'], '--trace and --summary cannot both write to standard output: give one of them a file'],
  ])('%j: exit 2, one line', (args, says) => {
    expectUsageError(sim(path, ...args), says);
  }, 60_000);

  it('--until at the very end runs to it; --no-budget is accepted', () => {
    const result = sim(path, '--until', '20000', '--summary', '-', '--no-budget');
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as { untilMs: number }).untilMs).toBe(20_000);
  }, 60_000);

  it('an output path is checked before the run: nothing is simulated for a summary that cannot be written', () => {
    const result = sim(heavy, '--no-budget', '--summary', join(dir, 'missing', 'summary.json'));
    expectUsageError(result, 'the folder');
  }, 60_000);

  it('stops reading at 2 MB: /dev/zero and a 3 MB standard input fail at once', () => {
    expectUsageError(sim('/dev/zero'), 'the scenario is larger than 2 MB');
    expectUsageError(simWithInput(Buffer.alloc(3 * 1024 * 1024, 0x20), '-'), 'the scenario is larger than 2 MB');
    expectUsageError(sim(dir), 'it is a directory');
  }, 60_000);

  it('a scenario over the runner\'s cost budget is refused at once with what to reduce, and --no-budget named', () => {
    expectUsageError(sim(heavy), /^too heavy to run here: .* reduce the messages \(producers' ratePerSec x durationMs: about 864 million\).* --no-budget$/m);
  }, 60_000);
});
