/** A bar that empties as a deadline approaches: a heartbeat timeout or the next scan. */
import { usePlayback } from '../../store/playback.ts';
import { formatSeconds, remainingFraction } from '../../viz/format.ts';
import { barTransform } from '../../viz/scales.ts';

interface CountdownProps {
  remainingMs: number;
  totalMs: number;
  /** What the bar counts down to, read by assistive technology, e.g. "95.0 s until ...". */
  label: string;
  testId?: string;
}

export function Countdown({ remainingMs, totalMs, label, testId }: CountdownProps) {
  const language = usePlayback((s) => s.language);
  const fraction = remainingFraction(remainingMs, totalMs);
  const level = fraction <= 0 ? 'over' : fraction < 0.25 ? 'low' : 'ok';
  return (
    <div className={`rs-countdown rs-countdown-${level}`} data-testid={testId}>
      <div className="rs-countdown-track" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={totalMs}
        aria-valuenow={Math.max(0, Math.min(totalMs, remainingMs))} aria-valuetext={label}>
        <span style={{ transform: barTransform(fraction) }} />
      </div>
      <span className="rs-countdown-text" aria-hidden="true">{formatSeconds(Math.max(0, remainingMs), language)}</span>
    </div>
  );
}
