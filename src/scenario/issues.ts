/** From zod issues to the `{ path, message }` pairs of docs/scenario.md (`topics[0].readQueueNums`). */
import type { z } from 'zod/mini';
import { jsonString, uncarried, uncarriedEach, type Said } from './messages.ts';
import type { ValidationError } from './validate.ts';

export type Path = readonly PropertyKey[];

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `["topics", 0, "readQueueNums"]` -> `topics[0].readQueueNums`; the file itself is `$`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(String(segment))) out += out === '' ? String(segment) : `.${String(segment)}`;
    else out += `[${jsonString(String(segment))}]`;
  }
  return out === '' ? '$' : out;
}

export function issuesToErrors(issues: readonly z.core.$ZodIssue[], prefix: Path): ValidationError[] {
  return issues.flatMap((issue) => {
    const at = [...prefix, ...issue.path];
    if (issue.code !== 'unrecognized_keys') return [problem(at, uncarried(issue.message))];
    // Each unknown field told is a mistake of its own, at its own path, in order (messages.ts unknownFields).
    return uncarriedEach(issue.message).map((said, index) => problem([...at, issue.keys[index]!], said));
  });
}

export function problem(path: Path, message: Said): ValidationError {
  return { path: formatPath(path), message: message.en, zh: message.zh };
}

/** Several checks of one field (length and pattern) can share a message: say it once. */
export function withoutRepeats(errors: readonly ValidationError[]): ValidationError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.path}\n${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
