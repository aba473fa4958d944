/**
 * A checkpoint that takes its unchanged parts from the checkpoint before (cloneStateSharing,
 * src/engine/clone.ts) is the same copy a full cloneState makes: every object's kind, prototype,
 * keys in order and values, over generated scenarios and any two times of their runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneState, cloneStateSharing } from '../../src/engine/clone.ts';
import { createSimulation } from '../../src/model/index.ts';
import { layout } from '../unit/engine/layout.ts';
import { PROPERTY_TIMEOUT_MS, runs, scenario } from './arbitraries.ts';

const withTimes = scenario.chain((s) => fc.tuple(fc.integer({ min: 0, max: s.durationMs }), fc.integer({ min: 0, max: s.durationMs }))
  .map(([a, b]) => ({ s, t: Math.min(a, b), t2: Math.max(a, b) })));

describe('checkpoints sharing what did not change', () => {
  it('a copy sharing with an earlier copy has the layout of a full copy, and the earlier copy is unchanged', () => {
    fc.assert(
      fc.property(withTimes, ({ s, t, t2 }) => {
        const sim = createSimulation(s);
        sim.runUntil(t);
        const earlier = cloneState(sim.state);
        const earlierLayout = JSON.stringify(layout(earlier));
        sim.runUntil(t2);
        expect(layout(cloneStateSharing(sim.state, earlier))).toEqual(layout(cloneState(sim.state)));
        expect(layout(cloneStateSharing(sim.net.state, cloneState(sim.net.state)))).toEqual(layout(sim.net.state));
        expect(JSON.stringify(layout(earlier))).toBe(earlierLayout);
      }),
      runs(20),
    );
  }, PROPERTY_TIMEOUT_MS);
});
