/**
 * Timeline regressions found by the browser test and the deep property runs: moves that once
 * lost events. Each is checked against a straight run of the same scenario.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/model/index.ts';
import type { Scenario } from '../../../src/model/spec.ts';
import { summarizeQueues } from '../../../src/sim/summary.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import { scenarioOf } from '../../support/test-sim.ts';

function straightLines(s: Scenario, t: number): string[] {
  const sim = createSimulation(s);
  sim.runUntil(t);
  return sim.trace.toArray().map((event) => JSON.stringify(event));
}

function lines(timeline: Timeline): string[] {
  return timeline.traceSlice(0).map((event) => JSON.stringify(event));
}

/** A broker and a NameServer only: a trace of a few registrations, far apart. */
const sparse = scenarioOf({ version: 1, durationMs: 60_000, nameServers: [{ id: 'ns-1' }], brokers: [{ name: 'broker-a' }] });

const busy = scenarioOf({
  version: 1, durationMs: 90_000, nameServers: [{ id: 'ns-1' }], brokers: [{ name: 'broker-a' }, { name: 'broker-b' }],
  topics: [{ name: 'TopicTest', writeQueueNums: 8, readQueueNums: 4 }],
  producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 10 }],
  consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest' }],
});

describe('Timeline', () => {
  it('a seek back, then far forward past everything simulated, keeps the new segments', () => {
    const timeline = new Timeline(busy, { checkpointEveryMs: 1_000 });
    for (const t of [40_000, 12_345, 77_000, 3_000, 60_001, 90_000]) timeline.seek(t);
    expect(lines(timeline)).toEqual(straightLines(busy, 90_000));
  });

  it('a segment read while the first pass writes it keeps every event: packed before the read, kept unpacked too after it', () => {
    const timeline = new Timeline(busy, { checkpointEveryMs: 10_000 });
    timeline.seek(15_000);
    expect(lines(timeline)).toEqual(straightLines(busy, 15_000));
    timeline.seek(26_000);
    expect(lines(timeline)).toEqual(straightLines(busy, 26_000));
  });

  it('the next event after a seek back lies beyond the simulated time, in the segment still being written', () => {
    const timeline = new Timeline(sparse, { checkpointEveryMs: 7_000, traceBudget: 50 });
    timeline.seek(7_000);
    timeline.seek(1);
    expect(timeline.peekNextTraceTime()).toBeUndefined(); // not simulated that far yet
    const next = timeline.seekNextTraceEvent();
    const expected = createSimulation(sparse);
    expected.runUntil(sparse.durationMs);
    expect(next).toBe(expected.trace.toArray().find((event) => event.t > 1)!.t);
    expect(next).toBeGreaterThan(7_000);
    expect(lines(timeline)).toEqual(straightLines(sparse, next));
  });

  it('answers queries without moving the run: the next and previous event times', () => {
    const timeline = new Timeline(busy, { checkpointEveryMs: 1_000, traceBudget: 50 });
    timeline.seek(30_000);
    timeline.seek(12_345);
    const straight = createSimulation(busy);
    straight.runUntil(30_000);
    const times = straight.trace.toArray().map((event) => event.t);
    const length = timeline.traceLength;
    expect(timeline.peekNextTraceTime()).toBe(times.find((t) => t > 12_345));
    expect(timeline.previousTraceTime()).toBe(times.filter((t) => t < 12_345).at(-1));
    expect(timeline.now).toBe(12_345);
    expect(timeline.traceLength).toBe(length);
    expect(lines(timeline)).toEqual(straightLines(busy, 12_345));
  });

  it('a move to the next event lands on it, with the trace of a straight run to there', () => {
    const timeline = new Timeline(busy, { checkpointEveryMs: 1_000 });
    timeline.seek(5_000);
    const next = timeline.seekNextTraceEvent();
    expect(timeline.now).toBe(next);
    expect(next).toBeGreaterThan(5_000);
    expect(lines(timeline)).toEqual(straightLines(busy, next));
    expect(straightLines(busy, next - 1)).toEqual(straightLines(busy, 5_000));
  });

  it("reads a checkpoint's state as a straight run's at that time, without moving the run, and only at checkpoint times", () => {
    const timeline = new Timeline(busy);
    timeline.seek(60_000);
    const every = timeline.checkpointEveryMs;
    for (const t of [every, 20 * every, 60_000]) {
      const sim = createSimulation(busy);
      sim.runUntil(t);
      const state = timeline.checkpointStateAt(t)!;
      expect(summarizeQueues(state)).toEqual(summarizeQueues(sim.state));
      expect(state.stats.storedOnMasters).toEqual(sim.state.stats.storedOnMasters);
      expect(state.stats.consumedByBroker).toEqual(sim.state.stats.consumedByBroker);
    }
    expect(timeline.now).toBe(60_000);
    // Checkpoint 0 is the state before the events of time 0; a time between checkpoints or past the horizon has none.
    for (const t of [0, every / 2, 60_000 + every]) expect(timeline.checkpointStateAt(t)).toBeUndefined();
  });
});
