/**
 * IndexService / IndexFile (store/.../index): how a broker finds a message by key. Each key of
 * a message (its keys split on KEY_SEPARATOR " ", and its UNIQ_KEY, the client msgId) is indexed
 * as `topic#key`; the key's hash picks one of 5,000,000 hash slots, and the slot leads to the
 * index entries (keyHash, CommitLog offset, time) of every message with that hash.
 * Only the arithmetic lives here: the simulation does not keep index files.
 */
import { javaStringHashCode } from '../java.ts';

/** IndexService: maxHashSlotNum (MessageStoreConfig). */
export const MAX_HASH_SLOT_NUM = 5_000_000;
/** IndexHeader.INDEX_HEADER_SIZE: the header before the slots. */
const INDEX_HEADER_SIZE = 40;
/** IndexFile.hashSlotSize: each slot holds an int. */
const HASH_SLOT_SIZE = 4;
/** MessageConst.KEY_SEPARATOR. */
const KEY_SEPARATOR = ' ';

export interface IndexSlot {
  /** IndexService.buildKey: topic + "#" + key. */
  indexKey: string;
  /** IndexFile.indexKeyHashMethod: abs(hashCode), Integer.MIN_VALUE (whose abs overflows) taken as 0. */
  keyHash: number;
  /** keyHash % maxHashSlotNum. */
  slot: number;
  /** Byte position of the slot in the index file: header + slot × 4. */
  slotPosition: number;
}

/** IndexFile.indexKeyHashMethod: abs(hashCode); Integer.MIN_VALUE, whose abs overflows, becomes 0. */
export function indexKeyHash(indexKey: string): number {
  const hash = javaStringHashCode(indexKey);
  return hash === -0x8000_0000 ? 0 : Math.abs(hash);
}

export function indexSlot(topic: string, key: string): IndexSlot {
  const indexKey = `${topic}#${key}`;
  const keyHash = indexKeyHash(indexKey);
  const slot = keyHash % MAX_HASH_SLOT_NUM;
  return { indexKey, keyHash, slot, slotPosition: INDEX_HEADER_SIZE + slot * HASH_SLOT_SIZE };
}

/** Whether `key` is one of `keys` as buildIndex splits them (an empty key never is): indexedKeys without its UNIQ_KEY, and without a list. */
export function holdsKey(keys: string, key: string): boolean {
  return key.length > 0 && keys.includes(key) && keys.split(KEY_SEPARATOR).includes(key);
}

/** The keys IndexService.buildIndex indexes for a message: each of its keys, then its UNIQ_KEY. */
export function indexedKeys(keys: string, uniqKey: string): string[] {
  return [...keys.split(KEY_SEPARATOR).filter((key) => key.length > 0), uniqKey];
}
