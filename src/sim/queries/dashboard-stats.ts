/**
 * The moving numbers of the RocketMQ Dashboard's cluster and consumer pages at the playhead:
 * each broker's put and get TPS and each group's consume TPS, over the last 10 s as the broker's
 * BrokerStatsManager reports them first (its moving averages cover 10 s, 1 min and 10 min: the
 * Dashboard shows the first), and today's put and get totals (msgPutTotalTodayNow,
 * msgGetTotalTodayNow). The run starts at midnight, so "today" is the whole run so far and
 * yesterday's totals are 0. With them, the store time of each queue's last message for the Topic
 * status page: the CommitLog entry it names may be long gone from the page's copy of the log.
 */
import { dict } from '../../engine/dict.ts';
import type { TraceEvent } from '../../model/events.ts';
import type { TimelineView } from '../timeline.ts';
import { masterChangeOf, traceBrokerNode, type MasterChange } from '../trace-broker-node.ts';
import { firstIndexAtOrAfter } from './trace-window.ts';

/** BrokerStatsManager's shortest window, which the Dashboard shows. */
export const TPS_WINDOW_MS = 10_000;
const CHUNK = 4_096;

export interface DashboardStats {
  /** Per broker node as the canvas draws it ("broker-a/0", whatever its brokerId now): messages put per second over the window, and today. */
  putTps: Record<string, number>;
  putToday: Record<string, number>;
  /** Per brokerName: messages consumed from its queues per second over the window, and today. */
  getTps: Record<string, number>;
  getToday: Record<string, number>;
  /** Per consumer group: messages consumed per second over the window. */
  consumeTps: Record<string, number>;
  /** Per broker node (its id as drawn), per topic, per queue id: the storeTimestamp of the queue's last message (null when empty). */
  lastStoreTime: Record<string, Record<string, (number | null)[]>>;
}

/** ConsumeQueue's last unit -> its CommitLog entry's storeTimestamp, as the Topic status page reads it. */
function lastStoreTimes(timeline: TimelineView): DashboardStats['lastStoreTime'] {
  const nodes = dict<Record<string, (number | null)[]>>();
  for (const broker of Object.values(timeline.state.brokers)) {
    const topics = dict<(number | null)[]>();
    for (const [topic, queues] of Object.entries(broker.consumeQueues)) {
      topics[topic] = queues.map((queue) => (queue.length > 0 ? broker.commitLog.at(queue.at(queue.length - 1)!)?.storeTimestamp ?? null : null));
    }
    nodes[broker.node] = topics;
  }
  return nodes;
}

function add(table: Record<string, number>, key: string, amount: number): void {
  table[key] = (table[key] ?? 0) + amount;
}

/** A master change and the trace index of the event that records it. */
type IndexedChange = MasterChange & { index: number };

/** The master changes met so far in a scan, so a store is counted on the node that made it. */
interface Scan {
  timeline: TimelineView;
  changes: IndexedChange[];
}

/** Today's totals over the trace's first events. */
interface Totals {
  putToday: Record<string, number>;
  getToday: Record<string, number>;
}

/**
 * The totals at every CHUNK of the trace read so far, per timeline: the trace before the playhead
 * never changes, so an ask reads only the events added since (and the TPS window) rather than
 * the whole past again, and a seek back reads the totals of an earlier chunk.
 */
interface Memo {
  atChunk: Totals[];
  changes: IndexedChange[];
}

const memos = new WeakMap<TimelineView, Memo>();

/** Adds the master change the event at trace index `index` records, if it is one. */
function noteChange(scan: Scan, event: TraceEvent, index: number): void {
  const change = masterChangeOf(scan.timeline.state, event);
  if (change) scan.changes.push({ ...change, index });
}

/** Counts the event at trace index `index` in today's totals. */
function countToday(totals: Totals, scan: Scan, event: TraceEvent, index: number): void {
  noteChange(scan, event, index);
  if (event.type === 'message.stored') add(totals.putToday, traceBrokerNode(scan.timeline.state, scan.changes, event.broker, event.brokerId, event.t), 1);
  else if (event.type === 'message.consumed') add(totals.getToday, event.broker, 1);
}

/** Counts the event at trace index `index` of the TPS window. */
function countRecent(stats: DashboardStats, scan: Scan, event: TraceEvent, index: number, perSecond: number): void {
  noteChange(scan, event, index);
  if (event.type === 'message.stored') {
    add(stats.putTps, traceBrokerNode(scan.timeline.state, scan.changes, event.broker, event.brokerId, event.t), perSecond);
  } else if (event.type === 'message.consumed') {
    add(stats.getTps, event.broker, perSecond);
    add(stats.consumeTps, event.group, perSecond);
  }
}

function copyTotals(totals: Totals): Totals {
  return { putToday: Object.assign(dict<number>(), totals.putToday), getToday: Object.assign(dict<number>(), totals.getToday) };
}

/** The memo of the timeline with the totals of every whole chunk up to `chunks` read. */
function memoUpTo(timeline: TimelineView, chunks: number): Memo {
  let memo = memos.get(timeline);
  if (!memo) memos.set(timeline, (memo = { atChunk: [{ putToday: dict(), getToday: dict() }], changes: [] }));
  const scan: Scan = { timeline, changes: memo.changes };
  while (memo.atChunk.length <= chunks) {
    const from = (memo.atChunk.length - 1) * CHUNK;
    const totals = copyTotals(memo.atChunk[memo.atChunk.length - 1]!);
    timeline.traceSlice(from, from + CHUNK).forEach((event, offset) => countToday(totals, scan, event, from + offset));
    memo.atChunk.push(totals);
  }
  return memo;
}

export function dashboardStats(timeline: TimelineView, _args: Record<string, never> = {}): DashboardStats {
  const length = timeline.traceLength;
  const whole = Math.floor(length / CHUNK);
  const memo = memoUpTo(timeline, whole);
  const totals = copyTotals(memo.atChunk[whole]!);
  const today: Scan = { timeline, changes: memo.changes.filter((change) => change.index < whole * CHUNK) };
  timeline.traceSlice(whole * CHUNK, length).forEach((event, offset) => countToday(totals, today, event, whole * CHUNK + offset));
  const stats: DashboardStats = {
    putTps: dict(), putToday: totals.putToday, getTps: dict(), getToday: totals.getToday, consumeTps: dict(), lastStoreTime: lastStoreTimes(timeline),
  };
  // Early in the run the window is shorter than 10 s: divide by what has passed.
  const perSecond = 1_000 / Math.max(1_000, Math.min(TPS_WINDOW_MS, timeline.now));
  const recentFrom = firstIndexAtOrAfter(timeline, timeline.now - TPS_WINDOW_MS + 1);
  const recent: Scan = { timeline, changes: today.changes.filter((change) => change.index < recentFrom) };
  for (let from = recentFrom; from < length; from += CHUNK) {
    timeline.traceSlice(from, Math.min(length, from + CHUNK)).forEach((event, offset) => countRecent(stats, recent, event, from + offset, perSecond));
  }
  return stats;
}
