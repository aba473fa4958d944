/**
 * The state's patches packed for the wire (src/sim/frame/packed-patches.ts): what the page
 * unpacks is what the differ made, and each path says only what differs from the one before.
 */
import { describe, expect, it } from 'vitest';
import { packPatches, unpackPatches } from '../../../src/sim/frame/packed-patches.ts';
import type { StatePatch } from '../../../src/sim/frame/state-diff.ts';

const patches: StatePatch[] = [
  { op: 'set', path: [], value: new Map([['a', 1]]) },
  { op: 'set', path: ['clients', 'c-1', 'processQueueTable', 'T@b@0', 'nextOffset'], value: 12 },
  { op: 'set', path: ['clients', 'c-1', 'processQueueTable', 'T@b@0', 'queueOffsetMax'], value: 15 },
  { op: 'length', path: ['clients', 'c-1', 'processQueueTable', 'T@b@0', 'outstanding'], length: 2 },
  { op: 'set', path: ['clients', 'c-1', 'processQueueTable', 'T@b@0', 'outstanding', 1], value: 14 },
  { op: 'delete', path: ['clients', 'c-1', 'processQueueTable', '__proto__'] },
  { op: 'order', path: ['clients', 'c-1', 'processQueueTable'], keys: ['T@b@1', 'T@b@0'] },
  { op: 'set', path: ['clients', 'constructor', 'offsetTable'], value: null },
  { op: 'set', path: ['brokers'], value: undefined },
  { op: 'delete', path: ['brokers', 0] },
];

describe('packed patches', () => {
  it('unpack to the patches that were packed, ops, paths and payloads', () => {
    expect(unpackPatches(structuredClone(packPatches(patches)))).toEqual(patches);
    expect(unpackPatches(packPatches([]))).toEqual([]);
  });

  it('carry each path as the keys that differ from the path before', () => {
    const packed = packPatches(patches);
    expect(packed.keys).toEqual([
      'clients', 'c-1', 'processQueueTable', 'T@b@0', 'nextOffset',
      'queueOffsetMax',
      'outstanding',
      1,
      '__proto__',
      'constructor', 'offsetTable',
      'brokers',
      0,
    ]);
    expect(packed.payloads).toEqual([new Map([['a', 1]]), 12, 15, 2, 14, ['T@b@1', 'T@b@0'], null, undefined]);
  });
});
