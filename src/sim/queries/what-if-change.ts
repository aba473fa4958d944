/**
 * One setting changed for a what-if fork (docs/links.md, key `w`): `{ at, path, value }`.
 *
 * - `topics.<topic>.writeQueueNums | readQueueNums | perm`: mqadmin updateTopic at `at`, so the
 *   run is the same until then (the fork starts at the moment chosen).
 * - `config.<key>`, `groups.<group>.allocateStrategy`, `brokers.<brokerName>.role | flushDiskType`:
 *   RocketMQ reads these when a process starts (BrokerConfig, MessageStoreConfig, the consumer's
 *   AllocateMessageQueueStrategy), so the changed run is a cluster started with the new value:
 *   it applies from 0:00, and the first difference shows when it first mattered.
 *
 * The result is validated like any scenario file, so a value out of range is refused with the
 * validator's message. Any name in the path is just a name: it is looked up, never evaluated.
 */
import { ROCKETMQ_4X_OVERRIDES, ROCKETMQ_DEFAULTS, type ConfigKey } from '../../model/defaults.ts';
import type { Scenario } from '../../model/spec.ts';
import { validateScenario } from '../../scenario/validate.ts';

export interface WhatIfChange {
  /** The moment of the fork (ms). */
  at: number;
  path: string;
  value: number | string;
}

export type AppliedChange = { ok: true; scenario: Scenario; effectiveAtMs: number } | { ok: false; message: string };

const TOPIC_FIELDS = ['writeQueueNums', 'readQueueNums', 'perm'] as const;
const BROKER_FIELDS = ['role', 'flushDiskType'] as const;

/** A what-if change read from anything (a link, a form): null when it is not one. */
export function readWhatIfChange(input: unknown): WhatIfChange | null {
  if (typeof input !== 'object' || input === null) return null;
  const { at, path, value } = input as Record<string, unknown>;
  if (typeof at !== 'number' || !Number.isSafeInteger(at) || at < 0) return null;
  if (typeof path !== 'string' || path.length > 300) return null;
  if (typeof value !== 'number' && typeof value !== 'string') return null;
  return { at, path, value };
}

/** `a.b.c` split at its first two dots: the middle part is a name and may hold dots itself. */
function splitPath(path: string): [string, string, string] | null {
  const first = path.indexOf('.');
  const last = path.lastIndexOf('.');
  if (first < 0) return null;
  if (first === last) return [path.slice(0, first), '', path.slice(first + 1)];
  return [path.slice(0, first), path.slice(first + 1, last), path.slice(last + 1)];
}

type Item = Record<string, unknown>;
interface Raw { config: Item; topics: Item[]; brokers: Item[]; consumers: Item[]; timeline: Item[] }

function isConfigKey(key: string): key is ConfigKey {
  return Object.hasOwn(ROCKETMQ_DEFAULTS, key);
}

/** A version switch also switches the defaults that changed between 4.x and 5.x, where the run kept the old default. */
function setVersion(config: Record<string, unknown>, value: string): void {
  const from = config.rocketmqVersion === '4.x' ? ROCKETMQ_4X_OVERRIDES : ROCKETMQ_DEFAULTS;
  const to = value === '4.x' ? ROCKETMQ_4X_OVERRIDES : ROCKETMQ_DEFAULTS;
  for (const key of Object.keys(ROCKETMQ_4X_OVERRIDES) as ConfigKey[]) {
    if (config[key] === from[key]) config[key] = to[key];
  }
  config.rocketmqVersion = value;
}

/** Edits the scenario file in place; returns the time the change takes effect, or a message. */
function edit(raw: Raw, change: WhatIfChange): number | string {
  const parts = splitPath(change.path);
  if (!parts) return `"${change.path}" is not a setting: use config.<key>, topics.<topic>.<field>, groups.<group>.allocateStrategy or brokers.<broker>.<field>`;
  const [section, name, field] = parts;
  if (section === 'config' && name === '') {
    if (!isConfigKey(field)) return `config has no key "${field}"`;
    if (typeof ROCKETMQ_DEFAULTS[field] !== typeof change.value) return `config.${field} takes a ${typeof ROCKETMQ_DEFAULTS[field]}`;
    if (field === 'rocketmqVersion') setVersion(raw.config, String(change.value));
    else raw.config[field] = change.value;
    return 0;
  }
  if (section === 'topics' && (TOPIC_FIELDS as readonly string[]).includes(field)) {
    if (!raw.topics.some((topic) => topic.name === name)) return `no topic named "${name}"`;
    raw.timeline.push({ at: change.at, action: 'updateTopic', topic: name, [field]: change.value });
    return change.at;
  }
  if (section === 'groups' && field === 'allocateStrategy') {
    const members = [...raw.consumers, ...raw.timeline.map((action) => action.consumer as Item | undefined)].filter((c) => c?.group === name);
    if (members.length === 0) return `no consumer group named "${name}"`;
    for (const member of members) member!.allocateStrategy = change.value;
    return 0;
  }
  if (section === 'brokers' && (BROKER_FIELDS as readonly string[]).includes(field)) {
    const brokers = raw.brokers.filter((broker) => broker.name === name && (field === 'flushDiskType' || broker.brokerId === 0));
    if (brokers.length === 0) return `no broker named "${name}"`;
    for (const broker of brokers) broker[field] = change.value;
    return 0;
  }
  return `"${change.path}" is not a setting a what-if can change`;
}

/** The scenario with the change made, validated as a file would be. */
export function applyWhatIf(scenario: Scenario, change: WhatIfChange): AppliedChange {
  const raw = structuredClone(scenario) as unknown as Raw;
  const effect = edit(raw, change);
  if (typeof effect === 'string') return { ok: false, message: effect };
  const result = validateScenario(raw);
  if (!result.ok) return { ok: false, message: result.errors.slice(0, 3).map((error) => `${error.path}: ${error.message}`).join('; ') };
  return { ok: true, scenario: result.scenario, effectiveAtMs: effect };
}

/**
 * The change as the share link's `w` carries it (docs/links.md): `<at>~<path>~<value>`, e.g.
 * `40000~topics.TopicTest.readQueueNums~8`. `~` is not percent-encoded by browsers or chat tools,
 * and RocketMQ's names (topics, groups: TopicValidator's `^[%|a-zA-Z0-9_-]+$`) never hold it.
 */
export function whatIfToLink(change: WhatIfChange): string {
  return `${change.at}~${change.path}~${change.value}`;
}

/** A link's `w`, or null when it is not one (then the link opens without a what-if). */
export function whatIfFromLink(text: string | undefined): WhatIfChange | null {
  const match = text === undefined ? null : /^(\d{1,9})~(.+)~([^~]*)$/.exec(text);
  if (!match) return null;
  const [, at, path, value] = match as unknown as [string, string, string, string];
  return readWhatIfChange({ at: Number(at), path, value: /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value });
}
