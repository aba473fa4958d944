/**
 * Messages for people: the wording a student reads when a scenario file is refused. Zod's own
 * messages ("Invalid input: expected number, received string") are replaced everywhere.
 */
import type { z } from 'zod/mini';

type RawIssue = z.core.$ZodRawIssue;

export function integerRange(min: number, max: number, note?: string): string {
  return `must be an integer from ${min} to ${max}${note === undefined ? '' : ` (${note})`}`;
}

export function numberRange(min: number, max: number, note?: string): string {
  return `must be a number from ${min} to ${max}${note === undefined ? '' : ` (${note})`}`;
}

export function oneOf(values: readonly string[]): string {
  return `must be one of ${quoteList(values)}`;
}

/** A zod error map: "is required" for a missing value, `message` for any other problem. */
export function says(message: string): (issue: RawIssue) => string {
  return (issue) => (issue.input === undefined ? 'is required' : message);
}

/** `"a", "b", "c"`, cut after `limit` items so a message stays one readable line. */
export function quoteList(values: readonly string[], limit = values.length): string {
  const shown = values.slice(0, limit).map((value) => JSON.stringify(value));
  const rest = values.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

/** A value as it appears in the file, shortened: a message never repeats a huge string. */
export function quote(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}

export function unknownFields(keys: readonly string[], allowed: readonly string[]): string {
  const shown = keys.slice(0, 5).map((key) => `unknown field ${quote(key)}${suggestion(key, allowed)}`);
  const rest = keys.length - shown.length;
  return rest > 0 ? `${shown.join('; ')}; and ${rest} more unknown fields` : shown.join('; ');
}

/** ` (did you mean "x"?)` when a known word is a likely typo of `word`, else an empty string. */
export function suggestion(word: string, known: readonly string[]): string {
  const match = closest(word, known);
  return match === undefined ? '' : ` (did you mean ${JSON.stringify(match)}?)`;
}

/**
 * The closest known word within a few edits (ignoring case), or undefined. Short words allow
 * fewer edits: "ns" is not a typo of "a".
 */
export function closest(word: string, known: readonly string[]): string | undefined {
  if (word.length > 64) return undefined; // a typo is short; this also bounds the work
  const allowed = word.length <= 3 ? 0 : word.length <= 6 ? 1 : 2;
  const lower = word.toLowerCase();
  let best: { word: string; distance: number } | undefined;
  for (const candidate of known) {
    if (Math.abs(candidate.length - word.length) > allowed) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance <= allowed && (best === undefined || distance < best.distance)) best = { word: candidate, distance };
  }
  return best?.word;
}

/** Levenshtein distance with one rolling row. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

const EXPECTED: Record<string, string> = {
  object: 'an object ({ ... })',
  array: 'a list ([ ... ])',
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
};

/**
 * The last resort, for an issue whose schema has no message of its own (every field schema in
 * schema.ts has one; this covers shapes zod checks before reaching them, such as a list item
 * of a discriminated union that is not an object).
 */
export function fallbackMessage(issue: RawIssue): string {
  if (issue.input === undefined) return 'is required';
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${EXPECTED[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return oneOf(issue.values.map(String));
    case 'unrecognized_keys':
      return unknownFields(issue.keys, []);
    case 'custom': case 'invalid_element': case 'invalid_format': case 'invalid_key': case 'invalid_union':
    case 'not_multiple_of': case 'too_big': case 'too_small':
      return 'is not valid here';
  }
}
