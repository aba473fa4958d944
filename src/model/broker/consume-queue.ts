/**
 * A ConsumeQueue (queue offset -> CommitLog index) whose first entries may be reclaimed, as
 * RocketMQ's ConsumeQueue drops its files below the CommitLog's minimum offset
 * (DefaultMessageStore.CleanConsumeQueueService, ConsumeQueue.getMinOffsetInQueue). Here it is the
 * headless runner that drops the entries no reader can read any more (src/model/reclaim.ts); the
 * offsets stay what they were, and reading a reclaimed entry throws (a bug in that decision).
 * A run that never reclaims keeps its queues as plain AppendLogs.
 */
import { AppendLog } from '../../engine/index.ts';

const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;

export class ConsumeQueue extends AppendLog<number> {
  /** Entries by chunk of CHUNK offsets; a reclaimed chunk is undefined. */
  private readonly chunks: (Float64Array | undefined)[] = [];
  private first = 0;

  /** The entries of `queue` from `from` on; those below are reclaimed. */
  static from(queue: AppendLog<number>, from: number): ConsumeQueue {
    const copy = new ConsumeQueue();
    copy.first = copy.length = Math.min(from, queue.length);
    for (let offset = copy.first; offset < queue.length; offset++) copy.append(queue.at(offset)!);
    return copy;
  }

  override get storage(): object {
    return this.chunks;
  }

  override get minIndex(): number {
    return this.first;
  }

  /** The entries below `offset` are never read again. */
  reclaimBelow(offset: number): void {
    this.first = Math.max(this.first, Math.min(offset, this.length));
    for (let chunk = 0; (chunk + 1) << CHUNK_BITS <= this.first; chunk++) this.chunks[chunk] = undefined;
  }

  override append(index: number): number {
    const offset = this.length++;
    while (this.chunks.length <= offset >> CHUNK_BITS) this.chunks.push(undefined);
    (this.chunks[offset >> CHUNK_BITS] ??= new Float64Array(CHUNK))[offset & (CHUNK - 1)] = index;
    return offset;
  }

  override at(offset: number): number | undefined {
    if (offset < this.first) throw new Error(`ConsumeQueue: offset ${offset} was reclaimed (offsets below ${this.first} are gone): no reader may read it`);
    return offset < this.length ? this.chunks[offset >> CHUNK_BITS]![offset & (CHUNK - 1)] : undefined;
  }

  override last(): number | undefined {
    return this.length > 0 ? this.at(this.length - 1) : undefined;
  }

  override slice(from: number, to = this.length): number[] {
    const entries: number[] = [];
    for (let offset = Math.max(0, from); offset < Math.min(to, this.length); offset++) entries.push(this.at(offset)!);
    return entries;
  }

  override toArray(): number[] {
    return this.slice(0);
  }

  /** The runner takes no snapshots; a copy (never shared) serves every way a log is copied. */
  override clone(): ConsumeQueue {
    return this.truncated(this.length);
  }

  override detach(): ConsumeQueue {
    return this.truncated(this.length);
  }

  override truncated(length: number): ConsumeQueue {
    const copy = new ConsumeQueue();
    copy.first = copy.length = Math.min(this.first, length);
    for (let offset = copy.first; offset < Math.min(length, this.length); offset++) copy.append(this.at(offset)!);
    return copy;
  }
}
