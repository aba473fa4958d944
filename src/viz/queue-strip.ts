/**
 * The queues of a topic drawn inside a broker's box: one cell per queue id, left to right and
 * then in rows. A handful of queues get cells wide enough for their id; many (16-64) become a
 * compact strip of thin cells, so a broker with 64 queues stays the size of a broker. A crowded
 * cluster (topology-density.ts) draws each broker's queues as one heat row: cells side by side
 * without gaps, one row whatever their number.
 */
import type { Box } from './paths.ts';

/** Space between the top of a broker's box and its strip: its name and status line. */
const STRIP_TOP = 36;
/**
 * Under them, over the strip, the lane a sent message runs along to its queue: its middle just
 * under the status line, and a dot is 8 px across. A crowded cluster's heat rows have none: its
 * rows must fit the screen.
 */
const LANE = 6;
const LANE_MIDDLE = 37;
const STRIP_SIDE = 8;
const STRIP_BOTTOM = 6;
const ROOMY_MAX = 16;
/** Roomy cells are at least this wide; compact ones at least COMPACT_MIN wide. */
const ROOMY_MIN = 14;
const COMPACT_MIN = 6;
const ROOMY_MAX_WIDTH = 30;
const ROOMY_HEIGHT = 16;
const COMPACT_HEIGHT = 9;
const HEAT_HEIGHT = 12;

interface StripShape {
  perRow: number;
  rows: number;
  gap: number;
  cellWidth: number;
  cellHeight: number;
}

function stripShape(count: number, width: number, heat: boolean): StripShape {
  if (heat) return { perRow: count, rows: 1, gap: 0, cellWidth: Math.max(1, width - 2 * STRIP_SIDE) / count, cellHeight: HEAT_HEIGHT };
  const roomy = count <= ROOMY_MAX;
  const gap = roomy ? 2 : 1;
  const inner = Math.max(1, width - 2 * STRIP_SIDE);
  const perRow = Math.max(1, Math.min(count, Math.floor((inner + gap) / ((roomy ? ROOMY_MIN : COMPACT_MIN) + gap))));
  const rows = Math.ceil(count / perRow);
  const fitted = (inner - gap * (perRow - 1)) / perRow;
  return { perRow, rows, gap, cellWidth: roomy ? Math.min(ROOMY_MAX_WIDTH, fitted) : fitted, cellHeight: roomy ? ROOMY_HEIGHT : COMPACT_HEIGHT };
}

/** Height a strip of `count` queues adds to a broker box `width` px wide (0 for none). */
export function queueStripHeight(count: number, width: number, heat = false): number {
  if (count <= 0) return 0;
  const shape = stripShape(count, width, heat);
  return shape.rows * shape.cellHeight + (shape.rows - 1) * shape.gap + STRIP_BOTTOM;
}

/** The cell of each queue id (index = queue id) inside `box`, below its name and status. */
export function layoutQueueStrip(count: number, box: Box, heat = false): Box[] {
  if (count <= 0) return [];
  const shape = stripShape(count, box.width, heat);
  const x0 = box.x + STRIP_SIDE;
  const y0 = box.y + stripTop(heat);
  return Array.from({ length: count }, (_, queueId) => ({
    x: x0 + (queueId % shape.perRow) * (shape.cellWidth + shape.gap),
    y: y0 + Math.floor(queueId / shape.perRow) * (shape.cellHeight + shape.gap),
    width: shape.cellWidth,
    height: shape.cellHeight,
  }));
}

/** Where the strip starts under the top of a broker's box. */
export function stripTop(heat: boolean): number {
  return heat ? STRIP_TOP : STRIP_TOP + LANE;
}

/** The height of the lane between a broker's status line and its queues (paths.ts linkIntoCell); not in a heat row. */
export function stripLaneY(box: Box): number {
  return box.y + LANE_MIDDLE;
}

/** Whether the cells are wide enough to print their queue id. */
export function cellShowsId(cell: Box): boolean {
  return cell.width >= ROOMY_MIN && cell.height >= ROOMY_HEIGHT;
}
