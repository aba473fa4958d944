/**
 * npm run sim -- <scenario.json | -> [--until <ms>] [--trace <file.jsonl | ->] [--summary <file.json | ->] [--no-budget] [-h | --help]
 * Exit 0 on success, 2 on an invalid scenario or usage, 1 on an internal error (docs/runner.md).
 */
import { budgetMessage, checkBudget, RUNNER_BUDGET } from '../scenario/budget.ts';
import { parseScenarioText } from '../scenario/parse.ts';
import { describeRoomlessConsumer, roomlessConsumers } from '../scenario/machine-room.ts';
import { describeInconsistentGroup, inconsistentGroups } from '../scenario/subscription-consistency.ts';
import { simulate } from '../sim/simulate.ts';
import type { Summary } from '../sim/summary.ts';
import { parseArgs, USAGE, UsageError, type CliOptions } from './args.ts';
import { lineWriter, OutputError } from './line-writer.ts';
import { checkDistinctOutputs, checkOutputPath } from './output-path.ts';
import { readInput } from './read-input.ts';

/** "1501 (noRoute 1499, attemptsFailed 2)": a count with its causes as docs/summary.md names them. */
function withCauses(count: number, causes: Partial<Record<string, number>>): string {
  const named = Object.entries(causes).map(([cause, n]) => `${cause} ${n}`);
  return named.length > 0 ? `${count} (${named.join(', ')})` : String(count);
}

function humanSummary(name: string, summary: Summary, warnings: string[]): string {
  const m = summary.messages;
  const lines = [
    `${name}: ran to ${summary.untilMs} ms, ${summary.traceEvents} trace events (hash ${summary.traceHash})`,
    `messages: sent ${m.sent}, stored ${m.stored}, consumed ${m.consumed}, unconsumable ${m.neverConsumable}, lagging ${m.lagging}, failed ${withCauses(m.failed, m.failedCauses)}, lost ${withCauses(m.lost, m.lostCauses)}${m.lostConsumed > 0 ? ` of which ${m.lostConsumed} consumed` : ''}, duplicates ${m.duplicates}`,
  ];
  for (const [nameServer, route] of Object.entries(summary.routes)) {
    lines.push(route.up
      ? `${nameServer}: brokers [${route.brokers.join(', ')}], topics ${Object.entries(route.topics).map(([t, n]) => `${t}(${n})`).join(', ')}`
      : `${nameServer}: down (its routes were in memory only)`);
  }
  return [...lines, ...warnings].join('\n') + '\n';
}

/** The command line, the output paths and the input, checked before anything runs. */
function prepare(argv: string[]): { options: CliOptions; text: string } {
  const options = parseArgs(argv);
  if (options.help) return { options, text: '' };
  if (options.trace !== undefined) checkOutputPath('--trace', options.trace);
  if (options.summary !== undefined) checkOutputPath('--summary', options.summary);
  checkDistinctOutputs(options.trace, options.summary);
  return { options, text: readInput(options.input) };
}

export function main(argv: string[]): number {
  let prepared: { options: CliOptions; text: string };
  try {
    prepared = prepare(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message} (${USAGE})\n`);
    return 2;
  }
  const { options, text } = prepared;
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) {
    process.stderr.write(`invalid scenario (${parsed.errors.length} problem${parsed.errors.length === 1 ? '' : 's'}):\n`);
    for (const error of parsed.errors) process.stderr.write(`  ${error.path || '$'}: ${error.message}\n`);
    return 2;
  }
  const { scenario } = parsed;
  if (options.untilMs !== undefined && options.untilMs > scenario.durationMs) {
    process.stderr.write(`--until ${options.untilMs} is after the end of the run: durationMs is ${scenario.durationMs} (${USAGE})\n`);
    return 2;
  }
  const over = options.budget ? checkBudget(scenario, RUNNER_BUDGET) : null;
  if (over) {
    process.stderr.write(`${budgetMessage(over, 'here')}; or run it anyway with --no-budget\n`);
    return 2;
  }
  // Accepted, as RocketMQ accepts it, but said: on stderr when stdout carries the trace or the summary.
  const warnings = [...inconsistentGroups(scenario).map(describeInconsistentGroup), ...roomlessConsumers(scenario).map(describeRoomlessConsumer)];
  const human = options.trace === undefined && options.summary === undefined;
  if (!human) for (const warning of warnings) process.stderr.write(`${warning}\n`);
  const traceOut = options.trace === undefined ? null : lineWriter(options.trace);
  const { summary } = simulate(scenario, {
    ...(options.untilMs !== undefined ? { untilMs: options.untilMs } : {}),
    onTraceBytes: (chunk) => traceOut?.writeBytes(chunk),
  });
  traceOut?.close();
  if (options.summary !== undefined) {
    const out = lineWriter(options.summary);
    out.write(JSON.stringify(summary, null, 2));
    out.close();
  }
  if (human) process.stdout.write(humanSummary(scenario.name, summary, warnings));
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof OutputError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`internal error: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
}
