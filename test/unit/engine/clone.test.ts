import { describe, expect, it } from 'vitest';
import { cloneState, dict } from '../../../src/engine/index.ts';

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
