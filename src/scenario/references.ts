/** Helpers of the cross-checks: items located by their path in the file, duplicates, unknown names. */
import type { ConsumerSpec, ProducerSpec } from '../model/spec.ts';
import { formatPath, type Path } from './issues.ts';
import { quote, quoteList, suggestion } from './messages.ts';
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
export function alsoIn(entry: Located<unknown>): string {
  return `also in ${formatPath(entry.path)}`;
}

/** `no broker is named "brokr-a" (did you mean "broker-a"?)`, or the known names when none is close. */
export function notFound(lead: string, name: string, known: Iterable<string>): string {
  const names = [...new Set(known)];
  const hint = suggestion(name, names) || (names.length === 0 ? ' (there are none)' : ` (known: ${quoteList(names, 5)})`);
  return `${lead} ${quote(name)}${hint}`;
}

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
