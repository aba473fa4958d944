/**
 * The one way panels read the simulation: the Timeline at the store's current time. Panels
 * re-render when the time or the timeline changes, and derive everything else from the state.
 */
import { startTransition, useEffect, useRef, useState } from 'react';
import { getTimeline, usePlayback, type PlaybackState } from '../store/playback.ts';
import type { TimelineView } from '../sim/timeline.ts';
import { everyConsumer, everyProducer, type Scenario } from '../sim/index.ts';
import { MAX_CLIENTS_EACH } from '../viz/topology-density.ts';
import { markOwing, useOnScreen, whenIdle } from './on-screen.tsx';

export interface SimView {
  timeline: TimelineView;
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
 * Throttled panels take turns while playing: at most one refreshes per frame, so their
 * refreshes spread over consecutive frames instead of piling into one long frame. Written only
 * by the store listeners below, never by a selector.
 */
const turns = { lastRefreshAt: Number.NEGATIVE_INFINITY };
/** Shorter than a frame at 60 Hz (16.7 ms), longer than the work of one. */
const SAME_FRAME_MS = 10;
/** A panel that waited this many of its periods refreshes even in another panel's frame. */
const STARVED_PERIODS = 3;

/**
 * The playhead as a panel shows it: while playing, at most every everyMs (if > 0) and on its turn;
 * off screen (src/ui/on-screen.tsx), once the page is idle, so a move draws what is seen first.
 */
function useThrottledTime(everyMs: number): number {
  const onScreen = useOnScreen();
  const [shown, setShown] = useState(() => usePlayback.getState().timeMs);
  const [owner] = useState(() => ({}));
  const shownRef = useRef(shown);
  // A summary arriving after playing stops comes at the time already shown: the panel reads it
  // then. Only a panel showing that time redraws for it: one that shows another time catches up
  // with the playhead anyway (a seek's frame brings the summary with the new time, and a panel
  // off screen that drew for it would draw the new state at once, in the seek's own frame, and
  // again when it catches up). While playing, the summaries that play frames bring (every 250 ms)
  // are read at the panel's own pace, so that a throttled or off-screen panel is not drawn for
  // each of them.
  const [, setSummaryMs] = useState(() => usePlayback.getState().summaryMs);
  useEffect(() => {
    let last = { timeMs: Number.NaN, at: Number.NEGATIVE_INFINITY };
    let cancelIdle: (() => void) | null = null;
    /** The moment a catch-up is drawing (its transition not committed yet, when it differs from shownRef). */
    let drawing: number | null = null;
    const show = (timeMs: number) => {
      last = { timeMs, at: performance.now() };
      if (timeMs === shownRef.current) markOwing(owner, false);
      else setShown(timeMs);
    };
    // A transition: React draws it in slices, and a move's frame arriving meanwhile is drawn first.
    const catchUp = () => {
      cancelIdle = null;
      const timeMs = usePlayback.getState().timeMs;
      drawing = timeMs;
      startTransition(() => show(timeMs));
    };
    // A seek begun while a catch-up is still being drawn: the moment it draws is about to be
    // replaced, yet React would go on drawing it in slices on the page's thread while the worker
    // simulates (the large scale test's panels off screen, about 130 ms of the page's thread per
    // seek). The shown moment set back in a transition too is entangled with it (one state's
    // updates): React starts over with both, finds the moment unchanged and skips the panel, which
    // catches up once the seek's moment is drawn.
    const abandonCatchUp = (state: PlaybackState, previous: PlaybackState) => {
      if (state.seekTarget === null || previous.seekTarget !== null || state.playing) return;
      if (drawing === null || drawing === shownRef.current) return;
      drawing = null;
      startTransition(() => setShown(shownRef.current));
    };
    const follow = (state: PlaybackState) => {
      if (state.timeMs === last.timeMs) return;
      const now = performance.now();
      if (!onScreen) {
        markOwing(owner, true);
        // While playing, not at all: the page is idle between most frames at 1x, and catching up
        // then drew the queue grid, the event log and the failover view a dozen times a second
        // that nobody saw (the large scale test's grid, 640 cells, about 100 ms a time). It
        // catches up once playing stops, or at once when it comes on screen.
        if (!state.playing) cancelIdle ??= whenIdle(catchUp);
        return;
      }
      if (state.playing && everyMs > 0) {
        if (now - last.at < everyMs) return;
        // Wait for a frame of its own, unless it has waited two periods more: with more panels due
        // than frames (the worker's frames may come every other frame), none starves.
        if (now - turns.lastRefreshAt < SAME_FRAME_MS && now - last.at < STARVED_PERIODS * everyMs) return;
        turns.lastRefreshAt = now;
      }
      show(state.timeMs);
    };
    follow({ ...usePlayback.getState(), playing: false });
    const unsubscribe = usePlayback.subscribe(follow);
    const unsubscribeSeek = usePlayback.subscribe(abandonCatchUp);
    const unsubscribeSummary = usePlayback.subscribe((state, previous) => {
      if (!state.playing && state.summaryMs !== previous.summaryMs && state.summaryMs === shownRef.current) setSummaryMs(state.summaryMs);
    });
    return () => {
      unsubscribe();
      unsubscribeSeek();
      unsubscribeSummary();
      cancelIdle?.();
    };
  }, [everyMs, onScreen, owner]);
  // A panel owes the playhead until its render of it has committed.
  useEffect(() => {
    shownRef.current = shown;
    if (shown === usePlayback.getState().timeMs) markOwing(owner, false);
  }, [shown, owner]);
  useEffect(() => () => markOwing(owner, false), [owner]);
  return shown;
}

/**
 * A throttled panel of a run at size follows the playhead at most this often while playing (four
 * times a second, as the event log does): the large scale test's topology model, heat rows and
 * NameServer tables (100 clients, 640 queues, 30 registrations) cost several milliseconds a
 * refresh, and ten refreshes a second of each took the frames the dots need. Numbers still catch
 * up within a quarter of a second.
 */
export const AT_SIZE_EVERY_MS = 250;

const sized = new WeakMap<Scenario, boolean>();

/** A run at size: more producers or consumers than the topology draws one by one (topology-density.ts). */
function runAtSize(scenario: Scenario | null): boolean {
  if (scenario === null) return false;
  let atSize = sized.get(scenario);
  if (atSize === undefined) {
    atSize = everyProducer(scenario).length > MAX_CLIENTS_EACH || everyConsumer(scenario).length > MAX_CLIENTS_EACH;
    sized.set(scenario, atSize);
  }
  return atSize;
}

export function useSimView(options: SimViewOptions = {}): SimView | null {
  const everyMs = options.whilePlayingEveryMs ?? 0;
  const atSize = usePlayback((s) => runAtSize(s.scenario));
  const timeMs = useThrottledTime(atSize && everyMs > 0 ? Math.max(everyMs, AT_SIZE_EVERY_MS) : everyMs);
  usePlayback((s) => s.timelineVersion);
  const timeline = getTimeline();
  return timeline ? { timeline, timeMs } : null;
}

/** Numbers and tables: ten times a second while playing is as fast as anyone reads them. */
export const TEXT_PANEL_REFRESH: SimViewOptions = { whilePlayingEveryMs: 100 };
/** The log scrolls many rows a second while playing; four refreshes a second keep it legible. */
export const LOG_REFRESH: SimViewOptions = { whilePlayingEveryMs: 250 };
