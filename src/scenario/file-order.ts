/**
 * A refused file's problems in the order of the file, so a person mends them from the top down:
 * the structural checks and the checks between sections run one after the other, and listed as
 * found they would jump back and forth through the file.
 */
import { formatPath, type Path } from './issues.ts';
import type { ValidationError } from './validate.ts';

/** Every path of the parsed file, in the order its text gives them (a JSON object keeps its keys' order). */
function positions(input: unknown): Map<string, number> {
  const order = new Map<string, number>();
  const walk = (value: unknown, path: Path) => {
    order.set(formatPath(path), order.size);
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(input, []);
  return order;
}

/** `topics[0].name` -> `topics[0]` -> `topics` -> `$`: where a missing field would have been. */
function parentOf(path: string): string {
  const parent = path.replace(/(\.[^.[\]]+|\[[^[\]]*\])$/, '');
  return parent === path || parent === '' ? '$' : parent;
}

/** The errors sorted by where their path is in the file, a missing field at its object; ties keep the checks' order. */
export function inFileOrder(errors: readonly ValidationError[], input: unknown): ValidationError[] {
  const order = positions(input);
  const rank = (path: string): number => {
    for (let at = path; ; at = parentOf(at)) {
      const found = order.get(at);
      if (found !== undefined || at === '$') return found ?? 0;
    }
  };
  return errors.map((error) => ({ error, at: rank(error.path) })).sort((a, b) => a.at - b.at).map(({ error }) => error);
}
