import { cachedPath, dotsAt, routeCacheOf, type Dot } from '../../../src/ui/panels/topology-geometry.ts';
import { topologyModel } from '../../../src/ui/panels/topology-model.ts';
import { firstInFlight, streamDotsAt } from '../../../src/ui/panels/topology-streams.ts';
import type { TraceEvent } from '../../../src/sim/index.ts';
import { Timeline, type TraceSource } from '../../../src/sim/timeline.ts';
import { STREAM_READ_BUDGET, STREAM_SLOTS, streamSize, streamSlotTime, streamStride } from '../../../src/viz/dot-streams.ts';
import { drawsDotStreams } from '../../../src/viz/topology-density.ts';
import { layoutTopology } from '../../../src/viz/topology-layout.ts';
import { writeReadScenario } from './scenarios.ts';

/** Three masters of 48 queues (144 cells: heat rows), 13 consumers (one group node), one producer at 200 messages a second. */
function crowded() {
  const scenario = writeReadScenario({ brokers: ['broker-a', 'broker-b', 'broker-c'], writeQueueNums: 48, readQueueNums: 48, consumers: 13 });
  return { ...scenario, producers: scenario.producers.map((producer) => ({ ...producer, ratePerSec: 200 })) };
}

const sum = (dots: readonly Dot[]) => dots.reduce((total, dot) => total + (dot.events ?? 1), 0);

describe('a crowded cluster\'s dots as streams, a few per line', () => {
  const timeline = new Timeline(crowded());
  timeline.seek(30_000);
  const model = topologyModel(timeline.state);
  const layout = layoutTopology(model.input, 1280);

  it('draws the crowded cluster so, and the classroom cluster a dot per message', () => {
    expect(drawsDotStreams(layout.density)).toBe(true);
    const classroom = topologyModel(new Timeline(writeReadScenario()).state);
    expect(drawsDotStreams(layoutTopology(classroom.input, 1280).density)).toBe(false);
  });

  it('carries every event in flight, in at most one dot per slot of the flight on each line', () => {
    const each = dotsAt(timeline, layout, model.routing, 30_000, 1_000, Infinity);
    const streams = streamDotsAt(timeline, layout, model.routing, 30_000, 1_000);
    // 200 messages a second sent, stored and consumed: about 600 dots, one per event.
    expect(each.length).toBeGreaterThan(500);
    expect(sum(streams)).toBe(each.length);
    // One producer writes to three brokers, which one group node reads: three lines each way.
    const lines = 3;
    expect(streams.filter((dot) => dot.kind === 'sent').length).toBeLessThanOrEqual(lines * (STREAM_SLOTS + 1));
    expect(streams.filter((dot) => dot.kind === 'consumed').length).toBeLessThanOrEqual(lines * (STREAM_SLOTS + 1));
    expect(streams.length).toBeLessThan(each.length / 10);
    // At a sixth of a second of flight, each sent dot carries about 200 / 6 / 3 = 11 messages.
    expect(Math.max(...streams.filter((dot) => dot.kind === 'sent').map((dot) => dot.events!))).toBeGreaterThanOrEqual(10);
  });

  it('draws the rings of a broker\'s stores 3 units apart, not as one solid disc', () => {
    const box = layout.brokers['broker-a/0']!;
    const rings = streamDotsAt(timeline, layout, model.routing, 30_000, 1_000).filter((dot) => dot.ring !== undefined && dot.x === box.x + box.width - 14 && dot.y === box.y + 17);
    expect(rings.length).toBeGreaterThanOrEqual(3);
    const radii = rings.map((dot) => dot.ring!).sort((a, b) => a - b);
    for (let i = 1; i < radii.length; i++) expect(radii[i]! - radii[i - 1]!).toBeGreaterThanOrEqual(2.99);
  });

  it('glides: a slot\'s dot keeps its message and moves on along its line from one frame to the next', () => {
    const now = streamDotsAt(timeline, layout, model.routing, 30_000, 1_000).filter((dot) => dot.kind === 'sent');
    timeline.seek(30_016);
    const next = streamDotsAt(timeline, layout, model.routing, 30_016, 1_000).filter((dot) => dot.kind === 'sent');
    timeline.seek(30_000);
    const moved = now.filter((dot) => next.some((later) => later.msgId === dot.msgId && (later.x !== dot.x || later.y !== dot.y)));
    expect(moved.length).toBeGreaterThan(now.length / 2);
  });

  it('gives the same picture at a time however one got there (scrubbing back)', () => {
    timeline.seek(45_000);
    const forward = streamDotsAt(timeline, layout, model.routing, 45_000, 2_000);
    timeline.seek(90_000);
    timeline.seek(45_000);
    expect(streamDotsAt(timeline, layout, model.routing, 45_000, 2_000)).toEqual(forward);
    timeline.seek(30_000);
  });

  it('finds one path per producer and broker, not per queue: every message into a heat row flies to its broker\'s box', () => {
    const sends = timeline.traceSlice(0).filter((event): event is Extract<TraceEvent, { type: 'message.sent' }> => event.type === 'message.sent' && event.broker === 'broker-b');
    const queueIds = new Set(sends.map((event) => event.queueId));
    expect(queueIds.size).toBe(48);
    const cache = routeCacheOf(layout, model.routing);
    const paths = new Set(sends.map((event) => cachedPath(cache, layout, model.routing, event)));
    expect(paths.size).toBe(1);
  });

  it('reads at most its budget of events a frame, each read standing for the ones skipped', () => {
    // The same window, each event ten times over: 6,000 events in flight, more than the budget.
    const window = timeline.traceSlice(firstInFlight(timeline, 29_000));
    const copies: TraceEvent[] = window.flatMap((event) => Array.from({ length: 10 }, () => event));
    let read = 0;
    const source: TraceSource = {
      traceLength: copies.length,
      traceAt: (index) => {
        read++;
        return copies[index];
      },
      traceSlice: (from, to) => copies.slice(from, to),
    };
    const streams = streamDotsAt(source, layout, model.routing, 30_000, 1_000);
    const exact = 10 * dotsAt(timeline, layout, model.routing, 30_000, 1_000, Infinity).length;
    expect(copies.length).toBeGreaterThan(STREAM_READ_BUDGET);
    expect(read).toBeLessThan(STREAM_READ_BUDGET + 64);
    expect(Math.abs(sum(streams) - exact)).toBeLessThan(exact * 0.05);
  });
});

describe('the streams\' numbers', () => {
  it('reads one event in a power of two, the least that keeps within the budget', () => {
    expect([100, STREAM_READ_BUDGET, STREAM_READ_BUDGET + 1, 3 * STREAM_READ_BUDGET, 20_000].map((events) => streamStride(events))).toEqual([1, 1, 2, 4, 8]);
  });

  it('draws a dot larger the more events it carries: 1, 2-9, 10-99, 100 or more', () => {
    expect([undefined, 1, 2, 9, 10, 99, 100, 5_000].map(streamSize)).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });

  it('moves a slot\'s dot from its slot\'s end, the start of its line while the slot fills', () => {
    // A flight of 600 ms: slots of 100 ms; slot 5 is [500, 600).
    expect(streamSlotTime(5, 600, 1_000)).toBe(600);
    expect(streamSlotTime(9, 600, 950)).toBe(950);
  });
});
