/**
 * The event queue's order against the rule it implements, (time, order of scheduling), computed
 * here by sorting: events near and far (the timing wheel and the heap), ties, times that are not
 * whole milliseconds, taking and adding interleaved, and a restore in the middle of it all.
 */
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../../src/engine/event-queue.ts';

interface Entry { time: number; label: number }

/** A small seeded generator (the queue's input only). */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** A delay from now: mostly near (the wheel), some far beyond it (the heap), some fractional, some zero. */
function delay(random: () => number): number {
  const r = random();
  if (r < 0.1) return 0;
  if (r < 0.2) return Math.floor(random() * 100_000);
  if (r < 0.25) return random() * 50;
  return Math.floor(random() * 3_000);
}

/** Takes every event at the earliest time by the rule: the least time, then the first scheduled. */
function expectedNext(pending: Entry[]): Entry {
  let best = pending[0]!;
  for (const entry of pending) if (entry.time < best.time || (entry.time === best.time && entry.label < best.label)) best = entry;
  return best;
}

describe('the event queue', () => {
  it('takes events by (time, scheduling order) whether they wait near or far, whole or fractional', () => {
    const random = lcg(7);
    const queue = new EventQueue<Entry>();
    const pending: Entry[] = [];
    let now = 0;
    let label = 0;
    for (let step = 0; step < 20_000; step++) {
      if (pending.length === 0 || random() < 0.55) {
        const entry = { time: now + delay(random), label: label++ };
        queue.push(entry.time, entry);
        pending.push(entry);
        continue;
      }
      const expected = expectedNext(pending);
      expect(queue.peekTime()).toBe(expected.time);
      const taken = queue.pop();
      expect(taken).toBe(expected);
      expect(queue.lastTime).toBe(expected.time);
      pending.splice(pending.indexOf(expected), 1);
      now = expected.time;
    }
    expect(queue.size).toBe(pending.length);
  });

  it('gives back, after a restore, exactly the order the queue would have followed', () => {
    const random = lcg(11);
    const queue = new EventQueue<Entry>();
    for (let label = 0; label < 3_000; label++) {
      const time = delay(random) + (label % 3 === 0 ? 9_000 : 0);
      queue.push(time, { time, label });
    }
    // Take some, so that the wheel has moved on, then snapshot.
    for (let i = 0; i < 1_000; i++) queue.pop();
    const now = queue.lastTime;
    const snapshot = queue.snapshot();
    const straight: Entry[] = [];
    for (let e = queue.pop(); e !== undefined; e = queue.pop()) straight.push(e);
    expect(straight).toHaveLength(2_000);

    const restored = new EventQueue<Entry>();
    restored.restore(snapshot, now);
    const replayed: Entry[] = [];
    for (let e = restored.pop(); e !== undefined; e = restored.pop()) replayed.push(e);
    expect(replayed).toEqual(straight);
    expect(replayed.map((e) => e.label)).toEqual([...straight].sort((a, b) => a.time - b.time || a.label - b.label).map((e) => e.label));
  });

  it('keeps an event of a kind and one number as that number: restored equal (keys in order, frozen or not), not held', () => {
    type Event = Record<string, unknown>;
    const compact: Event[] = [
      { kind: 'rpc.timeout', id: 7 }, Object.freeze({ kind: 'tick', epoch: 2 }), { kind: 'rpc.timeout', id: -0 },
      { kind: 'rpc.timeout', id: 1.5 }, { kind: 'rpc.timeout', id: NaN }, { kind: 'other', id: 3 },
    ];
    const kept: Event[] = [{ kind: 'x', id: 1, extra: 2 }, { id: 3, kind: 'y' }, { kind: 's', name: 'a' }, { kind: 'bare' }, { kind: 'n', 0: 1 }];
    const queue = new EventQueue<Event>();
    [...compact, ...kept].forEach((event, i) => queue.push(i % 3 === 0 ? 10 : 20_000 + i, event));
    const now = queue.lastTime;
    const snapshot = queue.snapshot();
    const straight: Event[] = [];
    for (let e = queue.pop(); e !== undefined; e = queue.pop()) straight.push(e);

    expect(snapshot.items.filter((item) => typeof item === 'object')).toEqual(expect.arrayContaining(kept));
    expect(snapshot.items.filter((item) => typeof item === 'object')).toHaveLength(kept.length);
    const restored = new EventQueue<Event>();
    restored.restore(snapshot, now);
    const replayed: Event[] = [];
    for (let e = restored.pop(); e !== undefined; e = restored.pop()) replayed.push(e);
    expect(replayed).toHaveLength(straight.length);
    replayed.forEach((event, i) => {
      const original = straight[i]!;
      if (kept.includes(original)) expect(event).toBe(original);
      expect(Object.keys(event)).toEqual(Object.keys(original));
      for (const key of Object.keys(original)) expect(Object.is(event[key], original[key])).toBe(true);
      expect(Object.isFrozen(event)).toBe(Object.isFrozen(original));
    });
  });

  it('keeps scheduling order between an event that waited far off and one scheduled at the same time once it came near', () => {
    const queue = new EventQueue<Entry>();
    const far = { time: 20_000, label: 0 };
    queue.push(far.time, far);
    const step = { time: 15_000, label: 1 };
    queue.push(step.time, step);
    expect(queue.pop()).toBe(step);
    // Now 20_000 is 5 s away: a new event at that time waits near, and still comes after the first.
    const near = { time: 20_000, label: 2 };
    queue.push(near.time, near);
    expect(queue.pop()).toBe(far);
    expect(queue.pop()).toBe(near);
  });

  it('is empty when everything is taken: no time, nothing to take', () => {
    const queue = new EventQueue<Entry>();
    queue.push(5, { time: 5, label: 0 });
    queue.push(20_000, { time: 20_000, label: 1 });
    expect(queue.pop()?.label).toBe(0);
    expect(queue.pop()?.label).toBe(1);
    expect(queue.size).toBe(0);
    expect(queue.peekTime()).toBe(Infinity);
    expect(queue.pop()).toBeUndefined();
  });

  it('takes with popUntil(t) exactly the events at or before t, in order, and leaves the later ones waiting', () => {
    const random = lcg(11);
    const queue = new EventQueue<Entry>();
    const pending: Entry[] = [];
    for (let label = 0; label < 2_000; label++) {
      const entry = { time: delay(random), label };
      queue.push(entry.time, entry);
      pending.push(entry);
    }
    for (const until of [0, 0.5, 1_499, 1_500, 20_000, 150_000]) {
      const due = pending.filter((entry) => entry.time <= until);
      const taken: Entry[] = [];
      for (let entry = queue.popUntil(until); entry !== undefined; entry = queue.popUntil(until)) taken.push(entry);
      const expected: Entry[] = [];
      while (due.length > 0) {
        const next = expectedNext(due);
        expected.push(next);
        due.splice(due.indexOf(next), 1);
        pending.splice(pending.indexOf(next), 1);
      }
      expect(taken).toEqual(expected);
      expect(queue.size).toBe(pending.length);
      expect(queue.peekTime()).toBe(pending.length > 0 ? expectedNext(pending).time : Infinity);
    }
    expect(queue.size).toBe(0);
  });
});
