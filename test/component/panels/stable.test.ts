import { replaceEqualDeep } from '../../../src/ui/panels/stable.ts';
import { derivedAt } from '../../../src/ui/panels/shared.tsx';
import { Timeline } from '../../../src/sim/timeline.ts';
import { writeReadScenario } from './scenarios.ts';

describe('structural sharing of view models', () => {
  it('returns the previous value when the new one is deep-equal', () => {
    const previous = { a: [1, 2, { b: 'x' }], c: { d: true } };
    expect(replaceEqualDeep(previous, { a: [1, 2, { b: 'x' }], c: { d: true } })).toBe(previous);
  });

  it('keeps the parts that did not change and takes the new ones', () => {
    const previous = { same: { rows: [1, 2] }, changed: { n: 1 }, list: [{ id: 'a' }, { id: 'b' }] };
    const next = replaceEqualDeep(previous, { same: { rows: [1, 2] }, changed: { n: 2 }, list: [{ id: 'a' }, { id: 'c' }] });
    expect(next).toEqual({ same: { rows: [1, 2] }, changed: { n: 2 }, list: [{ id: 'a' }, { id: 'c' }] });
    expect(next).not.toBe(previous);
    expect(next.same).toBe(previous.same);
    expect(next.changed).not.toBe(previous.changed);
    expect(next.list[0]).toBe(previous.list[0]);
    expect(next.list[1]).not.toBe(previous.list[1]);
  });

  it('sees added and removed keys and array lengths', () => {
    const previous: Record<string, number> = { a: 1 };
    expect(replaceEqualDeep(previous, { a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
    expect(replaceEqualDeep({ a: 1, b: 2 }, { a: 1 })).toEqual({ a: 1 });
    expect(replaceEqualDeep([1, 2, 3], [1, 2])).toEqual([1, 2]);
    expect(replaceEqualDeep({ a: undefined }, { b: undefined })).toEqual({ b: undefined });
  });

  it('derives a view model once per time and keeps its identity while it does not change', () => {
    const timeline = new Timeline(writeReadScenario());
    timeline.seek(20_000);
    let computed = 0;
    const brokers = () => {
      computed++;
      return { names: Object.keys(timeline.state.brokers), traceLength: timeline.traceLength };
    };
    const first = derivedAt(timeline, 20_000, 'test', brokers);
    expect(derivedAt(timeline, 20_000, 'test', brokers)).toBe(first);
    expect(computed).toBe(1);
    timeline.seek(25_000);
    const later = derivedAt(timeline, 25_000, 'test', brokers);
    expect(computed).toBe(2);
    expect(later).not.toBe(first);
    expect(later.names).toBe(first.names);
  });
});
