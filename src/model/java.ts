/**
 * The few java.lang behaviours RocketMQ's algorithms depend on, reproduced exactly so that
 * hashes, sort orders and ids come out as a real JVM would print them.
 */

/**
 * java.lang.String.hashCode: s[0]*31^(n-1) + ... + s[n-1] over UTF-16 code units, in 32-bit
 * signed arithmetic. RocketMQ stores it as a message's tagsCode and a subscription's codeSet.
 */
export function javaStringHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) {
    h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  }
  return h;
}

/**
 * java.lang.String.compareTo: the difference of the first differing UTF-16 code units, else the
 * difference of the lengths. RebalanceImpl sorts client ids with it, so "10.0.0.10@x" comes
 * before "10.0.0.2@x".
 */
export function javaStringCompare(a: string, b: string): number {
  const common = Math.min(a.length, b.length);
  for (let i = 0; i < common; i++) {
    const diff = a.charCodeAt(i) - b.charCodeAt(i);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

/**
 * java.lang.String.split(regex) with limit 0, for a literal separator: trailing empty strings
 * are removed, but a string without the separator comes back whole (so "" gives [""]).
 * FilterAPI splits "A || B" on "\\|\\|"; AllocateMessageQueueByMachineRoom splits "room@broker" on "@".
 */
export function javaStringSplit(s: string, separator: string): string[] {
  if (!s.includes(separator)) return [s];
  const parts = s.split(separator);
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

const HEX_DIGITS = '0123456789ABCDEF';

/** UtilAll.bytes2string: two upper-case hex digits per byte. */
export function hex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    out += HEX_DIGITS.charAt(byte >>> 4) + HEX_DIGITS.charAt(byte & 0x0f);
  }
  return out;
}

/**
 * UtilAll.string2bytes, strict: upper- or lower-case hex of even length. Returns null for
 * anything else (RocketMQ would silently decode garbage; a learner's pasted id deserves better).
 */
export function unhex(s: string): Uint8Array | null {
  if (s.length % 2 !== 0 || !/^[0-9A-Fa-f]*$/.test(s)) return null;
  const bytes = new Uint8Array(s.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = Number.parseInt(s.slice(2 * i, 2 * i + 2), 16);
  }
  return bytes;
}

/**
 * The order a java.util.HashSet<String> hands back these strings, added in this order: by bucket
 * (HashMap.hash spreads the hash code, the table's mask picks the bucket; the table starts at 16
 * and doubles past 0.75 full), and within a bucket by insertion. mqadmin walks the masters of a
 * cluster in this order (CommandUtil.fetchMasterAddrByClusterName).
 */
export function javaHashSetOrder(items: readonly string[]): string[] {
  const unique = [...new Set(items)];
  let capacity = 16;
  while (unique.length > capacity * 0.75) capacity *= 2;
  const bucket = (s: string): number => {
    const h = javaStringHashCode(s);
    return (h ^ (h >>> 16)) & (capacity - 1);
  };
  return unique.map((s, i) => ({ s, i, b: bucket(s) })).sort((x, y) => x.b - y.b || x.i - y.i).map((x) => x.s);
}
