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

/**
 * A copy of `value` like cloneState that takes every part equal to the same part of `previous`
 * (an earlier copy that nobody changes: a checkpoint) from `previous` instead of copying it, keys
 * in the same order included. Consecutive checkpoints differ in a few tables (offsets, process
 * queues, held pulls): the rest is read, not allocated, so the checkpoints stay out of the way
 * of the young generation's collections.
 */
export function cloneStateSharing<T>(value: T, previous: T): T {
  return share(value, previous) as T;
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
  const proto = plainPrototype(value);
  // A dictionary (src/engine/dict.ts) stays one: its keys are names, `constructor` included.
  const copy: Record<string, unknown> = proto === null ? dict<unknown>() : {};
  for (const key in value) assign(copy, key, cloneValue((value as Record<string, unknown>)[key]));
  return copy;
}

/** cloneValue(value), or `previous` (or parts of it) where they are equal to value (or its parts). */
function share(value: unknown, previous: unknown): unknown {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  // A frozen part of the earlier copy is the model's own (shared) data, never a copy to take for a part that may change.
  if (previous === null || typeof previous !== 'object' || Object.isFrozen(previous)) return cloneValue(value);
  if (Array.isArray(value)) return Array.isArray(previous) ? shareArray(value, previous) : cloneValue(value);
  if (value instanceof AppendLog) return sameLog(value, previous) ? previous : value.clone();
  if (value instanceof MarkSet || value instanceof SerialMarkSet) return value;
  if (ArrayBuffer.isView(value)) return sameTypedArray(value as unknown as Float64Array, previous) ? previous : cloneValue(value);
  if (value instanceof Map) return previous instanceof Map ? shareMap(value, previous) : cloneValue(value);
  if (value instanceof Set) return sameSet(value, previous) ? previous : new Set(value);
  const proto = plainPrototype(value);
  if (Object.getPrototypeOf(previous) !== proto) return cloneValue(value);
  return shareObject(value as Record<string, unknown>, previous as Record<string, unknown>, proto);
}

function shareObject(value: Record<string, unknown>, previous: Record<string, unknown>, proto: null | object): Record<string, unknown> {
  const keys = Object.keys(previous);
  let copy: Record<string, unknown> | undefined;
  let i = 0;
  for (const key in value) {
    const inPlace = keys[i] === key;
    const before = inPlace || Object.hasOwn(previous, key) ? previous[key] : MISSING;
    const field = before === MISSING ? cloneValue(value[key]) : share(value[key], before);
    // The first difference (a key moved, added, or a field not shared) starts the copy with the keys before it.
    if (copy === undefined && (!inPlace || field !== before)) copy = firstKeys(previous, keys, i, proto);
    if (copy !== undefined) assign(copy, key, field);
    i++;
  }
  if (copy !== undefined) return copy;
  return i === keys.length ? previous : firstKeys(previous, keys, i, proto);
}

/** A value no field holds: a key that `previous` lacks. */
const MISSING = Symbol('missing');

/** A new object with previous's first `count` keys and fields. */
function firstKeys(previous: Record<string, unknown>, keys: string[], count: number, proto: null | object): Record<string, unknown> {
  const copy: Record<string, unknown> = proto === null ? dict<unknown>() : {};
  for (let j = 0; j < count; j++) assign(copy, keys[j]!, previous[keys[j]!]);
  return copy;
}

function shareArray(value: unknown[], previous: unknown[]): unknown[] {
  let copy: unknown[] | undefined;
  for (let i = 0; i < value.length; i++) {
    const before = previous[i];
    const item = i < previous.length ? share(value[i], before) : cloneValue(value[i]);
    if (copy === undefined && (i >= previous.length || item !== before)) copy = previous.slice(0, i);
    if (copy !== undefined) copy.push(item);
  }
  if (copy !== undefined) return copy;
  return value.length === previous.length ? previous : previous.slice(0, value.length);
}

function shareMap(value: Map<unknown, unknown>, previous: Map<unknown, unknown>): Map<unknown, unknown> {
  const entries: [unknown, unknown][] = [];
  let same = value.size === previous.size;
  const order = previous.keys();
  for (const [key, field] of value) {
    if (order.next().value !== key) same = false;
    const item = previous.has(key) ? share(field, previous.get(key)) : cloneValue(field);
    if (item !== previous.get(key)) same = false;
    entries.push([key, item]);
  }
  return same ? previous : new Map(entries);
}

/** Whether `previous` is a clone of `log` as it is now: the same storage up to the same length. */
function sameLog(log: AppendLog<unknown>, previous: object): boolean {
  return previous instanceof AppendLog && previous.constructor === log.constructor && previous.storage === log.storage && previous.length === log.length;
}

function sameTypedArray(array: Float64Array, previous: object): boolean {
  if (!ArrayBuffer.isView(previous) || previous.constructor !== array.constructor) return false;
  const other = previous as unknown as Float64Array;
  if (other.length !== array.length) return false;
  for (let i = 0; i < array.length; i++) if (!Object.is(other[i], array[i])) return false;
  return true;
}

function sameSet(set: Set<unknown>, previous: object): boolean {
  if (!(previous instanceof Set) || previous.size !== set.size) return false;
  const order = previous.values();
  for (const item of set) if (order.next().value !== item) return false;
  return true;
}

/** The prototype of plain data (Object.prototype, or null for a dictionary); anything else is a bug. */
function plainPrototype(value: object): null | object {
  const proto = Object.getPrototypeOf(value) as null | object;
  if (proto !== Object.prototype && proto !== null) {
    throw new Error(`cloneState: ${String((value as object).constructor?.name)} is not plain data`);
  }
  return proto;
}

/** copy[key] = field; on a plain object, assigning "__proto__" would set the prototype instead of a key. */
function assign(copy: Record<string, unknown>, key: string, field: unknown): void {
  if (key === '__proto__') Object.defineProperty(copy, key, { value: field, enumerable: true, writable: true, configurable: true });
  else copy[key] = field;
}

/** Freezes a value and everything inside it, so that snapshots share it instead of copying it. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}
