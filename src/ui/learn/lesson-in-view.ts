/**
 * The lesson and what it points at, on screen together. On a wide screen the chapter's caption box
 * stays under the playback bar while the page scrolls (learn.css makes it sticky; this sets how far
 * from the top), and when a step arrives pointing at a process whose box on the canvas is out of
 * sight, the page scrolls just enough to show the box below the caption: chapter 9's partitioned
 * broker-c, the third of three broker groups, starts at the bottom edge of a 1280x800 window. On a
 * phone the caption box scrolls with the page and nothing is moved (the caption would go).
 */
import { useEffect, useLayoutEffect, type RefObject } from 'react';
import { regionElement } from '../regions.ts';

/** Room between the bar and the caption box, and around a box brought into view. */
export const LESSON_GAP = 8;

/** The page's custom property for the stuck caption box's bottom (learn.css). */
const LESSON_CLEAR = '--rs-lesson-clear';

/**
 * Keeps the caption box's sticky offset at the playback bar's height, which changes as the bar
 * wraps, and the page's scroll padding at the box's bottom while it is stuck: a process reached by
 * Tab on the canvas is scrolled to below the box, not under it. The same bottom is the page's
 * `--rs-lesson-clear`, where learn.css holds the inspector's title (the process's name) while
 * its tables scroll under the box: a step about a consumer low on the canvas (chapter 8's c-7)
 * scrolls the page, and the box covered the name the details on the right belong to.
 */
export function useLessonUnderBar(lesson: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const bar = regionElement('controls');
    const element = lesson.current;
    if (!bar || !element || typeof ResizeObserver === 'undefined') return undefined;
    const page = document.documentElement.style;
    const observer = new ResizeObserver(() => {
      const top = bar.getBoundingClientRect().height + LESSON_GAP;
      element.style.top = `${top}px`;
      const clear = isSticky(element) ? `${top + element.getBoundingClientRect().height + LESSON_GAP}px` : '';
      page.scrollPaddingTop = clear;
      if (clear) page.setProperty(LESSON_CLEAR, clear);
      else page.removeProperty(LESSON_CLEAR);
    });
    observer.observe(bar);
    observer.observe(element);
    return () => {
      observer.disconnect();
      page.scrollPaddingTop = '';
      page.removeProperty(LESSON_CLEAR);
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

interface Span { top: number; bottom: number }

function union(boxes: readonly Span[]): Span | null {
  if (boxes.length === 0) return null;
  return { top: Math.min(...boxes.map((box) => box.top)), bottom: Math.max(...boxes.map((box) => box.bottom)) };
}

/**
 * What a step is about, largest first, with the topology panel's heading (its event caption and
 * counters) and the inspector's heading with its Close button, then with fewer headings: `headed`;
 * and the same subjects alone: `alone`, which a scroll shows only when the step's process is out of
 * sight (a scroll that hid the headings under the lesson box for a better view of what was already
 * on screen left the learner without the narration line and the counters a verdict speaks of). The
 * subject is the focused process with its group (a consumer group's nine members, not the seventh
 * alone) and, once a question is answered, every group on the canvas: the queues the question
 * compared on each broker, and the consumers that share them.
 */
export function subjectSpans(focus: Span | null, group: Span | null, groups: readonly Span[], headings: readonly Span[], answered: boolean): { headed: Span[]; alone: Span[] } {
  const alone = [answered ? union([...groups, ...(focus ? [focus] : [])]) : null, group, focus].filter((span): span is Span => span !== null);
  // With all the headings (the topology's, then the inspector's beside it), then with fewer.
  const headed = alone.flatMap((subject) => headings.map((_, index) => union([...headings.slice(0, headings.length - index), subject])!));
  return { headed, alone };
}

/** The first of the spans that fits between `clearTop` and the window's bottom, or undefined. */
function firstFitting(spans: readonly Span[], clearTop: number, windowHeight: number): Span | undefined {
  const room = windowHeight - clearTop - 2 * LESSON_GAP;
  return spans.find((span) => span.bottom - span.top <= room);
}

/** Whether the span shows whole between `clearTop` and the window's bottom once the page scrolls by `by`. */
function inSightAfter(span: Span, by: number, clearTop: number, windowHeight: number): boolean {
  return scrollToShow({ top: span.top - by, bottom: span.bottom - by }, clearTop, windowHeight) === 0;
}

/**
 * What to show below the lesson box: the largest subject with every heading, whole when it fits,
 * else from the headings down as long as the focused process stays in sight; else the largest
 * subject that fits with a heading (and with what stays in sight, below); else, when the focused process is already in sight, nothing
 * (null: no scroll); else the largest subject that fits alone, or the smallest.
 *
 * The focused process stays in sight with its group's frame (`group`) whenever the frame fits the
 * room: chapter 9's partitioned broker-c at 1280x800 in Chinese showed its box under the headings
 * (they fit with the box, not with the frame), the frame's foot cut by the window's edge.
 */
export function pickShown(spans: { headed: readonly Span[]; alone: readonly Span[] }, focus: Span | null, clearTop: number, windowHeight: number, group: Span | null = null): Span | null {
  const kept = group && firstFitting([group], clearTop, windowHeight) ? group : focus;
  const [largest] = spans.headed;
  if (largest && (!kept || inSightAfter(kept, scrollToShow(largest, clearTop, windowHeight), clearTop, windowHeight))) return largest;
  const headed = firstFitting(kept ? spans.headed.filter((span) => span.top <= kept.top && span.bottom >= kept.bottom) : spans.headed, clearTop, windowHeight);
  if (headed) return headed;
  if (kept && inSightAfter(kept, 0, clearTop, windowHeight)) return null;
  return firstFitting(spans.alone, clearTop, windowHeight) ?? spans.alone[spans.alone.length - 1] ?? null;
}

/**
 * How far to scroll back up (negative) so the step's process, its box at `focus`, shows below the
 * lesson box (`clearTop`) again; 0 when it does. The inspector and the canvas scroll together: the
 * least scroll that shows a part of the inspector (chapter 4's Remoting table, low in a 1280x800
 * window) left broker-a/0's box 13 px below an English caption, and a caption a line longer hid it.
 */
export function keepInSight(focus: Span, clearTop: number): number {
  return Math.min(0, focus.top - clearTop - LESSON_GAP);
}

/** Where the stuck lesson box ends, in window coordinates. */
function clearTopOf(lesson: HTMLElement): number {
  return parseFloat(lesson.style.top || '0') + lesson.getBoundingClientRect().height;
}

/**
 * After a part of the inspector was brought into view (use-broker-module.ts): the step's process on
 * the canvas (the selected box) stays in sight under the lesson box, the part's foot giving way.
 */
export function keepFocusInSight(lesson: HTMLElement): void {
  const focus = spanOf(regionElement('topology')?.querySelector('.rs-node-selected'));
  if (!focus || !isSticky(lesson)) return;
  const by = keepInSight(focus, clearTopOf(lesson));
  if (by !== 0) window.scrollBy({ top: by });
}

function spanOf(element: Element | null | undefined): Span | null {
  if (!element) return null;
  const { top, bottom } = element.getBoundingClientRect();
  return { top, bottom };
}

function contains(outer: DOMRect, inner: DOMRect): boolean {
  const x = inner.left + inner.width / 2;
  const y = inner.top + inner.height / 2;
  return x >= outer.left && x <= outer.right && y >= outer.top && y <= outer.bottom;
}

/**
 * Scrolls the page to the step's subject on the canvas (its focused process, and with an answered
 * question the queues it asked about) when it is out of sight, with the topology's heading when
 * both fit.
 */
function showSubject(lesson: HTMLElement, answered: boolean, smooth: boolean): void {
  const svg = regionElement('topology');
  if (!svg || !isSticky(lesson)) return;
  const node = svg.querySelector('.rs-node-selected');
  const groups = [...svg.querySelectorAll('.rs-group > rect')];
  const nodeBox = node?.getBoundingClientRect();
  const group = nodeBox ? groups.find((frame) => contains(frame.getBoundingClientRect(), nodeBox)) : undefined;
  const headings = [spanOf(svg.closest('.rs-panel')?.querySelector('.rs-panel-header')), spanOf(regionElement('inspector')?.querySelector('.rs-panel-header'))]
    .filter((span): span is Span => span !== null);
  const focus = spanOf(node);
  const spans = subjectSpans(focus, spanOf(group), groups.map((frame) => spanOf(frame)!), headings, answered);
  const clearTop = clearTopOf(lesson);
  const shown = pickShown(spans, focus, clearTop, window.innerHeight, spanOf(group));
  if (!shown) return;
  const by = scrollToShow(shown, clearTop, window.innerHeight);
  if (by !== 0) window.scrollBy({ top: by, behavior: smooth ? 'smooth' : 'auto' });
}

/**
 * Once the step has arrived (the run shows its moment and its focus is selected, or its question's
 * verdict is in), brings what it is about into view. Runs after the frame that draws the selection
 * and the box at its new height.
 */
export function useFocusInView(lesson: RefObject<HTMLElement | null>, arrived: boolean, pointsAtCanvas: boolean, step: number, reducedMotion: boolean, answered = false): void {
  useEffect(() => {
    const element = lesson.current;
    if (!arrived || !pointsAtCanvas || !element || typeof requestAnimationFrame !== 'function') return undefined;
    const frame = requestAnimationFrame(() => showSubject(element, answered, !reducedMotion));
    return () => cancelAnimationFrame(frame);
  }, [lesson, arrived, pointsAtCanvas, step, reducedMotion, answered]);
}
