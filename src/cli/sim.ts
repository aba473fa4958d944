/**
 * npm run sim -- <scenario.json | -> [--until <ms>] [--trace <file.jsonl | ->] [--summary <file.json | ->]
 * Exit 0 on success, 2 on an invalid scenario or usage, 1 on an internal error (docs/runner.md).
 */
import { readFileSync } from 'node:fs';
import { parseScenarioText } from '../scenario/parse.ts';
import { simulate } from '../sim/simulate.ts';
import type { Summary } from '../sim/summary.ts';
import { lineWriter, OutputError } from './line-writer.ts';

interface CliOptions {
  input: string;
  untilMs: number | undefined;
  trace: string | undefined;
  summary: string | undefined;
}

const USAGE = 'usage: npm run sim -- <scenario.json | -> [--until <ms>] [--trace <file.jsonl | ->] [--summary <file.json | ->]';

class UsageError extends Error {}

function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { input: '', untilMs: undefined, trace: undefined, summary: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--until') {
      const text = value();
      const until = Number(text);
      if (!Number.isInteger(until) || until < 0) throw new UsageError(`--until must be a whole number of milliseconds, got "${text}"`);
      options.untilMs = until;
    } else if (arg === '--trace') options.trace = value();
    else if (arg === '--summary') options.summary = value();
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else if (options.input === '') options.input = arg;
    else throw new UsageError(`unexpected argument ${arg}`);
  }
  if (options.input === '') throw new UsageError('no scenario given');
  return options;
}

function readInput(input: string): string {
  return readFileSync(input === '-' ? 0 : input, 'utf8');
}

function humanSummary(name: string, summary: Summary): string {
  const m = summary.messages;
  const lines = [
    `${name}: ran to ${summary.untilMs} ms, ${summary.traceEvents} trace events (hash ${summary.traceHash})`,
    `messages: sent ${m.sent}, stored ${m.stored}, consumed ${m.consumed}, never consumable ${m.neverConsumable}, lagging ${m.lagging}, failed ${m.failed}, lost ${m.lost}, duplicates ${m.duplicates}`,
  ];
  for (const [nameServer, route] of Object.entries(summary.routes)) {
    lines.push(`${nameServer}: brokers [${route.brokers.join(', ')}], topics ${Object.entries(route.topics).map(([t, n]) => `${t}(${n})`).join(', ')}`);
  }
  return lines.join('\n') + '\n';
}

export function main(argv: string[]): number {
  let options: CliOptions;
  let text: string;
  try {
    options = parseArgs(argv);
    text = readInput(options.input);
  } catch (error) {
    process.stderr.write(`${error instanceof UsageError ? error.message : `cannot read scenario: ${(error as Error).message}`}\n${USAGE}\n`);
    return 2;
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) {
    process.stderr.write(`invalid scenario (${parsed.errors.length} problem${parsed.errors.length === 1 ? '' : 's'}):\n`);
    for (const error of parsed.errors) process.stderr.write(`  ${error.path || '$'}: ${error.message}\n`);
    return 2;
  }
  const traceOut = options.trace === undefined ? null : lineWriter(options.trace);
  const { summary } = simulate(parsed.scenario, {
    ...(options.untilMs !== undefined ? { untilMs: options.untilMs } : {}),
    onTraceLine: (line) => traceOut?.write(line),
  });
  traceOut?.close();
  if (options.summary !== undefined) {
    const out = lineWriter(options.summary);
    out.write(JSON.stringify(summary, null, 2));
    out.close();
  }
  if (options.trace === undefined && options.summary === undefined) process.stdout.write(humanSummary(parsed.scenario.name, summary));
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof OutputError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`internal error: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
}
