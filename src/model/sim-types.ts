import type { Simulation } from '../engine/index.ts';
import type { ModelEvent, TraceEvent } from './events.ts';
import type { Wire } from './remoting-types.ts';
import type { ModelState } from './state.ts';
import type { TraceWriter } from './trace-writer.ts';

/**
 * The simulation as every handler sees it: the only door to now, schedule, net, rng and trace.
 * A trace event is emitted as one literal with `t` first, then `type` (stable JSON):
 * `sim.emit({ t: sim.now, type: ... })`. A spread of an unstamped event cost a tenth of a run.
 * The five busy events go through trace-writer.ts, which may hand their values to a TraceWriter.
 */
export type Sim = Simulation<ModelState, ModelEvent, Wire, TraceEvent, TraceWriter>;
