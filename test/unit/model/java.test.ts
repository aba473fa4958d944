import { hex, javaHashSetOrder, javaStringCompare, javaStringHashCode, javaStringSplit, unhex } from '../../../src/model/java.ts';

describe('javaStringHashCode (java.lang.String.hashCode)', () => {
  it.each([
    ['', 0],
    ['a', 97],
    ['hello', 99_162_322],
    ['Hello World', -862_545_276],
    ['polygenelubricants', -2_147_483_648],
  ])('hashes %j to %d, overflowing like a Java int', (s, expected) => {
    expect(javaStringHashCode(s)).toBe(expected);
  });

  it('gives "Aa" and "BB" the same hash, the classic collision', () => {
    expect(javaStringHashCode('Aa')).toBe(2112);
    expect(javaStringHashCode('BB')).toBe(2112);
  });

  it('hashes UTF-16 code units, so an emoji counts as two chars', () => {
    expect(javaStringHashCode('\u{1F600}')).toBe(0xd83d * 31 + 0xde00);
  });
});

describe('javaStringCompare (java.lang.String.compareTo)', () => {
  it('returns the difference of the first differing chars, else of the lengths', () => {
    expect(javaStringCompare('a', 'b')).toBe(-1);
    expect(javaStringCompare('apple', 'app')).toBe(2);
    expect(javaStringCompare('same', 'same')).toBe(0);
  });

  it('sorts "10.0.0.10@x" before "10.0.0.2@x", as RebalanceImpl sorts client ids', () => {
    expect(['10.0.0.2@x', '10.0.0.10@x'].sort(javaStringCompare)).toEqual(['10.0.0.10@x', '10.0.0.2@x']);
  });

  it('compares code units, not code points (U+FF61 sorts after a surrogate pair)', () => {
    expect(javaStringCompare('\uff61', '\u{1F600}')).toBeGreaterThan(0);
  });
});

describe('javaStringSplit (String.split with limit 0)', () => {
  it.each([
    ['A || B', '||', ['A ', ' B']],
    ['||', '||', []],
    ['||A||||', '||', ['', 'A']],
    ['', '@', ['']],
    ['room1@broker-a', '@', ['room1', 'broker-a']],
    ['a@b@', '@', ['a', 'b']],
    ['noseparator', '@', ['noseparator']],
  ])('splits %j on %j into %j', (s, separator, expected) => {
    expect(javaStringSplit(s, separator)).toEqual(expected);
  });
});

describe('hex (UtilAll.bytes2string) and unhex', () => {
  it('prints two upper-case digits per byte', () => {
    expect(hex(Uint8Array.of(0x00, 0x0a, 0xab, 0xff))).toBe('000AABFF');
  });

  it('reads either case back and rejects odd lengths and non-hex digits', () => {
    expect(unhex('000aABff')).toEqual(Uint8Array.of(0x00, 0x0a, 0xab, 0xff));
    expect(unhex('ABC')).toBeNull();
    expect(unhex('zz')).toBeNull();
  });
});

describe('javaHashSetOrder (java.util.HashSet<String> iteration)', () => {
  // Each expected order is what String.join(",", set) printed on OpenJDK 17 for a HashSet filled in the given order.
  it.each([
    [['10.0.1.1:10911', '10.0.1.2:10911', '10.0.1.3:10911'], '10.0.1.1:10911,10.0.1.2:10911,10.0.1.3:10911'],
    [['10.0.1.3:10911', '10.0.1.1:10911', '10.0.1.2:10911'], '10.0.1.1:10911,10.0.1.2:10911,10.0.1.3:10911'],
    [['broker-a', 'broker-b', 'broker-c'], 'broker-b,broker-c,broker-a'],
    [['192.168.0.10:10911', '192.168.0.2:10911', '192.168.0.33:10911', '10.1.1.1:10911'], '192.168.0.10:10911,10.1.1.1:10911,192.168.0.2:10911,192.168.0.33:10911'],
  ])('%j', (added, printed) => {
    expect(javaHashSetOrder(added).join(',')).toBe(printed);
  });

  it('past 12 entries, in the table doubled to 32 buckets', () => {
    const added = Array.from({ length: 20 }, (_, i) => `10.0.1.${i + 1}:10911`);
    expect(javaHashSetOrder(added).join(',')).toBe('10.0.1.1:10911,10.0.1.7:10911,10.0.1.10:10911,10.0.1.16:10911,10.0.1.20:10911,10.0.1.17:10911,10.0.1.2:10911,10.0.1.11:10911,10.0.1.15:10911,10.0.1.6:10911,10.0.1.5:10911,10.0.1.18:10911,10.0.1.14:10911,10.0.1.4:10911,10.0.1.19:10911,10.0.1.9:10911,10.0.1.13:10911,10.0.1.3:10911,10.0.1.8:10911,10.0.1.12:10911');
  });
});
