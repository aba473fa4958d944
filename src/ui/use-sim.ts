/**
 * The one way panels read the simulation: the Timeline at the store's current time. Panels
 * re-render when the time or the timeline changes, and derive everything else from the state.
 */
import { useRef } from 'react';
import { getTimeline, usePlayback, type PlaybackState } from '../store/playback.ts';
import type { Timeline } from '../sim/timeline.ts';

export interface SimView {
  timeline: Timeline;
  timeMs: number;
}

export interface SimViewOptions {
  /**
   * While playing, follow the playhead at most this often (wall ms). Text that changes sixty
   * times a second cannot be read, and rebuilding it every frame costs the animation its frames;
   * paused, every move shows at once.
   */
  whilePlayingEveryMs?: number;
}

/**
 * Wall time of the last refresh of any throttled panel while playing. One panel refreshes per
 * frame: their refreshes spread over consecutive frames instead of piling into one long frame.
 */
let lastThrottledRefreshAt = Number.NEGATIVE_INFINITY;
/** Shorter than a frame at 60 Hz (16.7 ms), longer than the work of one. */
const SAME_FRAME_MS = 10;

/** A selector of the playhead that, while playing, keeps its last answer for everyMs. */
function useThrottledTime(everyMs: number): (state: PlaybackState) => number {
  const shown = useRef({ timeMs: -1, at: Number.NEGATIVE_INFINITY });
  return (state) => {
    const last = shown.current;
    if (state.timeMs === last.timeMs) return last.timeMs;
    const now = performance.now();
    if (state.playing && everyMs > 0) {
      if (now - last.at < everyMs || now - lastThrottledRefreshAt < SAME_FRAME_MS) return last.timeMs;
      lastThrottledRefreshAt = now;
    }
    shown.current = { timeMs: state.timeMs, at: now };
    return state.timeMs;
  };
}

export function useSimView(options: SimViewOptions = {}): SimView | null {
  const timeMs = usePlayback(useThrottledTime(options.whilePlayingEveryMs ?? 0));
  usePlayback((s) => s.timelineVersion);
  const timeline = getTimeline();
  return timeline ? { timeline, timeMs } : null;
}

/** Numbers and tables: ten times a second while playing is as fast as anyone reads them. */
export const TEXT_PANEL_REFRESH: SimViewOptions = { whilePlayingEveryMs: 100 };
/** The log scrolls many rows a second while playing; four refreshes a second keep it legible. */
export const LOG_REFRESH: SimViewOptions = { whilePlayingEveryMs: 250 };
