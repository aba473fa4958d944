/**
 * The near future of the event queue (event-queue.ts) as a timing wheel: one slot per virtual
 * millisecond for the next SLOTS ms, each slot a first-in first-out list of the events at that
 * time. The clock is in whole milliseconds and ties go to the event scheduled first, so a slot's
 * list is already in (time, sequence) order: adding and taking cost the same however many events
 * wait, where a heap pays a walk of its height for each (the wheel of Varghese and Lauck, as
 * Netty's HashedWheelTimer uses for the timeouts of NettyRemotingClient).
 *
 * Events live in pooled nodes (typed arrays and one array of items), so adding one makes no object.
 */
const SLOTS = 8_192;
const MASK = SLOTS - 1;
const NONE = -1;

export class TimingWheel<E> {
  /** First and last node of each slot's list, NONE when the slot is empty. */
  private readonly head = new Int32Array(SLOTS).fill(NONE);
  private readonly tail = new Int32Array(SLOTS).fill(NONE);
  /** The nodes: an event's sequence, its item, the next node in its slot (or in the free list). */
  private seqs = new Float64Array(1024);
  private next = new Int32Array(1024);
  private items: (E | undefined)[] = new Array<E | undefined>(1024);
  private used = 0;
  private free = NONE;
  private count = 0;
  /** Time of the earliest event in the wheel, Infinity when it holds none. */
  nextTime = Infinity;

  get size(): number {
    return this.count;
  }

  /**
   * Whether an event at `time` may wait here while no event earlier than `earliest` does: a whole
   * millisecond within SLOTS of it, so that no two waiting times share a slot.
   */
  static fits(time: number, earliest: number): boolean {
    return time - earliest < SLOTS && time <= 0x7fffffff && (time | 0) === time;
  }

  /** Sequence of the earliest event (read it only when size > 0). */
  get nextSeq(): number {
    return this.seqs[this.head[this.nextTime & MASK]!]!;
  }

  /** Adds an event behind those already at its time; its sequence must be the largest there. */
  add(time: number, seq: number, item: E): void {
    const node = this.newNode();
    this.seqs[node] = seq;
    this.items[node] = item;
    this.next[node] = NONE;
    const slot = time & MASK;
    const last = this.tail[slot]!;
    if (last === NONE) this.head[slot] = node;
    else this.next[last] = node;
    this.tail[slot] = node;
    this.count++;
    if (time < this.nextTime) this.nextTime = time;
  }

  /** Removes and returns the earliest event; the wheel must not be empty. */
  take(): E {
    const slot = this.nextTime & MASK;
    const node = this.head[slot]!;
    const item = this.items[node]!;
    this.items[node] = undefined;
    const after = this.next[node]!;
    this.head[slot] = after;
    if (after === NONE) this.tail[slot] = NONE;
    this.next[node] = this.free;
    this.free = node;
    if (--this.count === 0) this.nextTime = Infinity;
    else if (after === NONE) this.nextTime = this.firstTimeAfter(this.nextTime);
    return item;
  }

  /** The next occupied slot's time after `time`: every waiting time is within SLOTS of it. */
  private firstTimeAfter(time: number): number {
    const head = this.head;
    for (let t = time + 1; ; t++) if (head[t & MASK] !== NONE) return t;
  }

  private newNode(): number {
    const node = this.free;
    if (node !== NONE) {
      this.free = this.next[node]!;
      return node;
    }
    if (this.used === this.seqs.length) this.grow();
    return this.used++;
  }

  private grow(): void {
    const capacity = this.seqs.length * 2;
    const seqs = new Float64Array(capacity);
    seqs.set(this.seqs);
    const next = new Int32Array(capacity);
    next.set(this.next);
    this.seqs = seqs;
    this.next = next;
    this.items.length = capacity;
  }

  /** Visits every event with its time, in time order. */
  forEach(visit: (time: number, seq: number, item: E) => void): void {
    if (this.count === 0) return;
    for (let t = this.nextTime; t < this.nextTime + SLOTS; t++) {
      for (let node = this.head[t & MASK]!; node !== NONE; node = this.next[node]!) visit(t, this.seqs[node]!, this.items[node]!);
    }
  }

  clear(): void {
    this.head.fill(NONE);
    this.tail.fill(NONE);
    this.items.fill(undefined, 0, this.used);
    this.used = 0;
    this.free = NONE;
    this.count = 0;
    this.nextTime = Infinity;
  }
}
