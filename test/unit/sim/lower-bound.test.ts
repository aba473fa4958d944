import { lowerBound } from '../../../src/sim/lower-bound.ts';

describe('lowerBound', () => {
  const keys = [0, 10, 10, 10, 20, 30];
  const at = (i: number) => keys[i]!;

  it('finds the first of equal keys', () => {
    expect(lowerBound(keys.length, at, 10)).toBe(1);
    expect(lowerBound(keys.length, at, 30)).toBe(5);
  });

  it('finds the first key above a value that is not there', () => {
    expect(lowerBound(keys.length, at, 11)).toBe(4);
  });

  it('answers 0 when every key is at or above the value', () => {
    expect(lowerBound(keys.length, at, -5)).toBe(0);
    expect(lowerBound(keys.length, at, 0)).toBe(0);
  });

  it('answers the length when every key is below the value', () => {
    expect(lowerBound(keys.length, at, 31)).toBe(6);
  });

  it('answers 0 for an empty sequence without reading a key', () => {
    expect(lowerBound(0, () => { throw new Error('read'); }, 0)).toBe(0);
  });
});
