/**
 * `--trace` and `--summary` naming one file, however spelled, is a usage error (docs/runner.md):
 * the summary, written after the trace, would otherwise replace it without a word.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rocketscope-same-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scenario = join(dir, 'scenario.json');
writeFileSync(scenario, JSON.stringify({
  version: 1, durationMs: 5_000, nameServers: [{ id: 'ns-1' }], brokers: [{ name: 'broker-a' }],
  topics: [{ name: 'T' }], producers: [{ id: 'p-1', group: 'PG', topic: 'T', ratePerSec: 1 }],
}));

function sim(...args: string[]): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', scenario, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stderr: result.stderr };
}

/** A fresh folder per case, so no case sees another's files. */
function folder(name: string): string {
  const path = join(dir, name);
  mkdirSync(path);
  return path;
}

describe('--trace and --summary naming one file', () => {
  it('refuses /x and /./x, and writes nothing', () => {
    const at = folder('dot');
    const result = sim('--trace', join(at, 'same'), '--summary', `${at}/./same`);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--trace and --summary both name one file');
    expect(existsSync(join(at, 'same'))).toBe(false);
  });

  it('refuses a relative and an absolute spelling of one new file', () => {
    const at = folder('relative');
    const result = sim('--trace', relative(ROOT, join(at, 'out')), '--summary', join(at, 'sub', '..', 'out'));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--trace and --summary both name one file');
  });

  it('refuses a symlink to the other file, and leaves the existing file as it was', () => {
    const at = folder('link');
    const target = join(at, 'trace.jsonl');
    writeFileSync(target, 'kept\n');
    symlinkSync(target, join(at, 'alias.json'));
    const result = sim('--trace', target, '--summary', join(at, 'alias.json'));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--trace and --summary both name one file');
    expect(readFileSync(target, 'utf8')).toBe('kept\n');
  });

  it('refuses a new file named through a symlinked folder', () => {
    const at = folder('folder-link');
    mkdirSync(join(at, 'real'));
    symlinkSync(join(at, 'real'), join(at, 'alias'));
    const result = sim('--trace', join(at, 'real', 'out'), '--summary', join(at, 'alias', 'out'));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--trace and --summary both name one file');
  });

  it('writes both when they are two files', () => {
    const at = folder('two');
    const result = sim('--trace', join(at, 'run.jsonl'), '--summary', join(at, './run.json'));
    expect(result.status).toBe(0);
    expect(readFileSync(join(at, 'run.jsonl'), 'utf8').split('\n')[0]).toMatch(/^\{"t":/);
    expect(JSON.parse(readFileSync(join(at, 'run.json'), 'utf8')).untilMs).toBe(5_000);
  });

  it('refuses a symlink to a file not written yet and that file', () => {
    const at = folder('dangling');
    symlinkSync(join(at, 'later.jsonl'), join(at, 'alias.jsonl'));
    const result = sim('--trace', join(at, 'alias.jsonl'), '--summary', join(at, 'later.jsonl'));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--trace and --summary both name one file');
  });

  it('lets both go to /dev/null, which is no file to replace', () => {
    expect(sim('--trace', '/dev/null', '--summary', '/dev/null').status).toBe(0);
  });
});
