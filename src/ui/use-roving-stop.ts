/**
 * One Tab stop for a row of buttons (WAI-ARIA's toolbar pattern, roving tabindex): ← → move focus
 * between them, stopping at the ends, Home and End go to the first and the last, and the one last
 * reached (by a key, by Tab or by a click) is the one Tab comes back to. The caller draws the
 * container with role="toolbar", which the page's arrow shortcuts give way to (ownsArrowKeys,
 * controls/use-keyboard.ts), hands it onKeyDown, gives the item at `at` tabIndex 0 and the others
 * -1, and calls `reach(index)` when an item takes focus. A broker's queue cells on the canvas and
 * its queues in the queue panel are such rows.
 */
import { useState, type KeyboardEvent } from 'react';
import { moveIndex, type IndexMoves } from './keys.ts';

/** ← → only: the items may wrap into rows read left to right, and ↑ ↓ stay the browser's. */
const ROW_MOVES: IndexMoves = { axis: 'horizontal' };

interface RovingStop {
  /** The item in the Tab order. */
  at: number;
  reach: (index: number) => void;
  onKeyDown: (event: KeyboardEvent<Element>) => void;
}

/** `items` selects the container's items in order (a class). */
export function useRovingStop(count: number, items: string): RovingStop {
  const [reached, reach] = useState(0);
  // A row that lost items keeps its stop on its last one.
  const at = Math.max(0, Math.min(reached, count - 1));
  const onKeyDown = (event: KeyboardEvent<Element>) => {
    const next = moveIndex(event.key, at, count, ROW_MOVES);
    // A key with a modifier is not the row's: Alt+← → stay the page's jumps (use-keyboard.ts).
    if (next === null || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    reach(next);
    event.currentTarget.querySelectorAll<HTMLElement | SVGElement>(items)[next]?.focus();
  };
  return { at, reach, onKeyDown };
}
