/**
 * A ConsumeQueue whose first entries the runner reclaims: its offsets stay what they were, and
 * a reclaimed one cannot be read.
 */
import { describe, expect, it } from 'vitest';
import { AppendLog } from '../../../src/engine/index.ts';
import { ConsumeQueue } from '../../../src/model/broker/consume-queue.ts';

function plainQueue(entries: number): AppendLog<number> {
  const queue = new AppendLog<number>();
  for (let offset = 0; offset < entries; offset++) queue.append(offset * 3);
  return queue;
}

describe('ConsumeQueue', () => {
  it('takes a plain queue from an offset on, keeps appending at the same offsets, and throws below its first', () => {
    const queue = ConsumeQueue.from(plainQueue(10_000), 4_500);
    expect([queue.minIndex, queue.length]).toEqual([4_500, 10_000]);
    expect(queue.at(4_500)).toBe(13_500);
    expect(queue.append(99)).toBe(10_000);
    expect([queue.at(10_000), queue.last(), queue.at(10_001)]).toEqual([99, 99, undefined]);
    expect(() => queue.at(4_499)).toThrow(/offset 4499 was reclaimed/);
    queue.reclaimBelow(9_000);
    expect(() => queue.at(8_999)).toThrow(/was reclaimed/);
    expect(queue.slice(9_998)).toEqual([29_994, 29_997, 99]);
  });

  it('cuts back keeping its reclaimed offsets reclaimed, into storage of its own', () => {
    const queue = ConsumeQueue.from(plainQueue(100), 40);
    const cut = queue.truncated(60);
    expect([cut.minIndex, cut.length, cut.last()]).toEqual([40, 60, 177]);
    expect(cut.storage).not.toBe(queue.storage);
    const all = queue.truncated(20);
    expect([all.minIndex, all.length]).toEqual([20, 20]);
    expect(() => queue.toArray()).toThrow(/was reclaimed/);
  });
});
