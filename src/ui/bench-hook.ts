/**
 * A handle for the browser benchmark (test/bench/browser.ts), installed only when the page is
 * opened with `?bench`: it drives the same store and commands a person does.
 */
import { getTimeline, usePlayback } from '../store/playback.ts';
import { commandNamed } from './commands.ts';
import { openSource } from './controls/session.ts';

export interface BenchHook {
  /** Opens a scenario file (JSON value) as the person's upload would; false when it is invalid. */
  open(source: unknown): boolean;
  seek(t: number): void;
  /** The simulation alone, without the page: Timeline.seek. */
  engineSeek(t: number): void;
  stepBack(): void;
  play(speed: number): void;
  dotsInFlight(): number;
}

export function installBenchHook(): void {
  const hook: BenchHook = {
    open: (source) => openSource(source).ok,
    seek: (t) => usePlayback.getState().seek(t),
    engineSeek: (t) => getTimeline()?.seek(t),
    stepBack: () => commandNamed('stepBack').perform(),
    play: (speed) => {
      const state = usePlayback.getState();
      if (speed > 0) state.setSpeed(speed);
      state.setPlaying(speed > 0);
    },
    dotsInFlight: () => Number(document.querySelector<HTMLCanvasElement>('[data-testid="topology-canvas"]')?.dataset.dots ?? 0),
  };
  Object.assign(window, { rocketscopeBench: hook });
}
