/**
 * Where a guided chapter shows on the page: its caption box above the panels, the chapter list
 * when it is open, and the note that another run ended a chapter. Both are a chunk of their own, fetched the first time they are needed, so the
 * first paint does not carry the chapters.
 */
import { lazy, Suspense } from 'react';
import { useLesson } from '../../store/lesson.ts';

const LearnHost = lazy(() => import('./LearnHost.tsx').then((module) => ({ default: module.LearnHost })));

export function LearnSlot() {
  const active = useLesson((s) => s.listOpen || s.chapterId !== null || s.leftChapter !== null);
  if (!active) return null;
  return (
    <Suspense fallback={null}>
      <LearnHost />
    </Suspense>
  );
}
