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

type Orientation = 'horizontal' | 'vertical';

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

/** The middle of a box's right side, or of its left one. */
function sideMiddle(box: Box, right: boolean): Point {
  return { x: right ? box.x + box.width : box.x, y: box.y + box.height / 2 };
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
      source: sideMiddle(from, rightward),
      target: sideMiddle(to, !rightward),
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

/**
 * Whether two boxes sit side by side, neither over the other: a process beside the broker column
 * is reached from its side even when it is far above or below the broker (a third broker low in
 * the column), or its dots would leave its bottom and cross the canvas off every drawn line.
 */
function apart(a: Box, b: Box): boolean {
  return a.x + a.width <= b.x || b.x + b.width <= a.x;
}

/** How far a link into or out of a queue cell runs straight up or down before it turns. */
const CELL_LEAD = 18;

/**
 * Where dots may run inside and around a broker without crossing its text: the broker's box, the
 * height of its lane (between its status line and its queues), and in a drawing that stacks its
 * boxes in one column (the narrow layout) the x of a rail down the right margin, past the boxes
 * between a client and its broker.
 */
export interface Lanes {
  broker: Box;
  y: number;
  railX?: number | undefined;
}

/** How far below a process a link into a queue turns towards the rail. */
const RAIL_TURN = 24;
/** A link out of a queue reaches a process below along this height above its box. */
const ABOVE_BOX = 5;

/**
 * From a process to the top of a queue cell, so each dot lands in its own queue id. With `lanes`
 * the dot never crosses the broker's name, the status line that gives its queue counts, or another
 * box: a process above the broker, with a rail (the narrow layout), drops from its bottom to the
 * rail, runs down it to the broker's lane and comes in from the right; a process beside the broker
 * reaches the lane at the broker's side. Either way the dot runs along the lane to above the cell,
 * then down into it. Without, it leaves the process's side (or bottom) and drops into the cell.
 */
export function linkIntoCell(from: Box, cell: Box, lanes?: Lanes): Link {
  const side = linkBetween(from, cell);
  const target = { x: cell.x + cell.width / 2, y: cell.y };
  if (lanes) {
    const alongLane = [{ x: target.x, y: lanes.y }, target];
    if (lanes.railX !== undefined && from.y + from.height < lanes.broker.y) {
      const start = { x: from.x + from.width / 2, y: from.y + from.height };
      const turn = { x: lanes.railX, y: start.y + RAIL_TURN };
      return { source: start, target: turn, orientation: 'vertical', then: [{ x: lanes.railX, y: lanes.y }, ...alongLane] };
    }
    if (side.orientation === 'horizontal' || apart(from, lanes.broker)) {
      const rightward = from.x + from.width <= lanes.broker.x + lanes.broker.width / 2;
      const edgeX = rightward ? lanes.broker.x : lanes.broker.x + lanes.broker.width;
      return { source: sideMiddle(from, rightward), target: { x: edgeX, y: lanes.y }, orientation: 'horizontal', then: alongLane };
    }
  }
  const lead = side.orientation === 'horizontal' ? { x: (side.source.x + target.x) / 2, y: side.source.y } : { x: side.source.x, y: side.source.y + CELL_LEAD };
  return { source: side.source, target, orientation: side.orientation, controls: [lead, { x: target.x, y: target.y - CELL_LEAD * 2 }] };
}

/**
 * How far under its broker's box a link out of a queue cell runs: a message's dot (radius 4,
 * topology-paint.ts) rides below the frame, clear of it. topology-layout.ts leaves twice this under
 * a broker that draws queues, so the dot clears the frame below too.
 */
export const RUN_BELOW_BOX = 5;

/**
 * From the bottom of a queue cell to a process: straight down out of the cell and out of its
 * broker's box, then along under the box. Under it, not inside: a run along the broker's bottom
 * margin passed under every cell to the right of the queue, so the queue ids no consumer reads
 * (queueId >= readQueueNums: MQClientInstance.topicRouteData2TopicSubscribeInfo gives a consumer
 * only the readable ones) looked pulled too.
 * A process below the broker, with a rail (the narrow layout): along under the box to the rail,
 * down it past the brokers below this one, then along just above the process's box and into its
 * top. A process beside the broker: under the box to its side, then a curve, so the line never
 * crosses another broker's box. Otherwise down and across.
 */
export function linkOutOfCell(cell: Box, to: Box, broker?: Box, railX?: number): Link {
  const side = linkBetween(cell, to);
  const start = { x: cell.x + cell.width / 2, y: cell.y + cell.height };
  if (broker) {
    const runY = broker.y + broker.height + RUN_BELOW_BOX;
    const outOfBox = [start, { x: start.x, y: runY }];
    if (railX !== undefined && to.y > broker.y + broker.height) {
      const laneY = to.y - ABOVE_BOX;
      const middle = { x: to.x + to.width / 2, y: laneY };
      return { source: { x: railX, y: runY }, target: { x: railX, y: laneY }, orientation: 'vertical', via: outOfBox, then: [middle, { x: middle.x, y: to.y }] };
    }
    if (side.orientation === 'horizontal' || apart(to, broker)) {
      const rightward = to.x >= broker.x + broker.width / 2;
      const edgeX = rightward ? broker.x + broker.width : broker.x;
      return { source: { x: edgeX, y: runY }, target: sideMiddle(to, !rightward), orientation: 'horizontal', via: outOfBox };
    }
  }
  const lead = side.orientation === 'horizontal' ? { x: (start.x + side.target.x) / 2, y: side.target.y } : { x: side.target.x, y: side.target.y - CELL_LEAD };
  return { source: start, target: side.target, orientation: side.orientation, controls: [{ x: start.x, y: start.y + CELL_LEAD * 2 }, lead] };
}

/** How far beside its broker group's box a registration runs up: in the gap between the broker column and the clients'. */
const GUTTER = 10;
/**
 * The lanes of a gutter, each this far inside the one before: the registrations of the brokers of
 * one column run side by side, so a dashed one (not listed) reads beside a solid one, not over it.
 */
export const GUTTER_LANES = 3;
const LANE_STEP = 3;
/** Where a registration leaves its broker's box: beside its title row. */
const TITLE_ROW_Y = 12;

/**
 * From a broker up to a NameServer above the broker column (`top`: above every broker group's
 * box): out of the broker's side beside its title, across its group's padding to the gutter on
 * `side` (by default the NameServer's), up the gutter, then a curve into the NameServer's bottom.
 * A line straight up from the broker's top crossed its group's title band, and from a broker lower
 * in the column (broker-b, a slave) the boxes, names and status lines above it. `lane` counts the
 * gutter's lanes inwards from the outer one (0): a broker higher in the column takes an inner
 * lane, so no line crosses another's way out.
 */
export function linkUpTheGutter(broker: Box, group: Box, top: number, to: Box, side?: 'left' | 'right', lane = 0): Link {
  const target = { x: to.x + to.width / 2, y: to.y + to.height };
  const left = side === undefined ? target.x < broker.x + broker.width / 2 : side === 'left';
  const exit = { x: left ? broker.x : broker.x + broker.width, y: broker.y + TITLE_ROW_Y };
  const away = GUTTER - Math.min(lane, GUTTER_LANES - 1) * LANE_STEP;
  const gutterX = left ? group.x - away : group.x + group.width + away;
  return { via: [exit, { x: gutterX, y: exit.y }], source: { x: gutterX, y: top }, target, orientation: 'vertical' };
}

/**
 * Between a client beside the broker column (the wide layout) and a NameServer above the column:
 * out of the client's side that faces the brokers (`brokersEdgeX`, the column's near edge) to the
 * middle of the gap between the columns, up it to `bandY` (between the NameServer row and the
 * column's section titles), then a curve into the NameServer's bottom. A curve straight between
 * the two boxes ran behind the broker boxes and seemed to end in mid-air above them.
 * `fromNameServer` turns it round: a route's dot flies from the NameServer to the client.
 */
export function linkPastTheBrokers(client: Box, brokersEdgeX: number, bandY: number, nameServer: Box, fromNameServer: boolean): Link {
  const side = sideMiddle(client, client.x < brokersEdgeX);
  const gapX = (side.x + brokersEdgeX) / 2;
  const inTheGap = { x: gapX, y: side.y };
  const top = { x: gapX, y: bandY };
  const bottom = { x: nameServer.x + nameServer.width / 2, y: nameServer.y + nameServer.height };
  return fromNameServer
    ? { source: bottom, target: top, orientation: 'vertical', then: [inTheGap, side] }
    : { via: [side, inTheGap], source: top, target: bottom, orientation: 'vertical' };
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

/** The curve's two control points: the link's own, else d3's from its orientation. */
export function curveControls(link: Link): [Point, Point] {
  return link.controls ?? defaultControls(link);
}
