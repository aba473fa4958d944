/**
 * A segment of the trace packed in typed arrays: the first pass keeps each event it does not
 * need as an object this way, so the garbage collector neither copies nor marks it (a kept event
 * object survived two scavenges, was promoted and was marked by every major collection). The
 * five types that make nearly all of a busy run's trace (a message sent, stored, answered,
 * consumed, an offset committed) are packed field by field, from their values as the model hands
 * them to a TraceWriter (no object made) or from an object; any other event, or one whose value
 * does not fit (an offset beyond 32 bits, an id that is not 32 hex digits), stays an object.
 * Unpacking gives objects with the same keys in the same order, so their JSON is the same bytes.
 */
import type { TraceEvent } from '../model/events.ts';
import {
  messageConsumedEvent, messageSentEvent, messageStoredEvent, offsetCommittedEvent, sendResultEvent, type TraceWriter,
} from '../model/trace-writer.ts';
import type { SendResultStatus } from '../model/vocabulary.ts';

/** Each packed type's number, the first word of its events. */
const [SENT, STORED, RESULT, CONSUMED, COMMITTED] = [0, 1, 2, 3, 4] as const;
/** The word that stands for the next event kept as an object. */
const OBJECT = -1;
/** The most words one event takes (message.consumed), and of ids (message.stored's two). */
const MAX_EVENT_WORDS = 10;
const MAX_EVENT_ID_WORDS = 8;
/** Room a new segment starts with, grown by doubling. */
const INITIAL_WORDS = 1_024;
/** A msgId or offsetMsgId: 32 upper-case hex digits, 8 to a word. */
const ID_DIGITS = 32;
const ID_WORDS = 4;
const HEX = '0123456789ABCDEF';
const HEX_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < HEX.length; i++) HEX_VALUE[HEX.charCodeAt(i)] = i;
const HEX_CODE = new Uint8Array(16).map((_, i) => HEX.charCodeAt(i));
/** Ids printed while unpacking one segment, by their last word: the same id comes back in the same segment (sent, stored by the master and its slave, answered). */
const RECENT_IDS = 1_024;

/** How a packed field is read back: a word, a name's number, or an id in `ids`. */
type Field = 'int' | 'name' | 'id';

/** A packed type: its name, its keys, and its fields after `t` and `type` in the order of its keys (the order unpackOne reads them). */
interface Layout {
  type: TraceEvent['type'];
  /** The event's keys, as its literal in src/model/trace-writer.ts orders them. */
  keys: readonly string[];
  fields: readonly Field[];
  /** Words after the type's (t and the int and name fields), and ids. */
  words: number;
  idCount: number;
}

function layout(example: TraceEvent, fields: readonly Field[]): Layout {
  const count = (kind: Field) => fields.filter((field) => field === kind).length;
  return { type: example.type, keys: Object.keys(example), fields, words: 1 + fields.length - count('id'), idCount: count('id') };
}

/** Each packed type's layout, by its number: the fields as the pack methods below write them. */
const LAYOUTS: readonly Layout[] = [
  layout(messageSentEvent(0, '', '', '', '', '', '', 0, 0), ['name', 'id', 'name', 'name', 'name', 'name', 'int', 'int']),
  layout(messageStoredEvent(0, '', 0, '', 0, 0, 0, '', ''), ['name', 'int', 'name', 'int', 'int', 'int', 'id', 'id']),
  layout(sendResultEvent(0, '', '', 'SEND_OK'), ['name', 'id', 'name']),
  layout(messageConsumedEvent(0, '', '', '', '', 0, 0, 0, '', 0), ['name', 'name', 'id', 'name', 'int', 'int', 'int', 'name', 'int']),
  layout(offsetCommittedEvent(0, '', '', '', 0, 0, ''), ['name', 'name', 'name', 'int', 'int', 'name']),
];

/**
 * Where a range of packed events goes without becoming objects (a frame's trace tail,
 * src/sim/frame/packed-tail.ts): each packed event as its values in the order of its keys, any
 * other as the object it is.
 */
export interface TraceSink {
  add(event: TraceEvent): void;
  addValues(type: TraceEvent['type'], keys: readonly string[], values: readonly (string | number)[]): void;
}

/** The strings packed events name (clients, groups, brokers, topics, tags, statuses), each numbered once per run. */
export class Names {
  private readonly numbers = new Map<string, number>();
  private readonly list: string[] = [];

  numberOf(name: string): number {
    let n = this.numbers.get(name);
    if (n === undefined) {
      n = this.list.length;
      this.numbers.set(name, n);
      this.list.push(name);
    }
    return n;
  }

  nameOf(n: number): string {
    return this.list[n]!;
  }

  /** Every name numbered, in the order of their numbers. */
  all(): readonly string[] {
    return this.list;
  }
}

/**
 * One segment's events: packed words, the ids apart, and the events kept as objects in their
 * order among them. Printing ids was three quarters of unpacking: an id seen again in the
 * segment is the string printed before (RecentIds).
 */
export class PackedSegment implements TraceWriter {
  private words: Int32Array;
  private ids: Int32Array;
  private used = 0;
  private idsUsed = 0;
  /** Where the event being packed is written, or the next word unpacking reads; the same in `ids`. */
  private at = 0;
  private idAt = 0;
  private recent: RecentIds | undefined;
  private readonly objects: TraceEvent[] = [];
  /** Events in the segment. */
  length = 0;

  /** Starts with the room `before` took: a run's segments are alike. */
  constructor(private readonly names: Names, before?: PackedSegment) {
    this.words = new Int32Array(roomLike(before?.used ?? INITIAL_WORDS, MAX_EVENT_WORDS));
    this.ids = new Int32Array(roomLike(before?.idsUsed ?? INITIAL_WORDS, MAX_EVENT_ID_WORDS));
  }

  /** Appends an event made as an object: one of the five packed, any other (or one that does not fit) kept as it is. */
  append(e: TraceEvent): void {
    this.begin();
    if (this.pack(e)) this.end();
    else this.keep(e);
  }

  /*
   * The five events' values (TraceWriter), packed as append packs their objects; one whose value
   * does not fit is kept as the object its literal makes.
   */

  messageSent(t: number, producer: string, msgId: string, topic: string, tags: string, keys: string, broker: string, queueId: number, attempt: number): void {
    this.begin();
    if (this.packSent(t, producer, msgId, topic, tags, keys, broker, queueId, attempt)) this.end();
    else this.keep(messageSentEvent(t, producer, msgId, topic, tags, keys, broker, queueId, attempt));
  }

  messageStored(
    t: number, broker: string, brokerId: number, topic: string, queueId: number, queueOffset: number, commitLogOffset: number, msgId: string,
    offsetMsgId: string,
  ): void {
    this.begin();
    if (this.packStored(t, broker, brokerId, topic, queueId, queueOffset, commitLogOffset, msgId, offsetMsgId)) this.end();
    else this.keep(messageStoredEvent(t, broker, brokerId, topic, queueId, queueOffset, commitLogOffset, msgId, offsetMsgId));
  }

  sendResult(t: number, producer: string, msgId: string, status: SendResultStatus): void {
    this.begin();
    if (this.packResult(t, producer, msgId, status)) this.end();
    else this.keep(sendResultEvent(t, producer, msgId, status));
  }

  messageConsumed(
    t: number, consumer: string, group: string, msgId: string, broker: string, brokerId: number, queueId: number, queueOffset: number, topic: string,
    reconsumeTimes: number,
  ): void {
    this.begin();
    if (this.packConsumed(t, consumer, group, msgId, broker, brokerId, queueId, queueOffset, topic, reconsumeTimes)) this.end();
    else this.keep(messageConsumedEvent(t, consumer, group, msgId, broker, brokerId, queueId, queueOffset, topic, reconsumeTimes));
  }

  offsetCommitted(t: number, consumer: string, group: string, broker: string, queueId: number, offset: number, topic: string): void {
    this.begin();
    if (this.packCommitted(t, consumer, group, broker, queueId, offset, topic)) this.end();
    else this.keep(offsetCommittedEvent(t, consumer, group, broker, queueId, offset, topic));
  }

  /** Writes the event's words from `at` (its ids from `idAt`), or false when it is not one of the five or a value does not fit its field. */
  private pack(e: TraceEvent): boolean {
    if (e.type === 'message.sent') return this.packSent(e.t, e.producer, e.msgId, e.topic, e.tags, e.keys, e.broker, e.queueId, e.attempt);
    if (e.type === 'message.stored') {
      return this.packStored(e.t, e.broker, e.brokerId, e.topic, e.queueId, e.queueOffset, e.commitLogOffset, e.msgId, e.offsetMsgId);
    }
    if (e.type === 'send.result') return this.packResult(e.t, e.producer, e.msgId, e.status);
    if (e.type === 'message.consumed') {
      return this.packConsumed(e.t, e.consumer, e.group, e.msgId, e.broker, e.brokerId, e.queueId, e.queueOffset, e.topic, e.reconsumeTimes);
    }
    if (e.type === 'offset.committed') return this.packCommitted(e.t, e.consumer, e.group, e.broker, e.queueId, e.offset, e.topic);
    return false;
  }

  private packSent(t: number, producer: string, msgId: string, topic: string, tags: string, keys: string, broker: string, queueId: number, attempt: number): boolean {
    return this.int(SENT) && this.int(t) && this.name(producer) && this.id(msgId) && this.name(topic) && this.name(tags) && this.name(keys)
      && this.name(broker) && this.int(queueId) && this.int(attempt);
  }

  private packStored(
    t: number, broker: string, brokerId: number, topic: string, queueId: number, queueOffset: number, commitLogOffset: number, msgId: string,
    offsetMsgId: string,
  ): boolean {
    return this.int(STORED) && this.int(t) && this.name(broker) && this.int(brokerId) && this.name(topic) && this.int(queueId) && this.int(queueOffset)
      && this.int(commitLogOffset) && this.id(msgId) && this.id(offsetMsgId);
  }

  private packResult(t: number, producer: string, msgId: string, status: SendResultStatus): boolean {
    return this.int(RESULT) && this.int(t) && this.name(producer) && this.id(msgId) && this.name(status);
  }

  private packConsumed(
    t: number, consumer: string, group: string, msgId: string, broker: string, brokerId: number, queueId: number, queueOffset: number, topic: string,
    reconsumeTimes: number,
  ): boolean {
    return this.int(CONSUMED) && this.int(t) && this.name(consumer) && this.name(group) && this.id(msgId) && this.name(broker) && this.int(brokerId)
      && this.int(queueId) && this.int(queueOffset) && this.name(topic) && this.int(reconsumeTimes);
  }

  private packCommitted(t: number, consumer: string, group: string, broker: string, queueId: number, offset: number, topic: string): boolean {
    return this.int(COMMITTED) && this.int(t) && this.name(consumer) && this.name(group) && this.name(broker) && this.int(queueId) && this.int(offset)
      && this.name(topic);
  }

  /** Starts the next event where the last one ended, with room for the most words one takes. */
  private begin(): void {
    this.reserve();
    this.at = this.used;
    this.idAt = this.idsUsed;
  }

  /** The event's words are written: they count. */
  private end(): void {
    this.used = this.at;
    this.idsUsed = this.idAt;
    this.length++;
  }

  /** The event is kept as an object, in its place among the packed ones. */
  private keep(event: TraceEvent): void {
    this.words[this.used++] = OBJECT;
    this.objects.push(event);
    this.length++;
  }

  /** Gives back the room grown ahead of need, once nothing more is appended, when it is more than a quarter. */
  trim(): void {
    this.words = trimmed(this.words, this.used);
    this.ids = trimmed(this.ids, this.idsUsed);
  }

  /** Bytes the segment holds outside its objects. */
  get bytes(): number {
    return this.words.byteLength + this.ids.byteLength;
  }

  /** The events again as objects, equal to those appended and with their keys in the same order. */
  unpack(): TraceEvent[] {
    const events: TraceEvent[] = [];
    this.recent = new RecentIds();
    this.at = 0;
    this.idAt = 0;
    let object = 0;
    while (this.at < this.used) {
      const word = this.words[this.at++]!;
      events.push(word === OBJECT ? this.objects[object++]! : this.unpackOne(word));
    }
    this.recent = undefined;
    return events;
  }

  /**
   * Events [from, to) to `sink`, read from the words as unpack reads them, without making the
   * packed ones objects: a seek's fresh tail reads thousands of them once, to pack them again.
   */
  writeRange(sink: TraceSink, from: number, to: number): void {
    this.at = 0;
    this.idAt = 0;
    this.recent = SHARED_IDS;
    let object = 0;
    for (let i = 0; i < to && this.at < this.used; i++) {
      const word = this.words[this.at++]!;
      if (word === OBJECT) {
        if (i >= from) sink.add(this.objects[object]!);
        object++;
      } else if (i < from) {
        const { words, idCount } = LAYOUTS[word]!;
        this.at += words;
        this.idAt += idCount * ID_WORDS;
      } else {
        this.writeOne(LAYOUTS[word]!, sink);
      }
    }
    this.recent = undefined;
  }

  private writeOne({ type, keys, fields }: Layout, sink: TraceSink): void {
    const values = VALUES;
    values.length = 2 + fields.length;
    values[0] = this.readInt();
    values[1] = type;
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f];
      values[f + 2] = field === 'int' ? this.readInt() : field === 'name' ? this.readName() : this.readId();
    }
    sink.addValues(type, keys, values);
  }

  private int(value: number): boolean {
    if ((value | 0) !== value) return false;
    this.words[this.at++] = value;
    return true;
  }

  private name(value: string): boolean {
    this.words[this.at++] = this.names.numberOf(value);
    return true;
  }

  private id(value: string): boolean {
    if (!writeId(this.ids, this.idAt, value)) return false;
    this.idAt += ID_WORDS;
    return true;
  }

  /** Reads one packed event from `at`: the same object as the model's, its fields read in the order of its keys. */
  private unpackOne(type: number): TraceEvent {
    switch (type) {
      case SENT:
        return messageSentEvent(
          this.readInt(), this.readName(), this.readId(), this.readName(), this.readName(), this.readName(), this.readName(), this.readInt(), this.readInt(),
        );
      case STORED:
        return messageStoredEvent(
          this.readInt(), this.readName(), this.readInt(), this.readName(), this.readInt(), this.readInt(), this.readInt(), this.readId(), this.readId(),
        );
      case RESULT:
        return sendResultEvent(this.readInt(), this.readName(), this.readId(), this.readName() as SendResultStatus);
      case CONSUMED:
        return messageConsumedEvent(
          this.readInt(), this.readName(), this.readName(), this.readId(), this.readName(), this.readInt(), this.readInt(), this.readInt(), this.readName(),
          this.readInt(),
        );
      case COMMITTED:
        return offsetCommittedEvent(this.readInt(), this.readName(), this.readName(), this.readName(), this.readInt(), this.readInt(), this.readName());
      default:
        // Only the words written above start an event: anything else is a bug in the packing, not data to guess at.
        throw new Error(`packed trace: no event type ${type} at word ${this.at - 1}`);
    }
  }

  private readInt(): number {
    return this.words[this.at++]!;
  }

  private readName(): string {
    return this.names.nameOf(this.words[this.at++]!);
  }

  private readId(): string {
    const id = this.recent!.print(this.ids, this.idAt);
    this.idAt += ID_WORDS;
    return id;
  }

  private reserve(): void {
    if (this.used + MAX_EVENT_WORDS > this.words.length) this.words = grown(this.words, this.used);
    if (this.idsUsed + MAX_EVENT_ID_WORDS > this.ids.length) this.ids = grown(this.ids, this.idsUsed);
  }
}

/** Room for `used` words and an eighth more, `least` at least. */
function roomLike(used: number, least: number): number {
  return Math.max(used + (used >> 3), least);
}

/** Doubled: the segment's size is not known until it ends. */
function grown(words: Int32Array, used: number): Int32Array {
  const larger = new Int32Array(Math.max(2 * words.length, INITIAL_WORDS));
  larger.set(words.subarray(0, used));
  return larger;
}

function trimmed(words: Int32Array, used: number): Int32Array {
  return words.length - used > words.length >> 2 ? words.slice(0, used) : words;
}

/** The id's 32 hex digits as four words, or false (nothing written that counts) when it is not one. */
function writeId(words: Int32Array, at: number, id: string): boolean {
  if (id.length !== ID_DIGITS) return false;
  for (let w = 0; w < ID_WORDS; w++) {
    let word = 0;
    for (let i = 8 * w; i < 8 * w + 8; i++) {
      const code = id.charCodeAt(i);
      const digit = code < 128 ? HEX_VALUE[code]! : -1;
      if (digit < 0) return false;
      word = (word << 4) | digit;
    }
    words[at + w] = word;
  }
  return true;
}

/** The ids printed last, each in the slot its last word picks. */
class RecentIds {
  private readonly words = new Int32Array(RECENT_IDS * ID_WORDS);
  private readonly printed: (string | undefined)[] = new Array<string | undefined>(RECENT_IDS).fill(undefined);
  private readonly codes = new Array<number>(ID_DIGITS).fill(0);

  /** The id at `at` in `ids`: the string printed before when it is the one in its slot. */
  print(ids: Int32Array, at: number): string {
    const slot = ids[at + ID_WORDS - 1]! & (RECENT_IDS - 1);
    const kept = this.printed[slot];
    const w = slot * ID_WORDS;
    if (kept !== undefined && this.words[w] === ids[at] && this.words[w + 1] === ids[at + 1] && this.words[w + 2] === ids[at + 2]
      && this.words[w + 3] === ids[at + 3]) return kept;
    for (let i = 0; i < ID_WORDS; i++) {
      const word = ids[at + i]!;
      this.words[w + i] = word;
      for (let d = 0; d < 8; d++) this.codes[8 * i + d] = HEX_CODE[(word >>> (28 - 4 * d)) & 15]!;
    }
    const id = String.fromCharCode(...this.codes);
    this.printed[slot] = id;
    return id;
  }
}

/**
 * writeRange's ids printed last, across segments and calls: a frame's tail reads a few events of
 * the playhead's segment at each frame, and a slot is only used for the very id it holds.
 */
const SHARED_IDS = new RecentIds();
/** writeRange's values of one event, handed to the sink, which copies what it keeps. */
const VALUES: (string | number)[] = [];
