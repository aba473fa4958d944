import fc from 'fast-check';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decompressFromEncodedURIComponent, URI_SAFE_ALPHABET } from '../../../src/scenario/link-decompress.ts';
import { decodeLink, encodeLink } from '../../../src/scenario/link.ts';
import { LIBRARY } from '../../../src/scenario/library/index.ts';

const dataChars = fc.constantFrom(...URI_SAFE_ALPHABET);

describe('decodeLink on any input', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => {
      expect(decodeLink(text).ok).toBe(false);
      expect(decodeLink(`#s=${text}`).ok).toBe(false);
      expect(decodeLink(`#s=1.${text}`).ok).toBe(false);
    }), { numRuns: 2_000 });
  });

  it('never throws on well-formed payloads of random data', () => {
    fc.assert(fc.property(fc.string({ unit: dataChars, maxLength: 400 }), fc.stringMatching(/^[0-9a-f]{8}$/), (data, check) => {
      const result = decodeLink(`#s=1.${data}.${check}&t=5`);
      expect(typeof result.ok).toBe('boolean');
    }), { numRuns: 2_000 });
  });

  it('never throws when a real link is cut or changed at a random place', () => {
    const encoded = encodeLink(LIBRARY[0]!.scenario, 1234);
    if (!encoded.ok) throw new Error('cannot encode');
    const hash = `#${encoded.fragment}`;
    const payloadEnd = hash.indexOf('&t=');
    fc.assert(fc.property(fc.nat(hash.length - 1), fc.string({ minLength: 1, maxLength: 3 }), (at, text) => {
      // A cut inside `&t=1234` only shortens the time, which no check covers.
      if (at < payloadEnd) expect(decodeLink(hash.slice(0, at)).ok).toBe(false);
      const changed = `${hash.slice(0, at)}${text}${hash.slice(at + text.length)}`;
      expect(typeof decodeLink(changed).ok).toBe('boolean');
    }), { numRuns: 1_000 });
  });
});

describe('the bounded decompressor', () => {
  it('decodes exactly what lz-string encodes', () => {
    fc.assert(fc.property(fc.string({ maxLength: 2_000, unit: 'grapheme' }), (text) => {
      const decoded = decompressFromEncodedURIComponent(compressToEncodedURIComponent(text), 1_000_000);
      expect(decoded).toEqual(text === '' ? { ok: false, reason: 'invalid' } : { ok: true, text });
    }), { numRuns: 500 });
  });

  it('stops at the bound', () => {
    const compressed = compressToEncodedURIComponent('ab'.repeat(10_000));
    expect(decompressFromEncodedURIComponent(compressed, 19_999)).toEqual({ ok: false, reason: 'tooLarge' });
    expect(decompressFromEncodedURIComponent(compressed, 20_000)).toMatchObject({ ok: true });
  });
});
