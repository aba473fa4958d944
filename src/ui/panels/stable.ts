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
  let same = keys.length === Object.keys(before).length;
  // A dictionary: the keys may be names (a topic called `__proto__`), never a prototype.
  const result: Record<string, unknown> | unknown[] = arrays ? [] : dict();
  for (const key of keys) {
    const value = replaceEqualDeep(before[key], after[key]);
    (result as Record<string, unknown>)[key] = value;
    if (value !== before[key] || !(key in before)) same = false;
  }
  return (same ? previous : result) as T;
}
