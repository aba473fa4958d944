/**
 * RocketScope's public API (shared/contract.md §2): run a scenario headless and read its trace
 * and summary. No DOM needed: it runs under Node.
 */
export { simulate, type SimulateOptions, type SimulateResult } from './sim/simulate.ts';
export type { Summary, QueueSummary } from './sim/summary.ts';
export { Timeline } from './sim/timeline.ts';
export { validateScenario, type ValidationError, type ValidationResult } from './scenario/validate.ts';
export { parseScenarioText } from './scenario/parse.ts';
export type { TraceEvent, TraceType } from './model/events.ts';
export type { Scenario } from './model/spec.ts';
export { ROCKETMQ_DEFAULTS, type SimConfig } from './model/defaults.ts';
