/**
 * The engine core under the same hold workload as the bare loop: the Simulation's heap, its
 * dispatch by event kind, and one plain event object scheduled per event handled.
 */
import { Simulation } from '../../src/engine/index.ts';

type TickEvent = { kind: 'tick' };
type CoreState = { checksum: number; seed: number };

export function engineCore(pending: number, events: number, seed: number): number {
  const state: CoreState = { checksum: 0, seed: seed >>> 0 };
  const nextDelay = () => {
    state.seed = (Math.imul(state.seed, 1664525) + 1013904223) >>> 0;
    return 1 + (state.seed % 1000);
  };
  const sim = new Simulation<CoreState, TickEvent, object, never>({
    state,
    seed,
    latency: { latencyMs: 0, jitterMs: 0 },
    keepTrace: false,
    handlers: {
      tick: (s, _event, simulation) => {
        s.checksum += simulation.now;
        simulation.after(nextDelay(), { kind: 'tick' });
      },
      'net.deliver': () => {},
      'net.closed': () => {},
    },
  });
  for (let i = 0; i < pending; i++) sim.schedule(nextDelay(), { kind: 'tick' });
  for (let i = 0; i < events; i++) sim.step();
  return state.checksum;
}
