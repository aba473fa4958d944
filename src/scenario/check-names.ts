/**
 * One name per process. NameServers, controllers, brokers (`brokerName/brokerId`), producers and
 * consumers are nodes of one network, and the trace, the timeline and the page name each by that
 * name: two processes of one name would be one node, and one of them would never hear from
 * anybody. Two of one kind are reported by that kind's own check (a duplicate client id,
 * NameServer id or brokerId); this reports a name another kind of process has already, and a
 * NameServer or client id that is a brokerName.
 */
import { problem, type Path } from './issues.ts';
import { quote } from './messages.ts';
import type { Draft } from './normalize.ts';
import { MASTER_ID } from '../model/defaults.ts';
import { alsoIn, clientIds, located, withRefused, type Located } from './references.ts';
import type { ValidationError } from './validate.ts';

type Kind = 'NameServer' | 'controller' | 'broker' | 'client';
const KIND_ZH: Record<Kind, string> = { NameServer: ' NameServer ', controller: ' controller ', broker: ' Broker ', client: '客户端' };

interface Named {
  name: string;
  kind: Kind;
  /** The field that gives the name. */
  field: Path;
}

/** Every process by name, the refused items included where their naming fields are right. */
function names(draft: Draft): Array<Located<Named>> {
  const nameServers = withRefused(located(draft.nameServers, 'nameServers'), draft.refused.nameServers);
  const first = located(draft.nameServers, 'nameServers')[0];
  const brokers = withRefused(located(draft.brokers, 'brokers'), draft.refused.brokers);
  return [
    ...nameServers.map(({ item, path }) => ({ item: { name: item.id, kind: 'NameServer' as const, field: ['id'] }, path })),
    // A controller inside the first NameServer is a party of its own in the detections (src/model/factory.ts).
    ...(draft.config.enableControllerInNamesrv && first ? [{ item: { name: `${first.item.id}/controller`, kind: 'controller' as const, field: [] }, path: ['config', 'enableControllerInNamesrv'] }] : []),
    ...withRefused(located(draft.controllers, 'controllers'), draft.refused.controllers).map(({ item, path }) => ({ item: { name: item.id, kind: 'controller' as const, field: ['id'] }, path })),
    ...brokers.map(({ item, path }) => ({ item: { name: `${item.name}/${item.brokerId ?? MASTER_ID}`, kind: 'broker' as const, field: ['name'] }, path })),
    ...clientIds(draft).map(({ item, path }) => ({ item: { name: item.id, kind: 'client' as const, field: ['id'] }, path })),
  ];
}

export function checkProcessNames(draft: Draft): ValidationError[] {
  const all = names(draft);
  const clashes = sameNames(all);
  // One problem per id: an id another kind of process has already is not told of a brokerName too.
  const told = new Set(clashes.map((error) => error.path));
  return [...clashes, ...brokerNameClashes(draft, all).filter((error) => !told.has(error.path))];
}

function sameNames(all: ReadonlyArray<Located<Named>>): ValidationError[] {
  const first = new Map<string, Located<Named>>();
  const errors: ValidationError[] = [];
  for (const entry of all) {
    const { name, kind, field } = entry.item;
    const earlier = first.get(name);
    if (earlier === undefined) first.set(name, entry);
    else if (earlier.item.kind !== kind) {
      errors.push(problem([...entry.path, ...field], {
        en: `${quote(name)} is already the name of a ${earlier.item.kind} (${alsoIn(earlier).en}): give each process a name of its own`,
        zh: `${quote(name)} 已经是一个${KIND_ZH[earlier.item.kind]}的名字（${alsoIn(earlier).zh}）：给每个进程起一个自己的名字`,
      }));
    }
  }
  return errors;
}

/**
 * A link's target or peer names a broker by its brokerName (check-timeline.ts, linkNode in
 * src/model/timeline.ts): a NameServer or client whose id is a brokerName could not be named in
 * one, and the fault editor would offer that name twice. Controllers are never a link's end.
 */
function brokerNameClashes(draft: Draft, all: ReadonlyArray<Located<Named>>): ValidationError[] {
  // Reversed so that the first broker of a brokerName is the one kept (its slaves share the name).
  const brokers = new Map(withRefused(located(draft.brokers, 'brokers'), draft.refused.brokers).reverse().map((broker) => [broker.item.name, broker]));
  return all.flatMap(({ item, path }) => {
    const broker = brokers.get(item.name);
    if (broker === undefined || (item.kind !== 'NameServer' && item.kind !== 'client')) return [];
    return [problem([...path, ...item.field], {
      en: `${quote(item.name)} is already the brokerName of a broker (${alsoIn(broker).en}), and a link's target or peer names a broker by its brokerName: give each process a name of its own`,
      zh: `${quote(item.name)} 已经是一个 Broker 的 brokerName（${alsoIn(broker).zh}），而链路的 target 或 peer 用 brokerName 指 Broker：给每个进程起一个自己的名字`,
    })];
  });
}
