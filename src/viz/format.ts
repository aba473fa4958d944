/**
 * Time as people read it on the page. Virtual time is an integer of milliseconds; the page
 * shows minutes, seconds and milliseconds (`1:05.250`) and short durations in seconds.
 */

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** `65250` -> `"1:05.250"`; an hour or more -> `"1:00:05.250"`; negative times get a minus sign. */
export function formatTime(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const total = Math.round(Math.abs(ms));
  const millis = total % 1_000;
  const seconds = Math.floor(total / 1_000) % 60;
  const minutes = Math.floor(total / 60_000) % 60;
  const hours = Math.floor(total / 3_600_000);
  const clock = hours > 0 ? `${hours}:${pad(minutes, 2)}:${pad(seconds, 2)}` : `${minutes}:${pad(seconds, 2)}`;
  return `${sign}${clock}.${pad(millis, 3)}`;
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
