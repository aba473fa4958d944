/**
 * Cross-checks of timeline targets: each must name something of the right kind that exists at
 * that moment (a client removed at 60 s must be initial or added before, in timeline order).
 */
import { MASTER_ID } from '../model/defaults.ts';
import type { BrokerSpec } from '../model/spec.ts';
import { problem, type Path } from './issues.ts';
import { quote, type Said } from './messages.ts';
import type { Draft } from './normalize.ts';
import { NO_BROKER_NAMED, NO_MASTER_IN_CLUSTER, notFound } from './references.ts';
import type { LooseAction, RefusedFields } from './refused-fields.ts';
import type { ValidationError } from './validate.ts';

/** What targets may name, refused items included; a list is absent when some item's name is unknown (parse-file.ts `named`). */
interface Known {
  brokers?: Array<Pick<BrokerSpec, 'name' | 'brokerId'>>;
  /** The masters' clusters, known only when every broker is valid (a refused one's cluster may be the one named). */
  masterClusters?: string[];
  nameServers?: Set<string>;
  topics?: Set<string>;
  /** Client ids existing so far while walking the sorted timeline, and where each later one is added. */
  clients?: { producers: Set<string>; consumers: Set<string>; added: Map<string, Added> };
  /**
   * Everything a link may join, each with its network node, as the model's linkNode reads it: a
   * NameServer or client by id, a brokerName as its master, a broker's node as itself
   * (`broker-a/1`, a slave).
   */
  processes?: Map<string, string>;
}

interface Added {
  kind: ClientKind;
  at: number;
  index: number;
}

type ClientKind = 'producer' | 'consumer';
const CLIENT_ZH: Record<ClientKind, string> = { producer: '生产者', consumer: '消费者' };

/** A timeline entry as the checks read it: a refused one's right fields only (refused-fields.ts). */
interface Entry {
  index: number;
  action: LooseAction;
  /** Fields given but wrong: what they decide is not checked. */
  malformed: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

export function checkTimeline(draft: Draft, refused: RefusedFields): ValidationError[] {
  const known = knownTargets(draft);
  const entries = inTimeOrder(draft, refused);
  const created = (entry: Entry) => {
    const topic = createdTopic(entry);
    if (topic !== undefined) known.topics?.add(topic);
  };
  entries.filter((entry) => entry.action.at === undefined).forEach(created);
  const found = entries.map((entry) => {
    const { action } = entry;
    const errors = checkAction(entry, known);
    if (action.action === 'addProducer' && action.producer) known.clients?.producers.add(action.producer.id);
    if (action.action === 'addConsumer' && action.consumer) known.clients?.consumers.add(action.consumer.id);
    created(entry);
    return { index: entry.index, errors };
  });
  // Walked in time order, reported in file order.
  return found.sort((a, b) => a.index - b.index).flatMap((entry) => entry.errors);
}

/**
 * Valid and refused entries by `at`, ties in file order. A refused entry whose time is wrong
 * comes last: it is checked against every process and topic the timeline ever has, so it is told
 * only of names nothing has; the topic it creates is there from the start (as the client of a
 * refused addProducer is).
 */
function inTimeOrder(draft: Draft, refused: RefusedFields): Entry[] {
  const entries = [
    ...draft.timeline.map(({ index, action }) => ({ index, action, malformed: NONE })),
    ...refused.timeline.map(({ index, item, malformed }) => ({ index, action: item, malformed })),
  ];
  const at = (entry: Entry) => entry.action.at ?? Infinity;
  return entries.sort((a, b) => at(a) - at(b) || a.index - b.index);
}

function knownTargets(draft: Draft): Known {
  const { named, refused } = draft;
  const names = <T>(valid: Array<T | undefined>, refusedItems: Array<{ item: T }>): T[] => [...valid.filter((item) => item !== undefined), ...refusedItems.map(({ item }) => item)];
  const known: Known = {};
  if (named.brokers) known.brokers = names(draft.brokers, refused.brokers.map(({ item }) => ({ item: { name: item.name, brokerId: item.brokerId ?? MASTER_ID } })));
  if (draft.complete.brokers) known.masterClusters = draft.brokers.flatMap((b) => (b?.brokerId === MASTER_ID ? [b.cluster] : []));
  if (named.nameServers) known.nameServers = new Set(names(draft.nameServers, refused.nameServers).map((ns) => ns.id));
  if (named.topics) known.topics = new Set(names(draft.topics, refused.topics).map((t) => t.name));
  if (named.producers && named.consumers) {
    // A client a refused addProducer or addConsumer names is taken as there from the start: its time is not known.
    known.clients = {
      producers: new Set(names(draft.producers, refused.producers).map((p) => p.id)),
      consumers: new Set(names(draft.consumers, refused.consumers).map((c) => c.id)),
      added: addedClients(draft),
    };
  }
  const { brokers, nameServers, clients } = known;
  if (brokers && nameServers && clients) {
    const itself = (name: string) => [name, name] as const;
    known.processes = new Map([
      ...[...nameServers].map(itself), ...brokers.map((b) => [b.name, `${b.name}/${MASTER_ID}`] as const),
      ...[...clients.producers, ...clients.consumers, ...clients.added.keys()].map(itself),
      // After the names: a brokerName that looks like a node is read as the brokerName, as linkNode does.
      ...brokers.map((b) => itself(`${b.name}/${b.brokerId}`)).filter(([node]) => !brokers.some((b) => b.name === node)),
    ]);
  }
  return known;
}

function addedClients(draft: Draft): Map<string, Added> {
  const added = new Map<string, Added>();
  for (const { index, action } of draft.timeline) {
    if (action.action === 'addProducer') added.set(action.producer.id, { kind: 'producer', at: action.at, index });
    if (action.action === 'addConsumer') added.set(action.consumer.id, { kind: 'consumer', at: action.at, index });
  }
  return added;
}

function checkAction(entry: Entry, known: Known): ValidationError[] {
  const { action } = entry;
  const path = ['timeline', entry.index];
  switch (action.action) {
    case 'crashBroker': case 'powerOffBroker': case 'partitionBroker': case 'healPartition': case 'shutdownBroker': case 'startBroker':
      return checkBroker(action.target, action.brokerId, path, known);
    case 'crashNameServer': case 'startNameServer':
      return checkNameServer(action.target, [...path, 'target'], known);
    case 'wipeWritePerm': case 'addWritePerm':
      return [...checkBroker(action.target, undefined, path, known), ...checkNameServerList(action.nameServers, [...path, 'nameServers'], known)];
    case 'removeConsumer': case 'crashConsumer': case 'hangConsumer':
      return checkClient('consumer', action.target, path, known);
    case 'removeProducer': case 'setProducerRate':
      return checkClient('producer', action.target, path, known);
    case 'partitionLink': case 'healLink':
      return checkLink(action.target, action.peer, path, known);
    case 'updateTopic':
      return checkUpdateTopic(entry, action, known);
    case 'addConsumer': case 'addProducer':
      return []; // checked with the other clients (check-clients.ts)
  }
}

function checkBroker(name: string | undefined, brokerId: number | undefined, path: Path, known: Known): ValidationError[] {
  if (name === undefined || known.brokers === undefined) return [];
  const group = known.brokers.filter((b) => b.name === name);
  if (group.length === 0) return [problem([...path, 'target'], notFound(NO_BROKER_NAMED, name, known.brokers.map((b) => b.name)))];
  if (brokerId === undefined || group.some((b) => b.brokerId === brokerId)) return [];
  const ids = [...new Set(group.map((b) => b.brokerId))].join(', ');
  return [problem([...path, 'brokerId'], {
    en: `${quote(name)} has no broker with brokerId ${brokerId} (it has ${ids})`,
    zh: `${quote(name)} 没有 brokerId 为 ${brokerId} 的 Broker（它有 ${ids}）`,
  })];
}

function checkNameServer(id: string | undefined, path: Path, known: Known): ValidationError[] {
  if (id === undefined || known.nameServers === undefined || known.nameServers.has(id)) return [];
  return [problem(path, notFound({ en: 'no NameServer has id', zh: '没有 id 为 {name} 的 NameServer' }, id, known.nameServers))];
}

/** mqadmin -n: a NameServer listed twice is called twice, as mqadmin does. */
function checkNameServerList(ids: readonly string[] | undefined, path: Path, known: Known): ValidationError[] {
  return (ids ?? []).flatMap((id, index) => checkNameServer(id, [...path, index], known));
}

function checkClient(kind: ClientKind, id: string | undefined, path: Path, known: Known): ValidationError[] {
  const clients = known.clients;
  const existing = kind === 'producer' ? clients?.producers : clients?.consumers;
  if (id === undefined || clients === undefined || existing === undefined || existing.has(id)) return [];
  const added = clients.added.get(id);
  const message: Said = added?.kind === kind
    ? { en: `${kind} ${quote(id)} is only added later, at ${added.at} ms (timeline[${added.index}])`, zh: `${CLIENT_ZH[kind]} ${quote(id)} 要到 ${added.at} ms 才加入（timeline[${added.index}]）` }
    : notFound({ en: `no ${kind} has id`, zh: `没有 id 为 {name} 的${CLIENT_ZH[kind]}` }, id, existing);
  return [problem([...path, 'target'], message)];
}

/** A link joins any two processes: NameServers, brokers (by brokerName or node) and clients. */
function checkLink(target: string | undefined, peer: string | undefined, path: Path, known: Known): ValidationError[] {
  if (target !== undefined && target === peer) return [problem([...path, 'peer'], { en: 'must differ from target: a link joins two processes', zh: '必须和 target 不同：一条链路连接两个进程' })];
  const { processes } = known;
  if (processes === undefined) return [];
  const unknown = Object.entries({ target, peer }).flatMap(([field, name]) => (name === undefined || processes.has(name) ? []
    : [problem([...path, field], notFound(NO_PROCESS_NAMED, name, processes.keys()))]));
  if (unknown.length > 0 || target === undefined || peer === undefined || processes.get(target) !== processes.get(peer)) return unknown;
  return [problem([...path, 'peer'], {
    en: `${quote(peer)} is the same process as ${quote(target)} (node ${processes.get(peer)}): a link joins two processes`,
    zh: `${quote(peer)} 和 ${quote(target)} 是同一个进程（节点 ${processes.get(peer)}）：一条链路连接两个进程`,
  })];
}

const NO_PROCESS_NAMED: Said = {
  en: 'no NameServer, broker (brokerName, or node "brokerName/brokerId") or client is named',
  zh: '没有名为 {name} 的 NameServer、Broker（brokerName，或节点 "brokerName/brokerId"）或客户端',
};

type UpdateTopic = Extract<LooseAction, { action: 'updateTopic' }>;

/** The topic an updateTopic creates when it does not exist yet: one naming a cluster or a broker (rightly or not) does. */
function createdTopic({ action, malformed }: Entry): string | undefined {
  if (action.action !== 'updateTopic' || !createsTopic(action, malformed)) return undefined;
  return action.topic;
}

export function createsTopic(action: UpdateTopic, malformed: ReadonlySet<string>): boolean {
  return action.cluster !== undefined || action.broker !== undefined || malformed.has('cluster') || malformed.has('broker');
}

function checkUpdateTopic({ index, malformed }: Entry, action: UpdateTopic, known: Known): ValidationError[] {
  const path = ['timeline', index];
  const errors: ValidationError[] = [];
  if (action.topic !== undefined && known.topics !== undefined && !known.topics.has(action.topic) && !createsTopic(action, malformed)) {
    const lead = { en: 'no topic in "topics" (or created earlier in the timeline) is named', zh: '"topics" 中（以及时间线中更早创建的主题中）没有名为 {name} 的主题' };
    const missing = notFound(lead, action.topic, known.topics);
    errors.push(problem([...path, 'topic'], { en: `${missing.en}; give "cluster" or "broker" to create it`, zh: `${missing.zh}；给出 "cluster" 或 "broker" 来创建它` }));
  }
  const masters = known.brokers?.filter((b) => b.brokerId === MASTER_ID);
  if (action.broker !== undefined && masters !== undefined && !masters.some((b) => b.name === action.broker)) {
    errors.push(problem([...path, 'broker'], notFound({ en: 'no master broker (brokerId 0) is named', zh: '没有名为 {name} 的 Master Broker（brokerId 0）' }, action.broker, masters.map((b) => b.name))));
  }
  const clusters = known.masterClusters;
  if (action.cluster !== undefined && clusters !== undefined && !clusters.includes(action.cluster)) {
    errors.push(problem([...path, 'cluster'], notFound(NO_MASTER_IN_CLUSTER, action.cluster, clusters)));
  }
  return errors;
}
