import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { hex } from '../../../src/model/java.ts';
import { md5, utf8 } from '../../../src/model/md5.ts';

const isSurrogate = (cp: number): boolean => cp >= 0xd800 && cp <= 0xdfff;
/** Any Unicode scalar values (1-, 2-, 3- and 4-byte UTF-8), built from code points for speed. */
const wellFormedText = fc
  .array(fc.integer({ min: 0, max: 0x10ffff }).filter((cp) => !isSurrogate(cp)), { maxLength: 40 })
  .map((codePoints) => String.fromCodePoint(...codePoints));

const md5Hex = (s: string): string => hex(md5(utf8(s))).toLowerCase();

describe('md5 (RFC 1321)', () => {
  // RFC 1321 appendix A.5, the test suite.
  it.each([
    ['', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['a', '0cc175b9c0f1b6a831c399e269772661'],
    ['abc', '900150983cd24fb0d6963f7d28e17f72'],
    ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
    ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
    ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 'd174ab98d277d9f5a5611c2c9f419d9f'],
    [
      '12345678901234567890123456789012345678901234567890123456789012345678901234567890',
      '57edf4a22be3c955ac49da2e2107b67a',
    ],
  ])('MD5(%j) = %s', (input, expected) => {
    expect(md5Hex(input)).toBe(expected);
  });

  it('agrees with node:crypto on any bytes, across the 55/56/64-byte padding edges', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const expected = createHash('md5').update(bytes).digest();
        expect(md5(bytes)).toEqual(Uint8Array.from(expected));
      }),
    );
  });
});

describe('utf8 (Java String.getBytes(UTF_8))', () => {
  it('encodes well-formed text like any UTF-8 encoder', () => {
    fc.assert(
      fc.property(wellFormedText, (s) => {
        expect(utf8(s)).toEqual(Uint8Array.from(Buffer.from(s, 'utf8')));
      }),
    );
  });

  it('writes "?" for a lone surrogate, as the JVM does', () => {
    expect(utf8('\ud800')).toEqual(Uint8Array.of(0x3f));
    expect(utf8('a\udc00b')).toEqual(Uint8Array.of(0x61, 0x3f, 0x62));
  });
});
