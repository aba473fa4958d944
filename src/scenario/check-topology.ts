/** Cross-checks of NameServers, brokers and topics: uniqueness, broker roles, topic placement. */
import { MASTER_ID, NAMESRV_PORT } from '../model/defaults.ts';
import type { BrokerSpec } from '../model/spec.ts';
import { problem, type Path } from './issues.ts';
import { quote, type Said } from './messages.ts';
import { SCENARIO_DEFAULTS, type Draft } from './normalize.ts';
import { NO_BROKER_NAMED, NO_MASTER_IN_CLUSTER, alsoIn, duplicates, located, notFound, withRefused, type Located } from './references.ts';
import type { RefusedFields } from './refused-fields.ts';
import type { ValidationError } from './validate.ts';

export function checkTopology(draft: Draft, refused: RefusedFields): ValidationError[] {
  return [...checkNameServers(draft), ...checkControllers(draft), ...checkBrokers(draft), ...checkTopics(draft, refused)];
}

/**
 * Controller mode exists from RocketMQ 5.0 (BrokerConfig.enableControllerMode) and needs a
 * controller: a standalone one in `controllers`, or one inside the first NameServer
 * (NamesrvConfig.enableControllerInNamesrv), not both.
 */
function checkControllers(draft: Draft): ValidationError[] {
  const { config } = draft;
  const controllers = located(draft.controllers, 'controllers');
  const fiveOnly = (path: Path, what: Said) => problem(path, {
    en: `${what.en} exists only in RocketMQ 5.x: remove it, or set config.rocketmqVersion to "5.x"`,
    zh: `${what.zh}只在 RocketMQ 5.x 中才有：删掉它，或者把 config.rocketmqVersion 设为 "5.x"`,
  });
  if (config.rocketmqVersion === '4.x') {
    return [
      ...(config.enableControllerMode ? [fiveOnly(['config', 'enableControllerMode'], { en: 'controller mode (BrokerConfig.enableControllerMode)', zh: 'Controller 模式（BrokerConfig.enableControllerMode）' })] : []),
      ...(config.enableControllerInNamesrv ? [fiveOnly(['config', 'enableControllerInNamesrv'], { en: 'a controller in the NameServer (NamesrvConfig.enableControllerInNamesrv)', zh: 'NameServer 内嵌的 controller（NamesrvConfig.enableControllerInNamesrv）' })] : []),
      ...controllers.map((c) => fiveOnly(c.path, { en: 'a controller (controller mode)', zh: 'controller（Controller 模式）' })),
    ];
  }
  const errors: ValidationError[] = [];
  if (config.enableControllerInNamesrv && controllers.length > 0) {
    errors.push(problem(controllers[0]!.path, {
      en: 'give either a standalone controller here or config.enableControllerInNamesrv (the controller inside the first NameServer), not both',
      zh: '这里的独立 controller 和 config.enableControllerInNamesrv（第一个 NameServer 内嵌的 controller）只能选一个，不能同时用',
    }));
  }
  if (config.enableControllerMode && !config.enableControllerInNamesrv && draft.complete.controllers && draft.controllers.length === 0) {
    errors.push(problem(['config', 'enableControllerMode'], {
      en: 'controller mode needs a controller: set config.enableControllerInNamesrv to true (the first NameServer runs it) or declare one in "controllers"',
      zh: 'Controller 模式需要一个 controller：把 config.enableControllerInNamesrv 设为 true（由第一个 NameServer 运行），或在 "controllers" 中声明一个',
    }));
  }
  if (config.enableControllerInNamesrv && draft.nameServers.length === 0) {
    errors.push(problem(['config', 'enableControllerInNamesrv'], { en: 'needs a NameServer to run the controller in', zh: '需要一个 NameServer 来运行 controller' }));
  }
  return errors;
}

function checkNameServers(draft: Draft): ValidationError[] {
  const nameServers = located(draft.nameServers, 'nameServers');
  return [
    ...duplicates(withRefused(nameServers, draft.refused.nameServers), (ns) => ns.id).map(({ later, first, key }) =>
      problem([...later.path, 'id'], { en: `duplicate NameServer id ${quote(key)} (${alsoIn(first).en})`, zh: `NameServer id ${quote(key)} 重复（${alsoIn(first).zh}）` })),
    // Brokers and clients know a NameServer by its address (NamesrvStartup listens on 9876).
    ...duplicates(nameServers, (ns) => ns.ip).map(({ later, first, key }) =>
      problem([...later.path, 'ip'], {
        en: `address ${key}:${NAMESRV_PORT} is taken (${alsoIn(first).en}): give each NameServer its own ip`,
        zh: `地址 ${key}:${NAMESRV_PORT} 已被占用（${alsoIn(first).zh}）：给每个 NameServer 一个自己的 ip`,
      })),
  ];
}

function checkBrokers(draft: Draft): ValidationError[] {
  const brokers = located(draft.brokers, 'brokers');
  return [
    ...brokers.flatMap(checkRole),
    // RouteInfoManager.brokerAddrTable keeps one address per (brokerName, brokerId).
    ...duplicates(withRefused(brokers, refusedBrokers(draft)), (b) => `${b.name}\n${b.brokerId}`).map(({ later, first }) =>
      problem([...later.path, 'brokerId'], {
        en: `${quote(later.item.name)} already has a broker with brokerId ${later.item.brokerId} (${alsoIn(first).en})`,
        zh: `${quote(later.item.name)} 已经有一个 brokerId 为 ${later.item.brokerId} 的 Broker（${alsoIn(first).zh}）`,
      })),
    // The broker's address (ip:port) is its identity in brokerLiveTable.
    ...duplicates(brokers, (b) => `${b.ip}:${b.port}`).map(({ later, first, key }) =>
      problem([...later.path, 'ip'], {
        en: `address ${key} is taken (${alsoIn(first).en}): give each broker its own ip or port`,
        zh: `地址 ${key} 已被占用（${alsoIn(first).zh}）：给每个 Broker 一个自己的 ip 或端口`,
      })),
    // BrokerData holds one cluster per brokerName.
    ...duplicates(brokers, (b) => b.name).filter(({ later, first }) => later.item.cluster !== first.item.cluster).map(({ later, first }) =>
      problem([...later.path, 'cluster'], {
        en: `must be ${quote(first.item.cluster)} like the other brokers named ${quote(later.item.name)} (${alsoIn(first).en})`,
        zh: `必须是 ${quote(first.item.cluster)}，和其他名为 ${quote(later.item.name)} 的 Broker 一样（${alsoIn(first).zh}）`,
      })),
  ];
}

/** The refused brokers' names, brokerId defaulted as for a valid one. */
function refusedBrokers(draft: Draft): Array<Located<{ name: string; brokerId: number }>> {
  return draft.refused.brokers.map(({ item, path }) => ({ item: { name: item.name, brokerId: item.brokerId ?? MASTER_ID }, path }));
}

/** BrokerStartup: a master's brokerId is forced to 0, and a slave needs a brokerId above 0. */
function checkRole({ item, path }: Located<BrokerSpec>): ValidationError[] {
  if (item.brokerId === MASTER_ID && item.role === 'SLAVE') {
    return [problem([...path, 'role'], {
      en: 'must be ASYNC_MASTER or SYNC_MASTER: brokerId 0 is the master (a slave needs a brokerId from 1)',
      zh: '必须是 ASYNC_MASTER 或 SYNC_MASTER：brokerId 0 是 Master（Slave 的 brokerId 从 1 开始）',
    })];
  }
  if (item.brokerId !== MASTER_ID && item.role !== 'SLAVE') {
    return [problem([...path, 'role'], {
      en: `must be SLAVE: brokerId ${item.brokerId} is a slave's (RocketMQ gives every master brokerId 0)`,
      zh: `必须是 SLAVE：brokerId ${item.brokerId} 属于 Slave（RocketMQ 中每个 Master 的 brokerId 都是 0）`,
    })];
  }
  return [];
}

function checkTopics(draft: Draft, refused: RefusedFields): ValidationError[] {
  const topics = located(draft.topics, 'topics');
  const errors = duplicates(withRefused(topics, draft.refused.topics), (t) => t.name).map(({ later, first, key }) =>
    problem([...later.path, 'name'], { en: `duplicate topic ${quote(key)} (${alsoIn(first).en})`, zh: `主题 ${quote(key)} 重复（${alsoIn(first).zh}）` }));
  // A topic naming a broker that failed validation is not reported again.
  if (!draft.complete.brokers) return errors;
  const brokers = draft.brokers.filter((b) => b !== undefined);
  // A refused topic's placement is checked too, unless the placement is what is wrong.
  const placed = refused.topics.filter(({ malformed }) => !malformed.has('cluster') && !malformed.has('brokers'));
  return [...errors, ...[...topics, ...placed].flatMap((topic) => checkPlacement(topic, brokers))];
}

/** Where a topic goes, as a valid topic or the right fields of a refused one give it. */
interface Placement {
  cluster?: string | undefined;
  brokers?: ReadonlyArray<{ name: string }> | undefined;
}

function checkPlacement({ item, path }: Located<Placement>, brokers: readonly BrokerSpec[]): ValidationError[] {
  if (item.brokers === undefined) {
    // mqadmin updateTopic -c creates the topic on every master of the cluster.
    const cluster = item.cluster ?? SCENARIO_DEFAULTS.cluster;
    if (brokers.some((b) => b.cluster === cluster && b.brokerId === MASTER_ID)) return [];
    const masters = brokers.filter((b) => b.brokerId === MASTER_ID).map((b) => b.cluster);
    return [problem([...path, 'cluster'], notFound(NO_MASTER_IN_CLUSTER, cluster, masters))];
  }
  const names = brokers.map((b) => b.name);
  const placements = item.brokers.map((placement, k) => ({ item: placement, path: [...path, 'brokers', k] }));
  return [
    ...placements.filter((p) => !names.includes(p.item.name)).map((p) =>
      problem([...p.path, 'name'], notFound(NO_BROKER_NAMED, p.item.name, names))),
    ...duplicates(placements, (p) => p.name).map(({ later, first, key }) =>
      problem([...later.path, 'name'], { en: `${quote(key)} is listed twice (${alsoIn(first).en})`, zh: `${quote(key)} 列出了两次（${alsoIn(first).zh}）` })),
  ];
}
