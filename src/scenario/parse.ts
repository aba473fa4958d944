/**
 * Reads a scenario from text (a file, standard input, a decoded link): JSON first, then
 * validateScenario. A text that is not JSON gives one problem at path `$` saying where it
 * breaks, by line and column; a field given twice in one object is a problem at its path.
 */
import { duplicateKeyProblems } from './duplicate-keys.ts';
import { findJsonSyntaxProblem, lineAndColumn } from './json-position.ts';
import { problem } from './issues.ts';
import type { Said } from './messages.ts';
import { validateScenario, type ValidationResult } from './validate.ts';

/** Larger texts are refused before parsing, so no file can freeze a browser tab. */
export const MAX_SCENARIO_TEXT_BYTES = 2 * 1024 * 1024;

/** A text's check; once it passed, with the file the text holds, as written (a valid scenario is a JSON object). */
export type ParsedScenario = (Extract<ValidationResult, { ok: true }> & { source: object }) | Extract<ValidationResult, { ok: false }>;

export function parseScenarioText(text: string): ParsedScenario {
  const size = utf8Length(text);
  if (size > MAX_SCENARIO_TEXT_BYTES) {
    return refused({
      en: `the text is ${size} bytes; a scenario may have at most 2 MB (${MAX_SCENARIO_TEXT_BYTES} bytes)`,
      zh: `这段文本有 ${size} 字节；场景最多 2 MB（${MAX_SCENARIO_TEXT_BYTES} 字节）`,
    });
  }
  const json = withoutByteOrderMark(text);
  if (json.trim() === '') return refused({ en: 'the text is empty: a scenario is a JSON object such as { "version": 1 }', zh: '文本是空的：场景是一个 JSON 对象，例如 { "version": 1 }' });
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return refused(describeJsonError(json, error));
  }
  const result = validateScenario(value);
  // Repeated fields first: the other problems are those of the file as JSON.parse read it, last repeat winning.
  const repeats = duplicateKeyProblems(json);
  if (repeats.length > 0) return { ok: false, errors: [...repeats, ...(result.ok ? [] : result.errors)] };
  // validateScenario refuses anything but an object first.
  return result.ok ? { ...result, source: value as object } : result;
}

/** The text without the byte-order mark editors on Windows may start a UTF-8 file with, which JSON.parse refuses. */
function withoutByteOrderMark(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

function refused(message: Said): ParsedScenario {
  return { ok: false, errors: [problem([], message)] };
}

/** Counts UTF-8 bytes without encoding a text that is obviously too long. */
function utf8Length(text: string): number {
  // A UTF-16 code unit is at least one UTF-8 byte, so text.length is a lower bound.
  if (text.length > MAX_SCENARIO_TEXT_BYTES) return text.length;
  return new TextEncoder().encode(text).byteLength;
}

function describeJsonError(text: string, error: unknown): Said {
  const found = findJsonSyntaxProblem(text);
  if (found === undefined) {
    // The scanner and the engine disagree (should not happen): keep the engine's first line.
    const reason = error instanceof Error ? error.message.split('\n')[0]?.slice(0, 200) : undefined;
    return { en: `not valid JSON${reason ? `: ${reason}` : ''}`, zh: `不是有效的 JSON${reason ? `：${reason}` : ''}` };
  }
  const { line, column } = lineAndColumn(text, found.offset);
  const { en, zh } = found.message;
  return found.endOfText
    ? { en: `the JSON text ends too early at line ${line}, column ${column} (${en}): is the file or link cut short?`, zh: `JSON 文本在第 ${line} 行第 ${column} 列意外结束（${zh}）：文件或链接是不是被截断了？` }
    : { en: `not valid JSON at line ${line}, column ${column}: ${en}`, zh: `第 ${line} 行第 ${column} 列不是有效的 JSON：${zh}` };
}
