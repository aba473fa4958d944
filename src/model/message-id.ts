/**
 * RocketMQ's two message ids (IPv4 only: every simulated host has an IPv4 address).
 * - the client "msgId" (UNIQ_KEY), common/.../message/MessageClientIDSetter.java;
 * - the broker "offsetMsgId", MessageDecoder.createMessageId / decodeMessageId.
 * Both are 16 bytes, big-endian, printed as 32 upper-case hex digits (UtilAll.bytes2string).
 */
import { unhex } from './java.ts';

export type Ipv4 = [number, number, number, number];

/** MessageClientIDSetter.class.getClassLoader().hashCode() as commonly seen for the app class loader. */
export const DEFAULT_CLASS_LOADER_HASH = 0x18b4aac2;

const ID_BYTES = 16;
const TWO_POW_32 = 0x1_0000_0000;

export interface UniqIdFields {
  ip: Ipv4;
  /** Written as (short) pid: only the low 16 bits survive, and parseUniqId returns those. */
  pid: number;
  classLoaderHash: number;
  /** Milliseconds since the start of the current month, written as (int): read back unsigned. */
  startOfMonthMs: number;
  /** AtomicInteger.getAndIncrement() written as a short: wraps at 65 536. */
  counter: number;
}

/**
 * MessageClientIDSetter.createUniqID: ip(4) + pid(2) + class loader hash(4) + time since the
 * start of the month(4) + counter(2). The first 20 hex digits are fixed per producer process.
 */
export function createUniqId(fields: UniqIdFields): string {
  return uniqIdOf(fields.ip, fields.pid, fields.classLoaderHash, fields.startOfMonthMs, fields.counter);
}

/** createUniqId from its fields one by one: a producer makes one per message, without a fields object. */
export function uniqIdOf(ip: Ipv4, pid: number, classLoaderHash: number, startOfMonthMs: number, counter: number): string {
  putIpv4(ip);
  putHex(8, pid, 4);
  putHex(12, classLoaderHash, 8);
  putHex(20, startOfMonthMs, 8);
  putHex(28, counter, 4);
  return printedId();
}

/**
 * The char codes of the id being printed. Both ids are made for every message: each is printed
 * as one flat string in one call, where joining 16 pieces with + made 15 intermediate strings
 * and left a tree of them for whoever read the id first to flatten.
 */
const idDigits: number[] = new Array<number>(2 * ID_BYTES).fill(0);

/** Char codes of the upper-case hex digits (UtilAll.bytes2string prints upper case). */
const HEX_DIGIT_CODES: readonly number[] = Array.from('0123456789ABCDEF', (digit) => digit.charCodeAt(0));

/** The low `count` hex digits of an unsigned 32-bit value, most significant first, at digit `at`. */
function putHex(at: number, value: number, count: number): void {
  for (let i = count - 1; i >= 0; i--) {
    idDigits[at + i] = HEX_DIGIT_CODES[value & 15]!;
    value >>>= 4;
  }
}

function putIpv4(ip: Ipv4): void {
  for (let i = 0; i < 4; i++) putHex(2 * i, ip[i]!, 2);
}

function printedId(): string {
  return String.fromCharCode.apply(null, idDigits);
}
/**
 * The fields of a client msgId, all unsigned (getNearlyTimeFromID reads the time unsigned);
 * null unless `id` is 32 hex digits.
 */
export function parseUniqId(id: string): UniqIdFields | null {
  const view = idView(id);
  if (view === null) return null;
  return {
    ip: readIpv4(view),
    pid: view.getUint16(4),
    classLoaderHash: view.getUint32(6),
    startOfMonthMs: view.getUint32(10),
    counter: view.getUint16(14),
  };
}

export interface OffsetMsgId {
  /** "a.b.c.d", as UtilAll.ipToIPv4Str prints it. */
  ip: string;
  port: number;
  commitLogOffset: number;
}

/**
 * MessageDecoder.createMessageId: store host ip(4) + port as int(4) + commit-log physical
 * offset as long(8). The offset must be a safe integer, which every simulated offset is.
 */
export function createOffsetMsgId(ip: Ipv4, port: number, commitLogOffset: number): string {
  if (!Number.isSafeInteger(commitLogOffset) || commitLogOffset < 0) {
    throw new RangeError(`commitLogOffset ${commitLogOffset} is not a non-negative safe integer`);
  }
  putIpv4(ip);
  putHex(8, port, 8);
  putHex(16, Math.floor(commitLogOffset / TWO_POW_32), 8);
  putHex(24, commitLogOffset % TWO_POW_32, 8);
  return printedId();
}

/**
 * MessageDecoder.decodeMessageId for a 32-digit (IPv4) id; null for anything else, including
 * an offset too large to hold exactly in a JS number.
 */
export function decodeOffsetMsgId(id: string): OffsetMsgId | null {
  const view = idView(id);
  if (view === null) return null;
  const high = view.getUint32(8);
  const commitLogOffset = high * TWO_POW_32 + view.getUint32(12);
  if (!Number.isSafeInteger(commitLogOffset)) return null;
  return { ip: ipv4ToString(readIpv4(view)), port: view.getInt32(4), commitLogOffset };
}

const IPV4_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** True for a dotted-quad "a.b.c.d" with every part in 0..255. */
export function isIpv4(s: string): boolean {
  const match = IPV4_PATTERN.exec(s);
  return match !== null && match.slice(1).every((part) => Number(part) <= 255);
}

/** "a.b.c.d" to its four octets; throws on anything else (validate scenario input with isIpv4). */
export function parseIpv4(s: string): Ipv4 {
  const cached = parsedIps.get(s);
  if (cached) return cached;
  if (!isIpv4(s)) throw new Error(`not an IPv4 address: "${s}"`);
  const [a = 0, b = 0, c = 0, d = 0] = s.split('.').map(Number);
  const ip: Ipv4 = [a, b, c, d];
  parsedIps.set(s, ip);
  return ip;
}

/** Hosts are few and ids are made per message: remember each parsed address (a pure memo). */
const parsedIps = new Map<string, Ipv4>();

/** UtilAll.ipToIPv4Str. */
export function ipv4ToString(ip: Ipv4): string {
  return ip.join('.');
}

function idView(id: string): DataView | null {
  const bytes = id.length === 2 * ID_BYTES ? unhex(id) : null;
  return bytes === null ? null : new DataView(bytes.buffer);
}

function readIpv4(view: DataView): Ipv4 {
  return [view.getUint8(0), view.getUint8(1), view.getUint8(2), view.getUint8(3)];
}
