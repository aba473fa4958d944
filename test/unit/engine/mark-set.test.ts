/**
 * MarkSet and SerialMarkSet: sets shared between snapshots, where a key counts as present only
 * for positions after the one it was first added at (a restore to an earlier position undoes it).
 */
import { describe, expect, it } from 'vitest';
import { MarkSet, SerialMarkSet } from '../../../src/engine/index.ts';

describe.each([
  ['MarkSet<number>', () => new MarkSet<number>()],
  ['SerialMarkSet', () => new SerialMarkSet()],
])('%s', (_name, make) => {
  it('holds a key from the position after it was added', () => {
    const set = make();
    expect(set.add(7, 10)).toBe(true);
    expect(set.has(7, 10)).toBe(false);
    expect(set.has(7, 11)).toBe(true);
    expect(set.add(7, 20)).toBe(false);
    expect(set.has(8, 100)).toBe(false);
  });

  it('after a restore to an earlier position, adding again counts as new and moves the mark', () => {
    const set = make();
    set.add(3, 50);
    // The run went back to position 30 and adds key 3 at 40 this time.
    expect(set.add(3, 40)).toBe(true);
    expect(set.has(3, 41)).toBe(true);
    expect(set.has(3, 40)).toBe(false);
  });

  it('takes keys far beyond its first size', () => {
    const set = make();
    for (const key of [0, 1_023, 1_024, 5_000, 1_000_000]) expect(set.add(key, key + 1)).toBe(true);
    for (const key of [0, 1_023, 1_024, 5_000, 1_000_000]) {
      expect(set.has(key, key + 2)).toBe(true);
      expect(set.has(key, key + 1)).toBe(false);
    }
    expect(set.has(999_999, 2_000_000)).toBe(false);
  });
});

describe('SerialMarkSet tags', () => {
  it('keeps the tag of the first mark, forgets it before that mark, and takes a new one after a restore', () => {
    const set = new SerialMarkSet();
    set.add(5, 10, 3);
    expect(set.add(5, 20, 9)).toBe(false);
    expect(set.tagOf(5, 21)).toBe(3);
    expect(set.tagOf(5, 10)).toBeUndefined();
    expect([set.markOf(5, 21), set.markOf(5, 10)]).toEqual([10, undefined]);
    // Restored to position 8, the serial is marked again by someone else.
    set.add(5, 8, 4);
    expect(set.tagOf(5, 9)).toBe(4);
    expect(set.markOf(5, 9)).toBe(8);
  });

  it('keeps tags when it grows', () => {
    const set = new SerialMarkSet();
    set.add(1, 1, 7);
    set.add(100_000, 2, 8);
    expect([set.tagOf(1, 3), set.tagOf(100_000, 3)]).toEqual([7, 8]);
  });
});

describe('SerialMarkSet reclaimBelow', () => {
  it('forgets the serials below the point, throws when one is asked about, and keeps the rest with their tags', () => {
    const set = new SerialMarkSet();
    for (let serial = 0; serial < 3_000; serial++) set.add(serial, serial, serial % 7);
    set.reclaimBelow(2_000);
    expect(() => set.has(1_999, 5_000)).toThrow(/serial 1999 was reclaimed/);
    expect(() => set.add(10, 5_000)).toThrow(/was reclaimed/);
    expect(set.has(2_000, 5_000)).toBe(true);
    expect(set.tagOf(2_999, 5_000)).toBe(2_999 % 7);
    expect(set.has(3_000, 5_000)).toBe(false);
    expect(set.add(100_000, 5_000, 3)).toBe(true);
    expect(set.tagOf(100_000, 5_001)).toBe(3);
    set.reclaimBelow(50_000);
    expect(set.tagOf(100_000, 5_001)).toBe(3);
    expect(set.has(60_000, 5_001)).toBe(false);
  });
});
