/**
 * The animation driver: a requestAnimationFrame loop that maps wall time x speed to a target
 * virtual time and asks the store to move there (RaftScope's loop, xstate's SimulatedClock). A
 * gap of more than 500 ms between frames (a background tab, a debugger) is ignored rather than
 * replayed at once. It also gives a seek under way on the page (store.seekTarget) one frame's
 * budget per frame; a run in the worker seeks by itself and reports with its frames, so there the
 * loop runs only while playing (each animation frame asked for costs the page a frame's work
 * while it waits for the worker). The store moves the run; the driver only says when.
 */
import { getRemoteRun, usePlayback, type PlaybackState } from '../../store/playback.ts';

/** Longer gaps between frames are treated as a pause (the tab was hidden). */
const MAX_FRAME_GAP_MS = 500;

interface DriverState {
  /** The playhead with its fraction of a millisecond while playing (slow speeds need it). */
  cursor: number | null;
  lastFrameAt: number | null;
  frame: number | null;
}

const driver: DriverState = { cursor: null, lastFrameAt: null, frame: null };

function onFrame(now: number): void {
  driver.frame = null;
  const gap = driver.lastFrameAt === null ? 0 : now - driver.lastFrameAt;
  driver.lastFrameAt = now;
  const elapsed = gap > MAX_FRAME_GAP_MS ? 0 : gap;
  try {
    if (usePlayback.getState().seekTarget !== null) usePlayback.getState().continueSeek();
    else play(elapsed);
  } catch (error) {
    // A simulator bug must not leave a loop throwing sixty times a second: stop and say so.
    stopOnError(error);
    return;
  }
  if (wanted(usePlayback.getState())) driver.frame = requestAnimationFrame(onFrame);
  else driver.lastFrameAt = null;
}

/** Whether the loop has work: a run playing, or a seek under way on the page's own thread. */
function wanted({ playing, seekTarget }: PlaybackState): boolean {
  return playing || (seekTarget !== null && getRemoteRun() === null);
}

function play(elapsedWallMs: number): void {
  const state = usePlayback.getState();
  const durationMs = state.scenario?.durationMs;
  if (!state.playing || durationMs === undefined) {
    driver.cursor = null;
    return;
  }
  // Someone else moved the playhead (a click on the scrubber): continue from there.
  if (driver.cursor === null || Math.abs(driver.cursor - state.timeMs) >= 1) driver.cursor = state.timeMs;
  driver.cursor = Math.min(durationMs, driver.cursor + elapsedWallMs * state.speed);
  // 1.6 ms ten times is 15.999999...: a rounding error must not cost a millisecond.
  const target = Math.floor(driver.cursor + 1e-6);
  if (target > state.timeMs) {
    const reached = state.playTo(target);
    // Could not keep up this frame: the playhead runs slower than asked, the page stays live.
    if (reached < target) driver.cursor = reached;
  }
  if (driver.cursor >= durationMs) state.setPlaying(false);
}

function stopOnError(error: unknown): void {
  driver.cursor = null;
  driver.lastFrameAt = null;
  usePlayback.getState().fail(error instanceof Error ? error.message : String(error));
  console.error(error);
}

function ensureRunning(): void {
  if (driver.frame !== null || typeof requestAnimationFrame !== 'function') return;
  driver.lastFrameAt = null;
  driver.frame = requestAnimationFrame(onFrame);
}

/** Runs the loop whenever playback starts or a seek across frames begins; returns the function that stops listening. */
export function startDriver(): () => void {
  const unsubscribe = usePlayback.subscribe((state, previous) => {
    if (wanted(state) && !wanted(previous)) ensureRunning();
    if (state.timelineVersion !== previous.timelineVersion) driver.cursor = null;
  });
  // Also resume a long seek that was under way (React's StrictMode stops and starts this once).
  if (wanted(usePlayback.getState())) ensureRunning();
  return () => {
    unsubscribe();
    if (driver.frame !== null) cancelAnimationFrame(driver.frame);
    driver.frame = null;
    driver.lastFrameAt = null;
  };
}
