/**
 * The moving numbers of the RocketMQ Dashboard's cluster and consumer pages at the playhead:
 * each broker's put and get TPS and each group's consume TPS, over the last 10 s as the broker's
 * BrokerStatsManager reports them first (its moving averages cover 10 s, 1 min and 10 min: the
 * Dashboard shows the first), and today's put and get totals (msgPutTotalTodayNow,
 * msgGetTotalTodayNow). Each broker process counts its own: a slave that serves reads counts its
 * gets. The run starts at midnight, so "today" is the whole run so far and yesterday's totals are
 * 0: they are the model's counters at the playhead (BrokerState.messagesStored and
 * messagesServed), so an ask costs the same at 0:05 and at 0:50; the get rate counts the messages
 * consumed in the window, by the node they were pulled from. With them, the store time of each queue's last message for the Topic status page:
 * the CommitLog entry it names may be long gone from the page's copy of the log.
 */
import { dict } from '../../engine/dict.ts';
import type { TimelineView } from '../timeline.ts';
import { traceBrokerNode } from '../trace-broker-node.ts';
import { indexedMasterChanges } from './master-changes.ts';
import { firstIndexAtOrAfter } from './trace-window.ts';

/** BrokerStatsManager's shortest window, which the Dashboard shows. */
export const TPS_WINDOW_MS = 10_000;
const CHUNK = 4_096;

export interface DashboardStats {
  /** Per broker node as the canvas draws it ("broker-a/0", whatever its brokerId now): messages put per second over the window, and today. */
  putTps: Record<string, number>;
  putToday: Record<string, number>;
  /** Per broker node as drawn: messages consumed from it per second over the window, and messages it returned to pulls today. */
  getTps: Record<string, number>;
  getToday: Record<string, number>;
  /**
   * Per consumer group, per topic (its own, %RETRY%<group>): messages consumed per second over the
   * window, as getConsumeStats asks BrokerStatsManager.tpsGroupGetNums(group, topic).
   */
  consumeTps: Record<string, Record<string, number>>;
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

/** Today's puts or gets per node: each broker process counts what it wrote or returned to pulls. */
function today(timeline: TimelineView, count: 'messagesStored' | 'messagesServed'): Record<string, number> {
  const table = dict<number>();
  for (const broker of Object.values(timeline.state.brokers)) if (broker[count] > 0) table[broker.node] = broker[count];
  return table;
}

/**
 * Counts the TPS window's events, from trace index `from` to the playhead. A store is counted on
 * the node that was its `brokerName/brokerId` then, as is a consume: the master changes before each event are
 * those recorded at a lower trace index.
 */
function countRecent(stats: DashboardStats, timeline: TimelineView, from: number, perSecond: number): void {
  const changes = indexedMasterChanges(timeline);
  const before = changes.filter((change) => change.index < from);
  const length = timeline.traceLength;
  for (let chunk = from; chunk < length; chunk += CHUNK) {
    timeline.traceSlice(chunk, Math.min(length, chunk + CHUNK)).forEach((event, offset) => {
      while (before.length < changes.length && changes[before.length]!.index <= chunk + offset) before.push(changes[before.length]!);
      if (event.type === 'message.stored') {
        add(stats.putTps, traceBrokerNode(timeline.state, before, event.broker, event.brokerId, event.t), perSecond);
      } else if (event.type === 'message.consumed') {
        add(stats.getTps, traceBrokerNode(timeline.state, before, event.broker, event.brokerId, event.t), perSecond);
        add(stats.consumeTps[event.group] ??= dict(), event.topic, perSecond);
      }
    });
  }
}

/**
 * Today's totals are the brokers' and consumers' own counters at the playhead (read at once, however
 * long the run so far); the rates read only the trace of the last TPS_WINDOW_MS.
 */
export function dashboardStats(timeline: TimelineView, _args: Record<string, never> = {}): DashboardStats {
  const stats: DashboardStats = {
    putTps: dict(), putToday: today(timeline, 'messagesStored'), getTps: dict(), getToday: today(timeline, 'messagesServed'),
    consumeTps: dict(), lastStoreTime: lastStoreTimes(timeline),
  };
  // Early in the run the window is shorter than 10 s: divide by what has passed.
  const perSecond = 1_000 / Math.max(1_000, Math.min(TPS_WINDOW_MS, timeline.now));
  countRecent(stats, timeline, firstIndexAtOrAfter(timeline, timeline.now - TPS_WINDOW_MS + 1), perSecond);
  return stats;
}
