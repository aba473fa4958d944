/**
 * Fields given twice in one object of a JSON text. JSON.parse keeps the last one without a word,
 * so a file with two `"brokers"` lists would run on the second while its author edits the first:
 * the text is read once more, after JSON.parse accepted it, to name each repeat by its path.
 */
import { problem, type Path } from './issues.ts';
import { quote } from './messages.ts';
import type { ValidationError } from './validate.ts';

/** Where a key starts, 1-based as editors show it. */
interface At {
  line: number;
  column: number;
}

/** One open object or list: the key or index its current value sits at, and an object's keys so far with where they are. */
interface Open {
  keys?: Map<string, At>;
  key?: string;
  index: number;
  expectKey: boolean;
}

/** A problem at each field that repeats an earlier one of the same object; `text` must be valid JSON. */
export function duplicateKeyProblems(text: string): ValidationError[] {
  const problems: ValidationError[] = [];
  const stack: Open[] = [];
  let line = 1;
  let lineStart = 0;
  for (let pos = 0; pos < text.length; pos++) {
    const c = text[pos];
    const top = stack.at(-1);
    if (c === '\n') {
      line++;
      lineStart = pos + 1;
    }
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
        const at = { line, column: pos - lineStart + 1 };
        if (first === undefined) top.keys.set(key, at);
        else problems.push(problem([...pathOf(stack), key], repeated(key, first, at)));
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

/** The message names both places: by line, or on one line by column. */
function repeated(key: string, first: At, again: At) {
  const sameLine = first.line === again.line;
  const where = sameLine
    ? { en: `line ${first.line}, columns ${first.column} and ${again.column}`, zh: `第 ${first.line} 行第 ${first.column} 列和第 ${again.column} 列` }
    : { en: `lines ${first.line} and ${again.line}`, zh: `第 ${first.line} 行和第 ${again.line} 行` };
  return {
    en: `${quote(key)} is given twice in this object (${where.en}): JSON keeps only the last one, so the first would be ignored and the file's other problems are those of the last; keep one`,
    zh: `${quote(key)} 在同一个对象里出现了两次（${where.zh}）：JSON 只保留后一个，前一个会被悄悄忽略，文件的其他问题也按后一个计算；请只保留一个`,
  };
}
