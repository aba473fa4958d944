/**
 * The summary of a run (docs/summary.md): message counts with conservation, per-queue offsets and
 * lag, and what each NameServer believes.
 */
import type { Detection } from '../model/detections.ts';
import { dict, dictFrom } from '../engine/index.ts';
import { consumedByAnyReader } from '../model/message-lost.ts';
import { isReadable, isWriteable } from '../model/perm.ts';
import type { BrokerState, DuplicateCause, ModelState, SendFailedCause, TopicConfig } from '../model/state.ts';
import { RETRY_GROUP_TOPIC_PREFIX, SCHEDULE_TOPIC } from '../model/defaults.ts';
import type { MessageLostReason, NotOkStatus } from '../model/vocabulary.ts';
import { brokerRoles, mastersNow, type BrokerRoles } from './broker-roles.ts';

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
    /** Messages lost for good by why (message.lost's reason). */
    lostCauses: Partial<Record<MessageLostReason, number>>;
    /** Of the lost, the stored messages some group (or BROADCASTING consumer) consumed: before the loss, or after it from what it had pulled. */
    lostConsumed: number;
    duplicates: number;
    /** Messages whose send finally failed (send.result FAILED), whatever their attempts. */
    failed: number;
    /** Failed messages by why: no queue in the route or the timeout spent waiting for it (no attempt), their attempts failed, or the producer shut down. */
    failedCauses: Partial<Record<SendFailedCause, number>>;
    /** Send attempts (message.sent) and the attempts that failed (send.failed), by reason. */
    sendAttempts: number;
    failedAttempts: number;
    failedAttemptReasons: Record<string, number>;
    /** Sends answered with a SendStatus other than SEND_OK (stored, not flushed or replicated as asked), by status. */
    sentNotOk: Partial<Record<NotOkStatus, number>>;
    /** Duplicates by what brought the message back. */
    duplicateCauses: Partial<Record<DuplicateCause, number>>;
    /** Never-consumable messages by why their queue cannot be read. */
    neverConsumableCauses: Partial<Record<NeverConsumableCause, number>>;
    lagging: number;
    /** Messages a consumer group's members skipped because their subscriptions differ (message.filtered). */
    filteredOut: number;
    /** Messages stored at a queue offset a reader had already read past (message.storedBehind): that reader never reads them. */
    storedBehind: number;
    retried: number;
    deadLettered: number;
    /** Consumptions a BROADCASTING consumer's listener failed: RocketMQ drops them (no retry, no dead letter). */
    dropped: number;
    /**
     * Copies waiting now in SCHEDULE_TOPIC_XXXX on the masters for their delay level: delayed
     * sends, and consumption retries (sendMessageBack) before they reach %RETRY%<group>.
     */
    delayed: number;
  };
  /** Per consumer group (keys sorted): what its consumers consumed (docs/summary.md `groups`). */
  groups: Record<string, GroupSummary>;
  queues: QueueSummary[];
  /** Per NameServer, what it would answer now: nothing while it is down (its tables were in memory only). */
  routes: Record<string, { up: boolean; brokers: string[]; topics: Record<string, number> }>;
  /** Who noticed each broker fault, when and how, in the order they noticed (src/model/detections.ts). */
  detections: Detection[];
}

/**
 * A consumer group's successful consumptions by its listeners, over the run: `consumed` counts each
 * message once per reader (the group in CLUSTERING, each consumer in BROADCASTING), as
 * messages.consumed does, and `duplicates` the consumptions of a message the reader had already had.
 * Their sum is the group's message.consumed lines.
 */
interface GroupSummary {
  consumed: number;
  duplicates: number;
}

const SYSTEM_TOPIC = /^(TBW102|SCHEDULE_TOPIC_XXXX|%RETRY%|%DLQ%)/;

/**
 * Who reads each queue, found once per summary rather than once per queue: a large run has
 * hundreds of queues and a hundred clients, each consumer holding a few of them. Each running
 * consumer's tables are walked once (its offsetTable and processQueueTable hold only the queues
 * it was given), instead of every consumer of a topic being asked about every queue of it.
 */
interface QueueReaders {
  /** The groups of each topic's consumers, in the order of the clients table; a CLUSTERING group reads its %RETRY% topic too. */
  groupsOf: Map<string, string[]>;
  /** Per topic, per queue ("topic@brokerName@queueId"): the furthest offset each group's running consumers hold. */
  liveOffsets: Map<string, GroupFurthest>;
  /** Per topic, per queue: the furthest nextOffset of each group's live ProcessQueue on a running consumer. */
  pulledTo: Map<string, GroupFurthest>;
  /** The broker processes (master and slaves) of each broker name. */
  brokersNamed: Map<string, BrokerState[]>;
}

/** Queue key -> group -> the furthest offset seen. */
type GroupFurthest = Map<string, Map<string, number>>;

function listed<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function furthestOf(byTopic: Map<string, GroupFurthest>, topic: string): GroupFurthest {
  let table = byTopic.get(topic);
  if (!table) byTopic.set(topic, (table = new Map()));
  return table;
}

function noteFurthest(table: GroupFurthest, key: string, group: string, offset: number): void {
  let groups = table.get(key);
  if (!groups) table.set(key, (groups = new Map()));
  const known = groups.get(group);
  if (known === undefined || offset > known) groups.set(group, offset);
}

function noteGroup(readers: QueueReaders, topic: string, group: string): void {
  const groups = readers.groupsOf.get(topic);
  if (!groups) readers.groupsOf.set(topic, [group]);
  else if (!groups.includes(group)) groups.push(group);
}

/** The topic of a queue key ("topic@brokerName@queueId"): RocketMQ's names hold no "@" (TopicValidator). */
function topicOfKey(key: string): string {
  return key.slice(0, key.indexOf('@'));
}

function queueReaders(state: ModelState): QueueReaders {
  const readers: QueueReaders = { groupsOf: new Map(), liveOffsets: new Map(), pulledTo: new Map(), brokersNamed: new Map() };
  for (const client of Object.values(state.clients)) {
    if (client.kind !== 'consumer') continue;
    const { topic, group, messageModel } = client.spec;
    noteGroup(readers, topic, group);
    // DefaultMQPushConsumerImpl.copySubscription: a CLUSTERING consumer also subscribes to its group's retry topic.
    if (messageModel === 'CLUSTERING') noteGroup(readers, `${RETRY_GROUP_TOPIC_PREFIX}${group}`, group);
    if (client.status !== 'running') continue;
    for (const key in client.offsetTable) noteFurthest(furthestOf(readers.liveOffsets, topicOfKey(key)), key, group, client.offsetTable[key]!);
    // A BROADCASTING consumer's own offsets file (LocalFileOffsetStore) keeps a queue its rebalance dropped.
    if (messageModel === 'BROADCASTING') {
      for (const key in client.committedOffsets) noteFurthest(furthestOf(readers.liveOffsets, topicOfKey(key)), key, group, client.committedOffsets[key]!);
    }
    for (const key in client.processQueueTable) {
      const pq = client.processQueueTable[key]!;
      if (!pq.dropped) noteFurthest(furthestOf(readers.pulledTo, topicOfKey(key)), key, group, pq.nextOffset);
    }
  }
  for (const broker of Object.values(state.brokers)) listed(readers.brokersNamed, broker.name, broker);
  return readers;
}

/**
 * What every queue of one topic on one broker name shares: its groups, who holds its offsets, and
 * the committed offset tables of each group on the broker processes of the name (a slave's too).
 */
interface TopicReaders {
  groups: string[];
  live: GroupFurthest | undefined;
  pulled: GroupFurthest | undefined;
  /** Per group (in `groups` order): its offset table ("topic@queueId" -> offset) on each broker process of the name. */
  committed: Record<string, number>[][];
}

function topicReaders(readers: QueueReaders, topic: string, brokerName: string): TopicReaders {
  const groups = readers.groupsOf.get(topic) ?? [];
  const brokers = readers.brokersNamed.get(brokerName) ?? [];
  const committed = groups.map((group) => brokers.map((broker) => broker.consumerOffsetTable[group]).filter((table) => table !== undefined));
  return { groups, live: readers.liveOffsets.get(topic), pulled: readers.pulledTo.get(topic), committed };
}

function unreadableCause(config: TopicConfig | undefined, queueId: number): NeverConsumableCause | null {
  if (config === undefined || !isReadable(config.perm)) return 'notReadable';
  if (queueId < config.readQueueNums) return null;
  return queueId < config.writeQueueNums ? 'writtenAboveRead' : 'readShrunk';
}

/**
 * One queue: per group, the offset its running consumers hold or the name's brokers committed,
 * whichever is further (consumerOffsets), the lag behind maxOffset, and the furthest it reached
 * counting what it already pulled into a live ProcessQueue (for what it never can consume).
 */
function summarizeQueue(readers: TopicReaders, broker: BrokerState, topic: string, queueId: number, maxOffset: number): QueueSummary {
  const config = broker.topicConfigTable[topic];
  const cause = unreadableCause(config, queueId);
  const queueKey = `${topic}@${broker.name}@${queueId}`;
  const offsetKey = `${topic}@${queueId}`;
  const live = readers.live?.get(queueKey);
  const pulled = readers.pulled?.get(queueKey);
  const consumerOffsets = dict<number>();
  const lag = dict<number>();
  // What some group has not reached and now never can: a queue drained before its readQueueNums
  // shrank (the safe way) strands nothing; with no group, everything.
  let unreached = readers.groups.length === 0 ? maxOffset : 0;
  readers.groups.forEach((group, g) => {
    let offset = Math.max(0, live?.get(group) ?? 0);
    for (const table of readers.committed[g]!) {
      const committed = table[offsetKey];
      if (committed !== undefined) offset = Math.max(offset, committed);
    }
    consumerOffsets[group] = offset;
    lag[group] = Math.max(0, maxOffset - offset);
    const reach = Math.max(offset, pulled?.get(group) ?? Number.NEGATIVE_INFINITY);
    unreached = Math.max(unreached, Math.max(0, maxOffset - reach));
  });
  return {
    topic, broker: broker.name, queueId, maxOffset, readable: cause === null,
    writable: config !== undefined && isWriteable(config.perm) && queueId < config.writeQueueNums,
    consumerOffsets, lag, neverConsumable: cause === null ? 0 : unreached, unreadableCause: cause,
  };
}

export function summarizeQueues(state: ModelState): QueueSummary[] {
  return queueSummaries(state).queues;
}

/**
 * The queues of the topics (RocketMQ's own left out), and apart from them those of the groups'
 * retry topics (%RETRY%<group>), which count in a group's lag but are not listed.
 */
function queueSummaries(state: ModelState, roles: BrokerRoles = brokerRoles(state)): { queues: QueueSummary[]; retry: QueueSummary[] } {
  const queues: QueueSummary[] = [];
  const retry: QueueSummary[] = [];
  const readers = queueReaders(state);
  // The masters now: a cut-off old master still claiming brokerId 0 after a controller election
  // would count the group's queues twice (src/sim/broker-roles.ts).
  for (const broker of Object.values(state.brokers)) {
    if (roles.role[broker.node] !== 'master') continue;
    for (const [topic, consumeQueues] of Object.entries(broker.consumeQueues)) {
      const into = !SYSTEM_TOPIC.test(topic) ? queues : topic.startsWith(RETRY_GROUP_TOPIC_PREFIX) ? retry : null;
      if (into === null) continue;
      const topicReadersHere = topicReaders(readers, topic, broker.name);
      consumeQueues.forEach((queue, queueId) => into.push(summarizeQueue(topicReadersHere, broker, topic, queueId, queue.length)));
    }
  }
  return { queues, retry };
}

function summarizeRoutes(state: ModelState): Summary['routes'] {
  const routes: Summary['routes'] = dict();
  for (const ns of Object.values(state.nameServers)) {
    const topics = dict<number>();
    // RouteInfoManager's tables live in the process: a crashed NameServer knows no broker (the model clears them when it starts again).
    if (!ns.up) {
      routes[ns.id] = { up: false, brokers: [], topics };
      continue;
    }
    for (const [topic, queueDatas] of Object.entries(ns.topicQueueTable)) {
      topics[topic] = Object.values(queueDatas).reduce((sum, queueData) => sum + queueData.writeQueueNums, 0);
    }
    routes[ns.id] = { up: true, brokers: Object.keys(ns.brokerAddrTable).sort(), topics };
  }
  return routes;
}

/**
 * ScheduleMessageService's backlog: each level's queue of SCHEDULE_TOPIC_XXXX past its delay
 * offset (the next parked message to deliver), on each group's master now (a slave's copy would
 * count it twice; a master that is down still holds its parked messages and delivers them when it starts).
 */
function delayedNow(state: ModelState, roles: BrokerRoles): number {
  let delayed = 0;
  for (const broker of mastersNow(state, roles)) {
    (broker.consumeQueues[SCHEDULE_TOPIC] ?? []).forEach((queue, queueId) => {
      delayed += Math.max(0, queue.length - (broker.delayOffsetTable[queueId + 1] ?? 0));
    });
  }
  return delayed;
}

/** Counts with their keys in order, so the JSON is the same whatever order they were first met in. */
function sortedCounts<K extends string, V = number>(counts: Partial<Record<K, V>>): Record<K, V> {
  return dictFrom(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as Record<K, V>;
}

function neverConsumableCauses(queues: QueueSummary[]): Partial<Record<NeverConsumableCause, number>> {
  const causes: Partial<Record<NeverConsumableCause, number>> = {};
  for (const queue of queues) {
    if (queue.unreadableCause !== null && queue.neverConsumable > 0) causes[queue.unreadableCause] = (causes[queue.unreadableCause] ?? 0) + queue.neverConsumable;
  }
  return sortedCounts(causes);
}

/**
 * Messages a group passed over (message.filtered) and never consumed after all (a later owner of
 * the queue may have); the runner's reclaim counted the settled ones already (src/model/reclaim.ts).
 */
function filteredOut(state: ModelState, position: number): number {
  return state.stats.settledFilteredOut + notConsumedByReader(state, state.stats.filteredOutIds.keysAt(position), position);
}

/** Of "reader|serial" marks, those whose reader has not consumed the message (by the trace's `position`). */
function notConsumedByReader(state: ModelState, keys: readonly string[], position: number): number {
  return keys.filter((key) => {
    const bar = key.lastIndexOf('|');
    return state.stats.consumedIds[key.slice(0, bar)]?.has(Number(key.slice(bar + 1)), position) !== true;
  }).length;
}

/**
 * Messages stored at an offset their reader had read past (message.storedBehind) and that it has
 * not consumed after all (a rebalance that restarts the queue from a lower committed offset reads
 * them); the runner's reclaim counted the settled ones already (src/model/reclaim.ts).
 */
function storedBehind(state: ModelState, position: number): number {
  return state.stats.settledStoredBehind + notConsumedByReader(state, state.stats.storedBehindIds.keysAt(position), position);
}

function lostConsumed(state: ModelState, position: number): number {
  const { stats } = state;
  return stats.settledLostConsumed + stats.lostIds.keysAt(position).filter((serial) => consumedByAnyReader(stats, serial, position)).length;
}

/** Every group some consumer of the run belongs to, a removed one's included, with its consumers' counts added up (consume-service.ts keeps them). */
function summarizeGroups(state: ModelState): Record<string, GroupSummary> {
  // A map without a prototype: a group may be named constructor or __proto__ (names are just names).
  const groups: Record<string, GroupSummary> = dict();
  for (const client of Object.values(state.clients)) {
    if (client.kind !== 'consumer') continue;
    const group = (groups[client.spec.group] ??= { consumed: 0, duplicates: 0 });
    group.consumed += client.consumedFirst;
    group.duplicates += client.consumedAgain;
  }
  return sortedCounts(groups);
}

export function summarize(state: ModelState, untilMs: number, traceHash: string, traceEvents: number): Summary {
  const position = traceEvents;
  const { stats } = state;
  const roles = brokerRoles(state);
  const { queues, retry } = queueSummaries(state, roles);
  const neverConsumable = queues.reduce((sum, queue) => sum + queue.neverConsumable, 0);
  // A group's retry topic is one of its topics (AdminBrokerProcessor.getConsumeStats collects every
  // topic the group has offsets in, so consumerProgress lists %RETRY%<group> beside its topic).
  const lagging = [...queues, ...retry].reduce((sum, queue) => sum + (queue.readable ? Math.max(0, ...Object.values(queue.lag)) : 0), 0);
  return {
    untilMs,
    traceHash,
    traceEvents,
    messages: {
      sent: stats.sent, stored: stats.stored, consumed: stats.consumed, neverConsumable, lost: stats.lost, lostCauses: sortedCounts(stats.lostCauses), lostConsumed: lostConsumed(state, position), duplicates: stats.duplicates,
      failed: stats.failed, failedCauses: sortedCounts(stats.failedCauses), lagging, filteredOut: filteredOut(state, position), storedBehind: storedBehind(state, position), retried: stats.toRetry, deadLettered: stats.toDlq, dropped: stats.dropped, delayed: delayedNow(state, roles),
      sendAttempts: stats.attempts, failedAttempts: stats.failedAttempts, failedAttemptReasons: sortedCounts(stats.failedAttemptReasons), sentNotOk: sortedCounts(stats.notOkResults),
      duplicateCauses: sortedCounts(stats.duplicateCauses), neverConsumableCauses: neverConsumableCauses(queues),
    },
    groups: summarizeGroups(state),
    queues,
    routes: summarizeRoutes(state),
    detections: state.detections.map((detection) => ({ ...detection })),
  };
}
