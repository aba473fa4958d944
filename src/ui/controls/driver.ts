/**
 * The animation driver: a requestAnimationFrame loop that maps wall time x speed to a target
 * virtual time and seeks the store there (RaftScope's loop, xstate's SimulatedClock). A gap of
 * more than 500 ms between frames (a background tab, a debugger) is ignored rather than
 * replayed at once.
 *
 * The Timeline replays from checkpoints, so seeking inside what was already simulated is cheap,
 * but simulating new time costs about a millisecond per virtual second on the default scenario
 * (far more on big ones). Every seek past the simulated horizon is therefore cut into chunks of
 * about FRAME_BUDGET_MS of work, one per frame, so the page stays responsive: the playhead
 * visibly runs to its target instead of the tab freezing.
 */
import type { Timeline } from '../../sim/timeline.ts';
import { getTimeline, usePlayback } from '../../store/playback.ts';
import { translate } from '../i18n/index.ts';

/** Wall-clock work allowed per frame for simulating new virtual time. */
export const FRAME_BUDGET_MS = 12;
/** Longer gaps between frames are treated as a pause (the tab was hidden). */
export const MAX_FRAME_GAP_MS = 500;
/** While a long seek is under way, how often the page shows where it has got to. */
export const PUBLISH_EVERY_MS = 250;

interface DriverState {
  /** Where a seek is going, while it is being carried out across frames. */
  pendingTarget: number | null;
  /** The playhead with its fraction of a millisecond while playing (slow speeds need it). */
  cursor: number | null;
  lastFrameAt: number | null;
  frame: number | null;
  /** Measured cost of simulating new time, in wall ms per virtual ms. */
  costPerVirtualMs: number;
  /** Percent of a long seek done, for the progress display; null when none. */
  progress: number | null;
  /** Wall time the store was last given the playhead during a long seek. */
  publishedAt: number;
}

const driver: DriverState = {
  pendingTarget: null, cursor: null, lastFrameAt: null, frame: null, costPerVirtualMs: 0.002, progress: null, publishedAt: 0,
};
const listeners = new Set<() => void>();

/** Where the playhead is going: the target of a seek under way, else where it is. Relative moves start here. */
export function playheadTarget(): number {
  return driver.pendingTarget ?? usePlayback.getState().timeMs;
}

/** Where a seek is going (null when none is under way). */
export function pendingSeekTarget(): number | null {
  return driver.pendingTarget;
}

/** How far a seek under way has come, 0-99 (null when none): what the progress display shows. */
export function pendingSeekProgress(): number | null {
  return driver.progress;
}

export function subscribePendingSeek(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const listener of listeners) listener();
}

function setPending(target: number | null): void {
  if (driver.pendingTarget === target) return;
  driver.pendingTarget = target;
  driver.progress = target === null ? null : 0;
  notify();
}

/**
 * Moves the playhead to `target`: at once when that is cheap (within the run simulated so far,
 * or a frame's worth of new time), otherwise chunk by chunk over the next frames.
 */
export function seekTo(target: number): void {
  const timeline = getTimeline();
  if (!timeline) return;
  setPending(Math.max(0, Math.min(Math.round(target), timeline.durationMs)));
  driver.cursor = null;
  driver.publishedAt = performance.now();
  advancePendingSeek();
  if (driver.pendingTarget !== null) ensureRunning();
}

/**
 * Cancels a seek under way (the person chose another moment, or loaded another run). What the
 * page shows catches up with how far the seek got, so the panels and the store agree.
 */
export function cancelSeek(): void {
  const timeline = getTimeline();
  if (driver.pendingTarget !== null && timeline && timeline.now !== usePlayback.getState().timeMs) {
    usePlayback.getState().seek(timeline.now);
  }
  setPending(null);
  driver.cursor = null;
}

/**
 * One budgeted step of the pending seek. The chunks in between are not shown: redrawing every
 * panel for each chunk would cost far more than simulating it, so the page shows the playhead
 * every PUBLISH_EVERY_MS on the way, and the target when it gets there.
 */
function advancePendingSeek(): void {
  const target = driver.pendingTarget;
  const timeline = getTimeline();
  if (target === null || !timeline) return;
  const reached = boundedSeek(timeline, target);
  const now = performance.now();
  if (reached === target || now - driver.publishedAt >= PUBLISH_EVERY_MS) {
    usePlayback.getState().seek(reached);
    driver.publishedAt = now;
  }
  if (reached === target) return setPending(null);
  const progress = Math.min(99, Math.floor((reached / Math.max(1, target)) * 100));
  if (progress !== driver.progress) {
    driver.progress = progress;
    notify();
  }
}

/** Moves the Timeline toward `target` within the frame budget and returns the time reached. */
function boundedSeek(timeline: Timeline, target: number): number {
  const simulated = Math.max(timeline.horizon, 0);
  const from = Math.max(simulated, Math.min(timeline.now, target));
  const affordable = Math.max(1, Math.floor(FRAME_BUDGET_MS / driver.costPerVirtualMs));
  const step = target <= simulated ? target : Math.min(target, from + affordable);
  const started = performance.now();
  timeline.seek(step);
  const newTime = step - from;
  if (newTime > 200) {
    const cost = (performance.now() - started) / newTime;
    // A moving average: one slow frame (a GC pause) should not halve the next chunks.
    driver.costPerVirtualMs = Math.min(1, Math.max(1e-5, driver.costPerVirtualMs * 0.6 + cost * 0.4));
  }
  return timeline.now;
}

function onFrame(now: number): void {
  driver.frame = null;
  const gap = driver.lastFrameAt === null ? 0 : now - driver.lastFrameAt;
  driver.lastFrameAt = now;
  const elapsed = gap > MAX_FRAME_GAP_MS ? 0 : gap;
  try {
    if (driver.pendingTarget !== null) advancePendingSeek();
    else play(elapsed);
  } catch (error) {
    // A simulator bug must not leave a loop throwing sixty times a second: stop and say so.
    stopOnError(error);
    return;
  }
  const { playing } = usePlayback.getState();
  if (driver.pendingTarget !== null || playing) driver.frame = requestAnimationFrame(onFrame);
  else driver.lastFrameAt = null;
}

function play(elapsedWallMs: number): void {
  const state = usePlayback.getState();
  const timeline = getTimeline();
  if (!state.playing || !timeline) {
    driver.cursor = null;
    return;
  }
  // Someone else moved the playhead (a click on the scrubber): continue from there.
  if (driver.cursor === null || Math.abs(driver.cursor - state.timeMs) >= 1) driver.cursor = state.timeMs;
  driver.cursor = Math.min(timeline.durationMs, driver.cursor + elapsedWallMs * state.speed);
  // 1.6 ms ten times is 15.999999...: a rounding error must not cost a millisecond.
  const target = Math.floor(driver.cursor + 1e-6);
  if (target > state.timeMs) {
    const reached = boundedSeek(timeline, target);
    state.seek(reached);
    // Could not keep up this frame: the playhead runs slower than asked, the page stays live.
    if (reached < target) driver.cursor = reached;
  }
  if (driver.cursor >= timeline.durationMs) state.setPlaying(false);
}

function stopOnError(error: unknown): void {
  setPending(null);
  driver.cursor = null;
  driver.lastFrameAt = null;
  const state = usePlayback.getState();
  state.setPlaying(false);
  state.setBanner(translate(state.language, 'pageFailed', { message: error instanceof Error ? error.message : String(error) }));
  console.error(error);
}

function ensureRunning(): void {
  if (driver.frame !== null || typeof requestAnimationFrame !== 'function') return;
  driver.lastFrameAt = null;
  driver.frame = requestAnimationFrame(onFrame);
}

/** Starts the loop whenever playback starts; returns the function that stops listening. */
export function startDriver(): () => void {
  const unsubscribe = usePlayback.subscribe((state, previous) => {
    if (state.playing && !previous.playing) ensureRunning();
    if (state.timelineVersion !== previous.timelineVersion) driver.cursor = null;
  });
  // Also resume a long seek that was under way (React's StrictMode stops and starts this once).
  if (usePlayback.getState().playing || driver.pendingTarget !== null) ensureRunning();
  return () => {
    unsubscribe();
    if (driver.frame !== null) cancelAnimationFrame(driver.frame);
    driver.frame = null;
    driver.lastFrameAt = null;
  };
}
