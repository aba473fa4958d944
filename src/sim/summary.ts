/**
 * The summary of a run (docs/summary.md): message counts with conservation, per-queue offsets and
 * lag, and what each NameServer believes.
 */
import type { Detection } from '../model/detections.ts';
import { copyDict, dict, dictFrom } from '../engine/index.ts';
import { isReadable, isWriteable } from '../model/perm.ts';
import type { BrokerState, ConsumerState, DuplicateCause, ModelState, TopicConfig } from '../model/state.ts';
import { brokerRoles } from './broker-roles.ts';

export interface QueueSummary {
  topic: string;
  broker: string;
  queueId: number;
  maxOffset: number;
  readable: boolean;
  writable: boolean;
  consumerOffsets: Record<string, number>;
  lag: Record<string, number>;
  /**
   * Messages no consumer may pull any more (the queue id is at or above readQueueNums, or the
   * topic's perm has no R) that some group has neither consumed nor already pulled into a
   * consumer's ProcessQueue; every message when no group reads the topic.
   */
  neverConsumable: number;
  /** Why the queue cannot be read, when it cannot (see NeverConsumableCause). */
  unreadableCause: NeverConsumableCause | null;
}

/**
 * Why a queue cannot be read: it is written but sits at or above readQueueNums (write > read);
 * readQueueNums shrank below it (it is at or above both counts now); the topic's perm has no R.
 */
export type NeverConsumableCause = 'writtenAboveRead' | 'readShrunk' | 'notReadable';

export interface Summary {
  untilMs: number;
  traceHash: string;
  traceEvents: number;
  messages: {
    sent: number;
    stored: number;
    consumed: number;
    neverConsumable: number;
    lost: number;
    duplicates: number;
    /** Messages whose send finally failed (send.result FAILED), whatever their attempts. */
    failed: number;
    /** Send attempts (message.sent) and the attempts that failed (send.failed), by reason. */
    sendAttempts: number;
    failedAttempts: number;
    failedAttemptReasons: Record<string, number>;
    /** Duplicates by what brought the message back. */
    duplicateCauses: Partial<Record<DuplicateCause, number>>;
    /** Never-consumable messages by why their queue cannot be read. */
    neverConsumableCauses: Partial<Record<NeverConsumableCause, number>>;
    lagging: number;
    /** Messages a consumer group's members skipped because their subscriptions differ (message.filtered). */
    filteredOut: number;
    retried: number;
    deadLettered: number;
  };
  queues: QueueSummary[];
  routes: Record<string, { brokers: string[]; topics: Record<string, number> }>;
  /** Who noticed each broker fault, when and how, in the order they noticed (src/model/detections.ts). */
  detections: Detection[];
}

const SYSTEM_TOPIC = /^(TBW102|SCHEDULE_TOPIC_XXXX|%RETRY%|%DLQ%)/;

/**
 * Who reads each queue, found once per summary rather than once per queue: a large run has
 * hundreds of queues and a hundred clients, and walking every client for every queue was most of
 * the cost of a summary.
 */
interface QueueReaders {
  /** The consumers of each topic, in the order of the clients table. */
  consumersOf: Map<string, ConsumerState[]>;
  /** The broker processes (master and slaves) of each broker name. */
  brokersNamed: Map<string, BrokerState[]>;
}

function listed<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function queueReaders(state: ModelState): QueueReaders {
  const readers: QueueReaders = { consumersOf: new Map(), brokersNamed: new Map() };
  for (const client of Object.values(state.clients)) if (client.kind === 'consumer') listed(readers.consumersOf, client.spec.topic, client);
  for (const broker of Object.values(state.brokers)) listed(readers.brokersNamed, broker.name, broker);
  return readers;
}

/** Consumer groups per topic, with the offsets each group's consumers hold or committed. */
function groupOffsets(readers: QueueReaders, topic: string, brokerName: string, queueId: number): Record<string, number> {
  const offsets = dict<number>();
  const key = `${topic}@${brokerName}@${queueId}`;
  for (const client of readers.consumersOf.get(topic) ?? []) {
    offsets[client.spec.group] ??= 0;
    const live = client.status === 'running' ? client.offsetTable[key] : undefined;
    if (live !== undefined) offsets[client.spec.group] = Math.max(offsets[client.spec.group]!, live);
  }
  for (const broker of readers.brokersNamed.get(brokerName) ?? []) {
    for (const group of Object.keys(offsets)) {
      const committed = broker.consumerOffsetTable[group]?.[`${topic}@${queueId}`];
      if (committed !== undefined) offsets[group] = Math.max(offsets[group]!, committed);
    }
  }
  return offsets;
}

/** Per group, the furthest offset it consumed, committed or already pulled into a live ProcessQueue. */
function groupReach(readers: QueueReaders, topic: string, brokerName: string, queueId: number, offsets: Record<string, number>): number[] {
  const reach = copyDict(offsets);
  const key = `${topic}@${brokerName}@${queueId}`;
  for (const client of readers.consumersOf.get(topic) ?? []) {
    if (client.status !== 'running') continue;
    const pq = client.processQueueTable[key];
    if (pq && !pq.dropped) reach[client.spec.group] = Math.max(reach[client.spec.group] ?? 0, pq.nextOffset);
  }
  return Object.values(reach);
}

function unreadableCause(config: TopicConfig | undefined, queueId: number): NeverConsumableCause | null {
  if (config === undefined || !isReadable(config.perm)) return 'notReadable';
  if (queueId < config.readQueueNums) return null;
  return queueId < config.writeQueueNums ? 'writtenAboveRead' : 'readShrunk';
}

function summarizeQueue(readers: QueueReaders, broker: BrokerState, topic: string, queueId: number, maxOffset: number): QueueSummary {
  const config = broker.topicConfigTable[topic];
  const cause = unreadableCause(config, queueId);
  const consumerOffsets = groupOffsets(readers, topic, broker.name, queueId);
  const lag = dictFrom(Object.entries(consumerOffsets).map(([group, offset]) => [group, Math.max(0, maxOffset - offset)]));
  // What some group has not reached and now never can: a queue drained before its readQueueNums
  // shrank (the safe way) strands nothing; with no group, everything.
  const reach = groupReach(readers, topic, broker.name, queueId, consumerOffsets);
  const unreached = reach.length === 0 ? maxOffset : Math.max(...reach.map((offset) => Math.max(0, maxOffset - offset)));
  return {
    topic, broker: broker.name, queueId, maxOffset, readable: cause === null,
    writable: config !== undefined && isWriteable(config.perm) && queueId < config.writeQueueNums,
    consumerOffsets, lag, neverConsumable: cause === null ? 0 : unreached, unreadableCause: cause,
  };
}

export function summarizeQueues(state: ModelState): QueueSummary[] {
  const queues: QueueSummary[] = [];
  // The masters now: a cut-off old master still claiming brokerId 0 after a controller election
  // would count the group's queues twice (src/sim/broker-roles.ts).
  const roles = brokerRoles(state);
  const readers = queueReaders(state);
  for (const broker of Object.values(state.brokers)) {
    if (roles.role[broker.node] !== 'master') continue;
    for (const [topic, consumeQueues] of Object.entries(broker.consumeQueues)) {
      if (SYSTEM_TOPIC.test(topic)) continue;
      consumeQueues.forEach((queue, queueId) => queues.push(summarizeQueue(readers, broker, topic, queueId, queue.length)));
    }
  }
  return queues;
}

function summarizeRoutes(state: ModelState): Summary['routes'] {
  const routes: Summary['routes'] = dict();
  for (const ns of Object.values(state.nameServers)) {
    const topics = dict<number>();
    for (const [topic, queueDatas] of Object.entries(ns.topicQueueTable)) {
      topics[topic] = Object.values(queueDatas).reduce((sum, queueData) => sum + queueData.writeQueueNums, 0);
    }
    routes[ns.id] = { brokers: Object.keys(ns.brokerAddrTable).sort(), topics };
  }
  return routes;
}

/** Counts with their keys in order, so the JSON is the same whatever order they were first met in. */
function sortedCounts<K extends string>(counts: Partial<Record<K, number>>): Record<K, number> {
  return dictFrom(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as Record<K, number>;
}

function neverConsumableCauses(queues: QueueSummary[]): Partial<Record<NeverConsumableCause, number>> {
  const causes: Partial<Record<NeverConsumableCause, number>> = {};
  for (const queue of queues) {
    if (queue.unreadableCause !== null && queue.neverConsumable > 0) causes[queue.unreadableCause] = (causes[queue.unreadableCause] ?? 0) + queue.neverConsumable;
  }
  return sortedCounts(causes);
}

/** Messages a group passed over (message.filtered) and never consumed after all (a later owner of the queue may have). */
function filteredOut(state: ModelState, position: number): number {
  return state.stats.filteredOutIds.keysAt(position).filter((key) => {
    const bar = key.lastIndexOf('|');
    return state.stats.consumedIds[key.slice(0, bar)]?.has(Number(key.slice(bar + 1)), position) !== true;
  }).length;
}

export function summarize(state: ModelState, untilMs: number, traceHash: string, traceEvents: number): Summary {
  const position = traceEvents;
  const { stats } = state;
  const queues = summarizeQueues(state);
  const neverConsumable = queues.reduce((sum, queue) => sum + queue.neverConsumable, 0);
  const lagging = queues.reduce((sum, queue) => sum + (queue.readable ? Math.max(0, ...Object.values(queue.lag)) : 0), 0);
  // ONEWAY messages that vanished on the way (sent, neither stored nor reported failed), and
  // stored copies a power loss took before any other replica had them (message.lost).
  const lost = stats.onewayIds.keysAt(position).filter((serial) => !stats.storedIds.has(serial, position)).length + stats.lost;
  return {
    untilMs,
    traceHash,
    traceEvents,
    messages: {
      sent: stats.sent, stored: stats.stored, consumed: stats.consumed, neverConsumable, lost, duplicates: stats.duplicates,
      failed: stats.failed, lagging, filteredOut: filteredOut(state, position), retried: stats.toRetry, deadLettered: stats.toDlq,
      sendAttempts: stats.attempts, failedAttempts: stats.failedAttempts, failedAttemptReasons: sortedCounts(stats.failedAttemptReasons),
      duplicateCauses: sortedCounts(stats.duplicateCauses), neverConsumableCauses: neverConsumableCauses(queues),
    },
    queues,
    routes: summarizeRoutes(state),
    detections: state.detections.map((detection) => ({ ...detection })),
  };
}
