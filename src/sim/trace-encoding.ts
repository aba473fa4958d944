/**
 * A trace event's JSON text written straight into UTF-8 bytes: exactly the bytes of
 * JSON.stringify(event) in UTF-8, without building the string. The headless runner needs only
 * bytes (its hash and its trace file), and on the reference scenario this costs about half the
 * CPU of JSON.stringify plus TextEncoder. A template string per event type was measured too: it
 * was twice as slow as JSON.stringify (strings joined in JavaScript), so this writes bytes and
 * stays generic: for...in walks an object's own keys in JSON.stringify's order. The keys of each
 * trace event type are encoded once (Layout) and copied natively, which took the encoder's CPU on
 * the reference scenario's trace down by about a sixth (A/B in one process, byte-identical).
 *
 * For plain data, as trace events are (src/model/events.ts): strings, numbers, booleans, null,
 * arrays and plain objects (no toJSON). A string with a character to escape or beyond ASCII, and
 * a number that is not a small whole number, is written from JSON.stringify / String instead.
 */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;

const encoder = new TextEncoder();

/** Characters JSON.stringify writes as they are, one byte each in UTF-8. */
function isPlainAscii(c: number): boolean {
  return c >= 0x20 && c < 0x7f && c !== QUOTE && c !== BACKSLASH;
}

/** 1 for each ASCII character that isPlainAscii, else 0: a load per character instead of four comparisons. */
const PLAIN = Uint8Array.from({ length: 0x80 }, (_, c) => (isPlainAscii(c) ? 1 : 0));

/**
 * Writes `text` (already JSON) at `at`. Past the end of `bytes` nothing is written (typed arrays
 * ignore such writes) and the returned end tells the caller it did not fit.
 */
function writeText(bytes: Uint8Array, at: number, text: string): number {
  const { read, written } = encoder.encodeInto(text, bytes.subarray(at));
  return read === text.length ? at + written : bytes.length + 1;
}

/** Writes ASCII text (a number's digits, true, false, null). */
function writeAscii(bytes: Uint8Array, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i);
  return at + text.length;
}

function writeString(bytes: Uint8Array, at: number, s: string): number {
  bytes[at] = QUOTE;
  const start = at + 1;
  const length = s.length;
  // Every character is written, then checked at once: all plain and none past 0x7f.
  let plain = 1;
  let bits = 0;
  for (let i = 0; i < length; i++) {
    const c = s.charCodeAt(i);
    plain &= PLAIN[c & 0x7f]!;
    bits |= c;
    bytes[start + i] = c;
  }
  if (plain === 0 || bits > 0x7f) return writeText(bytes, at, JSON.stringify(s));
  bytes[start + length] = QUOTE;
  return start + length + 1;
}

/** How many decimal digits a whole number from 0 to 2^31 - 1 has: comparisons, not divisions. */
function digitCount(n: number): number {
  if (n < 100_000) return n < 100 ? (n < 10 ? 1 : 2) : n < 1_000 ? 3 : n < 10_000 ? 4 : 5;
  return n < 10_000_000 ? (n < 1_000_000 ? 6 : 7) : n < 100_000_000 ? 8 : n < 1_000_000_000 ? 9 : 10;
}

function writeNumber(bytes: Uint8Array, at: number, n: number): number {
  // A whole number from 0 to 2^31 - 1 (-0 too, which JSON writes as 0): its digits, last first.
  if (n >= 0 && n <= 0x7fffffff && (n | 0) === n) {
    const digits = digitCount(n);
    let i = at + digits;
    let rest = n;
    do {
      const tens = (rest / 10) | 0;
      bytes[--i] = 0x30 + rest - tens * 10;
      rest = tens;
    } while (rest > 0);
    return at + digits;
  }
  return writeAscii(bytes, at, Number.isFinite(n) ? String(n) : 'null');
}

function writeArray(bytes: Uint8Array, at: number, values: readonly unknown[]): number {
  bytes[at++] = 0x5b;
  for (let i = 0; i < values.length; i++) {
    if (i > 0) bytes[at++] = COMMA;
    const value = values[i];
    // JSON writes what it cannot represent inside an array as null.
    at = value === undefined || typeof value === 'function' || typeof value === 'symbol' ? writeAscii(bytes, at, 'null') : writeValue(bytes, at, value);
  }
  bytes[at] = 0x5d;
  return at + 1;
}

function writeObject(bytes: Uint8Array, at: number, object: Readonly<Record<string, unknown>>): number {
  bytes[at++] = 0x7b;
  let first = true;
  for (const key in object) {
    const value = object[key];
    // JSON leaves out a key whose value it cannot represent.
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    if (!first) bytes[at++] = COMMA;
    first = false;
    at = writeString(bytes, at, key);
    bytes[at++] = COLON;
    at = writeValue(bytes, at, value);
  }
  bytes[at] = 0x7d;
  return at + 1;
}

function writeValue(bytes: Uint8Array, at: number, value: unknown): number {
  if (typeof value === 'string') return writeString(bytes, at, value);
  if (typeof value === 'number') return writeNumber(bytes, at, value);
  if (typeof value === 'boolean') return writeAscii(bytes, at, value ? 'true' : 'false');
  if (value === null) return writeAscii(bytes, at, 'null');
  if (Array.isArray(value)) return writeArray(bytes, at, value);
  if (typeof value === 'object') return writeObject(bytes, at, value as Record<string, unknown>);
  // A BigInt: JSON.stringify throws, and so does this.
  return writeText(bytes, at, JSON.stringify(value));
}

/**
 * The keys of one kind of trace event in the order its objects hold them, and the bytes written
 * before each key's value: `{"t":`, then `,"type":` and so on. A trace event's keys are the same
 * for every event of its type (src/model/events.ts), so they are written from these bytes rather
 * than character by character; an object whose keys differ is written the generic way.
 */
interface Layout {
  readonly keys: readonly string[];
  readonly heads: readonly Uint8Array[];
}

const layouts = new Map<string, Layout>();
/** Trace events have a few dozen types; anything beyond this many is written the generic way. */
const MAX_LAYOUTS = 256;

/** The layout of the object's type, learned from the first object of that type. */
function layoutOf(object: Readonly<Record<string, unknown>>): Layout | undefined {
  const type = object['type'];
  if (typeof type !== 'string') return undefined;
  let layout = layouts.get(type);
  if (layout === undefined && layouts.size < MAX_LAYOUTS) {
    const keys: string[] = [];
    for (const key in object) keys.push(key);
    layout = { keys, heads: keys.map((key, i) => encoder.encode(`${i === 0 ? '{' : ','}${JSON.stringify(key)}:`)) };
    layouts.set(type, layout);
  }
  return layout;
}

/** Writes the object by its layout; -1 when its keys or values do not fit the layout. */
function writeByLayout(bytes: Uint8Array, at: number, object: Readonly<Record<string, unknown>>, layout: Layout): number {
  const { keys, heads } = layout;
  let i = 0;
  for (const key in object) {
    if (key !== keys[i]) return -1;
    const value = object[key];
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return -1;
    const head = heads[i++]!;
    // set() copies natively but throws past the end, where the line does not fit anyway.
    if (at + head.length > bytes.length) return bytes.length + 1;
    bytes.set(head, at);
    at = writeValue(bytes, at + head.length, value);
  }
  if (i !== keys.length || i === 0) return -1;
  bytes[at] = 0x7d;
  return at + 1;
}

/**
 * Writes JSON.stringify(value) and a newline as UTF-8 at `at`; returns where it ends, which is
 * past `bytes.length` when the line did not fit (then grow the buffer and write it again).
 */
export function writeJsonLine(bytes: Uint8Array, at: number, value: object): number {
  const object = value as Readonly<Record<string, unknown>>;
  const layout = Array.isArray(value) ? undefined : layoutOf(object);
  let end = layout ? writeByLayout(bytes, at, object, layout) : -1;
  if (end < 0) end = writeValue(bytes, at, value);
  bytes[end] = 0x0a;
  return end + 1;
}
