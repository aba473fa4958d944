/**
 * What a scenario is about, under the picker: first what to watch, one line per fault mark of the
 * scrubber with its time, in the mark's words without the file's name of the action (its timeline
 * actions: the list and the marks are read from the same file, so they never disagree); the library's paragraph, or the file's own
 * description, behind a disclosure the page remembers. A paragraph of 900 characters pushed the
 * canvas below the fold, and a first visit needs the times more than the why. A chunk of its own,
 * fetched after the first paint, as the library's paragraphs are.
 */
import { useEffect, useId, useState } from 'react';
import type { RocketMQVersion, TimelineAction } from '../../sim/index.ts';
import { scenarioText, type Language } from '../../scenario/language.ts';
import { loadLibraryDescription } from '../../scenario/library/index.ts';
import { usePlayback } from '../../store/playback.ts';
import { readStored, writeStored } from '../../store/stored.ts';
import { formatTime } from '../../viz/format.ts';
import { inLanguage, translate, useWords, type Bilingual } from '../i18n/index.ts';
import { actionMarks } from './mark-times.ts';
import { actionSaidAt } from './Scrubber.tsx';
import { libraryBaseOf } from './session.ts';
import { useRunName } from './use-run-name.ts';
import './about.css';

interface AboutWords {
  label: string;
  watch: string;
  /** More marks than the list shows: the scrubber has them all. */
  moreMarks: (count: number) => string;
  more: string;
  less: string;
  edited: string;
  replayed: (version: RocketMQVersion) => string;
  /** Before the paragraph of a replayed run: what the version may have moved. */
  replayedCaveat: string;
}

const WORDS: Bilingual<AboutWords> = {
  en: {
    label: 'About this scenario',
    watch: 'What to watch',
    moreMarks: (count) => `and ${count} more marks on the scrubber`,
    more: 'The whole story',
    less: 'Less',
    edited: 'Changed from a built-in scenario; its description, which the change may have made untrue:',
    replayed: (version) => `Replayed as RocketMQ ${version}; nothing else changed.`,
    replayedCaveat: 'The description tells the run of the scenario\'s own version: what depends on the version\'s defaults (the NameServer\'s scan, the producer\'s fault isolation, the first pull after a rebalance: the switch lists them) may happen at other times.',
  },
  zh: {
    label: '关于这个场景',
    watch: '看点',
    moreMarks: (count) => `时间轴上还有 ${count} 个标记`,
    more: '完整说明',
    less: '收起',
    edited: '由内置场景修改而来；以下是原场景的说明，修改后可能已不再成立：',
    replayed: (version) => `按 RocketMQ ${version} 重放，其他都没有改。`,
    replayedCaveat: '下面的说明讲的是场景原来版本的运行：取决于版本默认值的事（NameServer 的扫描、生产者的故障规避、负载均衡后的第一次拉取，版本开关列出了它们）可能发生在别的时刻。',
  },
};

/** Beyond this many lines the list would be the wall it replaces: the rest are on the scrubber. */
const MOST_LINES = 6;

/** Where the page remembers whether the person unfolded the description (a preference, not part of a run). */
const UNFOLDED_KEY = 'rocketscope.description.unfolded';

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

/** One line per fault mark the scrubber draws, as its tick says it ("1:00.000 · broker-a crashes"). */
function WatchList({ timeline, language, words }: { timeline: readonly TimelineAction[]; language: Language; words: AboutWords }) {
  const forks = usePlayback((s) => s.forks);
  const marks = actionMarks(timeline, forks);
  const id = useId();
  if (marks.length === 0) return null;
  return (
    <div className="rs-watch">
      <span id={id} className="rs-watch-label">{words.watch}</span>
      <ul aria-labelledby={id} data-testid="watch-list">
        {marks.slice(0, MOST_LINES).map((action, index) => (
          <li key={index}>
            <button type="button" className="rs-watch-mark" onClick={() => usePlayback.getState().requestSeek(action.at)}>
              {translate(language, 'faultMarker', { time: formatTime(action.at), action: actionSaidAt(action, language, false) })}
            </button>
          </li>
        ))}
        {marks.length > MOST_LINES && <li className="rs-muted">{words.moreMarks(marks.length - MOST_LINES)}</li>}
      </ul>
    </div>
  );
}

/**
 * The library's paragraph for a built-in scenario (for one an edit changed too, said to be the
 * original's; for one the version switch replayed, said what changed), else the file's own
 * description. With marks to watch, the paragraph is folded away until the person unfolds it;
 * without, it shows its first two lines. The page remembers the choice, so the panels a scenario is
 * about stay on screen for someone who has read it.
 */
export function ScenarioAbout() {
  const words = useWords(WORDS);
  const libraryId = usePlayback((s) => s.libraryId);
  const language = usePlayback((s) => s.language);
  const scenario = usePlayback((s) => s.scenario);
  const source = usePlayback((s) => s.source);
  const { replayedAs } = useRunName();
  const [expanded, setExpandedState] = useState(() => readStored(UNFOLDED_KEY) === 'true');
  const setExpanded = (unfolded: boolean) => {
    setExpandedState(unfolded);
    writeStored(UNFOLDED_KEY, String(unfolded));
  };
  const textId = useId();
  // An edited built-in scenario keeps the entry's paragraph in the page's language, said to be the original's.
  const base = libraryId === null ? libraryBaseOf(source) : null;
  const library = useLibraryDescription(libraryId ?? base);
  // A built-in scenario's paragraph arrives a moment after the first paint (a chunk of its own).
  const own = scenario ? scenarioText(scenario, language) : undefined;
  const paragraph = library ? inLanguage(library, language) : '';
  const text = libraryId !== null || base !== null ? paragraph : own?.description || own?.name || '';
  if (text === '') return null;
  const hasMarks = scenario !== null && actionMarks(scenario.timeline, []).length > 0;
  const note = base === null ? '' : replayedAs !== null ? words.replayed(replayedAs) : words.edited;
  const caveat = base !== null && replayedAs !== null ? `${words.replayedCaveat} ` : '';
  return (
    // A landmark of its own, so a screen reader's list of regions leads to what the scenario is about.
    <section className="rs-description" aria-label={words.label}>
      {note && <p className="rs-description-note" data-testid="description-note">{note}</p>}
      {scenario && <WatchList timeline={scenario.timeline} language={language} words={words} />}
      <p id={textId} className={`rs-description-text${expanded ? ' rs-expanded' : ''}`} hidden={!expanded && hasMarks} data-testid="scenario-description">{caveat}{text}</p>
      <button type="button" className="rs-description-more" aria-expanded={expanded} aria-controls={textId} data-testid="description-toggle" onClick={() => setExpanded(!expanded)}>
        {expanded ? words.less : words.more}
      </button>
    </section>
  );
}
