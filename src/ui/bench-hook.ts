/**
 * A handle for the browser benchmark (test/bench/browser.ts), installed only when the page is
 * opened with `?bench`: it drives the same store and commands a person does. With the run in the
 * worker (the default), a move is done when its frame has arrived and the browser has painted
 * the panels' render of it, so the timings include the round trip, the render and the paint.
 */
import { simulate } from '../sim/simulate.ts';
import { TraceHasher } from '../sim/trace-hash.ts';
import { getTimeline, usePlayback, type PlaybackState } from '../store/playback.ts';
import { askSim } from '../store/sim-query.ts';
import { commandNamed } from './commands.ts';
import { openSource } from './controls/session.ts';

export interface BenchHook {
  /** Opens a scenario file (JSON value) as the person's upload would; false when it is invalid. */
  open(source: unknown): boolean;
  /** Resolves once the browser has painted the panels' render of the moment t. */
  seek(t: number): Promise<void>;
  /** The store's move alone, until the moment arrives (the worker's round trip), before the page renders it: its wall milliseconds. */
  engineSeek(t: number): Promise<number>;
  /** Resolves once the browser has painted the panels' render of the previous event's moment. */
  stepBack(): Promise<void>;
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
 * Resolves once the browser has painted what the store's last change rendered: React renders a
 * store's change before the next task, the next animation frame lays it out and paints it, and a
 * task posted from that frame runs after its paint. Waiting for the render alone left the style,
 * layout and paint of the moment out of the figures.
 */
function painted(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
  });
}

async function seekAndDraw(t: number): Promise<void> {
  usePlayback.getState().seek(t);
  await settledAt(Math.max(0, Math.min(Math.round(t), usePlayback.getState().scenario?.durationMs ?? t)));
  await painted();
}

export function installBenchHook(): void {
  const hook: BenchHook = {
    open: (source) => openSource(source).ok,
    seek: seekAndDraw,
    engineSeek: async (t) => {
      const started = performance.now();
      usePlayback.getState().seek(t);
      return (await settledAt(Math.max(0, Math.min(Math.round(t), usePlayback.getState().scenario?.durationMs ?? t)))) - started;
    },
    stepBack: async () => {
      const target = getTimeline()?.previousTraceTime() ?? 0;
      commandNamed('stepBack').perform();
      await settledAt(target);
      await painted();
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
