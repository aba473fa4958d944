import { cellShowsId, layoutQueueStrip, queueStripHeight } from '../../../src/viz/queue-strip.ts';

describe('the queue strip inside a broker', () => {
  const box = { x: 100, y: 50, width: 260, height: 80 };

  it('puts 8 queues in one row of cells wide enough for their ids, in queue id order', () => {
    const cells = layoutQueueStrip(8, box);
    expect(cells).toHaveLength(8);
    expect(new Set(cells.map((cell) => cell.y)).size).toBe(1);
    for (let i = 1; i < cells.length; i++) expect(cells[i]!.x).toBeGreaterThan(cells[i - 1]!.x + cells[i - 1]!.width);
    expect(cells.every(cellShowsId)).toBe(true);
    for (const cell of cells) expect(cell.x + cell.width).toBeLessThanOrEqual(box.x + box.width);
  });

  it('turns 64 queues into a compact strip of thin cells that stays inside the box width', () => {
    const cells = layoutQueueStrip(64, box);
    expect(cells).toHaveLength(64);
    expect(cells.some(cellShowsId)).toBe(false);
    for (const cell of cells) expect(cell.x + cell.width).toBeLessThanOrEqual(box.x + box.width + 1e-9);
    const rows = new Set(cells.map((cell) => cell.y)).size;
    expect(rows).toBeGreaterThan(1);
    expect(rows).toBeLessThanOrEqual(3);
    // The strip's height is what the layout adds to the box: every cell fits in it.
    const bottom = Math.max(...cells.map((cell) => cell.y + cell.height));
    expect(bottom).toBeLessThanOrEqual(box.y + 36 + queueStripHeight(64, box.width));
  });

  it('adds no height and no cells for a broker without the topic', () => {
    expect(queueStripHeight(0, 260)).toBe(0);
    expect(layoutQueueStrip(0, box)).toEqual([]);
  });
});
