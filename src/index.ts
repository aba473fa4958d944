/**
 * RocketScope's public API (docs/runner.md): run a scenario headless and read its trace
 * and summary. No DOM needed: it runs under Node.
 */
import { validateScenario } from './scenario/validate.ts';
import { simulate as simulateValidated, type SimulateOptions, type SimulateResult } from './sim/simulate.ts';

/** Thrown by simulate() for a scenario that does not validate; `errors` lists every problem by JSON path. */
export class InvalidScenarioError extends Error {
  constructor(readonly errors: { path: string; message: string }[]) {
    super(`invalid scenario:\n${errors.map((error) => `  ${error.path}: ${error.message}`).join('\n')}`);
    this.name = 'InvalidScenarioError';
  }
}

/**
 * simulate(scenario, { untilMs }) -> { trace, summary }: the scenario is a version-1 file as JSON
 * (or already normalized); missing values take RocketMQ's defaults.
 */
export function simulate(scenario: unknown, options: SimulateOptions = {}): SimulateResult {
  const result = validateScenario(scenario);
  if (!result.ok) throw new InvalidScenarioError(result.errors);
  return simulateValidated(result.scenario, options);
}

export type { SimulateOptions, SimulateResult };
export type { Summary, QueueSummary } from './sim/summary.ts';
export { Timeline } from './sim/timeline.ts';
export { validateScenario, type ValidationError, type ValidationResult } from './scenario/validate.ts';
export { parseScenarioText } from './scenario/parse.ts';
export type { TraceEvent, TraceType } from './model/events.ts';
export type { Scenario } from './model/spec.ts';
export { ROCKETMQ_DEFAULTS, type SimConfig } from './model/defaults.ts';
