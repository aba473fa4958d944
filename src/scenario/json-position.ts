/**
 * Where a JSON text goes wrong, and why, in words. JSON.parse's messages differ between
 * engines and some (V8's `Unexpected token 'x', "..." is not valid JSON`) give no position, so
 * this small scanner re-reads a text that JSON.parse refused. It keeps its own stack instead of
 * recursing, so a deeply nested text cannot overflow the call stack.
 */
import { jsonString, type Said } from './messages.ts';

export interface JsonSyntaxProblem {
  offset: number;
  /** What was expected or found, e.g. `expected "," or "}"`. */
  message: Said;
  /** True when the text stops before the value is complete (a truncated file or link). */
  endOfText: boolean;
}

interface Cursor {
  text: string;
  pos: number;
}

type Expect = 'value' | 'key' | 'after';

/** The first syntax problem of `text`, or undefined when it is well-formed JSON. */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  const cursor: Cursor = { text, pos: 0 };
  const open: string[] = [];
  let expect: Expect = 'value';
  for (;;) {
    skipWhitespace(cursor);
    const c = text[cursor.pos];
    if (expect === 'after' && open.length === 0) {
      return c === undefined ? undefined : problemAt(cursor, { en: 'unexpected text after the end of the JSON value', zh: 'JSON 值结束之后还有多余的文本' });
    }
    if (c === undefined) return problemAt(cursor, expect === 'after' ? commaOr(open) : { en: 'expected a value', zh: '这里应当是一个值' });
    if (expect === 'key') {
      const trouble = readKey(cursor);
      if (trouble) return trouble;
      expect = 'value';
    } else if (expect === 'value') {
      if (c === '{' || c === '[') {
        open.push(c);
        cursor.pos++;
        expect = c === '{' ? 'key' : 'value';
        if (skipWhitespace(cursor) === (c === '{' ? '}' : ']')) {
          open.pop();
          cursor.pos++;
          expect = 'after';
        }
        continue;
      }
      const trouble = readScalar(cursor);
      if (trouble) return trouble;
      expect = 'after';
    } else if (c === ',') {
      cursor.pos++;
      expect = open.at(-1) === '{' ? 'key' : 'value';
      const next = skipWhitespace(cursor);
      if (next === '}' || next === ']') return problemAt(cursor, { en: `JSON allows no comma before "${next}"`, zh: `JSON 不允许在 "${next}" 前面有逗号` });
    } else if (c === closer(open)) {
      open.pop();
      cursor.pos++;
    } else {
      return problemAt(cursor, commaOr(open));
    }
  }
}

/** 1-based line and column of an offset, as editors show them. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function closer(open: readonly string[]): string {
  return open.at(-1) === '{' ? '}' : ']';
}

function skipWhitespace(cursor: Cursor): string | undefined {
  while (' \t\n\r'.includes(cursor.text[cursor.pos] ?? '.')) cursor.pos++;
  return cursor.text[cursor.pos];
}

function commaOr(open: readonly string[]): Said {
  return { en: `expected "," or "${closer(open)}"`, zh: `这里应当是 "," 或 "${closer(open)}"` };
}

function problemAt(cursor: Cursor, message: Said): JsonSyntaxProblem {
  return { offset: cursor.pos, message, endOfText: cursor.pos >= cursor.text.length };
}

function readKey(cursor: Cursor): JsonSyntaxProblem | undefined {
  if (cursor.text[cursor.pos] !== '"') return problemAt(cursor, { en: 'expected a field name in double quotes', zh: '这里应当是双引号括起的字段名' });
  const trouble = readString(cursor);
  if (trouble) return trouble;
  if (skipWhitespace(cursor) !== ':') return problemAt(cursor, { en: 'expected ":" after the field name', zh: '字段名后面应当是 ":"' });
  cursor.pos++;
  return undefined;
}

const LITERALS = ['true', 'false', 'null'];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function readScalar(cursor: Cursor): JsonSyntaxProblem | undefined {
  const c = cursor.text[cursor.pos] ?? '';
  if (c === '"') return readString(cursor);
  if (c === "'") return problemAt(cursor, { en: 'JSON strings use double quotes, not single quotes', zh: 'JSON 字符串用双引号，不能用单引号' });
  const literal = LITERALS.find((word) => cursor.text.startsWith(word, cursor.pos));
  if (literal !== undefined) {
    cursor.pos += literal.length;
    return undefined;
  }
  NUMBER.lastIndex = cursor.pos;
  if ((c === '-' || (c >= '0' && c <= '9')) && NUMBER.test(cursor.text)) {
    cursor.pos = NUMBER.lastIndex;
    return undefined;
  }
  return problemAt(cursor, {
    en: `unexpected ${jsonString(c)}: expected a value (an object, list, string, number, true, false or null)`,
    zh: `意外的 ${jsonString(c)}：这里应当是一个值（对象、列表、字符串、数、true、false 或 null）`,
  });
}

const ESCAPES = '"\\/bfnrt';
const NOT_CLOSED: Said = { en: 'a string is not closed', zh: '字符串没有闭合' };

function readString(cursor: Cursor): JsonSyntaxProblem | undefined {
  const { text } = cursor;
  cursor.pos++; // the opening quote
  for (;;) {
    const c = text[cursor.pos];
    if (c === undefined) return problemAt(cursor, NOT_CLOSED);
    if (c === '"') {
      cursor.pos++;
      return undefined;
    }
    if (c < ' ') return problemAt(cursor, {
      en: 'a line break or control character inside a string must be escaped (\\n, \\t)',
      zh: '字符串里的换行或控制字符必须转义（\\n、\\t）',
    });
    if (c === '\\') {
      const escape = text[cursor.pos + 1];
      if (escape === undefined) return problemAt({ text, pos: text.length }, NOT_CLOSED);
      const valid = ESCAPES.includes(escape) || (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(cursor.pos + 2, cursor.pos + 6)));
      if (!valid) return problemAt(cursor, {
        en: 'invalid escape in a string (JSON knows \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)',
        zh: '字符串里的转义无效（JSON 只认 \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX）',
      });
      cursor.pos += escape === 'u' ? 6 : 2;
    } else {
      cursor.pos++;
    }
  }
}
