/**
 * Consumer progress as a broker answers GET_CONSUME_STATS (AdminBrokerProcessor.getConsumeStats),
 * gathered over the brokers an admin tool asks (brokers-asked.ts: each brokerName's master the
 * NameServer lists, else its slave), as the Dashboard's consumer progress and `mqadmin
 * consumerProgress` show it: per queue id below readQueueNums (only those: the loop stops there),
 * the queue's max offset, the offset the group committed on that broker (0 when none), and their
 * difference. diffTotal is the sum. The committed offset trails what the consumers have consumed
 * until their next pull carries it or the next persistConsumerOffsetInterval round, so diffTotal
 * counts messages consumed but not yet committed, which the summary's lagging does not; it never
 * counts a queue no consumer can read. A group's topics are those it has offsets in
 * (ConsumerOffsetManager.whichTopicByConsumer): its own, and its retry topic %RETRY%<group> once
 * its consumer has committed an offset there; each is a ConsumeStats of its own, as the
 * Dashboard shows a table per topic.
 */
import { RETRY_GROUP_TOPIC_PREFIX } from '../../model/defaults.ts';
import { isReadable } from '../../model/perm.ts';
import type { BrokerState, ModelState } from '../../model/state.ts';
import { isSystemTopic } from '../system-topics.ts';

/** OffsetWrapper of one queue. */
export interface QueueProgress {
  broker: string;
  /** The broker process that answered (its node as drawn). */
  node: string;
  queueId: number;
  brokerOffset: number;
  consumerOffset: number;
  diff: number;
}

/** ConsumeStats of a group on one of its topics, over the brokers asked. */
export interface ConsumeStats {
  group: string;
  topic: string;
  /** Whether `topic` is the group's retry topic (%RETRY%<group>). */
  retry: boolean;
  diffTotal: number;
  /** By broker name, then queue id. */
  queues: QueueProgress[];
}

/** The consumer groups of the run's consumers and the topic each subscribes (RocketMQ's own topics left out), by group name. */
function consumerGroups(state: Readonly<ModelState>): [string, string][] {
  const groups = new Map<string, string>();
  for (const client of Object.values(state.clients)) if (client.kind === 'consumer' && !isSystemTopic(client.spec.topic)) groups.set(client.spec.group, client.spec.topic);
  return [...groups].sort(([a], [b]) => (a < b ? -1 : 1));
}

/** Every consumer group's progress over `brokers` (those an admin tool asks: brokers-asked.ts). */
export function consumeStats(state: Readonly<ModelState>, brokers: readonly BrokerState[]): ConsumeStats[] {
  return consumerGroups(state).flatMap(([group, topic]) => topicsOf(brokers, group, topic).map((one) => topicStats(brokers, group, one, one !== topic)));
}

/**
 * ConsumerOffsetManager.whichTopicByConsumer over the brokers asked: the group's topic, then its
 * retry topic, each once a broker holds an offset of the group there. None before its consumers'
 * first commit: no broker knows the group yet, and mqadmin consumerProgress fails ("offset table
 * is empty"), so the Dashboard shows no progress for it, not a lag of everything stored so far.
 */
function topicsOf(brokers: readonly BrokerState[], group: string, topic: string): string[] {
  const committed = (one: string) => brokers.some((broker) => Object.keys(broker.consumerOffsetTable[group] ?? {}).some((key) => key.startsWith(`${one}@`)));
  return [topic, `${RETRY_GROUP_TOPIC_PREFIX}${group}`].filter(committed);
}

function topicStats(brokers: readonly BrokerState[], group: string, topic: string, retry: boolean): ConsumeStats {
  const queues: QueueProgress[] = [];
  let diffTotal = 0;
  for (const broker of brokers) {
    const config = broker.topicConfigTable[topic];
    if (!config || !isReadable(config.perm)) continue;
    (broker.consumeQueues[topic] ?? []).slice(0, config.readQueueNums).forEach((queue, queueId) => {
      const consumerOffset = broker.consumerOffsetTable[group]?.[`${topic}@${queueId}`] ?? 0;
      // Not clamped (ConsumeStats.computeTotalDiff): a slave answering for its dead master may
      // hold a committed offset beyond the messages it received, a negative diff.
      const diff = queue.length - consumerOffset;
      diffTotal += diff;
      queues.push({ broker: broker.name, node: broker.node, queueId, brokerOffset: queue.length, consumerOffset, diff });
    });
  }
  return { group, topic, retry, diffTotal, queues };
}
