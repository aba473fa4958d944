/**
 * Tables keyed by names a user typed (topics, groups, brokers, ids). A plain `{}` answers to
 * Object.prototype's keys: `table['constructor']` would be a function and `table['__proto__'] = x`
 * would replace the prototype. A dictionary has no prototype, so every name is just a key
 * (RocketMQ's own tables are HashMaps: a topic may be called `constructor`).
 */
export type Dict<T> = Record<string, T>;

/** An empty dictionary. */
export function dict<T>(): Dict<T> {
  return Object.create(null) as Dict<T>;
}

/** A dictionary of the entries, in their order (Object.fromEntries without a prototype). */
export function dictFrom<T>(entries: Iterable<readonly [string, T]>): Dict<T> {
  const table = dict<T>();
  for (const [key, value] of entries) table[key] = value;
  return table;
}

/** A shallow copy of a dictionary, still without a prototype ({ ...table } would give it one). */
export function copyDict<T>(table: Readonly<Dict<T>>): Dict<T> {
  return Object.assign(dict<T>(), table);
}
