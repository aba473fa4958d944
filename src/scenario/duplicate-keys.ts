/**
 * Fields given twice in one object of a JSON text. JSON.parse keeps the last one without a word,
 * so a file with two `"brokers"` lists would run on the second while its author edits the first:
 * the text is read once more, after JSON.parse accepted it, to name each repeat by its path.
 */
import { problem, type Path } from './issues.ts';
import { quote } from './messages.ts';
import type { ValidationError } from './validate.ts';

/** One open object or list: the key or index its current value sits at, and an object's keys so far with their lines. */
interface Open {
  keys?: Map<string, number>;
  key?: string;
  index: number;
  expectKey: boolean;
}

/** A problem at each field that repeats an earlier one of the same object; `text` must be valid JSON. */
export function duplicateKeyProblems(text: string): ValidationError[] {
  const problems: ValidationError[] = [];
  const stack: Open[] = [];
  let line = 1;
  for (let pos = 0; pos < text.length; pos++) {
    const c = text[pos];
    const top = stack.at(-1);
    if (c === '\n') line++;
    else if (c === '{') stack.push({ keys: new Map(), index: 0, expectKey: true });
    else if (c === '[') stack.push({ index: 0, expectKey: false });
    else if (c === '}' || c === ']') stack.pop();
    else if (c === ',' && top) {
      if (top.keys) top.expectKey = true;
      else top.index++;
    } else if (c === '"') {
      const end = stringEnd(text, pos);
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(text.slice(pos, end + 1)) as string;
        const first = top.keys.get(key);
        if (first === undefined) top.keys.set(key, line);
        else problems.push(problem([...pathOf(stack), key], repeated(key, first, line)));
        top.key = key;
        top.expectKey = false;
      }
      pos = end;
    }
  }
  return problems;
}

/** The index of a string's closing quote (valid JSON: no raw line break inside). */
function stringEnd(text: string, open: number): number {
  let pos = open + 1;
  while (text[pos] !== '"') pos += text[pos] === '\\' ? 2 : 1;
  return pos;
}

/** The path of the innermost open object, from the keys and indexes its enclosing ones are at. */
function pathOf(stack: readonly Open[]): Path {
  return stack.slice(0, -1).map((open) => (open.keys ? (open.key ?? '') : open.index));
}

function repeated(key: string, firstLine: number, line: number) {
  return {
    en: `${quote(key)} is given twice in this object (lines ${firstLine} and ${line}): JSON keeps only the last one, so the first would be ignored; keep one`,
    zh: `${quote(key)} 在同一个对象里出现了两次（第 ${firstLine} 行和第 ${line} 行）：JSON 只保留后一个，前一个会被悄悄忽略；请只保留一个`,
  };
}
