import { TraceHasher } from '../../../src/sim/trace-hash.ts';

function digestOf(...texts: string[]): string {
  const hasher = new TraceHasher();
  for (const text of texts) hasher.update(text);
  return hasher.digest();
}

/** FNV-1a 64 straight from its definition, in BigInt: xor each code unit in, multiply by the prime. */
function reference(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) hash = ((hash ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n) & 0xffffffffffffffffn;
  return hash.toString(16).padStart(16, '0');
}

describe('TraceHasher (FNV-1a, 64-bit, over UTF-16 code units)', () => {
  it('gives the FNV reference values for ASCII text', () => {
    // FNV-1a's published test values: ASCII code units are the bytes.
    expect(digestOf('')).toBe('cbf29ce484222325');
    expect(digestOf('a')).toBe('af63dc4c8601ec8c');
    expect(digestOf('foobar')).toBe('85944171f73967e8');
  });

  it('hashes code units above 0xff and lone surrogates as the definition does', () => {
    for (const text of ['主题 TopicTest 消费者组', '\ud83d\ude00 and a lone \ud800', '{"t":1,"type":"fault","target":"\\"x\\""}\n']) {
      expect(digestOf(text)).toBe(reference(text));
    }
  });

  it('is the same over a text split anywhere, and over lines with their newlines', () => {
    const text = '{"t":0,"type":"nameServer.chosen","client":"p1","nameServer":"ns1"}';
    expect(digestOf(text.slice(0, 17), text.slice(17))).toBe(digestOf(text));
    const lines = new TraceHasher();
    lines.addLine(text);
    lines.addLine(text);
    expect(lines.digest()).toBe(reference(`${text}\n${text}\n`));
  });
});
