/**
 * The trace digest in the summary: FNV-1a (64-bit) over the UTF-16 code units of every trace line
 * and its newline. Pure JavaScript, so Node and the browser compute the same hex string.
 */
export class TraceHasher {
  private high = 0xcbf29ce4;
  private low = 0x84222325;

  update(text: string): void {
    let { high, low } = this;
    for (let i = 0; i < text.length; i++) {
      low = (low ^ text.charCodeAt(i)) >>> 0;
      // (high:low) * 0x100000001b3 modulo 2^64, in 32-bit halves; low * 0x1b3 < 2^41 is exact.
      const product = low * 0x1b3;
      const carry = Math.floor(product / 4294967296);
      high = (Math.imul(high, 0x1b3) + (low << 8) + carry) >>> 0;
      low = product >>> 0;
    }
    this.high = high;
    this.low = low;
  }

  addLine(line: string): void {
    this.update(line);
    this.update('\n');
  }

  digest(): string {
    return (this.high >>> 0).toString(16).padStart(8, '0') + (this.low >>> 0).toString(16).padStart(8, '0');
  }
}
