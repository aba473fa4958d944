/**
 * The marks of the faults' signs under the playhead: when a fault was first noticed, when the
 * controller elected, when a NameServer stopped listing the process, when the last client route
 * let it go. Loaded after the page's first paint (the failover view's words come with it); the
 * answer grows while the query looks ahead of the run, so it is asked again until complete.
 */
import { useEffect, useMemo, useState } from 'react';
import type { FaultSigns } from '../../sim/queries/fault-signs.ts';
import { askSim } from '../../store/sim-query.ts';
import { usePlayback } from '../../store/playback.ts';
import { useWords } from '../i18n/index.ts';
import { FAILOVER_STRINGS } from '../panels/failover-strings.ts';
import { AGAIN_AFTER_MS } from '../use-sim-query.ts';
import { useElementWidth } from '../panels/use-element-width.ts';
import { noteSignsApart } from './mark-times.ts';
import { signMarks } from './sign-marks.ts';

/** While playing, the look ahead takes a share this often at most, so the frames keep their pace. */
const AGAIN_WHILE_PLAYING_MS = 250;

/**
 * The signs of the loaded run, asked again after a pause while the answer is partial; null until
 * the first answer. Not useSimQuery with its askAgain: that asks again at every move of the
 * playhead (its answers are kept per time), while these signs are one answer for the whole run,
 * the same at every time once complete; asking again at each move would send the whole list back
 * from the worker and redo every ring's words ten times a second while playing.
 */
function useFaultSigns(): FaultSigns | null {
  const version = usePlayback((s) => s.timelineVersion);
  const playing = usePlayback((s) => s.playing);
  const [answer, setAnswer] = useState<{ version: number; signs: FaultSigns } | null>(null);
  const current = answer?.version === version ? answer.signs : null;
  useEffect(() => {
    if (current?.complete) return;
    let cancelled = false;
    const ask = () => askSim('faultSigns', {}).then((signs) => {
      if (!cancelled) setAnswer({ version, signs });
    }, () => undefined);
    const timer = setTimeout(ask, current === null ? 0 : playing ? AGAIN_WHILE_PLAYING_MS : AGAIN_AFTER_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [version, current, playing]);
  return current;
}

/** A ring's width on the bar, px (App.css .rs-mark-sign): rings nearer than this would cover one another. */
const RING_PX = 8;

export function SignMarks({ duration }: { duration: number }) {
  const strings = useWords(FAILOVER_STRINGS);
  const config = usePlayback((s) => s.scenario?.config);
  const signs = useFaultSigns();
  const [measure, width] = useElementWidth<HTMLDivElement>(300);
  const apartMs = (duration * RING_PX) / width;
  // The [ and ] keys stop at the rings as drawn (mark-times.ts).
  useEffect(() => {
    noteSignsApart(apartMs);
    return () => noteSignsApart(0);
  }, [apartMs]);
  const marks = useMemo(() => (signs && config ? signMarks(signs.signs, strings, config, apartMs) : []), [signs, strings, config, apartMs]);
  return <div ref={measure} className="rs-scrubber-signs">{marks.map((mark) => (
    <button
      key={mark.at}
      type="button"
      tabIndex={-1}
      className="rs-mark rs-mark-sign"
      style={{ left: `${(mark.at / duration) * 100}%` }}
      title={mark.title}
      aria-label={mark.title}
      data-testid="mark-sign"
      onClick={() => usePlayback.getState().requestSeek(mark.at)}
    />
  ))}</div>;
}
