/**
 * Names in the mqadmin commands the page shows for copying are shell words: a
 * plain name as it is, any other single-quoted, so that a POSIX shell hands mqadmin the name
 * itself instead of running a pipe or a redirection.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { applyWhatIf } from '../../../src/sim/queries/what-if-change.ts';
import { shellWord } from '../../../src/sim/shell-word.ts';
import { scenarioOf, type ScenarioJson } from '../../support/test-sim.ts';

type Lists = Record<'brokers' | 'topics' | 'producers' | 'consumers', Array<Record<string, unknown>>>;
import { findLibraryEntry } from '../../../src/scenario/library/index.ts';

const HOSTILE = ['%|%', '<b>clu</b>', "it's", 'a b', '$(touch x)', '`id`', '*', '~root', 'x;y&z', 'line\nbreak', '"q"', ''];

describe('shellWord', () => {
  it('leaves ordinary names and a broker address as they are', () => {
    for (const name of ['TopicTest', 'broker-a', 'DefaultCluster', '%RETRY%CG', '%DLQ%CG', 'PG_ORDER', '10.0.1.2:10911']) expect(shellWord(name)).toBe(name);
  });

  it('single-quotes any other name, an inner single quote written \'\\\'\'', () => {
    expect(shellWord('%|%')).toBe("'%|%'");
    expect(shellWord('<b>clu</b>')).toBe("'<b>clu</b>'");
    expect(shellWord("it's")).toBe("'it'\\''s'");
    expect(shellWord('')).toBe("''");
  });

  it('is read back by a POSIX shell as the name itself, one word', () => {
    for (const name of HOSTILE) {
      const printed = execFileSync('/bin/sh', ['-c', `printf '%s|' ${shellWord(name)}`], { encoding: 'utf8' });
      expect(printed).toBe(`${name}|`);
    }
  });
});

describe('What-if: the updateTopic command quotes a hostile cluster and topic', () => {
  it('a topic "%|%" on cluster "<b>clu</b>"', () => {
    const file = structuredClone(findLibraryEntry('write8-read4')!.scenario) as ScenarioJson & Lists;
    for (const broker of file.brokers) broker['cluster'] = '<b>clu</b>';
    file.topics = [{ ...file.topics[0], name: '%|%', cluster: '<b>clu</b>' }];
    for (const client of [...file.producers, ...file.consumers]) client['topic'] = '%|%';
    const applied = applyWhatIf(scenarioOf(file), { at: 30_000, path: 'topics.%|%.perm', value: 4 });
    expect(applied.ok && applied.effect).toEqual({ how: 'updateTopic', field: 'perm', commands: ["mqadmin updateTopic -n '10.0.0.1:9876;10.0.0.2:9876' -c '<b>clu</b>' -t '%|%' -w 8 -r 4 -p 4"] });
  });
});
