/**
 * Where the card goes on a wide page: over the side column (the event log), from the side
 * column's top down, so it hides neither the topology (its consumers are on the right) nor the
 * time and the controls, nor a chapter's lesson above the columns, which keeps its whole width.
 * Without a side column beside the main one (presentation mode, one column) the card keeps its
 * place at the right edge, below the playback bar, and card.css makes room for it beside the
 * panels and the lesson.
 */
import { useLayoutEffect, useState, type CSSProperties } from 'react';
import { usePage } from '../../store/page.ts';
import { regionElement } from '../regions.ts';

/** Below this the side column is not shown beside the main one. */
const SIDE_MIN_WIDTH = 300;
/** The card keeps at least this height, starting higher when the side column starts low. */
const CARD_MIN_HEIGHT = 440;
const HEADER_BOTTOM = 72;
const MARGIN = 12;
/** Under the bar of a short window (683x512, a 1024x768 projector at 150 %) the card keeps this much. */
const CARD_MIN_HEIGHT_UNDER_BAR = 240;
/** card.css's sheet at the window's foot, at this width and below. */
const SHEET_MAX_WIDTH = 640;

/**
 * Stacked under the main column (one column, below 1100 px in App.css) the side column is still
 * wide, but docking over it put the card on the left, over the topology, while card.css made room
 * for it on the right: the side column counts only when it stands to the right of the main one.
 */
function besideMain(side: DOMRect): boolean {
  const main = regionElement('mainColumn')?.getBoundingClientRect();
  return main !== undefined && side.left >= main.right;
}

function dockedStyle(): CSSProperties | null {
  const side = regionElement('sideColumn')?.getBoundingClientRect();
  if (!side || side.width < SIDE_MIN_WIDTH || !besideMain(side)) return null;
  const lessonBottom = regionElement('lesson')?.getBoundingClientRect().bottom ?? 0;
  const top = Math.max(HEADER_BOTTOM, lessonBottom + MARGIN / 2, Math.min(side.top, window.innerHeight - MARGIN - CARD_MIN_HEIGHT));
  return { left: side.left, width: side.width, right: 'auto', top };
}

/**
 * At the right edge the card starts below the playback bar when the bar reaches lower than the
 * header: stuck at the window's top in a narrow window (two or three rows) or presenting, the bar
 * would have its time's end and the scrubber's under the card. Below 641 px the card is a sheet at
 * the window's foot (card.css) and keeps its place.
 */
function rightEdgeStyle(): CSSProperties | null {
  if (window.innerWidth <= SHEET_MAX_WIDTH) return null;
  const controls = regionElement('controls')?.getBoundingClientRect();
  if (!controls || controls.bottom + MARGIN / 2 <= HEADER_BOTTOM) return null;
  return { top: Math.min(controls.bottom + MARGIN / 2, window.innerHeight - MARGIN - CARD_MIN_HEIGHT_UNDER_BAR) };
}

export interface Dock {
  /** Over the side column (card.css's .rs-card-docked), or at the right edge. */
  docked: boolean;
  style: CSSProperties | null;
}

function dockOf(): Dock {
  const docked = dockedStyle();
  return docked ? { docked: true, style: docked } : { docked: false, style: rightEdgeStyle() };
}

/** Where the card stands: docked over the side column, or at the right edge with the top it needs there. */
export function useDock(): Dock {
  const presenting = usePage((s) => s.presenting);
  const [style, setStyle] = useState<Dock>({ docked: false, style: null });
  useLayoutEffect(() => {
    const place = () => {
      const next = dockOf();
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
