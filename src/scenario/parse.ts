/**
 * Reads a scenario from text (a file, standard input, a decoded link): JSON first, then
 * validateScenario. A text that is not JSON gives one problem at path `$` saying where it
 * breaks, by line and column.
 */
import { findJsonSyntaxProblem, lineAndColumn } from './json-position.ts';
import { validateScenario, type ValidationResult } from './validate.ts';

/** Larger texts are refused before parsing, so no file can freeze a browser tab. */
export const MAX_SCENARIO_TEXT_BYTES = 2 * 1024 * 1024;

export function parseScenarioText(text: string): ValidationResult {
  const size = utf8Length(text);
  if (size > MAX_SCENARIO_TEXT_BYTES) {
    return refused(`the text is ${size} bytes; a scenario may have at most 2 MB (${MAX_SCENARIO_TEXT_BYTES} bytes)`);
  }
  // Editors on Windows may start a UTF-8 file with a byte-order mark, which JSON.parse refuses.
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (json.trim() === '') return refused('the text is empty: a scenario is a JSON object such as { "version": 1 }');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return refused(describeJsonError(json, error));
  }
  return validateScenario(value);
}

function refused(message: string): ValidationResult {
  return { ok: false, errors: [{ path: '$', message }] };
}

/** Counts UTF-8 bytes without encoding a text that is obviously too long. */
function utf8Length(text: string): number {
  // A UTF-16 code unit is at least one UTF-8 byte, so text.length is a lower bound.
  if (text.length > MAX_SCENARIO_TEXT_BYTES) return text.length;
  return new TextEncoder().encode(text).byteLength;
}

function describeJsonError(text: string, error: unknown): string {
  const found = findJsonSyntaxProblem(text);
  if (found === undefined) {
    // The scanner and the engine disagree (should not happen): keep the engine's first line.
    const reason = error instanceof Error ? error.message.split('\n')[0]?.slice(0, 200) : undefined;
    return `not valid JSON${reason ? `: ${reason}` : ''}`;
  }
  const { line, column } = lineAndColumn(text, found.offset);
  const where = `line ${line}, column ${column}`;
  return found.endOfText
    ? `the JSON text ends too early at ${where} (${found.message}): is the file or link cut short?`
    : `not valid JSON at ${where}: ${found.message}`;
}
