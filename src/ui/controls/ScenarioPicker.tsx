/** The built-in scenarios, and under the picker what to watch and the paragraph that says why. */
import { useId } from 'react';
import { LIBRARY } from '../../scenario/library/index.ts';
import { useLesson } from '../../store/lesson.ts';
import { usePlayback } from '../../store/playback.ts';
import { inLanguage, useT } from '../i18n/index.ts';
import { fitText } from '../../viz/format.ts';
import { lazyModule } from '../lazy-module.ts';
import { useElementWidth } from '../panels/use-element-width.ts';
import { openLibraryEntry } from './session.ts';
import { useRunName } from './use-run-name.ts';

const CUSTOM = '';

/** The picker's text: 14 px, bold (App.css), beside its arrow and padding. */
const PICKER_FONT_PX = 14;
const PICKER_CHROME_PX = 36;

/**
 * A chapter's run in the picker, as much of its title as fits whole: the title, else its number
 * and subject up to the colon ("第 9 章 · 故障"), else its number ("Chapter 2"). Cut by the
 * select, the title broke mid-word at 1280 px; the lesson box shows it whole.
 */
function chapterRunLabel(name: string, widthPx: number): string {
  const colon = name.search(/：|: /);
  const dot = name.indexOf(' · ');
  const labels = [name, ...(colon > 0 ? [name.slice(0, colon)] : []), ...(dot > 0 ? [name.slice(0, dot)] : [])];
  const room = widthPx - PICKER_CHROME_PX;
  return labels.find((label) => fitText(label, room, PICKER_FONT_PX, 'bold') === label) ?? labels.at(-1)!;
}

export function ScenarioPicker() {
  const t = useT();
  const id = useId();
  const libraryId = usePlayback((s) => s.libraryId);
  const language = usePlayback((s) => s.language);
  const { name, replayedAs } = useRunName();
  const runVersion = usePlayback((s) => s.runVersion);
  // A chapter's run, in the chapter or played freely after "Try it yourself", until another run is loaded.
  const chapterRun = useLesson((s) => s.chapterId !== null || s.chapterRunVersion === runVersion);
  // Until measured (and under jsdom), the widest the picker may be (App.css .rs-picker .rs-select).
  const [measure, width] = useElementWidth<HTMLSelectElement>(360);
  return (
    <div className="rs-picker">
      <label htmlFor={id} className="rs-picker-label">{t('scenario')}</label>
      <select
        ref={measure}
        id={id}
        className="rs-select"
        value={libraryId ?? CUSTOM}
        title={libraryId === null ? name : undefined}
        data-testid="scenario-picker"
        onChange={(event) => {
          if (event.target.value !== CUSTOM) openLibraryEntry(event.target.value);
        }}
      >
        {/* A guided chapter's run is the chapter's, not yet the person's own. */}
        {/* Only replayed as the other version, it is still the built-in scenario, said how it is played. */}
        {libraryId === null && <option value={CUSTOM}>{chapterRun ? chapterRunLabel(name, width) : replayedAs ? t('replayedScenario', { name, version: replayedAs }) : t('customScenario', { name })}</option>}
        {LIBRARY.map((entry) => <option key={entry.id} value={entry.id}>{inLanguage(entry.title, language)}</option>)}
      </select>
    </div>
  );
}

/** What the scenario is about (ScenarioAbout.tsx): a chunk of its own, after the first paint, as the library's paragraphs are. */
const useAbout = lazyModule(() => import('./ScenarioAbout.tsx')).use;

export function ScenarioDescription() {
  const about = useAbout();
  return about ? <about.ScenarioAbout /> : null;
}
