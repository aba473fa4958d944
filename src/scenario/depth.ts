/**
 * How deeply a parsed file nests, found without recursion. The checks after it walk the file
 * recursively, and a few kilobytes of brackets ("[[[[...") would overflow the stack: the runner
 * printed a stack trace and the page's editor failed as a whole. A scenario nests a handful of
 * levels (timeline[0].consumer.messageQueueList[0]), so a file past MAX_NESTING is refused at once,
 * with the path where it passes the limit.
 */
import type { Path } from './issues.ts';
import type { Said } from './messages.ts';

/** Objects and arrays inside one another, the file itself the first. */
export const MAX_NESTING = 32;

export const TOO_DEEP: Said = {
  en: `nests deeper than ${MAX_NESTING} levels of objects and arrays inside one another; a scenario needs a handful`,
  zh: `对象和数组层层相套，超过了 ${MAX_NESTING} 层；一个场景只需要几层`,
};

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** A file's paths go at most this many steps deep (timeline[0].consumer.messageQueueList[0] takes 5). */
const LONGEST_PATH = 6;

/**
 * Where to say it: the field the nesting hangs from, not the 32 steps down to where it passes the
 * limit (`description`, not `description[0][0][0]...`): the trailing array indexes cut off, and at
 * most LONGEST_PATH steps.
 */
function fieldOf(path: readonly PropertyKey[]): Path {
  let end = Math.min(path.length, LONGEST_PATH);
  while (end > 1 && typeof path[end - 1] === 'number') end--;
  return path.slice(0, end);
}

/** Where the file first nests past MAX_NESTING (fieldOf), or null when it nests no deeper. */
export function tooDeepAt(input: unknown): Path | null {
  const stack: { value: object; path: PropertyKey[] }[] = isContainer(input) ? [{ value: input, path: [] }] : [];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (path.length >= MAX_NESTING) return fieldOf(path);
    const entries: [PropertyKey, unknown][] = Array.isArray(value) ? Array.from(value, (item, i) => [i, item]) : Object.entries(value);
    // Pushed last to first, so the first deep path in the file's order is found first.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i]!;
      if (isContainer(item)) stack.push({ value: item, path: [...path, key] });
    }
  }
  return null;
}
