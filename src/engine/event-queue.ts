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
  readonly items: E[];
  readonly nextSeq: number;
}

export class EventQueue<E> {
  private readonly wheel = new TimingWheel<E>();
  private readonly heap = new EventHeap<E>();
  private nextSeq = 0;
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

  /** Events are immutable data, so a snapshot copies times and sequences and shares the event objects. */
  snapshot(): EventQueueSnapshot<E> {
    const size = this.size;
    const times = new Float64Array(size);
    const seqs = new Float64Array(size);
    const items = new Array<E>(size);
    let i = 0;
    const copy = (time: number, seq: number, item: E) => {
      times[i] = time;
      seqs[i] = seq;
      items[i++] = item;
    };
    this.wheel.forEach(copy);
    this.heap.forEach(copy);
    return { times, seqs, items, nextSeq: this.nextSeq };
  }

  /** Puts back the snapshot's events at `now`, the time it was taken (no event of it is earlier). */
  restore(snapshot: EventQueueSnapshot<E>, now: number): void {
    this.wheel.clear();
    this.heap.clear();
    this.lastTime = now;
    const { times, seqs, items } = snapshot;
    // A slot of the wheel keeps its events in the order they are added: add them by sequence.
    const order = Array.from(seqs.keys()).sort((a, b) => seqs[a]! - seqs[b]!);
    for (const i of order) this.insert(times[i]!, seqs[i]!, items[i]!);
    this.nextSeq = snapshot.nextSeq;
  }
}
