/**
 * How the model state crosses from the simulation's worker to the page (structured clone). A
 * clone keeps plain objects, arrays and Maps but not prototypes, so: a dictionary
 * (src/engine/dict.ts, prototype-less, keyed by names a person typed) travels as a Map and
 * becomes a dictionary again; an append log (commit log, consume queue) travels as the entries
 * the page does not hold yet, tagged with the identity of its storage; the mark sets (ids seen
 * so far, which the summary reads in the worker) stay in the worker.
 *
 * The page holds the length of every log and only its latest LOG_TAIL entries (and whatever it
 * received since): a commit log of an hour holds hundreds of thousands of messages, which the
 * page never draws one by one. Older entries are read in the worker, through named queries
 * (src/sim/queries).
 */
import { AppendLog } from '../../engine/append-log.ts';
import { dict } from '../../engine/dict.ts';
import { MarkSet, SerialMarkSet } from '../../engine/mark-set.ts';

/** The key that marks an append log on the wire (plain objects hold only the model's field names). */
const LOG_KEY = '\u0000appendLog';
/** The key that marks a mark set left in the worker. */
const MARKS_KEY = '\u0000marks';

/**
 * Entries of each append log sent at least, counted back from its end. The panels read a log's
 * length (messages stored, a queue's maxOffset) and read entries through queries, so the page
 * keeps only the latest few: after a far seek every CommitLog and ConsumeQueue changes, and 64
 * entries of each (about 70 % of such a frame) cost the page more to decode than the rest.
 */
export const LOG_TAIL = 8;

export interface WireLog {
  [LOG_KEY]: number;
  /** Entries items[from, from + items.length), the rest of [0, length) being held already. */
  from: number;
  length: number;
  items: unknown[];
}

/** Sets a key, `__proto__` included, as an own property (an assignment would set the prototype). */
export function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** The worker's side: what each log storage the page holds, so each entry crosses once. */
export class WireEncoder {
  private readonly logIds = new WeakMap<object, number>();
  /** Per storage id: the entries [start, end) the page holds for sure (a run appends the same values again after a restore). */
  private readonly held: { start: number; end: number }[] = [];
  /** Frozen data seen in this message: encoded once and shared, so the clone carries it once (a route many clients hold). */
  private frozen = new Map<object, unknown>();

  /** Forgets the frozen data of the last message (keeping it would hold a second copy of every stored message). */
  startMessage(): void {
    this.frozen = new Map();
  }

  encode(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (value instanceof AppendLog) return this.encodeLog(value);
    if (value instanceof MarkSet || value instanceof SerialMarkSet) return { [MARKS_KEY]: true };
    const isFrozen = Object.isFrozen(value);
    if (isFrozen && this.frozen.has(value)) return this.frozen.get(value);
    const encoded = this.encodeContainer(value);
    if (isFrozen) this.frozen.set(value, encoded);
    return encoded;
  }

  /** Straight loops, no arrays of entries in between: after a far seek this walks hundreds of changed tables. */
  private encodeContainer(value: object): unknown {
    if (Array.isArray(value)) {
      const items: unknown[] = [];
      for (const item of value as unknown[]) items.push(this.encode(item));
      return items;
    }
    const record = value as Record<string, unknown>;
    if (Object.getPrototypeOf(value) === null) {
      const table = new Map<string, unknown>();
      for (const key of Object.keys(record)) table.set(key, this.encode(record[key]));
      return table;
    }
    const plain: Record<string, unknown> = {};
    for (const key of Object.keys(record)) setKey(plain, key, this.encode(record[key]));
    return plain;
  }

  private encodeLog(log: AppendLog<unknown>): WireLog {
    let id = this.logIds.get(log.storage);
    if (id === undefined) {
      id = this.held.length;
      this.logIds.set(log.storage, id);
      this.held.push({ start: 0, end: 0 });
    }
    const held = this.held[id]!;
    const wanted = tailStart(log.length);
    // Go on from what the page holds when that reaches back to the tail; else send a fresh tail.
    const continues = held.start <= wanted && wanted <= held.end;
    const from = continues ? Math.min(held.end, log.length) : wanted;
    this.held[id] = { start: wanted, end: continues ? Math.max(held.end, log.length) : log.length };
    return { [LOG_KEY]: id, from, length: log.length, items: log.slice(from).map((item) => this.encode(item)) };
  }
}

/** Where the entries the page keeps of a log of this length start. */
function tailStart(length: number): number {
  return Math.max(0, length - LOG_TAIL);
}

/** Stands for a mark set on the page: the summary, computed in the worker, is what reads them. */
export const LEFT_IN_WORKER = Object.freeze({
  has(): never {
    throw new Error('The sets of ids seen so far stay with the run in the worker: read them through the summary or a query (src/sim/queries).');
  },
});

/** What the page holds of one log storage: entries [start, end) of `items`, by their index in the log. */
interface HeldLog {
  items: unknown[];
  start: number;
  end: number;
}

/** The page's side: the entries of every log storage received so far. */
export class WireDecoder {
  private readonly logs: HeldLog[] = [];

  decode(value: unknown, shared = new Map<object, unknown>()): unknown {
    if (value === null || typeof value !== 'object') return value;
    // One object that arrived twice in a message was one object in the worker: keep it one.
    if (shared.has(value)) return shared.get(value);
    const decoded = this.decodeContainer(value, shared);
    shared.set(value, decoded);
    return decoded;
  }

  private decodeContainer(value: object, shared: Map<object, unknown>): unknown {
    if (Array.isArray(value)) return value.map((item) => this.decode(item, shared));
    if (value instanceof Map) {
      const table = dict<unknown>();
      for (const [key, item] of value as Map<string, unknown>) table[key] = this.decode(item, shared);
      return table;
    }
    if (LOG_KEY in value) return this.decodeLog(value as WireLog, shared);
    if (MARKS_KEY in value) return LEFT_IN_WORKER;
    const plain: Record<string, unknown> = {};
    for (const key of Object.keys(value)) setKey(plain, key, this.decode((value as Record<string, unknown>)[key], shared));
    return plain;
  }

  private decodeLog(wire: WireLog, shared: Map<object, unknown>): AppendLog<unknown> {
    const id = wire[LOG_KEY];
    let log = this.logs[id];
    // A tail that does not go on from what the page holds (a move far away) starts a new array:
    // letting go of the old entries one by one would walk every index in between, hundreds of
    // thousands in a CommitLog. Earlier frames keep the old array, as they were.
    if (!log || wire.from < log.start || wire.from > log.end) log = this.logs[id] = { items: [], start: wire.from, end: wire.from };
    const { items } = log;
    wire.items.forEach((item, i) => {
      items[wire.from + i] = this.decode(item, shared);
    });
    log.end = Math.max(log.end, wire.from + wire.items.length);
    // Let go of the entries before the tail (the worker sends them again if a move needs them).
    for (const start = Math.min(tailStart(wire.length), log.end); log.start < start; log.start++) delete items[log.start];
    return new AppendLog(items, wire.length);
  }
}
