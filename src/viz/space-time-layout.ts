/**
 * The space-time diagram's geometry: one row (lane) per process, time left to right, an arrow
 * for each request or response between lanes and a mark for what a process did alone. Dense
 * windows stay readable: strokes of the same kind between the same lanes within one column of
 * COLUMN_PX pixels are drawn once, with their count (a bundle), and a click on a bundle goes to
 * its first event.
 */
import { MASTER_ID, type BrokerRoleNow, type TraceEvent } from '../sim/index.ts';
import { DECLARED_NODES, strokeOf, type ArrowKind, type Lane, type MarkKind, type NodeOf } from './space-time-events.ts';
import { linear, niceTicks } from './ticks.ts';

interface SpaceTimeInput {
  lanes: Lane[];
  /** The window's events in trace order, the first being trace index `firstIndex`. */
  events: TraceEvent[];
  firstIndex: number;
  fromMs: number;
  toMs: number;
  /** The playhead: its events are highlighted. */
  nowMs: number;
  width: number;
  /** The node behind an event's `brokerName/brokerId` at its time (declared names without controller mode). */
  nodeOf?: NodeOf;
  /** Each broker lane's role at the playhead, where an election can move it (controller mode). */
  roles?: Readonly<Record<string, BrokerRoleNow>>;
  /** Arrows of these kinds are not drawn (their events keep their trace indexes). */
  hidden?: ReadonlySet<ArrowKind>;
}

interface Bundle {
  count: number;
  /** Trace index and time of the bundle's first event (where a click goes). */
  index: number;
  t: number;
  /** Whether one of its events happened at the playhead. */
  current: boolean;
}

interface ArrowBundle extends Bundle {
  kind: ArrowKind;
  from: string;
  to: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

interface MarkBundle extends Bundle {
  kind: MarkKind;
  lane: string;
  x: number;
  y: number;
}

/** A fault whose target is no lane (a topic, a link): a rule across every lane. */
interface FaultRule extends Bundle {
  x: number;
  label: string;
}

export interface SpaceTimeLayout {
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  /** `now`: a broker lane's role at the playhead, when the input gives roles. */
  lanes: (Lane & { y: number; now?: BrokerRoleNow })[];
  ticks: { x: number; t: number }[];
  arrows: ArrowBundle[];
  marks: MarkBundle[];
  rules: FaultRule[];
  playheadX: number;
}

const LANE_HEIGHT = 26;
export const LABEL_WIDTH = 96;
const AXIS_HEIGHT = 22;
export const RIGHT_PAD = 12;
/** Strokes closer than this (in pixels) are bundled. */
export const COLUMN_PX = 6;
/** An arrow leans back this far, so its direction reads even when the latency is far below a pixel. */
const SLANT_PX = 5;

function laneOf(rows: Map<string, number>, id: string, masterAt: (brokerName: string) => string): number | undefined {
  // A fault names a broker by its brokerName: the lane of its master at the fault's time.
  return rows.get(id) ?? rows.get(masterAt(id));
}

export function layoutSpaceTime(input: SpaceTimeInput): SpaceTimeLayout {
  const nodeOf = input.nodeOf ?? DECLARED_NODES;
  const plotLeft = LABEL_WIDTH;
  const plotRight = Math.max(plotLeft + 40, input.width - RIGHT_PAD);
  const x = linear(input.fromMs, input.toMs, plotLeft, plotRight);
  const rows = new Map(input.lanes.map((lane, i) => [lane.id, AXIS_HEIGHT + i * LANE_HEIGHT + LANE_HEIGHT / 2]));
  const lastSend = new Map<string, string>();
  const bundles = new Map<string, ArrowBundle | MarkBundle | FaultRule>();
  const layout: SpaceTimeLayout = {
    width: input.width, height: AXIS_HEIGHT + input.lanes.length * LANE_HEIGHT, plotLeft, plotRight,
    lanes: input.lanes.map((lane) => {
      const now = lane.role === 'broker' ? input.roles?.[lane.id] : undefined;
      return { ...lane, y: rows.get(lane.id)!, ...(now ? { now } : {}) };
    }),
    ticks: niceTicks(input.fromMs, input.toMs, Math.max(2, Math.floor((plotRight - plotLeft) / 90))).map((t) => ({ x: x(t), t })),
    arrows: [], marks: [], rules: [], playheadX: x(input.nowMs),
  };
  input.events.forEach((event, i) => {
    if (event.type === 'message.sent') lastSend.set(event.msgId, event.broker);
    const stroke = strokeOf(event, (msgId) => lastSend.get(msgId), nodeOf);
    if (!stroke || (stroke.shape === 'arrow' && input.hidden?.has(stroke.kind))) return;
    const at = x(event.t);
    const column = Math.floor((at - plotLeft) / COLUMN_PX);
    const own = { count: 1, index: input.firstIndex + i, t: event.t, current: event.t === input.nowMs };
    const from = stroke.shape === 'arrow' ? rows.get(stroke.from) : undefined;
    const to = stroke.shape === 'arrow' ? rows.get(stroke.to) : undefined;
    const lane = stroke.shape === 'mark' ? laneOf(rows, stroke.lane, (brokerName) => nodeOf(brokerName, MASTER_ID, event.t)) : undefined;
    const key = stroke.shape === 'arrow' ? `a|${stroke.kind}|${stroke.from}|${stroke.to}|${column}` : `m|${stroke.kind}|${stroke.lane}|${column}`;
    const found = bundles.get(key);
    if (found) {
      found.count++;
      found.current ||= own.current;
      return;
    }
    let made: ArrowBundle | MarkBundle | FaultRule | undefined;
    if (stroke.shape === 'arrow' && from !== undefined && to !== undefined) {
      made = { ...own, kind: stroke.kind, from: stroke.from, to: stroke.to, x1: at - SLANT_PX, y1: from, x2: at, y2: to };
      layout.arrows.push(made);
    } else if (stroke.shape === 'mark' && lane !== undefined) {
      made = { ...own, kind: stroke.kind, lane: stroke.lane, x: at, y: lane };
      layout.marks.push(made);
    } else if (stroke.shape === 'mark' && stroke.kind === 'fault' && event.type === 'fault') {
      made = { ...own, x: at, label: `${event.action} ${event.target}` };
      layout.rules.push(made);
    }
    if (made) bundles.set(key, made);
  });
  return layout;
}
