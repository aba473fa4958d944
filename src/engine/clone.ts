import { AppendLog } from './append-log.ts';
import { dict } from './dict.ts';
import { MarkSet, SerialMarkSet } from './mark-set.ts';

/**
 * Deep copy of plain simulation state, sharing whatever is frozen: objects, arrays, Maps, Sets and typed arrays. Append logs
 * are cloned by length (see AppendLog) and mark sets are shared (see MarkSet). Anything else (functions, class instances) is a bug in
 * the model, since it could not be restored exactly.
 */
export function cloneState<T>(value: T): T {
  return cloneValue(value) as T;
}

function cloneValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  // Frozen data (routes, requests, stored messages) never changes: every copy may share it.
  if (Object.isFrozen(value)) return value;
  if (Array.isArray(value)) return value.map(cloneValue);
  if (value instanceof AppendLog) return value.clone();
  // Shared: membership depends on the restored position.
  if (value instanceof MarkSet || value instanceof SerialMarkSet) return value;
  if (ArrayBuffer.isView(value)) return (value as unknown as Float64Array).slice();
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, cloneValue(v)]));
  if (value instanceof Set) return new Set(value);
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    throw new Error(`cloneState: ${String((value as object).constructor?.name)} is not plain data`);
  }
  // A dictionary (src/engine/dict.ts) stays one: its keys are names, `constructor` included.
  const copy: Record<string, unknown> = proto === null ? dict<unknown>() : {};
  for (const key in value) {
    const field = cloneValue((value as Record<string, unknown>)[key]);
    // On a plain object, assigning "__proto__" would set the prototype instead of a key.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: field, enumerable: true, writable: true, configurable: true });
    else copy[key] = field;
  }
  return copy;
}

/** Freezes a value and everything inside it, so that snapshots share it instead of copying it. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}
