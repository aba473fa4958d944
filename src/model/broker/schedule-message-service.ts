/**
 * ScheduleMessageService: delayed messages wait in SCHEDULE_TOPIC_XXXX (queue = level - 1) and
 * are written to their real topic when due. Retries use it too (delay level 3 + reconsumeTimes).
 * It runs on a master only (BrokerController.changeScheduleServiceStatus): in controller mode a
 * broker that becomes a slave stops it, and one that becomes master starts it, delivering what
 * its SCHEDULE_TOPIC_XXXX queues hold from the delay offsets SlaveSynchronize last copied.
 */
import { SCHEDULE_TOPIC } from '../defaults.ts';
import { PERM_READ, PERM_WRITE } from '../perm.ts';
import type { Sim } from '../sim-types.ts';
import type { BrokerState, ModelState, StoredMessage } from '../state.ts';
import { parseDelayLevels } from './delay-levels.ts';
import { flushAfterPut } from './flush-service.ts';
import { onMasterPut } from './ha-service.ts';
import { putMessage, type PutRequest } from './message-store.ts';
import { updateTopicConfig } from './topic-config-manager.ts';

/** ScheduleMessageService.FIRST_DELAY_TIME: start() runs each level's first delivery task 1 s later. */
const FIRST_DELAY_TIME_MS = 1_000;

/**
 * TopicConfigManager's constructor creates SCHEDULE_TOPIC_XXXX with SCHEDULE_TOPIC_QUEUE_NUM (18)
 * read and write queues: one per delay level, so level L is queue L-1 (delayLevel2QueueId).
 */
function ensureScheduleTopic(broker: BrokerState, queueNums: number): void {
  if (broker.topicConfigTable[SCHEDULE_TOPIC]) return;
  updateTopicConfig(broker, { topicName: SCHEDULE_TOPIC, readQueueNums: queueNums, writeQueueNums: queueNums, perm: PERM_READ | PERM_WRITE });
}

/** Parks a message for its delay level; the broker writes it to realTopic when due. */
export function putDelayed(state: ModelState, broker: BrokerState, request: PutRequest, sim: Sim): StoredMessage {
  const levels = parseDelayLevels(state.config.messageDelayLevel);
  const level = Math.min(request.delayLevel, levels.length);
  ensureScheduleTopic(broker, levels.length);
  const parked = putMessage(state, broker, {
    ...request, topic: SCHEDULE_TOPIC, queueId: level - 1, realTopic: request.topic, realQueueId: request.queueId, delayLevel: level,
  }, sim.now);
  flushAfterPut(state, broker, sim);
  scheduleDelivery(broker, parked, broker.commitLog.length - 1, sim.now + (levels[level - 1] ?? 0), sim);
  onMasterPut(state, broker, sim);
  return parked;
}

function scheduleDelivery(broker: BrokerState, parked: StoredMessage, index: number, at: number, sim: Sim): void {
  sim.schedule(at, { kind: 'broker.scheduleDeliver', broker: broker.node, epoch: broker.epoch, scheduleEpoch: broker.scheduleEpoch, index, storeId: parked.storeId });
}

/** Whether a delivery task belongs to the service running now: none runs on a slave, and a task from before a stop is void. */
export function isScheduleServiceTask(broker: BrokerState, event: { scheduleEpoch: number }): boolean {
  return broker.role !== 'SLAVE' && broker.scheduleEpoch === event.scheduleEpoch;
}

/** ScheduleMessageService.updateOffset: the level's queue is delivered up to this parked message. */
export function updateDelayOffset(broker: BrokerState, parked: StoredMessage): void {
  broker.delayOffsetTable[parked.delayLevel] = parked.queueOffset + 1;
}

/** changeScheduleServiceStatus(false) (ReplicasManager.changeToSlave): pending delivery tasks are dropped. */
export function stopScheduleService(broker: BrokerState): void {
  broker.scheduleEpoch++;
}

/**
 * changeScheduleServiceStatus(true) (ReplicasManager.changeToMaster): start() loads the delay
 * offsets, corrected to the queue's end (correctDelayOffset), and each level's first task, 1 s
 * later, delivers every parked message from there on: those already due at once, the rest when due.
 */
export function startScheduleService(state: ModelState, broker: BrokerState, sim: Sim): void {
  broker.scheduleEpoch++;
  const levels = parseDelayLevels(state.config.messageDelayLevel);
  (broker.consumeQueues[SCHEDULE_TOPIC] ?? []).forEach((queue, queueId) => {
    const level = queueId + 1;
    const from = Math.min(broker.delayOffsetTable[level] ?? 0, queue.length);
    broker.delayOffsetTable[level] = from;
    for (let offset = from; offset < queue.length; offset++) {
      const index = queue.at(offset)!;
      const parked = broker.commitLog.at(index)!;
      scheduleDelivery(broker, parked, index, Math.max(parked.storeTimestamp + (levels[level - 1] ?? 0), sim.now + FIRST_DELAY_TIME_MS), sim);
    }
  });
}
