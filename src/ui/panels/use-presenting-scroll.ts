/**
 * Presentation mode on a short screen (a 1280x800 projector): the header, the scenario's lesson
 * and the counters fill half the window, and the topology, what the room looks at, would start
 * below it. While presenting, whenever the topology panel's size changes (entering the mode draws
 * it larger, a caption takes a line more) the window scrolls until the panel ends on screen, at
 * most until the panel sits just under the playback bar, which stays on screen (sticky). It never
 * scrolls up, so what a presenter scrolled to stays while the panel fits.
 *
 * A chapter's lesson box stays under the bar too where the window holds it (learn.css): its
 * caption is what the teacher talks over, so the drawing itself is scrolled up under the box (and
 * down again when the box grows), and the panel's title and its event caption pass beneath it,
 * whole. Where the box scrolls with the page (a short or narrow window) the box is brought up to
 * just under the bar, the header scrolled away, and the drawing is not moved: the caption would go.
 *
 * Leaving the mode scrolls the window back to where it was when the mode began
 * (useScrollBackAfterPresenting): the header's controls stay above what the mode scrolled to.
 */
import { useEffect, useRef } from 'react';
import { usePage } from '../../store/page.ts';
import { regionElement } from '../regions.ts';

/** Room between the playback bar, the lesson box and what is scrolled under them. */
const PRESENTING_GAP = 8;

/**
 * How far from the window's top the scrolled-to element sits while presenting: below the sticky
 * playback bar, and below the lesson box stuck under it when a chapter is open. Null when nothing
 * is scrolled to (no bar, or a lesson box that scrolls with the page).
 */
export function presentingTop(reading: boolean): number | null {
  const bar = regionElement('controls');
  if (!bar) return null;
  // A short window's bar scrolls with the page (App.css): nothing stays above the scrolled-to element.
  const stuck = getComputedStyle(bar).position === 'sticky';
  const top = (stuck ? bar.getBoundingClientRect().height : 0) + PRESENTING_GAP;
  if (!reading) return top;
  const lesson = regionElement('lesson');
  if (!lesson || getComputedStyle(lesson).position !== 'sticky') return null;
  return top + lesson.getBoundingClientRect().height + PRESENTING_GAP;
}

export function usePresentingScroll(stage: HTMLElement | null, presenting: boolean, reading: boolean): void {
  useEffect(() => {
    const panel = stage?.closest('.rs-panel');
    if (!presenting || !stage || !panel || typeof ResizeObserver === 'undefined') return;
    const lesson = regionElement('lesson');
    // The first call comes as observing starts, each later one after the panel's or the lesson's new layout.
    const observer = new ResizeObserver((entries) => {
      if (reading) bringUnderLesson(stage, entries.some((entry) => entry.target === lesson));
      else bringIntoView(panel);
    });
    observer.observe(panel);
    if (reading && lesson) observer.observe(lesson);
    return () => observer.disconnect();
  }, [presenting, reading, stage]);
}

/**
 * For a component mounted whatever the mode (the Present button): the topology panel, which
 * scrolls, is remounted with each new run and unmounted on another Insight tab.
 */
export function useScrollBackAfterPresenting(presenting: boolean): void {
  const before = useRef(0);
  // Read as the flag changes, before React draws the mode: its page may be shorter than the scroll.
  useEffect(() => usePage.subscribe((state, previous) => {
    if (state.presenting && !previous.presenting) before.current = window.scrollY;
  }), []);
  // The cleanup runs once the page is drawn without the mode, so the old position exists again;
  // the button going away with the page is no leaving.
  useEffect(() => {
    if (!presenting) return;
    return () => {
      if (!usePage.getState().presenting) window.scrollTo({ top: before.current });
    };
  }, [presenting]);
}

/** Scrolls until the panel ends on screen, at most until it sits just under the playback bar. */
function bringIntoView(panel: Element): void {
  const clearTop = presentingTop(false);
  if (clearTop === null) return;
  const { top, bottom } = panel.getBoundingClientRect();
  const by = Math.min(bottom - window.innerHeight, top - clearTop);
  if (by > 0) window.scrollBy({ top: by });
}

/**
 * Scrolls the drawing up to just under the lesson box, all the way: stopping where the panel
 * ends (a tall window) would leave the event caption cut in half under the box. When the box
 * itself changed (a step's words, a verdict coming in), the drawing follows it down too: a box
 * grown over the drawing's top would hide the NameServers the step may be about. The step's
 * process (the box it selects) ends on screen, though the drawing's top then passes under the
 * lesson box: chapter 9's fourth step is about broker-c, the third broker group, whose queues
 * were below a 1280x800 window with the NameServers under the box.
 */
function bringUnderLesson(stage: Element, lessonChanged: boolean): void {
  const clearTop = presentingTop(true);
  if (clearTop === null) {
    bringLessonUp();
    return;
  }
  const under = stage.getBoundingClientRect().top - clearTop;
  const by = under + beyond(stage.querySelector('.rs-node-selected'), under, clearTop);
  if (by > 0 || (lessonChanged && by < 0)) window.scrollBy({ top: by });
}

/**
 * How much further than `by` to scroll so that `selected` ends PRESENTING_GAP above the window's
 * foot, at most until its top reaches `clearTop` (a box taller than the room shows its top).
 */
function beyond(selected: Element | null, by: number, clearTop: number): number {
  if (!selected) return 0;
  const { top, bottom } = selected.getBoundingClientRect();
  const below = bottom - by + PRESENTING_GAP - window.innerHeight;
  return below > 0 ? Math.max(0, Math.min(below, top - by - clearTop - PRESENTING_GAP)) : 0;
}

/**
 * Where the lesson box scrolls with the page (a window under 600 px tall: a 1024x768 projector at
 * 125 % or 150 %), the page's header is scrolled away, the box brought up to just under the bar, as
 * the drawing is at 100 %: the header took a fifth of the window. Only down: what the presenter
 * scrolled to below stays.
 */
function bringLessonUp(): void {
  const lesson = regionElement('lesson');
  const clearTop = presentingTop(false);
  if (!lesson || clearTop === null) return;
  const by = lesson.getBoundingClientRect().top - clearTop;
  if (by > 0) window.scrollBy({ top: by });
}
