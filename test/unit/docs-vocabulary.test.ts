/**
 * The documentation names every value of every enumeration a scenario or a trace can hold: a
 * value added to src/model/vocabulary.ts without its line in docs/ fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as vocabulary from '../../src/model/vocabulary.ts';

const doc = (name: string) => readFileSync(new URL(`../../docs/${name}`, import.meta.url), 'utf8');

const WHERE: Record<string, string> = {
  ROCKETMQ_VERSIONS: 'config.md',
  BROKER_ROLES: 'scenario.md',
  FLUSH_DISK_TYPES: 'scenario.md',
  SEND_MODES: 'scenario.md',
  MESSAGE_MODELS: 'scenario.md',
  ALLOCATE_STRATEGIES: 'scenario.md',
  CONSUME_FROM_WHERE: 'scenario.md',
  ARRIVALS: 'scenario.md',
  FOCUS_PANELS: 'scenario.md',
  SEND_STATUSES: 'trace.md',
  FAILURE_REASONS: 'trace.md',
  REGISTRATION_TRIGGERS: 'trace.md',
  BROKER_REMOVAL_REASONS: 'trace.md',
  CONSUMER_REMOVAL_REASONS: 'trace.md',
  CONSUME_FAILED_NEXT: 'trace.md',
  MESSAGE_LOST_REASONS: 'trace.md',
  ELECTION_TRIGGERS: 'trace.md',
  RESPONSE_CODES: 'trace.md',
};

/** Every value the module exports is one of its lists (its types are gone at run time). */
const lists: [string, readonly string[]][] = Object.entries(vocabulary);

describe('docs/ names every value of the vocabulary', () => {
  it('knows where each list is documented', () => {
    expect(lists.map(([name]) => name).sort()).toEqual(Object.keys(WHERE).sort());
  });

  it.each(lists)('%s', (name, values) => {
    const text = doc(WHERE[name]!);
    // Written as code: `value` or "value".
    for (const value of values) expect(text, `${value} in docs/${WHERE[name]}`).toMatch(new RegExp(`[\`"]${value}[\`"]`));
  });
});
