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
  return uniqIdAfter(uniqIdPrefix(fields.ip, fields.pid, fields.classLoaderHash), fields.startOfMonthMs, fields.counter);
}

/** The first 20 hex digits of every msgId of one producer process (MessageClientIDSetter's FIX_STRING). */
export function uniqIdPrefix(ip: Ipv4, pid: number, classLoaderHash: number): string {
  putIpv4(ip);
  putShort(8, pid);
  putInt(12, classLoaderHash);
  // Printed flat: a slice of a whole id would be a view of it, read through it for every message.
  return String.fromCharCode(...idDigits.slice(0, UNIQ_PREFIX_DIGITS));
}

/** createUniqId after its fixed prefix: a producer makes one per message and prints only the last 12 digits anew. */
export function uniqIdAfter(prefix: string, startOfMonthMs: number, counter: number): string {
  for (let i = 0; i < UNIQ_PREFIX_DIGITS; i++) idDigits[i] = prefix.charCodeAt(i);
  putInt(20, startOfMonthMs);
  putShort(28, counter);
  return printedId();
}

/** How many of a msgId's 32 digits are its producer's fixed prefix (MessageClientIDSetter's FIX_STRING); the rest are its time and counter. */
const UNIQ_PREFIX_DIGITS = 20;

/**
 * The char codes of the id being printed. Both ids are made for every message: each is printed
 * as one flat string in one call, where joining 16 pieces with + made 15 intermediate strings
 * and left a tree of them for whoever read the id first to flatten.
 */
const idDigits: number[] = new Array<number>(2 * ID_BYTES).fill(0);

/** Char codes of each byte's two upper-case hex digits (UtilAll.bytes2string prints upper case). */
const HEX_DIGIT_CODES: readonly number[] = Array.from('0123456789ABCDEF', (digit) => digit.charCodeAt(0));
const HIGH_DIGIT: readonly number[] = Array.from({ length: 256 }, (_, byte) => HEX_DIGIT_CODES[byte >>> 4]!);
const LOW_DIGIT: readonly number[] = Array.from({ length: 256 }, (_, byte) => HEX_DIGIT_CODES[byte & 15]!);

/** The two hex digits of the low byte of `value`, at digit `at`. */
function putByte(at: number, value: number): void {
  const byte = value & 0xff;
  idDigits[at] = HIGH_DIGIT[byte]!;
  idDigits[at + 1] = LOW_DIGIT[byte]!;
}

/** The low 16 bits, big-endian (a Java short): 4 digits. */
function putShort(at: number, value: number): void {
  putByte(at, value >>> 8);
  putByte(at + 2, value);
}

/** The low 32 bits, big-endian (a Java int): 8 digits. */
function putInt(at: number, value: number): void {
  putByte(at, value >>> 24);
  putByte(at + 2, value >>> 16);
  putByte(at + 4, value >>> 8);
  putByte(at + 6, value);
}

function putIpv4(ip: Ipv4): void {
  for (let i = 0; i < 4; i++) putByte(2 * i, ip[i]!);
}

/** The 32 digits as one flat string; 32 arguments cost about a third less than fromCharCode.apply (measured in Node 20). */
function printedId(): string {
  const d = idDigits;
  return String.fromCharCode(
    d[0]!, d[1]!, d[2]!, d[3]!, d[4]!, d[5]!, d[6]!, d[7]!, d[8]!, d[9]!, d[10]!, d[11]!, d[12]!, d[13]!, d[14]!, d[15]!,
    d[16]!, d[17]!, d[18]!, d[19]!, d[20]!, d[21]!, d[22]!, d[23]!, d[24]!, d[25]!, d[26]!, d[27]!, d[28]!, d[29]!, d[30]!, d[31]!,
  );
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
  putInt(8, port);
  putInt(16, Math.floor(commitLogOffset / TWO_POW_32));
  putInt(24, commitLogOffset % TWO_POW_32);
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
