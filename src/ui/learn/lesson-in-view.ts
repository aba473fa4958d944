/**
 * The lesson and what it points at, on screen together. On a wide screen the chapter's caption box
 * stays under the playback bar while the page scrolls (learn.css makes it sticky; this sets how far
 * from the top), and when a step arrives pointing at a process whose box on the canvas is out of
 * sight, the page scrolls just enough to show the box below the caption: chapter 9's partitioned
 * broker-c, the third of three broker groups, starts at the bottom edge of a 1280x800 window. On a
 * phone the caption box scrolls with the page and nothing is moved (the caption would go).
 */
import { useEffect, useLayoutEffect, type RefObject } from 'react';

/** Room between the bar and the caption box, and around a box brought into view. */
export const LESSON_GAP = 8;

/**
 * Keeps the caption box's sticky offset at the playback bar's height, which changes as the bar
 * wraps, and the page's scroll padding at the box's bottom while it is stuck: a process reached by
 * Tab on the canvas is scrolled to below the box, not under it.
 */
export function useLessonUnderBar(lesson: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const bar = document.querySelector<HTMLElement>('.rs-controls');
    const element = lesson.current;
    if (!bar || !element || typeof ResizeObserver === 'undefined') return undefined;
    const page = document.documentElement.style;
    const observer = new ResizeObserver(() => {
      const top = bar.getBoundingClientRect().height + LESSON_GAP;
      element.style.top = `${top}px`;
      page.scrollPaddingTop = isSticky(element) ? `${top + element.getBoundingClientRect().height + LESSON_GAP}px` : '';
    });
    observer.observe(bar);
    observer.observe(element);
    return () => {
      observer.disconnect();
      page.scrollPaddingTop = '';
    };
  }, [lesson]);
}

/**
 * How far to scroll (down positive) so a box at [top, bottom] (window coordinates) shows between
 * `clearTop`, where the stuck caption box ends, and the window's bottom; 0 when it already does.
 * A box taller than that room shows its top.
 */
export function scrollToShow(box: { top: number; bottom: number }, clearTop: number, windowHeight: number): number {
  const up = box.top - clearTop - LESSON_GAP;
  if (up < 0) return up;
  const down = box.bottom - windowHeight + LESSON_GAP;
  return down > 0 ? Math.min(down, up) : 0;
}

function isSticky(element: HTMLElement): boolean {
  return getComputedStyle(element).position === 'sticky';
}

/** Scrolls the page to the canvas's selected process (the step's focus) when it is out of sight. */
function showSelectedProcess(lesson: HTMLElement, smooth: boolean): void {
  const node = document.querySelector('[data-testid="topology-svg"] .rs-node-selected');
  if (!node || !isSticky(lesson)) return;
  const clearTop = parseFloat(lesson.style.top || '0') + lesson.getBoundingClientRect().height;
  const by = scrollToShow(node.getBoundingClientRect(), clearTop, window.innerHeight);
  if (by !== 0) window.scrollBy({ top: by, behavior: smooth ? 'smooth' : 'auto' });
}

/**
 * Once the step has arrived (the run shows its moment and its focus is selected), brings the
 * focused process into view. Runs after the frame that draws the selection.
 */
export function useFocusInView(lesson: RefObject<HTMLElement | null>, arrived: boolean, pointsAtProcess: boolean, step: number, reducedMotion: boolean): void {
  useEffect(() => {
    const element = lesson.current;
    if (!arrived || !pointsAtProcess || !element || typeof requestAnimationFrame !== 'function') return undefined;
    const frame = requestAnimationFrame(() => showSelectedProcess(element, !reducedMotion));
    return () => cancelAnimationFrame(frame);
  }, [lesson, arrived, pointsAtProcess, step, reducedMotion]);
}
