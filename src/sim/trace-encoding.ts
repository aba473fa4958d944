/**
 * A trace event's JSON text written straight into UTF-8 bytes: exactly the bytes of
 * JSON.stringify(event) in UTF-8, without building the string. The headless runner needs only
 * bytes (its hash and its trace file), and on the reference scenario this costs about half the
 * CPU of JSON.stringify plus TextEncoder. A template string per event type was measured too: it
 * was twice as slow as JSON.stringify (strings joined in JavaScript), so this writes bytes and
 * stays generic: for...in walks an object's own keys in JSON.stringify's order. The keys of each
 * trace event type are encoded once (Layout) and copied natively, which took the encoder's CPU on
 * the reference scenario's trace down by about a sixth (A/B in one process, byte-identical).
 * Writing the `type`'s value with its key (it is the layout's), checking a character with one
 * load and writing whole numbers two digits per division took off about a quarter more.
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

/**
 * 1 for each UTF-16 code unit JSON.stringify writes as it is, one byte in UTF-8 (printable ASCII
 * but the quote and the backslash), else 0: one load per character instead of five comparisons.
 */
const PLAIN = new Uint8Array(0x10000).fill(1, 0x20, 0x7f);
PLAIN[QUOTE] = 0;
PLAIN[BACKSLASH] = 0;

/** The two ASCII digits of 0 to 99, at 2n and 2n + 1: a number is written two digits per division. */
const DIGIT_PAIRS = Uint8Array.from({ length: 200 }, (_, i) => 0x30 + (i & 1 ? (i >> 1) % 10 : ((i >> 1) / 10) | 0));

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
  // Every character is written, then checked at once: all plain ASCII.
  let plain = 1;
  for (let i = 0; i < length; i++) {
    const c = s.charCodeAt(i);
    plain &= PLAIN[c]!;
    bytes[start + i] = c;
  }
  if (plain === 0) return writeText(bytes, at, JSON.stringify(s));
  bytes[start + length] = QUOTE;
  return start + length + 1;
}

/** How many decimal digits a whole number from 0 to 2^31 - 1 has: comparisons, not divisions. */
function digitCount(n: number): number {
  if (n < 100_000) return n < 100 ? (n < 10 ? 1 : 2) : n < 1_000 ? 3 : n < 10_000 ? 4 : 5;
  return n < 10_000_000 ? (n < 1_000_000 ? 6 : 7) : n < 100_000_000 ? 8 : n < 1_000_000_000 ? 9 : 10;
}

function writeNumber(bytes: Uint8Array, at: number, n: number): number {
  // A whole number from 0 to 2^31 - 1 (-0 too, which JSON writes as 0): its digits, last first, two at a time.
  if (n >= 0 && n <= 0x7fffffff && (n | 0) === n) {
    const digits = digitCount(n);
    let i = at + digits;
    let rest = n | 0;
    while (rest >= 100) {
      const hundreds = (rest / 100) | 0;
      const pair = (rest - hundreds * 100) << 1;
      bytes[--i] = DIGIT_PAIRS[pair + 1]!;
      bytes[--i] = DIGIT_PAIRS[pair]!;
      rest = hundreds;
    }
    if (rest >= 10) {
      bytes[i - 1] = DIGIT_PAIRS[(rest << 1) + 1]!;
      bytes[i - 2] = DIGIT_PAIRS[rest << 1]!;
    } else {
      bytes[i - 1] = 0x30 + rest;
    }
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
  /**
   * Each head as little-endian 32-bit words, its last word padded: written a word at a time, the
   * padding lands where the value goes next and is written over.
   */
  readonly heads: readonly Int32Array[];
  readonly headLengths: Int32Array;
  /** Where `type` is among the keys: its head holds its value too (the type the layout is for). */
  readonly typeAt: number;
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
    const typeAt = keys.indexOf('type');
    const head = (key: string, i: number) => `${i === 0 ? '{' : ','}${JSON.stringify(key)}:${i === typeAt ? JSON.stringify(type) : ''}`;
    const encoded = keys.map((key, i) => encoder.encode(head(key, i)));
    layout = { keys, heads: encoded.map(asWords), headLengths: Int32Array.from(encoded, (bytes) => bytes.length), typeAt };
    layouts.set(type, layout);
  }
  return layout;
}

/** The bytes as little-endian 32-bit words, the last one padded with zeros. */
function asWords(bytes: Uint8Array): Int32Array {
  const words = new Int32Array((bytes.length + 3) >> 2);
  new Uint8Array(words.buffer).set(bytes);
  return words;
}

/** A DataView of the bytes written to (the same buffer from one line to the next): it stores a head's words at any offset. */
let viewed: Uint8Array | null = null;
let view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));

function viewOf(bytes: Uint8Array): DataView<ArrayBufferLike> {
  if (viewed !== bytes) {
    viewed = bytes;
    view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  return view;
}

/**
 * Writes the object by its layout; -1 when its keys or values do not fit the layout. A head goes
 * out a 32-bit word at a time, which took the encoder's CPU down by about a tenth against
 * Uint8Array.set (a call per key) or a loop of bytes (A/B in one process, byte-identical).
 */
function writeByLayout(bytes: Uint8Array, at: number, object: Readonly<Record<string, unknown>>, layout: Layout): number {
  const { keys, heads, headLengths, typeAt } = layout;
  const words = viewOf(bytes);
  let i = 0;
  for (const key in object) {
    if (key !== keys[i]) return -1;
    const value = object[key];
    const head = heads[i]!;
    // A DataView throws past the end, where the line does not fit anyway.
    if (at + 4 * head.length > bytes.length) return bytes.length + 1;
    for (let w = 0; w < head.length; w++) words.setInt32(at + 4 * w, head[w]!, true);
    at += headLengths[i]!;
    // The type's value is its layout's (layoutOf read it): written with its head.
    if (i++ === typeAt) continue;
    if (typeof value === 'string') at = writeString(bytes, at, value);
    else if (typeof value === 'number') at = writeNumber(bytes, at, value);
    else if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return -1;
    else at = writeValue(bytes, at, value);
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

/**
 * The five busy events' lines written from their values (src/model/trace-writer.ts), without an
 * event object: no layout to look up and no keys to walk. Each type's constant text, the bytes
 * between two values (`,"type":"message.sent","producer":` and so on), is encoded once and
 * written a 32-bit word at a time as writeByLayout writes a head.
 */
interface Head {
  readonly words: Int32Array;
  readonly length: number;
}

function headOf(text: string): Head {
  const bytes = encoder.encode(text);
  return { words: asWords(bytes), length: bytes.length };
}

/** The heads of a line of `type` whose keys after `t` and `type` are `keys`: `{"t":`, then `,"type":"…","key":`, then `,"key":` for each. */
function headsOf(type: string, keys: readonly string[]): readonly Head[] {
  const texts = ['{"t":', `,"type":${JSON.stringify(type)},${JSON.stringify(keys[0])}:`, ...keys.slice(1).map((key) => `,${JSON.stringify(key)}:`)];
  return texts.map(headOf);
}

/** The most bytes the constant part of a line takes: its heads, each word's padding, the closing brace and newline. */
function fixedBytes(heads: readonly Head[]): number {
  return heads.reduce((sum, head) => sum + 4 * head.words.length, 0) + 2;
}

function writeHead(view: DataView, at: number, head: Head): number {
  const words = head.words;
  for (let w = 0; w < words.length; w++) view.setInt32(at + 4 * w, words[w]!, true);
  return at + head.length;
}

function endLine(bytes: Uint8Array, at: number): number {
  bytes[at] = 0x7d;
  bytes[at + 1] = 0x0a;
  return at + 2;
}

/** JSON writes a number in at most 25 characters (-0.0000012345678901234567), a string's character in at most 6 bytes (\uXXXX) and its two quotes. */
const NUMBER_BYTES = 25;
const stringBytes = (s: string) => 6 * s.length + 2;

const SENT = headsOf('message.sent', ['producer', 'msgId', 'topic', 'tags', 'keys', 'broker', 'queueId', 'attempt']);
const SENT_FIXED = fixedBytes(SENT) + 3 * NUMBER_BYTES;
const STORED = headsOf('message.stored', ['broker', 'brokerId', 'topic', 'queueId', 'queueOffset', 'commitLogOffset', 'msgId', 'offsetMsgId']);
const STORED_FIXED = fixedBytes(STORED) + 5 * NUMBER_BYTES;
const RESULT = headsOf('send.result', ['producer', 'msgId', 'status']);
const RESULT_FIXED = fixedBytes(RESULT) + NUMBER_BYTES;
const CONSUMED = headsOf('message.consumed', ['consumer', 'group', 'msgId', 'broker', 'brokerId', 'queueId', 'queueOffset', 'topic', 'reconsumeTimes']);
const CONSUMED_FIXED = fixedBytes(CONSUMED) + 5 * NUMBER_BYTES;
const COMMITTED = headsOf('offset.committed', ['consumer', 'group', 'broker', 'queueId', 'offset', 'topic']);
const COMMITTED_FIXED = fixedBytes(COMMITTED) + 3 * NUMBER_BYTES;

/** The most bytes a message.sent line with these strings takes (the room to give writeMessageSent). */
export function messageSentBytes(producer: string, msgId: string, topic: string, tags: string, keys: string, broker: string): number {
  return SENT_FIXED + stringBytes(producer) + stringBytes(msgId) + stringBytes(topic) + stringBytes(tags) + stringBytes(keys) + stringBytes(broker);
}

/** A message.sent line at `at`, where messageSentBytes of room is; returns its end. */
export function writeMessageSent(
  bytes: Uint8Array, at: number, t: number, producer: string, msgId: string, topic: string, tags: string, keys: string, broker: string,
  queueId: number, attempt: number,
): number {
  const view = viewOf(bytes);
  at = writeNumber(bytes, writeHead(view, at, SENT[0]!), t);
  at = writeString(bytes, writeHead(view, at, SENT[1]!), producer);
  at = writeString(bytes, writeHead(view, at, SENT[2]!), msgId);
  at = writeString(bytes, writeHead(view, at, SENT[3]!), topic);
  at = writeString(bytes, writeHead(view, at, SENT[4]!), tags);
  at = writeString(bytes, writeHead(view, at, SENT[5]!), keys);
  at = writeString(bytes, writeHead(view, at, SENT[6]!), broker);
  at = writeNumber(bytes, writeHead(view, at, SENT[7]!), queueId);
  at = writeNumber(bytes, writeHead(view, at, SENT[8]!), attempt);
  return endLine(bytes, at);
}

export function messageStoredBytes(broker: string, topic: string, msgId: string, offsetMsgId: string): number {
  return STORED_FIXED + stringBytes(broker) + stringBytes(topic) + stringBytes(msgId) + stringBytes(offsetMsgId);
}

export function writeMessageStored(
  bytes: Uint8Array, at: number, t: number, broker: string, brokerId: number, topic: string, queueId: number, queueOffset: number,
  commitLogOffset: number, msgId: string, offsetMsgId: string,
): number {
  const view = viewOf(bytes);
  at = writeNumber(bytes, writeHead(view, at, STORED[0]!), t);
  at = writeString(bytes, writeHead(view, at, STORED[1]!), broker);
  at = writeNumber(bytes, writeHead(view, at, STORED[2]!), brokerId);
  at = writeString(bytes, writeHead(view, at, STORED[3]!), topic);
  at = writeNumber(bytes, writeHead(view, at, STORED[4]!), queueId);
  at = writeNumber(bytes, writeHead(view, at, STORED[5]!), queueOffset);
  at = writeNumber(bytes, writeHead(view, at, STORED[6]!), commitLogOffset);
  at = writeString(bytes, writeHead(view, at, STORED[7]!), msgId);
  at = writeString(bytes, writeHead(view, at, STORED[8]!), offsetMsgId);
  return endLine(bytes, at);
}

export function sendResultBytes(producer: string, msgId: string, status: string): number {
  return RESULT_FIXED + stringBytes(producer) + stringBytes(msgId) + stringBytes(status);
}

export function writeSendResult(bytes: Uint8Array, at: number, t: number, producer: string, msgId: string, status: string): number {
  const view = viewOf(bytes);
  at = writeNumber(bytes, writeHead(view, at, RESULT[0]!), t);
  at = writeString(bytes, writeHead(view, at, RESULT[1]!), producer);
  at = writeString(bytes, writeHead(view, at, RESULT[2]!), msgId);
  at = writeString(bytes, writeHead(view, at, RESULT[3]!), status);
  return endLine(bytes, at);
}

export function messageConsumedBytes(consumer: string, group: string, msgId: string, broker: string, topic: string): number {
  return CONSUMED_FIXED + stringBytes(consumer) + stringBytes(group) + stringBytes(msgId) + stringBytes(broker) + stringBytes(topic);
}

export function writeMessageConsumed(
  bytes: Uint8Array, at: number, t: number, consumer: string, group: string, msgId: string, broker: string, brokerId: number, queueId: number,
  queueOffset: number, topic: string, reconsumeTimes: number,
): number {
  const view = viewOf(bytes);
  at = writeNumber(bytes, writeHead(view, at, CONSUMED[0]!), t);
  at = writeString(bytes, writeHead(view, at, CONSUMED[1]!), consumer);
  at = writeString(bytes, writeHead(view, at, CONSUMED[2]!), group);
  at = writeString(bytes, writeHead(view, at, CONSUMED[3]!), msgId);
  at = writeString(bytes, writeHead(view, at, CONSUMED[4]!), broker);
  at = writeNumber(bytes, writeHead(view, at, CONSUMED[5]!), brokerId);
  at = writeNumber(bytes, writeHead(view, at, CONSUMED[6]!), queueId);
  at = writeNumber(bytes, writeHead(view, at, CONSUMED[7]!), queueOffset);
  at = writeString(bytes, writeHead(view, at, CONSUMED[8]!), topic);
  at = writeNumber(bytes, writeHead(view, at, CONSUMED[9]!), reconsumeTimes);
  return endLine(bytes, at);
}

export function offsetCommittedBytes(consumer: string, group: string, broker: string, topic: string): number {
  return COMMITTED_FIXED + stringBytes(consumer) + stringBytes(group) + stringBytes(broker) + stringBytes(topic);
}

export function writeOffsetCommitted(
  bytes: Uint8Array, at: number, t: number, consumer: string, group: string, broker: string, queueId: number, offset: number, topic: string,
): number {
  const view = viewOf(bytes);
  at = writeNumber(bytes, writeHead(view, at, COMMITTED[0]!), t);
  at = writeString(bytes, writeHead(view, at, COMMITTED[1]!), consumer);
  at = writeString(bytes, writeHead(view, at, COMMITTED[2]!), group);
  at = writeString(bytes, writeHead(view, at, COMMITTED[3]!), broker);
  at = writeNumber(bytes, writeHead(view, at, COMMITTED[4]!), queueId);
  at = writeNumber(bytes, writeHead(view, at, COMMITTED[5]!), offset);
  at = writeString(bytes, writeHead(view, at, COMMITTED[6]!), topic);
  return endLine(bytes, at);
}
