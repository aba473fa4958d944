/**
 * Any name is just a name: every built-in scenario, with its ids, topics, groups, clusters and
 * broker names replaced by JavaScript's built-in object keys (`__proto__`, `constructor`,
 * `toString` ...), runs exactly as with its plain names. RocketMQ itself accepts a topic called
 * `constructor`; a table keyed by names in a plain object would find Object.prototype's members
 * there instead.
 */
import { describe, expect, it } from 'vitest';
import { simulate, Timeline, validateScenario } from '../../src/index.ts';
import { LIBRARY } from '../../src/scenario/library/index.ts';
import { PROPERTY_TIMEOUT_MS } from './arbitraries.ts';

/** Keys every plain object (or function) answers to; the first ones matter most. */
const BUILTIN_KEYS = [
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable',
  'toLocaleString', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__',
  'length', 'prototype', 'apply', 'bind', 'call', 'then', 'toJSON', 'caller', 'arguments',
];

const OBJECT_PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Fields holding a name of the scenario, wherever they appear (timeline actions included). */
const NAME_FIELDS = new Set(['id', 'name', 'cluster', 'group', 'topic', 'target', 'peer', 'broker', 'brokerName']);

function collectNames(value: Json, names: Set<string>, top = true): void {
  if (Array.isArray(value)) {
    for (const item of value) collectNames(item, names, false);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, field] of Object.entries(value)) {
      if (top && (key === 'name' || key === 'description')) continue;
      if (NAME_FIELDS.has(key) && typeof field === 'string') names.add(field);
      else collectNames(field, names, false);
    }
  }
}

/**
 * Names mapped to built-in keys in the same order (string comparison), because RocketMQ sorts
 * by name (brokers, queues, client ids): the renamed run must make the same choices.
 */
function renaming(scenario: Json): Map<string, string> {
  const names = new Set<string>();
  collectNames(scenario, names);
  if (names.size > BUILTIN_KEYS.length) throw new Error(`only ${BUILTIN_KEYS.length} built-in keys for ${names.size} names`);
  const keys = BUILTIN_KEYS.slice(0, names.size).sort();
  const sorted = [...names].sort();
  return new Map(sorted.map((name, i) => [name, keys[i]!]));
}

/** A string with every name in it replaced: whole, or as the part of `%RETRY%g`, `broker:3`, `broker/0`, `ns-1/controller`. */
function renameString(text: string, map: Map<string, string>): string {
  const whole = map.get(text);
  if (whole !== undefined) return whole;
  const match = /^(%RETRY%|%DLQ%)?(.*?)([:/@]\d+|\/controller)?$/.exec(text);
  const inner = match && map.get(match[2]!);
  return match && inner !== undefined ? `${match[1] ?? ''}${inner}${match[3] ?? ''}` : text;
}

function rename(value: Json, map: Map<string, string>, top = true): Json {
  if (typeof value === 'string') return renameString(value, map);
  if (Array.isArray(value)) return value.map((item) => rename(item, map, false));
  if (value === null || typeof value !== 'object') return value;
  const copy: { [key: string]: Json } = Object.create(null) as { [key: string]: Json };
  for (const [key, field] of Object.entries(value)) {
    const keep = top && (key === 'name' || key === 'description');
    // defineProperty: a key "__proto__" must stay a key, not set the copy's prototype.
    Object.defineProperty(copy, keep ? key : renameString(key, map), { value: keep ? field : rename(field, map, false), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** The plain scenario with the default cluster written out, so that renaming reaches it too. */
function withClusters(scenario: Json): Json {
  const file = scenario as { brokers: { [key: string]: Json }[] };
  return { ...file, brokers: file.brokers.map((broker) => ({ cluster: 'DefaultCluster', ...broker })) } as Json;
}

function inverse(map: Map<string, string>): Map<string, string> {
  return new Map([...map].map(([name, key]) => [key, name]));
}

/** The summary without the trace digest (the trace spells the names) and as plain JSON. */
function comparable(summary: object): Json {
  const plain = JSON.parse(JSON.stringify(summary)) as { [key: string]: Json };
  delete plain.traceHash;
  return plain;
}

describe('names that are JavaScript built-in keys', () => {
  it.each(LIBRARY.map((entry) => [entry.id, entry] as const))('%s gives the same summary with every name a built-in key', (_id, entry) => {
    const plain = withClusters(entry.scenario as Json);
    const map = renaming(plain);
    const hostile = JSON.parse(JSON.stringify(rename(plain, map))) as Json;
    expect([...map.values()]).toContain('__proto__');
    const expected = comparable(simulate(plain).summary);
    const actual = rename(comparable(simulate(hostile).summary), inverse(map));
    expect(JSON.parse(JSON.stringify(actual))).toEqual(expected);
    // Snapshots and restores keep those names too: seeking back and forth ends where a straight run does.
    const scenario = validateScenario(hostile);
    if (!scenario.ok) throw new Error('the renamed scenario must validate');
    const timeline = new Timeline(scenario.scenario);
    timeline.seek(timeline.durationMs);
    timeline.seek(timeline.durationMs / 3);
    timeline.seek(timeline.durationMs);
    expect(comparable(timeline.summary())).toEqual(comparable(simulate(hostile).summary));
    // Nothing leaked into every object of the process.
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(OBJECT_PROTOTYPE_KEYS);
  }, PROPERTY_TIMEOUT_MS);
});
