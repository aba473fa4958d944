import fc from 'fast-check';
import { parseScenarioText } from '../../../src/scenario/parse.ts';
import { validateScenario, type ValidationResult } from '../../../src/scenario/validate.ts';

/** A valid scenario that uses most features, as raw material for mutations. */
const RICH = {
  version: 1,
  name: 'Rich',
  seed: 7,
  durationMs: 120_000,
  config: { rocketmqVersion: '4.x', pollNameServerIntervalMs: 10_000, sendLatencyFaultEnable: true },
  nameServers: [{ id: 'ns-1' }, { id: 'ns-2', ip: '10.9.0.2', startAt: 5 }],
  brokers: [
    { name: 'broker-a', role: 'SYNC_MASTER', flushDiskType: 'SYNC_FLUSH' },
    { name: 'broker-a', brokerId: 1 },
    { name: 'broker-b', cluster: 'C2', port: 20911 },
  ],
  topics: [
    { name: 'T1', writeQueueNums: 8, readQueueNums: 4 },
    { name: 'T2', brokers: [{ name: 'broker-a', writeQueueNums: 2 }, { name: 'broker-b' }] },
  ],
  producers: [{ id: 'p-1', group: 'PG', topic: 'T1', tags: ['A', 'B'], arrival: 'poisson', delayLevel: 3, keyPrefix: 'k' }],
  consumers: [
    { id: 'c-1', group: 'CG', topic: 'T1', allocateStrategy: 'CONFIG', messageQueueList: ['broker-a:0'] },
    { id: 'c-2', group: 'CG', topic: 'T1', allocateStrategy: 'MACHINE_ROOM', consumeridcs: ['idc-1'], failureRate: 0.5 },
  ],
  timeline: [
    { at: 30_000, action: 'partitionBroker', target: 'broker-a', brokerId: 1 },
    { at: 10_000, action: 'addConsumer', consumer: { id: 'c-3', group: 'CG', topic: 'T1' } },
    { at: 40_000, action: 'hangConsumer', target: 'c-3' },
    { at: 50_000, action: 'partitionLink', target: 'ns-1', peer: 'p-1' },
    { at: 60_000, action: 'updateTopic', topic: 'T2', broker: 'broker-b', perm: 4 },
    { at: 70_000, action: 'setProducerRate', target: 'p-1', ratePerSec: 0 },
  ],
};

type Mutation = (value: unknown) => unknown;

/** Replaces, deletes or adds something at a random depth of a JSON value. */
function mutation(): fc.Arbitrary<Mutation> {
  return fc.tuple(fc.nat(), fc.nat(), fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('replace', 'delete', 'add')).map(
    ([pick, depth, junk, kind]) => (value) => mutate(value, pick, depth % 5, junk, kind),
  );
}

function mutate(value: unknown, pick: number, depth: number, junk: unknown, kind: string): unknown {
  if (typeof value !== 'object' || value === null) return kind === 'delete' ? undefined : junk;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...value };
  const keys = Object.keys(copy);
  if (kind === 'add' && depth === 0) return Object.assign(copy, { [`x${pick % 3}`]: junk });
  if (keys.length === 0) return junk;
  const key = keys[pick % keys.length] as string;
  const child = (copy as Record<string, unknown>)[key];
  if (depth === 0 && kind === 'delete') delete (copy as Record<string, unknown>)[key];
  else (copy as Record<string, unknown>)[key] = depth === 0 ? junk : mutate(child, Math.floor(pick / 7), depth - 1, junk, kind);
  return copy;
}

/** A result is either a scenario or a non-empty list of readable problems. */
function expectWellFormed(result: ValidationResult): void {
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(typeof error.path).toBe('string');
    expect(error.message).not.toMatch(/Invalid input|expected .*, received|at Object\.|\n/);
  }
}

describe('validateScenario never throws', () => {
  it('accepts the rich scenario the mutations start from', () => {
    expect(validateScenario(RICH)).toMatchObject({ ok: true });
  });

  it('on arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => expectWellFormed(validateScenario(value))));
  });

  it('on arbitrary objects with the top-level fields of a scenario', () => {
    const field = fc.jsonValue({ maxDepth: 3 });
    const file = fc.record({
      version: fc.oneof(fc.constant(1), field),
      durationMs: field, config: field, nameServers: field, brokers: field, topics: field, producers: field, consumers: field, timeline: field,
    }, { requiredKeys: ['version'] });
    fc.assert(fc.property(file, (value) => expectWellFormed(validateScenario(value))));
  });

  it('on random mutations of a valid scenario', () => {
    fc.assert(fc.property(fc.array(mutation(), { minLength: 1, maxLength: 4 }), (mutations) => {
      const mutated = mutations.reduce<unknown>((value, change) => change(value), RICH);
      expectWellFormed(validateScenario(mutated));
    }), { numRuns: 300 });
  });

  it('on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (text) => expectWellFormed(parseScenarioText(text))));
  });

  it('on values JSON cannot hold but code can pass', () => {
    for (const value of [NaN, Infinity, Symbol('s'), () => 1, new Map(), { version: 1, brokers: [{ name: 'b', port: NaN }] }, { version: 1n }]) {
      expect(() => validateScenario(value)).not.toThrow();
    }
  });
});

describe('validateScenario is a function of its input', () => {
  it('gives equal results for equal inputs', () => {
    fc.assert(fc.property(fc.array(mutation(), { maxLength: 3 }), (mutations) => {
      const mutated = mutations.reduce<unknown>((value, change) => change(value), RICH);
      expect(validateScenario(structuredClone(mutated))).toEqual(validateScenario(mutated));
    }), { numRuns: 50 });
  });
});
