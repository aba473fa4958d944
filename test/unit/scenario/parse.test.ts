import fc from 'fast-check';
import { findJsonSyntaxProblem, lineAndColumn } from '../../../src/scenario/json-position.ts';
import { MAX_SCENARIO_TEXT_BYTES, parseScenarioText } from '../../../src/scenario/parse.ts';

function problemsOf(text: string): string[] {
  const result = parseScenarioText(text);
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
}

describe('parseScenarioText', () => {
  it('parses and validates a scenario', () => {
    const result = parseScenarioText('{ "version": 1, "name": "Hello" }');
    expect(result.ok && result.scenario.name).toBe('Hello');
  });

  it('reports the problems of a well-formed file by path', () => {
    expect(problemsOf('{ "version": 1, "seed": -1 }')).toEqual(['seed: must be an integer from 0 to 4294967295']);
  });

  it('says where a truncated file ends, by line and column, without a stack trace', () => {
    const text = '{\n  "version": 1,\n  "brokers": [\n    { "name": "broker-a"';
    expect(problemsOf(text)).toEqual([
      '$: the JSON text ends too early at line 4, column 25 (expected "," or "}"): is the file or link cut short?',
    ]);
  });

  it.each([
    ['{ "version": 1, }', 'not valid JSON at line 1, column 17: JSON allows no comma before "}"'],
    ["{ 'version': 1 }", 'not valid JSON at line 1, column 3: expected a field name in double quotes'],
    ['{ "version" 1 }', 'not valid JSON at line 1, column 13: expected ":" after the field name'],
    ['{ "version": 1 }\n{}', 'not valid JSON at line 2, column 1: unexpected text after the end of the JSON value'],
    ['{ "version": 01 }', 'not valid JSON at line 1, column 15: expected "," or "}"'],
    ['{ "name": "a\nb" }', 'not valid JSON at line 1, column 13: a line break or control character inside a string must be escaped (\\n, \\t)'],
    ['[1, 2', 'the JSON text ends too early at line 1, column 6 (expected "," or "]"): is the file or link cut short?'],
    ['{ "name": "abc', 'the JSON text ends too early at line 1, column 15 (a string is not closed): is the file or link cut short?'],
  ])('locates the syntax error in %j', (text, message) => {
    expect(problemsOf(text)).toEqual([`$: ${message}`]);
  });

  it('refuses an empty text with a message, not a parse error', () => {
    expect(problemsOf('  \n')).toEqual(['$: the text is empty: a scenario is a JSON object such as { "version": 1 }']);
  });

  it('reads a file that starts with a byte-order mark', () => {
    expect(parseScenarioText('\uFEFF{ "version": 1 }').ok).toBe(true);
  });

  it('refuses a text over 2 MB, naming the bound', () => {
    const text = `{ "version": 1, "description": "${'x'.repeat(MAX_SCENARIO_TEXT_BYTES)}" }`;
    expect(problemsOf(text)).toEqual([`$: the text is ${text.length} bytes; a scenario may have at most 2 MB (2097152 bytes)`]);
  });

  it('counts the bound in UTF-8 bytes', () => {
    const text = `{ "version": 1, "description": "${'é'.repeat(MAX_SCENARIO_TEXT_BYTES / 2)}" }`;
    expect(problemsOf(text)[0]).toMatch(/^\$: the text is \d+ bytes; a scenario may have at most 2 MB/);
  });

  it('names a field given twice in one object, which JSON.parse would drop without a word', () => {
    const text = '{\n  "version": 1,\n  "brokers": [{ "brokerName": "a" }],\n  "seed": 1,\n  "brokers": []\n}';
    expect(problemsOf(text)).toEqual(['brokers: "brokers" is given twice in this object (lines 3 and 5): JSON keeps only the last one, so the first would be ignored and the file\'s other problems are those of the last; keep one']);
  });

  it('finds a repeat however deep, however its key is escaped, beside the file\'s other problems', () => {
    const text = '{ "version": 1, "seed": -1, "brokers": [{ "name": "b" }], "topics": [{ "name": "T" }, { "name": "U", "perm": 6, "p\\u0065rm": 6 }] }';
    expect(problemsOf(text)).toEqual([
      'topics[1].perm: "perm" is given twice in this object (line 1, columns 102 and 113): JSON keeps only the last one, so the first would be ignored and the file\'s other problems are those of the last; keep one',
      'seed: must be an integer from 0 to 4294967295',
    ]);
  });

  it('keeps the same field name in different objects, and a repeated string value', () => {
    const text = '{ "version": 1, "name": "name", "brokers": [{ "name": "b" }], "topics": [{ "name": "T" }, { "name": "U" }], "description": "\\"name\\"" }';
    expect(parseScenarioText(text).ok).toBe(true);
  });

  it('survives deep nesting in a broken text', () => {
    const text = '['.repeat(500_000);
    expect(problemsOf(text)).toEqual([
      '$: the JSON text ends too early at line 1, column 500001 (expected a value): is the file or link cut short?',
    ]);
  });
});

describe('findJsonSyntaxProblem', () => {
  it('finds nothing wrong in valid JSON', () => {
    for (const text of ['{}', '[]', ' {"a": [1, -2.5e+3, true, false, null, "\\u00e9\\n"]} ', '"x"', '0']) {
      expect(findJsonSyntaxProblem(text)).toBeUndefined();
    }
  });

  it('agrees with JSON.parse on which texts are valid', () => {
    fc.assert(fc.property(fc.json(), fc.nat(), (json, cut) => {
      const text = json.slice(0, cut % (json.length + 1));
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
      }
      expect(findJsonSyntaxProblem(text) === undefined).toBe(parses);
    }));
  });

  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

describe('parseScenarioText in Chinese', () => {
  it.each([
    ['{"version": 1,}', '第 1 行第 15 列不是有效的 JSON：JSON 不允许在 "}" 前面有逗号'],
    ['{"version": 1', 'JSON 文本在第 1 行第 14 列意外结束（这里应当是 "," 或 "}"）：文件或链接是不是被截断了？'],
    ["{'version': 1}", '第 1 行第 2 列不是有效的 JSON：这里应当是双引号括起的字段名'],
    ['  ', '文本是空的：场景是一个 JSON 对象，例如 { "version": 1 }'],
  ])('says where %j breaks', (text, zh) => {
    const result = parseScenarioText(text);
    expect(result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.zh}`)).toEqual([`$: ${zh}`]);
  });
});
