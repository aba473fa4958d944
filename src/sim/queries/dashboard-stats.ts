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

/** The run's master changes met so far in the scan, so a store is counted on the node that made it. */
interface Scan {
  timeline: TimelineView;
  changes: MasterChange[];
}

function count(stats: DashboardStats, scan: Scan, event: TraceEvent, recent: boolean, perSecond: number): void {
  const change = masterChangeOf(scan.timeline.state, event);
  if (change) scan.changes.push(change);
  if (event.type === 'message.stored') {
    const node = traceBrokerNode(scan.timeline.state, scan.changes, event.broker, event.brokerId, event.t);
    add(stats.putToday, node, 1);
    if (recent) add(stats.putTps, node, perSecond);
  } else if (event.type === 'message.consumed') {
    add(stats.getToday, event.broker, 1);
    if (recent) {
      add(stats.getTps, event.broker, perSecond);
      add(stats.consumeTps, event.group, perSecond);
    }
  }
}

export function dashboardStats(timeline: TimelineView, _args: Record<string, never> = {}): DashboardStats {
  const stats: DashboardStats = { putTps: dict(), putToday: dict(), getTps: dict(), getToday: dict(), consumeTps: dict(), lastStoreTime: lastStoreTimes(timeline) };
  const windowStart = timeline.now - TPS_WINDOW_MS;
  const recentFrom = firstIndexAtOrAfter(timeline, windowStart + 1);
  // Early in the run the window is shorter than 10 s: divide by what has passed.
  const perSecond = 1_000 / Math.max(1_000, Math.min(TPS_WINDOW_MS, timeline.now));
  const length = timeline.traceLength;
  const scan: Scan = { timeline, changes: [] };
  for (let index = 0; index < length; index += CHUNK) {
    const events = timeline.traceSlice(index, Math.min(length, index + CHUNK));
    events.forEach((event, offset) => count(stats, scan, event, index + offset >= recentFrom, perSecond));
  }
  return stats;
}
