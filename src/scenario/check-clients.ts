/** Cross-checks of producers and consumers, including those added in the timeline. */
import { SCENARIO_BOUNDS } from '../model/defaults.ts';
import type { ConsumerSpec } from '../model/spec.ts';
import { problem, type Path } from './issues.ts';
import { quote, type Said } from './messages.ts';
import { DEFAULT_MESSAGE_MODEL, type Draft } from './normalize.ts';
import type { RefusedFields } from './refused-fields.ts';
import { allConsumers, allProducers, alsoIn, clientIds, duplicates, type Located } from './references.ts';
import { LISTS } from './schema.ts';
import type { ValidationError } from './validate.ts';

export function checkClients(draft: Draft, refused: RefusedFields): ValidationError[] {
  const producers = allProducers(draft);
  const consumers = allConsumers(draft);
  return [
    // Producers and consumers share one namespace: timeline targets and links name clients by id.
    ...duplicates(clientIds(draft), (client) => client.id).map(({ later, first, key }) =>
      problem([...later.path, 'id'], { en: `duplicate client id ${quote(key)} (${alsoIn(first).en})`, zh: `客户端 id ${quote(key)} 重复（${alsoIn(first).zh}）` })),
    ...checkCount(producers, SCENARIO_BOUNDS.producers, LISTS.producers.what),
    ...checkCount(consumers, SCENARIO_BOUNDS.consumers, LISTS.consumers.what),
    ...checkGroups(groupMembers(draft, consumers, refused.consumers)),
  ];
}

/** The list bound counts the clients added in the timeline too; the first one over it is reported. */
function checkCount(clients: ReadonlyArray<Located<unknown>>, max: number, what: Said): ValidationError[] {
  const over = clients[max];
  if (over === undefined) return [];
  return [problem(over.path, { en: `at most ${max} ${what.en}, counting those added in the timeline`, zh: `最多 ${max} 个${what.zh}（包括时间线中加入的）` })];
}

/**
 * What must match inside a group. Its members may subscribe differently (other topics, other
 * tags): RocketMQ accepts that silently and the broker keeps one subscription per group
 * (ConsumerManager), so the run shows what goes missing and the runner and the page warn
 * (subscription-consistency.ts). A mixed messageModel is refused: RocketScope keeps one per group.
 */
const GROUP_WIDE = ['messageModel'] as const;

type Member = Pick<ConsumerSpec, 'group' | (typeof GROUP_WIDE)[number]>;

/**
 * Every consumer by group, the refused ones whose group and group-wide fields are right included:
 * the initial ones in file order, then those the timeline adds in time order (a refused entry's
 * with a wrong time last). A group with a member whose group-wide field is wrong is left out: that
 * member might be the one the others are meant to match.
 */
function groupMembers(draft: Draft, valid: ReadonlyArray<Located<ConsumerSpec>>, refused: RefusedFields['consumers']): Array<Located<Member>> {
  const addedAt = new Map(draft.timeline.map((slot) => [slot.index, slot.action.at]));
  const read = refused.flatMap(({ item, path, malformed, at }) => {
    const { group } = item;
    if (group === undefined) return [];
    const unsure = GROUP_WIDE.some((field) => malformed.has(field));
    return [{ item: { group, messageModel: item.messageModel ?? DEFAULT_MESSAGE_MODEL }, path, at, unsure }];
  });
  const unsure = new Set(read.filter((member) => member.unsure).map((member) => member.item.group));
  const members = [...valid.map(({ item, path }) => ({ item, path, at: addedAt.get(Number(path[1])) })), ...read]
    .filter((member) => !unsure.has(member.item.group));
  // Initial consumers (`consumers[i]`) first, then the added ones by time.
  const order = ({ path, at }: { path: Path; at: number | undefined }) => (path[0] === 'consumers' ? -1 : at ?? Infinity);
  return members.sort((a, b) => order(a) - order(b) || Number(a.path[1]) - Number(b.path[1])).map(({ item, path }) => ({ item, path }));
}

function checkGroups(consumers: ReadonlyArray<Located<Member>>): ValidationError[] {
  const first = new Map<string, Located<Member>>();
  return consumers.flatMap((consumer) => {
    const earlier = first.get(consumer.item.group);
    if (earlier === undefined) {
      first.set(consumer.item.group, consumer);
      return [];
    }
    return GROUP_WIDE.filter((field) => consumer.item[field] !== earlier.item[field]).map((field) =>
      problem([...consumer.path, field], {
        en: `must be ${quote(earlier.item[field])} like the other consumers of group ${quote(consumer.item.group)} (${alsoIn(earlier).en})`,
        zh: `必须是 ${quote(earlier.item[field])}，和消费者组 ${quote(consumer.item.group)} 的其他消费者一样（${alsoIn(earlier).zh}）`,
      }));
  });
}
