/**
 * Presenting a chapter on a short screen (a 1280x800 projector), a step with many words (a
 * question answered, with its why) made the lesson box over half the window: stuck under the
 * playback bar, it covered the drawing it talks about (chapter 3's broker-b, the broker the
 * question is about, below the window's edge). While presenting, the box's type steps down until
 * the box takes at most LESSON_SHARE of the window's height, never below the last of FITS: 18 px
 * captions, still larger than the page's own 16.
 *
 * Where the box stays under the playback bar, learn.css caps it at LESSON_SHARE of the window
 * whatever it says (chapter 9's answered third step was 64 % of a 1280x800 window at the smallest
 * type, and ran past a 1024x768 one): the step's words scroll inside the box, between its bar and
 * its counters, and take a Tab stop while they do, so a keyboard scrolls them too.
 *
 * Fitted before the box is painted, whenever what it shows changes (`content` names it) and when
 * the window does: the scale is the box's own custom property, which learn.css multiplies the
 * presentation sizes by, as lesson-in-view.ts sets the box's sticky offset. A change shows the
 * words from their start, or from the question once it is answered.
 */
import { useLayoutEffect, type RefObject } from 'react';

/** The presentation type's scale, largest first. */
const FITS = [1, 0.9, 0.8, 0.7] as const;
/** The most of the window's height the lesson box takes (learn.css's max-height: 45vh). */
const LESSON_SHARE = 0.45;
const PROPERTY = '--rs-lesson-fit';

export function useLessonFit(lesson: RefObject<HTMLElement | null>, words: RefObject<HTMLElement | null>, presenting: boolean, content: string): void {
  useLayoutEffect(() => {
    const element = lesson.current;
    const scroller = words.current;
    if (!element || !scroller) return undefined;
    // Where fromStart put the words, until the person scrolls them: a card opening beside the box
    // (below 1100 px, card.css) narrows it after the answer, and the verdict fell below the fold.
    let anchored: number | null = fromStart(scroller);
    const fit = () => {
      if (presenting) fitLesson(element, scroller);
      else element.style.removeProperty(PROPERTY);
      tabStopWhileScrolling(scroller);
      markMore(scroller);
    };
    const scrolled = () => {
      if (anchored !== null && Math.abs(scroller.scrollTop - anchored) > 1) anchored = null;
      markMore(scroller);
    };
    const reflowed = () => {
      if (anchored !== null) anchored = fromStart(scroller);
      markMore(scroller);
    };
    fit();
    window.addEventListener('resize', fit);
    scroller.addEventListener('scroll', scrolled, { passive: true });
    // The box and its words change size without a scroll too (the type fitted, the card docked beside it).
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(reflowed);
    for (const box of [scroller, ...scroller.children]) resized?.observe(box);
    return () => {
      window.removeEventListener('resize', fit);
      scroller.removeEventListener('scroll', scrolled);
      resized?.disconnect();
    };
  }, [lesson, words, presenting, content]);
}

/**
 * Words running on past the box's edge say so: learn.css fades the edge they run past
 * (`data-more` is "above", "below" or both). A scroll bar alone is thin or hidden (overlay scroll
 * bars), and the words cut at a line's end read as the whole step.
 */
function markMore(scroller: HTMLElement): void {
  const above = scroller.scrollTop > 1;
  const below = scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1;
  const more = [above ? 'above' : '', below ? 'below' : ''].filter(Boolean).join(' ');
  if (more === '') delete scroller.dataset.more;
  else scroller.dataset.more = more;
}

/**
 * A new step or language reads from its first word; a question answered, from the question, with
 * its verdict under it (below the box's fold, the verdict was a student's only feedback, unseen).
 */
function fromStart(scroller: HTMLElement): number {
  scroller.scrollTop = 0;
  const answered = scroller.querySelector('[data-testid="prediction"]:has([data-testid="verdict"])');
  const verdict = answered?.querySelector('[data-testid="verdict"]');
  if (!answered || !verdict) return scroller.scrollTop;
  const top = scroller.getBoundingClientRect().top;
  // A question longer than the box (narrowed by a card beside it) would leave the verdict below the fold: it starts halfway down at the latest.
  scroller.scrollTop = Math.max(answered.getBoundingClientRect().top - top, verdict.getBoundingClientRect().top - top - scroller.clientHeight / 2);
  return scroller.scrollTop;
}

/** Words that scroll are reached by Tab, so a keyboard scrolls them (they may hold no control to land on). */
function tabStopWhileScrolling(scroller: HTMLElement): void {
  if (scroller.scrollHeight > scroller.clientHeight) scroller.setAttribute('tabindex', '0');
  else scroller.removeAttribute('tabindex');
}

/** The height the box would take uncapped: its own, and what of its words scrolls inside it. */
function wantedHeight(element: HTMLElement, scroller: HTMLElement): number {
  return element.getBoundingClientRect().height + scroller.scrollHeight - scroller.clientHeight;
}

/** The largest scale at which the box fits its share of the window, else the smallest. */
function fitLesson(element: HTMLElement, scroller: HTMLElement): void {
  for (const scale of FITS) {
    element.style.setProperty(PROPERTY, String(scale));
    if (wantedHeight(element, scroller) <= LESSON_SHARE * window.innerHeight) return;
  }
}
