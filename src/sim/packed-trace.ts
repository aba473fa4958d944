/**
 * A segment of the trace packed in typed arrays: the first pass keeps each event it does not
 * need as an object this way, so the garbage collector neither copies nor marks it (a kept event
 * object survived two scavenges, was promoted and was marked by every major collection). The
 * five types that make nearly all of a busy run's trace (a message sent, stored, answered,
 * consumed, an offset committed) are packed field by field; any other event, or one whose value
 * does not fit (an offset beyond 32 bits, an id that is not 32 hex digits), stays an object.
 * Unpacking gives objects with the same keys in the same order, so their JSON is the same bytes.
 */
import type { TraceEvent } from '../model/events.ts';
import type { SendResultStatus } from '../model/vocabulary.ts';

/** Each packed type's number, the first word of its events. */
const [SENT, STORED, RESULT, CONSUMED, COMMITTED] = [0, 1, 2, 3, 4] as const;
/** The word that stands for the next event kept as an object. */
const OBJECT = -1;
/** The most words one event takes (message.sent, message.consumed), and of ids (message.stored's two). */
const MAX_EVENT_WORDS = 9;
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
export class PackedSegment {
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

  append(event: TraceEvent): void {
    this.reserve();
    this.at = this.used;
    this.idAt = this.idsUsed;
    if (this.pack(event)) {
      this.used = this.at;
      this.idsUsed = this.idAt;
    } else {
      this.words[this.used++] = OBJECT;
      this.objects.push(event);
    }
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

  /** Writes the event's words from `at` (its ids from `idAt`), or false when a value does not fit its field (then nothing counts). */
  private pack(e: TraceEvent): boolean {
    if (e.type === 'message.sent') {
      return this.int(SENT) && this.int(e.t) && this.name(e.producer) && this.id(e.msgId) && this.name(e.topic) && this.name(e.tags)
        && this.name(e.keys) && this.name(e.broker) && this.int(e.queueId) && this.int(e.attempt);
    }
    if (e.type === 'message.stored') {
      return this.int(STORED) && this.int(e.t) && this.name(e.broker) && this.int(e.brokerId) && this.name(e.topic) && this.int(e.queueId)
        && this.int(e.queueOffset) && this.int(e.commitLogOffset) && this.id(e.msgId) && this.id(e.offsetMsgId);
    }
    if (e.type === 'send.result') return this.int(RESULT) && this.int(e.t) && this.name(e.producer) && this.id(e.msgId) && this.name(e.status);
    if (e.type === 'message.consumed') {
      return this.int(CONSUMED) && this.int(e.t) && this.name(e.consumer) && this.name(e.group) && this.id(e.msgId) && this.name(e.broker)
        && this.int(e.queueId) && this.int(e.queueOffset) && this.name(e.topic) && this.int(e.reconsumeTimes);
    }
    if (e.type === 'offset.committed') {
      return this.int(COMMITTED) && this.int(e.t) && this.name(e.consumer) && this.name(e.group) && this.name(e.broker) && this.int(e.queueId)
        && this.int(e.offset) && this.name(e.topic);
    }
    return false;
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

  /** Reads one packed event from `at`: the same object literal as the model's emit, field by field. */
  private unpackOne(type: number): TraceEvent {
    switch (type) {
      case SENT:
        return {
          t: this.readInt(), type: 'message.sent', producer: this.readName(), msgId: this.readId(), topic: this.readName(), tags: this.readName(),
          keys: this.readName(), broker: this.readName(), queueId: this.readInt(), attempt: this.readInt(),
        };
      case STORED:
        return {
          t: this.readInt(), type: 'message.stored', broker: this.readName(), brokerId: this.readInt(), topic: this.readName(), queueId: this.readInt(),
          queueOffset: this.readInt(), commitLogOffset: this.readInt(), msgId: this.readId(), offsetMsgId: this.readId(),
        };
      case RESULT:
        return { t: this.readInt(), type: 'send.result', producer: this.readName(), msgId: this.readId(), status: this.readName() as SendResultStatus };
      case CONSUMED:
        return {
          t: this.readInt(), type: 'message.consumed', consumer: this.readName(), group: this.readName(), msgId: this.readId(), broker: this.readName(),
          queueId: this.readInt(), queueOffset: this.readInt(), topic: this.readName(), reconsumeTimes: this.readInt(),
        };
      default:
        return {
          t: this.readInt(), type: 'offset.committed', consumer: this.readName(), group: this.readName(), broker: this.readName(),
          queueId: this.readInt(), offset: this.readInt(), topic: this.readName(),
        };
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
