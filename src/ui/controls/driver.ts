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
import { forgetPace, notePace, RATE_WINDOW_MS } from './play-rate.ts';

/** Longer gaps between frames are treated as a pause (the tab was hidden). */
const MAX_FRAME_GAP_MS = 500;
/**
 * How far (in wall ms at the speed chosen) the moment asked for may run ahead of the moment shown.
 * The worker's frames trail the driver's asks by a message or two, so the clock counts on from
 * what it asked, not from the playhead: counted from the playhead, every frame late by one
 * animation frame cost the clock that frame, and a large run played at 1x of a chosen 10x. A run
 * that cannot keep the speed stays this close behind it, and the speed control says how fast it plays.
 */
const MAX_LEAD_MS = 150;
/**
 * A gap between frames this long is a hidden tab (the browser stops its animation frames), not a
 * page too busy to draw: the pace is measured across the shorter ones, which the clock skips too
 * when over MAX_FRAME_GAP_MS, so that the pace said is the one the person sees.
 */
const PACE_GAP_MS = 5_000;

interface DriverState {
  /** The moment asked for, with its fraction of a millisecond while playing (slow speeds need it). */
  cursor: number | null;
  /** The playhead at the last frame: one that went back was moved by someone else (playing only goes forward). */
  shown: number;
  lastFrameAt: number | null;
  frame: number | null;
  /** Where the window measuring the pace started (wall ms, playhead), or null when none is under way. */
  pace: { wallMs: number; timeMs: number } | null;
}

const driver: DriverState = { cursor: null, shown: 0, lastFrameAt: null, frame: null, pace: null };

function onFrame(now: number): void {
  driver.frame = null;
  const gap = driver.lastFrameAt === null ? 0 : now - driver.lastFrameAt;
  driver.lastFrameAt = now;
  const elapsed = gap > MAX_FRAME_GAP_MS ? 0 : gap;
  try {
    if (usePlayback.getState().seekTarget !== null) usePlayback.getState().continueSeek();
    else play(elapsed);
    measurePace(now, gap <= PACE_GAP_MS);
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
  const shown = state.timeMs;
  // Someone else moved the playhead (a click on the scrubber, ahead of the moment asked or back): continue from there.
  if (driver.cursor === null || shown > driver.cursor || shown < driver.shown) {
    driver.cursor = shown;
    driver.pace = null;
  }
  driver.shown = shown;
  const lead = Math.min(driver.cursor, shown + MAX_LEAD_MS * state.speed);
  driver.cursor = Math.min(durationMs, lead + elapsedWallMs * state.speed);
  // 1.6 ms ten times is 15.999999...: a rounding error must not cost a millisecond.
  const target = Math.floor(driver.cursor + 1e-6);
  if (target > state.timeMs) {
    const reached = state.playTo(target);
    // Could not keep up this frame: the playhead runs slower than asked, the page stays live.
    if (reached < target) driver.cursor = reached;
  }
  if (driver.cursor >= durationMs) state.setPlaying(false);
}

/**
 * The playhead's pace over each RATE_WINDOW_MS of wall time while playing, said to the speed
 * control (play-rate.ts). A window with a hidden tab's gap, a seek or a pause in it is dropped.
 */
function measurePace(now: number, steady: boolean): void {
  const { playing, seekTarget, timeMs, speed } = usePlayback.getState();
  if (!playing || seekTarget !== null || !steady) {
    driver.pace = null;
    if (!playing) forgetPace();
    return;
  }
  if (driver.pace === null) {
    driver.pace = { wallMs: now, timeMs };
    return;
  }
  const wallMs = now - driver.pace.wallMs;
  if (wallMs < RATE_WINDOW_MS) return;
  notePace((timeMs - driver.pace.timeMs) / wallMs, speed);
  driver.pace = { wallMs: now, timeMs };
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
  driver.cursor = null;
  driver.pace = null;
  driver.frame = requestAnimationFrame(onFrame);
}

/** Runs the loop whenever playback starts or a seek across frames begins; returns the function that stops listening. */
export function startDriver(): () => void {
  const unsubscribe = usePlayback.subscribe((state, previous) => {
    if (wanted(state) && !wanted(previous)) ensureRunning();
    if (state.timelineVersion !== previous.timelineVersion) driver.cursor = null;
    // The pace said is of the speed chosen and of playing: another speed or a pause starts afresh.
    if (state.speed !== previous.speed || !state.playing) {
      driver.pace = null;
      forgetPace();
    }
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
