/**
 * The trace digest in the summary: FNV-1a (64-bit) over the UTF-16 code units of every trace line
 * and its newline. Pure JavaScript, so Node and the browser compute the same hex string.
 *
 * The 64-bit state is kept as four 16-bit limbs in small integers: each step multiplies by the
 * FNV prime 2^40 + 0x1b3 with int32 arithmetic only. Two 32-bit halves needed a floating-point
 * division per code unit for the carry, and that chain made hashing the runner's trace cost more
 * than encoding it.
 */
const PRIME_LOW = 0x1b3;

export class TraceHasher {
  /** The offset basis 0xcbf29ce484222325, lowest limb first. */
  private limbs = [0x2325, 0x8422, 0x9ce4, 0xcbf2];

  update(text: string): void {
    let [v0, v1, v2, v3] = this.limbs as [number, number, number, number];
    for (let i = 0; i < text.length; i++) {
      // A code unit is 16 bits: the xor touches the lowest limb only.
      v0 ^= text.charCodeAt(i);
      // (v3:v2:v1:v0) * (2^40 + 0x1b3) modulo 2^64: 2^40 shifts v0 and v1 into limbs 2 and 3.
      const t0 = v0 * PRIME_LOW;
      const t1 = v1 * PRIME_LOW + (t0 >>> 16);
      const t2 = v2 * PRIME_LOW + (v0 << 8) + (t1 >>> 16);
      v3 = (v3 * PRIME_LOW + (v1 << 8) + (t2 >>> 16)) & 0xffff;
      v0 = t0 & 0xffff;
      v1 = t1 & 0xffff;
      v2 = t2 & 0xffff;
    }
    this.limbs = [v0, v1, v2, v3];
  }

  addLine(line: string): void {
    this.update(line);
    this.update('\n');
  }

  digest(): string {
    return this.limbs.map((limb) => limb.toString(16).padStart(4, '0')).reverse().join('');
  }
}
