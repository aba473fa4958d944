/** Waiting for the playback store to come to rest (with the run in a worker, seeks finish across frames). */
import { getTimeline, usePlayback } from '../../src/store/playback.ts';

/** Resolves when the store is at rest at time t: the playhead there, no seek under way, the run simulated to t. */
export function settledAt(t: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const state = usePlayback.getState();
      if (state.timeMs === t && state.seekTarget === null && getTimeline()?.now === t) {
        unsubscribe();
        resolve();
      }
    };
    const unsubscribe = usePlayback.subscribe(check);
    check();
  });
}
