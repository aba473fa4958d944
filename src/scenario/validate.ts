/**
 * Validates a version-1 scenario (docs/scenario.md) and fills its defaults. Errors at the
 * edge are values: any input, however wrong, gives a result listing every problem found, each
 * with its path in the file (`topics[0].readQueueNums`), never an exception.
 */
import type { Scenario } from '../model/spec.ts';
import { checkClients } from './check-clients.ts';
import { checkProcessNames } from './check-names.ts';
import { checkQueueLists } from './check-queue-list.ts';
import { checkTimeline } from './check-timeline.ts';
import { checkTopology } from './check-topology.ts';
import { TOO_DEEP, tooDeepAt } from './depth.ts';
import { inFileOrder } from './file-order.ts';
import { issuesToErrors, problem, withoutRepeats } from './issues.ts';
import type { Language } from './language.ts';
import type { Said } from './messages.ts';
import { finalize, normalize } from './normalize.ts';
import { isObject, parseFile } from './parse-file.ts';
import { refusedFields } from './refused-fields.ts';
import { versionMessage, versionSchema } from './schema.ts';

export interface ValidationError {
  path: string;
  /** In English: the file's message, as `npm run sim` prints it. */
  message: string;
  /** The same in Chinese, for the page in 中文. */
  zh: string;
}

/** A problem's message in the page's language. */
export function messageIn(error: ValidationError, language: Language): string {
  return language === 'zh' ? error.zh : error.message;
}

export type ValidationResult = { ok: true; scenario: Scenario } | { ok: false; errors: ValidationError[] };

export function validateScenario(input: unknown): ValidationResult {
  if (!isObject(input)) return refused([problem([], NOT_AN_OBJECT)]);
  // Another version is another format: its other fields would only add misleading problems.
  if (typeof input.version === 'number' && input.version !== 1) {
    return refused([problem(['version'], versionMessage(input.version))]);
  }
  // Before any check walks it: those recurse, and brackets nested by the thousand would overflow the stack.
  const deep = tooDeepAt(input);
  if (deep) return refused([problem(deep, TOO_DEEP)]);
  const errors: ValidationError[] = [];
  const version = versionSchema.safeParse(input.version);
  if (!version.success) errors.push(...issuesToErrors(version.error.issues, ['version']));
  const draft = normalize(parseFile(input, errors));
  const rightFields = refusedFields(input, draft);
  // The second pass: references between sections, checked on the items that passed the first and on the right fields of those it refused.
  errors.push(...checkTopology(draft, rightFields), ...checkClients(draft, rightFields), ...checkTimeline(draft, rightFields), ...checkQueueLists(draft, rightFields), ...checkProcessNames(draft));
  return errors.length === 0 ? { ok: true, scenario: finalize(draft) } : refused(inFileOrder(withoutRepeats(errors), input));
}

const NOT_AN_OBJECT: Said = {
  en: 'must be a JSON object: a RocketScope scenario file ({ "version": 1, ... })',
  zh: '必须是一个 JSON 对象：RocketScope 的场景文件（{ "version": 1, ... }）',
};

function refused(errors: ValidationError[]): ValidationResult {
  return { ok: false, errors };
}

