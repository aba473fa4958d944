/**
 * The pending-event queue: a binary min-heap over (time, sequence) kept in typed arrays, with
 * the event objects in a parallel array. Ties in time go to the event scheduled first, so the
 * order never depends on anything but the run itself.
 */
export interface EventQueueSnapshot<E> {
  readonly times: Float64Array;
  readonly seqs: Float64Array;
  readonly items: E[];
  readonly nextSeq: number;
}

export class EventQueue<E> {
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private items: (E | undefined)[] = new Array<E | undefined>(1024);
  private count = 0;
  private nextSeq = 0;
  /** Time of the event most recently popped. */
  lastTime = 0;

  get size(): number {
    return this.count;
  }

  /** Time of the earliest pending event, or Infinity when empty. */
  peekTime(): number {
    return this.count > 0 ? this.times[0]! : Infinity;
  }

  push(time: number, item: E): void {
    if (this.count === this.times.length) this.grow();
    let i = this.count++;
    const seq = this.nextSeq++;
    const { times, seqs, items } = this;
    // Sift up: move parents down until the new entry fits.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent]!;
      if (pt < time || (pt === time && seqs[parent]! < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent]!;
      items[i] = items[parent];
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    items[i] = item;
  }

  pop(): E | undefined {
    if (this.count === 0) return undefined;
    const { times, seqs, items } = this;
    const top = items[0];
    this.lastTime = times[0]!;
    const last = --this.count;
    const time = times[last]!;
    const seq = seqs[last]!;
    const item = items[last];
    items[last] = undefined;
    if (last > 0) this.siftDown(time, seq, item, last);
    return top;
  }

  private siftDown(time: number, seq: number, item: E | undefined, size: number): void {
    const { times, seqs, items } = this;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size && (times[right]! < times[child]! || (times[right] === times[child] && seqs[right]! < seqs[child]!))) {
        child = right;
      }
      const ct = times[child]!;
      if (time < ct || (time === ct && seq < seqs[child]!)) break;
      times[i] = ct;
      seqs[i] = seqs[child]!;
      items[i] = items[child];
      i = child;
    }
    times[i] = time;
    seqs[i] = seq;
    items[i] = item;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    times.set(this.times);
    const seqs = new Float64Array(capacity);
    seqs.set(this.seqs);
    this.times = times;
    this.seqs = seqs;
    this.items.length = capacity;
  }

  /** Visits every pending event, in no particular order (a reader that looks for what they hold). */
  forEach(visit: (item: E) => void): void {
    for (let i = 0; i < this.count; i++) visit(this.items[i]!);
  }

  /** Events are immutable data, so a snapshot copies the arrays and shares the event objects. */
  snapshot(): EventQueueSnapshot<E> {
    return {
      times: this.times.slice(0, this.count),
      seqs: this.seqs.slice(0, this.count),
      items: this.items.slice(0, this.count) as E[],
      nextSeq: this.nextSeq,
    };
  }

  restore(snapshot: EventQueueSnapshot<E>): void {
    const capacity = Math.max(1024, snapshot.times.length * 2);
    this.times = new Float64Array(capacity);
    this.times.set(snapshot.times);
    this.seqs = new Float64Array(capacity);
    this.seqs.set(snapshot.seqs);
    this.items = snapshot.items.slice();
    this.items.length = capacity;
    this.count = snapshot.times.length;
    this.nextSeq = snapshot.nextSeq;
  }
}
