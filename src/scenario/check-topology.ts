/** Cross-checks of NameServers, brokers and topics: uniqueness, broker roles, topic placement. */
import { MASTER_ID, NAMESRV_PORT } from '../model/defaults.ts';
import type { BrokerSpec, TopicSpec } from '../model/spec.ts';
import { problem, type Path } from './issues.ts';
import { quote } from './messages.ts';
import { SCENARIO_DEFAULTS, type Draft } from './normalize.ts';
import { alsoIn, duplicates, located, notFound, type Located } from './references.ts';
import type { ValidationError } from './validate.ts';

export function checkTopology(draft: Draft): ValidationError[] {
  return [...checkNameServers(draft), ...checkControllers(draft), ...checkBrokers(draft), ...checkTopics(draft)];
}

/**
 * Controller mode exists from RocketMQ 5.0 (BrokerConfig.enableControllerMode) and needs a
 * controller: a standalone one in `controllers`, or one inside the first NameServer
 * (NamesrvConfig.enableControllerInNamesrv), not both.
 */
function checkControllers(draft: Draft): ValidationError[] {
  const { config } = draft;
  const controllers = located(draft.controllers, 'controllers');
  const fiveOnly = (path: Path, what: string) =>
    problem(path, `${what} exists only in RocketMQ 5.x: remove it, or set config.rocketmqVersion to "5.x"`);
  if (config.rocketmqVersion === '4.x') {
    return [
      ...(config.enableControllerMode ? [fiveOnly(['config', 'enableControllerMode'], 'controller mode (BrokerConfig.enableControllerMode)')] : []),
      ...(config.enableControllerInNamesrv ? [fiveOnly(['config', 'enableControllerInNamesrv'], 'a controller in the NameServer (NamesrvConfig.enableControllerInNamesrv)')] : []),
      ...controllers.map((c) => fiveOnly(c.path, 'a controller (controller mode)')),
    ];
  }
  const errors: ValidationError[] = [];
  if (config.enableControllerInNamesrv && controllers.length > 0) {
    errors.push(problem(controllers[0]!.path, 'give either a standalone controller here or config.enableControllerInNamesrv (the controller inside the first NameServer), not both'));
  }
  if (config.enableControllerMode && !config.enableControllerInNamesrv && draft.complete.controllers && draft.controllers.length === 0) {
    errors.push(problem(['config', 'enableControllerMode'], 'controller mode needs a controller: set config.enableControllerInNamesrv to true (the first NameServer runs it) or declare one in "controllers"'));
  }
  if (config.enableControllerInNamesrv && draft.nameServers.length === 0) {
    errors.push(problem(['config', 'enableControllerInNamesrv'], 'needs a NameServer to run the controller in'));
  }
  return errors;
}

function checkNameServers(draft: Draft): ValidationError[] {
  const nameServers = located(draft.nameServers, 'nameServers');
  return [
    ...duplicates(nameServers, (ns) => ns.id).map(({ later, first, key }) =>
      problem([...later.path, 'id'], `duplicate NameServer id ${quote(key)} (${alsoIn(first)})`)),
    // Brokers and clients know a NameServer by its address (NamesrvStartup listens on 9876).
    ...duplicates(nameServers, (ns) => ns.ip).map(({ later, first, key }) =>
      problem([...later.path, 'ip'], `address ${key}:${NAMESRV_PORT} is taken (${alsoIn(first)}): give each NameServer its own ip`)),
  ];
}

function checkBrokers(draft: Draft): ValidationError[] {
  const brokers = located(draft.brokers, 'brokers');
  return [
    ...brokers.flatMap(checkRole),
    // RouteInfoManager.brokerAddrTable keeps one address per (brokerName, brokerId).
    ...duplicates(brokers, (b) => `${b.name}\n${b.brokerId}`).map(({ later, first }) =>
      problem([...later.path, 'brokerId'], `${quote(later.item.name)} already has a broker with brokerId ${later.item.brokerId} (${alsoIn(first)})`)),
    // The broker's address (ip:port) is its identity in brokerLiveTable.
    ...duplicates(brokers, (b) => `${b.ip}:${b.port}`).map(({ later, first, key }) =>
      problem([...later.path, 'ip'], `address ${key} is taken (${alsoIn(first)}): give each broker its own ip or port`)),
    // BrokerData holds one cluster per brokerName.
    ...duplicates(brokers, (b) => b.name).filter(({ later, first }) => later.item.cluster !== first.item.cluster).map(({ later, first }) =>
      problem([...later.path, 'cluster'], `must be ${quote(first.item.cluster)} like the other brokers named ${quote(later.item.name)} (${alsoIn(first)})`)),
  ];
}

/** BrokerStartup: a master's brokerId is forced to 0, and a slave needs a brokerId above 0. */
function checkRole({ item, path }: Located<BrokerSpec>): ValidationError[] {
  if (item.brokerId === MASTER_ID && item.role === 'SLAVE') {
    return [problem([...path, 'role'], 'must be ASYNC_MASTER or SYNC_MASTER: brokerId 0 is the master (a slave needs a brokerId from 1)')];
  }
  if (item.brokerId !== MASTER_ID && item.role !== 'SLAVE') {
    return [problem([...path, 'role'], `must be SLAVE: brokerId ${item.brokerId} is a slave's (RocketMQ gives every master brokerId 0)`)];
  }
  return [];
}

function checkTopics(draft: Draft): ValidationError[] {
  const topics = located(draft.topics, 'topics');
  const errors = duplicates(topics, (t) => t.name).map(({ later, first, key }) =>
    problem([...later.path, 'name'], `duplicate topic ${quote(key)} (${alsoIn(first)})`));
  // A topic naming a broker that failed validation is not reported again.
  if (!draft.complete.brokers) return errors;
  const brokers = draft.brokers.filter((b) => b !== undefined);
  return [...errors, ...topics.flatMap((topic) => checkPlacement(topic, brokers))];
}

function checkPlacement({ item, path }: Located<TopicSpec>, brokers: readonly BrokerSpec[]): ValidationError[] {
  if (item.brokers === undefined) {
    // mqadmin updateTopic -c creates the topic on every master of the cluster.
    const cluster = item.cluster ?? SCENARIO_DEFAULTS.cluster;
    if (brokers.some((b) => b.cluster === cluster && b.brokerId === MASTER_ID)) return [];
    const masters = brokers.filter((b) => b.brokerId === MASTER_ID).map((b) => b.cluster);
    return [problem([...path, 'cluster'], notFound('no master broker (brokerId 0) is in cluster', cluster, masters))];
  }
  const names = brokers.map((b) => b.name);
  const placements = item.brokers.map((placement, k) => ({ item: placement, path: [...path, 'brokers', k] }));
  return [
    ...placements.filter((p) => !names.includes(p.item.name)).map((p) =>
      problem([...p.path, 'name'], notFound('no broker is named', p.item.name, names))),
    ...duplicates(placements, (p) => p.name).map(({ later, first, key }) =>
      problem([...later.path, 'name'], `${quote(key)} is listed twice (${alsoIn(first)})`)),
  ];
}
