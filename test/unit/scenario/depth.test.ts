/**
 * A file nested thousands of levels deep is refused with one problem, never a stack overflow: the
 * checks after the depth check walk the file recursively (issues found by QA: the runner printed
 * "Maximum call stack size exceeded" with a stack trace, and the editor's page failed as a whole).
 */
import { describe, expect, it } from 'vitest';
import { MAX_NESTING } from '../../../src/scenario/depth.ts';
import { parseScenarioText } from '../../../src/scenario/parse.ts';
import { validateScenario } from '../../../src/scenario/validate.ts';

const arrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
/** `{ a: { a: ... 1 } }`, `depth` objects deep, built with a loop (a recursive builder would overflow first). */
function objects(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('nesting', () => {
  it('refuses a description of 3,000 nested arrays with one problem at the field, in English and Chinese', () => {
    expect(parseScenarioText(`{"version":1,"description":${arrays(3_000)}}`)).toEqual({
      ok: false,
      errors: [{
        path: 'description',
        message: 'nests deeper than 32 levels of objects and arrays inside one another; a scenario needs a handful',
        zh: '对象和数组层层相套，超过了 32 层；一个场景只需要几层',
      }],
    });
  });

  it('refuses 500,000 levels (1 MB of brackets) without overflowing the stack', () => {
    const result = parseScenarioText(`{"version":1,"topics":[{"name":${arrays(500_000)}}]}`);
    expect(result.ok ? [] : result.errors.map((error) => error.path)).toEqual(['topics[0].name']);
  });

  it('names a deep object by its first steps: a file\'s paths are at most 6 deep', () => {
    const result = validateScenario({ version: 1, config: objects(40_000) });
    expect(result.ok ? [] : result.errors.map((error) => error.path)).toEqual(['config.a.a.a.a.a']);
  });

  it('reads a sparse array\'s holes as empty places, as JSON would write them', () => {
    // eslint-disable-next-line no-sparse-arrays -- the hole is the point: a file built in code may have one.
    expect(() => validateScenario({ version: 1, topics: [, { name: 'T' }] })).not.toThrow();
  });

  it('leaves a file nested up to the limit to the other checks', () => {
    // The file is level 1 and the description's arrays the 31 after it.
    const result = parseScenarioText(`{"version":1,"description":${arrays(MAX_NESTING - 1)}}`);
    expect(result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`)).toEqual(['description: must be a string of at most 4000 characters']);
    const over = parseScenarioText(`{"version":1,"description":${arrays(MAX_NESTING)}}`);
    expect(over.ok ? [] : over.errors.map((error) => error.path)).toEqual(['description']);
  });
});
