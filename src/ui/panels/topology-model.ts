/**
 * The topology at one time, before geometry: which processes exist, their status, and which
 * links join them (broker registrations, each client's chosen NameServer, the brokers a producer
 * can write, and each queue of the topic in view to the consumer that owns it now).
 */
import { brokerRoles, dict, dictFrom, isSystemTopic, MASTER_ID, readNode, rejectsPulls, type BrokerRoleNow, type BrokerRoles, type BrokerState, type ClientState, type ModelState } from '../../sim/index.ts';
import { queueCellId, type TopologyInput } from '../../viz/topology-layout.ts';
import { brokerStatus, clientStatus } from './status.ts';
import { idleConsumers } from './queue-model.ts';
import type { EntityStatus } from './strings.ts';
import { compareText } from '../order.ts';

/** A queue is `${hostNode}#${queueId}` (queueCellId): its cell is drawn in its group's host's box (queueHosts). */
type EntityKind = 'nameServer' | 'broker' | 'brokerGroup' | 'client' | 'queue';

export interface EntityRef {
  kind: EntityKind;
  id: string;
}

export type LinkKind = 'registered' | 'notListed' | 'chosenNameServer' | 'canWrite' | 'allocated';

export interface LinkSpec {
  kind: LinkKind;
  from: EntityRef;
  to: EntityRef;
}

/** Consumers pulling from a slave (their route has no master for its group): 'refusing' is a 5.x slave without slaveReadEnable (PullMessageProcessor.rejectRequest). */
export type SlaveReads = 'serving' | 'refusing' | 'none';

export interface TopologyModel {
  input: TopologyInput;
  nameServerStatus: Record<string, EntityStatus>;
  /** brokerId and role as they are now; queueNums: the topic in view's write and read queue counts on the node that draws the group's queues, else null. */
  /** slaveReads: whether a consumer's route lists no master for the node's group, so it pulls from a slave (MQClientInstance.findBrokerAddressInSubscribe), and whether the node answers. */
  brokers: Record<string, { name: string; brokerId: number; role: BrokerRoleNow; status: EntityStatus; queueNums: { write: number; read: number } | null; slaveReads: SlaveReads }>;
  /** `idle`: a consumer that gets no new message now (idleConsumers: the queue panel lists why). */
  /** `broadcasting`: a BROADCASTING consumer (every member reads every queue; RebalanceImpl.rebalanceByTopic). */
  clients: Record<string, { kind: 'producer' | 'consumer'; status: EntityStatus; group: string; idle: boolean; broadcasting: boolean }>;
  links: LinkSpec[];
  /** The topic whose queues are drawn in the brokers (null when there is none). */
  topic: string | null;
  /** Every user topic a master has, for choosing the one in view. */
  topics: string[];
  /** Where the dots fly: the brokers' nodes by their ids now, and each producer's master by its cached route. */
  routing: DotRouting;
}

/**
 * The nodes a trace event's dots go to. Events name a broker by brokerName and its brokerId now,
 * and a send goes to the address the producer's route holds for brokerId 0 (which, while a new
 * master is not yet in it, is the old one).
 */
export interface DotRouting extends Pick<BrokerRoles, 'master' | 'node'> {
  /** `${producer}>${brokerName}` -> the node the producer sends that broker's messages to. */
  sendTo: Record<string, string>;
  /** The topic whose queue cells are drawn: a message of another topic flies to its broker's box, not into a cell. */
  topic: string | null;
  /** Each producer's topic (a failed send's event does not name it). */
  producerTopic: Record<string, string>;
}

/** Past this many distinct links (another scenario's, long gone), the interned ones are dropped. */
const MAX_INTERNED = 100_000;
const interned = new Map<string, LinkSpec>();

/**
 * Each link made once, by its kind and its two ends: a model that did not change holds the very
 * same link objects, which derivedAt's structural sharing passes at a glance (the large scale
 * test has about 1,900 links, compared field by field every refresh before).
 */
function linkOf(kind: LinkKind, fromKind: EntityKind, fromId: string, toKind: EntityKind, toId: string): LinkSpec {
  const key = `${kind}\u0000${fromKind}\u0000${fromId}\u0000${toKind}\u0000${toId}`;
  let link = interned.get(key);
  if (!link) {
    if (interned.size >= MAX_INTERNED) interned.clear();
    link = { kind, from: { kind: fromKind, id: fromId }, to: { kind: toKind, id: toId } };
    interned.set(key, link);
  }
  return link;
}

/** The brokers a producer's TopicPublishInfo can send to, per queue list (frozen by createPublishInfo, so it never changes under its key). */
type MessageQueueList = Extract<ClientState, { kind: 'producer' }>['publishInfo'][string]['messageQueueList'];
const publishBrokers = new WeakMap<MessageQueueList, string[]>();

function brokersOf(messageQueueList: MessageQueueList): string[] {
  let names = publishBrokers.get(messageQueueList);
  if (!names) {
    names = [...new Set(messageQueueList.map((mq) => mq.brokerName))];
    publishBrokers.set(messageQueueList, names);
  }
  return names;
}

function brokerGroups(brokers: BrokerState[]): TopologyInput['brokerGroups'] {
  const groups = new Map<string, BrokerState[]>();
  for (const broker of brokers) groups.set(broker.name, [...(groups.get(broker.name) ?? []), broker]);
  return [...groups.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([name, members]) => ({ name, members: members.sort((a, b) => a.brokerId - b.brokerId).map((broker) => broker.node) }));
}

/** Clients of one kind by their group (producer group or consumer group), groups sorted by name. */
function clientGroups(clients: ClientState[], kind: ClientState['kind']): TopologyInput['consumerGroups'] {
  const groups = new Map<string, string[]>();
  for (const client of clients) if (client.kind === kind) groups.set(client.spec.group, [...(groups.get(client.spec.group) ?? []), client.id]);
  return [...groups.entries()].sort(([a], [b]) => compareText(a, b)).map(([name, members]) => ({ name, members }));
}

/** User topics of the masters, sorted. */
function userTopics(state: Readonly<ModelState>, roles: BrokerRoles = brokerRoles(state)): string[] {
  const topics = new Set<string>();
  for (const broker of Object.values(state.brokers)) {
    if (roles.role[broker.node] !== 'master') continue;
    for (const topic of Object.keys(broker.topicConfigTable)) if (!isSystemTopic(topic)) topics.add(topic);
  }
  return [...topics].sort(compareText);
}

/**
 * The topics the canvas can draw: the user topics, and a system topic a master holds when asked
 * for by name (a chapter draws TBW102, whose route a producer borrows for a topic nobody created).
 */
function topicsToDraw(state: Readonly<ModelState>, roles: BrokerRoles, wanted: string | null | undefined): string[] {
  const topics = userTopics(state, roles);
  if (!wanted || topics.includes(wanted)) return topics;
  const held = Object.values(state.brokers).some((broker) => roles.role[broker.node] === 'master' && wanted in broker.topicConfigTable);
  return held ? [...topics, wanted].sort(compareText) : topics;
}

/** The topic shown by default: the first producer's (else consumer's) topic, else the first user topic. */
function defaultTopic(state: Readonly<ModelState>, topics: string[]): string | null {
  for (const kind of ['producer', 'consumer'] as const) {
    const client = Object.values(state.clients).find((candidate) => candidate.kind === kind && topics.includes(candidate.spec.topic));
    if (client) return client.spec.topic;
  }
  return topics[0] ?? null;
}

/** brokerName -> the node whose box draws the group's queues: the one they are read from now (readNode). */
export function queueHosts(state: Readonly<ModelState>, roles: BrokerRoles): Record<string, string> {
  return dictFrom(Object.keys(roles.master).map((name) => [name, readNode(state, roles, name)!]));
}

/** The topic's config on the broker when it draws its group's queues (the queues are drawn there only). */
function hostTopic(broker: BrokerState, topic: string | null, hosts: Record<string, string>) {
  return topic !== null && hosts[broker.name] === broker.node ? broker.topicConfigTable[topic] : undefined;
}

/** Queue ids drawn per host: every id below either count, and higher ids still holding messages. */
function queueSlots(brokers: BrokerState[], topic: string | null, hosts: Record<string, string>): Record<string, number> {
  const slots = dict<number>();
  for (const broker of brokers) {
    const config = hostTopic(broker, topic, hosts);
    if (config) slots[broker.node] = Math.max(config.readQueueNums, config.writeQueueNums, broker.consumeQueues[config.topicName]?.length ?? 0);
  }
  return slots;
}

function queueNums(broker: BrokerState, topic: string | null, hosts: Record<string, string>): { write: number; read: number } | null {
  const config = hostTopic(broker, topic, hosts);
  return config ? { write: config.writeQueueNums, read: config.readQueueNums } : null;
}

/** Each producer's master per brokerName, by the address its cached route holds for brokerId 0 (MQClientInstance.findBrokerAddressInPublish). */
function sendTargets(clients: ClientState[], roles: BrokerRoles): Record<string, string> {
  const sendTo = dict<string>();
  for (const client of clients) {
    if (client.kind !== 'producer') continue;
    for (const [name, addrs] of Object.entries(client.brokerAddrTable)) {
      const node = roles.byAddr[addrs[MASTER_ID] ?? ''];
      if (node !== undefined) sendTo[`${client.id}>${name}`] = node;
    }
  }
  return sendTo;
}

/**
 * The broker groups some running consumer's route lists without a master: it pulls from their
 * slaves. Until then a slave that draws its group's queues (the master is down) serves no read: a
 * machine without power stays in the routes until the NameServers drop it and the next route pull.
 */
function readFromSlaves(clients: ClientState[]): Set<string> {
  const names = new Set<string>();
  for (const client of clients) {
    if (client.kind !== 'consumer' || client.status !== 'running') continue;
    for (const [name, addrs] of Object.entries(client.brokerAddrTable)) if (addrs[MASTER_ID] === undefined) names.add(name);
  }
  return names;
}

type MessageQueue = Extract<ClientState, { kind: 'consumer' }>['processQueueTable'][string]['mq'];

/**
 * Each consumer's owned queue links, by its spec (the same object for the whole run), with what
 * they were drawn from: its id, the topic, then each owned queue and its host. A rebalance
 * (RebalanceImpl.updateProcessQueueTableInRebalance) or a host moving to a slave changes them;
 * a pull or a consume only moves a process queue's offsets, keeping its MessageQueue. At size
 * (50 consumers owning 640 queues) building them was most of the model.
 */
const ownedOf = new WeakMap<object, { from: unknown[]; links: LinkSpec[] }>();

/**
 * Each queue of the topic in view a consumer owns now (RebalanceImpl's processQueueTable, as its
 * latest rebalance left it): the same array while they and their hosts stay the same.
 */
export function ownedQueueLinks(client: ClientState, topic: string | null, hosts: Record<string, string>): LinkSpec[] {
  if (client.kind !== 'consumer') return [];
  const from: unknown[] = [client.id, topic];
  for (const pq of Object.values(client.processQueueTable)) {
    const host = hosts[pq.mq.brokerName];
    if (!pq.dropped && pq.mq.topic === topic && host !== undefined) from.push(pq.mq, host);
  }
  const owned = ownedOf.get(client.spec);
  if (owned?.from.length === from.length && owned.from.every((part, i) => part === from[i])) return owned.links;
  const links: LinkSpec[] = [];
  for (let i = 2; i < from.length; i += 2) links.push(linkOf('allocated', 'queue', queueCellId(from[i + 1] as string, (from[i] as MessageQueue).queueId), 'client', client.id));
  links.sort((a, b) => compareText(a.from.id, b.from.id));
  ownedOf.set(client.spec, { from, links });
  return links;
}

/**
 * Whether the topology draws each client's chosen NameServer: only where there is a choice. With
 * one NameServer every client has it, and ten consumers drew ten lines fanning across the brokers.
 */
export function drawsChosenNameServer(nameServers: readonly string[]): boolean {
  return nameServers.length > 1;
}

/** Running (or hung) clients keep their links; a stopped or crashed one has none. */
function clientLinks(client: ClientState, topic: string | null, hosts: Record<string, string>, chosen: boolean): LinkSpec[] {
  if (client.status !== 'running' && client.status !== 'hung') return [];
  const links: LinkSpec[] = [];
  if (chosen && client.namesrvChosen !== null) links.push(linkOf('chosenNameServer', 'client', client.id, 'nameServer', client.namesrvChosen));
  const brokerNames = new Set<string>();
  if (client.kind === 'producer') {
    for (const info of Object.values(client.publishInfo)) for (const name of brokersOf(info.messageQueueList)) brokerNames.add(name);
  } else if (client.spec.topic === topic) {
    links.push(...ownedQueueLinks(client, topic, hosts));
  } else {
    for (const pq of Object.values(client.processQueueTable)) if (!pq.dropped) brokerNames.add(pq.mq.brokerName);
  }
  const kind = client.kind === 'producer' ? 'canWrite' : 'allocated';
  for (const name of [...brokerNames].sort(compareText)) links.push(linkOf(kind, 'client', client.id, 'brokerGroup', name));
  return links;
}

/** The topology at one time, with the queues of `topic` (by default the one defaultTopic picks) in the brokers. */
export function topologyModel(state: Readonly<ModelState>, topicWanted?: string | null): TopologyModel {
  const nameServers = Object.values(state.nameServers);
  const brokers = Object.values(state.brokers);
  const clients = Object.values(state.clients);
  const roles = brokerRoles(state);
  const topics = topicsToDraw(state, roles, topicWanted);
  const topic = topicWanted && topics.includes(topicWanted) ? topicWanted : defaultTopic(state, topics);
  const hosts = queueHosts(state, roles);
  const links: LinkSpec[] = [];
  for (const broker of brokers) {
    for (const ns of nameServers) {
      // A NameServer that is down lists nobody: its tables were in its memory (it learns each broker again after it starts).
      const listed = ns.up && Object.values(ns.brokerLiveTable).some((info) => info.node === broker.node);
      links.push(linkOf(listed ? 'registered' : 'notListed', 'broker', broker.node, 'nameServer', ns.id));
    }
  }
  const chosen = drawsChosenNameServer(nameServers.map((ns) => ns.id));
  const idle = new Set(idleConsumers(state, roles).map((entry) => entry.consumer));
  const fromSlaves = readFromSlaves(clients);
  for (const client of clients) links.push(...clientLinks(client, topic, hosts, chosen));
  return {
    input: {
      nameServers: nameServers.map((ns) => ns.id),
      brokerGroups: brokerGroups(brokers),
      producers: clients.filter((client) => client.kind === 'producer').map((client) => client.id),
      producerGroups: clientGroups(clients, 'producer'),
      consumerGroups: clientGroups(clients, 'consumer'),
      queueSlots: queueSlots(brokers, topic, hosts),
    },
    nameServerStatus: dictFrom(nameServers.map((ns) => [ns.id, ns.up ? 'up' : 'down'])),
    brokers: dictFrom(brokers.map((broker) => [broker.node, {
      name: broker.name, brokerId: broker.brokerId, role: roles.role[broker.node]!, status: brokerStatus(broker), queueNums: queueNums(broker, topic, hosts),
      slaveReads: !fromSlaves.has(broker.name) ? 'none' : rejectsPulls(state, broker) ? 'refusing' : 'serving',
    }])),
    clients: dictFrom(clients.map((client) => [client.id, { kind: client.kind, status: clientStatus(client), group: client.spec.group, idle: idle.has(client.id), broadcasting: client.kind === 'consumer' && client.spec.messageModel === 'BROADCASTING' }])),
    links,
    topic,
    topics,
    routing: {
      master: roles.master, node: roles.node, sendTo: sendTargets(clients, roles), topic,
      producerTopic: dictFrom(clients.filter((client) => client.kind === 'producer').map((client) => [client.id, client.spec.topic])),
    },
  };
}
