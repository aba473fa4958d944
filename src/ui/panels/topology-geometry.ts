/**
 * Geometry of the topology: the box of an entity in a layout, the link between two entities,
 * and the dots of the trace events in flight at a time (what the canvas layer draws).
 */
import type { TraceEvent } from '../../sim/index.ts';
import { dotOpacity, flightProgress, jumpProgress } from '../../viz/flight.ts';
import { pointOnTrack, trackOf, type LinkTrack } from '../../viz/link-track.ts';
import { GUTTER_LANES, linkBetween, linkIntoCell, linkOutOfCell, linkPastTheBrokers, linkUpTheGutter, type Box, type Link } from '../../viz/paths.ts';
import { stripLaneY } from '../../viz/queue-strip.ts';
import { queueCellId, railX, type TopologyLayout } from '../../viz/topology-layout.ts';
import type { TraceSource } from '../../sim/timeline.ts';
import type { DotRouting, EntityRef } from './topology-model.ts';

function boxOf(layout: TopologyLayout, ref: EntityRef): Box | undefined {
  switch (ref.kind) {
    case 'nameServer': return layout.nameServers[ref.id];
    case 'broker': return layout.brokers[ref.id];
    case 'brokerGroup': return layout.brokerGroups[ref.id];
    case 'client': return layout.producers[ref.id] ?? layout.consumers[ref.id];
    case 'queue': return layout.queues[ref.id];
  }
}

/** The link between two entities; one that starts or ends at a queue cell goes out of its bottom or into its top. */
export function linkOf(layout: TopologyLayout, from: EntityRef, to: EntityRef): Link | null {
  const a = boxOf(layout, from);
  const b = boxOf(layout, to);
  if (!a || !b) return null;
  // A heat row has no lane over it, and a crowded narrow layout may set brokers side by side: no rail past them.
  const heat = layout.density.queueHeat;
  const rail = heat ? undefined : railX(layout);
  if (from.kind === 'queue') return linkOutOfCell(a, b, brokerOfCell(layout, from.id), rail);
  const broker = to.kind === 'queue' && !heat ? brokerOfCell(layout, to.id) : undefined;
  if (to.kind === 'queue') return linkIntoCell(a, b, broker && { broker, y: stripLaneY(broker), railX: rail });
  if ((from.kind === 'broker' || from.kind === 'brokerGroup') && to.kind === 'nameServer') return linkToNameServer(layout, a, b);
  if (from.kind === 'client' && to.kind === 'nameServer') return clientToNameServer(layout, a, b, false) ?? linkBetween(a, b);
  if (from.kind === 'nameServer' && to.kind === 'client') return clientToNameServer(layout, b, a, true) ?? linkBetween(a, b);
  return linkBetween(a, b);
}

/** Room left above the broker groups for the section titles (PRODUCERS, BROKERS, CONSUMERS) over them. */
const TITLE_ROOM = 22;

/**
 * A client's line to its chosen NameServer, or a route's way back, in the wide layout: past the
 * broker column through the gap beside it and the band under the NameServers (linkPastTheBrokers).
 * Null in the narrow layout, where the clients are stacked above and below the brokers.
 */
function clientToNameServer(layout: TopologyLayout, client: Box, nameServer: Box, fromNameServer: boolean): Link | null {
  const groups = Object.values(layout.brokerGroups);
  if (layout.mode !== 'wide' || groups.length === 0) return null;
  const right = Math.max(...groups.map((group) => group.x + group.width));
  const edgeX = client.x >= right ? right : Math.min(...groups.map((group) => group.x));
  const bandY = (nameServer.y + nameServer.height + Math.min(...groups.map((group) => group.y)) - TITLE_ROOM) / 2;
  return linkPastTheBrokers(client, edgeX, bandY, nameServer, fromNameServer);
}

/** How far above the first box in its way a registration's gutter ends and its curve to the NameServer starts. */
const GUTTER_TOP = 10;

/**
 * A broker's registration: up the gutter beside the broker column (linkUpTheGutter) past the broker
 * groups and, in a narrow layout, the producers stacked above them, then into the NameServer. In
 * two columns a group keeps to its column's outer side: the gap between the columns is narrow,
 * and its lines would run up through the column's title.
 */
function linkToNameServer(layout: TopologyLayout, broker: Box, nameServer: Box): Link {
  const groups = Object.values(layout.brokerGroups);
  const groupsTop = Math.min(...groups.map((group) => group.y));
  const nameServerBottom = nameServer.y + nameServer.height;
  const between = [...Object.values(layout.producers), ...Object.values(layout.consumerGroups)]
    .filter((box) => box.y > nameServerBottom && box.y + box.height <= groupsTop);
  const top = Math.min(groupsTop, ...between.map((box) => box.y)) - GUTTER_TOP;
  const group = groups.find((box) => contains(box, broker)) ?? broker;
  if (nameServerBottom >= top) return linkBetween(broker, nameServer);
  const besideLeft = groups.some((other) => other.x + other.width <= group.x && overlapsVertically(other, group));
  const besideRight = groups.some((other) => other.x >= group.x + group.width && overlapsVertically(other, group));
  const side = besideLeft === besideRight ? undefined : besideLeft ? 'right' : 'left';
  return linkUpTheGutter(broker, group, top, nameServer, side, gutterLane(layout, groups, group, broker));
}

/**
 * The broker's lane in its column's gutter: the lowest broker of the column runs outermost, each
 * one above it a lane further in (as many as there are lanes; the rest share the outer one).
 */
function gutterLane(layout: TopologyLayout, groups: Box[], group: Box, broker: Box): number {
  const column = groups.filter((other) => other.x < group.x + group.width && group.x < other.x + other.width);
  const brokers = Object.values(layout.brokers).filter((box) => column.some((other) => contains(other, box))).sort((a, b) => a.y - b.y);
  const lanes = Math.min(brokers.length, GUTTER_LANES);
  return Math.max(0, lanes - 1 - brokers.indexOf(broker));
}

function overlapsVertically(a: Box, b: Box): boolean {
  return a.y < b.y + b.height && b.y < a.y + a.height;
}

function contains(outer: Box, inner: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/** The box of the broker a queue cell is drawn in (queueCellId's node). */
function brokerOfCell(layout: TopologyLayout, cellId: string): Box | undefined {
  return layout.brokers[cellId.slice(0, cellId.lastIndexOf('#'))];
}

/**
 * A retried send (attempt > 1) and a failed one look different from a first, successful one; a
 * message lost for good (message.lost) is a mark falling out of the queue it was in or going to.
 */
export const DOT_KINDS = ['sent', 'retried', 'failed', 'lost', 'stored', 'consumed', 'registered', 'route', 'heartbeat'] as const;

export type DotKind = (typeof DOT_KINDS)[number];

export interface Dot {
  kind: DotKind;
  x: number;
  y: number;
  opacity: number;
  /** For a store (a pulse at the broker rather than a flight): the ring's radius. */
  ring?: number;
  /** The message a dot carries (a click on it opens its card). */
  msgId?: string;
  /** A crowded drawing's dot stands for this many events on its line (topology-streams.ts): drawn larger. */
  events?: number;
}

/**
 * A queue's cell in the node given (a master's), or in a node-less `${brokerName}/` when the
 * group has none now: a queue not drawn falls back to its broker's box, else its group's. A queue
 * of another topic than the one drawn has no cell: a TopicOrder message flew into the cell of the
 * same queue id of TBW102 while the canvas showed TBW102's queues, and a retry topic's into its
 * group's topic's queue 0.
 */
function queueRef(node: string | undefined, brokerName: string, queueId: number, drawn: boolean): EntityRef {
  if (!drawn) return node === undefined ? { kind: 'brokerGroup', id: brokerName } : { kind: 'broker', id: node };
  return { kind: 'queue', id: queueCellId(node ?? `${brokerName}/`, queueId) };
}

function brokerRef(node: string | undefined): EntityRef | null {
  return node === undefined ? null : { kind: 'broker', id: node };
}

/** A click on a message's dot opens its card (before the process under it is selected). */
const HIT_RADIUS = 8;
/**
 * On a process's box or a queue cell only a click on the dot itself (drawn 4 px across) opens its
 * card: while messages flow their dots crowd the broker boxes, and a click meant for the broker's
 * inspector opened some message's card instead.
 */
const HIT_RADIUS_ON_BOX = 4;

/** The message of the dot nearest the click within the radius, if any. */
export function messageUnder(x: number, y: number, dots: readonly Dot[], onBox: boolean): string | null {
  const radius = onBox ? HIT_RADIUS_ON_BOX : HIT_RADIUS;
  let best: { msgId: string; distance: number } | null = null;
  for (const dot of dots) {
    const distance = Math.hypot(dot.x - x, dot.y - y);
    if (dot.msgId !== undefined && distance <= radius && (!best || distance < best.distance)) best = { msgId: dot.msgId, distance };
  }
  return best?.msgId ?? null;
}

/** A failed send's mark stops short of its queue: the message never got there. */
const FAILED_REACH = 0.6;

interface DotRoute {
  kind: DotKind;
  from: EntityRef;
  to: EntityRef;
  msgId?: string;
}

function stored(event: Extract<TraceEvent, { type: 'message.stored' }>, routing: DotRouting): DotRoute | null {
  // A master stores (a pulse on itself); a slave's copy flies from its master.
  const from = brokerRef(routing.master[event.broker]);
  const to = brokerRef(routing.node[`${event.broker}/${event.brokerId}`]);
  return from && to && { kind: 'stored', from, to, msgId: event.msgId };
}

/**
 * Where a consumed message's dot starts: its queue's cell in the broker it was pulled from (the
 * event's brokerId: the master, or while the master is gone a slave, whose box then draws the
 * queues; a cell not drawn falls back to the node's box).
 */
function consumedFrom(event: Extract<TraceEvent, { type: 'message.consumed' }>, routing: DotRouting): EntityRef {
  return queueRef(routing.node[`${event.broker}/${event.brokerId}`] ?? routing.master[event.broker], event.broker, event.queueId, event.topic === routing.topic);
}

/**
 * Where an event's dot flies: its kind and the entities it goes from and to, or null for no dot.
 * Brokers are found by their roles now (`routing`), not by the ids the scenario declared.
 */
export function dotRoute(event: TraceEvent, routing: DotRouting): DotRoute | null {
  switch (event.type) {
    case 'message.sent': case 'send.failed': {
      const to = queueRef(routing.sendTo[`${event.producer}>${event.broker}`], event.broker, event.queueId, routing.producerTopic[event.producer] === routing.topic);
      const kind = event.type === 'send.failed' ? 'failed' : event.attempt > 1 ? 'retried' : 'sent';
      return { kind, from: { kind: 'client', id: event.producer }, to, msgId: event.msgId };
    }
    case 'message.stored':
      return stored(event, routing);
    case 'message.consumed':
      return { kind: 'consumed', from: consumedFrom(event, routing), to: { kind: 'client', id: event.consumer }, msgId: event.msgId };
    case 'message.lost': {
      // Where the copy was (a power loss, a new master's truncation) or where a ONEWAY send was going.
      const at = queueRef(routing.node[`${event.broker}/${event.brokerId}`] ?? routing.master[event.broker], event.broker, event.queueId, event.topic === routing.topic);
      return { kind: 'lost', from: at, to: at, msgId: event.msgId };
    }
    case 'broker.registered': {
      const from = brokerRef(routing.node[`${event.broker}/${event.brokerId}`]);
      return from && { kind: 'registered', from, to: { kind: 'nameServer', id: event.nameServer } };
    }
    // Every answer to a route pull, changed or not (a changed route's route.updated flies no dot of its own).
    case 'route.pulled':
      return { kind: 'route', from: { kind: 'nameServer', id: event.nameServer }, to: { kind: 'client', id: event.client } };
    case 'client.heartbeat': {
      const to = brokerRef(routing.node[`${event.broker}/${event.brokerId}`]);
      return to && { kind: 'heartbeat', from: { kind: 'client', id: event.client }, to };
    }
    case 'route.updated': case 'broker.removed': case 'route.failed': case 'nameServer.chosen': case 'topic.updated': case 'topic.updateFailed': case 'send.result':
    case 'rebalance': case 'consumer.registered': case 'consumer.removed': case 'consumer.startFailed': case 'producer.registered': case 'producer.removed': case 'consume.failed': case 'pull.rejected':
    case 'offset.committed': case 'fault': case 'message.filtered': case 'message.storedBehind': case 'message.consumedAgain': case 'channel.closed':
    case 'controller.elected': case 'syncStateSet.changed': case 'broker.roleChanged': case 'nameServer.wipeWritePerm': case 'nameServer.addWritePerm':
    case 'nameServer.writePermFailed':
      return null;
  }
}

/**
 * The events that may fly a dot (dotRoute): the others (offsets, results, rebalances ...) are
 * most of a busy run's trace, and are passed over without looking up a path for them.
 */
export const FLIES: Record<TraceEvent['type'], boolean> = {
  'message.sent': true, 'send.failed': true, 'message.lost': true, 'message.stored': true, 'message.consumed': true, 'broker.registered': true, 'route.pulled': true, 'client.heartbeat': true,
  'route.updated': false, 'broker.removed': false, 'route.failed': false, 'nameServer.chosen': false, 'topic.updated': false, 'topic.updateFailed': false, 'send.result': false,
  rebalance: false, 'consumer.registered': false, 'consumer.removed': false, 'consumer.startFailed': false, 'producer.registered': false, 'producer.removed': false, 'consume.failed': false, 'pull.rejected': false,
  'offset.committed': false, fault: false, 'message.filtered': false, 'message.storedBehind': false, 'message.consumedAgain': false, 'channel.closed': false,
  'controller.elected': false, 'syncStateSet.changed': false, 'broker.roleChanged': false, 'nameServer.wipeWritePerm': false, 'nameServer.addWritePerm': false,
  'nameServer.writePermFailed': false,
};

/**
 * `find` remembered per layout and pair of entities: a layout lives for many frames, and what
 * joins two of its boxes never changes while it does.
 */
export function perLayout<T>(find: (layout: TopologyLayout, from: EntityRef, to: EntityRef) => T): (layout: TopologyLayout, from: EntityRef, to: EntityRef) => T {
  const cache = new WeakMap<TopologyLayout, Map<string, T>>();
  return (layout, from, to) => {
    let found = cache.get(layout);
    if (!found) {
      found = new Map();
      cache.set(layout, found);
    }
    const key = `${from.kind}:${from.id}>${to.kind}:${to.id}`;
    if (!found.has(key)) found.set(key, find(layout, from, to));
    return found.get(key)!;
  };
}

/**
 * The link a dot travels; a queue not drawn (another topic's, a retry topic's, an old master's)
 * falls back to its broker's box, else to its broker group.
 */
const cachedLink = perLayout((layout, from, to) => linkOf(layout, orGroup(layout, from), orGroup(layout, to)));

function orGroup(layout: TopologyLayout, ref: EntityRef): EntityRef {
  if (ref.kind !== 'queue' || layout.queues[ref.id]) return ref;
  const node = ref.id.slice(0, ref.id.lastIndexOf('#'));
  return layout.brokers[node] ? { kind: 'broker', id: node } : { kind: 'brokerGroup', id: node.slice(0, node.lastIndexOf('/')) };
}

/** How dots move: gliding along their links, or jumping from start to end (reduced motion). */
export type DotMotion = 'fly' | 'jump';

/** How far below its queue cell a lost message's mark falls while it fades, in layout units. */
export const LOST_FALL = 18;

/** Where an event's dot goes: along a link's track, a ring at a broker (a store on itself), or down from a cell (a loss). */
export type DotPath = { kind: DotKind; track: LinkTrack } | { kind: DotKind; ringAt: { x: number; y: number } } | { kind: DotKind; fallFrom: { x: number; y: number } };

/**
 * A heat row's cells are a few pixels wide: a message flies into or out of its broker's box, so
 * every message between two nodes shares one line (and one stream of dots, topology-streams.ts).
 */
function cellOrBroker(layout: TopologyLayout, ref: EntityRef): EntityRef {
  if (ref.kind !== 'queue' || !layout.density.queueHeat) return ref;
  const node = ref.id.slice(0, ref.id.lastIndexOf('#'));
  return layout.brokers[node] ? { kind: 'broker', id: node } : ref;
}

function pathOf(layout: TopologyLayout, routing: DotRouting, event: TraceEvent): DotPath | null {
  const dotRouted = dotRoute(event, routing);
  if (!dotRouted) return null;
  const route = dotRouted.kind === 'lost' ? dotRouted : { ...dotRouted, from: cellOrBroker(layout, dotRouted.from), to: cellOrBroker(layout, dotRouted.to) };
  if (route.kind === 'lost') {
    const box = boxOf(layout, orGroup(layout, route.to));
    return box ? { kind: route.kind, fallFrom: { x: box.x + box.width / 2, y: box.y + box.height / 2 } } : null;
  }
  if (route.from.kind === route.to.kind && route.from.id === route.to.id) {
    // A ring growing at the right end of the broker, clear of its name.
    const box = boxOf(layout, route.to);
    return box ? { kind: route.kind, ringAt: { x: box.x + box.width - 14, y: box.y + 17 } } : null;
  }
  const link = cachedLink(layout, route.from, route.to);
  return link && { kind: route.kind, track: trackOf(link) };
}

/** Paths by the names an event carries, then by a small number (its queue id, its broker id). */
type Slots = (DotPath | null | undefined)[];
type ByNames = Map<string, Map<string, Slots>>;

/**
 * The paths of one layout and routing by the fields of an event that choose them (a message's
 * producer or consumer, broker and queue), not by the event: the events of a far seek's fresh
 * tail are all new objects, and finding each one's path (building the names of its route and
 * looking them up), then keeping it per event, was most of the dots' work after a seek.
 */
interface RouteCache {
  sends: ByNames;
  consumes: ByNames;
  stores: Map<string, Slots>;
}

/** The value under `key`, made and kept by `make` the first time. */
function entryOf<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

const newSlots = (): Slots => [];
const newByName = (): Map<string, Slots> => new Map();

/**
 * A send's slot: its queue (unless the queues are heat rows, whose messages all fly to the broker's
 * box: fifty producers times 640 queues made 96,000 slots, each path found anew), and whether it
 * is a first attempt, a retry or a failure (each its own mark).
 */
function sendSlot(event: Extract<TraceEvent, { type: 'message.sent' | 'send.failed' }>, heat: boolean): number {
  return (heat ? 0 : event.queueId) * 3 + (event.type === 'send.failed' ? 2 : event.attempt > 1 ? 1 : 0);
}

/** The path of an event that may fly a dot; the rare control events (registrations, routes) are not kept. */
export function cachedPath(cache: RouteCache, layout: TopologyLayout, routing: DotRouting, event: TraceEvent): DotPath | null {
  let slots: Slots;
  let slot: number;
  if (event.type === 'message.sent' || event.type === 'send.failed') {
    slots = entryOf(entryOf(cache.sends, event.producer, newByName), event.broker, newSlots);
    slot = sendSlot(event, layout.density.queueHeat);
  } else if (event.type === 'message.consumed') {
    slots = entryOf(entryOf(cache.consumes, event.consumer, newByName), event.broker, newSlots);
    // Slot 0: a message of a topic not drawn (a retry topic's), from the broker's box; so are all of a heat row's.
    slot = event.topic === routing.topic && !layout.density.queueHeat ? event.queueId + 1 : 0;
  } else if (event.type === 'message.stored') {
    slots = entryOf(cache.stores, event.broker, newSlots);
    slot = event.brokerId;
  } else {
    return pathOf(layout, routing, event);
  }
  let path = slots[slot];
  if (path === undefined) {
    path = pathOf(layout, routing, event);
    slots[slot] = path;
  }
  return path;
}

/** Route caches per layout and routing (both keep their identity while the structure and the roles do). */
const routeCaches = new WeakMap<TopologyLayout, WeakMap<DotRouting, RouteCache>>();

export function routeCacheOf(layout: TopologyLayout, routing: DotRouting): RouteCache {
  let byRouting = routeCaches.get(layout);
  if (!byRouting) {
    byRouting = new WeakMap();
    routeCaches.set(layout, byRouting);
  }
  let cache = byRouting.get(routing);
  if (!cache) {
    cache = { sends: new Map(), consumes: new Map(), stores: new Map() };
    byRouting.set(routing, cache);
  }
  return cache;
}

/** The message an event carries, if any (a click on its dot opens its card). */
export function msgIdOf(event: TraceEvent): string | undefined {
  return 'msgId' in event ? event.msgId : undefined;
}

export function dotOf(path: DotPath, flight: number, motion: DotMotion, msgId: string | undefined): Dot {
  const opacity = dotOpacity(flight);
  const progress = motion === 'jump' ? jumpProgress(flight) : flight;
  if ('ringAt' in path) return { kind: path.kind, x: path.ringAt.x, y: path.ringAt.y, opacity, ring: 2 + progress * 9 };
  const dot: Dot = { kind: path.kind, x: 0, y: 0, opacity };
  if ('fallFrom' in path) {
    dot.x = path.fallFrom.x;
    dot.y = path.fallFrom.y + progress * LOST_FALL;
  } else {
    pointOnTrack(path.track, path.kind === 'failed' ? progress * FAILED_REACH : progress, dot);
  }
  if (msgId !== undefined) dot.msgId = msgId;
  return dot;
}

/** The first read is small (at 1x a flight window holds a few hundred events); later ones double. */
const FIRST_CHUNK = 512;
const MAX_CHUNK = 8_192;

/**
 * The dots in flight at timeMs: events with te <= timeMs <= te + flightMs, newest first up to
 * `cap`. A pure function of (trace up to timeMs, layout, roles at timeMs, timeMs, flight): scrubbing shows the
 * same picture whichever way one comes to a time.
 *
 * The trace is sorted by time, so the window is read backwards from the end and the reading
 * stops at the first event older than the window: only the last flight window is ever touched
 * (a binary search over the whole trace would make the Timeline replay far-away segments).
 */
export function dotsAt(source: TraceSource, layout: TopologyLayout, routing: DotRouting, timeMs: number, flightMs: number, cap = 2_000, motion: DotMotion = 'fly'): Dot[] {
  const oldest = timeMs - flightMs;
  const cache = routeCacheOf(layout, routing);
  const dots: Dot[] = [];
  let chunk = FIRST_CHUNK;
  for (let end = source.traceLength; end > 0 && dots.length < cap; end -= chunk, chunk = Math.min(MAX_CHUNK, chunk * 2)) {
    const start = Math.max(0, end - chunk);
    const events = source.traceSlice(start, end);
    for (let index = events.length - 1; index >= 0 && dots.length < cap; index--) {
      const event = events[index]!;
      if (event.t < oldest) return dots;
      if (!FLIES[event.type]) continue;
      const progress = flightProgress(event.t, timeMs, flightMs);
      if (progress === null) continue;
      const path = cachedPath(cache, layout, routing, event);
      if (path) dots.push(dotOf(path, progress, motion, msgIdOf(event)));
    }
  }
  return dots;
}
