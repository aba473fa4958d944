/**
 * Validates a version-1 scenario (docs/scenario.md) and fills its defaults. Errors at the
 * edge are values: any input, however wrong, gives a result listing every problem found, each
 * with its path in the file (`topics[0].readQueueNums`), never an exception.
 */
import type { Scenario } from '../model/spec.ts';
import { checkClients } from './check-clients.ts';
import { checkProcessNames } from './check-names.ts';
import { checkTimeline } from './check-timeline.ts';
import { checkTopology } from './check-topology.ts';
import { issuesToErrors, withoutRepeats } from './issues.ts';
import { finalize, normalize } from './normalize.ts';
import { parseFile } from './parse-file.ts';
import { versionMessage, versionSchema } from './schema.ts';

export interface ValidationError {
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; scenario: Scenario } | { ok: false; errors: ValidationError[] };

export function validateScenario(input: unknown): ValidationResult {
  if (!isObject(input)) return refused([{ path: '$', message: 'must be a JSON object: a RocketScope scenario file ({ "version": 1, ... })' }]);
  // Another version is another format: its other fields would only add misleading problems.
  if (typeof input.version === 'number' && input.version !== 1) {
    return refused([{ path: 'version', message: versionMessage(input.version) }]);
  }
  const errors: ValidationError[] = [];
  const version = versionSchema.safeParse(input.version);
  if (!version.success) errors.push(...issuesToErrors(version.error.issues, ['version']));
  const draft = normalize(parseFile(input, errors));
  // The second pass: references between sections, checked on the items that passed the first.
  errors.push(...checkTopology(draft), ...checkClients(draft), ...checkTimeline(draft), ...checkProcessNames(draft));
  return errors.length === 0 ? { ok: true, scenario: finalize(draft) } : refused(withoutRepeats(errors));
}

function refused(errors: ValidationError[]): ValidationResult {
  return { ok: false, errors };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
