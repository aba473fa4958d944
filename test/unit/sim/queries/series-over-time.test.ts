import { describe, expect, it } from 'vitest';
import { Timeline } from '../../../../src/sim/timeline.ts';
import { checkpointInterval } from '../../../../src/sim/checkpoints.ts';
import { SeriesSampler, seriesOverTime, stepFor } from '../../../../src/sim/queries/series-over-time.ts';
import { libraryTimeline } from '../../../support/library.ts';
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
    // ConsumeStats (AdminBrokerProcessor.getConsumeStats): the queue ids below readQueueNums only, max offset - committed offset.
    const { brokers } = timeline.state;
    const diffTotal = ['broker-a', 'broker-b'].reduce((sum, name) => sum + [0, 1, 2, 3].reduce((queues, q) =>
      queues + brokers[`${name}/0`]!.consumeQueues.TopicTest![q]!.length - (brokers[`${name}/0`]!.consumerOffsetTable.CG?.[`TopicTest@${q}`] ?? 0), 0), 0);
    expect(last.lagByGroup.CG).toBe(diffTotal);
    // Committed offsets trail what was consumed: diffTotal counts at least what the summary's lagging does.
    expect(diffTotal).toBeGreaterThanOrEqual(summary.messages.lagging);
    expect(diffTotal).toBeLessThan(summary.messages.neverConsumable);
    expect(Object.values(last.lagByQueue.CG!).reduce((a, b) => a + b, 0)).toBe(diffTotal);
    // The group's retry topic is one of its topics once its consumer committed an offset there
    // (an empty queue's 0, at its first pull): nothing failed here, so nothing waits in it.
    const retryQueues = ['%RETRY%CG@broker-a:0', '%RETRY%CG@broker-b:0'];
    expect(Object.keys(last.lagByQueue.CG!).sort()).toEqual([...[0, 1, 2, 3].flatMap((q) => [`TopicTest@broker-a:${q}`, `TopicTest@broker-b:${q}`]), ...retryQueues].sort());
    for (const queue of retryQueues) expect(last.lagByQueue.CG![queue]).toBe(0);
  });

  it('reads no lag while no NameServer runs or it lists no broker (nobody to read the offsets from), and again once it does', () => {
    const scenario = structuredClone(write8read4);
    scenario.timeline = [{ at: 20_000, action: 'crashNameServer', target: 'ns-1' }, { at: 40_000, action: 'startNameServer', target: 'ns-1' }];
    const run = new Timeline(scenario);
    run.seek(60_000);
    const samples = seriesOverTime(run, { fromMs: 0, toMs: 60_000, stepMs: 5_000 }).samples;
    const missing = samples.filter((sample) => sample.lagByGroup.CG === undefined).map((sample) => sample.t);
    // At 0 and at 40 s the NameServer runs but lists no broker yet: nobody to read the offsets from either.
    const listsNone = (t: number) => { const probe = new Timeline(scenario); probe.seek(t); return Object.keys(probe.state.nameServers['ns-1']!.brokerAddrTable).length === 0; };
    expect(listsNone(0) && listsNone(40_000)).toBe(true);
    expect(missing).toEqual([0, 20_000, 25_000, 30_000, 35_000, 40_000]);
    for (const t of missing) expect(samples.find((sample) => sample.t === t)!.lagByQueue.CG).toBeUndefined();
    expect(samples.find((sample) => sample.t === 45_000)!.lagByGroup.CG).toBeGreaterThan(0);
  });

  it('reads no lag while the NameServer lists a broker that does not answer (examineConsumeStats fails as a whole), and again once it drops it', () => {
    const scenario = structuredClone(write8read4);
    scenario.durationMs = 240_000;
    scenario.timeline = [{ at: 42_000, action: 'partitionBroker', target: 'broker-b' }];
    const run = new Timeline(scenario);
    run.seek(240_000);
    const live = (t: number) => { const probe = new Timeline(scenario); probe.seek(t); return probe.state.nameServers['ns-1']!.brokerLiveTable['10.0.1.2:10911']; };
    // Its last registration before the cut; ns-1 drops it 120 s later (heartbeatTimeoutMillis).
    const last = live(42_000)!.lastUpdateTimestamp;
    expect(last).toBeLessThan(42_000);
    expect(live(last + 120_000)).toBeUndefined();
    expect(live(last + 119_000)).toBeDefined();
    const samples = seriesOverTime(run, { fromMs: 0, toMs: 240_000, stepMs: 5_000 }).samples;
    const missing = samples.filter((sample) => sample.t > 0 && sample.lagByGroup.CG === undefined).map((sample) => sample.t);
    const silentWindow = samples.map((sample) => sample.t).filter((t) => t >= 42_000 && t < last + 120_000);
    expect(silentWindow.length).toBeGreaterThan(20);
    expect(missing).toEqual(silentWindow);
    expect(samples.find((sample) => sample.t === 40_000)!.lagByGroup.CG).toBeGreaterThan(0);
    expect(samples.find((sample) => sample.t === silentWindow.at(-1)! + 5_000)!.lagByGroup.CG).toBeDefined();
  });

  it('queue ids 4-7 hold half of what was written: the never-consumable count grows by half the send rate', () => {
    const at = (t: number) => series.samples.find((s) => s.t === t)!;
    expect(at(60_000).neverConsumable - at(40_000).neverConsumable).toBe(100);
  });

  it('marks the faults of the timeline once the playhead has passed them, and continues from where it stopped', () => {
    expect(series.faults).toEqual([]);
    timeline.seek(90_000);
    const later = seriesOverTime(timeline, { fromMs: 50_000, toMs: 90_000, stepMs: 5_000 });
    expect(later.faults).toEqual([{ t: 70_000, action: 'crashBroker', target: 'broker-b' }]);
    expect(later.samples[0]).toEqual(series.samples.find((s) => s.t === 50_000));
    expect(later.samples.at(-1)!.produceTps['broker-b'] ?? 0).toBe(0);
  });

  it('flags a timeline action that changed nothing (noEffect), read off the checkpoints and by a replay alike', () => {
    // broker-a runs at 40 s: a start of it changes nothing (src/model/timeline-effect.ts).
    const restarted = scenarioOf({ ...write8read4, timeline: [{ at: 40_000, action: 'startBroker', target: 'broker-a' }, ...write8read4.timeline] });
    const run = new Timeline(restarted);
    run.seek(90_000);
    const expected = [{ t: 40_000, action: 'startBroker', target: 'broker-a', noEffect: true }, { t: 70_000, action: 'crashBroker', target: 'broker-b' }];
    for (const stepMs of [stepFor(restarted.durationMs), 1_500]) {
      expect(seriesOverTime(run, { fromMs: 0, toMs: 90_000, stepMs }).faults).toEqual(expected);
    }
    const replay = new SeriesSampler(restarted, 5_000);
    replay.advanceTo(90_000);
    expect(replay.window(0, 90_000).faults).toEqual(expected);
  });

  it('counts a broker named "constructor" and a group named "__proto__" like any other (a name is just a name)', () => {
    const hostile = scenarioOf({
      ...write8read4, timeline: [],
      brokers: [{ name: 'constructor' }, { name: 'broker-b' }],
      consumers: [{ id: 'c-1', group: '__proto__', topic: 'TopicTest', startAt: 1_000 }],
    });
    const named = new Timeline(hostile);
    named.seek(60_000);
    // Read by checkpoints (stepMs a whole interval) and by a replay: both compare counts by name.
    for (const stepMs of [checkpointInterval(hostile.durationMs), 3_000]) {
      const samples = seriesOverTime(named, { fromMs: 0, toMs: 60_000, stepMs }).samples;
      // Every sample from 5 s, the first stores past (at 1 s): the first of them compares with a sample with no count for either broker.
      for (const sample of samples.filter((s) => s.t >= 5_000)) expect(Object.hasOwn(sample.produceTps, 'constructor'), `${stepMs} ${sample.t}`).toBe(true);
      const steady = samples.filter((sample) => sample.t >= 30_000);
      expect(steady.length).toBeGreaterThan(0);
      for (const sample of steady) {
        expect(sample.produceTps['constructor']! + sample.produceTps['broker-b']!).toBe(10);
        expect(Object.hasOwn(sample.lagByGroup, '__proto__')).toBe(true);
        expect(Number.isFinite(sample.lagByGroup['__proto__'])).toBe(true);
      }
    }
  });

  it('the same numbers from a fresh timeline (deterministic)', () => {
    const again = new Timeline(write8read4);
    again.seek(60_000);
    expect(seriesOverTime(again, { fromMs: 0, toMs: 60_000, stepMs: 5_000 })).toEqual(series);
  });

  it('picks steps of at least 1 s that are whole checkpoint intervals', () => {
    expect(stepFor(300_000)).toBe(2_000);
    expect(stepFor(60_000)).toBe(1_000);
    expect(stepFor(3_600_000)).toBe(15_000);
    // 90 minutes: checkpoints 4.5 s apart, about 240 samples.
    expect(stepFor(5_400_000)).toBe(22_500);
    expect(stepFor(5_400_000) % checkpointInterval(5_400_000)).toBe(0);
  });
});

describe('seriesOverTime read off the checkpoints equals a replay of the run sampled as it goes', () => {
  // A replay from 0:00 counts each step's message.stored (brokerId 0) and message.consumed events
  // and reads the state at every sample; the checkpoints' series reads the state there and the
  // model's counters. Crashes, partitions, a power loss, a failover and an election, and a shrink.
  it.each([
    ['crash-partition-shutdown', 150_000],
    ['master-slave-failover', 100_000],
    ['controller-failover', 150_000],
    ['power-loss-flush', 100_000],
    ['shrink-safely', 120_000],
  ])('%s to %i ms, the charts\' step', (id, atMs) => {
    const timeline = libraryTimeline(id, atMs);
    const stepMs = stepFor(timeline.durationMs);
    expect(timeline.checkpointStateAt(stepMs)).toBeDefined();
    const replay = new SeriesSampler(timeline.scenario, stepMs);
    replay.advanceTo(atMs);
    const series = seriesOverTime(timeline, { fromMs: 0, toMs: atMs, stepMs });
    expect(series).toEqual(replay.window(0, atMs));
    expect(series.samples.some((sample) => Object.keys(sample.produceTps).length > 0)).toBe(true);
    expect(timeline.now).toBe(atMs);
  });

  it('a step that is not a whole number of checkpoint intervals is replayed, with the same numbers', () => {
    const timeline = libraryTimeline('crash-partition-shutdown', 60_000);
    const stepMs = 1_500;
    expect(timeline.checkpointStateAt(stepMs)).toBeUndefined();
    const replay = new SeriesSampler(timeline.scenario, stepMs);
    replay.advanceTo(60_000);
    expect(seriesOverTime(timeline, { fromMs: 0, toMs: 60_000, stepMs })).toEqual(replay.window(0, 60_000));
  });
});
