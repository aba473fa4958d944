/**
 * The CommitLog's messages in columns: every message a broker stores lives as long as the run
 * (RocketMQ keeps commit log files for fileReservedTime, 72 hours: MessageStoreConfig), so an hour
 * of the reference scenario holds 720,000 of them. As objects they cost about 320 bytes each; in
 * typed-array columns about 130, and nothing for the garbage collector to trace. A message is
 * read back as a frozen StoredMessage, built when asked for (at, slice).
 *
 * Like every AppendLog it is shared between snapshots by length: clones share the columns, and
 * after a restore the run writes the very same values again.
 */
import { AppendLog } from '../../engine/index.ts';
import type { StoredMessage } from '../state.ts';

/** Entries per chunk: the columns grow by whole chunks, so a long run never copies them. */
const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;

/**
 * How each field is kept, in putMessage's order (a message read back prints the same): 0, a
 * Float64 for values that may pass 2^31 (offsets, times, ids); 1, an Int32 for sizes, queue ids
 * and Java int hash codes; 2, a name repeated across messages, kept once and stored as its
 * number; 3, a 16-byte id (32 hex digits, as createUniqId and createOffsetMsgId print them); 4,
 * text as it is (keys: free text a producer sets, often unique per message).
 */
const FIELDS: readonly (readonly [keyof StoredMessage, 0 | 1 | 2 | 3 | 4])[] = [
  ['msgId', 3], ['serial', 0], ['offsetMsgId', 3], ['topic', 2], ['queueId', 1], ['queueOffset', 0], ['commitLogOffset', 0],
  ['size', 1], ['bodyBytes', 1], ['tags', 2], ['tagsCode', 1], ['keys', 4], ['producer', 2], ['bornTimestamp', 0],
  ['storeTimestamp', 0], ['reconsumeTimes', 1], ['originTopic', 2], ['delayLevel', 1], ['realTopic', 2], ['realQueueId', 1], ['storeId', 0],
];

/** How many fields of each kind, and each field's column among those of its kind. */
const WIDTH = [0, 0, 0, 0, 0];
const SLOT = FIELDS.map(([, kind]) => WIDTH[kind]!++);
const ID_BYTES = 16;

/** One chunk's columns per kind (names in an Int32Array of their numbers, ids in bytes). */
type Chunk = [Float64Array, Int32Array, Int32Array, Uint8Array, string[]];

function newChunk(): Chunk {
  return [new Float64Array(CHUNK * WIDTH[0]!), new Int32Array(CHUNK * WIDTH[1]!), new Int32Array(CHUNK * WIDTH[2]!), new Uint8Array(CHUNK * WIDTH[3]! * ID_BYTES), []];
}

const HEX = '0123456789ABCDEF';

/** The columns of one log's storage: shared by every clone of it. */
class Columns {
  readonly chunks: Chunk[] = [];
  /** Names by number, and numbers by name. */
  readonly names: string[] = [];
  readonly nameIds = new Map<string, number>();

  write(index: number, message: StoredMessage): void {
    while (this.chunks.length <= index >> CHUNK_BITS) this.chunks.push(newChunk());
    const chunk = this.chunks[index >> CHUNK_BITS]!;
    const row = index & (CHUNK - 1);
    for (let i = 0; i < FIELDS.length; i++) {
      const [field, kind] = FIELDS[i]!;
      const at = row * WIDTH[kind]! + SLOT[i]!;
      const value = message[field];
      if (kind === 4) chunk[4][row] = value as string;
      else if (kind === 3) writeId(chunk[3], at * ID_BYTES, value as string);
      else if (kind === 2) chunk[2][at] = this.nameId(value as string);
      else chunk[kind][at] = value as number;
    }
  }

  read(index: number): StoredMessage {
    const chunk = this.chunks[index >> CHUNK_BITS]!;
    const row = index & (CHUNK - 1);
    const message: Record<string, number | string> = {};
    for (let i = 0; i < FIELDS.length; i++) {
      const [field, kind] = FIELDS[i]!;
      const at = row * WIDTH[kind]! + SLOT[i]!;
      message[field] = kind === 4 ? chunk[4][row]! : kind === 3 ? readId(chunk[3], at * ID_BYTES) : kind === 2 ? this.names[chunk[2][at]!]! : chunk[kind][at]!;
    }
    return Object.freeze(message as unknown as StoredMessage);
  }

  private nameId(name: string): number {
    let id = this.nameIds.get(name);
    if (id === undefined) this.nameIds.set(name, (id = this.names.push(name) - 1));
    return id;
  }
}

/** An id's 16 bytes from its 32 upper-case hex digits: anything else is a bug (every id comes from message-id.ts). */
function writeId(bytes: Uint8Array, at: number, id: string): void {
  for (let i = 0; i < 2 * ID_BYTES; i++) {
    const digit = HEX.indexOf(id[i] ?? '-');
    if (digit < 0 || id.length !== 2 * ID_BYTES) throw new Error(`CommitLog: "${id}" is not an id of 32 upper-case hex digits`);
    bytes[at + (i >> 1)] = i & 1 ? bytes[at + (i >> 1)]! | digit : digit << 4;
  }
}

function readId(bytes: Uint8Array, at: number): string {
  const digits: string[] = [];
  for (let i = 0; i < ID_BYTES; i++) digits.push(HEX[bytes[at + i]! >> 4]!, HEX[bytes[at + i]! & 15]!);
  // One flat string: a chain of + would keep a tree of pieces alive for as long as the id lives.
  return digits.join('');
}

export class CommitLog extends AppendLog<StoredMessage> {
  /** `items` of an AppendLog stays empty here: the entries are in the columns. */
  constructor(private readonly columns = new Columns(), length = 0) {
    super([], length);
  }

  override get storage(): object {
    return this.columns;
  }

  override append(message: StoredMessage): number {
    const index = this.length++;
    this.columns.write(index, message);
    return index;
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
    const copy = new CommitLog();
    for (let i = 0; i < this.length; i++) copy.append(this.columns.read(i));
    return copy;
  }

  override truncated(length: number): CommitLog {
    const copy = new CommitLog();
    for (let i = 0; i < Math.min(length, this.length); i++) copy.append(this.columns.read(i));
    return copy;
  }
}
