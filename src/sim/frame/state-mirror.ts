/**
 * The page's copy of the model state, kept by applying the worker's patches
 * (src/sim/frame/state-diff.ts). Each frame gives a new root, and a new object along every
 * changed path, while what did not change keeps its identity (copy on write): a panel that
 * remembers an object sees at once whether it changed, and the previous frame stays as it was.
 */
import { dict } from '../../engine/dict.ts';
import type { PatchPath, StatePatch } from './state-diff.ts';
import { setKey, type WireDecoder } from './wire.ts';

type Container = Record<string | number, unknown>;

function shallowCopy(value: Container): Container {
  if (Array.isArray(value)) return value.slice() as unknown as Container;
  if (Object.getPrototypeOf(value) === null) return copyTable(value);
  return { ...value };
}

/**
 * A copy of a dictionary, keys in the same order. A loop over its keys: Object.assign (copyDict)
 * costs two to three times as much on a prototype-less table, and a large run's frame copies a
 * table of hundreds of queues or clients for every broker or group it changes (the process
 * queues, the offset tables), up to sixty times a second.
 */
function copyTable(table: Container): Container {
  const copy = dict<unknown>() as Container;
  const keys = Object.keys(table);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    copy[key] = table[key];
  }
  return copy;
}

export class StateMirror<T> {
  private root: unknown;

  constructor(private readonly decoder: WireDecoder) {}

  get state(): T {
    return this.root as T;
  }

  /** Applies one frame's patches; returns the new state. */
  apply(patches: StatePatch[]): T {
    const copied = new Set<unknown>();
    const shared = new Map<object, unknown>();
    const holder: Container = { root: this.root };
    copied.add(holder);
    // The differ walks the state depth first, so a container's patches come one after another:
    // the path to their parent is walked (and copied) once for all of them.
    let parent = holder;
    let parentOf: PatchPath | null = null;
    for (const patch of patches) {
      const { path } = patch;
      if (parentOf === null || !sameParent(parentOf, path)) {
        parent = this.writable(holder, path, copied);
        parentOf = path;
      }
      const last = path.length === 0 ? 'root' : path[path.length - 1]!;
      if (patch.op === 'delete') delete parent[last];
      else if (patch.op === 'length') (this.writableChild(parent, last, copied) as unknown as unknown[]).length = patch.length;
      else if (patch.op === 'order') setKey(parent as Record<string, unknown>, String(last), inOrder(parent[last] as Container, patch.keys, copied));
      else setKey(parent as Record<string, unknown>, String(last), this.decoder.decode(patch.value, shared));
    }
    this.root = holder.root;
    return this.root as T;
  }

  /** The container holding the last key of `path` (below `holder.root`), copied (once per frame) along the way. */
  private writable(holder: Container, path: PatchPath, copied: Set<unknown>): Container {
    if (path.length === 0) return holder;
    let node = this.writableChild(holder, 'root', copied);
    for (let i = 0; i < path.length - 1; i++) node = this.writableChild(node, path[i]!, copied);
    return node;
  }

  /** The container at `node[key]`, copied once per frame. */
  private writableChild(node: Container, key: string | number, copied: Set<unknown>): Container {
    let child = node[key] as Container;
    if (!copied.has(child)) {
      child = shallowCopy(child);
      copied.add(child);
      setKey(node as Record<string, unknown>, String(key), child);
    }
    return child;
  }
}

/** A copy of `table` with its keys in the order of `keys` (a key it lacks holds no value yet); writable for this frame's patches. */
function inOrder(table: Container, keys: string[], copied: Set<unknown>): Container {
  const ordered: Container = Object.getPrototypeOf(table) === null ? dict() : {};
  for (const key of keys) setKey(ordered as Record<string, unknown>, key, Object.hasOwn(table, key) ? table[key] : undefined);
  copied.add(ordered);
  return ordered;
}

/** Whether two paths name keys of the same container. */
function sameParent(a: PatchPath, b: PatchPath): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length - 1; i++) if (a[i] !== b[i]) return false;
  return true;
}
