/** The playhead as m:ss.mmm, the run's length, and the progress of a long seek. */
import { usePlayback } from '../../store/playback.ts';
import { useT } from '../i18n/index.ts';
import { formatTime } from '../../viz/format.ts';
import { useAtRest } from '../use-at-rest.ts';
import { useCaptionSpeaksMove } from '../narration/caption-voice.ts';
import { lazyModule } from '../lazy-module.ts';

const seekVoice = lazyModule(() => import('./SeekVoice.tsx'));

export function TimeDisplay() {
  const t = useT();
  const timeMs = usePlayback((s) => s.timeMs);
  const durationMs = usePlayback((s) => s.scenario?.durationMs ?? 0);
  const progress = usePlayback((s) => s.seekProgress);
  const atRest = useAtRest();
  // An output is a polite live region: while playing it changed six times a second and drowned the
  // event log's announcer. Paused, the narration caption says a step's or a jump's time with its
  // event, so the output keeps quiet when the caption speaks the move (caption-voice.ts: it spoke
  // the time first, the caption repeated it); it is still the labelled playhead a screen reader
  // reads on demand, and speaks a move no caption speaks (one reaching no other event, in a
  // chapter, another view than the cluster's, the captions not loaded). A long jump's moments on
  // its way are not said either: its status says the jump (SeekVoice.tsx).
  const playing = usePlayback((s) => s.playing);
  const captionSpeaks = useCaptionSpeaksMove(timeMs);
  const SeekVoice = seekVoice.use()?.SeekVoice;
  return (
    <div className="rs-time">
      <output className="rs-time-current" data-testid="time-current" data-at-rest={atRest} aria-label={t('playhead')} aria-live={playing || captionSpeaks || progress !== null ? 'off' : 'polite'}>{formatTime(timeMs)}</output>
      <span className="rs-time-total">
        {' '}{t('timeOf')} <span data-testid="time-total">{formatTime(durationMs)}</span>
      </span>
      {/* The percent is for the eye: spoken, it was said at each change. The status, there before it speaks, says the jump once. */}
      {progress !== null && <span className="rs-time-progress" data-testid="seek-progress">{t('catchingUp', { percent: progress })}</span>}
      <span className="rs-visually-hidden" role="status" data-testid="seek-voice">{SeekVoice && <SeekVoice />}</span>
    </div>
  );
}
