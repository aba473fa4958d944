/**
 * Time as people read it on the page: the one formatter for every view. Virtual time is an
 * integer of milliseconds; the page shows `m:ss.mmm` and short durations in seconds.
 */

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * `65250` -> `"1:05.250"`. Minutes keep counting past 59 (`60:00.000` is one hour) so that every
 * time the page shows is one form that a person can type back into the topic query
 * (src/ui/insight/message/time-text.ts) and the browser tests read off the scrubber; negative
 * times (a difference between two runs) get a minus sign.
 */
export function formatTime(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const total = Math.round(Math.abs(ms));
  const minutes = Math.floor(total / 60_000);
  const seconds = Math.floor(total / 1_000) % 60;
  return `${sign}${minutes}:${pad(seconds, 2)}.${pad(total % 1_000, 3)}`;
}

/** `95_040` -> `"95.0 s"`: a duration or countdown, one decimal unless told otherwise. */
export function formatSeconds(ms: number, digits = 1): string {
  const value = (ms / 1_000).toFixed(digits);
  // -0.0 reads as a glitch: a countdown that just ended shows 0.0.
  return `${Number(value) === 0 ? (0).toFixed(digits) : value} s`;
}

/** Share of a countdown still to run, clamped to [0, 1] (0 when the total is not positive). */
export function remainingFraction(remainingMs: number, totalMs: number): number {
  if (!(totalMs > 0)) return 0;
  return Math.min(1, Math.max(0, remainingMs / totalMs));
}

/**
 * A label cut to fit `widthPx` at about `charPx` per character, ending in "…" when cut. SVG text
 * does not wrap, so long ids are shortened on the drawing and given whole in its accessible name.
 */
export function fitText(text: string, widthPx: number, charPx = 7): string {
  const room = Math.max(1, Math.floor(widthPx / charPx));
  return text.length <= room ? text : `${text.slice(0, Math.max(1, room - 1))}…`;
}

const GROUPED = new Intl.NumberFormat('en-US');

/**
 * `1234567` -> `"1,234,567"`, as toLocaleString('en-US') writes it, with one formatter for the
 * page: toLocaleString builds a new one on every call, which cost more than the rest of the
 * summary bar on every frame of a playing run.
 */
export function formatCount(value: number): string {
  return GROUPED.format(value);
}

/** A speed as the control shows it: `0.1x`, `2.5x`, `10x`, `1000x`. */
export function formatSpeed(speed: number): string {
  const rounded = speed >= 10 ? Math.round(speed) : speed >= 1 ? Math.round(speed * 10) / 10 : Math.round(speed * 100) / 100;
  return `${rounded}x`;
}

/** A byte count for messages: `64 KB`, `1 MB`. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}
