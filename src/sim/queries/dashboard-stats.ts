/**
 * The moving numbers of the RocketMQ Dashboard's cluster and consumer pages at the playhead, as
 * a broker's own statistics report them, each read off the model's counters (BrokerState) at the
 * times RocketMQ samples them:
 * - each broker's putTps and getTransferredTps (the Cluster page's produce and consumer message
 *   TPS): StoreStatsService samples its counters every second and reports the last 10 s
 *   (getPutTps(10), getGetTransferredTps(10)); the second counts the messages the store returned
 *   to pulls (DefaultMessageStore.getMessage), not those the consumers' listeners consumed;
 * - each group's consume TPS per topic (getConsumeStats asks BrokerStatsManager.tpsGroupGetNums):
 *   the messages the broker returned to the group's pulls of the topic, averaged by
 *   StatsItem.getStatsDataInMinute over its last 7 snapshots, taken every 10 s (about a minute);
 * - today's put and get totals (msgPutTotalTodayNow, msgGetTotalTodayNow). The run starts at
 *   midnight, so "today" is the whole run so far and yesterday's totals are 0.
 * Each broker process counts its own: a slave that serves reads counts its gets. The samples are
 * the Timeline's checkpoints (every second for runs up to 20 minutes, StoreStatsService's own
 * period; a longer run's checkpoints are further apart and the windows round up to them), so an
 * ask costs the same at 0:05 and at 50:00. With them, the store times the Topic status and the
 * consumer progress show: the CommitLog entry a queue names may be long gone from the page's copy
 * of the log.
 */
import type { AppendLog } from '../../engine/append-log.ts';
import { dict } from '../../engine/dict.ts';
import type { BrokerState, ModelState } from '../../model/state.ts';
import { checkpointInterval } from '../checkpoints.ts';
import type { TimelineView } from '../timeline.ts';

/** StoreStatsService.getPutTps(10) and getGetTransferredTps(10): the Cluster page's TPS cover the last 10 s. */
export const TPS_WINDOW_MS = 10_000;
/** StatsItemSet.init: samplingInSeconds every 10 s. */
const STATS_SAMPLING_MS = 10_000;
/** StatsItem.samplingInSeconds keeps the last 7 snapshots of csListMinute: getStatsDataInMinute spans 60 s of them. */
const MINUTE_SNAPSHOTS = 7;

export interface DashboardStats {
  /** Per broker node as the canvas draws it ("broker-a/0", whatever its brokerId now): messages put per second over the window, and today. */
  putTps: Record<string, number>;
  /** 4.x: every message the process wrote, a slave's replicas too; 5.x: only what it put as a master (putToday). */
  putToday: Record<string, number>;
  /** Per broker node as drawn: messages it returned to pulls per second over the window, and today. */
  getTps: Record<string, number>;
  getToday: Record<string, number>;
  /**
   * Per broker node as drawn, per "topic@group": tpsGroupGetNums(group, topic) on that broker. An
   * admin tool adds up those of the brokers it asks (DefaultMQAdminExtImpl.examineConsumeStats).
   */
  groupGetTps: Record<string, Record<string, number>>;
  /** Per broker node (its id as drawn), per topic, per queue id: the storeTimestamp of the queue's last message (null when empty). */
  lastStoreTime: Record<string, Record<string, (number | null)[]>>;
  /**
   * Per broker node, per group, per "topic@queueId" the group has an offset in: the storeTimestamp
   * of the message just below that offset (OffsetWrapper.lastTimestamp); none at offset 0.
   */
  lastConsumeTime: Record<string, Record<string, Record<string, number>>>;
}

/** The storeTimestamp of message `offset` of a queue (DefaultMessageStore.getMessageStoreTimeStamp), null when it has none. */
function storeTimeAt(broker: Readonly<BrokerState>, queue: Readonly<AppendLog<number>>, offset: number): number | null {
  return offset >= 0 && offset < queue.length ? broker.commitLog.at(queue.at(offset)!)?.storeTimestamp ?? null : null;
}

/** ConsumeQueue's last unit -> its CommitLog entry's storeTimestamp, as the Topic status page reads it. */
function lastStoreTimes(timeline: TimelineView): DashboardStats['lastStoreTime'] {
  const nodes = dict<Record<string, (number | null)[]>>();
  for (const broker of Object.values(timeline.state.brokers)) {
    const topics = dict<(number | null)[]>();
    for (const [topic, queues] of Object.entries(broker.consumeQueues)) topics[topic] = queues.map((queue) => storeTimeAt(broker, queue, queue.length - 1));
    nodes[broker.node] = topics;
  }
  return nodes;
}

/** AdminBrokerProcessor.getConsumeStats: lastTimestamp is the store time of message consumerOffset - 1, set only when it is above 0. */
function lastConsumeTimes(timeline: TimelineView): DashboardStats['lastConsumeTime'] {
  const nodes = dict<Record<string, Record<string, number>>>();
  for (const broker of Object.values(timeline.state.brokers)) {
    const groups = dict<Record<string, number>>();
    for (const [group, offsets] of Object.entries(broker.consumerOffsetTable)) {
      const times = dict<number>();
      for (const [key, offset] of Object.entries(offsets)) {
        const at = key.lastIndexOf('@');
        const queue = broker.consumeQueues[key.slice(0, at)]?.[Number(key.slice(at + 1))];
        const time = queue ? storeTimeAt(broker, queue, offset - 1) : null;
        if (time !== null && time > 0) times[key] = time;
      }
      groups[group] = times;
    }
    nodes[broker.node] = groups;
  }
  return nodes;
}

/** Today's puts or gets per node: each broker process counts what it wrote or returned to pulls. */
function today(state: Readonly<ModelState>, count: 'messagesStored' | 'messagesPut' | 'messagesServed'): Record<string, number> {
  const table = dict<number>();
  for (const broker of Object.values(state.brokers)) if (broker[count] > 0) table[broker.node] = broker[count];
  return table;
}

/**
 * The model's state at sample time t, at or before the playhead: the checkpoint's there, the
 * playhead's own at it; undefined at 0 and before (before any event, every counter is 0).
 */
function sampleAt(timeline: TimelineView, t: number): Readonly<ModelState> | undefined {
  if (t >= timeline.now) return timeline.state;
  return t > 0 ? timeline.checkpointStateAt(t) : undefined;
}

/** A sampling period as the Timeline's checkpoints can give it: `periodMs`, rounded up to a whole number of their interval. */
function periodOf(timeline: TimelineView, periodMs: number): number {
  const every = checkpointInterval(timeline.scenario.durationMs);
  return Math.ceil(periodMs / every) * every;
}

/**
 * `sample` when it is of the process running `broker` now: a restarted broker is a new JVM, whose
 * StoreStatsService and BrokerStatsManager hold no sample of the process before it (its counters
 * start from 0, broker-stats.ts), so an earlier process's samples count as none.
 */
function sameProcess(sample: Readonly<BrokerState> | undefined, broker: Readonly<BrokerState>): Readonly<BrokerState> | undefined {
  return sample?.startedAt === broker.startedAt ? sample : undefined;
}

/**
 * StoreStatsService's TPS of `count` per node: the last sample (on the sampling grid, at or before
 * the playhead) against the one a window earlier. RocketMQ prints nothing before it has a window of
 * samples; the first seconds of a run give the rate over what there is.
 */
function storeTps(timeline: TimelineView, count: 'messagesStored' | 'messagesServed'): Record<string, number> {
  const period = periodOf(timeline, 1_000);
  const last = Math.floor(timeline.now / period) * period;
  const first = Math.max(0, last - periodOf(timeline, TPS_WINDOW_MS));
  const rates = dict<number>();
  if (last === first) return rates;
  const before = sampleAt(timeline, first);
  for (const broker of Object.values(sampleAt(timeline, last)!.brokers)) {
    const grown = broker[count] - (sameProcess(before?.brokers[broker.node], broker)?.[count] ?? 0);
    if (grown > 0) rates[broker.node] = (grown * 1_000) / (last - first);
  }
  return rates;
}

/**
 * BrokerStatsManager.tpsGroupGetNums per node and "topic@group": StatsItem.getStatsDataInMinute,
 * (last - first) of csListMinute over their time apart. The list holds the snapshots of the last
 * 7 ticks (every 10 s from the broker's start, taken here as 0:00); a key's first tick after its
 * first pull also adds a zero snapshot one period before it, so a group new to the broker is
 * averaged from there. No tick yet (the first 10 s): no snapshot, a rate of 0.
 */
function groupGetTps(timeline: TimelineView): DashboardStats['groupGetTps'] {
  const period = periodOf(timeline, STATS_SAMPLING_MS);
  const lastTick = Math.floor(timeline.now / period);
  const rates = dict<Record<string, number>>();
  if (lastTick === 0) return rates;
  const firstTick = Math.max(0, lastTick - (MINUTE_SNAPSHOTS - 1));
  const ticks = Array.from({ length: lastTick - firstTick + 1 }, (_, i) => sampleAt(timeline, (firstTick + i) * period));
  for (const broker of Object.values(ticks[ticks.length - 1]!.brokers)) {
    for (const [key, value] of Object.entries(broker.groupGetNums)) {
      const at = (i: number) => sameProcess(ticks[i]?.brokers[broker.node], broker)?.groupGetNums[key] ?? 0;
      // The first tick that saw the key, and the zero snapshot one period before it.
      const seen = ticks.findIndex((_, i) => at(i) > 0);
      const from = Math.max(0, seen - 1);
      const grown = value - at(from);
      if (seen >= 0 && grown > 0) (rates[broker.node] ??= dict())[key] = (grown * 1_000) / ((ticks.length - 1 - from) * period);
    }
  }
  return rates;
}

/** The Dashboard's numbers at the playhead; 5.x counts a slave's replicas in its putTps only, not in today's puts. */
export function dashboardStats(timeline: TimelineView, _args: Record<string, never> = {}): DashboardStats {
  const { state } = timeline;
  return {
    putTps: storeTps(timeline, 'messagesStored'),
    putToday: today(state, state.config.rocketmqVersion === '4.x' ? 'messagesStored' : 'messagesPut'),
    getTps: storeTps(timeline, 'messagesServed'),
    getToday: today(state, 'messagesServed'),
    groupGetTps: groupGetTps(timeline),
    lastStoreTime: lastStoreTimes(timeline),
    lastConsumeTime: lastConsumeTimes(timeline),
  };
}
