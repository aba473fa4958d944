/**
 * Moving a chapter's run to a step's moment. Forward by one step the run plays there (the dots
 * move), in at most a few seconds of wall time whatever the virtual gap, and stops exactly on the
 * moment; back, a link or reduced motion jump there at once. Either way the store moves the run
 * (`playTo` each frame, `seek` to land), so the playhead, the scrubber and every panel follow.
 */
import { usePlayback } from '../../store/playback.ts';

/** Wall time a step forward takes: long enough to see the messages move, short enough not to wait. */
const MIN_GLIDE_MS = 700;
const MAX_GLIDE_MS = 2_500;
/** Virtual milliseconds per wall millisecond before the glide is capped at MAX_GLIDE_MS. */
const GLIDE_SPEED = 40;

function glideDurationMs(gapMs: number): number {
  return Math.min(MAX_GLIDE_MS, Math.max(MIN_GLIDE_MS, gapMs / GLIDE_SPEED));
}

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Lands the run exactly at `to`, paused. */
export function jumpTo(to: number): void {
  const store = usePlayback.getState();
  store.setPlaying(false);
  store.seek(to);
}

/**
 * Plays from the playhead to `to` and stops there; returns the function that cancels it (the run
 * then stays where it got to). A target behind the playhead is jumped to.
 */
export function glideTo(to: number, onArrived: () => void): () => void {
  const from = usePlayback.getState().timeMs;
  if (to <= from || prefersReducedMotion() || typeof requestAnimationFrame !== 'function') {
    jumpTo(to);
    onArrived();
    return () => undefined;
  }
  usePlayback.getState().setPlaying(false);
  const duration = glideDurationMs(to - from);
  let start: number | null = null;
  let frame = requestAnimationFrame(function onFrame(now) {
    start ??= now;
    const progress = Math.min(1, (now - start) / duration);
    if (progress >= 1) {
      jumpTo(to);
      onArrived();
      return;
    }
    usePlayback.getState().playTo(Math.floor(from + (to - from) * progress));
    frame = requestAnimationFrame(onFrame);
  });
  return () => cancelAnimationFrame(frame);
}
