/**
 * A binary min-heap over (time, sequence) kept in typed arrays, with the items in a parallel
 * array: the part of the event queue (event-queue.ts) that holds events of any time, whatever
 * the timing wheel (timing-wheel.ts) does not take.
 */
export class EventHeap<E> {
  private times = new Float64Array(256);
  private seqs = new Float64Array(256);
  private items: (E | undefined)[] = new Array<E | undefined>(256);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Time of the earliest entry, or Infinity when empty. */
  get topTime(): number {
    return this.count > 0 ? this.times[0]! : Infinity;
  }

  /** Sequence of the earliest entry (read it only when size > 0). */
  get topSeq(): number {
    return this.seqs[0]!;
  }

  push(time: number, seq: number, item: E): void {
    if (this.count === this.times.length) this.grow();
    let i = this.count++;
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

  /** Removes and returns the earliest entry; the heap must not be empty. */
  pop(): E {
    const { times, seqs, items } = this;
    const top = items[0]!;
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

  /** Visits every entry, in no particular order. */
  forEach(visit: (time: number, seq: number, item: E) => void): void {
    for (let i = 0; i < this.count; i++) visit(this.times[i]!, this.seqs[i]!, this.items[i]!);
  }

  clear(): void {
    this.items.fill(undefined, 0, this.count);
    this.count = 0;
  }
}
