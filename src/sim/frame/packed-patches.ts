/**
 * A frame's state patches as they cross to the page: in columns, each path said as how much of
 * the path before it it keeps and the keys that follow. The differ walks the state depth first,
 * so one patch's path mostly repeats the one before (["clients", id, "processQueueTable", queue,
 * "nextOffset"], then the same queue's "queueOffsetMax"), and a structured clone copies every
 * string of every path anew: after a far seek on the large scale test the paths were about 350
 * of 850 KB, and as many strings for the page to make.
 */
import type { PatchPath, StatePatch } from './state-diff.ts';

type Op = StatePatch['op'];

/** The field that carries each kind of patch's payload, if any (one entry of `payloads` per patch that has one). */
const PAYLOAD = { set: 'value', delete: null, length: 'length', order: 'keys' } as const satisfies Record<Op, string | null>;
const OPS = Object.keys(PAYLOAD) as Op[];

export interface PackedPatches {
  /** Three numbers per patch: its op's index in OPS, how many keys of the previous patch's path it keeps, how many of `keys` follow. */
  heads: number[];
  keys: PatchPath;
  payloads: unknown[];
}

export function packPatches(patches: StatePatch[]): PackedPatches {
  const packed: PackedPatches = { heads: [], keys: [], payloads: [] };
  let previous: PatchPath = [];
  for (const patch of patches) {
    const { path } = patch;
    const limit = Math.min(previous.length, path.length);
    let keep = 0;
    while (keep < limit && previous[keep] === path[keep]) keep++;
    packed.heads.push(OPS.indexOf(patch.op), keep, path.length - keep);
    for (let i = keep; i < path.length; i++) packed.keys.push(path[i]!);
    const field = PAYLOAD[patch.op];
    if (field !== null) packed.payloads.push((patch as Record<string, unknown>)[field]);
    previous = path;
  }
  return packed;
}

export function unpackPatches(packed: PackedPatches): StatePatch[] {
  const patches: StatePatch[] = [];
  let previous: PatchPath = [];
  let key = 0;
  let payload = 0;
  for (let i = 0; i < packed.heads.length; i += 3) {
    const op = OPS[packed.heads[i]!]!;
    const path = previous.slice(0, packed.heads[i + 1]);
    for (let end = key + packed.heads[i + 2]!; key < end; key++) path.push(packed.keys[key]!);
    const patch: Record<string, unknown> = { op, path };
    const field = PAYLOAD[op];
    if (field !== null) patch[field] = packed.payloads[payload++];
    patches.push(patch as StatePatch);
    previous = path;
  }
  return patches;
}
