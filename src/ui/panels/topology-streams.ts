/**
 * The dots of a crowded cluster (drawsDotStreams): per line at most one dot per slot of its flight
 * (viz/dot-streams.ts), standing for every event of that slot on that line. Fifty producers
 * writing to ten brokers at a thousand messages a second are ten lines of six dots, not two
 * thousand stamps over one another; a learner reads where messages flow and how much.
 */
import type { TraceEvent } from '../../sim/index.ts';
import type { TraceSource } from '../../sim/timeline.ts';
import { flightProgress } from '../../viz/flight.ts';
import { STREAM_SLOTS, streamSlot, streamSlotTime, streamStride } from '../../viz/dot-streams.ts';
import type { TopologyLayout } from '../../viz/topology-layout.ts';
import { cachedPath, dotOf, FLIES, msgIdOf, routeCacheOf, type Dot, type DotMotion, type DotPath } from './topology-geometry.ts';
import type { DotRouting } from './topology-model.ts';

/** The events of one slot on one line: how many, and the newest message among them (a click on the dot opens its card). */
interface Bunch {
  events: number;
  msgId: string | undefined;
}

/** One line's bunches by slot, oldest slot first, and the path its dots take. */
interface Stream {
  path: DotPath;
  bunches: (Bunch | undefined)[];
}

/** Where a path's dot is drawn, as text: the members of a group drawn as one node share their lines. */
function pathKey(path: DotPath): string {
  if ('ringAt' in path) return `${path.kind} ring ${path.ringAt.x} ${path.ringAt.y}`;
  if ('fallFrom' in path) return `${path.kind} fall ${path.fallFrom.x} ${path.fallFrom.y}`;
  const { curve, before, after } = path.track;
  return `${path.kind} ${curve.join(' ')} ${before.points.join(' ')} ${after.points.join(' ')}`;
}

/** Each path's line, one object per drawn line of a layout, found once per path. */
const lines = new WeakMap<DotPath, DotPath>();
const linesOfLayout = new WeakMap<TopologyLayout, Map<string, DotPath>>();

function lineOf(layout: TopologyLayout, path: DotPath): DotPath {
  const known = lines.get(path);
  if (known) return known;
  let byKey = linesOfLayout.get(layout);
  if (!byKey) {
    byKey = new Map();
    linesOfLayout.set(layout, byKey);
  }
  const key = pathKey(path);
  const line = byKey.get(key) ?? path;
  byKey.set(key, line);
  lines.set(path, line);
  return line;
}

/**
 * The first trace index in flight (t >= oldest) among the events the source holds: a search back
 * from the end that doubles its step, then halves, so only the latest flight window is touched.
 */
export function firstInFlight(source: TraceSource, oldest: number): number {
  const end = source.traceLength;
  const inFlight = (index: number) => (source.traceAt(index)?.t ?? -Infinity) >= oldest;
  let hi = end;
  let span = 1;
  let lo = end - span;
  while (lo >= 0 && inFlight(lo)) {
    hi = lo;
    span *= 2;
    lo = end - span;
  }
  lo = Math.max(lo, -1);
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (inFlight(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * A store's ring grows at its broker by 1.5 units a slot, and rings drawn 2 units wide that close
 * make one solid disc: a ring takes two slots (it stands for both and grows from the later's end),
 * so the rings at a broker are 3 units apart.
 */
function slotOf(path: DotPath, slot: number): number {
  return 'ringAt' in path ? slot | 1 : slot;
}

function addEvent(streams: Map<DotPath, Stream>, line: DotPath, slot: number, event: TraceEvent, weight: number): void {
  let stream = streams.get(line);
  if (!stream) {
    stream = { path: line, bunches: [] };
    streams.set(line, stream);
  }
  const bunch = stream.bunches[slot];
  // Read newest first: the first event of a slot is its newest.
  if (bunch) bunch.events += weight;
  else stream.bunches[slot] = { events: weight, msgId: msgIdOf(event) };
}

/**
 * The stream dots in flight at timeMs, newest first. A window of more events than the read budget
 * is sampled (one in streamStride, by trace index), each event read counting for that many.
 */
export function streamDotsAt(source: TraceSource, layout: TopologyLayout, routing: DotRouting, timeMs: number, flightMs: number, motion: DotMotion = 'fly'): Dot[] {
  const oldest = timeMs - flightMs;
  const first = firstInFlight(source, oldest);
  const end = source.traceLength;
  const stride = streamStride(end - first);
  const firstSlot = streamSlot(oldest, flightMs);
  const cache = routeCacheOf(layout, routing);
  const streams = new Map<DotPath, Stream>();
  for (let index = end - 1 - ((end - 1) % stride); index >= first; index -= stride) {
    const event = source.traceAt(index);
    if (!event || event.t > timeMs || !FLIES[event.type]) continue;
    const path = cachedPath(cache, layout, routing, event);
    if (path) addEvent(streams, lineOf(layout, path), slotOf(path, streamSlot(event.t, flightMs)) - firstSlot, event, stride);
  }
  // Newest slot first, as dotsAt gives its dots: the painter draws the oldest first, the newest on top.
  const dots: Dot[] = [];
  for (let slot = STREAM_SLOTS + 1; slot >= 0; slot--) {
    const progress = flightProgress(streamSlotTime(slot + firstSlot, flightMs, timeMs), timeMs, flightMs);
    if (progress === null) continue;
    for (const { path, bunches } of streams.values()) {
      const bunch = bunches[slot];
      if (!bunch) continue;
      const dot = dotOf(path, progress, motion, bunch.msgId);
      dot.events = bunch.events;
      dots.push(dot);
    }
  }
  return dots;
}
