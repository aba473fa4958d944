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

interface Span { top: number; bottom: number }

function union(boxes: readonly Span[]): Span | null {
  if (boxes.length === 0) return null;
  return { top: Math.min(...boxes.map((box) => box.top)), bottom: Math.max(...boxes.map((box) => box.bottom)) };
}

/**
 * What a step is about, largest first, for the page to show the first that fits below the lesson
 * box: the subject with the topology panel's heading and event caption and the inspector's heading
 * with its Close button (a scroll that hid them under the box left the learner without the panel's
 * name and the narration line), then with fewer headings, then alone. The subject is the focused
 * process with its group (a consumer group's nine members, not the seventh alone) and, once a
 * question is answered, every group on the canvas: the queues the question compared on each
 * broker, and the consumers that share them.
 */
export function subjectSpans(focus: Span | null, group: Span | null, groups: readonly Span[], headings: readonly Span[], answered: boolean): Span[] {
  const subjects = [answered ? union([...groups, ...(focus ? [focus] : [])]) : null, group, focus].filter((span): span is Span => span !== null);
  // With all the headings (the topology's, then the inspector's beside it), with fewer, then alone.
  return subjects.flatMap((subject) => headings.map((_, index) => union([...headings.slice(0, headings.length - index), subject])!).concat(subject));
}

/** The first of the spans that fits between `clearTop` and the window's bottom (else the last, the smallest). */
export function pickShown(spans: readonly Span[], clearTop: number, windowHeight: number): Span | null {
  const room = windowHeight - clearTop - 2 * LESSON_GAP;
  return spans.find((span) => span.bottom - span.top <= room) ?? spans[spans.length - 1] ?? null;
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
  const svg = document.querySelector('[data-testid="topology-svg"]');
  if (!svg || !isSticky(lesson)) return;
  const node = svg.querySelector('.rs-node-selected');
  const groups = [...svg.querySelectorAll('.rs-group > rect')];
  const nodeBox = node?.getBoundingClientRect();
  const group = nodeBox ? groups.find((frame) => contains(frame.getBoundingClientRect(), nodeBox)) : undefined;
  const headings = [spanOf(svg.closest('.rs-panel')?.querySelector('.rs-panel-header')), spanOf(document.querySelector('.rs-area-inspector .rs-panel-header'))]
    .filter((span): span is Span => span !== null);
  const spans = subjectSpans(spanOf(node), spanOf(group), groups.map((frame) => spanOf(frame)!), headings, answered);
  const clearTop = parseFloat(lesson.style.top || '0') + lesson.getBoundingClientRect().height;
  const shown = pickShown(spans, clearTop, window.innerHeight);
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
