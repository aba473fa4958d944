/**
 * A handle for the browser benchmark (test/bench/browser.ts), installed only when the page is
 * opened with `?bench`: it drives the same store and commands a person does.
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
  seek(t: number): void;
  /** The store's move alone, measured before the page renders it. */
  engineSeek(t: number): void;
  stepBack(): void;
  play(speed: number): void;
  dotsInFlight(): number;
  /** The trace hash of a straight run of the loaded scenario to untilMs, computed in this page. */
  traceHash(untilMs: number): string;
  /** The same run reached through the store after seeking to each time in turn. */
  timelineTraceHash(seeks: number[], untilMs: number): string;
  /** The same, for a run in the simulation's worker (`?worker`): each seek waits for its frame, the hash is the worker's. */
  workerTraceHash(seeks: number[], untilMs: number): Promise<string>;
}

/** Resolves when the playhead rests at t (the worker's frame of the seek has arrived). */
function settledAt(t: number): Promise<void> {
  return new Promise((resolve) => {
    const check = (state: PlaybackState) => {
      if (state.timeMs !== t || state.seekTarget !== null) return;
      unsubscribe();
      resolve();
    };
    const unsubscribe = usePlayback.subscribe(check);
    check(usePlayback.getState());
  });
}

export function installBenchHook(): void {
  const hook: BenchHook = {
    open: (source) => openSource(source).ok,
    seek: (t) => usePlayback.getState().seek(t),
    engineSeek: (t) => usePlayback.getState().seek(t),
    stepBack: () => commandNamed('stepBack').perform(),
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
