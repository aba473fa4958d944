/**
 * The CommitLog's messages in columns: every message a broker stores lives as long as the run
 * (RocketMQ keeps commit log files for fileReservedTime, 72 hours: MessageStoreConfig), so an hour
 * of the reference scenario holds 720,000 of them. As objects they cost about 320 bytes each; in
 * typed-array columns about 130, and nothing for the garbage collector to trace. A message is
 * read back as a frozen StoredMessage, built when asked for (at, slice).
 *
 * The latest messages appended (RECENT unless told) stay as the frozen objects they came as:
 * consumers and slaves read a message soon after it is stored, so most reads take the object as it
 * is. A message goes into the columns only when a later one takes its place there, and not at all
 * when the runner reclaimed it before that (most of them: the reference scenario's readers trail by
 * seconds, the place is taken after RECENT messages, minutes): the columns cost a run only what it
 * keeps. A run that never reclaims writes every message there as it is appended, and keeps fewer
 * as objects (src/sim/commit-log-columns.ts).
 *
 * Like every AppendLog it is shared between snapshots by length: clones share the columns, and
 * after a restore the run writes the very same values again.
 *
 * The headless runner may reclaim the entries no reader can read any more (reclaimBelow, decided
 * by src/model/reclaim.ts): their chunks are freed, and reading one throws, since that would be a
 * bug in the decision, never a message to answer with. A Timeline never reclaims: its snapshots
 * share these columns by length, and a restored past reads them again.
 */
import { AppendLog } from '../../engine/index.ts';
import type { StoredMessage } from '../state.ts';
import { holdsKey } from './index-service.ts';

/** Entries per chunk: the columns grow by whole chunks, so a long run never copies them. */
const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;
/** Messages kept as objects after their append unless told (a power of two: the slot is index & (recent - 1)). */
const RECENT = 4_096;

/**
 * Per row: Float64 for values that may pass 2^31 (offsets, times, ids), Int32 for sizes, queue
 * ids and Java int hash codes, a name repeated across messages kept once and stored as its number,
 * 16 bytes for each of the two ids (32 hex digits, as createUniqId and createOffsetMsgId print
 * them), and keys as they are (free text a producer sets, often unique per message).
 */
const FLOATS = 6;
const INTS = 7;
const NAMES = 5;
const ID_BYTES = 16;

class Chunk {
  /** The lowest serial a row of the chunk holds: where the oldest held message is, chunk by chunk. */
  minSerial = Infinity;
  readonly floats = new Float64Array(CHUNK * FLOATS);
  readonly ints = new Int32Array(CHUNK * INTS);
  readonly names = new Int32Array(CHUNK * NAMES);
  readonly ids = new Uint8Array(CHUNK * 2 * ID_BYTES);
  readonly keys: string[] = [];
}

/** Char codes of the upper-case hex digits. */
const HEX_CODES = Array.from('0123456789ABCDEF', (digit) => digit.charCodeAt(0));

/** Each ASCII char code's hex digit value (upper case only), -1 for any other. */
const HEX_VALUES = new Int8Array(128).fill(-1);
HEX_CODES.forEach((code, value) => (HEX_VALUES[code] = value));

/**
 * An id's 16 bytes from its 32 upper-case hex digits: anything else is a bug (every id comes from
 * message-id.ts). One table read per digit and one check per id: twice as fast as a test per digit.
 */
function writeId(bytes: Uint8Array, at: number, id: string): void {
  if (id.length !== 2 * ID_BYTES) throw new Error(`CommitLog: "${id}" is not an id of 32 upper-case hex digits`);
  let bad = 0;
  for (let i = 0; i < ID_BYTES; i++) {
    const highCode = id.charCodeAt(2 * i);
    const lowCode = id.charCodeAt(2 * i + 1);
    const high = HEX_VALUES[highCode & 127]!;
    const low = HEX_VALUES[lowCode & 127]!;
    // Negative for a code that is no hex digit: -1 from the table, or one beyond ASCII.
    bad |= high | low | -((highCode | lowCode) >> 7);
    bytes[at + i] = (high << 4) | low;
  }
  if (bad < 0) throw new Error(`CommitLog: "${id}" is not an id of 32 upper-case hex digits`);
}

/** An id's 16 bytes, or null when it is not 32 upper-case hex digits (then no stored id is it). */
function idBytes(id: string): Uint8Array | null {
  const bytes = new Uint8Array(ID_BYTES);
  try {
    writeId(bytes, 0, id);
    return bytes;
  } catch {
    return null;
  }
}

function sameId(bytes: Uint8Array, at: number, id: Uint8Array): boolean {
  for (let i = 0; i < ID_BYTES; i++) if (bytes[at + i] !== id[i]) return false;
  return true;
}

/** Whether IndexService indexes the message under `key` (indexedKeys: one of its keys, or its UNIQ_KEY). */
function indexedUnder(message: StoredMessage, key: string): boolean {
  return holdsKey(message.keys, key) || message.msgId === key;
}

/** One flat string in one call: a chain of + would keep a tree of pieces alive for as long as the id lives. */
const idCodes: number[] = new Array<number>(2 * ID_BYTES).fill(0);

function readId(bytes: Uint8Array, at: number): string {
  for (let i = 0; i < ID_BYTES; i++) {
    const byte = bytes[at + i]!;
    idCodes[2 * i] = HEX_CODES[byte >> 4]!;
    idCodes[2 * i + 1] = HEX_CODES[byte & 15]!;
  }
  return String.fromCharCode(...idCodes);
}

/** The columns of one log's storage: shared by every clone of it. */
class Columns {
  /** A reclaimed chunk is undefined. */
  readonly chunks: (Chunk | undefined)[] = [];
  /** Entries below it were reclaimed. */
  minIndex = 0;
  /** Names by number, and numbers by name. */
  readonly names: string[] = [];
  readonly nameIds = new Map<string, number>();
  private readonly lastNames: (string | undefined)[] = new Array<string | undefined>(NAMES).fill(undefined);
  private readonly lastNameIds = new Int32Array(NAMES);
  /** The latest messages appended, by index & (recentCount - 1), with the index each slot holds. */
  private readonly recent: (StoredMessage | undefined)[];
  private readonly recentIndex: Float64Array;

  /**
   * `recentCount`: how many of the latest messages stay objects, a power of two. `writeAtAppend`:
   * every message goes into the columns as it is appended, while its object is still in the
   * processor's cache, rather than when a later one takes its place (for a run that never
   * reclaims: every message goes there anyway).
   */
  constructor(readonly recentCount: number, readonly writeAtAppend = false) {
    if (!(recentCount > 0 && (recentCount & (recentCount - 1)) === 0)) throw new Error(`CommitLog: ${recentCount} recent entries is not a power of two`);
    this.recent = new Array<StoredMessage | undefined>(recentCount).fill(undefined);
    this.recentIndex = new Float64Array(recentCount).fill(-1);
  }

  /** Appends the message at `index`: it goes into the columns now (writeAtAppend), or the one it displaces from the recent ones does, unless it was reclaimed. */
  put(index: number, message: StoredMessage): void {
    const slot = index & (this.recentCount - 1);
    if (this.writeAtAppend) {
      this.write(index, message);
    } else {
      const displaced = this.recentIndex[slot]!;
      // After a restore the slot may hold an entry of the run's abandoned future (displaced > index):
      // snapshots further on may read it, and the run will store the very same message there again.
      if (displaced !== index && displaced >= this.minIndex) this.write(displaced, this.recent[slot]!);
    }
    this.recent[slot] = message;
    this.recentIndex[slot] = index;
  }

  private write(index: number, message: StoredMessage): void {
    while (this.chunks.length <= index >> CHUNK_BITS) this.chunks.push(undefined);
    const chunk = (this.chunks[index >> CHUNK_BITS] ??= new Chunk());
    if (message.serial < chunk.minSerial) chunk.minSerial = message.serial;
    const row = index & (CHUNK - 1);
    const f = row * FLOATS;
    const i = row * INTS;
    const n = row * NAMES;
    writeId(chunk.ids, row * 2 * ID_BYTES, message.msgId);
    writeId(chunk.ids, (row * 2 + 1) * ID_BYTES, message.offsetMsgId);
    chunk.floats[f] = message.serial;
    chunk.floats[f + 1] = message.queueOffset;
    chunk.floats[f + 2] = message.commitLogOffset;
    chunk.floats[f + 3] = message.bornTimestamp;
    chunk.floats[f + 4] = message.storeTimestamp;
    chunk.floats[f + 5] = message.storeId;
    chunk.ints[i] = message.queueId;
    chunk.ints[i + 1] = message.size;
    chunk.ints[i + 2] = message.bodyBytes;
    chunk.ints[i + 3] = message.tagsCode;
    chunk.ints[i + 4] = message.reconsumeTimes;
    chunk.ints[i + 5] = message.delayLevel;
    chunk.ints[i + 6] = message.realQueueId;
    chunk.names[n] = this.nameId(0, message.topic);
    chunk.names[n + 1] = this.nameId(1, message.tags);
    chunk.names[n + 2] = this.nameId(2, message.producer);
    chunk.names[n + 3] = this.nameId(3, message.originTopic);
    chunk.names[n + 4] = this.nameId(4, message.realTopic);
    chunk.keys[row] = message.keys;
  }

  /** The message at `index` if it is one of the recent ones, else undefined. */
  recentAt(index: number): StoredMessage | undefined {
    const slot = index & (this.recentCount - 1);
    return this.recentIndex[slot] === index ? this.recent[slot] : undefined;
  }

  read(index: number): StoredMessage {
    if (index < this.minIndex) throw new Error(`CommitLog: entry ${index} was reclaimed (entries below ${this.minIndex} are gone): no reader may read it`);
    const recent = this.recentAt(index);
    if (recent) return recent;
    const chunk = this.chunks[index >> CHUNK_BITS]!;
    const row = index & (CHUNK - 1);
    const f = row * FLOATS;
    const i = row * INTS;
    const n = row * NAMES;
    // In putMessage's order, so that a message read back prints the same.
    return Object.freeze({
      msgId: readId(chunk.ids, row * 2 * ID_BYTES),
      serial: chunk.floats[f]!,
      offsetMsgId: readId(chunk.ids, (row * 2 + 1) * ID_BYTES),
      topic: this.names[chunk.names[n]!]!,
      queueId: chunk.ints[i]!,
      queueOffset: chunk.floats[f + 1]!,
      commitLogOffset: chunk.floats[f + 2]!,
      size: chunk.ints[i + 1]!,
      bodyBytes: chunk.ints[i + 2]!,
      tags: this.names[chunk.names[n + 1]!]!,
      tagsCode: chunk.ints[i + 3]!,
      keys: chunk.keys[row]!,
      producer: this.names[chunk.names[n + 2]!]!,
      bornTimestamp: chunk.floats[f + 3]!,
      storeTimestamp: chunk.floats[f + 4]!,
      reconsumeTimes: chunk.ints[i + 4]!,
      originTopic: this.names[chunk.names[n + 3]!]!,
      delayLevel: chunk.ints[i + 5]!,
      realTopic: this.names[chunk.names[n + 4]!]!,
      realQueueId: chunk.ints[i + 6]!,
      storeId: chunk.floats[f + 5]!,
    });
  }

  /** Frees every whole chunk below `index`; the entries below it can no longer be read. */
  reclaimBelow(index: number): void {
    if (index <= this.minIndex) return;
    this.dropRecentBelow(index);
    this.minIndex = index;
    for (let chunk = 0; (chunk + 1) << CHUNK_BITS <= index; chunk++) this.chunks[chunk] = undefined;
  }

  /**
   * Lets go of the recent objects below `index` now rather than when later messages take their
   * places: the runner reclaims every 10 s, and a message it frees then dies young, where held
   * until RECENT more messages came (80 s at a broker of the reference scenario) every one was
   * copied into the old generation first, to die there.
   */
  private dropRecentBelow(index: number): void {
    for (let held = Math.max(this.minIndex, index - this.recentCount); held < index; held++) {
      const slot = held & (this.recentCount - 1);
      if (this.recentIndex[slot] !== held) continue;
      this.recent[slot] = undefined;
      this.recentIndex[slot] = -1;
    }
  }

  /** The lowest serial of a message in the chunks still held (from index on) or a recent one below `length`, or Infinity. */
  minSerialFrom(index: number, length: number): number {
    let min = Infinity;
    for (let chunk = index >> CHUNK_BITS; chunk < this.chunks.length; chunk++) min = Math.min(min, this.chunks[chunk]?.minSerial ?? Infinity);
    for (let slot = 0; slot < this.recentCount; slot++) {
      const held = this.recentIndex[slot]!;
      if (held >= index && held < length) min = Math.min(min, this.recent[slot]!.serial);
    }
    return min;
  }

  /**
   * The indexes from `from` up to `length` whose entry passes, in order: a recent one tested as its
   * object, any other by its row, so a search of the whole log builds no message.
   */
  indexesWhere(from: number, length: number, recent: (message: StoredMessage) => boolean, row: (chunk: Chunk, row: number) => boolean): number[] {
    const found: number[] = [];
    for (let index = Math.max(from, this.minIndex); index < length; index++) {
      const held = this.recentAt(index);
      if (held ? recent(held) : row(this.chunks[index >> CHUNK_BITS]!, index & (CHUNK - 1))) found.push(index);
    }
    return found;
  }

  /** The entry's keys, without building the message. */
  keysAt(index: number): string {
    return this.recentAt(index)?.keys ?? this.chunks[index >> CHUNK_BITS]!.keys[index & (CHUNK - 1)]!;
  }

  /** Which put stored the entry (StoredMessage.storeId), without building the message. */
  storeIdAt(index: number): number {
    return this.recentAt(index)?.storeId ?? this.chunks[index >> CHUNK_BITS]!.floats[(index & (CHUNK - 1)) * FLOATS + 5]!;
  }

  /** A name's number; each name column remembers its last one, which most messages repeat (a lookup saved per name). */
  private nameId(column: number, name: string): number {
    if (name === this.lastNames[column]) return this.lastNameIds[column]!;
    let id = this.nameIds.get(name);
    if (id === undefined) this.nameIds.set(name, (id = this.names.push(name) - 1));
    this.lastNames[column] = name;
    this.lastNameIds[column] = id;
    return id;
  }
}

export class CommitLog extends AppendLog<StoredMessage> {
  /** Keeps the latest RECENT entries as objects (keepingRecent for another count); `items` of an AppendLog stays empty here: the entries are in the columns. */
  constructor(private readonly columns = new Columns(RECENT), length = 0) {
    super([], length);
  }

  /** A CommitLog that keeps the latest `count` entries as objects (a power of two), each written to the columns as it is appended when `writeAtAppend` (Columns). */
  static keepingRecent(count: number, writeAtAppend = false): CommitLog {
    return new CommitLog(new Columns(count, writeAtAppend));
  }

  override get storage(): object {
    return this.columns;
  }

  override get minIndex(): number {
    return this.columns.minIndex;
  }

  /** The runner's reclaim (src/model/reclaim.ts): the entries below `index` are never read again. */
  reclaimBelow(index: number): void {
    this.columns.reclaimBelow(Math.min(index, this.length));
  }

  /** Which put stored the entry (StoredMessage.storeId), without building the message. */
  storeIdAt(index: number): number {
    if (index < this.columns.minIndex || index >= this.length) throw new Error(`CommitLog: no entry ${index} held`);
    return this.columns.storeIdAt(index);
  }

  /** The entry's keys, without building the message. */
  keysAt(index: number): string {
    if (index < this.columns.minIndex || index >= this.length) throw new Error(`CommitLog: no entry ${index} held`);
    return this.columns.keysAt(index);
  }

  /** The lowest serial of a message still held (Infinity when none): one of them may yet be consumed. */
  oldestSerial(): number {
    return this.length > this.minIndex ? this.columns.minSerialFrom(this.minIndex, this.length) : Infinity;
  }

  override append(message: StoredMessage): number {
    const index = this.length++;
    this.columns.put(index, message);
    return index;
  }

  /** The indexes of the entries whose client msgId is `msgId`, in order (the message, its retry and dead-letter copies). */
  indexesOfMsgId(msgId: string): number[] {
    const id = idBytes(msgId);
    if (id === null) return [];
    return this.columns.indexesWhere(0, this.length, (message) => message.msgId === msgId, (chunk, row) => sameId(chunk.ids, row * 2 * ID_BYTES, id));
  }

  /** The indexes of the entries IndexService indexes under `key` (indexedKeys: one of its keys, or its msgId), in order. */
  indexesWithKey(key: string): number[] {
    const id = idBytes(key);
    return this.columns.indexesWhere(
      0, this.length, (message) => indexedUnder(message, key),
      (chunk, row) => holdsKey(chunk.keys[row]!, key) || (id !== null && sameId(chunk.ids, row * 2 * ID_BYTES, id)),
    );
  }

  override at(index: number): StoredMessage | undefined {
    return index >= 0 && index < this.length ? this.columns.read(index) : undefined;
  }

  override last(): StoredMessage | undefined {
    return this.at(this.length - 1);
  }

  override slice(from: number, to = this.length): StoredMessage[] {
    const messages: StoredMessage[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.length); i++) messages.push(this.columns.read(i));
    return messages;
  }

  override toArray(): StoredMessage[] {
    return this.slice(0);
  }

  override clone(): CommitLog {
    return new CommitLog(this.columns, this.length);
  }

  override detach(): CommitLog {
    return this.copy(this.length);
  }

  override truncated(length: number): CommitLog {
    return this.copy(Math.min(length, this.length));
  }

  /** The first `length` entries in columns of their own; reclaimed ones stay reclaimed. */
  private copy(length: number): CommitLog {
    const first = this.columns.minIndex;
    if (length < first) throw new Error(`CommitLog: cannot cut back to ${length}, below its reclaimed entries (${first})`);
    const copy = new CommitLog(new Columns(this.columns.recentCount, this.columns.writeAtAppend), first);
    copy.columns.minIndex = first;
    for (let i = first; i < length; i++) copy.append(this.columns.read(i));
    return copy;
  }
}

/** The indexes of the log's entries whose msgId is `msgId`, in order; a CommitLog in columns builds no message to find them. */
export function indexesOfMsgId(log: AppendLog<StoredMessage>, msgId: string): number[] {
  if (log instanceof CommitLog) return log.indexesOfMsgId(msgId);
  const found: number[] = [];
  for (let index = log.minIndex; index < log.length; index++) if (log.at(index)!.msgId === msgId) found.push(index);
  return found;
}

/** The indexes of the log's entries indexed under `key` (indexedKeys), in order; in columns without building the messages. */
export function indexesWithKey(log: AppendLog<StoredMessage>, key: string): number[] {
  if (log instanceof CommitLog) return log.indexesWithKey(key);
  const found: number[] = [];
  for (let index = log.minIndex; index < log.length; index++) {
    if (indexedUnder(log.at(index)!, key)) found.push(index);
  }
  return found;
}

/** The keys of the log's entry at `index`; a CommitLog in columns reads them without building the message. */
export function keysAt(log: AppendLog<StoredMessage>, index: number): string {
  return log instanceof CommitLog ? log.keysAt(index) : log.at(index)!.keys;
}
