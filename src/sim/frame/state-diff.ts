/**
 * The changes to the model state since the last frame, as patches the page applies to its copy
 * (src/sim/frame/state-mirror.ts). The model changes its state in place, so the worker keeps a
 * shadow of what the page holds (a copy sharing frozen data, like a snapshot) and compares by
 * value; frozen data is compared by identity, since it never changes. A frame in the middle of
 * a large run changes a few hundred values; sending the whole state would clone megabytes.
 */
import { AppendLog } from '../../engine/append-log.ts';
import { cloneState } from '../../engine/clone.ts';
import { MarkSet, SerialMarkSet } from '../../engine/mark-set.ts';
import { setKey, type WireEncoder } from './wire.ts';

export type PatchPath = (string | number)[];

/**
 * Set the value at a path (encoded for the wire), delete the key, cut an array to a length, or put
 * an object's keys in a new order (a key the page does not hold yet takes its place with no value,
 * which a `set` that follows fills).
 */
export type StatePatch =
  | { op: 'set'; path: PatchPath; value: unknown }
  | { op: 'delete'; path: PatchPath }
  | { op: 'length'; path: PatchPath; length: number }
  | { op: 'order'; path: PatchPath; keys: string[] };

type Container = Record<string | number, unknown>;

/**
 * Logs and mark sets are not compared inside: a log is sent as its tail, and a mark set stays in
 * the worker (the page holds a placeholder), so another one (a set made again after a move back)
 * is sent whole, as its placeholder, never as changes inside it.
 */
function isContainer(value: unknown): value is Container {
  return value !== null && typeof value === 'object' && !(value instanceof AppendLog) && !(value instanceof MarkSet) && !(value instanceof SerialMarkSet);
}

/** Whether a shadow container can be updated in place to follow `value`: same shape of container, not frozen. */
function sameKind(value: Container, shadow: unknown): shadow is Container {
  if (!isContainer(shadow) || Object.isFrozen(value) || Object.isFrozen(shadow)) return false;
  if (Array.isArray(value) !== Array.isArray(shadow)) return false;
  return Object.getPrototypeOf(value) === Object.getPrototypeOf(shadow);
}

/** Whether two lists of keys are the same in the same order (the usual case: a table whose rows did not change). */
function sameKeys(keys: string[], shadowKeys: string[]): boolean {
  if (keys.length !== shadowKeys.length) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== shadowKeys[i]) return false;
  return true;
}

/**
 * Whether the keys `value` shares with `shadow` come in the same order: the page adds new keys
 * at the end, so a key deleted and added again (which moves to the end) needs the keys' new
 * order sent. Tables are shown in their order.
 */
function keysInOrder(keys: string[], value: Container, shadowKeys: string[]): boolean {
  let i = 0;
  for (const key of shadowKeys) if (Object.hasOwn(value, key) && keys[i++] !== key) return false;
  return true;
}

/** A table of values this long or longer is sent whole when most of its values changed (see mostlyChanged). */
const WHOLE_TABLE_MIN = 8;

/**
 * Whether most entries of a table of plain values (offsets by queue, a consumer's busy-until per
 * thread) changed: after a far seek nearly all do, and one patch of the whole table costs the
 * wire and the page far less than a patch, with its path, per entry. False when an entry is a
 * container that may change inside (it is compared on its own).
 */
function mostlyChanged(size: number, keys: Iterable<string | number>, value: Container, shadow: Container): boolean {
  if (size < WHOLE_TABLE_MIN) return false;
  let changed = 0;
  for (const key of keys) {
    const item = value[key];
    if (item !== null && typeof item === 'object' && !Object.isFrozen(item)) return false;
    if (item !== shadow[key]) changed++;
  }
  return 2 * changed > size;
}

/**
 * Walks the state and its shadow side by side. Listing an object's keys is most of the cost (a
 * table keyed by names is a prototype-less dictionary, whose keys V8 gathers anew each time), so
 * each side's keys are listed once per object.
 */
export class StateDiffer {
  private readonly holder: { root?: unknown } = {};
  private readonly path: PatchPath = [];
  private patches: StatePatch[] = [];

  constructor(private readonly encoder: WireEncoder) {}

  /** The patches that turn what the page holds into `state`. */
  diff(state: unknown): StatePatch[] {
    this.patches = [];
    const holder = this.holder as Container;
    if (state !== holder.root) this.compareChanged(state, holder, 'root');
    return this.patches;
  }

  private compare(value: unknown, parent: Container, key: string | number): void {
    // Unchanged: a primitive, frozen data, or a mark set (shared by every snapshot).
    if (value === parent[key]) return;
    this.path.push(key);
    this.compareChanged(value, parent, key);
    this.path.pop();
  }

  private compareChanged(value: unknown, parent: Container, key: string | number): void {
    const shadow = parent[key];
    if (value instanceof AppendLog) {
      if (!(shadow instanceof AppendLog) || shadow.storage !== value.storage || shadow.length !== value.length) this.replace(value, parent, key);
    } else if (!isContainer(value) || !sameKind(value, shadow)) {
      this.replace(value, parent, key);
    } else if (Array.isArray(value)) {
      if (!this.compareArray(value, shadow as unknown as unknown[])) this.replace(value, parent, key);
    } else if (!this.compareObject(value, shadow)) {
      this.replace(value, parent, key);
    }
  }

  /** Brings the shadow array in line with `value`; false when most of it changed (then it is sent whole). */
  private compareArray(value: unknown[], shadow: unknown[]): boolean {
    if (mostlyChanged(value.length, value.keys(), value as unknown as Container, shadow as unknown as Container)) return false;
    if (shadow.length > value.length) {
      shadow.length = value.length;
      this.patches.push({ op: 'length', path: [...this.path], length: value.length });
    }
    for (let i = 0; i < value.length; i++) this.compare(value[i], shadow as unknown as Container, i);
    return true;
  }

  /** Brings the shadow object in line with `value`; false when most of it changed (then it is sent whole). */
  private compareObject(value: Container, shadow: Container): boolean {
    const keys = Object.keys(value);
    const shadowKeys = Object.keys(shadow);
    if (mostlyChanged(keys.length, keys, value, shadow)) return false;
    if (!sameKeys(keys, shadowKeys)) {
      for (const key of shadowKeys) {
        if (Object.hasOwn(value, key)) continue;
        delete shadow[key];
        this.patches.push({ op: 'delete', path: [...this.path, key] });
      }
      if (!keysInOrder(keys, value, shadowKeys)) this.reorder(keys, shadow);
    }
    for (const key of keys) this.compare(value[key], shadow, key);
    return true;
  }

  /**
   * Puts the shadow's keys in the order of `keys`, and says so: a table whose rows come and go
   * (the PullRequestHoldService's holds, one key per queue) changes its order at most frames, and
   * its order costs a few names where its values cost the whole table.
   */
  private reorder(keys: string[], shadow: Container): void {
    for (const key of keys) {
      const item = Object.hasOwn(shadow, key) ? shadow[key] : undefined;
      delete shadow[key];
      setKey(shadow as Record<string, unknown>, key, item);
    }
    this.patches.push({ op: 'order', path: [...this.path], keys });
  }

  private replace(value: unknown, parent: Container, key: string | number): void {
    this.patches.push({ op: 'set', path: [...this.path], value: this.encoder.encode(value) });
    const copy = cloneState(value);
    if (key === '__proto__') Object.defineProperty(parent, key, { value: copy, enumerable: true, writable: true, configurable: true });
    else parent[key] = copy;
  }
}
