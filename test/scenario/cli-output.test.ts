/**
 * The runner's trace output when the reader is slow or gone: every line arrives however slowly
 * the pipe is read (the writer waits for the reader instead of dropping what a write did not
 * take), and an output that fails makes the runner exit non-zero with a message.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { simulate } from '../../src/sim/simulate.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Its trace is about 780 KB: far more than a pipe holds (64 KB on Linux). */
const EXAMPLE = 'examples/write8-read4.json';
const SIM = `"${process.execPath}" --import tsx src/cli/sim.ts ${EXAMPLE} --trace -`;

function shell(script: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run sim -- … --trace -', () => {
  const parsed = parseScenarioText(readFileSync(`${ROOT}/${EXAMPLE}`, 'utf8'));
  if (!parsed.ok) throw new Error('the example does not validate');
  const expected = simulate(parsed.scenario).summary.traceEvents;

  it('loses no line on a pipe whose reader starts late and reads slowly', () => {
    // The reader sleeps before reading, so the runner finds the pipe full and must wait for it.
    const result = shell(`${SIM} | (sleep 2; wc -l); echo "exit \${PIPESTATUS[0]}"`);
    expect(result.stdout.trim().split('\n')).toEqual([String(expected), 'exit 0']);
  }, 120_000);

  it('exits 1 with a message when the output fails (a full device, a closed pipe)', () => {
    const full = shell(`${SIM} > /dev/full`);
    expect(full.status).toBe(1);
    expect(full.stderr).toBe('cannot write to standard output: ENOSPC: no space left on device, write\n');
    const closed = shell(`${SIM} | head -n 1 > /dev/null; echo "exit \${PIPESTATUS[0]}"`);
    expect(closed.stdout).toBe('exit 1\n');
    expect(closed.stderr).toContain('cannot write to standard output: EPIPE');
  }, 120_000);
});
