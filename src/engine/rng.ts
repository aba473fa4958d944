/**
 * The one seeded PRNG of a run: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator),
 * 128 bits of state that a snapshot copies. Seeded through splitmix32 so nearby seeds diverge.
 */
export interface RngState {
  a: number;
  b: number;
  c: number;
  d: number;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Rng {
  /**
   * a, b, c, d as unsigned 32-bit words: a typed array keeps them unboxed (numbers past 2^30 in
   * an object's fields are heap numbers) and wraps every store modulo 2^32 as sfc32 needs.
   */
  private readonly s = new Uint32Array(4);

  constructor(seed: number) {
    const next = splitmix32(seed);
    this.setState({ a: next(), b: next(), c: next(), d: next() });
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const s = this.s;
    const a = s[0]!;
    const b = s[1]!;
    const c = s[2]!;
    const d = s[3]!;
    const t = (a + b + d) >>> 0;
    s[3] = d + 1;
    s[0] = b ^ (b >>> 9);
    s[1] = c + (c << 3);
    s[2] = ((c << 21) | (c >>> 11)) + t;
    return t;
  }

  /** Uniform in [0, 1). */
  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, bound). */
  nextInt(bound: number): number {
    return Math.floor(this.nextFloat() * bound);
  }

  /** Exponentially distributed with the given mean (Poisson arrivals). */
  nextExponential(mean: number): number {
    return -Math.log(1 - this.nextFloat()) * mean;
  }

  /** Fisher-Yates, as java.util.Collections.shuffle walks it (from the end). */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.nextInt(i + 1);
      const tmp = items[i]!;
      items[i] = items[j]!;
      items[j] = tmp;
    }
    return items;
  }

  getState(): RngState {
    const s = this.s;
    return { a: s[0]!, b: s[1]!, c: s[2]!, d: s[3]! };
  }

  setState(state: RngState): void {
    this.s.set([state.a, state.b, state.c, state.d]);
  }
}
