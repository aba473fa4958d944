/**
 * The `[` / `]` keys' move (commands.ts): to the nearest tick the scrubber draws after (or before)
 * a time, once the faults' signs are all known. Loaded at the first press, with the named queries.
 */
import type { FaultSign } from '../../sim/queries/fault-signs.ts';
import { askSim } from '../../store/sim-query.ts';
import { usePlayback } from '../../store/playback.ts';
import { AGAIN_AFTER_MS } from '../use-sim-query.ts';
import { markTimes, signsApartMs } from './mark-times.ts';

/**
 * The faults' signs once the look ahead has found them all, asked again after a pause while the
 * answer is partial, as SignMarks asks; none if the query fails, as SignMarks then draws none;
 * null if another run was loaded meanwhile.
 */
async function allSigns(version: number): Promise<readonly FaultSign[] | null> {
  for (;;) {
    const answer = await askSim('faultSigns', {}).catch(() => null);
    if (usePlayback.getState().timelineVersion !== version) return null;
    if (answer === null || answer.complete) return answer?.signs ?? [];
    await new Promise((resolve) => setTimeout(resolve, AGAIN_AFTER_MS));
  }
}

/** The moment the seek under way comes to rest at, the steps waiting for it taken (run-service.ts). */
function restingAt(): Promise<number> {
  return new Promise((resolve) => {
    const check = () => {
      const { seekTarget, timeMs } = usePlayback.getState();
      if (seekTarget !== null) return;
      unsubscribe();
      resolve(timeMs);
    };
    const unsubscribe = usePlayback.subscribe(check);
    check();
  });
}

/**
 * Seeks to the nearest mark after `from` (direction 1) or before it (-1), if there is one; from
 * where the seek under way comes to rest when `from` is null (a step waits for it: commands.ts).
 */
export async function jumpToMark(from: number | null, direction: 1 | -1): Promise<void> {
  const { timelineVersion } = usePlayback.getState();
  const signs = await allSigns(timelineVersion);
  const at = from ?? (await restingAt());
  const { scenario, forks } = usePlayback.getState();
  if (signs === null || usePlayback.getState().timelineVersion !== timelineVersion) return;
  const times = markTimes(scenario?.timeline ?? [], forks, signs, signsApartMs());
  const ahead = times.filter((t) => (direction > 0 ? t > at : t < at));
  if (ahead.length > 0) usePlayback.getState().requestSeek(direction > 0 ? Math.min(...ahead) : Math.max(...ahead));
}
