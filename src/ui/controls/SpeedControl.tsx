/** Speed on a log scale, 0.1x to 1000x of virtual time per wall-clock time. */
import { lazy, Suspense, useId } from 'react';
import { MAX_SPEED, MIN_SPEED, usePlayback } from '../../store/playback.ts';
import { useT } from '../i18n/index.ts';
import { CommandButton } from './CommandButton.tsx';
import { formatSpeed } from '../../viz/format.ts';
import { usePlayRate } from './play-rate.ts';

const SpeedBehind = lazy(() => import('./SpeedBehind.tsx').then((module) => ({ default: module.SpeedBehind })));

/** Slider units per decade of speed. */
const PER_DECADE = 100;
const MIN_POSITION = Math.round(Math.log10(MIN_SPEED) * PER_DECADE);
const MAX_POSITION = Math.round(Math.log10(MAX_SPEED) * PER_DECADE);

function speedToPosition(speed: number): number {
  return Math.round(Math.log10(speed) * PER_DECADE);
}

/** Positions near a round speed snap to it, so the slider lands on 1x, 10x, 100x... */
function positionToSpeed(position: number): number {
  const speed = 10 ** (position / PER_DECADE);
  const round = [1, 2, 5].map((m) => m * 10 ** Math.floor(Math.log10(speed))).find((r) => Math.abs(Math.log10(r / speed)) < 0.02);
  return round ?? Number(speed.toPrecision(2));
}

export function SpeedControl() {
  const t = useT();
  const id = useId();
  const speed = usePlayback((s) => s.speed);
  const setSpeed = usePlayback((s) => s.setSpeed);
  const behindAt = usePlayRate((s) => s.behindAt);
  const text = formatSpeed(speed);
  return (
    <div className="rs-speed">
      <label htmlFor={id} className="rs-speed-label" title={t('speedHint')}>{t('speed')}</label>
      <CommandButton name="slower" className="rs-button-small" />
      <input
        id={id}
        type="range"
        className="rs-speed-range"
        min={MIN_POSITION}
        max={MAX_POSITION}
        step={1}
        value={speedToPosition(speed)}
        aria-valuetext={text}
        data-testid="speed"
        onChange={(event) => setSpeed(positionToSpeed(Number(event.target.value)))}
      />
      <CommandButton name="faster" className="rs-button-small" />
      <output className="rs-speed-value" htmlFor={id} data-testid="speed-value">{text}</output>
      {behindAt !== null && <Suspense fallback={null}><SpeedBehind rate={behindAt} speed={speed} /></Suspense>}
    </div>
  );
}
