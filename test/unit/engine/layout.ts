import { AppendLog } from '../../../src/engine/index.ts';

/** Everything a restore depends on: each object's kind, prototype and keys in order, leaves as they are. */
export function layout(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof AppendLog) return { log: value.toArray() };
  if (Array.isArray(value)) return { array: value.map(layout) };
  if (value instanceof Map) return { map: [...value].map(([k, v]) => [k, layout(v)]) };
  if (value instanceof Set) return { set: [...value] };
  if (ArrayBuffer.isView(value)) return { typed: Array.from(value as unknown as Float64Array) };
  const proto = Object.getPrototypeOf(value) as unknown;
  // Mark sets: shared by every copy, never copied.
  if (proto !== Object.prototype && proto !== null) return { shared: (value as object).constructor.name };
  const entries = Object.keys(value).map((key) => [key, layout((value as Record<string, unknown>)[key])]);
  return { proto: proto === null ? 'none' : 'Object', frozen: Object.isFrozen(value), entries };
}
