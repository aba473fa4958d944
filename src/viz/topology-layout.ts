/**
 * Where each process of the topology goes, given only who exists and the width available.
 * Wide (>= 720 px): NameServers in a top row, producers on the left, broker groups (master and
 * slaves) in the middle, consumer groups on the right. Narrow: the same in stacked bands, top to
 * bottom, so a phone shows every process at a legible size. A crowded cluster draws its clients
 * as one node per group and its queues as heat rows (topology-density.ts).
 */
import { dict, dictFrom } from '../sim/index.ts';
import { RUN_BELOW_BOX, type Box } from './paths.ts';
import { layoutQueueStrip, queueStripHeight, stripTop } from './queue-strip.ts';
import { topologyDensity, type TopologyDensity } from './topology-density.ts';

export interface TopologyInput {
  nameServers: string[];
  /** Broker groups by brokerName; members are node ids (`broker-a/0`), master first. */
  brokerGroups: { name: string; members: string[] }[];
  producers: string[];
  /** Producers by producer group: a crowd of producers is drawn one node per group. */
  producerGroups?: { name: string; members: string[] }[];
  /** Consumers by consumer group. */
  consumerGroups: { name: string; members: string[] }[];
  /** Queue ids to draw inside a broker (node id -> count) for the topic in view; none when absent. */
  queueSlots?: Record<string, number>;
}

interface SectionHeader {
  section: 'producers' | 'brokers' | 'consumers';
  x: number;
  /** Baseline of the header text. */
  y: number;
  anchor: 'start' | 'middle' | 'end';
}

export interface TopologyLayout {
  headers: SectionHeader[];
  width: number;
  height: number;
  mode: 'wide' | 'narrow';
  nameServers: Record<string, Box>;
  brokerGroups: Record<string, Box>;
  brokers: Record<string, Box>;
  producers: Record<string, Box>;
  consumerGroups: Record<string, Box>;
  consumers: Record<string, Box>;
  /** The cell of each queue drawn in a broker, by `${node}#${queueId}` (see queueCellId). */
  queues: Record<string, Box>;
  /** What is drawn aggregated; an aggregated client's box in producers/consumers is its group's node. */
  density: TopologyDensity;
  /** Broker groups drawn without a title of their own: a crowded cluster's groups of one broker, whose box says its name. */
  untitledGroups: string[];
  /** The nodes that each stand for a group of clients (none while clients are drawn one by one). */
  clientGroups: ClientGroupNode[];
}

export interface ClientGroupNode {
  kind: 'producer' | 'consumer';
  name: string;
  members: string[];
  box: Box;
}

/**
 * The x of the rail down the right margin of a narrow layout, where dots between a client and a
 * broker run past the boxes stacked between them (paths.ts Lanes); none in a wide layout.
 */
export function railX(layout: TopologyLayout): number | undefined {
  return layout.mode === 'narrow' ? layout.width - MARGIN / 2 : undefined;
}

export function queueCellId(node: string, queueId: number): string {
  return `${node}#${queueId}`;
}

export const WIDE_MIN_WIDTH = 720;
const MARGIN = 16;
const NODE_HEIGHT = 40;
const MEMBER_HEIGHT = 34;
const MEMBER_GAP = 6;
const GROUP_HEADER = 26;
const GROUP_PADDING = 8;
const GROUP_GAP = 10;
const CROWDED_ROW_GAP = 8;
/**
 * Under a broker that draws queues: the room where its consume links run, under its box
 * (paths.ts linkOutOfCell), between its frame and the next one (its group's or a slave's). A
 * crowded cluster's rows keep CROWDED_ROW_GAP: its rows must fit the screen.
 */
const ROOM_UNDER_QUEUES = 2 * RUN_BELOW_BOX;
const BAND_GAP = 56;
/**
 * Wide: the band under the NameServers, where the registrations and the clients' lines to their
 * NameServer run, above the section titles. Narrower than a narrow layout's gaps between stacked
 * sections, so the canvas and its legend's first row fit a 1280x800 screen under the summary.
 */
const WIDE_BAND_GAP = 44;
/**
 * Wide, with more than two broker groups: a narrower band and less room above the NameServers
 * (under the event caption, which keeps its own distance), so the third group's queue row fits a
 * 1280x800 screen too (the crash, partition and shutdown scenario's broker-c was 34 px below it).
 * Two groups keep the roomier band: a step of chapter 4 scrolls the inspector beside broker-a/0,
 * whose box must stay below the lesson box, and a higher broker-a/0 left the inspector less room.
 */
const CROWDED_BAND_GAP = 30;
const CROWDED_TOP = 10;
/**
 * Narrow: a broker tile is at least this wide, so on a phone a master and its slaves each take a
 * whole row and their names and roles ("broker-a/1 · master · brokerId 0") are not cut short.
 */
const NARROW_BROKER_MIN_WIDTH = 200;

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

const PADDING_INNER = 0.25;
const PADDING_OUTER = 0.1;

/**
 * A row of boxes spread evenly over [x0, x1], each at most maxWidth wide: the arithmetic of d3's
 * band scale (paddingInner 0.25, paddingOuter 0.1, centred), written out so the first load
 * carries no d3-scale for one row of boxes.
 */
function row(ids: string[], x0: number, x1: number, y: number, maxWidth: number): Record<string, Box> {
  const step = (x1 - x0) / Math.max(1, ids.length - PADDING_INNER + PADDING_OUTER * 2);
  const first = x0 + (x1 - x0 - step * (ids.length - PADDING_INNER)) / 2;
  const bandwidth = step * (1 - PADDING_INNER);
  const width = Math.min(maxWidth, bandwidth);
  const boxes = dict<Box>();
  ids.forEach((id, i) => {
    boxes[id] = { x: first + step * i + (bandwidth - width) / 2, y, width, height: NODE_HEIGHT };
  });
  return boxes;
}

const fixed = (height: number) => () => height;

/**
 * Tiles in as many columns of at least minWidth as fit, each row as tall as its tallest tile
 * (a broker with a queue strip is taller); returns the boxes and the height used.
 */
function tiles(ids: string[], x: number, y: number, width: number, minWidth: number, heightOf: (id: string, width: number) => number, gapUnder: (id: string) => number = fixed(MEMBER_GAP)): { boxes: Record<string, Box>; height: number } {
  const columns = Math.max(1, Math.min(ids.length, Math.floor((width + MEMBER_GAP) / (minWidth + MEMBER_GAP))));
  const tileWidth = (width - MEMBER_GAP * (columns - 1)) / columns;
  const boxes = dict<Box>();
  let top = y;
  let gap = 0;
  for (let start = 0; start < ids.length; start += columns) {
    const rowIds = ids.slice(start, start + columns);
    const rowHeight = Math.max(...rowIds.map((id) => heightOf(id, tileWidth)));
    rowIds.forEach((id, i) => {
      boxes[id] = { x: x + i * (tileWidth + MEMBER_GAP), y: top, width: tileWidth, height: rowHeight };
    });
    gap = Math.max(...rowIds.map(gapUnder));
    top += rowHeight + gap;
  }
  return { boxes, height: ids.length > 0 ? top - gap - y : 0 };
}

interface Groups {
  groups: Record<string, Box>;
  members: Record<string, Box>;
  height: number;
  untitled: string[];
}

interface Column {
  x: number;
  y: number;
  width: number;
  /** Columns of groups side by side (each row as tall as its tallest group). */
  columns?: number;
}

interface Strips {
  slots?: Record<string, number>;
  heat?: boolean;
  /** Groups of one member get no title row (their member's box names it). */
  untitledSingles?: boolean;
}

/** Group boxes (a header and member tiles) from y, in rows of `columns` groups across the given width. */
function groupColumn(groups: { name: string; members: string[] }[], { x, y, width, columns = 1 }: Column, memberMinWidth: number, { slots = dict(), heat = false, untitledSingles = false }: Strips = {}): Groups {
  const result: Groups = { groups: dict(), members: dict(), height: 0, untitled: [] };
  const queues = (id: string) => (slots[id] ?? 0) > 0;
  const heightOf = (id: string, tileWidth: number) => (queues(id) ? stripTop(heat) + queueStripHeight(slots[id]!, tileWidth, heat) : MEMBER_HEIGHT);
  const gapUnder = (id: string) => (queues(id) ? ROOM_UNDER_QUEUES : MEMBER_GAP);
  const groupWidth = (width - GROUP_GAP * (columns - 1)) / columns;
  // A crowded cluster's rows sit closer: its lone brokers have no frame to keep apart.
  const rowGap = untitledSingles ? CROWDED_ROW_GAP : GROUP_GAP;
  let top = y;
  for (let start = 0; start < groups.length; start += columns) {
    let rowHeight = 0;
    groups.slice(start, start + columns).forEach((group, i) => {
      const left = x + i * (groupWidth + GROUP_GAP);
      const untitled = untitledSingles && group.members.length === 1;
      // A lone broker's box is its group's: no title row, no padding (ten of them took 112 px of a crowded drawing).
      const [header, padding] = untitled ? [0, 0] : [GROUP_HEADER, GROUP_PADDING];
      if (untitled) result.untitled.push(group.name);
      const inner = tiles(group.members, left + padding, top + header, groupWidth - 2 * padding, Math.min(memberMinWidth, groupWidth - 2 * padding), heightOf, gapUnder);
      const bottom = untitled ? 0 : group.members.some(queues) ? Math.max(padding, ROOM_UNDER_QUEUES) : padding;
      const height = header + inner.height + bottom;
      result.groups[group.name] = { x: left, y: top, width: groupWidth, height };
      Object.assign(result.members, inner.boxes);
      rowHeight = Math.max(rowHeight, height);
    });
    top += rowHeight + rowGap;
  }
  result.height = groups.length > 0 ? top - rowGap - y : 0;
  return result;
}

interface Clients {
  /** Each client's box: its own, or its group's node when aggregated. */
  boxes: Record<string, Box>;
  /** Consumer group frames (none when each group is one node). */
  frames: Record<string, Box>;
  nodes: ClientGroupNode[];
  height: number;
}

/** A column of one node per group, each member's box being its group's node. */
function groupNodes(kind: ClientGroupNode['kind'], groups: { name: string; members: string[] }[], x: number, y: number, width: number, minWidth: number): Clients {
  const byId = dictFrom(groups.map((group) => [`${kind}:${group.name}`, group]));
  const placed = tiles(Object.keys(byId), x, y, width, minWidth, fixed(NODE_HEIGHT));
  const nodes = Object.entries(placed.boxes).map(([id, box]) => ({ kind, name: byId[id]!.name, members: byId[id]!.members, box }));
  const boxes = dictFrom(nodes.flatMap((node) => node.members.map((member) => [member, node.box] as const)));
  return { boxes, frames: dict(), nodes, height: placed.height };
}

function producerColumn(input: TopologyInput, density: TopologyDensity, x: number, y: number, width: number, minWidth: number): Clients {
  if (density.producersByGroup && input.producerGroups) return groupNodes('producer', input.producerGroups, x, y, width, minWidth);
  const placed = tiles(input.producers, x, y, width, minWidth, fixed(NODE_HEIGHT));
  return { boxes: placed.boxes, frames: dict(), nodes: [], height: placed.height };
}

function consumerColumn(input: TopologyInput, density: TopologyDensity, x: number, y: number, width: number, minWidth: number): Clients {
  if (density.consumersByGroup) return groupNodes('consumer', input.consumerGroups, x, y, width, minWidth);
  const placed = groupColumn(input.consumerGroups, { x, y, width }, minWidth);
  return { boxes: placed.members, frames: placed.groups, nodes: [], height: placed.height };
}

function shift(boxes: Record<string, Box>, dy: number): Record<string, Box> {
  return dictFrom(Object.entries(boxes).map(([id, box]) => [id, { ...box, y: box.y + dy }]));
}

type Placed = Omit<TopologyLayout, 'queues' | 'density'>;

function layoutWide(input: TopologyInput, width: number, density: TopologyDensity): Placed {
  const sideWidth = clamp(width * 0.2, 120, 200);
  // A wide screen gives the brokers (and their queues) the room: 64 queues still read as cells;
  // two columns of brokers take more of it.
  const middleWidth = density.brokerColumns === 2 ? clamp(width * 0.5, 180, 640) : clamp(width * 0.36, 180, 460);
  const [above, band] = input.brokerGroups.length > 2 ? [CROWDED_TOP, CROWDED_BAND_GAP] : [MARGIN, WIDE_BAND_GAP];
  const nameServers = row(input.nameServers, width * 0.15, width * 0.85, above, 170);
  const top = above + NODE_HEIGHT + band + 24;
  const producers = producerColumn(input, density, MARGIN, top, sideWidth, sideWidth);
  const brokers = groupColumn(input.brokerGroups, { x: (width - middleWidth) / 2, y: top, width: middleWidth, columns: density.brokerColumns }, middleWidth,
    { slots: input.queueSlots ?? dict(), heat: density.queueHeat, untitledSingles: density.brokerColumns === 2 });
  const consumers = consumerColumn(input, density, width - MARGIN - sideWidth, top, sideWidth, sideWidth);
  // The brokers, whose queues most lessons are about, start at the top, on the first screen; a
  // client column is centred on them as far as the top allows, so links run roughly level. Centred
  // on a taller consumer column (chapter 8's twelve consumers) they started below the fold.
  const besideBrokers = (height: number) => Math.max(0, (brokers.height - height) / 2);
  const body = Math.max(brokers.height, besideBrokers(producers.height) + producers.height, besideBrokers(consumers.height) + consumers.height);
  const headers: SectionHeader[] = [
    { section: 'producers', x: MARGIN, y: top - 10, anchor: 'start' },
    { section: 'brokers', x: width / 2, y: top - 10, anchor: 'middle' },
    { section: 'consumers', x: width - MARGIN, y: top - 10, anchor: 'end' },
  ];
  return {
    headers: headers.filter((header) => (header.section === 'producers' ? producers : header.section === 'brokers' ? brokers : consumers).height > 0),
    width, height: top + body + MARGIN, mode: 'wide', nameServers,
    producers: shift(producers.boxes, besideBrokers(producers.height)),
    brokerGroups: brokers.groups, brokers: brokers.members,
    consumerGroups: shift(consumers.frames, besideBrokers(consumers.height)), consumers: shift(consumers.boxes, besideBrokers(consumers.height)),
    untitledGroups: brokers.untitled,
    clientGroups: [...shiftNodes(producers.nodes, besideBrokers(producers.height)), ...shiftNodes(consumers.nodes, besideBrokers(consumers.height))],
  };
}

function shiftNodes(nodes: ClientGroupNode[], dy: number): ClientGroupNode[] {
  return nodes.map((node) => ({ ...node, box: { ...node.box, y: node.box.y + dy } }));
}

function layoutNarrow(input: TopologyInput, width: number, density: TopologyDensity): Placed {
  const inner = width - 2 * MARGIN;
  const nameServers = row(input.nameServers, MARGIN, width - MARGIN, MARGIN, 150);
  const headers: SectionHeader[] = [];
  let y = MARGIN + NODE_HEIGHT + BAND_GAP;
  const producers = producerColumn(input, density, MARGIN, y, inner, 110);
  if (producers.height > 0) {
    headers.push({ section: 'producers', x: MARGIN, y: y - 8, anchor: 'start' });
    y += producers.height + BAND_GAP;
  }
  const columns = inner >= 2 * NARROW_BROKER_MIN_WIDTH + GROUP_GAP ? density.brokerColumns : 1;
  const brokers = groupColumn(input.brokerGroups, { x: MARGIN, y, width: inner, columns }, NARROW_BROKER_MIN_WIDTH,
    { slots: input.queueSlots ?? dict(), heat: density.queueHeat, untitledSingles: density.brokerColumns === 2 });
  if (brokers.height > 0) {
    headers.push({ section: 'brokers', x: MARGIN, y: y - 8, anchor: 'start' });
    y += brokers.height + BAND_GAP;
  }
  const consumers = consumerColumn(input, density, MARGIN, y, inner, 110);
  if (consumers.height > 0) headers.push({ section: 'consumers', x: MARGIN, y: y - 8, anchor: 'start' });
  y += consumers.height;
  return {
    headers,
    width, height: y + MARGIN, mode: 'narrow', nameServers, producers: producers.boxes,
    brokerGroups: brokers.groups, brokers: brokers.members, consumerGroups: consumers.frames, consumers: consumers.boxes,
    untitledGroups: brokers.untitled,
    clientGroups: [...producers.nodes, ...consumers.nodes],
  };
}

function queueCells(brokers: Record<string, Box>, slots: Record<string, number>, heat: boolean): Record<string, Box> {
  const cells = dict<Box>();
  for (const [node, count] of Object.entries(slots)) {
    const box = brokers[node];
    if (box) layoutQueueStrip(count, box, heat).forEach((cell, queueId) => { cells[queueCellId(node, queueId)] = cell; });
  }
  return cells;
}

/** Positions of every entity for a drawing `width` px wide; the height follows from the counts. */
export function layoutTopology(input: TopologyInput, width: number): TopologyLayout {
  const safeWidth = Math.max(240, Math.round(width));
  const density = topologyDensity(input);
  const layout = safeWidth >= WIDE_MIN_WIDTH ? layoutWide(input, safeWidth, density) : layoutNarrow(input, safeWidth, density);
  return { ...layout, density, queues: queueCells(layout.brokers, input.queueSlots ?? dict(), density.queueHeat) };
}
