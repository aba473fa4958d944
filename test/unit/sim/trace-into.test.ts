/**
 * A frame's trace tail read without unpacking (Timeline.traceInto, TailExtent): the page gets
 * the very words it got from the events' objects, whether their segment is packed, kept
 * unpacked, dropped and replayed, or being captured by a seek; and the worker's record of the
 * page's tail moves as the page's own.
 */
import { describe, expect, it } from 'vitest';
import { TailPacker } from '../../../src/sim/frame/packed-tail.ts';
import { HELD_EVENTS, TAIL_EVENTS, TraceTail } from '../../../src/sim/frame/trace-tail.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import { LIBRARY } from '../../../src/scenario/library/index.ts';
import { scenarioOf, type ScenarioJson } from '../../support/test-sim.ts';

function packedObjects(timeline: Timeline, from: number, to: number) {
  const packer = new TailPacker();
  for (const event of timeline.traceSlice(from, to)) packer.add(event);
  return packer.packed();
}

function packedInto(timeline: Timeline, from: number, to: number) {
  const packer = new TailPacker();
  timeline.traceInto(packer, from, to);
  return packer.packed();
}

describe('Timeline.traceInto', () => {
  it('packs any range of the prefix as the events\' objects pack, across packed, unpacked, dropped and captured segments', () => {
    const scenario = scenarioOf(LIBRARY.find((entry) => entry.id === 'master-slave-failover')!.scenario as ScenarioJson);
    // A small trace budget drops most segments: reads replay them, seeks capture them.
    const timeline = new Timeline(scenario, { checkpointEveryMs: 2_000, traceBudget: 3_000 });
    let compared = 0;
    for (const target of [60_000, 20_500, 59_000, 7_300, 45_001, 45_002, 90_000]) {
      timeline.seek(target);
      const length = timeline.traceLength;
      for (const [from, to] of [[Math.max(0, length - 3_300), length], [0, 50], [Math.floor(length / 3), Math.floor(length / 3) + 700], [length - 1, length + 10]]) {
        // traceInto first: reading the objects first would leave the segments unpacked.
        const into = packedInto(timeline, from!, to!);
        expect(into).toEqual(packedObjects(timeline, from!, to!));
        compared++;
      }
    }
    expect(compared).toBe(28);
  });
});

describe('TraceTail', () => {
  it('holds exactly the trace\'s events [start, end) after any sequence of frames: all of the latest HELD_EVENTS, at most 2 x TAIL_EVENTS', () => {
    const tail = new TraceTail();
    const event = (index: number) => ({ t: index, type: 'fault', action: 'crashBroker', target: 'b' }) as const;
    let length = 0;
    let x = 7;
    let trimmed = 0;
    for (let frame = 0; frame < 400; frame++) {
      x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
      // First a long forward play (past 2 x TAIL_EVENTS, so the tail is cut back), then mostly
      // forward, now and then a far seek either way or a burst past the cut.
      const step = frame < 250 ? 200 : x % 10 === 0 ? (x % 3) * 30_000 - 30_000 : x % 10 === 1 ? 3 * TAIL_EVENTS : x % 500;
      length = Math.max(0, length + step);
      const from = tail.fromFor(length);
      const before = tail.start;
      tail.apply(from, Array.from({ length: length - from }, (_, i) => event(from + i)), length);
      if (length - before > 2 * TAIL_EVENTS && tail.start === length - TAIL_EVENTS) trimmed++;
      expect(tail.end).toBe(length);
      expect(tail.end - tail.start).toBeGreaterThanOrEqual(Math.min(length, HELD_EVENTS));
      expect(tail.end - tail.start).toBeLessThanOrEqual(2 * TAIL_EVENTS);
      expect(tail.events.length).toBe(tail.end - tail.start);
      expect(tail.events.every((e, i) => e.t === tail.start + i)).toBe(true);
    }
    expect(trimmed).toBeGreaterThan(0);
  });
});
