/**
 * The trace digest in the summary (docs/summary.md): MurmurHash3_x86_128 (Austin Appleby's
 * SMHasher, seed 0) over the UTF-8 bytes of the trace file, that is every trace line and its
 * newline; traceHash is its first two 32-bit words, h1 then h2, as 16 hex digits. Pure
 * JavaScript with 32-bit integer arithmetic, so Node and the browser compute the same string.
 *
 * Why this one: it mixes 16 bytes per step in four independent lanes, about a third of the work
 * per byte of FNV-1a over UTF-16 code units (the digest before, which cost the headless runner as
 * much CPU as encoding the lines), and anyone can check a trace file with any MurmurHash3 library.
 * Lines given as text are gathered and encoded to UTF-8 in chunks by the platform's TextEncoder
 * (native code); events are written as bytes directly (src/sim/trace-encoding.ts).
 */
import { writeJsonLine } from './trace-encoding.ts';

const C1 = 0x239b961b;
const C2 = 0xab0e9789;
const C3 = 0x38b34ae5;
const C4 = 0xa1e38b93;

/** Bytes gathered before they are hashed (and handed on): large enough that the calls cost nothing, small enough to stay in cache. */
const CHUNK_BYTES = 1 << 15;

const encoder = new TextEncoder();

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/** One lane's input word before it is xored in: k·c, rotated, ·c'. */
function mixK(k: number, c: number, r: number, next: number): number {
  return Math.imul(rotl(Math.imul(k, c), r), next);
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const hex = (word: number) => (word >>> 0).toString(16).padStart(8, '0');

/** MurmurHash3_x86_128's tail: the lanes' constants and rotations. */
const TAIL_MIX: readonly (readonly [number, number, number])[] = [[C1, 15, C2], [C2, 16, C3], [C3, 17, C4], [C4, 18, C1]];

export class TraceHasher {
  private h1 = 0;
  private h2 = 0;
  private h3 = 0;
  private h4 = 0;
  /** Texts not encoded yet, and their length in code units. */
  private pending: string[] = [];
  private pendingChars = 0;
  private bytes = new Uint8Array(4 * CHUNK_BYTES);
  private view = new DataView(this.bytes.buffer);
  /** Bytes in `bytes`: those from `fresh` on are not handed on yet, those before were carried over (fewer than a block). */
  private filled = 0;
  private fresh = 0;
  /** Bytes of the whole text, modulo 2^32 as MurmurHash3's length is a 32-bit integer. */
  private length = 0;

  /** `onBytes`, if given, receives every byte hashed, in order, in chunks that are valid only during the call (the trace file's bytes). */
  constructor(private readonly onBytes?: (chunk: Uint8Array) => void) {}

  /** Adds a text (encoded whole: split a surrogate pair across two calls and it becomes two U+FFFD). */
  update(text: string): void {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= CHUNK_BYTES) this.encodePending();
  }

  /** Adds a trace line and its newline. */
  addLine(line: string): void {
    this.pending.push(line, '\n');
    this.pendingChars += line.length + 1;
    if (this.pendingChars >= CHUNK_BYTES) this.encodePending();
  }

  /** Adds an event's trace line, JSON.stringify(event) and its newline, written as bytes without the string (src/sim/trace-encoding.ts). */
  addEvent(event: object): void {
    if (this.pendingChars > 0) this.encodePending();
    let end = writeJsonLine(this.bytes, this.filled, event);
    while (end > this.bytes.length) {
      this.grow(2 * this.bytes.length);
      end = writeJsonLine(this.bytes, this.filled, event);
    }
    this.wrote(end);
  }

  /**
   * Where the next line goes in `buffer`, with room for `maxBytes` there: a writer that knows
   * its line's length at most (src/sim/trace-writers.ts) writes it in place, then calls wrote().
   */
  lineAt(maxBytes: number): number {
    if (this.pendingChars > 0) this.encodePending();
    if (this.filled + maxBytes > this.bytes.length) this.grow(Math.max(2 * this.bytes.length, this.filled + maxBytes));
    return this.filled;
  }

  /** The buffer lineAt gives room in; another is made when it grows. */
  get buffer(): Uint8Array {
    return this.bytes;
  }

  /** Takes the bytes written from lineAt's offset to `end` as the next line. */
  wrote(end: number): void {
    this.length = (this.length + end - this.filled) >>> 0;
    this.filled = end;
    if (end >= CHUNK_BYTES) this.hashBuffered();
  }

  /** The 64-bit digest of everything added so far; more can be added after. */
  digest(): string {
    this.encodePending();
    this.hashBuffered();
    let [h1, h2, h3, h4] = this.tail();
    const length = this.length;
    h1 ^= length;
    h2 ^= length;
    h3 ^= length;
    h4 ^= length;
    h1 = (h1 + h2 + h3 + h4) | 0;
    h2 = (h2 + h1) | 0;
    h3 = (h3 + h1) | 0;
    h4 = (h4 + h1) | 0;
    h1 = fmix32(h1);
    h2 = fmix32(h2);
    h3 = fmix32(h3);
    h4 = fmix32(h4);
    h1 = (h1 + h2 + h3 + h4) | 0;
    h2 = (h2 + h1) | 0;
    return hex(h1) + hex(h2);
  }

  /** Encodes the pending texts as UTF-8 behind the bytes already there, and hashes them. */
  private encodePending(): void {
    if (this.pendingChars === 0) return;
    const text = this.pending.length === 1 ? this.pending[0]! : this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (this.bytes.length < this.filled + 3 * text.length) this.grow(this.filled + 3 * text.length);
    const { written } = encoder.encodeInto(text, this.bytes.subarray(this.filled));
    this.length = (this.length + written) >>> 0;
    this.filled += written;
    this.hashBuffered();
  }

  /** Hands on the new bytes, hashes every whole block and carries the rest to the start. */
  private hashBuffered(): void {
    if (this.filled > this.fresh) this.onBytes?.(this.bytes.subarray(this.fresh, this.filled));
    const whole = this.filled - (this.filled & 15);
    this.blocks(whole);
    this.bytes.copyWithin(0, whole, this.filled);
    this.filled -= whole;
    this.fresh = this.filled;
  }

  /** A larger buffer (a very long line), keeping the bytes in it. */
  private grow(size: number): void {
    const bytes = new Uint8Array(size);
    bytes.set(this.bytes.subarray(0, this.filled));
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer);
  }

  /** The body of MurmurHash3_x86_128: bytes [0, end) in blocks of 16, four little-endian words each. */
  private blocks(end: number): void {
    const view = this.view;
    let { h1, h2, h3, h4 } = this;
    for (let i = 0; i < end; i += 16) {
      h1 ^= mixK(view.getInt32(i, true), C1, 15, C2);
      h1 = (Math.imul((rotl(h1, 19) + h2) | 0, 5) + 0x561ccd1b) | 0;
      h2 ^= mixK(view.getInt32(i + 4, true), C2, 16, C3);
      h2 = (Math.imul((rotl(h2, 17) + h3) | 0, 5) + 0x0bcaa747) | 0;
      h3 ^= mixK(view.getInt32(i + 8, true), C3, 17, C4);
      h3 = (Math.imul((rotl(h3, 15) + h4) | 0, 5) + 0x96cd1c35) | 0;
      h4 ^= mixK(view.getInt32(i + 12, true), C4, 18, C1);
      h4 = (Math.imul((rotl(h4, 13) + h1) | 0, 5) + 0x32ac3b17) | 0;
    }
    this.h1 = h1;
    this.h2 = h2;
    this.h3 = h3;
    this.h4 = h4;
  }

  /** The state with the carried bytes (the last partial block) mixed in, as MurmurHash3's tail does: every lane up to the last byte's. */
  private tail(): [number, number, number, number] {
    const k = [0, 0, 0, 0];
    for (let i = 0; i < this.filled; i++) k[i >> 2]! ^= this.bytes[i]! << ((i & 3) * 8);
    const h: [number, number, number, number] = [this.h1, this.h2, this.h3, this.h4];
    for (let lane = 0; lane * 4 < this.filled; lane++) {
      const [c, r, next] = TAIL_MIX[lane]!;
      h[lane]! ^= mixK(k[lane]!, c, r, next);
    }
    return h;
  }
}
