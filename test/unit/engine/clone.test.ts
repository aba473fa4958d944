import { describe, expect, it } from 'vitest';
import { AppendLog, cloneState, dict } from '../../../src/engine/index.ts';
import { cloneStateSharing } from '../../../src/engine/clone.ts';
import { layout } from './layout.ts';

describe('cloneState of tables keyed by names', () => {
  it('keeps a dictionary without a prototype, with keys such as __proto__ and constructor as plain keys', () => {
    const [proto, constructor, toString]: string[] = ['__proto__', 'constructor', 'toString'];
    const table = dict<{ n: number }>();
    table[proto!] = { n: 1 };
    table[constructor!] = { n: 2 };
    const copy = cloneState(table);
    expect(Object.getPrototypeOf(copy)).toBeNull();
    expect(Object.keys(copy)).toEqual(['__proto__', 'constructor']);
    expect(copy[proto!]).toEqual({ n: 1 });
    expect(copy[proto!]).not.toBe(table[proto!]);
    expect(copy[toString!]).toBeUndefined();
  });

  it('copies an own "__proto__" key of a plain object as a key, never as the prototype', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const copy = cloneState(parsed);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
    expect((copy as { polluted?: boolean }).polluted).toBeUndefined();
  });
});

/** Every non-frozen object of `value`, to check that a copy shares none of them. */
function mutableParts(value: unknown, into = new Set<object>()): Set<object> {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return into;
  into.add(value);
  if (value instanceof Map) for (const item of value.values()) mutableParts(item, into);
  else if (!(value instanceof Set) && !(value instanceof AppendLog)) for (const item of Object.values(value)) mutableParts(item, into);
  return into;
}

function state() {
  const log = new AppendLog<number>();
  log.append(1);
  const table = dict<{ offset: number }>();
  table['TopicA@0'] = { offset: 1 };
  table['TopicA@1'] = { offset: 2 };
  return {
    config: { brokers: ['a', 'b'], nested: { depth: 1 } },
    table,
    holds: [{ rpcId: 1 }, { rpcId: 2 }],
    log,
    byNode: new Map([['n1', { up: true }], ['n2', { up: false }]]),
    seen: new Set(['x']),
    route: Object.freeze({ brokerName: 'a' }),
  };
}

describe('cloneStateSharing: a checkpoint takes what did not change from the one before', () => {
  it('gives the previous copy whole when nothing changed, and never the live state', () => {
    const live = state();
    const previous = cloneState(live);
    expect(cloneStateSharing(live, previous)).toBe(previous);
  });

  it('shares the unchanged parts and copies the changed ones, with the layout cloneState gives', () => {
    const live = state();
    const previous = cloneState(live);
    live.table['TopicA@1']!.offset = 3;
    live.holds.push({ rpcId: 3 });
    live.log.append(2);
    live.byNode.get('n2')!.up = true;
    const copy = cloneStateSharing(live, previous);
    expect(layout(copy)).toEqual(layout(cloneState(live)));
    expect(copy.config).toBe(previous.config);
    expect(copy.table['TopicA@0']).toBe(previous.table['TopicA@0']);
    expect(copy.table['TopicA@1']).not.toBe(previous.table['TopicA@1']);
    expect(copy.holds[0]).toBe(previous.holds[0]);
    expect(copy.log.length).toBe(2);
    expect(copy.byNode.get('n1')).toBe(previous.byNode.get('n1'));
    expect(copy.route).toBe(live.route);
    for (const part of mutableParts(live)) expect(mutableParts(copy).has(part)).toBe(false);
    // The previous copy is left as it was.
    expect(previous.table['TopicA@1']!.offset).toBe(2);
    expect(previous.log.length).toBe(1);
  });

  it('follows a key that moved to the end (a row removed and put back), since the model iterates tables in order', () => {
    const live = state();
    const previous = cloneState(live);
    const row = live.table['TopicA@0']!;
    delete live.table['TopicA@0'];
    live.table['TopicA@0'] = row;
    live.byNode.delete('n1');
    live.byNode.set('n1', { up: true });
    const copy = cloneStateSharing(live, previous);
    expect(Object.keys(copy.table)).toEqual(['TopicA@1', 'TopicA@0']);
    expect([...copy.byNode.keys()]).toEqual(['n2', 'n1']);
    expect(copy.table['TopicA@0']).toBe(previous.table['TopicA@0']);
    expect(layout(copy)).toEqual(layout(cloneState(live)));
  });

  it('drops removed keys and items, and copies added ones', () => {
    const live = state();
    const previous = cloneState(live);
    delete live.table['TopicA@1'];
    live.holds.pop();
    live.seen.add('y');
    (live.config as Record<string, unknown>)['added'] = { n: 1 };
    const copy = cloneStateSharing(live, previous);
    expect(layout(copy)).toEqual(layout(cloneState(live)));
    expect(copy.holds).not.toBe(previous.holds);
    expect(copy.holds[0]).toBe(previous.holds[0]);
    expect(copy.seen).not.toBe(previous.seen);
  });

  it('never takes a frozen part of the previous copy for a part the model may change', () => {
    const frozen = Object.freeze({ n: 1 });
    const previous = { part: frozen };
    const copy = cloneStateSharing({ part: { n: 1 } }, previous);
    expect(Object.isFrozen(copy.part)).toBe(false);
    expect(copy.part).toEqual({ n: 1 });
  });

  it('keeps a dictionary one and a "__proto__" key a key', () => {
    const [proto]: string[] = ['__proto__'];
    const live = dict<{ n: number }>();
    live[proto!] = { n: 1 };
    live['b'] = { n: 2 };
    const previous = cloneState(live);
    live['b'] = { n: 3 };
    const copy = cloneStateSharing(live, previous);
    expect(Object.getPrototypeOf(copy)).toBeNull();
    expect(Object.keys(copy)).toEqual(['__proto__', 'b']);
    expect(copy[proto!]).toBe(previous[proto!]);
    const plain = JSON.parse('{"__proto__": {"n": 1}, "a": 1}') as Record<string, unknown>;
    const plainCopy = cloneStateSharing({ ...plain, a: 2 }, cloneState(plain));
    expect(Object.getPrototypeOf(plainCopy)).toBe(Object.prototype);
    expect(Object.keys(plainCopy)).toEqual(['__proto__', 'a']);
  });
});
