import { describe, expect, it } from 'vitest';
import { Timeline } from '../../../../src/sim/timeline.ts';
import { seriesOverTime, stepFor } from '../../../../src/sim/queries/series-over-time.ts';
import { scenarioOf } from '../../../support/test-sim.ts';

/** One producer at 10 messages a second over two brokers, 8 write and 4 read queues on each. */
const write8read4 = scenarioOf({
  version: 1, durationMs: 120_000, nameServers: [{ id: 'ns-1' }], brokers: [{ name: 'broker-a' }, { name: 'broker-b' }],
  topics: [{ name: 'TopicTest', writeQueueNums: 8, readQueueNums: 4 }],
  producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 10, startAt: 1_000 }],
  consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest', startAt: 1_000 }],
  timeline: [{ at: 70_000, action: 'crashBroker', target: 'broker-b' }],
});

describe('seriesOverTime', () => {
  const timeline = new Timeline(write8read4);
  timeline.seek(60_000);
  const series = seriesOverTime(timeline, { fromMs: 0, toMs: 120_000, stepMs: 5_000 });

  it('samples every step up to the playhead, never past it, without moving the run', () => {
    expect(series.samples.map((s) => s.t)).toEqual(Array.from({ length: 13 }, (_, i) => i * 5_000));
    expect(timeline.now).toBe(60_000);
  });

  it('puts 10 messages a second on the masters over the last 10 s (putTps), about half on each broker', () => {
    const steady = series.samples.filter((s) => s.t >= 30_000);
    for (const sample of steady) {
      expect(sample.produceTps['broker-a']! + sample.produceTps['broker-b']!).toBe(10);
      // 100 sends in 10 s, round robin over 16 write queues: 48 to 52 land on each broker's 8.
      expect(sample.produceTps['broker-a']! * 10).toBeGreaterThanOrEqual(48);
      expect(sample.produceTps['broker-a']! * 10).toBeLessThanOrEqual(52);
    }
  });

  it('reads the same lag and never-consumable counts as the summary at that moment', () => {
    const last = series.samples.at(-1)!;
    const summary = timeline.summary();
    expect(last.neverConsumable).toBe(summary.messages.neverConsumable);
    expect(last.neverConsumable).toBeGreaterThan(0);
    const diffTotal = summary.queues.reduce((sum, queue) => sum + (queue.lag.CG ?? 0), 0);
    expect(last.lagByGroup.CG).toBe(diffTotal);
    expect(Object.values(last.lagByQueue.CG!).reduce((a, b) => a + b, 0)).toBe(diffTotal);
    expect(Object.keys(last.lagByQueue.CG!)).toContain('TopicTest@broker-a:7');
  });

  it('queue ids 4-7 hold half of what was written: diff grows by half the send rate there', () => {
    const at = (t: number) => series.samples.find((s) => s.t === t)!;
    const stranded = (t: number) => [4, 5, 6, 7].reduce((sum, q) => sum + at(t).lagByQueue.CG![`TopicTest@broker-a:${q}`]! + at(t).lagByQueue.CG![`TopicTest@broker-b:${q}`]!, 0);
    expect(stranded(60_000) - stranded(40_000)).toBe(100);
  });

  it('marks the faults of the timeline once the playhead has passed them, and continues from where it stopped', () => {
    expect(series.faults).toEqual([]);
    timeline.seek(90_000);
    const later = seriesOverTime(timeline, { fromMs: 50_000, toMs: 90_000, stepMs: 5_000 });
    expect(later.faults).toEqual([{ t: 70_000, action: 'crashBroker', target: 'broker-b' }]);
    expect(later.samples[0]).toEqual(series.samples.find((s) => s.t === 50_000));
    expect(later.samples.at(-1)!.produceTps['broker-b'] ?? 0).toBe(0);
  });

  it('the same numbers from a fresh timeline (deterministic)', () => {
    const again = new Timeline(write8read4);
    again.seek(60_000);
    expect(seriesOverTime(again, { fromMs: 0, toMs: 60_000, stepMs: 5_000 })).toEqual(series);
  });

  it('picks whole-second steps', () => {
    expect(stepFor(300_000)).toBe(2_000);
    expect(stepFor(60_000)).toBe(1_000);
  });
});
