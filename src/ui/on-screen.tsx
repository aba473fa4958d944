/**
 * Whether a panel is on screen. A panel below the fold does not redraw on every move: it follows
 * the playhead when the page is idle (useSimView in src/ui/use-sim.ts), so a seek or a step draws
 * first what a person sees. Until every such panel has caught up, the page is not at rest
 * (src/ui/use-at-rest.ts), so what a browser test or an assistive reader finds there is never older
 * than the playhead shown.
 */
import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { usePlayback } from '../store/playback.ts';
import { onIdle } from './on-idle.ts';

/** Watched panels that are (or may be) in view: a panel is never held back before it was seen off screen. */
const OnScreenContext = createContext(true);
/** Where a panel's frame (src/ui/panels/shared.tsx PanelFrame) hands its element to be watched. */
const WatchContext = createContext<((element: HTMLElement | null) => void) | null>(null);

/** Ahead of the viewport by this much a panel counts as on screen: it is drawn before it scrolls in. */
const AHEAD = '200px';

/** The panel inside is drawn on every move only while it is (nearly) on screen. */
export function OnScreenSlot({ children }: { children: ReactNode }) {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [onScreen, setOnScreen] = useState(true);
  useEffect(() => {
    if (!element || typeof IntersectionObserver !== 'function') return undefined;
    const observer = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (last) setOnScreen(last.isIntersecting);
    }, { rootMargin: `${AHEAD} 0px ${AHEAD} 0px` });
    observer.observe(element);
    return () => {
      observer.disconnect();
      setOnScreen(true);
    };
  }, [element]);
  return (
    <WatchContext.Provider value={setElement}>
      <OnScreenContext.Provider value={onScreen}>{children}</OnScreenContext.Provider>
    </WatchContext.Provider>
  );
}

/** Whether the panel this is rendered in is on screen (true outside an OnScreenSlot). */
export function useOnScreen(): boolean {
  return useContext(OnScreenContext);
}

/** The ref a panel's frame puts on its element, so that its slot can watch it. */
export function useWatchRef(): ((element: HTMLElement | null) => void) | undefined {
  return useContext(WatchContext) ?? undefined;
}

/*
 * The panels held back that still owe the page the playhead: each hook instance is one entry, from
 * when it put off a move until its render of the latest one has committed.
 */
const owing = new Set<object>();
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

export function markOwing(owner: object, owes: boolean): void {
  if (owes === owing.has(owner)) return;
  if (owes) owing.add(owner);
  else owing.delete(owner);
  changed();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** True once no panel off screen still shows an older moment than the playhead. */
export function useOffScreenCaughtUp(): boolean {
  return useSyncExternalStore(subscribe, () => owing.size === 0);
}


/** An off-screen panel catches up with the playhead within this long even on a busy page. */
const IDLE_WAIT_MS = 250;
/** However long a seek takes, the panels off screen catch up after this long. */
const SEEK_WAIT_MS = 1_000;
/** The catch-ups waiting for the page to be idle: run together, so React draws them in one render. */
const waiting = new Set<() => void>();
let idleHandle: (() => void) | null = null;
/** When the catch-ups first found the seek under way (they wait for its moment), or null: each move starts it over. */
let heldSince: number | null = null;

/**
 * Whether a seek is under way (its moment not shown yet; not playing): the page is idle while
 * the worker simulates, but the moment a catch-up would draw is about to be replaced, and its
 * render on the page's thread takes a core from the worker and holds up the seek's frame when it
 * arrives.
 */
function seekUnderWay(): boolean {
  const { seekTarget, playing } = usePlayback.getState();
  return seekTarget !== null && !playing;
}

/**
 * Moves in a row (a key held down, the scrubber dragged, the benchmark's seeks) come an animation
 * frame or two after the previous one is drawn: a catch-up begun in between met the next move's
 * frame, and its render in slices took the page's thread while that frame waited (the reference
 * hour's Queues panel, event log and failover view, below the fold at 1280x800). The panels off
 * screen wait until the playhead has stayed where it is this long, however long the moves go on
 * (as they wait while the run plays): nobody sees them meanwhile, and scrolled into view a panel
 * draws the playhead at once.
 */
export const QUIET_MS = 150;
/** When the playhead last moved or a seek began while not playing (performance.now()). */
let movedAt = Number.NEGATIVE_INFINITY;

usePlayback.subscribe((state, previous) => {
  if (state.playing) return;
  // A seek's wait (SEEK_WAIT_MS) counts from that seek: kept from a seek before, it made the panels
  // off screen catch up in the middle of the next seek that took longer than QUIET_MS.
  if (state.timeMs !== previous.timeMs || (state.seekTarget !== null && state.seekTarget !== previous.seekTarget)) {
    movedAt = performance.now();
    heldSince = null;
  }
});

function runWaiting(): void {
  idleHandle = null;
  const now = performance.now();
  if (now - movedAt < QUIET_MS || (seekUnderWay() && now - (heldSince ??= now) < SEEK_WAIT_MS)) {
    idleHandle = requestIdle(HELD_RETRY_MS);
    return;
  }
  const tasks = [...waiting];
  waiting.clear();
  for (const task of tasks) task();
}

/** Without idle callbacks, a held catch-up looks again this often (a timer of 0 would spin). */
const HELD_RETRY_MS = 50;

function requestIdle(fallbackMs = 0): () => void {
  return onIdle(runWaiting, { withinMs: IDLE_WAIT_MS, fallbackMs });
}

/** Runs `task` once the page is idle, with the other tasks waiting then; returns its cancel. */
export function whenIdle(task: () => void): () => void {
  waiting.add(task);
  idleHandle ??= requestIdle();
  return () => {
    waiting.delete(task);
    if (waiting.size === 0 && idleHandle) {
      idleHandle();
      idleHandle = null;
    }
  };
}
