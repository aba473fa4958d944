/**
 * The run's PRNG is sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, as published
 * with PractRand: t = a + b + counter; a = b ^ (b >> 9); b = c + (c << 3); c = rotl(c, 21) + t),
 * seeded through splitmix32 (state += 0x9e3779b9, then two xor-shift-multiply rounds) with its
 * first 12 outputs discarded. The reference below is written from those published descriptions
 * with BigInt arithmetic, independently of src/engine/rng.ts; the literal values were computed by
 * a third implementation (Python integers) of the same algorithms.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/engine/index.ts';

const MASK = (1n << 32n) - 1n;

function referenceSfc32(seedState: [bigint, bigint, bigint, bigint]): () => number {
  let [a, b, c, counter] = seedState;
  return () => {
    const t = (a + b + counter) & MASK;
    counter = (counter + 1n) & MASK;
    a = b ^ (b >> 9n);
    b = (c + (c << 3n)) & MASK;
    c = ((((c << 21n) | (c >> 11n)) & MASK) + t) & MASK;
    return Number(t);
  };
}

function referenceSplitmix32(seed: number): () => bigint {
  let state = BigInt(seed) & MASK;
  return () => {
    state = (state + 0x9e3779b9n) & MASK;
    let z = state;
    z = ((z ^ (z >> 16n)) * 0x85ebca6bn) & MASK;
    z = ((z ^ (z >> 13n)) * 0xc2b2ae35n) & MASK;
    return (z ^ (z >> 16n)) & MASK;
  };
}

function referenceRun(seed: number): () => number {
  const split = referenceSplitmix32(seed);
  const next = referenceSfc32([split(), split(), split(), split()]);
  for (let i = 0; i < 12; i++) next();
  return next;
}

const take = (next: () => number, n: number) => Array.from({ length: n }, next);

describe('the PRNG (sfc32 seeded by splitmix32)', () => {
  it('gives the published algorithm\'s outputs for seeds 42 and 1', () => {
    const forty2 = new Rng(42);
    expect(take(() => forty2.nextUint32(), 5)).toEqual([1028872839, 2516511472, 400437680, 853279530, 1920286840]);
    const one = new Rng(1);
    expect(take(() => one.nextUint32(), 5)).toEqual([1828152527, 3394835397, 2967886022, 2251045104, 4148684523]);
  });

  it('follows the reference implementation over a long stream, for several seeds', () => {
    for (const seed of [0, 7, 0xffff_ffff, 123_456_789]) {
      const rng = new Rng(seed);
      const reference = referenceRun(seed);
      expect(take(() => rng.nextUint32(), 1_000)).toEqual(take(reference, 1_000));
    }
  });

  it('steps the raw sfc32 state as published: the counter feeds the first output (1 + 2 + 4)', () => {
    const rng = new Rng(0);
    rng.setState({ a: 1, b: 2, c: 3, d: 4 });
    expect(take(() => rng.nextUint32(), 5)).toEqual([7, 34, 56623200, 188882296, 3431242869]);
    expect(rng.getState()).toEqual({ a: expect.any(Number), b: expect.any(Number), c: expect.any(Number), d: 9 });
  });

  it('maps outputs to [0, 1) by dividing by 2^32, and integers below a bound by flooring', () => {
    const rng = new Rng(42);
    expect(rng.nextFloat()).toBe(1028872839 / 2 ** 32);
    expect(rng.nextInt(10)).toBe(Math.floor((2516511472 / 2 ** 32) * 10));
  });

  it('restores a saved state exactly: the same outputs follow', () => {
    const rng = new Rng(99);
    take(() => rng.nextUint32(), 17);
    const saved = rng.getState();
    const after = take(() => rng.nextUint32(), 20);
    rng.setState(saved);
    expect(take(() => rng.nextUint32(), 20)).toEqual(after);
  });
});
