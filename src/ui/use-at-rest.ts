/**
 * Whether the page shows the run where it will stay: a scenario is loaded, nothing plays, no seek
 * is under way, the simulation's worker owes no frame (src/store/remote-run.ts `resting`; a
 * run on the page moves at once), and no panel off screen still shows an older moment
 * (src/ui/on-screen.tsx). The playhead carries it as `data-at-rest`, so that a browser
 * test reads the page only once the frame of its last command is on screen.
 */
import { useSyncExternalStore } from 'react';
import { getRemoteRun, usePlayback } from '../store/playback.ts';
import { useOffScreenCaughtUp } from './on-screen.tsx';

const noSubscription = () => () => {};

export function useAtRest(): boolean {
  const remote = getRemoteRun();
  const workerResting = useSyncExternalStore(remote?.subscribeResting ?? noSubscription, () => remote?.resting ?? true);
  const moving = usePlayback((s) => s.scenario === null || s.playing || s.seekTarget !== null);
  const caughtUp = useOffScreenCaughtUp();
  return workerResting && !moving && caughtUp;
}
