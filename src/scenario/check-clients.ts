/** Cross-checks of producers and consumers, including those added in the timeline. */
import { SCENARIO_BOUNDS } from '../model/defaults.ts';
import type { ConsumerSpec } from '../model/spec.ts';
import { problem } from './issues.ts';
import { quote } from './messages.ts';
import type { Draft } from './normalize.ts';
import { allConsumers, allProducers, alsoIn, duplicates, type Located } from './references.ts';
import type { ValidationError } from './validate.ts';

export function checkClients(draft: Draft): ValidationError[] {
  const producers = allProducers(draft);
  const consumers = allConsumers(draft);
  return [
    // Producers and consumers share one namespace: timeline targets and links name clients by id.
    ...duplicates<{ id: string }>([...producers, ...consumers], (client) => client.id).map(({ later, first, key }) =>
      problem([...later.path, 'id'], `duplicate client id ${quote(key)} (${alsoIn(first)})`)),
    ...checkCount(producers, SCENARIO_BOUNDS.producers, 'producers'),
    ...checkCount(consumers, SCENARIO_BOUNDS.consumers, 'consumers'),
    ...checkGroups(consumers),
  ];
}

/** The list bound counts the clients added in the timeline too; the first one over it is reported. */
function checkCount(clients: ReadonlyArray<Located<unknown>>, max: number, what: string): ValidationError[] {
  const over = clients[max];
  return over === undefined ? [] : [problem(over.path, `at most ${max} ${what}, counting those added in the timeline`)];
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
      problem([...consumer.path, field],
        `must be ${quote(earlier.item[field])} like the other consumers of group ${quote(consumer.item.group)} (${alsoIn(earlier)})`));
  });
}
