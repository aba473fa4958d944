/**
 * Where the card goes on a wide page: over the side column (the event log), from the side
 * column's top down, so it hides neither the topology (its consumers are on the right) nor the
 * time and the controls, nor a chapter's lesson above the columns, which keeps its whole width.
 * Without a side column on screen (presentation mode, one column) the card keeps its place at the
 * right edge and card.css makes room for it beside the panels and the lesson.
 */
import { useLayoutEffect, useState, type CSSProperties } from 'react';
import { usePlayback } from '../../store/playback.ts';

/** Below this the side column is not shown beside the main one. */
const SIDE_MIN_WIDTH = 300;
/** The card keeps at least this height, starting higher when the side column starts low. */
const CARD_MIN_HEIGHT = 440;
const HEADER_BOTTOM = 72;
const MARGIN = 12;

function dockedStyle(): CSSProperties | null {
  const side = document.querySelector('.rs-column-side')?.getBoundingClientRect();
  if (!side || side.width < SIDE_MIN_WIDTH) return null;
  const lessonBottom = document.querySelector('.rs-lesson')?.getBoundingClientRect().bottom ?? 0;
  const top = Math.max(HEADER_BOTTOM, lessonBottom + MARGIN / 2, Math.min(side.top, window.innerHeight - MARGIN - CARD_MIN_HEIGHT));
  return { left: side.left, width: side.width, right: 'auto', top };
}

/** The card's style while docked, or null where it keeps its place at the right edge. */
export function useDock(): CSSProperties | null {
  const presenting = usePlayback((s) => s.presenting);
  const [style, setStyle] = useState<CSSProperties | null>(null);
  useLayoutEffect(() => {
    const place = () => {
      const next = dockedStyle();
      setStyle((old) => (JSON.stringify(old) === JSON.stringify(next) ? old : next));
    };
    place();
    // A chapter's next step may make the lesson taller or shorter: the page's height changes, no window event comes.
    const app = document.querySelector('.rs-app');
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(place);
    if (app) resized?.observe(app);
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, { passive: true });
    return () => {
      resized?.disconnect();
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place);
    };
  }, [presenting]);
  return style;
}
