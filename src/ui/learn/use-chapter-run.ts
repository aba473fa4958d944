/**
 * A chapter ready to read: its steps (a chunk of their own), its scenario loaded through the
 * store, and the moment of every step, found once by the named query `chapterMoments` over the
 * scenario's run (so back, next and a link always land on the same moment).
 */
import { useEffect, useState } from 'react';
import { messageIn } from '../../scenario/validate.ts';
import type { ChapterMoments } from '../../sim/queries/chapter-moments.ts';
import { useLesson } from '../../store/lesson.ts';
import { usePlayback } from '../../store/playback.ts';
import { askSim } from '../../store/sim-query.ts';
import { openSource } from '../controls/session.ts';
import { chapterScenario, type Chapter, type ChapterEntry } from './chapter.ts';
import { labelled } from '../i18n/index.ts';

export type ChapterRun =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; chapter: Chapter; moments: ChapterMoments };

/** Loads the chapter's scenario unless it is the run already loaded for this chapter. */
function loadScenario(chapter: Chapter): string | null {
  if (useLesson.getState().loadedVersion !== null) return null;
  const result = openSource(chapterScenario(chapter));
  const language = usePlayback.getState().language;
  if (!result.ok) return result.errors.map((error) => labelled(error.path, messageIn(error, language), language)).join(language === 'zh' ? '；' : '; ');
  useLesson.getState().markLoaded(usePlayback.getState().runVersion);
  return null;
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
      const problem = loadScenario(chapter);
      if (problem !== null) return fail(new Error(problem));
      return askSim('chapterMoments', { waits: chapter.steps.map((step) => step.wait) }).then((moments) => {
        if (!cancelled) setRun({ status: 'ready', chapter, moments });
      });
    }).catch(fail);
    return () => {
      cancelled = true;
    };
  }, [entry]);
  return run;
}
