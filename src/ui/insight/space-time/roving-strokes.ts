/**
 * Keyboard access to the space-time diagram's strokes (WAI-ARIA's roving tabindex): the strokes
 * in time order are one stop in the Tab order, the arrow keys move between them (Home and End to
 * the first and the last), and Enter or Space moves the playhead to the focused one. The stop is
 * remembered by the trace index of the stroke's first event and its time: when the window slides
 * and bundles regroup, the latest stroke at or before that time takes it (the newest stroke when
 * nothing was chosen), and keeps the focus the regrouping took away.
 */
import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { SpaceTimeLayout } from '../../../viz/space-time-layout.ts';
import { moveIndex, type IndexMoves } from '../../keys.ts';

interface Stroke {
  /** `a`rrow, `m`ark or fault `r`ule, then the trace index of its first event. */
  key: string;
  t: number;
  index: number;
}

function strokesInTimeOrder(layout: SpaceTimeLayout): Stroke[] {
  const strokes: Stroke[] = [
    ...layout.rules.map((rule) => ({ key: `r${rule.index}`, t: rule.t, index: rule.index })),
    ...layout.arrows.map((arrow) => ({ key: `a${arrow.index}`, t: arrow.t, index: arrow.index })),
    ...layout.marks.map((mark) => ({ key: `m${mark.index}`, t: mark.t, index: mark.index })),
  ];
  return strokes.sort((a, b) => a.t - b.t || a.index - b.index || (a.key < b.key ? -1 : 1));
}

/** One list in time order, however the diagram is read: all four arrows step through it, stopping at its ends. */
const STROKE_MOVES: IndexMoves = { axis: 'both' };

interface RovingStrokes {
  /** The key of the stroke in the Tab order. */
  stop: string | undefined;
  onKeyDown: (event: KeyboardEvent<SVGSVGElement>) => void;
  onBlur: (event: FocusEvent<SVGSVGElement>) => void;
  /** A stroke that gets focus (by a click or Tab) becomes the stop. */
  onFocusStroke: (key: string) => void;
}

function stopIndex(strokes: Stroke[], chosen: Stroke | null): number {
  if (chosen === null) return strokes.length - 1;
  const same = strokes.findIndex((stroke) => stroke.key === chosen.key);
  if (same >= 0) return same;
  const before = strokes.findLastIndex((stroke) => stroke.t <= chosen.t);
  return before >= 0 ? before : 0;
}

export function useRovingStrokes(layout: SpaceTimeLayout, onPick: (t: number) => void): RovingStrokes {
  const strokes = strokesInTimeOrder(layout);
  const [chosen, setChosen] = useState<Stroke | null>(null);
  const current = stopIndex(strokes, chosen);
  const stop = strokes[current]?.key;
  /**
   * The diagram whose focused stroke Enter used: the strokes are drawn again once the query answers
   * for the new time, and a regrouped bundle would take the focus with it, so it goes back to the
   * stop until the person moves it elsewhere.
   */
  const refocus = useRef<SVGSVGElement | null>(null);
  useEffect(() => {
    const svg = refocus.current;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (svg !== null && stop !== undefined && lost) svg.querySelector<SVGElement>(`[data-stroke="${stop}"]`)?.focus();
  });
  /** The person moved the focus away (a stroke still drawn lost it): the diagram lets it go. */
  const onBlur = (event: FocusEvent<SVGSVGElement>) => {
    const within = event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget);
    if (!within && event.target.isConnected) refocus.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const stroke = strokes[current];
    if (stroke === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    refocus.current = null;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      setChosen(stroke);
      refocus.current = event.currentTarget;
      onPick(stroke.t);
      return;
    }
    const at = moveIndex(event.key, current, strokes.length, STROKE_MOVES);
    if (at === null) return;
    // Handled here, so the page's own arrow shortcuts (step one event) do not also fire.
    event.preventDefault();
    const next = strokes[at]!;
    setChosen(next);
    event.currentTarget.querySelector<SVGElement>(`[data-stroke="${next.key}"]`)?.focus();
  };
  const onFocusStroke = (key: string) => {
    const focused = strokes.find((stroke) => stroke.key === key);
    if (focused) setChosen(focused);
  };
  return { stop, onKeyDown, onBlur, onFocusStroke };
}
