/**
 * A value and its unit never split across lines (viz/format.ts UNIT_SPACE): the periods the page
 * writes by hand in its lessons, glossary and string tables ("every 30 s", 「每 5 秒」) hold the
 * same no-break space as the ones formatSeconds and formatPeriod write, so a narrow caption or
 * note never ends a line on "30" and starts the next on "s".
 */
import { describe, expect, it } from 'vitest';
import { CHARTS_STRINGS } from '../../../src/ui/insight/charts/charts-strings.ts';
import { DASHBOARD_STRINGS } from '../../../src/ui/insight/dashboard/dashboard-strings.ts';
import { DIAGNOSTICS_STRINGS } from '../../../src/ui/insight/diagnostics/diagnostics-strings.ts';
import { TOPIC_QUERY_STRINGS } from '../../../src/ui/insight/message/topic-query-strings.ts';
import { SPACE_TIME_STRINGS } from '../../../src/ui/insight/space-time/space-time-strings.ts';
import { WHAT_IF_STRINGS } from '../../../src/ui/insight/what-if/what-if-strings.ts';
import { en } from '../../../src/ui/i18n/en.ts';
import { zh } from '../../../src/ui/i18n/zh.ts';
import { CHAPTERS } from '../../../src/ui/learn/chapters/index.ts';
import { GLOSSARY } from '../../../src/ui/learn/glossary.ts';
import { CAUSE_STRINGS } from '../../../src/ui/panels/cause-strings.ts';
import { FAILOVER_STRINGS } from '../../../src/ui/panels/failover-strings.ts';
import { INSPECTOR_STRINGS } from '../../../src/ui/panels/inspector-strings.ts';
import { LIBRARY } from '../../../src/scenario/library/index.ts';
import { libraryDescription } from '../../../src/scenario/library/descriptions.ts';
import { formatPeriod, UNIT_SPACE } from '../../../src/viz/format.ts';

/** A number, an ordinary space and a unit of time: where a line may break between the two. */
const SPLITTABLE = /\d (?:s|ms|min)\b|\d (?:秒|毫秒|分钟)/;

/** Every string inside a table of words (functions left out: their sentences are checked by calling them below). */
function wordsIn(table: unknown): string[] {
  if (typeof table === 'string') return [table];
  if (table === null || typeof table !== 'object') return [];
  return Object.values(table).flatMap(wordsIn);
}

const splittable = (texts: readonly string[]) => texts.filter((text) => SPLITTABLE.test(text));

describe('a value written by hand keeps its unit on its line, as the formatters\' do', () => {
  it('in every lesson\'s captions, questions, choices and answers, in both languages', async () => {
    const chapters = await Promise.all(CHAPTERS.map((entry) => entry.load()));
    const words = chapters.flatMap((chapter) => wordsIn(chapter.steps));
    expect(words.some((text) => text.includes(`30${UNIT_SPACE}s`))).toBe(true);
    expect(splittable(words)).toEqual([]);
  });

  it('in the glossary and the shell\'s words (the playback bar\'s "Back 10 s")', () => {
    expect(en.jumpBack10).toBe('Back 10\u00a0s');
    expect(zh.jumpForward1).toBe('前进 1\u00a0秒');
    expect(splittable([...wordsIn(GLOSSARY), ...wordsIn(en), ...wordsIn(zh)])).toEqual([]);
  });

  it('in the panels\' and the insight tabs\' tables of words', () => {
    const tables = [CHARTS_STRINGS, SPACE_TIME_STRINGS, WHAT_IF_STRINGS, FAILOVER_STRINGS, INSPECTOR_STRINGS, DASHBOARD_STRINGS, DIAGNOSTICS_STRINGS, TOPIC_QUERY_STRINGS, CAUSE_STRINGS];
    expect(splittable(tables.flatMap(wordsIn))).toEqual([]);
  });

  it('in the built-in scenarios\' paragraphs and in their files\' names and descriptions (the picker\'s library)', () => {
    const paragraphs = LIBRARY.flatMap((entry) => wordsIn(libraryDescription(entry.id)));
    const files = LIBRARY.flatMap((entry) => {
      const { name, description } = entry.scenario as { name?: string; description?: string };
      return [name ?? '', description ?? ''];
    });
    expect(paragraphs.length).toBe(2 * LIBRARY.length);
    expect(paragraphs.some((text) => text.includes(`30${UNIT_SPACE}s`))).toBe(true);
    expect(splittable([...paragraphs, ...files])).toEqual([]);
  });

  it('in the sentences the tables build around a value', () => {
    const built = (['en', 'zh'] as const).flatMap((language) => [
      SPACE_TIME_STRINGS[language].lastSeconds(60),
      FAILOVER_STRINGS[language].failedBy.timeout(2, formatPeriod(3_000, language), true),
      INSPECTOR_STRINGS[language].faultNote(formatPeriod(30_000, language), true),
    ]);
    expect(built[0]).toBe('last 60\u00a0s');
    expect(splittable(built)).toEqual([]);
  });
});
