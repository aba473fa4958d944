import { indexedKeys, indexKeyHash, indexSlot, MAX_HASH_SLOT_NUM } from '../../../src/model/broker/index-service.ts';
import { javaStringHashCode } from '../../../src/model/java.ts';

describe('IndexService: the hash slot of a key', () => {
  it('indexes topic#key and takes abs(String.hashCode) modulo 5,000,000', () => {
    // "TopicTest#ORDER-1".hashCode() computed by hand from s[0]*31^(n-1) + ... in 32-bit arithmetic.
    const key = 'TopicTest#ORDER-1';
    let h = 0;
    for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) % 2 ** 32;
    const signed = h >= 2 ** 31 ? h - 2 ** 32 : h;
    const slot = indexSlot('TopicTest', 'ORDER-1');
    expect(slot.indexKey).toBe(key);
    expect(slot.keyHash).toBe(Math.abs(signed));
    expect(slot.slot).toBe(Math.abs(signed) % 5_000_000);
    expect(slot.slotPosition).toBe(40 + slot.slot * 4);
  });

  it('takes Integer.MIN_VALUE, whose abs overflows in Java, as hash 0', () => {
    // "polygenelubricants".hashCode() is Integer.MIN_VALUE.
    expect(javaStringHashCode('polygenelubricants')).toBe(-2_147_483_648);
    expect(indexKeyHash('polygenelubricants')).toBe(0);
    expect(indexKeyHash('T#x')).toBe(Math.abs(javaStringHashCode('T#x')));
    expect(indexSlot('T', 'x').slot).toBeLessThan(MAX_HASH_SLOT_NUM);
  });

  it('indexes every key split on a space, then the UNIQ_KEY', () => {
    expect(indexedKeys('ORDER-1 USER-9', 'ABC')).toEqual(['ORDER-1', 'USER-9', 'ABC']);
    expect(indexedKeys('', 'ABC')).toEqual(['ABC']);
  });
});
