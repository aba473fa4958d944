/**
 * Links between entities (where a moving dot is on them: link-track.ts). A link is the cubic curve of
 * d3-shape's linkHorizontal / linkVertical (control points at the middle x, or middle y); the
 * path and the dots share one set of control points, so the dots on the canvas travel exactly
 * along the curves of the SVG. (d3-shape itself is not imported: these two formulas were all
 * the page used of it, and it weighed about 5 KB gzipped of the initial JavaScript.)
 */

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  /** Top-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Orientation = 'horizontal' | 'vertical';

export interface Link {
  source: Point;
  target: Point;
  orientation: Orientation;
  /** Explicit control points (links into and out of a queue cell); else d3's, from the orientation. */
  controls?: [Point, Point];
  /** Straight segments run before the curve, from via[0] to the curve's source (out of a broker under its queues). */
  via?: Point[];
  /** Straight segments run after the curve, from its target to the last point (into a queue cell along its broker's lane). */
  then?: Point[];
}

export function boxCenter(box: Box): Point {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * The link from one box to another: horizontal (right edge to left edge, or the reverse) when
 * the boxes sit side by side, vertical (bottom to top) when one is above the other.
 */
export function linkBetween(from: Box, to: Box): Link {
  const a = boxCenter(from);
  const b = boxCenter(to);
  const gapX = Math.max(to.x - (from.x + from.width), from.x - (to.x + to.width));
  const gapY = Math.max(to.y - (from.y + from.height), from.y - (to.y + to.height));
  if (gapX > 0 && gapX >= gapY) {
    const rightward = b.x >= a.x;
    return {
      orientation: 'horizontal',
      source: { x: rightward ? from.x + from.width : from.x, y: a.y },
      target: { x: rightward ? to.x : to.x + to.width, y: b.y },
    };
  }
  const downward = b.y >= a.y;
  return {
    orientation: 'vertical',
    source: { x: a.x, y: downward ? from.y + from.height : from.y },
    target: { x: b.x, y: downward ? to.y : to.y + to.height },
  };
}

/** The SVG path of a link (`M...C...`). */
export function linkPath(link: Link): string {
  const [c1, c2] = link.controls ?? defaultControls(link);
  const start = link.via?.length ? `M${link.via.map((p) => `${p.x},${p.y}`).join('L')}L` : 'M';
  const end = link.then?.length ? `L${link.then.map((p) => `${p.x},${p.y}`).join('L')}` : '';
  return `${start}${link.source.x},${link.source.y}C${c1.x},${c1.y},${c2.x},${c2.y},${link.target.x},${link.target.y}${end}`;
}

function defaultControls({ source: s, target: t, orientation }: Link): [Point, Point] {
  return orientation === 'horizontal'
    ? [{ x: (s.x + t.x) / 2, y: s.y }, { x: (s.x + t.x) / 2, y: t.y }]
    : [{ x: s.x, y: (s.y + t.y) / 2 }, { x: t.x, y: (s.y + t.y) / 2 }];
}

/** How far a link into or out of a queue cell runs straight up or down before it turns. */
const CELL_LEAD = 18;

/**
 * From a process to the top of a queue cell, so each dot lands in its own queue id. A process
 * beside the broker reaches it along `lane` (the broker's box and the height of the gap between
 * its status line and its queues): a curve to the broker's side at that height, straight along it
 * to above the cell, then down into it, so a dot never crosses the broker's name or the status line
 * that gives its queue counts. Otherwise it leaves the process's side (or bottom, when the cell is
 * below it) and drops into the cell from above.
 */
export function linkIntoCell(from: Box, cell: Box, lane?: { broker: Box; y: number }): Link {
  const side = linkBetween(from, cell);
  const target = { x: cell.x + cell.width / 2, y: cell.y };
  if (lane && side.orientation === 'horizontal') {
    const edgeX = side.source.x <= target.x ? lane.broker.x : lane.broker.x + lane.broker.width;
    return { source: side.source, target: { x: edgeX, y: lane.y }, orientation: 'horizontal', then: [{ x: target.x, y: lane.y }, target] };
  }
  const lead = side.orientation === 'horizontal' ? { x: (side.source.x + target.x) / 2, y: side.source.y } : { x: side.source.x, y: side.source.y + CELL_LEAD };
  return { source: side.source, target, orientation: side.orientation, controls: [lead, { x: target.x, y: target.y - CELL_LEAD * 2 }] };
}

/**
 * From the bottom of a queue cell to a process: down out of the cell, then across (or down) to
 * it. A process beside the broker is reached under the queues: straight down into the broker's
 * bottom margin, along it to the broker's side, then a curve, so the line never crosses another
 * broker's box.
 */
export function linkOutOfCell(cell: Box, to: Box, broker?: Box): Link {
  const side = linkBetween(cell, to);
  if (broker && side.orientation === 'horizontal') {
    const start = { x: cell.x + cell.width / 2, y: cell.y + cell.height };
    const runY = Math.max(start.y, broker.y + broker.height - 3);
    const edgeX = side.target.x >= start.x ? broker.x + broker.width : broker.x;
    return { source: { x: edgeX, y: runY }, target: side.target, orientation: 'horizontal', via: [start, { x: start.x, y: runY }] };
  }
  const source = { x: cell.x + cell.width / 2, y: cell.y + cell.height };
  const lead = side.orientation === 'horizontal' ? { x: (source.x + side.target.x) / 2, y: side.target.y } : { x: side.target.x, y: side.target.y - CELL_LEAD };
  return { source, target: side.target, orientation: side.orientation, controls: [{ x: source.x, y: source.y + CELL_LEAD * 2 }, lead] };
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

/** The curve's two control points: the link's own, else d3's from its orientation. */
export function curveControls(link: Link): [Point, Point] {
  return link.controls ?? defaultControls(link);
}
