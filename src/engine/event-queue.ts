/**
 * The pending-event queue, ordered by (time, sequence): ties in time go to the event scheduled
 * first, so the order never depends on anything but the run itself. Events of the next few
 * seconds wait in a timing wheel (timing-wheel.ts), later ones and any time that is not a whole
 * millisecond in a heap (event-heap.ts); taking compares the heads of both, so the order is the
 * same whichever part holds an event.
 */
import { EventHeap } from './event-heap.ts';
import { TimingWheel } from './timing-wheel.ts';

export interface EventQueueSnapshot<E> {
  readonly times: Float64Array;
  readonly seqs: Float64Array;
  /** Each event, or for an event of a kind and one number (see Shape) the index of its shape in `shapes`. */
  readonly items: (E | number)[];
  /** The numbers of those events, in the order of `items`. */
  readonly values: Float64Array;
  /** The queue's shapes: only ever appended to, so every snapshot may share them. */
  readonly shapes: readonly Shape[];
  readonly nextSeq: number;
}

/**
 * An event that is a kind and one number, `{ kind, [key]: number }` in that order (a request's
 * timeout, src/model/remoting.ts: most of a checkpoint's pending events). A snapshot keeps its
 * number in a typed array rather than the event object: a checkpoint would otherwise keep alive
 * hundreds of timeouts that the run has long passed, and the collector would walk them in every
 * one of its checkpoints.
 */
interface Shape {
  readonly kind: string;
  readonly key: string;
  readonly frozen: boolean;
}

export class EventQueue<E> {
  private readonly wheel = new TimingWheel<E>();
  private readonly heap = new EventHeap<E>();
  private nextSeq = 0;
  /** The shapes seen in this queue's snapshots; restore reads a snapshot's own, so a snapshot moves between queues. */
  private readonly shapes: Shape[] = [];
  /** Time of the event most recently taken: no pending event is earlier (the wheel's reference). */
  lastTime = 0;

  get size(): number {
    return this.wheel.size + this.heap.size;
  }

  /** Time of the earliest pending event, or Infinity when empty. */
  peekTime(): number {
    return Math.min(this.wheel.nextTime, this.heap.topTime);
  }

  push(time: number, item: E): void {
    this.insert(time, this.nextSeq++, item);
  }

  private insert(time: number, seq: number, item: E): void {
    if (TimingWheel.fits(time, this.lastTime)) this.wheel.add(time, seq, item);
    else this.heap.push(time, seq, item);
  }

  pop(): E | undefined {
    return this.popUntil(Infinity);
  }

  /**
   * Removes and returns the earliest event if it is at or before `t`, else undefined: runUntil's
   * one call per event, where a size, a peek and a pop each compared the wheel's head with the heap's.
   */
  popUntil(t: number): E | undefined {
    const { wheel, heap } = this;
    const wheelTime = wheel.nextTime;
    const heapTime = heap.topTime;
    if (heapTime < wheelTime || (heapTime === wheelTime && heapTime !== Infinity && heap.topSeq < wheel.nextSeq)) {
      if (heapTime > t) return undefined;
      this.lastTime = heapTime;
      return heap.pop();
    }
    if (wheelTime > t || wheelTime === Infinity) return undefined;
    this.lastTime = wheelTime;
    return wheel.take();
  }

  /** Visits every pending event, in no particular order (a reader that looks for what they hold). */
  forEach(visit: (item: E) => void): void {
    this.wheel.forEach((_time, _seq, item) => visit(item));
    this.heap.forEach((_time, _seq, item) => visit(item));
  }

  /** Events are immutable data, so a snapshot copies times and sequences and shares the event objects (or keeps their number: Shape). */
  snapshot(): EventQueueSnapshot<E> {
    const size = this.size;
    const times = new Float64Array(size);
    const seqs = new Float64Array(size);
    const items = new Array<E | number>(size);
    const values = new Float64Array(size);
    let i = 0;
    let compact = 0;
    const copy = (time: number, seq: number, item: E) => {
      times[i] = time;
      seqs[i] = seq;
      const shape = this.shapeOf(item);
      if (shape < 0) items[i++] = item;
      else {
        items[i++] = shape;
        values[compact++] = (item as Record<string, number>)[this.shapes[shape]!.key]!;
      }
    };
    this.wheel.forEach(copy);
    this.heap.forEach(copy);
    return { times, seqs, items, values: values.slice(0, compact), shapes: this.shapes, nextSeq: this.nextSeq };
  }

  /** Puts back the snapshot's events at `now`, the time it was taken (no event of it is earlier). */
  restore(snapshot: EventQueueSnapshot<E>, now: number): void {
    this.wheel.clear();
    this.heap.clear();
    this.lastTime = now;
    const { times, seqs } = snapshot;
    const items = eventsOf(snapshot);
    // A slot of the wheel keeps its events in the order they are added: add them by sequence.
    const order = Array.from(seqs.keys()).sort((a, b) => seqs[a]! - seqs[b]!);
    for (const i of order) this.insert(times[i]!, seqs[i]!, items[i]!);
    this.nextSeq = snapshot.nextSeq;
  }

  /** The index of the item's shape in `shapes` (added when new), or -1 when it is not a kind and one number. */
  private shapeOf(item: E): number {
    const key = numberKey(item);
    if (key === undefined) return -1;
    const { kind } = item as { kind: string };
    const frozen = Object.isFrozen(item);
    const shapes = this.shapes;
    for (let s = 0; s < shapes.length; s++) {
      const shape = shapes[s]!;
      if (shape.kind === kind && shape.key === key && shape.frozen === frozen) return s;
    }
    shapes.push({ kind, key, frozen });
    return shapes.length - 1;
  }
}

/** The key of the number when `item` is plain data of exactly a string `kind` and then one number, else undefined. */
function numberKey(item: unknown): string | undefined {
  if (item === null || typeof item !== 'object' || Object.getPrototypeOf(item) !== Object.prototype) return undefined;
  let count = 0;
  let key: string | undefined;
  for (const k in item) {
    count++;
    if (count === 1 ? k !== 'kind' : count > 2) return undefined;
    key = k;
  }
  const record = item as Record<string, unknown>;
  return count === 2 && typeof record.kind === 'string' && typeof record[key!] === 'number' ? key : undefined;
}

/** The snapshot's events, each number of a Shape made an event again (equal to the one the queue held). */
function eventsOf<E>(snapshot: EventQueueSnapshot<E>): E[] {
  let compact = 0;
  return snapshot.items.map((item) => {
    if (typeof item !== 'number') return item;
    const shape = snapshot.shapes[item]!;
    const event = { kind: shape.kind, [shape.key]: snapshot.values[compact++] } as E;
    return shape.frozen ? Object.freeze(event) : event;
  });
}
