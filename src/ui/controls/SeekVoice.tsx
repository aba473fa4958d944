/**
 * What a screen reader hears of a long jump (the scrubber dragged to the hour's end, a link opened
 * at 50:00), in the playhead's status region (TimeDisplay.tsx). The visible percent changes with
 * every progress the run sends; spoken, "Simulating… 9%" was said again and again as it moved. So:
 * - A jump still under way after LONG_SEEK_MS is said once: "Simulating ahead to 50:00.000…". A
 *   shorter one is not: the moment it reaches is said at once (below).
 * - Its progress is said again only when it has come PROGRESS_STEP points further, and not sooner
 *   than PROGRESS_GAP_MS after what was said last.
 * - The moment reached is said by the caption, or by the playhead's output where no caption speaks
 *   (caption-voice.ts); while the run plays neither speaks, and this says it.
 * Loaded after the page's first paint, as its own chunk: the page's first script has no room.
 */
import { useEffect, useState } from 'react';
import { usePlayback, type PlaybackState } from '../../store/playback.ts';
import { formatTime } from '../../viz/format.ts';
import { useWords, type Bilingual } from '../i18n/index.ts';

/** A jump still under way after this long (wall ms) is said: a shorter one only flickers the percent. */
const LONG_SEEK_MS = 500;
/** The progress is said again only this many points further on. */
const PROGRESS_STEP = 25;
/** Nor sooner than this after what was said last (wall ms): a short sentence's speaking time. */
const PROGRESS_GAP_MS = 4_000;

/** What the status says: the jump started, how far it has come, the moment it reached; null: nothing. */
type SeekSaid = { kind: 'ahead'; to: number } | { kind: 'progress'; percent: number } | { kind: 'reached'; at: number } | null;

const WORDS: Bilingual<{ ahead: (to: string) => string; progress: (percent: number) => string; reached: (at: string) => string }> = {
  en: {
    ahead: (to) => `Simulating ahead to ${to}…`,
    progress: (percent) => `Simulating, ${percent}% done`,
    reached: (at) => `Reached ${at}`,
  },
  zh: {
    ahead: (to) => `正在向前模拟到 ${to}…`,
    progress: (percent) => `正在模拟，已完成 ${percent}%`,
    reached: (at) => `已到达 ${at}`,
  },
};

/** What the status keeps between two store changes. */
interface Listening {
  /** The jump under way (its target), or null. */
  target: number | null;
  /** Whether it has been said (it was long), and the percent said last. */
  said: boolean;
  percent: number;
  /** Wall time (performance.now) of what was said last. */
  saidAt: number;
  timer: ReturnType<typeof setTimeout> | null;
}

/** What the status says of the jumps, as the rule above says. */
function useSeekSaid(): SeekSaid {
  const [said, setSaid] = useState<SeekSaid>(null);
  useEffect(() => {
    const at: Listening = { target: null, said: false, percent: 0, saidAt: Number.NEGATIVE_INFINITY, timer: null };
    const say = (what: SeekSaid) => {
      at.saidAt = performance.now();
      setSaid(what);
    };
    const stopTimer = () => {
      if (at.timer !== null) clearTimeout(at.timer);
      at.timer = null;
    };
    // A jump under way LONG_SEEK_MS after its target was set: long, said once (to its latest target).
    const sayLong = () => {
      at.timer = null;
      const { seekTarget, seekProgress } = usePlayback.getState();
      if (seekTarget === null) return;
      Object.assign(at, { said: true, percent: seekProgress ?? 0 });
      say({ kind: 'ahead', to: seekTarget });
    };
    const listen = ({ seekTarget, seekProgress, playing, timeMs }: PlaybackState) => {
      if (seekTarget === null) {
        if (at.target === null) return;
        stopTimer();
        // Reached while the run plays: nobody else says where it is now. Paused, the caption or the output does.
        if (at.said && playing && timeMs === at.target) say({ kind: 'reached', at: timeMs });
        else setSaid(null);
        Object.assign(at, { target: null, said: false });
        return;
      }
      if (seekTarget !== at.target) {
        // Another jump (or the worker's own target for this one): long or not, it says when it has lasted.
        Object.assign(at, { target: seekTarget, said: false });
        stopTimer();
        at.timer = setTimeout(sayLong, LONG_SEEK_MS);
        return;
      }
      const percent = seekProgress ?? 0;
      if (!at.said || percent - at.percent < PROGRESS_STEP || performance.now() - at.saidAt < PROGRESS_GAP_MS) return;
      at.percent = percent;
      say({ kind: 'progress', percent });
    };
    listen(usePlayback.getState());
    const unsubscribe = usePlayback.subscribe(listen);
    return () => {
      unsubscribe();
      stopTimer();
    };
  }, []);
  return said;
}

/** The status's text, in the reader's language. */
export function SeekVoice() {
  const words = useWords(WORDS);
  const said = useSeekSaid();
  if (said === null) return null;
  if (said.kind === 'ahead') return words.ahead(formatTime(said.to));
  return said.kind === 'progress' ? words.progress(said.percent) : words.reached(formatTime(said.at));
}
