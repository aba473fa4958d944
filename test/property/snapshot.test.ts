/**
 * Snapshots are exact (design: "a snapshot is a copy of data and a restore is exact"): over
 * generated scenarios, snapshot at t, restore, continue to t' equals a straight run to t', and the
 * page's Timeline gives the same trace and summary after seeking backwards and forwards.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/model/index.ts';
import type { Sim } from '../../src/model/sim-types.ts';
import type { Scenario } from '../../src/model/spec.ts';
import { summarize } from '../../src/sim/summary.ts';
import { Timeline } from '../../src/sim/timeline.ts';
import { PROPERTY_TIMEOUT_MS, runs, scenario } from './arbitraries.ts';

/** Two times 0 <= t <= t2 <= durationMs. */
const times = (s: Scenario) => fc.tuple(fc.integer({ min: 0, max: s.durationMs }), fc.integer({ min: 0, max: s.durationMs }))
  .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);

const withTimes = scenario.chain((s) => times(s).map(([t, t2]) => ({ s, t, t2 })));

function lines(sim: Sim): string[] {
  return sim.trace.toArray().map((event) => JSON.stringify(event));
}

/** The summary of the state without the trace hash (a Timeline does not hash). */
function summaryOf(state: Sim['state'], t: number, traceCount: number): string {
  return JSON.stringify(summarize(state, t, '', traceCount));
}

/** The times of every trace event of the whole run, in order. */
function eventTimes(s: Scenario): number[] {
  return straight(s, s.durationMs).trace.toArray().map((event) => event.t);
}

function straight(s: Scenario, t: number): Sim {
  const sim = createSimulation(s);
  sim.runUntil(t);
  return sim;
}

describe('snapshot and restore over generated scenarios', () => {
  it('snapshot at t, continue to t\', restore, continue to t\' again: both equal a straight run to t\'', () => {
    fc.assert(
      fc.property(withTimes, ({ s, t, t2 }) => {
        const sim = createSimulation(s);
        sim.runUntil(t);
        const snapshot = sim.snapshot();
        sim.runUntil(t2);
        const first = { lines: lines(sim), summary: summaryOf(sim.state, t2, sim.traceCount) };
        sim.restore(snapshot);
        expect(sim.now).toBe(t);
        sim.runUntil(t2);
        const again = { lines: lines(sim), summary: summaryOf(sim.state, t2, sim.traceCount) };
        const reference = straight(s, t2);
        const expected = { lines: lines(reference), summary: summaryOf(reference.state, t2, reference.traceCount) };
        expect(first).toEqual(expected);
        expect(again).toEqual(expected);
      }),
      runs(20),
    );
  }, PROPERTY_TIMEOUT_MS);

  it('a restored snapshot is still reusable: restoring twice gives the same future twice', () => {
    fc.assert(
      fc.property(withTimes, ({ s, t, t2 }) => {
        const sim = createSimulation(s);
        sim.runUntil(t);
        const snapshot = sim.snapshot();
        const futures: string[][] = [];
        for (let i = 0; i < 2; i++) {
          sim.restore(snapshot);
          sim.runUntil(t2);
          futures.push(lines(sim));
        }
        expect(futures[1]).toEqual(futures[0]);
      }),
      runs(10),
    );
  }, PROPERTY_TIMEOUT_MS);

  it('Timeline.seek backwards and forwards gives the trace and summary of a straight run', () => {
    fc.assert(
      fc.property(withTimes, fc.constantFrom(1_000, 5_000, 7_000), fc.constantFrom(50, 400_000), fc.constantFrom(0, 20, 4_000), ({ s, t, t2 }, every, budget, tailEvents) => {
        // tailEvents: a seek from elsewhere may restore the checkpoint before its own, to replay a dropped segment on its way.
        const timeline = new Timeline(s, { checkpointEveryMs: every, traceBudget: budget, tailEvents });
        const check = (at: number) => {
          const reference = straight(s, at);
          expect(timeline.now).toBe(at);
          expect(timeline.traceSlice(0).map((e) => JSON.stringify(e))).toEqual(lines(reference));
          expect(JSON.stringify(timeline.summary())).toBe(summaryOf(reference.state, at, reference.traceCount));
        };
        timeline.seek(t2);
        check(t2);
        timeline.seek(t); // backwards
        check(t);
        timeline.seek(t2); // forwards again
        check(t2);
      }),
      runs(12),
    );
  }, PROPERTY_TIMEOUT_MS);

  it('seeks followed by one-event steps back and forward read the trace of a straight run, whatever was dropped', () => {
    const visit = (s: Scenario) => fc.record({
      seek: fc.integer({ min: 0, max: s.durationMs }),
      back: fc.integer({ min: 0, max: 6 }),
      forward: fc.integer({ min: 0, max: 2 }),
    });
    const walk = scenario.chain((s) => fc.array(visit(s), { minLength: 1, maxLength: 4 }).map((visits) => ({ s, visits })));
    fc.assert(
      fc.property(walk, fc.constantFrom(1_000, 7_000), fc.constantFrom(0, 20, 4_000), ({ s, visits }, every, tailEvents) => {
        // A budget of 50 events drops nearly every segment, so reads go through captures and replays.
        const timeline = new Timeline(s, { checkpointEveryMs: every, traceBudget: 50, tailEvents });
        const check = () => {
          const reference = straight(s, timeline.now);
          expect(timeline.traceSlice(0).map((e) => JSON.stringify(e))).toEqual(lines(reference));
          expect(JSON.stringify(timeline.summary())).toBe(summaryOf(reference.state, timeline.now, reference.traceCount));
        };
        for (const { seek, back, forward } of visits) {
          timeline.seek(seek);
          check();
          for (let i = 0; i < back; i++) {
            const before = timeline.now;
            timeline.seek(timeline.previousTraceTime());
            // Back lands on the last event before where we were (or 0).
            expect(timeline.now).toBe(eventTimes(s).filter((t) => t < before).at(-1) ?? 0);
            check();
          }
          for (let i = 0; i < forward; i++) {
            const before = timeline.now;
            const known = timeline.peekNextTraceTime();
            // The query leaves the run where it was; the move goes to the next event.
            expect(timeline.now).toBe(before);
            const expected = eventTimes(s).find((t) => t > before) ?? s.durationMs;
            if (known !== undefined) expect(known).toBe(expected);
            expect(timeline.seekNextTraceEvent()).toBe(expected);
            expect(timeline.now).toBe(expected);
            check();
          }
        }
      }),
      runs(12),
    );
  }, PROPERTY_TIMEOUT_MS);
});
