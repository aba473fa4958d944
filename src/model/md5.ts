/**
 * MD5 (RFC 1321) and Java-compatible UTF-8, written out by hand because the model runs in the
 * browser as well as under Node (no 'crypto', no Buffer). RocketMQ needs MD5 for one thing:
 * ConsistentHashRouter.MD5Hash, which places clients and queues on the consistent-hash ring.
 */

/** Per-step left-rotation amounts, RFC 1321 §3.4 (four rounds of four values, repeated). */
const SHIFTS = Uint8Array.of(
  7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
  5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
  6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
);

/**
 * T[i] = floor(2^32 * |sin(i + 1)|), RFC 1321 §3.4. Written as literals rather than computed,
 * because Math.sin is not required to be correctly rounded and must not decide a hash. Stored as
 * Int32Array, which wraps the values above 2^31 to the signed words the arithmetic below uses.
 */
const T = Int32Array.of(
  0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
  0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
  0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
  0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
  0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
  0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
  0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
  0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
);

/** Appends 0x80, zeros to 56 mod 64, then the bit length as a little-endian 64-bit value (§3.1-3.2). */
function pad(message: Uint8Array): Uint8Array {
  const paddedLength = (((message.length + 8) >>> 6) + 1) << 6;
  const padded = new Uint8Array(paddedLength);
  padded.set(message);
  padded[message.length] = 0x80;
  const view = new DataView(padded.buffer);
  const bitLength = message.length * 8;
  view.setUint32(paddedLength - 8, bitLength >>> 0, true);
  view.setUint32(paddedLength - 4, Math.floor(bitLength / 0x1_0000_0000), true);
  return padded;
}

/** Message-word index of each step (§3.4: rounds take k = i, 5i+1, 3i+5, 7i mod 16). */
const WORD_INDEX = Uint8Array.from({ length: 64 }, (_, i) => {
  if (i < 16) return i;
  if (i < 32) return (5 * i + 1) % 16;
  if (i < 48) return (3 * i + 5) % 16;
  return (7 * i) % 16;
});

/** The auxiliary function of step i's round: F, G, H or I (§3.4). */
function roundFunction(i: number, b: number, c: number, d: number): number {
  if (i < 16) return (b & c) | (~b & d);
  if (i < 32) return (d & b) | (~d & c);
  if (i < 48) return b ^ c ^ d;
  return c ^ (b | ~d);
}

/** Processes one 64-byte block (16 little-endian words) into the four-word state, in place. */
function processBlock(state: Int32Array, words: Int32Array): void {
  let a = state[0] ?? 0;
  let b = state[1] ?? 0;
  let c = state[2] ?? 0;
  let d = state[3] ?? 0;
  for (let i = 0; i < 64; i++) {
    const sum = (a + roundFunction(i, b, c, d) + (T[i] ?? 0) + (words[WORD_INDEX[i] ?? 0] ?? 0)) | 0;
    const shift = SHIFTS[i] ?? 0;
    a = d;
    d = c;
    c = b;
    b = (b + ((sum << shift) | (sum >>> (32 - shift)))) | 0;
  }
  state[0] = (state[0] ?? 0) + a;
  state[1] = (state[1] ?? 0) + b;
  state[2] = (state[2] ?? 0) + c;
  state[3] = (state[3] ?? 0) + d;
}

/** MD5 digest of `bytes`: 16 bytes, as MessageDigest.getInstance("MD5").digest() returns. */
export function md5(bytes: Uint8Array): Uint8Array {
  const view = new DataView(pad(bytes).buffer);
  const state = Int32Array.of(0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476);
  const words = new Int32Array(16);
  for (let offset = 0; offset < view.byteLength; offset += 64) {
    for (let w = 0; w < 16; w++) words[w] = view.getInt32(offset + 4 * w, true);
    processBlock(state, words);
  }
  const digest = new Uint8Array(16);
  const out = new DataView(digest.buffer);
  state.forEach((word, i) => out.setInt32(4 * i, word, true));
  return digest;
}

/** Java's replacement byte for a lone surrogate in String.getBytes (StandardCharsets.UTF_8): '?'. */
const JAVA_REPLACEMENT = 0x3f;

/** Appends the UTF-8 encoding of one code point. */
function pushCodePoint(out: number[], cp: number): void {
  if (cp < 0x80) {
    out.push(cp);
  } else if (cp < 0x800) {
    out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  } else {
    out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
}

/**
 * String.getBytes(UTF_8) as the JVM does it (ConsistentHashRouter.MD5Hash calls key.getBytes()
 * with the platform charset, UTF-8 on a modern JVM): a lone surrogate becomes '?', where
 * TextEncoder would write U+FFFD.
 */
export function utf8(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i) ?? 0;
    if (cp > 0xffff) i++;
    const loneSurrogate = cp >= 0xd800 && cp <= 0xdfff;
    pushCodePoint(out, loneSurrogate ? JAVA_REPLACEMENT : cp);
  }
  return Uint8Array.from(out);
}
