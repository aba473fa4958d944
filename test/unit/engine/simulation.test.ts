/**
 * The engine's own rules, on a bare Simulation with handlers that only record what they see:
 * events run in (time, schedule order), nothing can be scheduled in the past, and the clock
 * moves only through step() and runUntil().
 */
import { describe, expect, it } from 'vitest';
import { Simulation, type HandlerTable } from '../../../src/engine/index.ts';

type Event = { kind: 'tick'; label: string } | { kind: 'spawn'; label: string; delayMs: number };
interface Log { seen: { t: number; label: string }[] }

function recorder(): Simulation<Log, Event, object, never> {
  const handlers: HandlerTable<Log, Event, object, never> = {
    tick: (state, event, sim) => void state.seen.push({ t: sim.now, label: event.label }),
    spawn: (state, event, sim) => {
      state.seen.push({ t: sim.now, label: event.label });
      sim.after(event.delayMs, { kind: 'tick', label: `${event.label}'s child` });
    },
    'net.deliver': () => undefined,
    'net.closed': () => undefined,
  };
  return new Simulation({ state: { seen: [] }, handlers, seed: 1, latency: { latencyMs: 1, jitterMs: 0 } });
}

const tick = (label: string): Event => ({ kind: 'tick', label });

describe('the event loop', () => {
  it('runs events at the same time in the order they were scheduled, whatever their time order of scheduling', () => {
    const sim = recorder();
    sim.schedule(20, tick('c'));
    sim.schedule(10, tick('a'));
    sim.schedule(20, tick('d'));
    sim.schedule(10, tick('b'));
    sim.schedule(20, tick('e'));
    sim.runUntil(100);
    expect(sim.state.seen).toEqual([
      { t: 10, label: 'a' }, { t: 10, label: 'b' }, { t: 20, label: 'c' }, { t: 20, label: 'd' }, { t: 20, label: 'e' },
    ]);
  });

  it('keeps schedule order among thousands of ties (the heap never reorders equal times)', () => {
    const sim = recorder();
    const labels = Array.from({ length: 3_000 }, (_, i) => `e${i}`);
    // Interleave two times so the heap moves entries around.
    labels.forEach((label, i) => sim.schedule(i % 2 === 0 ? 5 : 7, tick(label)));
    sim.runUntil(10);
    const at5 = sim.state.seen.filter((entry) => entry.t === 5).map((entry) => entry.label);
    const at7 = sim.state.seen.filter((entry) => entry.t === 7).map((entry) => entry.label);
    expect(at5).toEqual(labels.filter((_, i) => i % 2 === 0));
    expect(at7).toEqual(labels.filter((_, i) => i % 2 === 1));
    expect(sim.state.seen.map((entry) => entry.t)).toEqual([...Array(1_500).fill(5), ...Array(1_500).fill(7)]);
  });

  it('runs an event scheduled for now, during a handler, after the events already waiting at now', () => {
    const sim = recorder();
    sim.schedule(10, { kind: 'spawn', label: 'parent', delayMs: 0 });
    sim.schedule(10, tick('sibling'));
    sim.runUntil(10);
    expect(sim.state.seen.map((entry) => entry.label)).toEqual(['parent', 'sibling', "parent's child"]);
    expect(sim.state.seen.every((entry) => entry.t === 10)).toBe(true);
  });

  it('refuses to schedule in the past: it throws, names the event and both times, and schedules nothing', () => {
    const sim = recorder();
    sim.runUntil(50);
    expect(() => sim.schedule(49, tick('late'))).toThrow('cannot schedule tick at 49, before now (50)');
    expect(() => sim.after(-1, tick('late'))).toThrow('before now (50)');
    expect(() => sim.schedule(Number.NaN, tick('nowhen'))).toThrow('cannot schedule tick at NaN');
    expect(sim.pending).toBe(0);
    // Now itself is not the past.
    sim.schedule(50, tick('now'));
    sim.runUntil(50);
    expect(sim.state.seen).toEqual([{ t: 50, label: 'now' }]);
  });

  it('moves the clock only through step() and runUntil(): step jumps to the next event, runUntil to its target', () => {
    const sim = recorder();
    sim.schedule(30, tick('x'));
    expect(sim.now).toBe(0);
    expect(sim.peekTime()).toBe(30);
    expect(sim.step()).toBe(true);
    expect(sim.now).toBe(30);
    expect(sim.step()).toBe(false);
    expect(sim.now).toBe(30);
    sim.runUntil(45);
    expect(sim.now).toBe(45);
    // A target in the past leaves the clock where it is.
    sim.runUntil(10);
    expect(sim.now).toBe(45);
    expect(sim.peekTime()).toBe(Infinity);
  });

  it('runs every event at exactly the target time, none after it', () => {
    const sim = recorder();
    sim.schedule(100, tick('at'));
    sim.schedule(101, tick('after'));
    sim.runUntil(100);
    expect(sim.state.seen.map((entry) => entry.label)).toEqual(['at']);
    expect(sim.pending).toBe(1);
  });
});

describe('the trace writer', () => {
  const handlers: HandlerTable<Log, Event, object, string, string[]> = {
    tick: () => undefined, spawn: () => undefined, 'net.deliver': () => undefined, 'net.closed': () => undefined,
  };
  const options = { state: { seen: [] }, handlers, seed: 1, latency: { latencyMs: 1, jitterMs: 0 } };

  it('is handed each event it takes counted, and none while an override listens for objects', () => {
    const written: string[] = [];
    const heard: string[] = [];
    const sim = new Simulation({ ...options, keepTrace: false, writer: written, onTrace: (event: string) => heard.push(event) });
    sim.writerOfNext()?.push('a');
    sim.emit('b');
    expect(sim.traceCount).toBe(2);
    sim.onTraceOverride = (event) => heard.push(`override ${event}`);
    expect(sim.writerOfNext()).toBeNull();
    expect(sim.traceCount).toBe(2);
    sim.onTraceOverride = null;
    sim.writerOfNext()?.push('c');
    expect([written, heard, sim.traceCount]).toEqual([['a', 'c'], ['b'], 3]);
  });

  it('takes no objects: a simulation that keeps its trace refuses one, and one without gives null', () => {
    expect(() => new Simulation({ ...options, writer: [] })).toThrow(/keepTrace must be false/);
    const sim = new Simulation({ ...options, keepTrace: false });
    expect(sim.writerOfNext()).toBeNull();
    expect(sim.traceCount).toBe(0);
  });
});
