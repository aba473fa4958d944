/**
 * The keys that move through a list of items one at a time (WAI-ARIA's tabs pattern and its
 * roving tabindex): the arrows of the list's axis step, Home and End go to the first and the last.
 * The tablists, the event log's rows, the space-time strokes, a chart's readout and a heat row's
 * queues all move this way; each says which arrows it takes and whether it wraps.
 */

export interface IndexMoves {
  /** The arrows that move: ← → along a row, ↑ ↓ down a column, or all four. */
  axis: 'horizontal' | 'vertical' | 'both';
  /** Past the last to the first and back (a tablist), instead of stopping at the ends. */
  wrap?: boolean;
  /** Whether Home and End move (to the first and the last); true unless said otherwise. */
  ends?: boolean;
}

/** Each arrow's axis, and which way it moves. */
const ARROWS: Partial<Record<string, readonly ['horizontal' | 'vertical', 1 | -1]>> = {
  ArrowRight: ['horizontal', 1],
  ArrowLeft: ['horizontal', -1],
  ArrowDown: ['vertical', 1],
  ArrowUp: ['vertical', -1],
};

/**
 * The index `key` moves to from `at` among `count` items, or null when the key is not one of
 * the list's moves (or the list is empty): the caller then leaves the key to the page.
 */
export function moveIndex(key: string, at: number, count: number, moves: IndexMoves): number | null {
  if (count <= 0) return null;
  const arrow = ARROWS[key];
  if (arrow) {
    if (moves.axis !== 'both' && moves.axis !== arrow[0]) return null;
    return moves.wrap === true ? (at + arrow[1] + count) % count : Math.min(count - 1, Math.max(0, at + arrow[1]));
  }
  if (moves.ends === false) return null;
  if (key === 'Home') return 0;
  return key === 'End' ? count - 1 : null;
}
