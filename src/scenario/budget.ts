/**
 * The cost budgets (docs/runner.md, "Cost budget"): what the page and the runner agree to run,
 * judged on estimateCost before anything is built. The page keeps a snapshot at every checkpoint
 * and a trace cache besides the run itself, and shares a browser tab's memory; the runner keeps
 * only the run, and `--no-budget` lifts its budget for someone who knows what they asked for.
 */
import type { Scenario } from '../model/spec.ts';
import { estimateCost, workerBytesOf, type Cost, type CostCause, type CostPart } from './cost.ts';

export interface Budget {
  /** Engine events of the whole run: about two minutes of simulation on the page at this bound. */
  events: number;
  /** Memory the run may hold (for the page, its checkpoints and trace cache included). */
  bytes: number;
  /** Whether the page's checkpoints and trace cache count. */
  page: boolean;
}

/**
 * The page, judged on what its worker holds in a browser (Cost.workerBytes): the reference hour
 * (720,000 messages, about 0.71 GB estimated with its whole trace cached) fits with room to spare, and so do the large scale
 * test's first 18 minutes (1.46 GB: its 100 clients and 640 queues make each checkpoint about a
 * megabyte), not its first 19.
 */
export const PAGE_BUDGET: Budget = { events: 60e6, bytes: 1.5e9, page: true };

/**
 * The runner: the large scale test (3.6 million messages in an hour: 0.65 GB estimated) fits with
 * room to spare in Node's default heap of a machine with 16 GB or more (4 GB).
 */
export const RUNNER_BUDGET: Budget = { events: 400e6, bytes: 2.6e9, page: false };

export interface OverBudget {
  cost: Cost;
  budget: Budget;
  /** What is over: events, memory or both. */
  over: ('events' | 'bytes')[];
  /** What to reduce, the largest first: the causes of at least a fifth of what is over. */
  reduce: CostCause[];
}

/** The memory a budget judges: the page's worker in a browser (checkpoints and trace cache included), or the runner's run in Node. */
export function bytesOf(cost: Cost, budget: Budget): number {
  return budget.page ? cost.workerBytes : cost.runBytes;
}

function partBytes(cause: CostCause, part: CostPart, budget: Budget): number {
  return budget.page ? workerBytesOf(cause, part) : part.runBytes;
}

/** Null when the scenario fits the budget; else what is over and what to reduce. */
export function checkBudget(scenario: Scenario, budget: Budget): OverBudget | null {
  const cost = estimateCost(scenario);
  const over: OverBudget['over'] = [];
  if (cost.events > budget.events) over.push('events');
  if (bytesOf(cost, budget) > budget.bytes) over.push('bytes');
  if (over.length === 0) return null;
  const share = (cause: CostCause) => over.reduce((sum, what) => {
    const part = cost.parts[cause];
    return sum + (what === 'events' ? part.events / cost.events : partBytes(cause, part, budget) / bytesOf(cost, budget));
  }, 0) / over.length;
  const causes = (Object.keys(cost.parts) as CostCause[]).sort((a, b) => share(b) - share(a));
  return { cost, budget, over, reduce: causes.filter((cause, i) => i === 0 || share(cause) >= 0.2) };
}

const MILLION = 1e6;

function amount(value: number): string {
  return value >= 10 * MILLION ? `${Math.round(value / MILLION)} million` : value >= MILLION ? `${(value / MILLION).toFixed(1)} million` : String(Math.round(value));
}

function gigabytes(bytes: number): string {
  return `${(bytes / 1e9).toFixed(1)} GB`;
}

/** What each cause is, in the file's terms, with its size in this scenario. */
function causeText(cause: CostCause, cost: Cost): string {
  switch (cause) {
    case 'messages': return `the messages (producers' ratePerSec x durationMs: about ${amount(cost.messages)})`;
    case 'deliveries': return `the deliveries (about ${amount(cost.deliveries)}: each message once per consumer group or broadcasting consumer, retries included)`;
    case 'queues': return `the queues (${amount(cost.queues)} on all brokers; each group that reads a topic pulls every queue of it: ${amount(cost.queueReaders)} queue-group pairs): fewer brokers, topics or queues per topic`;
    case 'clients': return `the clients (${cost.clients} producers and consumers, each talking to ${cost.brokers} brokers)`;
    case 'brokers': return `the brokers and NameServers (${cost.brokers} brokers) or their config periods`;
  }
}

/** The refusal in one line, in English (the runner's and the validator's words). */
export function budgetMessage(result: OverBudget, where: string): string {
  const { cost, budget } = result;
  return `too heavy to run ${where}: it needs about ${amount(cost.events)} events and ${gigabytes(bytesOf(cost, budget))} of memory`
    + ` (at most ${amount(budget.events)} events and ${gigabytes(budget.bytes)}); reduce ${result.reduce.map((cause) => causeText(cause, cost)).join(', or ')}`;
}
