/**
 * A handle for the browser benchmark (test/bench/browser.ts), installed only when the page is
 * opened with `?bench`: it drives the same store and commands a person does. With the run in the
 * worker (the default), a move is timed until its frame has arrived and the page has drawn it
 * (round trip, render, canvas, style and layout), and until the browser has painted it.
 */
import { clampToRun } from '../sim/index.ts';
import { simulate } from '../sim/simulate.ts';
import { TraceHasher } from '../sim/trace-hash.ts';
import { getTimeline, usePlayback, type PlaybackState } from '../store/playback.ts';
import { askSim } from '../store/sim-query.ts';
import { commandNamed } from './commands.ts';
import { openSource } from './controls/session.ts';

/** A move's wall milliseconds, from its command. */
interface MoveTimes {
  /** Until the page has drawn the moment: the frame's arrival, the panels' render, the canvas, style and layout. */
  drawnMs: number;
  /** Until the browser has painted it: drawnMs and the wait for the display's next frame (up to 16.7 ms at 60 Hz). */
  paintedMs: number;
}

export interface BenchHook {
  /** Opens a scenario file (JSON value) as the person's upload would; false when it is invalid. */
  open(source: unknown): boolean;
  /** Seeks to t; resolves once the browser has painted it, with the move's times. */
  seek(t: number): Promise<MoveTimes>;
  /**
   * The store's move alone, until the moment arrives, before the page renders it: its wall
   * milliseconds. Sent right after the previous move, it also waits for that move's render
   * (docs/worker.md, Measuring it); from a page at rest it is the worker's round trip.
   */
  engineSeek(t: number): Promise<number>;
  /** Steps back one event; resolves once the browser has painted it, with the move's times. */
  stepBack(): Promise<MoveTimes>;
  play(speed: number): void;
  dotsInFlight(): number;
  /** The trace hash of a straight run of the loaded scenario to untilMs, computed in this page. */
  traceHash(untilMs: number): string;
  /** The same run reached through the store after seeking to each time in turn (the run on the page: `?inpage`). */
  timelineTraceHash(seeks: number[], untilMs: number): string;
  /** The same, for the run in the simulation's worker (the default): each seek waits for its frame, the hash is the worker's. */
  workerTraceHash(seeks: number[], untilMs: number): Promise<string>;
}

/** Resolves with the wall time when the playhead rests at t (the worker's frame of the seek has arrived). */
function settledAt(t: number): Promise<number> {
  return new Promise((resolve) => {
    const check = (state: PlaybackState) => {
      if (state.timeMs !== t || state.seekTarget !== null) return;
      unsubscribe();
      resolve(performance.now());
    };
    const unsubscribe = usePlayback.subscribe(check);
    check(usePlayback.getState());
  });
}

/**
 * Resolves once the page has done its work for the store's last change: React renders a store's
 * change in a microtask and runs its effects (the canvas's dots) before the task ends, so two
 * tasks later the render, the effects and the DOM are done; reading the layout then forces the
 * style and layout the moment needs. The display's next frame is not waited for: that wait
 * depends on when in a frame the move began, not on the page's work.
 */
function drawn(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    let hops = 0;
    channel.port1.onmessage = () => {
      if (++hops < 2) {
        channel.port2.postMessage(null);
        return;
      }
      document.documentElement.getBoundingClientRect();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Resolves after the next paint: the next animation frame paints, and a task posted from it runs after. */
function painted(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
  });
}

/** Times a move from now until the page has drawn it and until the browser has painted it. */
async function timed(move: () => void, arrived: () => Promise<unknown>): Promise<MoveTimes> {
  const started = performance.now();
  move();
  await arrived();
  await drawn();
  const drawnMs = performance.now() - started;
  await painted();
  return { drawnMs, paintedMs: performance.now() - started };
}

/** Where a seek to t rests: the run's clamp, or t itself (rounded, not below 0) before a scenario is loaded. */
const restingAt = (t: number) => clampToRun(t, usePlayback.getState().scenario?.durationMs ?? t);

export function installBenchHook(): void {
  const hook: BenchHook = {
    open: (source) => openSource(source).ok,
    seek: (t) => timed(() => usePlayback.getState().seek(t), () => settledAt(restingAt(t))),
    engineSeek: async (t) => {
      const started = performance.now();
      usePlayback.getState().seek(t);
      return (await settledAt(restingAt(t))) - started;
    },
    stepBack: () => {
      const target = getTimeline()?.previousTraceTime() ?? 0;
      return timed(() => commandNamed('stepBack').perform(), () => settledAt(target));
    },
    play: (speed) => {
      const state = usePlayback.getState();
      if (speed > 0) state.setSpeed(speed);
      state.setPlaying(speed > 0);
    },
    traceHash: (untilMs) => {
      const scenario = usePlayback.getState().scenario;
      return scenario ? simulate(scenario, { untilMs, onTraceLine: () => {} }).summary.traceHash : '';
    },
    timelineTraceHash: (seeks, untilMs) => {
      for (const t of [...seeks, untilMs]) usePlayback.getState().seek(t);
      const timeline = getTimeline();
      if (!timeline) return '';
      const hasher = new TraceHasher();
      for (const event of timeline.traceSlice(0)) hasher.addLine(JSON.stringify(event));
      return hasher.digest();
    },
    workerTraceHash: async (seeks, untilMs) => {
      for (const t of [...seeks, untilMs]) {
        usePlayback.getState().requestSeek(t);
        await settledAt(t);
      }
      return askSim('traceHash', {});
    },
    dotsInFlight: () => Number(document.querySelector<HTMLCanvasElement>('[data-testid="topology-canvas"]')?.dataset.dots ?? 0),
  };
  Object.assign(window, { rocketscopeBench: hook });
}
