/** Rebuilding the run from an edited file: a fork at the current time, or a new run from the JSON. */
import type { ValidationError } from '../../scenario/validate.ts';
import { usePlayback } from '../../store/playback.ts';
import { openSource } from '../controls/session.ts';

/**
 * Plays the edited file and returns to `atMs`. A fork (a knob or a fault after 0:00) keeps the
 * selection and adds a marker on the scrubber; the past is unchanged, so only the future differs.
 */
export function applyEdit(source: unknown, atMs: number, kind: 'fork' | 'rebuild'): ValidationError[] {
  const { forks, playing, scenario } = usePlayback.getState();
  const at = Math.min(atMs, scenario?.durationMs ?? atMs);
  const nextForks = kind === 'rebuild' ? [] : at > 0 ? [...forks, at] : forks;
  const result = openSource(source, { atMs: at, forks: nextForks, keepSelection: true });
  if (!result.ok) return result.errors;
  if (playing) usePlayback.getState().setPlaying(true);
  return [];
}
