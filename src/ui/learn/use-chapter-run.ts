/**
 * A chapter ready to read: its steps (a chunk of their own), its scenario loaded through the
 * store, and the moment of every step, found once by the named query `chapterMoments` over the
 * scenario's run (so back, next and a link always land on the same moment) and kept in the lesson
 * store, which derives the moment each step shows from them.
 */
import { useEffect, useState } from 'react';
import { messageIn } from '../../scenario/validate.ts';
import { useLesson } from '../../store/lesson.ts';
import { usePlayback } from '../../store/playback.ts';
import { askSim } from '../../store/sim-query.ts';
import { openSource } from '../controls/session.ts';
import { chapterScenario, type Chapter, type ChapterEntry } from './chapter.ts';
import { labelled } from '../i18n/index.ts';

export type ChapterRun =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  /** Its moments are in the lesson store (`found`) from then on. */
  | { status: 'ready'; chapter: Chapter };

/** Loads the chapter's scenario unless it is the run already loaded for this chapter: that run's version, or what is wrong with the scenario. */
function loadScenario(chapter: Chapter): { runVersion: number } | { problem: string } {
  const { loadedVersion } = useLesson.getState();
  if (loadedVersion !== null) return { runVersion: loadedVersion };
  const result = openSource(chapterScenario(chapter));
  const language = usePlayback.getState().language;
  if (!result.ok) return { problem: result.errors.map((error) => labelled(error.path, messageIn(error, language), language)).join(language === 'zh' ? '；' : '; ') };
  const { runVersion } = usePlayback.getState();
  useLesson.getState().markLoaded(runVersion);
  return { runVersion };
}

export function useChapterRun(entry: ChapterEntry): ChapterRun {
  const [run, setRun] = useState<ChapterRun>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    const fail = (error: unknown) => {
      if (!cancelled) setRun({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    };
    entry.load().then((chapter) => {
      if (cancelled) return undefined;
      const loaded = loadScenario(chapter);
      if ('problem' in loaded) return fail(new Error(loaded.problem));
      return askSim('chapterMoments', { waits: chapter.steps.map((step) => step.wait) }).then((moments) => {
        if (cancelled) return;
        useLesson.getState().markFound(loaded.runVersion, { moments, choices: chapter.steps.map((step) => step.predict?.choices.length ?? 0) });
        setRun({ status: 'ready', chapter });
      });
    }).catch(fail);
    return () => {
      cancelled = true;
    };
  }, [entry]);
  return run;
}
