/**
 * Where the marks under the playhead stand, worked out once: the scrubber draws its ticks from
 * these (Scrubber.tsx, SignMarks.tsx) and the `[` / `]` keys stop at these (commands.ts), so a key
 * stops only where a tick is drawn.
 */
import type { TimelineAction } from '../../sim/index.ts';

/** Beyond this many actions the ticks would be a solid bar: the first ones only are drawn. */
const MAX_MARKS = 200;

/** The actions drawn as ticks of their own: an action at a fork's time is named by the fork's tick instead. */
export function actionMarks(timeline: readonly TimelineAction[], forks: readonly number[]): TimelineAction[] {
  const forkTimes = new Set(forks);
  return timeline.filter((action) => !forkTimes.has(action.at)).slice(0, MAX_MARKS);
}

/**
 * The moments the signs are drawn at, in time order: signs closer than `apartMs` (a ring's width on
 * the bar) share the earliest one's ring, so that no ring hides another one can no longer click.
 */
export function signMoments<S extends { t: number }>(signs: readonly S[], apartMs: number): { at: number; signs: S[] }[] {
  const moments: { at: number; signs: S[] }[] = [];
  for (const sign of [...signs].sort((a, b) => a.t - b.t)) {
    const last = moments.at(-1);
    if (last && sign.t - last.at < apartMs) last.signs.push(sign);
    else moments.push({ at: sign.t, signs: [sign] });
  }
  return moments;
}

/** Every time a mark is drawn at (an action's, a fork's, a ring of signs'), in time order, each once. */
export function markTimes(timeline: readonly TimelineAction[], forks: readonly number[], signs: readonly { t: number }[], apartMs: number): number[] {
  const times = [...actionMarks(timeline, forks).map((action) => action.at), ...forks, ...signMoments(signs, apartMs).map((moment) => moment.at)];
  return [...new Set(times)].sort((a, b) => a - b);
}

/**
 * A ring's width in run time as SignMarks last drew the rings (it measures the bar; 0 while it
 * draws none): the keys read it here, having no bar of their own to measure.
 */
const drawn = { signsApartMs: 0 };

export function noteSignsApart(apartMs: number): void {
  drawn.signsApartMs = apartMs;
}

export function signsApartMs(): number {
  return drawn.signsApartMs;
}
