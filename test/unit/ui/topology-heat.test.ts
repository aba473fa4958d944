import { cellAt, heatLevel, heatRows, HEAT_LEVELS } from '../../../src/ui/panels/topology-heat.ts';
import type { CanvasQueue } from '../../../src/ui/panels/topology-queues.ts';
import { layoutQueueStrip } from '../../../src/viz/queue-strip.ts';
import { queueCellId } from '../../../src/viz/topology-layout.ts';

const box = { x: 100, y: 40, width: 216, height: 60 };
/** 8 queues: ids 0-3 written, 0-5 readable; queue q holds counts[q] messages. */
const counts = [0, 10, 20, 40, 0, 5, 7, 0];
const queues = Object.fromEntries(counts.map((count, queueId): [string, CanvasQueue] => [queueCellId('broker-a/0', queueId), {
  broker: 'broker-a', queueId, count, writable: queueId < 4, readable: queueId < 6, consumed: 0, owners: [], fate: queueId < 6 ? 'readable' : 'never',
}]));
const cells = Object.fromEntries(layoutQueueStrip(8, box, true).map((cell, queueId) => [queueCellId('broker-a/0', queueId), cell]));

describe('a broker\'s queues as one heat row', () => {
  it('shades a queue by its share of the fullest queue, an empty one not at all', () => {
    expect(heatLevel(0, 40)).toBe(-1);
    expect(heatLevel(1, 40)).toBe(0);
    expect(heatLevel(10, 40)).toBe(1);
    expect(heatLevel(39, 40)).toBe(HEAT_LEVELS - 1);
    expect(heatLevel(40, 40)).toBe(HEAT_LEVELS - 1);
  });

  it('draws each shade, the unpullable cells and the written edges as one path each', () => {
    const [row] = heatRows(queues, { 'broker-a/0': 8 }, cells);
    const rects = (d: string) => d.split('M').length - 1;
    // 10/40 -> 1, 20/40 -> 2, 40/40 -> 3, 5/40 -> 0; queue 6 holds messages at id >= readQueueNums.
    expect(row!.levels.map(rects)).toEqual([1, 1, 1, 1]);
    expect(rects(row!.never)).toBe(1);
    expect(rects(row!.written)).toBe(4);
    expect(row!.messages).toBe(82);
    expect(row!.frame).toEqual({ x: 108, y: 76, width: 200, height: cells[queueCellId('broker-a/0', 0)]!.height });
  });

  it('shades a drained queue (id >= readQueueNums, every group consumed it, nothing written) by its count, not as unpullable', () => {
    const id = queueCellId('broker-a/0', 6);
    const [row] = heatRows({ ...queues, [id]: { ...queues[id]!, fate: 'drained' } }, { 'broker-a/0': 8 }, cells);
    const rects = (d: string) => d.split('M').length - 1;
    expect(row!.never).toBe('');
    // 7/40 -> the palest shade, beside queue 5's 5/40.
    expect(row!.levels.map(rects)).toEqual([2, 1, 1, 1]);
  });

  it('finds the queue under a point of the row, clamped to its ends', () => {
    const [row] = heatRows(queues, { 'broker-a/0': 8 }, cells);
    expect(cellAt(row!, 0)).toBe(0);
    expect(cellAt(row!, 108 + 25 * 3 + 1)).toBe(3);
    expect(cellAt(row!, 999)).toBe(7);
  });
});
