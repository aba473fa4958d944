import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseScenarioText } from '../../../src/scenario/parse.ts';
import { simulate } from '../../../src/sim/simulate.ts';
import { TraceHasher } from '../../../src/sim/trace-hash.ts';
import { writeJsonLine } from '../../../src/sim/trace-encoding.ts';

/** What the encoder must write: JSON.stringify's text and a newline, in UTF-8. */
const expected = (value: object) => Buffer.from(`${JSON.stringify(value)}\n`, 'utf8');

function encoded(value: object, size = 1 << 16): Buffer {
  const bytes = new Uint8Array(size);
  const end = writeJsonLine(bytes, 0, value);
  expect(end).toBeLessThanOrEqual(size);
  return Buffer.from(bytes.subarray(0, end));
}

/** Strings that need JSON's escapes or UTF-8's longer forms: quotes, control characters, CJK, emoji and lone surrogates. */
const awkwardString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('"', '\\', '\n', '\u0000', '\u001f', '\u007f', '\u2028', '主题', '\ud83d\ude00', '\ud800', 'a\udc00b', '</script>'),
);
/** Numbers JSON writes in every form: small and large whole numbers, -0, fractions, exponents, NaN and the infinities. */
const anyNumber = fc.oneof(
  fc.integer(),
  fc.integer({ min: 0, max: 20 }),
  fc.maxSafeInteger(),
  fc.double(),
  fc.constantFrom(-0, 0, -1, 9, 10, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), 1e21, 1e-7, 0.1, NaN, Infinity, -Infinity),
);
const plainValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    awkwardString,
    anyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.oneof(tie('value'), fc.constant(undefined)), { maxLength: 4 }),
    tie('object'),
  ),
  object: fc.dictionary(awkwardString, fc.oneof(tie('value'), fc.constant(undefined)), { maxKeys: 5 }),
}));

describe('writeJsonLine (a trace line as UTF-8 bytes, without its string)', () => {
  it('writes the bytes of JSON.stringify for any plain data: escapes, UTF-8, numbers, nesting, left-out keys', () => {
    fc.assert(fc.property(plainValue.object, (value) => {
      expect(encoded(value).equals(expected(value))).toBe(true);
    }), { numRuns: 2_000 });
  });

  it('writes events of one type whose keys differ from the first seen (order, extra, missing, left out) as JSON.stringify does', () => {
    // The first object of a type teaches the encoder that type's keys; every later one is checked against them.
    const shape = fc.record({ t: anyNumber, type: fc.constantFrom('layout.a', 'layout.b', 'layout "主题"\n'), a: plainValue.value, b: awkwardString }, { requiredKeys: ['type'] });
    const extra = fc.dictionary(fc.constantFrom('a', 'b', 'c', 't', 'type', '0'), fc.oneof(plainValue.value, fc.constant(undefined)), { maxKeys: 3 });
    fc.assert(fc.property(fc.array(fc.tuple(shape, extra, fc.boolean()), { minLength: 1, maxLength: 8 }), (events) => {
      for (const [base, more, extraFirst] of events) {
        const value = extraFirst ? { ...more, ...base } : { ...base, ...more };
        expect(encoded(value).equals(expected(value))).toBe(true);
      }
    }), { numRuns: 1_000 });
    const first = { t: 1, type: 'layout.c', broker: 'broker-a', queueId: 3 };
    const reordered = { type: 'layout.c', t: 2, queueId: 4, broker: 'broker-b' };
    const shorter = { t: 3, type: 'layout.c', broker: 'broker-c' };
    const longer = { t: 4, type: 'layout.c', broker: 'broker-d', queueId: 5, extra: '"quoted"' };
    for (const value of [first, reordered, shorter, longer, { ...first, broker: undefined }, first]) expect(encoded(value).equals(expected(value))).toBe(true);
  });

  it('writes every count of digits of a whole number, and the numbers around each power of ten', () => {
    const numbers = [0, -0, 2 ** 31 - 1, 2 ** 31];
    for (let p = 1; p <= 1e10; p *= 10) numbers.push(p - 1, p, p + 1, 2 * p - 1, 99 * p);
    for (const n of numbers) expect(encoded({ t: n, type: 'digits', n: [n, -n] }).toString('utf8')).toBe(expected({ t: n, type: 'digits', n: [n, -n] }).toString('utf8'));
  });

  it('keeps the order of keys as JSON.stringify does, whole-number keys first', () => {
    const value = { t: 5, type: 'x', b: 1, 10: 'ten', a: [undefined, () => 1], 2: 'two', skipped: undefined };
    expect(encoded(value).toString('utf8')).toBe('{"2":"two","10":"ten","t":5,"type":"x","b":1,"a":[null,null]}\n');
  });

  it('tells when a line does not fit (the end is past the buffer) and never writes past it', () => {
    const value = { t: 1, type: 'rebalance', queues: Array.from({ length: 50 }, (_, i) => `broker-${i}@${i}`) };
    const small = new Uint8Array(64 + 8).fill(0xaa);
    expect(writeJsonLine(small.subarray(0, 64), 0, value)).toBeGreaterThan(64);
    expect([...small.subarray(64)]).toEqual(new Array(8).fill(0xaa));
    const chinese = { t: 1, group: '消费者组'.repeat(40) };
    expect(writeJsonLine(new Uint8Array(100), 0, chinese)).toBeGreaterThan(100);
  });

  it('gives the trace of a real run byte for byte, through the hasher and out to its reader', () => {
    for (const file of ['src/scenario/library/controller-failover.json', 'src/scenario/library/consumer-join-leave.json']) {
      const parsed = parseScenarioText(readFileSync(file, 'utf8'));
      if (!parsed.ok) throw new Error(`${file} must be valid`);
      const kept = simulate(parsed.scenario);
      const chunks: Buffer[] = [];
      const { summary } = simulate(parsed.scenario, { onTraceBytes: (chunk) => chunks.push(Buffer.from(chunk)) });
      const lines = kept.trace.map((event) => `${JSON.stringify(event)}\n`).join('');
      expect(Buffer.concat(chunks).equals(Buffer.from(lines, 'utf8'))).toBe(true);
      const byLines = new TraceHasher();
      for (const event of kept.trace) byLines.addLine(JSON.stringify(event));
      expect(summary.traceHash).toBe(byLines.digest());
      expect(kept.summary.traceHash).toBe(byLines.digest());
    }
  });

  it('hashes an event too large for the buffer as its line', () => {
    const huge = { t: 7, type: 'rebalance', consumer: 'c-1', group: 'G', topic: 'T', queues: Array.from({ length: 20_000 }, (_, i) => `broker-a:${i}`) };
    const events = new TraceHasher();
    const lines = new TraceHasher();
    for (const event of [{ t: 1, type: 'fault' }, huge, { t: 8, type: 'fault' }]) {
      events.addEvent(event);
      lines.addLine(JSON.stringify(event));
    }
    expect(events.digest()).toBe(lines.digest());
  });
});
