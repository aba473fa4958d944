/**
 * How fast the run really plays, measured by the driver (driver.ts), when that is well below the
 * speed chosen: a large run costs the worker and the page more per virtual second than a small
 * one, and the playhead then moves slower than wall time x speed. The speed control says so
 * rather than show a speed the run does not keep. Not in the playback store: it is a reading of
 * the page's own pace, not something the person controls.
 */
import { create } from 'zustand';

/** Wall time over which the pace is measured: long enough not to flicker, short enough to follow a change of speed. */
export const RATE_WINDOW_MS = 1_000;
/** Said behind below this share of the speed chosen, and no longer from the upper one (so a pace near the line does not blink). */
const BEHIND_BELOW = 0.75;
const CAUGHT_UP_FROM = 0.9;

interface PlayRate {
  /** Virtual ms per wall ms over the last window, when the run played behind the speed chosen; null otherwise. */
  behindAt: number | null;
}

export const usePlayRate = create<PlayRate>()(() => ({ behindAt: null }));

/** Takes the pace measured over a window at `speed`: said when well behind, and until well caught up. */
export function notePace(rate: number, speed: number): void {
  const { behindAt } = usePlayRate.getState();
  const behind = rate < (behindAt === null ? BEHIND_BELOW : CAUGHT_UP_FROM) * speed;
  usePlayRate.setState({ behindAt: behind ? rate : null });
}

/** Playing stopped, or the playhead was moved: no pace to say until the next window. */
export function forgetPace(): void {
  if (usePlayRate.getState().behindAt !== null) usePlayRate.setState({ behindAt: null });
}
