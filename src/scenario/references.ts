/** Helpers of the cross-checks: items located by their path in the file, duplicates, unknown names. */
import type { ConsumerSpec, ProducerSpec } from '../model/spec.ts';
import { formatPath, type Path } from './issues.ts';
import { quote, quoteList, suggestion, type Said } from './messages.ts';
import type { Draft } from './normalize.ts';
import type { Slots } from './parse-file.ts';

export interface Located<T> {
  item: T;
  path: Path;
}

/** The valid items of a list, each with its path (`brokers[3]`). */
export function located<T>(items: Slots<T>, list: string): Array<Located<T>> {
  return items.flatMap((item, index) => (item === undefined ? [] : [{ item, path: [list, index] }]));
}

/** A list's valid items and the names of its refused ones, in file order: for the checks of names (a refused item's problems are listed already, its name still meets the others'). */
export function withRefused<T>(valid: ReadonlyArray<Located<T>>, refused: ReadonlyArray<Located<T>>): Array<Located<T>> {
  return refused.length === 0 ? [...valid] : inFileOrder([...valid, ...refused]);
}

/** Items of one list by their position in it (`path[1]`). */
function inFileOrder<T>(items: Array<Located<T>>): Array<Located<T>> {
  return items.sort((a, b) => Number(a.path[1]) - Number(b.path[1]));
}

/**
 * Every client by id, the refused ones whose id is right included: the initial producers, the
 * initial consumers, then the clients the timeline adds, each part in file order. A clash is then
 * blamed on the client that starts later.
 */
export function clientIds(draft: Draft): Array<Located<{ id: string }>> {
  const all = [...allProducers(draft), ...allConsumers(draft), ...draft.refused.producers, ...draft.refused.consumers];
  const initialIn = (list: 'producers' | 'consumers') => inFileOrder(all.filter((entry) => entry.path[0] === list));
  return [...initialIn('producers'), ...initialIn('consumers'), ...inFileOrder(all.filter((entry) => entry.path[0] === 'timeline'))];
}

/** Every item whose key an earlier item already has, paired with that earlier item. */
export function duplicates<T>(items: ReadonlyArray<Located<T>>, keyOf: (item: T) => string) {
  const first = new Map<string, Located<T>>();
  const found: Array<{ later: Located<T>; first: Located<T>; key: string }> = [];
  for (const entry of items) {
    const key = keyOf(entry.item);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, entry);
    else found.push({ later: entry, first: earlier, key });
  }
  return found;
}

/** `also in brokers[0]`: where the first of two clashing items is. */
export function alsoIn(entry: Located<unknown>): Said {
  const path = formatPath(entry.path);
  return { en: `also in ${path}`, zh: `另见 ${path}` };
}

/**
 * `no broker is named "brokr-a" (did you mean "broker-a"?)`, or the known names when none is
 * close. `lead` says what is missing; its Chinese is followed by the name, as `没有名为 … 的 Broker`
 * reads: `{name}` marks where.
 */
export function notFound(lead: Said, name: string, known: Iterable<string>): Said {
  const names = [...new Set(known)];
  const close = suggestion(name, names);
  const listed = quoteList(names, 5);
  const hint: Said = close.en !== '' ? close
    : names.length === 0 ? { en: ' (there are none)', zh: '（一个也没有）' }
    : { en: ` (known: ${listed.en})`, zh: `（已有：${listed.zh}）` };
  return { en: `${lead.en} ${quote(name)}${hint.en}`, zh: `${lead.zh.replace('{name}', () => quote(name))}${hint.zh}` };
}

export const NO_BROKER_NAMED: Said = { en: 'no broker is named', zh: '没有名为 {name} 的 Broker' };
export const NO_MASTER_IN_CLUSTER: Said = { en: 'no master broker (brokerId 0) is in cluster', zh: '集群 {name} 中没有 Master Broker（brokerId 0）' };

/** The initial producers, then those added in the timeline (in timeline order). */
export function allProducers(draft: Draft): Array<Located<ProducerSpec>> {
  const added = draft.timeline.flatMap(({ index, action }) =>
    action.action === 'addProducer' ? [{ item: action.producer, path: ['timeline', index, 'producer'] }] : []);
  return [...located(draft.producers, 'producers'), ...added];
}

/** The initial consumers, then those added in the timeline (in timeline order). */
export function allConsumers(draft: Draft): Array<Located<ConsumerSpec>> {
  const added = draft.timeline.flatMap(({ index, action }) =>
    action.action === 'addConsumer' ? [{ item: action.consumer, path: ['timeline', index, 'consumer'] }] : []);
  return [...located(draft.consumers, 'consumers'), ...added];
}
