import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineWriter } from '../../../../src/cli/line-writer.ts';
import { simulate } from '../../../../src/sim/simulate.ts';
import { traceJsonLines } from '../../../../src/sim/queries/trace-lines.ts';
import { Timeline } from '../../../../src/sim/timeline.ts';
import { parseScenarioText } from '../../../../src/scenario/parse.ts';

const file = 'examples/broker-crash.json';

/** The lines of the runner's file whose t is in [from, to], with their newlines: the bytes a window of it holds. */
function runnerWindow(path: string, from: number, to: number): string {
  return readFileSync(path, 'utf8').split('\n').filter((line) => line !== '' && (JSON.parse(line) as { t: number }).t >= from && (JSON.parse(line) as { t: number }).t <= to).map((line) => `${line}\n`).join('');
}

describe('traceJsonLines', () => {
  const parsed = parseScenarioText(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error('the example must be valid');
  // What `npm run sim -- <file> --trace <out>` does (src/cli/sim.ts): simulate's bytes through the runner's writer.
  const out = join(mkdtempSync(join(tmpdir(), 'rs-trace-')), 'run.jsonl');
  const writer = lineWriter(out);
  simulate(parsed.scenario, { onTraceBytes: (chunk) => writer.writeBytes(chunk) });
  writer.close();
  const timeline = new Timeline(parsed.scenario, { traceBudget: 2_000 });

  it('writes a window byte for byte as the headless runner writes it', () => {
    timeline.seek(parsed.scenario.durationMs);
    for (const [from, to] of [[0, 0], [10_000, 20_000], [59_999, 75_000], [0, parsed.scenario.durationMs]] as const) {
      const lines = traceJsonLines(timeline, { fromMs: from, toMs: to });
      expect(Buffer.from(lines, 'utf8').equals(Buffer.from(runnerWindow(out, from, to), 'utf8'))).toBe(true);
    }
    expect(traceJsonLines(timeline, { fromMs: 10_000, toMs: 20_000 }).length).toBeGreaterThan(1_000);
  });

  it('stops at the playhead, and a seek back (segments replayed) gives the same bytes', () => {
    timeline.seek(30_000);
    expect(traceJsonLines(timeline, { fromMs: 25_000, toMs: 90_000 })).toBe(runnerWindow(out, 25_000, 30_000));
  });
});
