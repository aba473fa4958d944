/** Cross-checks of producers and consumers, including those added in the timeline. */
import { SCENARIO_BOUNDS } from '../model/defaults.ts';
import type { ConsumerSpec } from '../model/spec.ts';
import { problem } from './issues.ts';
import { quote, type Said } from './messages.ts';
import type { Draft } from './normalize.ts';
import { allConsumers, allProducers, alsoIn, clientIds, duplicates, type Located } from './references.ts';
import { LISTS } from './schema.ts';
import type { ValidationError } from './validate.ts';

export function checkClients(draft: Draft): ValidationError[] {
  const producers = allProducers(draft);
  const consumers = allConsumers(draft);
  return [
    // Producers and consumers share one namespace: timeline targets and links name clients by id.
    ...duplicates(clientIds(draft), (client) => client.id).map(({ later, first, key }) =>
      problem([...later.path, 'id'], { en: `duplicate client id ${quote(key)} (${alsoIn(first).en})`, zh: `客户端 id ${quote(key)} 重复（${alsoIn(first).zh}）` })),
    ...checkCount(producers, SCENARIO_BOUNDS.producers, LISTS.producers.what),
    ...checkCount(consumers, SCENARIO_BOUNDS.consumers, LISTS.consumers.what),
    ...checkGroups(consumers),
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

function checkGroups(consumers: ReadonlyArray<Located<ConsumerSpec>>): ValidationError[] {
  const first = new Map<string, Located<ConsumerSpec>>();
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
