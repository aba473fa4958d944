/**
 * Time 0 is an ordinary time: with actions at 0:00 among the faults, the page's trace reader
 * (Timeline.traceAt and traceSlice, after any seeks, steps and evictions) reads exactly the trace
 * of a straight run, each event once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/model/index.ts';
import type { Scenario } from '../../src/model/spec.ts';
import { Timeline } from '../../src/sim/timeline.ts';
import { scenarioOf } from '../support/test-sim.ts';
import { PROPERTY_TIMEOUT_MS, runs, scenarioJsonWithActionsAtZero } from './arbitraries.ts';

function straightLines(s: Scenario, t: number): string[] {
  const sim = createSimulation(s);
  sim.runUntil(t);
  return sim.trace.toArray().map((event) => JSON.stringify(event));
}

type Move = { seek: number } | { step: 'next' | 'previous' };

/** Seeks (0 often among them, as fractions of the run) and steps across them. */
const moves: fc.Arbitrary<Move[]> = fc.array(fc.oneof(
  fc.constant<Move>({ seek: 0 }),
  fc.double({ min: 0, max: 1, noNaN: true }).map((fraction): Move => ({ seek: fraction })),
  fc.constantFrom<Move>({ step: 'next' }, { step: 'previous' }),
), { minLength: 1, maxLength: 8 });

function play(timeline: Timeline, move: Move): void {
  if ('seek' in move) timeline.seek(move.seek * timeline.durationMs);
  else if (move.step === 'next') timeline.seekNextTraceEvent();
  else timeline.seek(timeline.previousTraceTime());
}

describe('the page\'s trace reader around time 0', () => {
  it('reads the trace of a straight run, every event once, after any seeks and steps (actions at 0:00 included)', () => {
    fc.assert(fc.property(scenarioJsonWithActionsAtZero, moves, fc.constantFrom(undefined, 40), (json, path, budget) => {
      const s = scenarioOf(json);
      // A small budget drops segments, so they are read again by replay (segment 0 included).
      const timeline = new Timeline(s, { checkpointEveryMs: 1_000, ...(budget === undefined ? {} : { traceBudget: budget }) });
      for (const move of path) {
        play(timeline, move);
        const expected = straightLines(s, timeline.now);
        expect(timeline.traceSlice(0).map((event) => JSON.stringify(event))).toEqual(expected);
        expect(timeline.traceLength).toBe(expected.length);
        const at = Array.from({ length: Math.min(expected.length, 50) }, (_, i) => JSON.stringify(timeline.traceAt(i)));
        expect(at).toEqual(expected.slice(0, 50));
      }
    }), runs(20));
  }, PROPERTY_TIMEOUT_MS);

  it('a fault at 0:00 is the first trace event, read once', () => {
    const s = scenarioOf({
      version: 1, durationMs: 30_000, nameServers: [{ id: 'ns-1' }], brokers: [{ name: 'broker-a' }],
      timeline: [{ at: 0, action: 'crashBroker', target: 'broker-a' }],
    });
    const timeline = new Timeline(s, { checkpointEveryMs: 1_000 });
    timeline.seek(0);
    expect(timeline.traceSlice(0)).toEqual([{ t: 0, type: 'fault', action: 'crashBroker', target: 'broker-a' }]);
    timeline.seek(5_000);
    timeline.seek(0);
    expect(timeline.traceAt(0)).toEqual({ t: 0, type: 'fault', action: 'crashBroker', target: 'broker-a' });
    expect(timeline.traceLength).toBe(1);
  });
});
