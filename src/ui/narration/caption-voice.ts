/**
 * Whether the narration caption (NarrationCaption.tsx) speaks a move of the playhead, so that the
 * playhead's output (TimeDisplay.tsx) keeps quiet then and speaks otherwise: one voice per move.
 * The caption says a step's or a jump's event with its time; both spoke at each step, the time
 * twice. But it speaks only where it is polite (paused, outside a chapter) and only when its text
 * changes, which a move that reaches no other event (Alt+→ 1 s between two events) leaves as it was:
 * then the output says the new time, or nothing would.
 */
import { useLayoutEffect, useState } from 'react';
import { usePage } from '../../store/page.ts';
import { getTimeline } from '../../store/playback.ts';

/** Counts the caption while it speaks (`polite`): before the browser paints it, so the output is never polite beside it. */
export function useCaptionShown(polite: boolean): void {
  useLayoutEffect(() => {
    if (!polite) return undefined;
    const { countPoliteCaption } = usePage.getState();
    countPoliteCaption(1);
    return () => countPoliteCaption(-1);
  }, [polite]);
}

/**
 * Whether a polite caption speaks the playhead's latest move to `timeMs`: the move changed the
 * trace the caption tells the latest event of (its length), and there is an event to tell.
 */
export function useCaptionSpeaksMove(timeMs: number): boolean {
  const polite = usePage((s) => s.politeCaptions > 0);
  const length = getTimeline()?.traceLength ?? 0;
  // The last move, kept from render to render (React's "storing information from previous renders"):
  // a render without a move (the page at rest, a language) keeps what the move decided.
  const [move, setMove] = useState({ timeMs, length, reached: true });
  if (move.timeMs !== timeMs) setMove({ timeMs, length, reached: length !== move.length });
  const reached = move.timeMs === timeMs ? move.reached : length !== move.length;
  return polite && reached && length > 0;
}
