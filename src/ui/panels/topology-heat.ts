/**
 * A broker's queues as one heat row (a crowded cluster, topology-density.ts): the cells grouped
 * by how full they are, each group one SVG path, so 64 queues are a handful of elements rather
 * than 64 buttons of five elements each.
 */
import type { Box } from '../../viz/paths.ts';
import { queueCellId } from '../../viz/topology-layout.ts';
import type { CanvasQueue } from './topology-queues.ts';

/** Shades of fill, from a few messages to the fullest queue of the topic. */
export const HEAT_LEVELS = 4;

export interface HeatRow {
  node: string;
  /** The cells in queue id order, and their queues. */
  cells: Box[];
  queues: CanvasQueue[];
  /** Path data per shade (index 0: the palest), of cells holding messages no consumer can pull, and of written cells' top edges. */
  levels: string[];
  never: string;
  written: string;
  /** The row's outline. */
  frame: Box;
  messages: number;
}

function rectPath(box: Box, height = box.height): string {
  return `M${box.x.toFixed(2)} ${box.y.toFixed(2)}h${box.width.toFixed(2)}v${height}h${(-box.width).toFixed(2)}z`;
}

/** The shade of a queue holding `count` of the fullest queue's `maxCount` messages (-1: empty, no fill). */
export function heatLevel(count: number, maxCount: number): number {
  if (count <= 0 || maxCount <= 0) return -1;
  return Math.min(HEAT_LEVELS - 1, Math.floor((count / maxCount) * HEAT_LEVELS));
}

/** The heat row of each master with drawn queues, in node order. */
export function heatRows(queues: Record<string, CanvasQueue>, slots: Record<string, number>, cellBoxes: Record<string, Box>): HeatRow[] {
  const maxCount = Math.max(0, ...Object.values(queues).map((queue) => queue.count));
  const rows: HeatRow[] = [];
  for (const [node, count] of Object.entries(slots)) {
    const cells: Box[] = [];
    const rowQueues: CanvasQueue[] = [];
    const levels = Array.from({ length: HEAT_LEVELS }, () => '');
    let never = '';
    let written = '';
    let messages = 0;
    for (let queueId = 0; queueId < count; queueId++) {
      const cell = cellBoxes[queueCellId(node, queueId)];
      const queue = queues[queueCellId(node, queueId)];
      if (!cell || !queue) continue;
      cells.push(cell);
      rowQueues.push(queue);
      messages += queue.count;
      // A drained queue holds nothing anyone waits for: shaded by its count, not marked stranded.
      if (!queue.readable && queue.count > 0 && queue.fate !== 'drained') never += rectPath(cell);
      else if (heatLevel(queue.count, maxCount) >= 0) levels[heatLevel(queue.count, maxCount)] += rectPath(cell);
      if (queue.writable) written += rectPath(cell, 2);
    }
    const first = cells[0];
    const last = cells[cells.length - 1];
    if (!first || !last) continue;
    rows.push({ node, cells, queues: rowQueues, levels, never, written, messages, frame: { x: first.x, y: first.y, width: last.x + last.width - first.x, height: first.height } });
  }
  return rows;
}

/** The index of the cell under layout x (the cells sit side by side), clamped to the row. */
export function cellAt(row: HeatRow, x: number): number {
  const index = row.cells.findIndex((cell) => x < cell.x + cell.width);
  return index === -1 ? row.cells.length - 1 : index;
}
