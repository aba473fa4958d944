/**
 * The RocketMQ model as a simulation: build it from a scenario, then step or run it.
 */
import { AppendLog, Simulation } from '../engine/index.ts';
import { MODEL_HANDLERS } from './dispatch.ts';
import { SCAN_RESPONSE_TABLE } from './defaults.ts';
import type { ModelEvent, TraceEvent } from './events.ts';
import { onUndelivered } from './oneway-loss.ts';
import { createModelState } from './factory.ts';
import type { Wire } from './remoting-types.ts';
import type { Sim } from './sim-types.ts';
import type { Scenario } from './spec.ts';
import type { ModelState, StoredMessage } from './state.ts';
import type { TraceWriter } from './trace-writer.ts';


export interface ModelOptions {
  onTrace?: (event: TraceEvent) => void;
  keepTrace?: boolean;
  /**
   * How each broker keeps its CommitLog: entries as objects unless told, or in columns
   * (broker/commit-log.ts) for long runs (the runner, the page's worker), which the page's
   * initial JavaScript does without. The same entries and the same run either way.
   */
  commitLog?: () => AppendLog<StoredMessage>;
  /** Takes the five busy trace events as values (trace-writer.ts); keepTrace must then be false. */
  writer?: TraceWriter;
}

export function createSimulation(scenario: Scenario, options: ModelOptions = {}): Sim {
  const sim = new Simulation<ModelState, ModelEvent, Wire, TraceEvent, TraceWriter>({
    state: createModelState(scenario, options.commitLog ?? (() => new AppendLog<StoredMessage>())),
    handlers: MODEL_HANDLERS,
    seed: scenario.seed,
    latency: { latencyMs: scenario.config.networkLatencyMs, jitterMs: scenario.config.networkJitterMs },
    ...(options.onTrace ? { onTrace: options.onTrace } : {}),
    keepTrace: options.keepTrace ?? true,
    ...(options.writer ? { writer: options.writer } : {}),
    onUndelivered,
  });
  const starts: { at: number; node: string }[] = [
    ...scenario.nameServers.map((spec) => ({ at: spec.startAt, node: spec.id })),
    ...(scenario.controllers ?? []).map((spec) => ({ at: spec.startAt, node: spec.id })),
    ...scenario.brokers.map((spec) => ({ at: spec.startAt, node: `${spec.name}/${spec.brokerId}` })),
    ...scenario.producers.map((spec) => ({ at: spec.startAt, node: spec.id })),
    ...scenario.consumers.map((spec) => ({ at: spec.startAt, node: spec.id })),
  ];
  for (const node of Object.keys(sim.state.nodeKinds)) sim.net.addNode(node);
  for (const start of starts) sim.schedule(start.at, { kind: 'lifecycle.start', node: start.node });
  for (const action of scenario.timeline) sim.schedule(action.at, { kind: 'timeline', action });
  sim.schedule(SCAN_RESPONSE_TABLE.initialDelayMs, { kind: 'remoting.scanResponseTable' });
  return sim;
}

export type { Scenario, Sim };
