import type { Simulation } from '../engine/index.ts';
import type { ModelEvent, TraceEvent } from './events.ts';
import type { Wire } from './remoting-types.ts';
import type { ModelState } from './state.ts';

/** The simulation as every handler sees it: the only door to now, schedule, net, rng and trace. */
export type Sim = Simulation<ModelState, ModelEvent, Wire, TraceEvent>;

/** A trace event before it is stamped with the time. */
export type UnstampedTrace = TraceEvent extends infer E ? (E extends TraceEvent ? Omit<E, 't'> : never) : never;

/** Emits a trace event stamped with the current time (`t` first, then `type`, for stable JSON). */
export function trace(sim: Sim, event: UnstampedTrace): void {
  sim.emit({ t: sim.now, ...event } as TraceEvent);
}
