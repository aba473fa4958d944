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
 * A Chinese character (or any wide one) counts as two: a name typed in Chinese is cut to fit too.
 */
export function fitText(text: string, widthPx: number, charPx = 7): string {
  const room = Math.max(1, Math.floor(widthPx / charPx));
  if (text.length * 2 <= room) return text;
  let used = 0;
  let end = 0;
  for (const char of text) {
    const next = used + charUnits(char.codePointAt(0)!);
    // Room is kept for the ellipsis unless this is the last character and it fits.
    if (next > room - 1 && (next > room || end + char.length < text.length)) return `${text.slice(0, Math.max(end, char.length))}…`;
    used = next;
    end += char.length;
  }
  return text;
}

/**
 * How many Latin characters' width a character takes: 2 for East Asian wide and full-width ones
 * (CJK ideographs and punctuation, kana, Hangul, full-width forms) and beyond the BMP (emoji), else 1.
 */
function charUnits(code: number): number {
  if (code < 0x1100) return 1;
  const wide = code <= 0x115f || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff)
    || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || code > 0xffff;
  return wide ? 2 : 1;
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
