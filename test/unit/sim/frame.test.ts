/**
 * Frames (src/sim/frame): the page's copy of the run, rebuilt from the worker's frames after
 * every kind of move, equals the Timeline it came from: state (dictionaries stay prototype-less,
 * `__proto__` stays a key), append logs, summary and the trace tail.
 */
import { describe, expect, it } from 'vitest';
import { AppendLog } from '../../../src/engine/append-log.ts';
import { MarkSet, SerialMarkSet } from '../../../src/engine/mark-set.ts';
import type { Scenario } from '../../../src/model/spec.ts';
import { FrameSource } from '../../../src/sim/frame/frame.ts';
import { FrameView } from '../../../src/sim/frame/frame-view.ts';
import { StateDiffer } from '../../../src/sim/frame/state-diff.ts';
import { StateMirror } from '../../../src/sim/frame/state-mirror.ts';
import { HELD_EVENTS } from '../../../src/sim/frame/trace-tail.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import { LEFT_IN_WORKER, LOG_TAIL, setKey, WireDecoder, WireEncoder } from '../../../src/sim/frame/wire.ts';
import { dict } from '../../../src/engine/dict.ts';
import { scenarioOf } from '../../support/test-sim.ts';

/** The value with the kind of every container spelled out, so that equal means equal prototypes too. */
function canonical(value: unknown, logEntries = true): unknown {
  if (value === null || typeof value !== 'object') return value;
  // The page holds every log's length and its latest LOG_TAIL entries.
  if (value instanceof AppendLog) return logEntries ? { length: value.length, tail: value.slice(Math.max(0, value.length - LOG_TAIL)).map((item) => canonical(item)) } : value.length;
  if (value instanceof MarkSet || value instanceof SerialMarkSet) return 'marks';
  if (Array.isArray(value)) return value.map((item) => canonical(item, logEntries));
  if (value === LEFT_IN_WORKER) return 'marks';
  const kind = Object.getPrototypeOf(value) === null ? 'dict' : 'object';
  return [kind, Object.keys(value).map((key) => [key, canonical((value as Record<string, unknown>)[key], logEntries)])];
}

function expectSame(view: FrameView, timeline: Timeline): void {
  expect(view.now).toBe(timeline.now);
  expect(view.traceLength).toBe(timeline.traceLength);
  expect(canonical(view.state)).toEqual(canonical(timeline.state));
  expect(canonical(view.summary())).toEqual(canonical(timeline.summary()));
  expect(view.traceStart).toBeLessThanOrEqual(Math.max(0, timeline.traceLength - HELD_EVENTS));
  expect(view.traceSlice(view.traceStart)).toEqual(timeline.traceSlice(view.traceStart));
  expect(view.previousTraceTime()).toBe(timeline.previousTraceTime());
}

function busy(topic: string, group: string, broker: string, queues = 4): Scenario {
  return scenarioOf({
    version: 1, durationMs: 120_000, nameServers: [{ id: 'ns-1' }], brokers: [{ name: broker }, { name: 'broker-b' }],
    topics: [{ name: topic, writeQueueNums: queues, readQueueNums: queues }],
    producers: [{ id: 'p-1', group: 'PG', topic, ratePerSec: 40 }],
    consumers: [{ id: 'c-1', group, topic }, { id: 'c-2', group, topic }],
    timeline: [{ at: 30_000, action: 'crashBroker', target: 'broker-b' }, { at: 50_000, action: 'startBroker', target: 'broker-b' }],
  });
}

describe('frames', () => {
  for (const [label, scenario] of [
    ['plain names', busy('TopicTest', 'CG', 'broker-a')],
    ['built-in keys as names', busy('__proto__', 'constructor', 'toString')],
    // Tables of offsets with 16 entries and more, which a far move sends whole.
    ['built-in keys as names, 16 queues', busy('__proto__', 'constructor', 'toString', 16)],
  ] as const) {
    it(`rebuild the Timeline's view after moves forward, back, far back and to the end (${label})`, () => {
      const timeline = new Timeline(scenario, { checkpointEveryMs: 2_000, traceBudget: 2_000 });
      const source = new FrameSource();
      const view = new FrameView(scenario);
      for (const t of [0, 1_500, 1_516, 20_000, 20_016, 45_000, 44_000, 3_000, 70_000, 69_990, 120_000]) {
        timeline.seek(t);
        view.receive(structuredClone(source.frameOf(timeline)));
        expectSame(view, timeline);
      }
    });
  }

  it('send only what changed: a frame a few milliseconds on is a small fraction of the first', () => {
    const scenario = busy('TopicTest', 'CG', 'broker-a');
    const timeline = new Timeline(scenario);
    const source = new FrameSource();
    timeline.seek(40_000);
    const first = JSON.stringify(source.frameOf(timeline), (_key, value: unknown) => (value instanceof Map ? [...value] : value));
    timeline.seek(40_016);
    const next = JSON.stringify(source.frameOf(timeline), (_key, value: unknown) => (value instanceof Map ? [...value] : value));
    expect(next.length).toBeLessThan(first.length / 10);
  });

  it('keep a frame as it was when later frames arrive (each frame is a new state object; log entries are shared, log lengths are not)', () => {
    const scenario = busy('TopicTest', 'CG', 'broker-a');
    const timeline = new Timeline(scenario);
    const source = new FrameSource();
    const view = new FrameView(scenario);
    timeline.seek(10_000);
    view.receive(structuredClone(source.frameOf(timeline)));
    const before = view.state;
    const beforeCanonical = canonical(before, false);
    timeline.seek(30_000);
    view.receive(structuredClone(source.frameOf(timeline)));
    expect(view.state).not.toBe(before);
    expect(canonical(before, false)).toEqual(beforeCanonical);
    expect(view.state.config).toBe(before.config);
  });

  it('let go of log entries before the tail after moves far ahead, back and ahead again (the page keeps a log\'s latest LOG_TAIL entries)', () => {
    const scenario = busy('TopicTest', 'CG', 'broker-a');
    const timeline = new Timeline(scenario);
    const source = new FrameSource();
    const view = new FrameView(scenario);
    for (const t of [5_000, 100_000, 100_016, 10_000, 110_000]) {
      timeline.seek(t);
      view.receive(structuredClone(source.frameOf(timeline)));
      const broker = Object.values(view.state.brokers).find((b) => b.name === 'broker-a')!;
      for (const log of [broker.commitLog, broker.consumeQueues.TopicTest![0]!]) {
        const held = Object.keys(log.storage).map(Number);
        expect(held.length).toBeGreaterThan(0);
        expect(Math.min(...held)).toBeGreaterThanOrEqual(log.length - LOG_TAIL);
      }
    }
  });

  it('send a mark set made again after a move back as a whole (the page holds none of its marks), never as changes inside it', () => {
    const scenario = busy('TopicTest', 'CG', 'broker-a');
    const timeline = new Timeline(scenario, { checkpointEveryMs: 2_000 });
    const source = new FrameSource();
    const view = new FrameView(scenario);
    // From late in the run straight to early moments: a consumer's set of consumed ids made
    // after the checkpoint the move replays from is a new object the page never saw.
    for (let t = 1_000; t <= 5_000; t += 250) {
      timeline.seek(45_000);
      view.receive(structuredClone(source.frameOf(timeline)));
      timeline.seek(t);
      view.receive(structuredClone(source.frameOf(timeline)));
      expectSame(view, timeline);
    }
  });

  it('send a table whose rows came and went as its keys\' new order and the changed rows, not whole (PullRequestHoldService\'s holds)', () => {
    const holds = dict<{ queueOffset: number }[]>();
    for (const key of ['T@0', 'T@1', '__proto__', '2', 'T@3']) setKey(holds, key, [{ queueOffset: 1 }]);
    const state = { brokers: { b: { pullHolds: holds, plain: { a: [1], b: [2], c: [3] } as Record<string, number[]> } } };
    const differ = new StateDiffer(new WireEncoder());
    const mirror = new StateMirror<typeof state>(new WireDecoder());
    mirror.apply(structuredClone(differ.diff(state)));
    const before = mirror.state;
    const beforeCanonical = canonical(before);
    // A hold answered and another parked on the same queue: the key moves to the end.
    delete holds['T@1'];
    delete holds['__proto__'];
    setKey(holds, '__proto__', [{ queueOffset: 5 }]);
    holds['T@1'] = [{ queueOffset: 2 }];
    holds['T@9'] = [{ queueOffset: 3 }];
    const plain = state.brokers.b.plain;
    delete plain.a;
    plain.a = [1];
    const patches = differ.diff(state);
    expect(patches.filter((patch) => patch.op === 'order').map((patch) => patch.path)).toEqual([['brokers', 'b', 'pullHolds'], ['brokers', 'b', 'plain']]);
    expect(patches.filter((patch) => patch.op === 'set').map((patch) => patch.path)).toEqual([
      ['brokers', 'b', 'pullHolds', '__proto__', 0, 'queueOffset'],
      ['brokers', 'b', 'pullHolds', 'T@1', 0, 'queueOffset'],
      ['brokers', 'b', 'pullHolds', 'T@9'],
    ]);
    mirror.apply(structuredClone(patches));
    expect(canonical(mirror.state)).toEqual(canonical(state));
    expect(Object.keys(mirror.state.brokers.b.pullHolds)).toEqual(['2', 'T@0', 'T@3', '__proto__', 'T@1', 'T@9']);
    expect(Object.getPrototypeOf(mirror.state.brokers.b.pullHolds)).toBeNull();
    // The frame before stays as it was.
    expect(canonical(before)).toEqual(beforeCanonical);
    expect(mirror.state.brokers.b.pullHolds['T@0']).toBe(before.brokers.b.pullHolds['T@0']);
  });
});
