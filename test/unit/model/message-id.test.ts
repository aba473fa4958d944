import fc from 'fast-check';
import {
  DEFAULT_CLASS_LOADER_HASH,
  createOffsetMsgId,
  createUniqId,
  decodeOffsetMsgId,
  isIpv4,
  parseIpv4,
  parseUniqId,
  type Ipv4,
  type UniqIdFields,
} from '../../../src/model/message-id.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

const fields = (overrides: Partial<UniqIdFields> = {}): UniqIdFields => ({
  ip: [10, 0, 0, 7],
  pid: 4242,
  classLoaderHash: DEFAULT_CLASS_LOADER_HASH,
  startOfMonthMs: 1_000,
  counter: 0,
  ...overrides,
});

const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = fc.tuple(octet, octet, octet, octet) as fc.Arbitrary<Ipv4>;

describe('createUniqId (MessageClientIDSetter.createUniqID)', () => {
  it('lays out ip, pid, class loader hash, time and counter in 32 upper-case hex digits', () => {
    const id = createUniqId(fields({ counter: 0x3d }));
    expect(id).toBe('0A00000710921' + '8B4AAC2' + '000003E8' + '003D');
    expect(id).toMatch(/^[0-9A-F]{32}$/);
  });

  it('keeps the first 20 digits fixed for one producer process', () => {
    const a = createUniqId(fields({ startOfMonthMs: 5, counter: 1 }));
    const b = createUniqId(fields({ startOfMonthMs: 99_999, counter: 2 }));
    expect(a.slice(0, 20)).toBe(b.slice(0, 20));
    expect(a.slice(20)).not.toBe(b.slice(20));
  });

  it('wraps the counter at 65 536 and keeps only the low 16 bits of the pid', () => {
    expect(createUniqId(fields({ counter: 65_535 })).slice(28)).toBe('FFFF');
    expect(createUniqId(fields({ counter: 65_536 })).slice(28)).toBe('0000');
    expect(parseUniqId(createUniqId(fields({ pid: 70_000 })))?.pid).toBe(70_000 & 0xffff);
  });

  it('reads the month offset back unsigned after the 24.86-day int overflow', () => {
    const lastMsOf31DayMonth = 31 * DAY_MS - 1;
    expect(parseUniqId(createUniqId(fields({ startOfMonthMs: lastMsOf31DayMonth })))?.startOfMonthMs).toBe(lastMsOf31DayMonth);
  });

  it('parses back every field it writes', () => {
    fc.assert(
      fc.property(
        ipv4,
        fc.integer({ min: 0, max: 0xffff }),
        fc.integer({ min: 0, max: 0xffff_ffff }),
        fc.integer({ min: 0, max: 31 * DAY_MS - 1 }),
        fc.integer({ min: 0, max: 0xffff }),
        (ip, pid, classLoaderHash, startOfMonthMs, counter) => {
          const original = { ip, pid, classLoaderHash, startOfMonthMs, counter };
          expect(parseUniqId(createUniqId(original))).toEqual(original);
        },
      ),
    );
  });
});

describe('parseUniqId on ids from RocketMQ\'s own tests', () => {
  // common/src/test/.../MessageClientIDSetterTest.testGetNearlyTimeFromID: produced on 2017-03-07
  // 09:04:00 and 15:11:13 GMT+08:00, i.e. 6 days and some hours after the month began.
  it('decodes "AC1F0B01327B5B2133B120D8340B3D7D" to 6 d 09:04:00.011 into the month', () => {
    expect(parseUniqId('AC1F0B01327B5B2133B120D8340B3D7D')).toEqual({
      ip: [172, 31, 11, 1],
      pid: 0x327b,
      classLoaderHash: 0x5b2133b1,
      startOfMonthMs: 6 * DAY_MS + 9 * HOUR_MS + 4 * MINUTE_MS + 11,
      counter: 0x3d7d,
    });
  });

  it('decodes "AC1F0B01696C5B2133B1222866B409C9" to 6 d 15:11:13.076 into the month', () => {
    expect(parseUniqId('AC1F0B01696C5B2133B1222866B409C9')?.startOfMonthMs).toBe(
      6 * DAY_MS + 15 * HOUR_MS + 11 * MINUTE_MS + 13_076,
    );
  });

  it('reads the client IP as getIPStrFromID does ("C0A803CA..." is 192.168.3.202)', () => {
    expect(parseUniqId('C0A803CA00002A9F0000000000031367')?.ip).toEqual([192, 168, 3, 202]);
  });

  it('rejects ids that are not 32 hex digits', () => {
    expect(parseUniqId('AC1F0B01')).toBeNull();
    expect(parseUniqId('24084004018081003FAA1DDE2B3F898A00002A9F0000000000000CA0')).toBeNull();
    expect(parseUniqId('XC1F0B01327B5B2133B120D8340B3D7D')).toBeNull();
  });
});

describe('createOffsetMsgId / decodeOffsetMsgId (MessageDecoder)', () => {
  it('encodes store host 127.0.0.1:9103 and offset 123456 (MessageDecoderTest.testMessageId)', () => {
    const id = createOffsetMsgId([127, 0, 0, 1], 9103, 123_456);
    expect(id).toBe('7F0000010000238F000000000001E240');
    expect(decodeOffsetMsgId(id)).toEqual({ ip: '127.0.0.1', port: 9103, commitLogOffset: 123_456 });
  });

  it.each([
    ['C0A803CA00002A9F0000000000031367', '192.168.3.202', 201_575],
    ['645100FA00002A9F000000489A3AA09E', '100.81.0.250', 0x48_9a3a_a09e],
  ])('decodes %s, an id from RocketMQ\'s tests, to %s:10911', (id, ip, commitLogOffset) => {
    expect(decodeOffsetMsgId(id)).toEqual({ ip, port: 10_911, commitLogOffset });
  });

  it('round-trips any store host and any offset up to 2^53 - 1', () => {
    fc.assert(
      fc.property(ipv4, fc.integer({ min: 0, max: 65_535 }), fc.maxSafeNat(), (ip, port, offset) => {
        expect(decodeOffsetMsgId(createOffsetMsgId(ip, port, offset))).toEqual({
          ip: ip.join('.'),
          port,
          commitLogOffset: offset,
        });
      }),
    );
  });

  it('refuses offsets a JS number cannot hold exactly', () => {
    expect(() => createOffsetMsgId([1, 2, 3, 4], 10_911, -1)).toThrow(RangeError);
    expect(() => createOffsetMsgId([1, 2, 3, 4], 10_911, 2 ** 53)).toThrow(RangeError);
    expect(decodeOffsetMsgId('0102030400002A9FFFFFFFFFFFFFFFFF')).toBeNull();
  });
});

describe('parseIpv4', () => {
  it('splits a dotted quad into octets', () => {
    expect(parseIpv4('10.0.0.12')).toEqual([10, 0, 0, 12]);
  });

  it.each(['256.0.0.1', '1.2.3', '1.2.3.4.5', 'a.b.c.d', '', ' 1.2.3.4'])('rejects %j', (s) => {
    expect(isIpv4(s)).toBe(false);
    expect(() => parseIpv4(s)).toThrow('not an IPv4 address');
  });
});
