/**
 * Cross-checks of timeline targets: each must name something of the right kind that exists at
 * that moment (a client removed at 60 s must be initial or added before, in timeline order).
 */
import { MASTER_ID } from '../model/defaults.ts';
import type { BrokerSpec, TimelineAction } from '../model/spec.ts';
import { problem, type Path } from './issues.ts';
import { quote, type Said } from './messages.ts';
import type { Draft } from './normalize.ts';
import { NO_BROKER_NAMED, NO_MASTER_IN_CLUSTER, notFound } from './references.ts';
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
  /** Everything a link may join: NameServer ids, brokerNames and every client id. */
  processes?: Set<string>;
}

interface Added {
  kind: ClientKind;
  at: number;
  index: number;
}

type ClientKind = 'producer' | 'consumer';
const CLIENT_ZH: Record<ClientKind, string> = { producer: '生产者', consumer: '消费者' };

export function checkTimeline(draft: Draft): ValidationError[] {
  const known = knownTargets(draft);
  const found = draft.timeline.map((slot) => {
    const errors = checkAction(slot.action, ['timeline', slot.index], known);
    if (slot.action.action === 'addProducer') known.clients?.producers.add(slot.action.producer.id);
    if (slot.action.action === 'addConsumer') known.clients?.consumers.add(slot.action.consumer.id);
    if (slot.action.action === 'updateTopic' && createsTopic(slot.action)) known.topics?.add(slot.action.topic);
    return { index: slot.index, errors };
  });
  // Walked in time order, reported in file order.
  return found.sort((a, b) => a.index - b.index).flatMap((entry) => entry.errors);
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
    known.processes = new Set([...nameServers, ...brokers.map((b) => b.name), ...clients.producers, ...clients.consumers, ...clients.added.keys()]);
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

function checkAction(action: TimelineAction, path: Path, known: Known): ValidationError[] {
  switch (action.action) {
    case 'crashBroker': case 'powerOffBroker': case 'partitionBroker': case 'healPartition': case 'shutdownBroker': case 'startBroker':
      return checkBroker(action.target, action.brokerId, path, known);
    case 'crashNameServer': case 'startNameServer':
      return known.nameServers === undefined || known.nameServers.has(action.target)
        ? [] : [problem([...path, 'target'], notFound({ en: 'no NameServer has id', zh: '没有 id 为 {name} 的 NameServer' }, action.target, known.nameServers))];
    case 'removeConsumer': case 'crashConsumer': case 'hangConsumer':
      return checkClient('consumer', action.target, path, known);
    case 'removeProducer': case 'setProducerRate':
      return checkClient('producer', action.target, path, known);
    case 'partitionLink': case 'healLink':
      return checkLink(action.target, action.peer, path, known);
    case 'updateTopic':
      return checkUpdateTopic(action, path, known);
    case 'addConsumer': case 'addProducer':
      return []; // checked with the other clients (check-clients.ts)
  }
}

function checkBroker(name: string, brokerId: number | undefined, path: Path, known: Known): ValidationError[] {
  if (known.brokers === undefined) return [];
  const group = known.brokers.filter((b) => b.name === name);
  if (group.length === 0) return [problem([...path, 'target'], notFound(NO_BROKER_NAMED, name, known.brokers.map((b) => b.name)))];
  if (brokerId === undefined || group.some((b) => b.brokerId === brokerId)) return [];
  const ids = [...new Set(group.map((b) => b.brokerId))].join(', ');
  return [problem([...path, 'brokerId'], {
    en: `${quote(name)} has no broker with brokerId ${brokerId} (it has ${ids})`,
    zh: `${quote(name)} 没有 brokerId 为 ${brokerId} 的 Broker（它有 ${ids}）`,
  })];
}

function checkClient(kind: ClientKind, id: string, path: Path, known: Known): ValidationError[] {
  const clients = known.clients;
  const existing = kind === 'producer' ? clients?.producers : clients?.consumers;
  if (clients === undefined || existing === undefined || existing.has(id)) return [];
  const added = clients.added.get(id);
  const message: Said = added?.kind === kind
    ? { en: `${kind} ${quote(id)} is only added later, at ${added.at} ms (timeline[${added.index}])`, zh: `${CLIENT_ZH[kind]} ${quote(id)} 要到 ${added.at} ms 才加入（timeline[${added.index}]）` }
    : notFound({ en: `no ${kind} has id`, zh: `没有 id 为 {name} 的${CLIENT_ZH[kind]}` }, id, existing);
  return [problem([...path, 'target'], message)];
}

/** A link joins any two processes: NameServers, brokers (by brokerName) and clients. */
function checkLink(target: string, peer: string, path: Path, known: Known): ValidationError[] {
  if (target === peer) return [problem([...path, 'peer'], { en: 'must differ from target: a link joins two processes', zh: '必须和 target 不同：一条链路连接两个进程' })];
  const { processes } = known;
  if (processes === undefined) return [];
  return Object.entries({ target, peer })
    .filter(([, name]) => !processes.has(name))
    .map(([field, name]) => problem([...path, field], notFound({ en: 'no NameServer, broker or client is named', zh: '没有名为 {name} 的 NameServer、Broker 或客户端' }, name, processes)));
}

type UpdateTopic = Extract<TimelineAction, { action: 'updateTopic' }>;

/** An updateTopic naming a cluster or a broker creates the topic when it does not exist yet. */
function createsTopic(action: UpdateTopic): boolean {
  return action.cluster !== undefined || action.broker !== undefined;
}

function checkUpdateTopic(action: UpdateTopic, path: Path, known: Known): ValidationError[] {
  const errors: ValidationError[] = [];
  if (known.topics !== undefined && !known.topics.has(action.topic) && !createsTopic(action)) {
    const lead = { en: 'no topic in "topics" (or created earlier in the timeline) is named', zh: '"topics" 中（以及时间线中更早创建的 Topic 中）没有名为 {name} 的 Topic' };
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
