/**
 * An append-only store (commit log, consume queue, trace) shared between snapshots by length.
 * A clone shares `items` and copies `length`; after a restore the run appends the very same
 * values again (the run is deterministic), so overwriting in place keeps every clone valid.
 */
export class AppendLog<T> {
  constructor(
    readonly items: T[] = [],
    public length = 0,
  ) {}

  /**
   * The first index still held: 0, unless the entries below were reclaimed (a runner that drops
   * what no reader can read again: src/model/broker/commit-log.ts); reading one of those is a bug.
   */
  get minIndex(): number {
    return 0;
  }

  /** What clones share: the same storage means the same entries up to each one's length. */
  get storage(): object {
    return this.items;
  }

  append(item: T): number {
    const index = this.length++;
    if (index < this.items.length) this.items[index] = item;
    else this.items.push(item);
    return index;
  }

  at(index: number): T | undefined {
    return index < this.length ? this.items[index] : undefined;
  }

  last(): T | undefined {
    return this.length > 0 ? this.items[this.length - 1] : undefined;
  }

  /** The visible entries from `from` up to `to`, as a fresh array. */
  slice(from: number, to = this.length): T[] {
    return this.items.slice(from, Math.min(to, this.length));
  }

  /** The visible entries, as a fresh array. */
  toArray(): T[] {
    return this.items.slice(0, this.length);
  }

  clone(): AppendLog<T> {
    return new AppendLog(this.items, this.length);
  }

  /** A copy of the first `length` entries that no longer shares storage (a log cut back). */
  truncated(length: number): AppendLog<T> {
    return new AppendLog(this.items.slice(0, Math.min(length, this.length)), Math.min(length, this.length));
  }

  /** A copy that no longer shares storage: for forks that will append different values. */
  detach(): AppendLog<T> {
    return new AppendLog(this.items.slice(0, this.length), this.length);
  }
}
