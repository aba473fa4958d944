/**
 * What the queue panel shows, derived from the state and the summary at one time: for each
 * user topic and master broker, one cell per queue id with its writable / readable flags, its
 * message count (maxOffset), each group's offset and lag; and the consumers that own only
 * queues no producer writes to now.
 */
import {
  brokerRoles, dictFrom, isReadable, isSystemTopic, isWriteable, mastersNow, perm2String, rejectsPulls, slaveReads, type BrokerRoles, type BrokerState, type BrokerStatus, type ConsumerState, type ModelState,
} from '../../sim/index.ts';
import type { QueueSummary, Summary } from '../../sim/summary.ts';

export interface QueueCell {
  queueId: number;
  /** Messages in the queue: its ConsumeQueue's maxOffset. */
  count: number;
  writable: boolean;
  readable: boolean;
  /** Written (or once written) but never given to a consumer. */
  neverConsumable: number;
  /** What becomes of its messages (queueFate). */
  fate: QueueFate;
  /** Not readable any more: the messages some group has not consumed yet (its largest lag). */
  left: number;
  /** Not readable any more: the running consumers that pulled messages of it they have not consumed yet. */
  pulledBy: string[];
  /**
   * Readable but not writable on its broker, as an updateTopic that lowered writeQueueNums leaves
   * it: `written` while a running producer's route still lists it (it writes on until its next
   * route pull), `draining` while a group has yet to consume what it holds, `idle` once a consumer
   * that owns it gets no new message and has nothing left; null for any other queue.
   */
  unwritten: 'written' | 'draining' | 'idle' | null;
  offsets: Record<string, number>;
  lag: Record<string, number>;
}

/** The statuses of a broker process that was started and is gone now. */
type DownStatus = Extract<BrokerStatus, 'crashed' | 'shutdown'>;

/**
 * A master that crashed or was shut down: producers write nothing to its queues
 * (topicRouteData2TopicPublishInfo takes brokerNames with a master only), and its consumers read
 * from `reader`, its running slave (findBrokerAddressInSubscribe), or from nobody (null): not from
 * `refusedBy`, a running slave that refuses every pull (5.x without slaveReadEnable).
 */
export interface MasterDown {
  master: string;
  status: DownStatus;
  reader: string | null;
  refusedBy: string | null;
}

export interface BrokerQueues {
  broker: string;
  writeQueueNums: number;
  readQueueNums: number;
  perm: string;
  /** The perm the running NameServers' route gives it when mqadmin wipeWritePerm took W off there only (nameServerWiped), else null. */
  nameServerPerm: string | null;
  /** The master's state when it is down, else null; the cells' counts and offsets stay the master's. */
  down: MasterDown | null;
  cells: QueueCell[];
}

interface TopicQueues {
  topic: string;
  groups: string[];
  brokers: BrokerQueues[];
  /** The largest count among the topic's cells, for the bars. */
  maxCount: number;
}

/** Why a running consumer gets no message, computed from what it and the brokers hold. */
export type IdleReason =
  | { kind: 'noRoute' }
  | { kind: 'noReadableQueues' }
  /** RebalanceImpl: a consumer missing from the broker's list of its group is given nothing. */
  | { kind: 'notInConsumerList' }
  | { kind: 'moreConsumersThanQueues'; consumers: number; queues: number }
  /** Enough queues, but the strategy (CONSISTENT_HASH, CONFIG, MACHINE_ROOM ...) left it none. */
  | { kind: 'strategyLeftNone'; strategy: string; consumers: number; queues: number }
  /** Listed now, but its last rebalance ran before the brokers listed it: AVG and AVG_BY_CIRCLE give it queues at the next. */
  | { kind: 'rebalancePending' }
  | { kind: 'onlyUnwrittenQueues'; queues: string[] }
  /** Its queues are all on brokerNames whose master is down or cut off, while another master takes the topic's messages. */
  | { kind: 'masterDown'; brokers: string[]; listed: StillListed };

/**
 * Why the consumer's route still lists brokerNames whose master is gone, so a rebalance leaves it
 * their queues: a slave of theirs is registered (RouteInfoManager drops a brokerName's QueueData
 * only with its last address; 'refusingSlave' when it refuses the pulls too, PullMessageProcessor.rejectRequest); a NameServer still lists the cut-off master until its idle channel
 * closes or its registration expires; or neither, the consumer's cached route predating the drop until its next route pull.
 */
type StillListed = 'slave' | 'refusingSlave' | 'notExpired' | 'staleRoute';

export interface IdleConsumer {
  consumer: string;
  group: string;
  topic: string;
  /** The queues it owns ("broker-a:5"); empty when it owns none. */
  queues: string[];
  reason: IdleReason;
}

/**
 * What becomes of the messages of a queue, by its TopicConfig now (not a master's passing outage):
 * - readable: consumers may be given its id (below readQueueNums, perm R);
 * - never: it holds messages no group is given now (summary's neverConsumable);
 * - pulled: not readable, and what some group has not consumed sits in a consumer's ProcessQueue,
 *   pulled before; it consumes them until a rebalance drops the queue (RebalanceImpl
 *   updateProcessQueueTableInRebalance sets it dropped, and ConsumeRequest skips a dropped queue);
 * - filling: not readable, nothing left in it now, but producers write its id (below
 *   writeQueueNums): each new message is unconsumable;
 * - drained: not readable, every group consumed what it held, and nothing can arrive (id at or
 *   above writeQueueNums, or perm without W: the broker refuses such a send);
 * - empty: not readable, never held a message, and none can arrive.
 */
export type QueueFate = 'readable' | 'never' | 'pulled' | 'filling' | 'drained' | 'empty';

/** The messages of a queue some group has not consumed: its largest lag, every message with no group. */
export function leftIn(queue: QueueSummary): number {
  const lags = Object.values(queue.lag);
  return lags.length === 0 ? queue.maxOffset : Math.max(0, ...lags);
}

export function queueFate(queue: QueueSummary): QueueFate {
  if (queue.readable) return 'readable';
  if (queue.neverConsumable > 0) return 'never';
  if (leftIn(queue) > 0) return 'pulled';
  if (queue.writable) return 'filling';
  return queue.maxOffset > 0 ? 'drained' : 'empty';
}

/** The running consumers holding a live ProcessQueue of one of `queues` past their group's offset: pulled, not consumed yet. */
export function holdersOf(state: ModelState, queues: readonly QueueSummary[]): string[] {
  const holders = new Set<string>();
  for (const client of Object.values(state.clients)) {
    if (client.kind !== 'consumer' || client.status !== 'running') continue;
    for (const queue of queues) {
      const pq = client.processQueueTable[`${queue.topic}@${queue.broker}@${queue.queueId}`];
      if (pq && !pq.dropped && pq.nextOffset > (queue.consumerOffsets[client.spec.group] ?? 0)) holders.add(client.id);
    }
  }
  return [...holders].sort();
}

type TopicConfig = BrokerState['topicConfigTable'][string];

/** A queue id the broker holds no ConsumeQueue for yet: empty, readable and writable by the topic's config. */
function emptyCell(queueId: number, groups: string[], config: TopicConfig): QueueSummary {
  const zeros = dictFrom(groups.map((group) => [group, 0]));
  const readable = isReadable(config.perm) && queueId < config.readQueueNums;
  return {
    topic: config.topicName, broker: '', queueId, maxOffset: 0, readable, writable: isWriteable(config.perm) && queueId < config.writeQueueNums,
    consumerOffsets: zeros, lag: zeros, neverConsumable: 0, unreadableCause: readable ? null : 'readShrunk',
  };
}

function consumerGroups(state: ModelState, topic: string): string[] {
  const groups = new Set<string>();
  for (const client of Object.values(state.clients)) if (client.kind === 'consumer' && client.spec.topic === topic) groups.add(client.spec.group);
  return [...groups].sort();
}

/** A broker whose process was started and is gone now (crashed, powered off or shut down). */
const isDown = (status: BrokerStatus | undefined): status is DownStatus => status === 'crashed' || status === 'shutdown';

function masterDown(state: ModelState, roles: BrokerRoles, master: BrokerState): MasterDown | null {
  if (!isDown(master.status)) return null;
  const { readFrom, refusedBy } = slaveReads(state, roles, master);
  return { master: master.node, status: master.status, reader: readFrom, refusedBy };
}

/**
 * One entry per user topic, each with one row of cells per master broker that has the topic. A
 * cell is writable (W) while producers write to it now and readable (R) while consumers can be
 * given it now: a master that is down takes W away, and R too when no slave serves its reads; a
 * write perm wiped on the NameServers takes W away (nameServerWiped).
 */
export function queueTopics(state: ModelState, summary: Summary): TopicQueues[] {
  const byKey = new Map(summary.queues.map((queue) => [`${queue.topic}@${queue.broker}@${queue.queueId}`, queue]));
  const topics = new Map<string, TopicQueues>();
  const roles = brokerRoles(state);
  // Asked only for a queue producers no longer write to (rare): the routes of a large scenario's producers hold thousands of queues.
  const writtenByTopic = new Map<string, Set<string>>();
  const written = (topic: string) => writtenByTopic.get(topic) ?? writtenByTopic.set(topic, writtenByProducers(state, topic)).get(topic)!;
  for (const broker of mastersNow(state, roles)) {
    const down = masterDown(state, roles, broker);
    for (const [topic, config] of Object.entries(broker.topicConfigTable)) {
      if (isSystemTopic(topic)) continue;
      const entry = topics.get(topic) ?? { topic, groups: consumerGroups(state, topic), brokers: [], maxCount: 0 };
      topics.set(topic, entry);
      // Queue ids past both counts still show while they hold messages (after updateTopic shrank them).
      const size = Math.max(config.readQueueNums, config.writeQueueNums, broker.consumeQueues[topic]?.length ?? 0);
      const nameServerPerm = nameServerWiped(state, topic, broker.name, config);
      const cells = Array.from({ length: size }, (_, queueId): QueueCell => {
        const queue = byKey.get(`${topic}@${broker.name}@${queueId}`) ?? emptyCell(queueId, entry.groups, config);
        const writable = queue.writable && down === null && nameServerPerm === null;
        const readable = queue.readable && (down === null || down.reader !== null);
        const fate = queueFate(queue);
        return {
          queueId, count: queue.maxOffset, writable, readable,
          neverConsumable: queue.neverConsumable, fate,
          left: fate === 'readable' ? 0 : leftIn(queue), pulledBy: fate === 'pulled' ? holdersOf(state, [queue]) : [],
          // A master that is down takes W away too, but nothing is written to it: its own note says so.
          unwritten: readable && !writable && down === null ? unwrittenState(written(topic).has(`${broker.name}:${queueId}`), queue.lag) : null,
          offsets: queue.consumerOffsets, lag: queue.lag,
        };
      });
      entry.brokers.push({ broker: broker.name, writeQueueNums: config.writeQueueNums, readQueueNums: config.readQueueNums, perm: perm2String(config.perm), nameServerPerm, down, cells });
      entry.maxCount = Math.max(entry.maxCount, ...cells.map((cell) => cell.count));
    }
  }
  return [...topics.values()].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
}

/**
 * The perm the running NameServers give `brokerName`'s queues of `topic` when none of them grants
 * PERM_WRITE while the broker's own TopicConfig does, else null. mqadmin wipeWritePerm changes only
 * the NameServers' QueueData (RouteInfoManager.operateWritePermOfBroker), and a producer builds its
 * route from theirs, keeping only writable queues (MQClientInstance.topicRouteData2TopicPublishInfo):
 * its queues are no write queues any more, though the broker would still accept a send.
 */
export function nameServerWiped(state: ModelState, topic: string, brokerName: string, config: TopicConfig): string | null {
  if (!isWriteable(config.perm)) return null;
  const routes = Object.values(state.nameServers).flatMap((ns) => {
    const queueData = ns.up ? ns.topicQueueTable[topic]?.[brokerName] : undefined;
    return queueData ? [queueData] : [];
  });
  if (routes.length === 0 || routes.some((queueData) => isWriteable(queueData.perm))) return null;
  return perm2String(routes[0]!.perm);
}

/** The queues of `topic` the running producers' routes list (TopicPublishInfo), as "brokerName:queueId": where they write until their next route pull. */
function writtenByProducers(state: ModelState, topic: string): Set<string> {
  const written = new Set<string>();
  for (const client of Object.values(state.clients)) {
    if (client.kind !== 'producer' || client.status !== 'running') continue;
    for (const mq of client.publishInfo[topic]?.messageQueueList ?? []) written.add(`${mq.brokerName}:${mq.queueId}`);
  }
  return written;
}

function unwrittenState(written: boolean, lag: Record<string, number>): NonNullable<QueueCell['unwritten']> {
  if (written) return 'written';
  return Object.values(lag).some((behind) => behind > 0) ? 'draining' : 'idle';
}

/** brokerName's master now, from roles worked out once for all the consumers (brokerRoles walks every broker). */
function masterIn(state: ModelState, roles: BrokerRoles, brokerName: string): BrokerState | undefined {
  return state.brokers[roles.master[brokerName] ?? ''];
}

/** Whether a producer writes to this queue: the master's topic is writable and the id is below writeQueueNums. */
function receivesMessages(state: ModelState, roles: BrokerRoles, topic: string, brokerName: string, queueId: number): boolean {
  const master = masterIn(state, roles, brokerName);
  const config = master?.topicConfigTable[topic];
  return master !== undefined && !unreachable(master) && config !== undefined && isWriteable(config.perm) && queueId < config.writeQueueNums;
}

/** A master no producer reaches: down, or cut off by a partition. */
const unreachable = (master: BrokerState) => isDown(master.status) || master.partitioned;

function masterReachable(state: ModelState, roles: BrokerRoles, brokerName: string): boolean {
  const master = masterIn(state, roles, brokerName);
  return master !== undefined && !unreachable(master);
}

/**
 * The brokerNames of the queues when the master of each is down or cut off, while another master
 * takes the topic's messages (else null: with none, the topic's own finding says that nobody gets any).
 */
function stillListed(state: ModelState, roles: BrokerRoles, names: readonly string[]): StillListed {
  const masters = names.map((name) => masterIn(state, roles, name));
  const slaves = Object.values(state.brokers).filter((broker) => names.includes(broker.name) && !masters.includes(broker));
  const listing = slaves.filter((slave) => slave.status === 'running' && !slave.partitioned);
  if (listing.length > 0) return listing.every((slave) => rejectsPulls(state, slave)) ? 'refusingSlave' : 'slave';
  const addrs = new Set(masters.map((master) => master?.addr));
  return Object.values(state.nameServers).some((ns) => ns.up && Object.keys(ns.brokerLiveTable).some((addr) => addrs.has(addr))) ? 'notExpired' : 'staleRoute';
}

function unreachableMasters(state: ModelState, roles: BrokerRoles, topic: string, owned: readonly { brokerName: string }[]): string[] | null {
  const names = [...new Set(owned.map((mq) => mq.brokerName))];
  if (names.some((name) => masterReachable(state, roles, name))) return null;
  return Object.keys(roles.master).some((name) => receivesMessages(state, roles, topic, name, 0)) ? names : null;
}

function ownedQueues(consumer: ConsumerState): { brokerName: string; queueId: number }[] {
  return Object.values(consumer.processQueueTable)
    .filter((pq) => !pq.dropped && pq.mq.topic === consumer.spec.topic)
    .map((pq) => pq.mq)
    .sort((a, b) => (a.brokerName === b.brokerName ? a.queueId - b.queueId : a.brokerName < b.brokerName ? -1 : 1));
}

/** The clients the masters list in the group (ConsumerManager's channels): what a rebalance allocates over. */
function groupMembers(state: ModelState, roles: BrokerRoles, group: string): Set<string> {
  const members = new Set<string>();
  for (const broker of Object.values(state.brokers)) {
    if (roles.role[broker.node] !== 'master' || broker.status !== 'running') continue;
    for (const clientId of Object.keys(broker.consumerTable[group]?.channels ?? {})) members.add(clientId);
  }
  return members;
}

const EVERYONE_GETS_ONE: ReadonlySet<string> = new Set(['AVG', 'AVG_BY_CIRCLE']);

/** Why the consumer gets no new message, or null when one of its queues receives messages. */
function idleReason(state: ModelState, roles: BrokerRoles, consumer: ConsumerState, owned: ReturnType<typeof ownedQueues>): IdleReason | null {
  const topic = consumer.spec.topic;
  const mqSet = consumer.topicSubscribeInfoTable[topic];
  if (mqSet === undefined) return { kind: 'noRoute' };
  if (mqSet.length === 0) return { kind: 'noReadableQueues' };
  if (!consumer.rebalanced) return null; // not allocated yet: nothing to judge
  if (owned.some((mq) => receivesMessages(state, roles, topic, mq.brokerName, mq.queueId))) return null;
  if (owned.length > 0) {
    const down = unreachableMasters(state, roles, topic, owned);
    if (down) return { kind: 'masterDown', brokers: down, listed: stillListed(state, roles, down) };
    // Queues on masters that take messages, with ids no producer writes to; a master out of reach is another story (told above, or by the topic's finding).
    return owned.every((mq) => masterReachable(state, roles, mq.brokerName)) ? { kind: 'onlyUnwrittenQueues', queues: owned.map((mq) => `${mq.brokerName}:${mq.queueId}`) } : null;
  }
  const members = groupMembers(state, roles, consumer.spec.group);
  if (!members.has(consumer.clientId)) return { kind: 'notInConsumerList' };
  if (members.size > mqSet.length) return { kind: 'moreConsumersThanQueues', consumers: members.size, queues: mqSet.length };
  // AllocateMessageQueueAveragely(ByCircle) give every listed consumer a queue while there are enough: its allocation is older than the list.
  if (EVERYONE_GETS_ONE.has(consumer.spec.allocateStrategy)) return { kind: 'rebalancePending' };
  return { kind: 'strategyLeftNone', strategy: consumer.spec.allocateStrategy, consumers: members.size, queues: mqSet.length };
}

/** Running consumers of user topics whose queues receive no new message, each with the reason. */
export function idleConsumers(state: ModelState, roles: BrokerRoles = brokerRoles(state)): IdleConsumer[] {
  const idle: IdleConsumer[] = [];
  for (const client of Object.values(state.clients)) {
    if (client.kind !== 'consumer' || client.status !== 'running' || isSystemTopic(client.spec.topic)) continue;
    const owned = ownedQueues(client);
    const reason = idleReason(state, roles, client, owned);
    if (reason === null) continue;
    idle.push({ consumer: client.id, group: client.spec.group, topic: client.spec.topic, queues: owned.map((mq) => `${mq.brokerName}:${mq.queueId}`), reason });
  }
  return idle.sort((a, b) => (a.consumer < b.consumer ? -1 : a.consumer > b.consumer ? 1 : 0));
}
