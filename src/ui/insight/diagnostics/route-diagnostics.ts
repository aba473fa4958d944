/**
 * What is wrong with the routes at the playhead, from the masters' TopicConfig (what they
 * register with the NameServers) and the clients: each finding names the topic, broker or client
 * it is about, with the numbers its explanation and its safe fix need.
 *
 * The rules are RocketMQ's: producers write queue ids below writeQueueNums of writable brokers
 * (MQClientInstance.topicRouteData2TopicPublishInfo), consumers read ids below readQueueNums of
 * readable ones (topicRouteData2TopicSubscribeInfo), PermName decides readable and writable.
 */
import {
  brokerRoles, buildSubscriptionData, delayLevelTokens, DLQ_GROUP_TOPIC_PREFIX, retryDelayLevel, isReadable, isSystemTopic, isWriteable, silentBrokerDrop, slaveReads, SUB_ALL, type BrokerRoles, type BrokerState,
  type BrokerStatus, type ModelState, type Scenario, type SilentDrop,
} from '../../../sim/index.ts';
import type { Summary } from '../../../sim/summary.ts';
import { inconsistentGroups, type InconsistentGroup } from '../../../scenario/subscription-consistency.ts';
import { hungConsumers, type HungConsumer } from './hung-consumers.ts';
import { holdersOf, idleConsumers, leftIn, type IdleReason } from '../../panels/queue-model.ts';
import { closesUnseen } from '../../panels/status.ts';

export interface OnBroker {
  topic: string;
  broker: string;
  /** The node that is the broker's master now (after a controller election, not the declared one) and its address, which mqadmin -b takes. */
  master: string;
  addr: string;
  writeQueueNums: number;
  readQueueNums: number;
  perm: number;
}

export type RouteDiagnostic =
  /** Queues readQueueNums..writeQueueNums-1 receive messages no consumer will pull. */
  | ({ kind: 'writeAboveRead'; stranded: number } & OnBroker)
  /** Queues writeQueueNums..readQueueNums-1 get nothing new; `undrained` messages in them are still to consume. */
  | ({ kind: 'readAboveWrite'; undrained: number } & OnBroker)
  /**
   * Messages left in queue ids at or above both counts (readQueueNums shrank before they were
   * consumed): `queues` the ids holding them; `stranded` what no group can consume now;
   * `pulled` what sits in the ProcessQueues of `pulledBy`, pulled before the shrink and consumed
   * only until their rebalance drops the queues.
   */
  | ({ kind: 'strandedAboveRead'; queues: number[]; stranded: number; pulled: number; pulledBy: string[] } & OnBroker)
  | ({ kind: 'unreadable'; waiting: number } & OnBroker)
  | ({ kind: 'unwritable' } & OnBroker)
  /** The topic lives on one broker of a cluster of several masters: no other broker to send to when it fails. */
  | { kind: 'oneBroker'; topic: string; broker: string; cluster: string; masters: number }
  /**
   * brokerName's master crashed or was shut down: `master` is that node, `readFrom` the running
   * slave its consumers read from (the lowest brokerId, as findBrokerAddressInSubscribe picks), or
   * null; `refusedBy` that slave instead when it refuses every pull (5.x without slaveReadEnable,
   * PullMessageProcessor.rejectRequest); `replicas` how many nodes the group has (1: nobody could ever take its place). `listedBy`:
   * the running NameServers that still list the master, because nothing closed its connections
   * (its machine lost power): until they drop it, routes still give it.
   */
  | {
    kind: 'noMaster'; broker: string; master: string; status: Exclude<BrokerStatus, 'running' | 'stopped'>; readFrom: string | null; refusedBy: string | null; replicas: number;
    listedBy: Listing[]; controllerMode: boolean;
  }
  /**
   * A running master cut off from the network: nothing closes its connections, so each running
   * NameServer that lists it keeps it until its registration is `heartbeatTimeoutMillis` old
   * (scanNotActiveBroker). `listedBy` is empty once all of them dropped it.
   */
  | { kind: 'unreachableMaster'; broker: string; node: string; listedBy: Listing[]; controllerMode: boolean }
  /**
   * No running master holds the topic: once the routes say so, every send fails before trying a
   * broker ("No route info of this topic"); `stillListed`: its brokers whose dead master a
   * NameServer still lists, where sends go on and time out; `createOn`: the address of a running
   * master to create it on (one of its own cluster first), null when no master runs.
   */
  | { kind: 'unwritableTopic'; topic: string; brokers: string[]; createOn: string | null; stillListed: string[] }
  | { kind: 'idleConsumer'; consumer: string; group: string; topic: string; reason: IdleReason }
  /** A hung consumer the brokers still list in its group: the queues allocated to it are read by nobody until they drop it. */
  | HungConsumer
  /** Its tag expression matches no tag the producers of its topic send: `tags` as RocketMQ reads the expression, `sent` the producers' tags ('' for none). */
  | { kind: 'unmatchedSubscription'; consumer: string; group: string; topic: string; subscription: string; tags: string[]; sent: string[] }
  | { kind: 'inconsistentGroup'; group: string; members: InconsistentGroup['members'] }
  /** Messages in the group's dead-letter queue on the running masters, by broker name. */
  /** `retryDelays`: the wait before each retry, as messageDelayLevel writes it (maxReconsumeTimes of them). */
  | { kind: 'deadLetters'; group: string; messages: number; brokers: string[]; retryDelays: string[] };

/**
 * A running NameServer that lists a broker node: its last registration there, and when and how it
 * drops the node if nothing more arrives (silentBrokerDrop); `afterMs` is the silence that takes:
 * serverChannelMaxIdleTimeMs for the idle close, heartbeatTimeoutMillis for the scan.
 */
export interface Listing {
  nameServer: string;
  lastHeartbeat: number;
  drop: SilentDrop;
  afterMs: number;
}

/** The running NameServers that list `node` (RouteInfoManager's brokerLiveTable), by id. */
function listingsOf(state: ModelState, node: string): Listing[] {
  const nameServers = Object.values(state.nameServers).filter((ns) => ns.up).sort((a, b) => (a.id < b.id ? -1 : 1));
  return nameServers.flatMap((ns) => Object.entries(ns.brokerLiveTable).filter(([, info]) => info.node === node).flatMap(([addr, info]) => {
    const drop = silentBrokerDrop(state, ns, addr);
    if (!drop) return [];
    const afterMs = drop.how === 'channelIdle' ? state.config.serverChannelMaxIdleTimeMs : info.heartbeatTimeoutMillis;
    return [{ nameServer: ns.id, lastHeartbeat: info.lastUpdateTimestamp, drop, afterMs }];
  }));
}

const byName = (a: BrokerState, b: BrokerState) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.brokerId - b.brokerId);

/** The running masters now (brokerRoles: a cut-off old master still claiming brokerId 0 is not one). */
function runningMasters(state: ModelState, roles: BrokerRoles): BrokerState[] {
  return Object.values(state.brokers).filter((broker) => roles.role[broker.node] === 'master' && broker.status === 'running').sort(byName);
}

const userTopics = (broker: BrokerState) => Object.keys(broker.topicConfigTable).filter((topic) => !isSystemTopic(topic)).sort();

/**
 * A running master to create a topic on, by address (mqadmin updateTopic -b): one of the cluster of
 * the topic's brokers first. Not -c: UpdateTopicSubCommand's -c goes to every master the
 * NameServer lists for the cluster, none running here, or a dead one still listed first.
 */
function runningMasterFor(brokers: readonly BrokerState[], masters: readonly BrokerState[], on: readonly string[]): string | null {
  const clusters = new Set(brokers.filter((broker) => on.includes(broker.name)).map((broker) => broker.cluster));
  return (masters.find((master) => clusters.has(master.cluster)) ?? masters[0])?.addr ?? null;
}

/**
 * Topics no running master holds, then the broker groups whose master crashed or was shut down.
 * Without a master a brokerName leaves every producer's send queues (topicRouteData2TopicPublishInfo
 * skips a BrokerData without brokerId 0) while its consumers read from a slave
 * (findBrokerAddressInSubscribe). A group not started yet is in no route: nothing to report about it.
 */
function masterless(state: ModelState, roles: BrokerRoles, masters: readonly BrokerState[]): RouteDiagnostic[] {
  const brokers = Object.values(state.brokers).sort(byName);
  const groups: RouteDiagnostic[] = [];
  const held = new Map<string, string[]>();
  for (const name of new Set(brokers.map((broker) => broker.name))) {
    const group = brokers.filter((broker) => broker.name === name);
    const master = state.brokers[roles.master[name] ?? ''] ?? group[0]!;
    if (master.status === 'stopped') continue;
    for (const topic of userTopics(master)) held.set(topic, [...(held.get(topic) ?? []), name]);
    if (master.status === 'running') continue;
    groups.push({
      kind: 'noMaster', broker: name, master: master.node, status: master.status, ...slaveReads(state, roles, master), replicas: group.length,
      // A process that died or shut down in the open is dropped as its close arrives, a latency later:
      // only one whose close reaches nobody (no power, or behind a partition) stays listed, silent.
      listedBy: closesUnseen(master) ? listingsOf(state, master.node) : [], controllerMode: state.config.enableControllerMode,
    });
  }
  const writable = new Set(masters.flatMap(userTopics));
  const unwritable = [...held].filter(([topic]) => !writable.has(topic)).sort(([a], [b]) => (a < b ? -1 : 1));
  const stillListed = new Set(groups.flatMap((g) => (g.kind === 'noMaster' && g.listedBy.length > 0 ? [g.broker] : [])));
  return [
    ...unwritable.map(([topic, on]): RouteDiagnostic => ({ kind: 'unwritableTopic', topic, brokers: on, createOn: runningMasterFor(brokers, masters, on), stillListed: on.filter((b) => stillListed.has(b)) })),
    ...groups,
  ];
}

/** Messages in queue ids [from, to) of one topic on one broker: still to consume for the slowest group. */
function waitingIn(summary: Summary, at: Pick<OnBroker, 'topic' | 'broker'>, from: number, to: number): number {
  let total = 0;
  for (const queue of summary.queues) {
    if (queue.topic !== at.topic || queue.broker !== at.broker || queue.queueId < from || queue.queueId >= to) continue;
    const lags = Object.values(queue.lag);
    total += queue.neverConsumable > 0 ? queue.neverConsumable : lags.length > 0 ? Math.max(...lags) : 0;
  }
  return total;
}

/**
 * Messages left in queue ids at or above both counts: producers no longer write there and
 * consumers are not given them (topicRouteData2TopicSubscribeInfo; PullMessageProcessor refuses
 * the pull), so they were written before readQueueNums shrank and some group had not consumed them.
 * Ids between the counts are writeAboveRead's or readAboveWrite's.
 */
function strandedAboveRead(state: ModelState, summary: Summary, at: OnBroker): RouteDiagnostic | null {
  const from = Math.max(at.readQueueNums, at.writeQueueNums);
  const above = summary.queues.filter((queue) => queue.topic === at.topic && queue.broker === at.broker && queue.queueId >= from && leftIn(queue) > 0);
  if (above.length === 0) return null;
  const stranded = above.reduce((sum, queue) => sum + queue.neverConsumable, 0);
  // What a consumer pulled before the shrink and may still consume: left, but not stranded yet.
  const pulled = above.reduce((sum, queue) => sum + Math.max(0, leftIn(queue) - queue.neverConsumable), 0);
  return { kind: 'strandedAboveRead', queues: above.map((queue) => queue.queueId), stranded, pulled, pulledBy: pulled > 0 ? holdersOf(state, above) : [], ...at };
}

function perBroker(state: ModelState, masters: readonly BrokerState[], summary: Summary): RouteDiagnostic[] {
  const found: RouteDiagnostic[] = [];
  for (const master of masters) {
    for (const config of Object.values(master.topicConfigTable)) {
      if (isSystemTopic(config.topicName)) continue;
      const at: OnBroker = { topic: config.topicName, broker: master.name, master: master.node, addr: master.addr, writeQueueNums: config.writeQueueNums, readQueueNums: config.readQueueNums, perm: config.perm };
      const size = Math.max(config.writeQueueNums, config.readQueueNums);
      if (!isReadable(config.perm)) found.push({ kind: 'unreadable', waiting: waitingIn(summary, at, 0, size), ...at });
      if (!isWriteable(config.perm)) found.push({ kind: 'unwritable', ...at });
      if (config.writeQueueNums > config.readQueueNums) {
        found.push({ kind: 'writeAboveRead', stranded: waitingIn(summary, at, config.readQueueNums, config.writeQueueNums), ...at });
      } else if (config.readQueueNums > config.writeQueueNums) {
        found.push({ kind: 'readAboveWrite', undrained: waitingIn(summary, at, config.writeQueueNums, config.readQueueNums), ...at });
      }
      // Without R every queue is the unreadable finding's.
      const left = isReadable(config.perm) ? strandedAboveRead(state, summary, at) : null;
      if (left) found.push(left);
    }
  }
  return found;
}

/** Topics on a single broker while the cluster has several masters. */
function singleBrokerTopics(masters: readonly BrokerState[]): RouteDiagnostic[] {
  const byCluster = new Map<string, number>();
  for (const master of masters) byCluster.set(master.cluster, (byCluster.get(master.cluster) ?? 0) + 1);
  const brokersOf = new Map<string, { broker: string; cluster: string }[]>();
  for (const master of masters) {
    for (const topic of Object.keys(master.topicConfigTable)) {
      if (!isSystemTopic(topic)) brokersOf.set(topic, [...(brokersOf.get(topic) ?? []), { broker: master.name, cluster: master.cluster }]);
    }
  }
  const found: Extract<RouteDiagnostic, { kind: 'oneBroker' }>[] = [];
  for (const [topic, on] of brokersOf) {
    const masterCount = byCluster.get(on[0]!.cluster) ?? 0;
    if (on.length === 1 && masterCount > 1) found.push({ kind: 'oneBroker', topic, broker: on[0]!.broker, cluster: on[0]!.cluster, masters: masterCount });
  }
  return found.sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
}

/** Running masters cut off by a partition, with the NameServers that still route to them (RouteInfoManager's brokerLiveTable). */
function unreachableMasters(state: ModelState, masters: readonly BrokerState[]): RouteDiagnostic[] {
  return masters.filter((master) => master.partitioned).map((master) => ({
    kind: 'unreachableMaster', broker: master.name, node: master.node, controllerMode: state.config.enableControllerMode, listedBy: listingsOf(state, master.node),
  }));
}

/**
 * Running consumers whose tag expression matches no tag the producers of their topic send
 * (FilterAPI.buildSubscriptionData splits it on "||"; a message without a tag matches "*" only):
 * the broker filters every message out by its tag hash (ExpressionMessageFilter) and moves the
 * offset past it, so nothing is consumed and nothing lags, and no counter says why.
 */
function unmatchedSubscriptions(state: ModelState): Extract<RouteDiagnostic, { kind: 'unmatchedSubscription' }>[] {
  const clients = Object.values(state.clients);
  const found: Extract<RouteDiagnostic, { kind: 'unmatchedSubscription' }>[] = [];
  for (const consumer of clients) {
    if (consumer.kind !== 'consumer' || consumer.status !== 'running') continue;
    const { topic, group, subscription } = consumer.spec;
    const { subString, tagsSet } = buildSubscriptionData(subscription);
    if (subString === SUB_ALL) continue;
    const sent = [...new Set(clients.flatMap((c) => (c.kind === 'producer' && c.spec.topic === topic ? (c.spec.tags.length > 0 ? c.spec.tags : ['']) : [])))].sort();
    if (sent.length === 0 || sent.some((tag) => tag !== '' && tagsSet.includes(tag))) continue;
    found.push({ kind: 'unmatchedSubscription', consumer: consumer.id, group, topic, subscription, tags: [...tagsSet], sent });
  }
  return found;
}

/**
 * Groups with messages in their dead-letter queue %DLQ%<group>: the broker writes there a message
 * the group's listener failed maxReconsumeTimes + 1 times (17 by default: the consumer's send-back,
 * SendMessageProcessor), and no consumer subscribes to it, so nothing reads them unless someone acts.
 */
function deadLetters(state: ModelState, masters: readonly BrokerState[]): Extract<RouteDiagnostic, { kind: 'deadLetters' }>[] {
  const byGroup = new Map<string, { messages: number; brokers: string[] }>();
  for (const broker of masters) {
    for (const [topic, queues] of Object.entries(broker.consumeQueues)) {
      const messages = topic.startsWith(DLQ_GROUP_TOPIC_PREFIX) ? queues.reduce((sum, queue) => sum + queue.length, 0) : 0;
      if (messages === 0) continue;
      const group = topic.slice(DLQ_GROUP_TOPIC_PREFIX.length);
      const found = byGroup.get(group) ?? { messages: 0, brokers: [] };
      byGroup.set(group, { messages: found.messages + messages, brokers: [...found.brokers, broker.name] });
    }
  }
  const retryDelays = retryDelaysSaid(state.config.messageDelayLevel, state.config.maxReconsumeTimes);
  return [...byGroup].sort(([a], [b]) => (a < b ? -1 : 1)).map(([group, found]) => ({ kind: 'deadLetters', group, ...found, retryDelays }));
}

/** The wait before each of a message's maxReconsumeTimes retries, in messageDelayLevel's words. */
function retryDelaysSaid(messageDelayLevel: string, maxReconsumeTimes: number): string[] {
  const tokens = delayLevelTokens(messageDelayLevel);
  return Array.from({ length: maxReconsumeTimes }, (_, reconsumeTimes) => tokens[retryDelayLevel(reconsumeTimes, tokens.length) - 1]!);
}

/** Every finding at the playhead, in a fixed order: missing and unreachable masters, routes, then clients, then groups. */
export function routeDiagnostics(state: ModelState, summary: Summary, scenario: Scenario): RouteDiagnostic[] {
  const roles = brokerRoles(state);
  const masters = runningMasters(state, roles);
  return [
    ...masterless(state, roles, masters),
    ...unreachableMasters(state, masters),
    ...perBroker(state, masters, summary),
    ...singleBrokerTopics(masters),
    ...idleConsumers(state).map(({ consumer, group, topic, reason }): RouteDiagnostic => ({ kind: 'idleConsumer', consumer, group, topic, reason })),
    ...hungConsumers(state, summary),
    ...unmatchedSubscriptions(state),
    ...inconsistentGroups(scenario).map(({ group, members }): RouteDiagnostic => ({ kind: 'inconsistentGroup', group, members })),
    ...deadLetters(state, masters),
  ];
}
