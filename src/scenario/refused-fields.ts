/**
 * The right fields of the items their schema refused. A refused item is a hole in the draft
 * (normalize.ts), but what its right fields refer to is still checked (a timeline target, a link's
 * peer, a consumer's group, a topic's cluster), so a file's problems are listed at once, not only
 * once the item's own are mended. A field that is itself wrong is its item's problem only: the
 * checks that read it are skipped, and so are those it decides (`malformed` names it).
 */
import { z } from 'zod/mini';
import type { TimelineAction } from '../model/spec.ts';
import type { Path } from './issues.ts';
import type { Draft } from './normalize.ts';
import { isObject } from './parse-file.ts';
import { LISTS, itemSchemas, type ConsumerFile, type TopicFile } from './schema.ts';

/** An item's fields that passed their own schema, and the names of those given that did not. */
interface Read<T> {
  item: T;
  path: Path;
  malformed: ReadonlySet<string>;
}

/** A timeline action of which any field but `action` may be missing. */
type Loose<A> = A extends { action: infer N } ? { action: N } & Partial<Omit<A, 'action'>> : never;
export type LooseAction = Loose<TimelineAction>;

export interface RefusedFields {
  topics: Array<Read<Partial<TopicFile>>>;
  /** The refused consumers, the initial ones and those of addConsumer entries, with the entry's time where it is right. */
  consumers: Array<Read<Partial<ConsumerFile>> & { at?: number }>;
  /** The refused entries with a right `action`; an added client is read among the consumers (a producer is referred to by id only). */
  timeline: Array<Read<LooseAction> & { index: number }>;
  /** Whether a refused entry's `action` is wrong: it might be any action. */
  timelineUnread: boolean;
}

export function refusedFields(file: Record<string, unknown>, draft: Draft): RefusedFields {
  // Only the times depend on the bound: a time read wrong here only leaves its entry unordered.
  const schemas = itemSchemas(draft.durationMs);
  const valid = new Set(draft.timeline.map((slot) => slot.index));
  const timeline: RefusedFields['timeline'] = [];
  const added: RefusedFields['consumers'] = [];
  const refusedEntries = holes(file, 'timeline', (index) => !valid.has(index));
  for (const { value, path } of refusedEntries) {
    const entry = readFields(schemas.timeline(value), value, ['producer', 'consumer']);
    if (entry?.item.action === undefined) continue;
    // Each field passed its own schema of the action's, and the action's fields are TimelineAction's.
    const action = entry.item as LooseAction;
    timeline.push({ item: action, path, malformed: entry.malformed, index: Number(path[1]) });
    const consumer = action.action === 'addConsumer' && isObject(value) ? readFields(schemas.consumers, value.consumer) : undefined;
    if (consumer !== undefined) added.push({ ...consumer, path: [...path, 'consumer'], ...(action.at === undefined ? {} : { at: action.at }) });
  }
  return {
    topics: readAll(holes(file, 'topics', (index) => draft.topics[index] === undefined), schemas.topics),
    consumers: [...readAll(holes(file, 'consumers', (index) => draft.consumers[index] === undefined), schemas.consumers), ...added],
    timeline,
    timelineUnread: timeline.length < refusedEntries.length,
  };
}

/** The items of a list that its schema refused; none when the list itself was refused (not a list, or over its bound: its items were never read). */
function holes(file: Record<string, unknown>, list: 'topics' | 'consumers' | 'timeline', refused: (index: number) => boolean) {
  const items = file[list];
  if (!Array.isArray(items) || items.length > LISTS[list].max) return [];
  return items.flatMap((value: unknown, index) => (refused(index) ? [{ value, path: [list, index] }] : []));
}

function readAll<T>(items: Array<{ value: unknown; path: Path }>, schema: z.ZodMiniType<T>): Array<Read<Partial<T>>> {
  return items.flatMap(({ value, path }) => {
    const read = readFields(schema, value);
    // Each field passed its own schema of T's.
    return read === undefined ? [] : [{ item: read.item as Partial<T>, malformed: read.malformed, path }];
  });
}

/** Each field of an object read by its own schema of the object's; `skip` names fields read elsewhere. */
function readFields(schema: z.ZodMiniType, value: unknown, skip: readonly string[] = []): { item: Record<string, unknown>; malformed: Set<string> } | undefined {
  if (!(schema instanceof z.ZodMiniObject) || !isObject(value)) return undefined;
  const item: Record<string, unknown> = {};
  const malformed = new Set<string>();
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodMiniType>)) {
    if (value[key] === undefined || skip.includes(key)) continue;
    const read = field.safeParse(value[key]);
    if (read.success) item[key] = read.data;
    else malformed.add(key);
  }
  return { item, malformed };
}
