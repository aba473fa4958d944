/**
 * The structural pass: zod checks each top-level field and each list item on its own, so one
 * bad item neither hides the problems of the others nor loses the items that are fine.
 */
import type { z } from 'zod/mini';
import { SCENARIO_BOUNDS } from '../model/defaults.ts';
import type { ScenarioTranslations } from '../model/spec.ts';
import type { FocusPanel } from '../model/vocabulary.ts';
import type { ConfigFile } from './config-schema.ts';
import { bounded } from './fields.ts';
import { issuesToErrors, type Path } from './issues.ts';
import { fallbackMessage } from './messages.ts';
import { SCENARIO_DEFAULTS, withoutUndefined } from './normalize.ts';
import {
  ACTION_NAMES, headSchemas, IDENTITY_SCHEMAS, itemSchemas, LISTS, rootSchema, type BrokerFile, type ConsumerFile, type ControllerFile, type IdentityOf, type ItemSchemaOf,
  type ListName, type NamedList, type NameServerFile, type ProducerFile, type TimelineFile, type TopicFile,
} from './schema.ts';
import type { Located } from './references.ts';
import type { ValidationError } from './validate.ts';

/** A list as parsed: an item that failed validation is a hole. */
export type Slots<T> = Array<T | undefined>;

export interface FileParts {
  head: { name?: string; description?: string; seed?: number; durationMs?: number; config?: ConfigFile; focus?: FocusPanel[]; translations?: ScenarioTranslations };
  nameServers: Slots<NameServerFile>;
  controllers: Slots<ControllerFile>;
  brokers: Slots<BrokerFile>;
  topics: Slots<TopicFile>;
  producers: Slots<ProducerFile>;
  consumers: Slots<ConsumerFile>;
  timeline: Slots<TimelineFile>;
  complete: Record<ListName, boolean>;
  /** The names of the items their schema refused, where the naming fields themselves are right (the clients of refused addProducer and addConsumer entries among the producers and consumers). */
  refused: RefusedNames;
  /** Lists whose every item has its name, refused ones included: a reference to any other name is wrong whatever the refused items' other problems. */
  named: Record<NamedList, boolean>;
}

export type RefusedNames = { [L in NamedList]: Array<Located<IdentityOf<L>>> };

/** Parses everything but `version` (validate.ts reads it first), appending problems to `errors`. */
export function parseFile(file: Record<string, unknown>, errors: ValidationError[]): FileParts {
  parsePart(rootSchema, file, [], errors);
  const head = {
    name: parseField(headSchemas.name, file, 'name', errors),
    description: parseField(headSchemas.description, file, 'description', errors),
    seed: parseField(headSchemas.seed, file, 'seed', errors),
    durationMs: parseField(headSchemas.durationMs, file, 'durationMs', errors),
    config: parseField(headSchemas.config, file, 'config', errors),
    focus: parseField(headSchemas.focus, file, 'focus', errors),
    translations: parseField(headSchemas.translations, file, 'translations', errors),
  };
  const items = itemSchemas(timeBound(file, head.durationMs));
  const complete = {} as Record<ListName, boolean>;
  const list = <T>(name: ListName, schema: z.ZodMiniType<T> | ItemSchemaOf<T>): Slots<T> => {
    const parsed = parseList(typeof schema === 'function' ? schema : () => schema, file, name, errors);
    complete[name] = parsed.complete;
    return parsed.items;
  };
  const parts = {
    nameServers: list('nameServers', items.nameServers),
    controllers: list('controllers', items.controllers),
    brokers: list('brokers', items.brokers),
    topics: list('topics', items.topics),
    producers: list('producers', items.producers),
    consumers: list('consumers', items.consumers),
  };
  const timeline = list('timeline', items.timeline);
  return {
    head: withoutUndefined(head),
    ...parts,
    timeline,
    complete,
    refused: {
      nameServers: refusedNames(file, 'nameServers', parts.nameServers),
      controllers: refusedNames(file, 'controllers', parts.controllers),
      brokers: refusedNames(file, 'brokers', parts.brokers),
      topics: refusedNames(file, 'topics', parts.topics),
      producers: [...refusedNames(file, 'producers', parts.producers), ...refusedAdded(file, timeline, 'addProducer', 'producer')],
      consumers: [...refusedNames(file, 'consumers', parts.consumers), ...refusedAdded(file, timeline, 'addConsumer', 'consumer')],
    },
    named: {
      nameServers: everyNamed(file, 'nameServers', parts.nameServers),
      controllers: everyNamed(file, 'controllers', parts.controllers),
      brokers: everyNamed(file, 'brokers', parts.brokers),
      topics: everyNamed(file, 'topics', parts.topics),
      producers: everyNamed(file, 'producers', parts.producers) && everyAddNamed(file, timeline, 'addProducer', 'producer'),
      consumers: everyNamed(file, 'consumers', parts.consumers) && everyAddNamed(file, timeline, 'addConsumer', 'consumer'),
    },
  };
}

/** Whether every item of the list has its name: an absent list has none to miss, a list that is not one misses them all. */
function everyNamed(file: Record<string, unknown>, name: NamedList, slots: Slots<unknown>): boolean {
  const items = file[name];
  if (items === undefined) return true;
  return Array.isArray(items) && slots.length === items.length && refusedNames(file, name, slots).length === slots.filter((slot) => slot === undefined).length;
}

/**
 * Whether every refused timeline entry that might add a client of this kind still names it: an
 * entry with another known action adds none; one without a known action might be meant to.
 */
function everyAddNamed(file: Record<string, unknown>, slots: Slots<unknown>, action: 'addProducer' | 'addConsumer', field: 'producer' | 'consumer'): boolean {
  const entries = file.timeline;
  if (entries === undefined) return true;
  if (!Array.isArray(entries) || slots.length !== entries.length) return false;
  const named = new Set(refusedAdded(file, slots, action, field).map(({ path }) => path[1]));
  return slots.every((slot, index) => {
    const entry: unknown = entries[index];
    if (slot !== undefined || named.has(index)) return true;
    return isObject(entry) && typeof entry.action === 'string' && entry.action !== action && (ACTION_NAMES as readonly string[]).includes(entry.action);
  });
}

/** The naming fields of each item of the list that its schema refused (a hole in `slots`); nothing more is reported. */
function refusedNames<L extends NamedList>(file: Record<string, unknown>, name: L, slots: Slots<unknown>): Array<Located<IdentityOf<L>>> {
  const items = file[name];
  if (!Array.isArray(items) || slots.length !== items.length) return [];
  // Indexed by a generic key the schemas are a union TypeScript cannot narrow: each is IdentityOf<L> by its definition.
  const schema = IDENTITY_SCHEMAS[name] as unknown as z.ZodMiniType<IdentityOf<L>>;
  return slots.flatMap((slot, index) => {
    if (slot !== undefined) return [];
    const identity = schema.safeParse(items[index]);
    return identity.success ? [{ item: identity.data, path: [name, index] }] : [];
  });
}

/**
 * The ids of the clients that refused timeline entries would add (`timeline[3].producer`), where
 * the entry's action and the client's id are right: an addProducer refused for its `at` or its
 * rate still starts a client with that id.
 */
function refusedAdded(file: Record<string, unknown>, slots: Slots<unknown>, action: 'addProducer' | 'addConsumer', field: 'producer' | 'consumer') {
  const entries = file.timeline;
  if (!Array.isArray(entries) || slots.length !== entries.length) return [];
  return slots.flatMap((slot, index): Array<Located<{ id: string }>> => {
    const entry: unknown = entries[index];
    if (slot !== undefined || !isObject(entry) || entry.action !== action) return [];
    const identity = IDENTITY_SCHEMAS[`${field}s`].safeParse(entry[field]);
    return identity.success ? [{ item: identity.data, path: ['timeline', index, field] }] : [];
  });
}

/** A JSON object: not null, not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Times must fall within durationMs. When durationMs itself is wrong, times are held to the
 * bound only, so one mistake is not reported again at every `at`.
 */
function timeBound(file: Record<string, unknown>, durationMs: number | undefined): number {
  if (durationMs !== undefined) return durationMs;
  return file.durationMs === undefined ? SCENARIO_DEFAULTS.durationMs : SCENARIO_BOUNDS.durationMs;
}

function parsePart<T>(schema: z.ZodMiniType<T>, value: unknown, path: Path, errors: ValidationError[]): T | undefined {
  const result = schema.safeParse(value, { error: fallbackMessage });
  if (result.success) return result.data;
  errors.push(...issuesToErrors(result.error.issues, path));
  return undefined;
}

/** An absent field is not a problem here: every top-level field but `version` has a default. */
function parseField<T>(schema: z.ZodMiniType<T>, file: Record<string, unknown>, key: string, errors: ValidationError[]): T | undefined {
  return file[key] === undefined ? undefined : parsePart(schema, file[key], [key], errors);
}

function parseList<T>(schemaOf: ItemSchemaOf<T>, file: Record<string, unknown>, name: ListName, errors: ValidationError[]) {
  const list = parseField(bounded(LISTS[name].max, LISTS[name].what), file, name, errors);
  if (list === undefined) return { items: [], complete: file[name] === undefined };
  const items = list.map((item, index) => parsePart(schemaOf(item), item, [name, index], errors));
  return { items, complete: items.every((item) => item !== undefined) };
}
