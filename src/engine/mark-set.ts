/**
 * A set of keys that grows with the run (ids seen so far) and is shared between snapshots instead
 * of copied. Each key remembers the position (any counter that only moves forward and is part of
 * the snapshot, such as the trace length) at which it was first added; a key added at or after
 * the current position belongs to a future that a restore has undone, so it counts as absent.
 */
export class MarkSet<K = string> {
  private readonly marks = new Map<K, number>();

  has(key: K, position: number): boolean {
    const mark = this.marks.get(key);
    return mark !== undefined && mark < position;
  }

  /** Adds the key at this position; returns false when it was already present. */
  add(key: K, position: number): boolean {
    const mark = this.marks.get(key);
    if (mark !== undefined && mark < position) return false;
    this.marks.set(key, position);
    return true;
  }

  /** Removes the keys the predicate picks, for a run that keeps what they meant as a number instead. */
  removeWhere(picked: (key: K) => boolean): void {
    for (const key of this.marks.keys()) if (picked(key)) this.marks.delete(key);
  }

  /** The keys present at this position. */
  keysAt(position: number): K[] {
    const keys: K[] = [];
    for (const [key, mark] of this.marks) if (mark < position) keys.push(key);
    return keys;
  }
}

/**
 * A MarkSet whose keys are serial numbers (0, 1, 2 ... as things are made): marks in a typed
 * array instead of a Map. A run makes hundreds of thousands of messages, and a Map that large
 * costs about half a microsecond per lookup; the array, a few nanoseconds.
 */
export class SerialMarkSet {
  /** The position of each serial's first mark, or -1: slot i holds serial base + i. */
  private marks = new Float64Array(1_024).fill(-1);
  /** A number given with each first mark (who marked it, say): as immutable as the mark. */
  private tags = new Int32Array(1_024);
  /** Serials below it were reclaimed (reclaimBelow): nobody may mark or ask about them any more. */
  private base = 0;

  has(serial: number, position: number): boolean {
    const slot = this.slot(serial);
    const mark = slot < this.marks.length ? this.marks[slot]! : -1;
    return mark >= 0 && mark < position;
  }

  /** Marks the serial at this position with a tag; returns false when it was already present. */
  add(serial: number, position: number, tag = 0): boolean {
    const slot = this.slot(serial);
    if (slot >= this.marks.length) this.grow(slot);
    const mark = this.marks[slot]!;
    if (mark >= 0 && mark < position) return false;
    this.marks[slot] = position;
    this.tags[slot] = tag;
    return true;
  }

  /** The position of the serial's first mark, or undefined when it is absent at this position. */
  markOf(serial: number, position: number): number | undefined {
    return this.has(serial, position) ? this.marks[this.slot(serial)] : undefined;
  }

  /** The tag of the serial's first mark, or undefined when it is absent at this position. */
  tagOf(serial: number, position: number): number | undefined {
    return this.has(serial, position) ? this.tags[this.slot(serial)] : undefined;
  }

  /**
   * Forgets every serial below `serial`, for a run that will never mark or ask about them again
   * (the headless runner, once they are settled: src/model/reclaim.ts). Not for a run that is
   * restored to an earlier position: the marks are shared between snapshots.
   */
  reclaimBelow(serial: number): void {
    if (serial <= this.base) return;
    const dropped = Math.min(serial - this.base, this.marks.length);
    this.marks.copyWithin(0, dropped).fill(-1, this.marks.length - dropped);
    this.tags.copyWithin(0, dropped).fill(0, this.tags.length - dropped);
    this.base = serial;
  }

  /** Where a serial's mark lives; a reclaimed serial is a bug in the caller, never a silent "absent". */
  private slot(serial: number): number {
    if (serial < this.base) throw new Error(`SerialMarkSet: serial ${serial} was reclaimed (everything below ${this.base} was settled)`);
    return serial - this.base;
  }

  private grow(slot: number): void {
    let length = this.marks.length * 2;
    while (length <= slot) length *= 2;
    const marks = new Float64Array(length).fill(-1);
    marks.set(this.marks);
    this.marks = marks;
    const tags = new Int32Array(length);
    tags.set(this.tags);
    this.tags = tags;
  }
}
