/**
 * The runner's command line (docs/runner.md). Every mistake is a UsageError: one line on stderr
 * and exit 2, never a stack trace.
 */
export interface CliOptions {
  input: string;
  untilMs: number | undefined;
  trace: string | undefined;
  summary: string | undefined;
  /** --no-budget: run a scenario over the cost budget anyway (it may need minutes and gigabytes). */
  budget: boolean;
  help: boolean;
}

export const USAGE = 'usage: npm run sim -- <scenario.json | -> [--until <ms>] [--trace <file.jsonl | ->] [--summary <file.json | ->] [--no-budget] [-h | --help]';

export class UsageError extends Error {}

/** A whole number of milliseconds, digits only: `--until ''`, `1e3`, `-5` and `0x10` are refused. */
function parseUntil(text: string): number {
  if (!/^\d{1,16}$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`--until must be a whole number of milliseconds (0 or more), got ${JSON.stringify(text.slice(0, 40))}`);
  }
  return Number(text);
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { input: '', untilMs: undefined, trace: undefined, summary: undefined, budget: true, help: false };
  const given = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      // Two values for one option: which one the person meant cannot be guessed.
      if (given.has(arg)) throw new UsageError(`${arg} is given twice`);
      given.add(arg);
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--until') options.untilMs = parseUntil(value());
    else if (arg === '--trace') options.trace = value();
    else if (arg === '--summary') options.summary = value();
    else if (arg === '--no-budget') options.budget = false;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${JSON.stringify(arg.slice(0, 40))}`);
    else if (options.input === '') options.input = arg;
    else throw new UsageError(`unexpected argument ${JSON.stringify(arg.slice(0, 40))}: give one scenario`);
  }
  if (options.help) return options;
  if (options.input === '') throw new UsageError('no scenario given');
  if (options.trace === '-' && options.summary === '-') {
    // On standard output the JSON Lines and the summary's JSON would run together into neither.
    throw new UsageError('--trace and --summary cannot both write to standard output: give one of them a file');
  }
  // Two names of one file are checked where the files are (output-path.ts checkDistinctOutputs).
  return options;
}
