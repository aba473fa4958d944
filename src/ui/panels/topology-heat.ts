/**
 * A broker's queues as one heat row (a crowded cluster, topology-density.ts): the cells grouped
 * by their lag, each group one SVG path, so 64 queues are a handful of elements rather than 64
 * buttons of five elements each. The shade is the lag on a fixed scale (under 10, 10+, 100+,
 * 1,000+ messages), not the count against the fullest queue: in a steady run every queue holds
 * about as many messages as the next, so a scale of counts (or of the row's own range) shows
 * only which queue the last send happened to pick; what piles up where a consumer falls behind
 * is lag.
 */
import type { Box } from '../../viz/paths.ts';
import { queueCellId } from '../../viz/topology-layout.ts';
import type { CanvasQueue } from './topology-queues.ts';

/** Shades of fill: keeping up (lag under 10), then each power of ten. */
export const HEAT_LEVELS = 4;
/** The lag at which each shade starts (messages). */
export const HEAT_LAGS = [0, 10, 100, 1_000] as const;

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
  /** The least and the most lag on its readable queues (0 and 0 when none is readable). */
  lagLow: number;
  lagHigh: number;
}

function rectPath(box: Box, height = box.height): string {
  return `M${box.x.toFixed(2)} ${box.y.toFixed(2)}h${box.width.toFixed(2)}v${height}h${(-box.width).toFixed(2)}z`;
}

/** The shade of a queue with `lag` messages waiting (HEAT_LAGS). */
export function heatLevel(lag: number): number {
  let level = 0;
  while (level + 1 < HEAT_LEVELS && lag >= HEAT_LAGS[level + 1]!) level++;
  return level;
}

/** How a cell is drawn: its shade (0-3) or NEVER, plus WRITTEN for a blue top edge. */
const NEVER = 4;
const WRITTEN = 8;

function cellCode(queue: CanvasQueue): number {
  // A drained queue holds nothing anyone waits for: shaded as keeping up, not marked stranded.
  const fill = !queue.readable && queue.count > 0 && queue.fate !== 'drained' ? NEVER : heatLevel(queue.readable ? queue.lag : 0);
  return fill + (queue.writable ? WRITTEN : 0);
}

/** A row's paths and the cell codes they were drawn from. */
interface RowPaths {
  codes: number[];
  levels: string[];
  never: string;
  written: string;
}

function rowPaths(cells: readonly Box[], codes: number[]): RowPaths {
  const levels = Array.from({ length: HEAT_LEVELS }, () => '');
  let never = '';
  let written = '';
  cells.forEach((cell, index) => {
    const code = codes[index]!;
    if ((code & ~WRITTEN) === NEVER) never += rectPath(cell);
    else levels[code & ~WRITTEN] += rectPath(cell);
    if (code & WRITTEN) written += rectPath(cell, 2);
  });
  return { codes, levels, never, written };
}

/**
 * Each row's paths, by the layout's cells and the row's node: redrawn only when a cell's shade
 * changes, which in a steady run is seldom (the paths were most of the rows' cost at every refresh).
 */
const drawnPaths = new WeakMap<Record<string, Box>, Map<string, RowPaths>>();

function pathsOf(cellBoxes: Record<string, Box>, node: string, cells: readonly Box[], codes: number[]): RowPaths {
  let byNode = drawnPaths.get(cellBoxes);
  if (!byNode) {
    byNode = new Map();
    drawnPaths.set(cellBoxes, byNode);
  }
  const drawn = byNode.get(node);
  if (drawn && drawn.codes.length === codes.length && drawn.codes.every((code, index) => code === codes[index])) return drawn;
  const paths = rowPaths(cells, codes);
  byNode.set(node, paths);
  return paths;
}

/** The heat row of each master with drawn queues, in node order. */
export function heatRows(queues: Record<string, CanvasQueue>, slots: Record<string, number>, cellBoxes: Record<string, Box>): HeatRow[] {
  const rows: HeatRow[] = [];
  for (const [node, count] of Object.entries(slots)) {
    const cells: Box[] = [];
    const rowQueues: CanvasQueue[] = [];
    const codes: number[] = [];
    let messages = 0;
    let lagLow = Infinity;
    let lagHigh = 0;
    for (let queueId = 0; queueId < count; queueId++) {
      const id = queueCellId(node, queueId);
      const cell = cellBoxes[id];
      const queue = queues[id];
      if (!cell || !queue) continue;
      cells.push(cell);
      rowQueues.push(queue);
      codes.push(cellCode(queue));
      messages += queue.count;
      if (queue.readable) {
        lagLow = Math.min(lagLow, queue.lag);
        lagHigh = Math.max(lagHigh, queue.lag);
      }
    }
    const first = cells[0];
    const last = cells[cells.length - 1];
    if (!first || !last) continue;
    const { levels, never, written } = pathsOf(cellBoxes, node, cells, codes);
    rows.push({ node, cells, queues: rowQueues, levels, never, written, messages, lagLow: Math.min(lagLow, lagHigh), lagHigh, frame: { x: first.x, y: first.y, width: last.x + last.width - first.x, height: first.height } });
  }
  return rows;
}

/** The index of the cell under layout x (the cells sit side by side), clamped to the row. */
export function cellAt(row: HeatRow, x: number): number {
  const index = row.cells.findIndex((cell) => x < cell.x + cell.width);
  return index === -1 ? row.cells.length - 1 : index;
}
