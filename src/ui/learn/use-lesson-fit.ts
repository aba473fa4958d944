/**
 * Presenting a chapter on a short screen (a 1280x800 projector), a step with many words (a
 * question answered, with its why) made the lesson box over half the window: stuck under the
 * playback bar, it covered the drawing it talks about (chapter 3's broker-b, the broker the
 * question is about, below the window's edge). While presenting, the box's type steps down until
 * the box takes at most LESSON_SHARE of the window's height, never below the last of FITS: 18 px
 * captions, still larger than the page's own 16.
 *
 * Fitted before the box is painted, whenever what it shows changes (`content` names it) and when
 * the window does: the scale is the box's own custom property, which learn.css multiplies the
 * presentation sizes by, as lesson-in-view.ts sets the box's sticky offset.
 */
import { useLayoutEffect, type RefObject } from 'react';

/** The presentation type's scale, largest first. */
const FITS = [1, 0.9, 0.8, 0.7] as const;
/** The most of the window's height the lesson box takes while presenting, where its type can shrink that far. */
export const LESSON_SHARE = 0.45;
const PROPERTY = '--rs-lesson-fit';

export function useLessonFit(lesson: RefObject<HTMLElement | null>, presenting: boolean, content: string): void {
  useLayoutEffect(() => {
    const element = lesson.current;
    if (!element) return undefined;
    if (!presenting) {
      element.style.removeProperty(PROPERTY);
      return undefined;
    }
    const fit = () => fitLesson(element);
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [lesson, presenting, content]);
}

/** The largest scale at which the box fits its share of the window, else the smallest. */
function fitLesson(element: HTMLElement): void {
  for (const scale of FITS) {
    element.style.setProperty(PROPERTY, String(scale));
    if (element.getBoundingClientRect().height <= LESSON_SHARE * window.innerHeight) return;
  }
}
