/**
 * Messages for people: the wording a student reads when a scenario file is refused, in each of
 * the page's languages. Zod's own messages ("Invalid input: expected number, received string")
 * are replaced everywhere.
 */
import type { z } from 'zod/mini';
import type { Bilingual } from './language.ts';

type RawIssue = z.core.$ZodRawIssue;

/**
 * A message in each of the page's languages. The English one is the file's message (what
 * `npm run sim` prints and docs/scenario.md quotes); the Chinese one is what the page shows in 中文.
 */
export type Said = Bilingual<string>;

/**
 * Zod keeps one string per issue, so an error map hands it both languages joined by this
 * control character, and issuesToErrors parts them. A name from the file cannot hold it: every
 * name in a message is quoted as JSON, which escapes control characters.
 */
const BETWEEN = '\u001f';

export function carried(said: Said): string {
  return `${said.en}${BETWEEN}${said.zh}`;
}

/** Both languages of an issue's message; a message made elsewhere is shown as it is in both. */
export function uncarried(message: string): Said {
  const at = message.indexOf(BETWEEN);
  return at < 0 ? { en: message, zh: message } : { en: message.slice(0, at), zh: message.slice(at + 1) };
}

const REQUIRED: Said = { en: 'is required', zh: '必须填写' };

export function integerRange(min: number, max: number, note?: Said): Said {
  return {
    en: `must be an integer from ${min} to ${max}${note === undefined ? '' : ` (${note.en})`}`,
    zh: `必须是 ${min} 到 ${max} 之间的整数${note === undefined ? '' : `（${note.zh}）`}`,
  };
}

export function numberRange(min: number, max: number, note?: Said): Said {
  return {
    en: `must be a number from ${min} to ${max}${note === undefined ? '' : ` (${note.en})`}`,
    zh: `必须是 ${min} 到 ${max} 之间的数${note === undefined ? '' : `（${note.zh}）`}`,
  };
}

export function oneOf(values: readonly string[]): Said {
  const listed = quoteList(values);
  return { en: `must be one of ${listed.en}`, zh: `必须是 ${listed.zh} 之一` };
}

/** A zod error map: "is required" for a missing value, `message` for any other problem. */
export function says(message: Said): (issue: RawIssue) => string {
  return (issue) => carried(issue.input === undefined ? REQUIRED : message);
}

/** `"a", "b", "c"`, cut after `limit` items so a message stays one readable line. */
export function quoteList(values: readonly string[], limit = values.length): Said {
  const shown = values.slice(0, limit).map(jsonString).join(', ');
  const rest = values.length - Math.min(values.length, limit);
  return rest > 0 ? { en: `${shown} and ${rest} more`, zh: `${shown} 等 ${values.length} 个` } : { en: shown, zh: shown };
}

/** Unicode's explicit directional formatting characters (UAX #9): LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI. */
export const DIRECTION_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * Characters that show nothing: the soft hyphen, the Arabic letter mark, the Mongolian vowel
 * separator, the zero-width space, the implicit direction marks LRM and RLM, the word joiner and
 * the invisible operators, the byte-order mark. Two names that differ only by one look the same.
 * The joiners ZWNJ and ZWJ are not here: Persian, the Indic scripts and emoji sequences need them.
 */
export const INVISIBLE = /[\u00ad\u061c\u180e\u200b\u200e\u200f\u2060-\u2064\ufeff]/;

/** Both kinds, escaped wherever a message quotes the file. */
const EVERY_HIDDEN = /[\u202a-\u202e\u2066-\u2069\u00ad\u061c\u180e\u200b\u200e\u200f\u2060-\u2064\ufeff]/g;

/** `U+202E`: how a message names a character. */
export function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * JSON.stringify, which leaves direction controls and invisible characters as they are, with those
 * escaped too: a message or a path quoting what the file holds must not reverse the text after the
 * quote, nor hide what differs.
 */
export function jsonString(value: string): string {
  return JSON.stringify(value).replace(EVERY_HIDDEN, (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

/** A value as it appears in the file, shortened: a message never repeats a huge string. */
export function quote(value: string): string {
  return jsonString(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}

/**
 * Zod reports all the unknown keys of an object as one issue: its error map hands issuesToErrors
 * one message per key, joined by this control character, so each is a problem at its own path.
 */
const APART = '\u001e';

/**
 * How many unknown fields of one object are told, each its own problem at its own path; the last
 * told also counts those after it, so an object of thousands of keys stays a short list (and a few
 * typo suggestions), in the file's order.
 */
const UNKNOWN_FIELDS_TOLD = 6;

/** The messages for an object's unknown keys, carried for an error map: one per key told, in order (issuesToErrors gives each its key's path). */
export function unknownFields(keys: readonly string[], allowed: readonly string[]): string {
  const told = keys.slice(0, UNKNOWN_FIELDS_TOLD);
  const after = keys.length - told.length;
  return told.map((key, index): Said => {
    const hint = suggestion(key, allowed);
    const more = index === told.length - 1 && after > 0
      ? { en: `, and ${after} more unknown field${after === 1 ? '' : 's'} after it`, zh: `，其后另有 ${after} 个未知字段` }
      : { en: '', zh: '' };
    return { en: `unknown field ${quote(key)}${hint.en}${more.en}`, zh: `未知字段 ${quote(key)}${hint.zh}${more.zh}` };
  }).map(carried).join(APART);
}

/** The messages unknownFields joined, in its order. */
export function uncarriedEach(message: string): Said[] {
  return message.split(APART).map(uncarried);
}

/** ` (did you mean "x"?)` when a known word is a likely typo of `word`, else empty. */
export function suggestion(word: string, known: readonly string[]): Said {
  const match = closest(word, known);
  if (match === undefined) return NOTHING;
  return { en: ` (did you mean ${JSON.stringify(match)}?)`, zh: `（是不是 ${JSON.stringify(match)}？）` };
}

const NOTHING: Said = { en: '', zh: '' };

/**
 * The closest known word within a few edits (ignoring case; two letters swapped are one edit), or
 * undefined. Short words allow fewer edits: "ns" is not a typo of "a". A word of four letters or
 * more that begins exactly one known word is taken for it: "rate" for "ratePerSec".
 */
function closest(word: string, known: readonly string[]): string | undefined {
  if (word.length > 64) return undefined; // a typo is short; this also bounds the work
  const allowed = word.length <= 3 ? 0 : word.length <= 6 ? 1 : 2;
  const lower = word.toLowerCase();
  let best: { word: string; distance: number } | undefined;
  for (const candidate of known) {
    if (Math.abs(candidate.length - word.length) > allowed) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance <= allowed && (best === undefined || distance < best.distance)) best = { word: candidate, distance };
  }
  return best?.word ?? onlyStartingWith(lower, known);
}

function onlyStartingWith(lower: string, known: readonly string[]): string | undefined {
  if (lower.length < 4) return undefined;
  const starting = known.filter((candidate) => candidate.toLowerCase().startsWith(lower));
  return starting.length === 1 ? starting[0] : undefined;
}

/** Optimal string alignment distance (Levenshtein, and a swap of two neighbours is one edit), with two rolling rows. */
function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      let distance = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, (before[j - 2] ?? 0) + 1);
      current.push(distance);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

const EXPECTED: Record<string, Said> = {
  object: { en: 'an object ({ ... })', zh: '对象（{ ... }）' },
  array: { en: 'a list ([ ... ])', zh: '列表（[ ... ]）' },
  string: { en: 'a string', zh: '字符串' },
  number: { en: 'a number', zh: '数' },
  int: { en: 'an integer', zh: '整数' },
  boolean: { en: 'true or false', zh: 'true 或 false' },
};

/**
 * The last resort, for an issue whose schema has no message of its own (every field schema in
 * schema.ts has one; this covers shapes zod checks before reaching them, such as a list item
 * of a discriminated union that is not an object).
 */
export function fallbackMessage(issue: RawIssue): string {
  return issue.code === 'unrecognized_keys' ? unknownFields(issue.keys, []) : carried(fallback(issue));
}

function fallback(issue: Exclude<RawIssue, { code: 'unrecognized_keys' }>): Said {
  if (issue.input === undefined) return REQUIRED;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? { en: issue.expected, zh: issue.expected };
      return { en: `must be ${expected.en}`, zh: `必须是${expected.zh}` };
    }
    case 'invalid_value':
      return oneOf(issue.values.map(String));
    case 'custom': case 'invalid_element': case 'invalid_format': case 'invalid_key': case 'invalid_union':
    case 'not_multiple_of': case 'too_big': case 'too_small':
      return { en: 'is not valid here', zh: '此处的值无效' };
  }
}
