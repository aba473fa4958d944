/**
 * TopicConfigManager: a broker's topic table, TBW102 and automatic topic creation
 * (broker/.../topic/TopicConfigManager.java).
 */
import { AppendLog } from '../../engine/index.ts';
import { AUTO_CREATE_TOPIC_KEY_TOPIC, RETRY_AND_DLQ_QUEUE_NUMS, type SimConfig } from '../defaults.ts';
import { PERM_INHERIT, PERM_READ, PERM_WRITE, isInherited } from '../perm.ts';
import type { BrokerState, TopicConfig } from '../state.ts';

/** Creates or updates a topic and its consume queues; bumps the DataVersion when anything changed. */
export function updateTopicConfig(broker: BrokerState, config: TopicConfig): boolean {
  const old = broker.topicConfigTable[config.topicName];
  if (old && old.readQueueNums === config.readQueueNums && old.writeQueueNums === config.writeQueueNums && old.perm === config.perm) {
    return false; // AdminBrokerProcessor.updateAndCreateTopic ignores an identical update
  }
  broker.topicConfigTable[config.topicName] = { ...config };
  const queues = (broker.consumeQueues[config.topicName] ??= []);
  const needed = Math.max(config.readQueueNums, config.writeQueueNums);
  while (queues.length < needed) queues.push(new AppendLog<number>());
  broker.dataVersion++;
  return true;
}

/** The TopicConfigManager constructor: TBW102 with defaultTopicQueueNums queues, perm RWX (7). */
export function createDefaultTopic(broker: BrokerState, config: SimConfig): void {
  if (!config.autoCreateTopicEnable) return;
  const queueNums = config.brokerDefaultTopicQueueNums;
  updateTopicConfig(broker, {
    topicName: AUTO_CREATE_TOPIC_KEY_TOPIC,
    readQueueNums: queueNums,
    writeQueueNums: queueNums,
    perm: PERM_INHERIT | PERM_READ | PERM_WRITE,
  });
}

/**
 * createTopicInSendMessageMethod: a send to an unknown topic creates it on this broker only,
 * with min(client's defaultTopicQueueNums, TBW102's write queues) queues and TBW102's perm
 * without INHERIT. Returns null when TBW102 is missing or not inheritable.
 */
export function createTopicInSendMessageMethod(broker: BrokerState, topic: string, clientDefaultTopicQueueNums: number): TopicConfig | null {
  const defaultTopic = broker.topicConfigTable[AUTO_CREATE_TOPIC_KEY_TOPIC];
  if (!defaultTopic || !isInherited(defaultTopic.perm)) return null;
  const queueNums = Math.min(clientDefaultTopicQueueNums, defaultTopic.writeQueueNums);
  const created: TopicConfig = {
    topicName: topic,
    readQueueNums: queueNums,
    writeQueueNums: queueNums,
    perm: defaultTopic.perm & ~PERM_INHERIT,
  };
  updateTopicConfig(broker, created);
  return created;
}

/** Retry and DLQ topics are created on demand with one queue, perm RW (MixAll, SubscriptionGroupConfig). */
export function ensureSystemTopic(broker: BrokerState, topic: string): void {
  if (broker.topicConfigTable[topic]) return;
  updateTopicConfig(broker, { topicName: topic, readQueueNums: RETRY_AND_DLQ_QUEUE_NUMS, writeQueueNums: RETRY_AND_DLQ_QUEUE_NUMS, perm: PERM_READ | PERM_WRITE });
}
