/**
 * The RocketMQ Dashboard's message query by topic and time (rocketmq-dashboard
 * MessageServiceImpl.queryMessageByTopic): it asks the route for the topic's readable queues
 * (DefaultMQPullConsumer.fetchSubscribeMessageQueues, which keeps readQueueNums queues of each
 * readable QueueData: MQClientInstance.topicRouteData2TopicSubscribeInfo), turns begin and end
 * into offsets in each queue (searchOffset: ConsumeQueue.getOffsetInQueueByTime, a binary search
 * on store times), pulls what lies between and lists it newest store first.
 *
 * So a message in a queue no consumer reads (a queue id at or past readQueueNums, a broker whose
 * perm forbids reading, a broker down) is not listed: it is counted apart, as `unreadable`, so
 * the page can say why the Dashboard does not show it.
 */
import { brokerRoles } from '../broker-roles.ts';
import { isReadable } from '../../model/perm.ts';
import type { AppendLog } from '../../engine/append-log.ts';
import type { BrokerState, ModelState, QueueData } from '../../model/state.ts';
import { lowerBound } from '../lower-bound.ts';
import type { TimelineView } from '../timeline.ts';
import type { TopicQuery } from '../../scenario/topic-query-link.ts';

/** What to search: a topic and store time bounds, both included (the share link's `tq` carries the same). */
export type MessagesByTopicArgs = TopicQuery;

/** One row as the Dashboard's topic query lists it (Message ID, Tag, Message Key, StoreTime), with where it is stored. */
interface TopicMessageRow {
  msgId: string;
  tags: string;
  keys: string;
  storeTimestamp: number;
  broker: string;
  queueId: number;
  queueOffset: number;
}

export interface MessagesByTopic {
  /** The newest MESSAGES_BY_TOPIC_PAGE messages found, newest first. */
  rows: TopicMessageRow[];
  /** How many the readable queues hold in the range (rows is the first page of them). */
  total: number;
  /** Messages of the topic stored in the range that the query cannot reach (see above). */
  unreadable: number;
  /** The NameServer whose route was read; null when none holds the topic. */
  nameServer: string | null;
}

/** The first page the page shows: the size of mqadmin's key query (QueryMsgByKeySubCommand), a page a learner can read. */
export const MESSAGES_BY_TOPIC_PAGE = 64;

/** The topic's QueueDatas as the first running NameServer that holds it answers GET_ROUTEINFO_BY_TOPIC. */
function routeOf(state: ModelState, topic: string): { nameServer: string; queueDatas: Record<string, QueueData> } | null {
  const nameServer = Object.values(state.nameServers).sort((a, b) => (a.id < b.id ? -1 : 1)).find((ns) => ns.up && ns.topicQueueTable[topic] !== undefined);
  return nameServer ? { nameServer: nameServer.id, queueDatas: nameServer.topicQueueTable[topic]! } : null;
}

/** ConsumeQueue.getOffsetInQueueByTime: the first offset whose message was stored at or after `timeMs`. */
function offsetByTime(broker: BrokerState, queue: AppendLog<number>, timeMs: number): number {
  return lowerBound(queue.length, (offset) => broker.commitLog.at(queue.at(offset)!)!.storeTimestamp, timeMs);
}

function readableQueues(queueData: QueueData | undefined, broker: BrokerState): number {
  if (!queueData || !isReadable(queueData.perm) || broker.status !== 'running' || broker.partitioned) return 0;
  return queueData.readQueueNums;
}

function newestFirst(a: TopicMessageRow, b: TopicMessageRow): number {
  return b.storeTimestamp - a.storeTimestamp || (a.broker < b.broker ? -1 : a.broker > b.broker ? 1 : 0) || a.queueId - b.queueId || b.queueOffset - a.queueOffset;
}

export function messagesByTopic(timeline: TimelineView, { topic, beginMs, endMs }: MessagesByTopicArgs): MessagesByTopic {
  const state = timeline.state;
  const route = routeOf(state, topic);
  const roles = brokerRoles(state);
  const masters = Object.values(state.brokers).filter((broker) => roles.role[broker.node] === 'master');
  const rows: TopicMessageRow[] = [];
  let total = 0;
  let unreadable = 0;
  for (const broker of masters) {
    const readable = route ? readableQueues(route.queueDatas[broker.name], broker) : 0;
    (broker.consumeQueues[topic] ?? []).forEach((queue, queueId) => {
      const from = offsetByTime(broker, queue, beginMs);
      const to = offsetByTime(broker, queue, endMs + 1);
      if (queueId >= readable) {
        unreadable += to - from;
        return;
      }
      total += to - from;
      // Only the newest page of each queue can be among the newest page of all.
      for (let offset = to - 1; offset >= Math.max(from, to - MESSAGES_BY_TOPIC_PAGE); offset--) {
        const message = broker.commitLog.at(queue.at(offset)!)!;
        rows.push({ msgId: message.msgId, tags: message.tags, keys: message.keys, storeTimestamp: message.storeTimestamp, broker: broker.name, queueId, queueOffset: offset });
      }
    });
  }
  return { rows: rows.sort(newestFirst).slice(0, MESSAGES_BY_TOPIC_PAGE), total, unreadable, nameServer: route?.nameServer ?? null };
}
