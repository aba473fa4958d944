/**
 * The one way panels read the simulation: the Timeline at the store's current time. Panels
 * re-render when the time or the timeline changes, and derive everything else from the state.
 */
import { getTimeline, usePlayback } from '../store/playback.ts';
import type { Timeline } from '../sim/timeline.ts';

export interface SimView {
  timeline: Timeline;
  timeMs: number;
}

export function useSimView(): SimView | null {
  const timeMs = usePlayback((s) => s.timeMs);
  usePlayback((s) => s.timelineVersion);
  const timeline = getTimeline();
  return timeline ? { timeline, timeMs } : null;
}
