/** Rebuilding the run from an edited file: a fork at the current time, or a new run from the JSON. */
import type { ValidationError } from '../../scenario/validate.ts';
import { usePlayback } from '../../store/playback.ts';
import { openSource } from '../controls/session.ts';
import { regionElement } from '../regions.ts';

/**
 * Plays the edited file and returns to `atMs`. A fork (a knob or a fault after 0:00) keeps the
 * selection and adds a marker on the scrubber; the past is unchanged, so only the future differs.
 */
export function applyEdit(source: unknown, atMs: number, kind: 'fork' | 'rebuild'): ValidationError[] {
  const { forks, playing, scenario } = usePlayback.getState();
  const at = Math.min(atMs, scenario?.durationMs ?? atMs);
  const nextForks = kind === 'rebuild' ? [] : at > 0 ? [...forks, at] : forks;
  const result = openSource(source, { atMs: at, forks: nextForks, keepSelection: true });
  if (!result.ok) return result.errors;
  if (playing) usePlayback.getState().setPlaying(true);
  return [];
}

/** Room left between the playback bar and the summary brought under it. */
const UNDER_BAR_GAP = 8;
/** How long the page keeps the counters in sight while the edited run is drawn. */
const SETTLE_MS = 2_000;
/** What a person does to move the page themselves: the page stops keeping the counters in sight. */
const OWN_MOVES = ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const;

/**
 * Brings the summary's counters back under the playback bar if the page was scrolled past them:
 * the editor's Apply button sits low beside the panels (below a 1280x800 window's edge until the
 * page scrolls), and scrolled down to reach it, the page hid the counters an edit changes
 * (readQueueNums 4 -> 8 at 1:00 and "unconsumable" stops growing). The page only scrolls up, so a
 * page that shows the counters stays put. The edited run is drawn over a few frames (the panels
 * empty, then full again, and the browser's scroll anchoring moves the page as they grow), so the
 * counters are put back at each change of the page's height for a moment, until the person moves
 * the page themselves.
 */
function showCounters(): void {
  const panels = regionElement('panels');
  const bar = regionElement('controls');
  if (!panels || !bar || typeof ResizeObserver === 'undefined') return;
  const place = () => {
    const hidden = panels.getBoundingClientRect().top - bar.getBoundingClientRect().bottom - UNDER_BAR_GAP;
    if (hidden < 0) window.scrollBy({ top: hidden });
  };
  const observer = new ResizeObserver(place);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const move of OWN_MOVES) window.removeEventListener(move, stop);
  };
  const timer = setTimeout(stop, SETTLE_MS);
  for (const move of OWN_MOVES) window.addEventListener(move, stop, { passive: true });
  observer.observe(document.documentElement);
  observer.observe(panels);
}

/** An edit made in the editor: applied as applyEdit does, then the counters it changes in sight (showCounters). */
export function applyEditorEdit(source: unknown, atMs: number, kind: 'fork' | 'rebuild'): ValidationError[] {
  const errors = applyEdit(source, atMs, kind);
  if (errors.length === 0) showCounters();
  return errors;
}
