/** The playhead as m:ss.mmm, the run's length, and the progress of a long seek. */
import { usePlayback } from '../../store/playback.ts';
import { useT } from '../i18n/index.ts';
import { formatTime } from '../../viz/format.ts';
import { useAtRest } from '../use-at-rest.ts';

export function TimeDisplay() {
  const t = useT();
  const timeMs = usePlayback((s) => s.timeMs);
  const durationMs = usePlayback((s) => s.scenario?.durationMs ?? 0);
  const progress = usePlayback((s) => s.seekProgress);
  const atRest = useAtRest();
  return (
    <div className="rs-time">
      <output className="rs-time-current" data-testid="time-current" data-at-rest={atRest} aria-label={t('playhead')}>{formatTime(timeMs)}</output>
      <span className="rs-time-total">
        {' '}{t('timeOf')} <span data-testid="time-total">{formatTime(durationMs)}</span>
      </span>
      {progress !== null && (
        <span className="rs-time-progress" role="status" data-testid="seek-progress">
          {t('catchingUp', { percent: progress })}
        </span>
      )}
    </div>
  );
}
