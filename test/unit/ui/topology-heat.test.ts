import { describe, expect, it } from 'vitest';
import { cellAt, HEAT_LAGS, heatLevel, heatRows, HEAT_LEVELS } from '../../../src/ui/panels/topology-heat.ts';
import { waitingOn, type CanvasQueue } from '../../../src/ui/panels/topology-queues.ts';
import type { QueueSummary } from '../../../src/sim/summary.ts';
import { layoutQueueStrip } from '../../../src/viz/queue-strip.ts';
import { queueCellId } from '../../../src/viz/topology-layout.ts';

const box = { x: 100, y: 40, width: 216, height: 60 };
/** 8 queues: ids 0-3 written, 0-5 readable; queue q holds counts[q] messages, lags[q] of them not yet consumed. */
const counts = [900, 910, 920, 940, 0, 1_505, 7, 0];
const lags = [0, 9, 10, 99, 0, 1_500, 7, 0];
const queueOf = (queueId: number, count: number, lag: number): CanvasQueue => ({
  broker: 'broker-a', queueId, count, writable: queueId < 4, readable: queueId < 6, consumed: count - lag, owners: [], fate: queueId < 6 ? 'readable' : 'never', lag,
});
const queues = Object.fromEntries(counts.map((count, queueId): [string, CanvasQueue] => [queueCellId('broker-a/0', queueId), queueOf(queueId, count, lags[queueId]!)]));
const cells = Object.fromEntries(layoutQueueStrip(8, box, true).map((cell, queueId) => [queueCellId('broker-a/0', queueId), cell]));
const rects = (d: string) => d.split('M').length - 1;

describe('a broker\'s queues as one heat row, shaded by lag', () => {
  it('shades a queue by its lag on a fixed scale: under 10, 10+, 100+, 1,000+', () => {
    expect(HEAT_LAGS).toHaveLength(HEAT_LEVELS);
    expect([0, 9, 10, 99, 100, 999, 1_000, 50_000].map(heatLevel)).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });

  it('draws each shade, the unpullable cells and the written edges as one path each, and gives the row\'s lag range', () => {
    const [row] = heatRows(queues, { 'broker-a/0': 8 }, cells);
    // Lags 0, 9, 0 -> under 10; 10, 99 -> 10+; 1,500 -> 1,000+; queue 6 holds messages at id >= readQueueNums; queue 7 is empty.
    expect(row!.levels.map(rects)).toEqual([4, 2, 0, 1]);
    expect(rects(row!.never)).toBe(1);
    expect(rects(row!.written)).toBe(4);
    expect(row!.messages).toBe(counts.reduce((a, b) => a + b, 0));
    expect([row!.lagLow, row!.lagHigh]).toEqual([0, 1_500]);
    expect(row!.frame).toEqual({ x: 108, y: 76, width: 200, height: cells[queueCellId('broker-a/0', 0)]!.height });
  });

  it('draws a steady run\'s row in one shade however its counts differ: 840 or 841 messages, lag 0 to 2', () => {
    const steady = Object.fromEntries(Array.from({ length: 8 }, (_, queueId): [string, CanvasQueue] => [queueCellId('broker-a/0', queueId), { ...queueOf(queueId, 840 + (queueId % 2), queueId % 3), readable: true, fate: 'readable' }]));
    const [row] = heatRows(steady, { 'broker-a/0': 8 }, cells);
    expect(row!.levels.map(rects)).toEqual([8, 0, 0, 0]);
    expect([row!.lagLow, row!.lagHigh]).toEqual([0, 2]);
  });

  it('shades a drained queue (id >= readQueueNums, every group consumed it, nothing written) as keeping up, not as unpullable', () => {
    const id = queueCellId('broker-a/0', 6);
    const [row] = heatRows({ ...queues, [id]: { ...queues[id]!, fate: 'drained' } }, { 'broker-a/0': 8 }, cells);
    expect(row!.never).toBe('');
    expect(row!.levels.map(rects)).toEqual([5, 2, 0, 1]);
  });

  it('takes a queue\'s lag from the group furthest behind, or with no group reading the topic every message not consumable', () => {
    const summary = (lag: Record<string, number>, neverConsumable: number): QueueSummary => ({
      topic: 'TopicTest', broker: 'broker-a', queueId: 0, maxOffset: 50, readable: true, writable: true, consumerOffsets: {}, lag, neverConsumable, unreadableCause: null,
    });
    expect(waitingOn(summary({ CG_A: 3, CG_B: 41 }, 0))).toBe(41);
    expect(waitingOn(summary({}, 50))).toBe(50);
  });

  it('keeps a row\'s paths while no cell changes its shade (counts grow at every refresh), and redraws them when one does', () => {
    const [before] = heatRows(queues, { 'broker-a/0': 8 }, cells);
    const grown = Object.fromEntries(Object.entries(queues).map(([id, queue]): [string, CanvasQueue] => [id, queue.readable ? { ...queue, count: queue.count + 3, consumed: queue.consumed + 3 } : queue]));
    const [after] = heatRows(grown, { 'broker-a/0': 8 }, cells);
    expect(after!.messages).toBe(before!.messages + 3 * 6);
    expect(after!.levels).toBe(before!.levels);
    const id = queueCellId('broker-a/0', 0);
    const [behind] = heatRows({ ...grown, [id]: { ...grown[id]!, lag: 120 } }, { 'broker-a/0': 8 }, cells);
    expect(behind!.levels).not.toBe(before!.levels);
    expect(behind!.levels.map(rects)).toEqual([3, 2, 1, 1]);
  });

  it('finds the queue under a point of the row, clamped to its ends', () => {
    const [row] = heatRows(queues, { 'broker-a/0': 8 }, cells);
    expect(cellAt(row!, 0)).toBe(0);
    expect(cellAt(row!, 108 + 25 * 3 + 1)).toBe(3);
    expect(cellAt(row!, 999)).toBe(7);
  });
});
