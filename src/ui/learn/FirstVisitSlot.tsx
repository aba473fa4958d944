/**
 * A first visit opens the default scenario, an instrument panel mid-lesson: the learner who has
 * just read about messages, topics and queues is not told the chapters exist. Until they have
 * started a chapter (its progress is remembered, progress.ts) or said no, a line above the run
 * offers chapter 1. The slot only reads storage; the line is a chunk of its own, fetched when offered.
 */
import { lazy, Suspense, useState } from 'react';
import { useLesson } from '../../store/lesson.ts';
import { usePage } from '../../store/page.ts';
import { readStored } from '../../store/stored.ts';
import { PROGRESS_STORAGE_KEY } from './progress-key.ts';

export const DECLINED_KEY = 'rocketscope.firstVisitDeclined';

const FirstVisit = lazy(() => import('./FirstVisit.tsx').then((module) => ({ default: module.FirstVisit })));

/** Whether to offer the chapters: nothing read yet, never declined; storage refused counts as nothing said. */
function offered(): boolean {
  return readStored(PROGRESS_STORAGE_KEY) === null && readStored(DECLINED_KEY) === null;
}

export function FirstVisitSlot() {
  const [open, setOpen] = useState(offered);
  const busy = useLesson((s) => s.listOpen || s.chapterId !== null || s.leftChapter !== null);
  const presenting = usePage((s) => s.presenting);
  if (!open || busy || presenting) return null;
  return (
    <Suspense fallback={null}>
      <FirstVisit close={() => setOpen(false)} />
    </Suspense>
  );
}
