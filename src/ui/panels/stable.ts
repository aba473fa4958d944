/**
 * Structural sharing for the panels' view models: a value derived again at a new time keeps the
 * identity of every part that did not change, so React.memo can skip the components that show
 * those parts (TanStack Query's replaceEqualDeep does the same for fetched data).
 */
import { dict } from '../../sim/index.ts';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * `next`, with each part deep-equal to the same part of `previous` replaced by that part; the
 * result is `previous` itself when the two are deep-equal. Only plain objects and arrays are
 * looked into; anything else is compared with Object.is.
 */
export function replaceEqualDeep<T>(previous: unknown, next: T): T {
  if (Object.is(previous, next)) return next;
  const arrays = Array.isArray(previous) && Array.isArray(next);
  if (!arrays && !(isPlainObject(previous) && isPlainObject(next))) return next;
  const before = previous as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  const keys = Object.keys(after);
  // The result is built only once a part differs: most of a view model is the same from one
  // moment to the next, and a copy made only to be dropped costs the page's garbage collector.
  let result: Record<string, unknown> | null = keys.length === Object.keys(before).length ? null : fresh(arrays);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = replaceEqualDeep(before[key], after[key]);
    if (result === null && (value !== before[key] || !(key in before))) {
      result = fresh(arrays);
      for (let j = 0; j < i; j++) result[keys[j]!] = before[keys[j]!];
    }
    if (result !== null) result[key] = value;
  }
  return (result ?? previous) as T;
}

/** An empty array, or a dictionary: the keys may be names (a topic called `__proto__`), never a prototype. */
function fresh(arrays: boolean): Record<string, unknown> {
  return (arrays ? [] : dict()) as Record<string, unknown>;
}
