/**
 * The page's copy of the model state, kept by applying the worker's patches
 * (src/sim/frame/state-diff.ts). Each frame gives a new root, and a new object along every
 * changed path, while what did not change keeps its identity (copy on write): a panel that
 * remembers an object sees at once whether it changed, and the previous frame stays as it was.
 */
import { copyDict } from '../../engine/dict.ts';
import type { PatchPath, StatePatch } from './state-diff.ts';
import { setKey, type WireDecoder } from './wire.ts';

type Container = Record<string | number, unknown>;

function shallowCopy(value: Container): Container {
  if (Array.isArray(value)) return value.slice() as unknown as Container;
  if (Object.getPrototypeOf(value) === null) return copyDict(value);
  return { ...value };
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
    for (const patch of patches) {
      const path: PatchPath = ['root', ...patch.path];
      const last = path.pop()!;
      const parent = this.writable(holder, path, copied);
      if (patch.op === 'delete') delete parent[last];
      else if (patch.op === 'length') (this.writable(parent, [last], copied) as unknown as unknown[]).length = patch.length;
      else setKey(parent as Record<string, unknown>, String(last), this.decoder.decode(patch.value, shared));
    }
    this.root = holder.root;
    return this.root as T;
  }

  /** The container at `path` below `from`, copied (once per frame) along the way. */
  private writable(from: Container, path: PatchPath, copied: Set<unknown>): Container {
    let node = from;
    for (const key of path) {
      let child = node[key] as Container;
      if (!copied.has(child)) {
        child = shallowCopy(child);
        copied.add(child);
        setKey(node as Record<string, unknown>, String(key), child);
      }
      node = child;
    }
    return node;
  }
}
