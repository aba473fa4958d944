/** The built-in scenarios, and under the picker the paragraph that says what to watch. */
import { useEffect, useId, useState } from 'react';
import { scenarioText } from '../../scenario/language.ts';
import { LIBRARY, loadLibraryDescription } from '../../scenario/library/index.ts';
import { useLesson } from '../../store/lesson.ts';
import { usePlayback } from '../../store/playback.ts';
import { readStored, writeStored } from '../../store/stored.ts';
import { inLanguage, useT, type Bilingual } from '../i18n/index.ts';
import { fitText } from '../../viz/format.ts';
import { useElementWidth } from '../panels/use-element-width.ts';
import { libraryBaseOf, openLibraryEntry } from './session.ts';
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
  const { name } = useRunName();
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
        {libraryId === null && <option value={CUSTOM}>{chapterRun ? chapterRunLabel(name, width) : t('customScenario', { name })}</option>}
        {LIBRARY.map((entry) => <option key={entry.id} value={entry.id}>{inLanguage(entry.title, language)}</option>)}
      </select>
    </div>
  );
}

/** Where the page remembers whether the person unfolded the description (a preference, not part of a run). */
const UNFOLDED_KEY = 'rocketscope.description.unfolded';

function readUnfolded(): boolean {
  return readStored(UNFOLDED_KEY) === 'true';
}

/** The paragraph of a built-in scenario, once its chunk has loaded (undefined before, and for no entry). */
function useLibraryDescription(libraryId: string | null): Bilingual<string> | undefined {
  const [loaded, setLoaded] = useState<{ id: string; text: Bilingual<string> | undefined } | null>(null);
  useEffect(() => {
    if (libraryId === null) return undefined;
    let live = true;
    loadLibraryDescription(libraryId).then((text) => live && setLoaded({ id: libraryId, text }), () => undefined);
    return () => {
      live = false;
    };
  }, [libraryId]);
  return loaded !== null && loaded.id === libraryId ? loaded.text : undefined;
}

/**
 * The library's paragraph for a built-in scenario (for one an edit changed too, said to be the
 * original's), else the file's own description. Folded to two lines (three on a phone) until the
 * person unfolds it; the page remembers the choice, so the panels a scenario is about stay on
 * screen for someone who has read it.
 */
export function ScenarioDescription() {
  const t = useT();
  const libraryId = usePlayback((s) => s.libraryId);
  const language = usePlayback((s) => s.language);
  const scenario = usePlayback((s) => s.scenario);
  const [expanded, setExpandedState] = useState(readUnfolded);
  const setExpanded = (unfolded: boolean) => {
    setExpandedState(unfolded);
    writeStored(UNFOLDED_KEY, String(unfolded));
  };
  const source = usePlayback((s) => s.source);
  // An edited built-in scenario keeps the entry's paragraph in the page's language, said to be the original's.
  const base = libraryId === null ? libraryBaseOf(source) : null;
  const library = useLibraryDescription(libraryId ?? base);
  // A built-in scenario's paragraph arrives a moment after the first paint (a chunk of its own).
  const own = scenario ? scenarioText(scenario, language) : undefined;
  const paragraph = library ? inLanguage(library, language) : '';
  const text = libraryId !== null ? paragraph : base !== null ? (paragraph && `${t('editedDescription')} ${paragraph}`) : own?.description || own?.name || '';
  if (text === '') return null;
  return (
    // A landmark of its own, so a screen reader's list of regions leads to what the scenario is about.
    <section className="rs-description" aria-label={t('aboutScenario')}>
      <p className={`rs-description-text${expanded ? ' rs-expanded' : ''}`} data-testid="scenario-description">{text}</p>
      <button type="button" className="rs-description-more" aria-expanded={expanded} data-testid="description-toggle" onClick={() => setExpanded(!expanded)}>
        {t(expanded ? 'less' : 'more')}
      </button>
    </section>
  );
}
