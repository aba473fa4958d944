/**
 * Who may still read a broker group's CommitLog, and from where: the lowest index any of them can
 * ever read, for the headless runner to free what lies below (src/model/reclaim.ts). The replicas
 * of a group (master and slaves) share one index space (a slave appends at its master's index,
 * ha-service.ts), so one point serves them all. Everything that reads a stored message counts:
 *
 * - consumers, per queue: each group's committed offset on every replica (ConsumerOffsetManager;
 *   a rebalance restarts a queue from it: RebalancePushImpl.computePullFromWhere), a group with
 *   none there starting at 0 (ConsumerManageProcessor.queryConsumerOffset answers 0 while the
 *   queue's first message is in memory: broker-processor.ts), BROADCASTING consumers at 0 (their
 *   topics kept whole: one with CONSUME_FROM_FIRST_OFFSET reads from 0, its LocalFileOffsetStore
 *   starting empty), each running consumer's own offsets and ProcessQueue, pulls held
 *   (PullRequestHoldService) or on their way, offsets on their way to a broker;
 * - a queue no consumer may pull (queue id at or above readQueueNums, or no R in perm) on every
 *   replica, with no updateTopic still to come for its topic, has no readers;
 * - HAService: each slave's length (it reports it and is sent what follows), each connection's
 *   nextIndex and ackIndex (group-transfer-service.ts reads the acknowledged entry);
 * - ScheduleMessageService timers still to fire (broker.scheduleDeliver reads the parked entry)
 *   and, in controller mode, any replica's SCHEDULE_TOPIC_XXXX queues from its delay offsets on
 *   (made master, it delivers them: schedule-message-service.ts startScheduleService);
 * - a power loss: recovery keeps what was flushed and reads back to it (flush-service.ts,
 *   durableLength), so nothing at or above the last flushed entry is freed.
 */
import { isReadable } from '../perm.ts';
import type { InFlight } from '../in-flight.ts';
import type { BrokerState, ModelState } from '../state.ts';
import { RETRY_GROUP_TOPIC_PREFIX, SCHEDULE_TOPIC } from '../defaults.ts';
import { topicQueueKey } from './queue-keys.ts';

/** What every broker group's readers are, gathered once per reclaim rather than once per queue. */
export interface Readers {
  state: ModelState;
  flight: InFlight;
  /** Per topic, the groups that read it now or ever (the timeline's added consumers included): its subscribers, and the group of a retry topic. */
  groupsByTopic: Map<string, string[]>;
  /** Topics a BROADCASTING consumer reads, now or once the timeline adds it: kept whole, as one with CONSUME_FROM_FIRST_OFFSET starts from 0. */
  broadcastTopics: Set<string>;
  /** By "topic@brokerName@queueId": the lowest offset a running consumer holds (its offsets, its ProcessQueue). */
  consumerOffsets: Map<string, number>;
}

function lower(map: Map<string, number>, key: string, value: number): void {
  const known = map.get(key);
  if (value >= 0 && (known === undefined || value < known)) map.set(key, value);
}

export function gatherReaders(state: ModelState, flight: InFlight): Readers {
  const groupsByTopic = new Map<string, string[]>();
  for (const [group, members] of Object.entries(state.groupMembers)) {
    for (const topic of new Set([...members.map((member) => member.topic), RETRY_GROUP_TOPIC_PREFIX + group])) {
      groupsByTopic.set(topic, [...(groupsByTopic.get(topic) ?? []), group]);
    }
  }
  const broadcastTopics = new Set(flight.broadcastLater);
  const consumerOffsets = new Map<string, number>();
  for (const client of Object.values(state.clients)) {
    if (client.kind !== 'consumer') continue;
    if (client.spec.messageModel === 'BROADCASTING') broadcastTopics.add(client.spec.topic);
    // A consumer removed, crashed or hung never pulls or consumes again (its handlers ask for a
    // running one); what it committed is on the brokers or on its way, counted there.
    if (client.status !== 'running') continue;
    for (const [key, offset] of Object.entries(client.offsetTable)) lower(consumerOffsets, key, offset);
    for (const [key, offset] of Object.entries(client.committedOffsets)) lower(consumerOffsets, key, offset);
    for (const [key, pq] of Object.entries(client.processQueueTable)) {
      lower(consumerOffsets, key, pq.nextOffset);
      for (const offset of pq.outstanding) lower(consumerOffsets, key, offset);
    }
  }
  return { state, flight, groupsByTopic, broadcastTopics, consumerOffsets };
}

/** The lowest CommitLog index any reader may still read in this broker group (its replicas). */
export function lowestReadIndex(replicas: BrokerState[], readers: Readers): number {
  const { flight } = readers;
  let lowest = Infinity;
  for (const broker of replicas) {
    lowest = Math.min(lowest, broker.commitLog.length, lastFlushedIndex(broker), flight.commitLogIndexes.get(broker.node) ?? Infinity);
    for (const connection of Object.values(broker.haConnections)) lowest = Math.min(lowest, connection.nextIndex, connection.ackIndex);
  }
  for (const broker of replicas) {
    for (const [topic, queues] of Object.entries(broker.consumeQueues)) {
      queues.forEach((queue, queueId) => {
        if (queue.length === queue.minIndex) return;
        const offset = lowestReadOffset(replicas, topic, queueId, readers);
        if (offset < queue.length) lowest = Math.min(lowest, queue.at(Math.max(0, offset))!);
      });
    }
  }
  return lowest;
}

/** The entry a power loss's recovery reads last (durableLength stops at it): the last one wholly flushed. */
function lastFlushedIndex(broker: BrokerState): number {
  let length = broker.commitLog.length;
  while (length > broker.commitLog.minIndex) {
    const message = broker.commitLog.at(length - 1)!;
    if (message.commitLogOffset + message.size <= broker.flushedPhyOffset) break;
    length--;
  }
  return length - 1;
}

function readable(replicas: BrokerState[], topic: string, queueId: number, flight: InFlight): boolean {
  if (flight.updatedLater.has(topic)) return true;
  return replicas.some((broker) => {
    const config = broker.topicConfigTable[topic];
    return config !== undefined && isReadable(config.perm) && queueId < config.readQueueNums;
  });
}

/**
 * The lowest offset of this queue a consumer may still read (Infinity when none ever will).
 * Requests on their way do not count for a queue no replica lets anyone pull: a pull there is
 * refused, and an offset set there is never read.
 */
function lowestReadOffset(replicas: BrokerState[], topic: string, queueId: number, readers: Readers): number {
  if (topic === SCHEDULE_TOPIC && readers.state.config.enableControllerMode) return lowestDelayOffset(replicas, queueId);
  const groups = readers.groupsByTopic.get(topic) ?? [];
  if (groups.length === 0 && !readers.broadcastTopics.has(topic)) return Infinity;
  if (!readable(replicas, topic, queueId, readers.flight)) return lowestHeldPull(replicas, topic, queueId);
  if (readers.broadcastTopics.has(topic)) return 0;
  const name = replicas[0]!.name;
  const key = topicQueueKey(topic, queueId);
  let lowest = Math.min(
    lowestHeldPull(replicas, topic, queueId),
    readers.flight.queueOffsets.get(name)?.get(key) ?? Infinity,
    readers.consumerOffsets.get(`${topic}@${name}@${queueId}`) ?? Infinity,
  );
  // A restart loads the persisted offsets (consumer-offset-manager.ts): a group may read again from there.
  for (const group of groups) {
    for (const broker of replicas) {
      lowest = Math.min(lowest, broker.consumerOffsetTable[group]?.[key] ?? 0, broker.persistedOffsetTable[group]?.[key] ?? 0);
    }
  }
  return lowest;
}

/** Controller mode: where each replica's ScheduleMessageService would start on this level's queue (queue id = level - 1) if made master. */
function lowestDelayOffset(replicas: BrokerState[], queueId: number): number {
  return Math.min(...replicas.map((broker) => broker.delayOffsetTable[queueId + 1] ?? 0));
}

/** Pulls a broker holds (long polling) read from their offset when woken, whatever the queue's perm is by then. */
function lowestHeldPull(replicas: BrokerState[], topic: string, queueId: number): number {
  let lowest = Infinity;
  for (const broker of replicas) {
    for (const held of broker.pullHolds[topicQueueKey(topic, queueId)] ?? []) lowest = Math.min(lowest, held.queueOffset);
  }
  return lowest;
}
