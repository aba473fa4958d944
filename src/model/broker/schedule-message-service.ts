/**
 * ScheduleMessageService: delayed messages wait in SCHEDULE_TOPIC_XXXX (queue = level - 1) and
 * are written to their real topic when due. Retries use it too (delay level 3 + reconsumeTimes).
 */
import { PERM_READ, PERM_WRITE } from '../perm.ts';
import type { Sim } from '../sim-types.ts';
import type { BrokerState, ModelState } from '../state.ts';
import { flushAfterPut } from './flush-service.ts';
import { onMasterPut } from './ha-service.ts';
import { putMessage, type PutRequest } from './message-store.ts';
import { updateTopicConfig } from './topic-config-manager.ts';

/** TopicValidator.RMQ_SYS_SCHEDULE_TOPIC. */
export const SCHEDULE_TOPIC = 'SCHEDULE_TOPIC_XXXX';

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** The last text parsed: a run has one messageDelayLevel, and every delayed put asks for it. */
let parsed: { text: string; levels: readonly number[] } = { text: '', levels: [] };

/** MessageStoreConfig.messageDelayLevel parsed: level L (1-based) -> delay in ms. */
export function parseDelayLevels(text: string): readonly number[] {
  if (parsed.text !== text) {
    const levels = text.trim().split(/\s+/).map((token) => Number(token.slice(0, -1)) * (UNIT_MS[token.slice(-1)] ?? 0));
    parsed = { text, levels };
  }
  return parsed.levels;
}

/**
 * TopicConfigManager's constructor creates SCHEDULE_TOPIC_XXXX with SCHEDULE_TOPIC_QUEUE_NUM (18)
 * read and write queues: one per delay level, so level L is queue L-1 (delayLevel2QueueId).
 */
function ensureScheduleTopic(broker: BrokerState, queueNums: number): void {
  if (broker.topicConfigTable[SCHEDULE_TOPIC]) return;
  updateTopicConfig(broker, { topicName: SCHEDULE_TOPIC, readQueueNums: queueNums, writeQueueNums: queueNums, perm: PERM_READ | PERM_WRITE });
}

/** Parks a message for its delay level; the broker writes it to realTopic when due. */
export function putDelayed(state: ModelState, broker: BrokerState, request: PutRequest, sim: Sim): ReturnType<typeof putMessage> {
  const levels = parseDelayLevels(state.config.messageDelayLevel);
  const level = Math.min(request.delayLevel, levels.length);
  ensureScheduleTopic(broker, levels.length);
  const parked = putMessage(state, broker, {
    ...request, topic: SCHEDULE_TOPIC, queueId: level - 1, realTopic: request.topic, realQueueId: request.queueId, delayLevel: level,
  }, sim.now);
  flushAfterPut(state, broker, sim);
  sim.after(levels[level - 1] ?? 0, { kind: 'broker.scheduleDeliver', broker: broker.node, epoch: broker.epoch, index: parked.index, storeId: parked.message.storeId });
  onMasterPut(state, broker, sim);
  return parked;
}
