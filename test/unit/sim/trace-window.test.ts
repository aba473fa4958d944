/** The traceWindow query against a plain filter of the whole trace up to the same time. */
import { describe, expect, it } from 'vitest';
import { runSimQuery } from '../../../src/sim/queries/index.ts';
import { firstIndexAtOrAfter, traceWindow } from '../../../src/sim/queries/trace-window.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import { scenarioOf } from '../../support/test-sim.ts';

const busy = scenarioOf({
  version: 1, durationMs: 60_000, nameServers: [{ id: 'ns-1' }], brokers: [{ name: 'broker-a' }],
  topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
  producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 20 }],
  consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest' }],
});

/** A small trace budget, so that most segments are dropped and read again by replay. */
function timelineAt(t: number): Timeline {
  const timeline = new Timeline(busy, { checkpointEveryMs: 2_000, traceBudget: 500 });
  timeline.seek(t);
  return timeline;
}

describe('traceWindow', () => {
  const timeline = timelineAt(40_000);
  const all = timeline.traceSlice(0);

  it('returns exactly the events from..to of the trace up to now, oldest first', () => {
    const window = traceWindow(timeline, { from: 10_000, to: 12_500 });
    const expected = all.filter((event) => event.t >= 10_000 && event.t <= 12_500);
    expect(expected.length).toBeGreaterThan(100);
    expect(window.events).toEqual(expected);
    expect(window.firstIndex).toBe(all.findIndex((event) => event.t >= 10_000));
    expect(window.truncated).toBe(false);
  });

  it('stops at the current time, and is empty past it', () => {
    expect(traceWindow(timeline, { from: 39_000, to: 50_000 }).events).toEqual(all.filter((event) => event.t >= 39_000));
    const beyond = traceWindow(timeline, { from: 45_000, to: 50_000 });
    expect(beyond).toEqual({ firstIndex: all.length, events: [], truncated: false });
  });

  it('returns at most limit events, the oldest, and says there were more', () => {
    const window = traceWindow(timeline, { from: 0, to: 40_000, limit: 3_000 });
    expect(window.events).toEqual(all.slice(0, 3_000));
    expect(window.truncated).toBe(true);
    expect(traceWindow(timeline, { from: 0, to: 40_000, limit: all.length }).truncated).toBe(false);
  });

  it('finds the first event at or after a time by binary search', () => {
    for (const t of [0, 1, 999, 1_000, 20_017, 40_000, 40_001]) {
      const expected = all.findIndex((event) => event.t >= t);
      expect(firstIndexAtOrAfter(timeline, t)).toBe(expected === -1 ? all.length : expected);
    }
  });

  it('answers by name with plain data that survives a structured clone (a worker message)', () => {
    const answer = runSimQuery(timeline, 'traceWindow', { from: 5_000, to: 6_000 });
    expect(structuredClone(answer)).toEqual(answer);
    expect(answer).toEqual(traceWindow(timeline, { from: 5_000, to: 6_000 }));
  });
});
