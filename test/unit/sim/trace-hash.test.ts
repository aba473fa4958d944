import { TraceHasher } from '../../../src/sim/trace-hash.ts';

function digestOf(...texts: string[]): string {
  const hasher = new TraceHasher();
  for (const text of texts) hasher.update(text);
  return hasher.digest();
}

/**
 * MurmurHash3_x86_128 with seed 0 written straight from SMHasher's MurmurHash3.cpp, over a whole
 * byte array at once (no chunks, no carried bytes): h1 and h2 as hex.
 */
function reference(bytes: Uint8Array): string {
  const c = [0x239b961b, 0xab0e9789, 0x38b34ae5, 0xa1e38b93];
  const r = [15, 16, 17, 18];
  const hr = [19, 17, 15, 13];
  const add = [0x561ccd1b, 0x0bcaa747, 0x96cd1c35, 0x32ac3b17];
  const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));
  const mixK = (k: number, lane: number) => Math.imul(rotl(Math.imul(k, c[lane]!), r[lane]!), c[(lane + 1) % 4]!);
  const word = (at: number) => bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24);
  const h = [0, 0, 0, 0];
  const blocks = Math.floor(bytes.length / 16);
  for (let b = 0; b < blocks; b++) {
    for (let lane = 0; lane < 4; lane++) {
      h[lane] = h[lane]! ^ mixK(word(b * 16 + lane * 4), lane);
      h[lane] = (Math.imul((rotl(h[lane]!, hr[lane]!) + h[(lane + 1) % 4]!) | 0, 5) + add[lane]!) | 0;
    }
  }
  const tail = bytes.length & 15;
  const k = [0, 0, 0, 0];
  for (let i = 0; i < tail; i++) k[i >> 2] = k[i >> 2]! ^ (bytes[blocks * 16 + i]! << ((i % 4) * 8));
  for (let lane = 0; lane < 4; lane++) if (tail > lane * 4) h[lane] = h[lane]! ^ mixK(k[lane]!, lane);
  for (let lane = 0; lane < 4; lane++) h[lane] = h[lane]! ^ bytes.length;
  const mixLanes = () => {
    h[0] = (h[0]! + h[1]! + h[2]! + h[3]!) | 0;
    for (let lane = 1; lane < 4; lane++) h[lane] = (h[lane]! + h[0]!) | 0;
  };
  const fmix = (x: number) => {
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    return x ^ (x >>> 16);
  };
  mixLanes();
  for (let lane = 0; lane < 4; lane++) h[lane] = fmix(h[lane]!);
  mixLanes();
  return h.slice(0, 2).map((x) => (x >>> 0).toString(16).padStart(8, '0')).join('');
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A deterministic text of `n` lines of varied lengths, some long and some in Chinese. */
function lines(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    if (i % 97 === 0) return 'x'.repeat(70_000 + i);
    const line = `{"t":${i * 7},"type":"message.sent","producer":"生产者-${i % 13}","queueId":${i % 8}}`;
    return line.slice(0, (i * 31) % line.length + 1);
  });
}

describe('TraceHasher (MurmurHash3_x86_128, seed 0, over UTF-8; h1 then h2)', () => {
  it('gives published MurmurHash3_x86_128 values (h1 and h2 of the 128-bit digest)', () => {
    // Test values of daisuke-t-jp/MurmurHash-Swift (seed 0): every tail length, blocks, multi-byte UTF-8.
    const published: [string, string][] = [
      ['', '0000000000000000'],
      ['H', 'f69feb5df45637a0'],
      ['Hello', '2360ae465e6336c6'],
      ['Hello World!', '6bee9883eb1be4f5'],
      ['Hello World! H', 'aaadb4452b35ce37'],
      ['Hello World! Hello Wo', '9fed48e5144ba009'],
      ['Hello World! Hello World! Hello Worl', '436b1e30e43564f7'],
      ['メロスは激怒し', '30bdbe4addaf1171'],
      ['メロスは激怒した。必ず、かの', '1d028a63972c672b'],
    ];
    for (const [text, digest] of published) {
      expect(digestOf(text)).toBe(digest);
      expect(reference(utf8(text))).toBe(digest);
    }
  });

  it('is the digest of the whole text however it is split into texts and lines', () => {
    const text = '{"t":0,"type":"nameServer.chosen","client":"消费者 p1","nameServer":"ns1"}';
    for (let at = 0; at <= text.length; at += 5) expect(digestOf(text.slice(0, at), text.slice(at))).toBe(reference(utf8(text)));
    const all = lines(400);
    const hasher = new TraceHasher();
    for (const line of all) hasher.addLine(line);
    const joined = all.map((line) => `${line}\n`).join('');
    expect(joined.length).toBeGreaterThan(250_000);
    expect(hasher.digest()).toBe(reference(utf8(joined)));
  });

  it('can go on after a digest, and a lone surrogate counts as U+FFFD as in the UTF-8 trace file', () => {
    const hasher = new TraceHasher();
    hasher.addLine('first');
    expect(hasher.digest()).toBe(reference(utf8('first\n')));
    hasher.addLine('second');
    expect(hasher.digest()).toBe(reference(utf8('first\nsecond\n')));
    expect(digestOf('a\ud800b')).toBe(reference(Uint8Array.of(0x61, 0xef, 0xbf, 0xbd, 0x62)));
  });
});
