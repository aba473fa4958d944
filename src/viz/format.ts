/**
 * Time as people read it on the page: the one formatter for every view. Virtual time is an
 * integer of milliseconds; the page shows `m:ss.mmm` and short durations in seconds.
 */
import type { Language } from '../scenario/language.ts';

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * `65250` -> `"1:05.250"`; from one hour on, hours too: `"4:46:11.000"` (a retry schedule reaches
 * its dead-letter queue after 4 h 46 min, which `286:11.000` hid). Every form the page shows is
 * one a person can type back into the topic query (src/ui/insight/message/time-text.ts);
 * negative times (a difference between two runs) get a minus sign.
 */
export function formatTime(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const total = Math.round(Math.abs(ms));
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor(total / 60_000) % 60;
  const seconds = Math.floor(total / 1_000) % 60;
  const clock = hours > 0 ? `${hours}:${pad(minutes, 2)}` : String(minutes);
  return `${sign}${clock}:${pad(seconds, 2)}.${pad(total % 1_000, 3)}`;
}

/**
 * A duration's units in each language: "30 s" in English, 「30 秒」 in Chinese, as the chapters'
 * captions write them beside the panels (a Chinese page that said 「每 30 秒」 above 「30 s」 wrote
 * one quantity two ways). The one place the page's durations get their unit.
 */
const UNITS: Readonly<Record<Language, { minute: string; second: string; milli: string }>> = {
  en: { minute: 'min', second: 's', milli: 'ms' },
  zh: { minute: '分钟', second: '秒', milli: '毫秒' },
};

/**
 * Between a value and its unit: a no-break space (U+00A0), so a narrow column or a table's heading
 * never ends a line on "120" and starts the next on "s" (「120」 and 「秒」 in Chinese). It reads as a
 * space to every reader, and to Testing Library's text matchers, which fold it as whitespace.
 */
export const UNIT_SPACE = '\u00a0';

/**
 * `95_040` -> `"95.0 s"` (「95.0 秒」): a live counter or countdown ("5.0 s ago"), one decimal unless
 * told otherwise, so that its width holds still while it runs. A period said in words is formatPeriod's.
 */
export function formatSeconds(ms: number, language: Language, digits = 1): string {
  const value = (ms / 1_000).toFixed(digits);
  // -0.0 reads as a glitch: a countdown that just ended shows 0.0.
  return `${Number(value) === 0 ? (0).toFixed(digits) : value}${UNIT_SPACE}${UNITS[language].second}`;
}

/**
 * A period or span as a sentence says it, the one form for a setting and what it led to, wherever
 * the page names it (caption, event log, panels, diagnostics): milliseconds below a second, where
 * 0.0 s would hide it (5.x's first 5 ms scan), but 0 s; seconds with a tenth only where there is one ("30 s",
 * "1.8 s", "179.9 s"); whole minutes from three minutes on ("3 min"), while 120 s stays in seconds as
 * RocketMQ's brokerChannelExpiredTime is usually quoted. 「12 毫秒」「1.5 秒」「3 分钟」 in Chinese.
 */
export function formatPeriod(ms: number, language: Language): string {
  const units = UNITS[language];
  const sign = ms < 0 ? '-' : '';
  const rounded = Math.round(Math.abs(ms));
  // Zero hides nothing in seconds, and a list of RocketMQ's figures reads "0 s / 0 s / 30 s".
  if (rounded === 0) return `0${UNIT_SPACE}${units.second}`;
  if (rounded < 1_000) return `${sign}${rounded}${UNIT_SPACE}${units.milli}`;
  const tenths = Math.round(Math.abs(ms) / 100);
  if (tenths >= 1_800 && tenths % 600 === 0) return `${sign}${tenths / 600}${UNIT_SPACE}${units.minute}`;
  return `${sign}${tenths / 10}${UNIT_SPACE}${units.second}`;
}

/** Share of a countdown still to run, clamped to [0, 1] (0 when the total is not positive). */
export function remainingFraction(remainingMs: number, totalMs: number): number {
  if (!(totalMs > 0)) return 0;
  return Math.min(1, Math.max(0, remainingMs / totalMs));
}

/**
 * Advance widths of printable ASCII (U+0020 to U+007E) in hundredths of an em, as DejaVu Sans
 * draws them, bold (600) and regular (measured in Chromium): the sans-serif Linux gives
 * system-ui, wider than the system fonts of Windows and macOS, so a label cut to fit it fits them too.
 */
const ASCII_EM = {
  bold: Uint8Array.from([
    35, 46, 52, 84, 70, 100, 87, 31, 46, 46, 52, 84, 38, 42, 38, 37, 70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 40, 40, 84, 84, 84, 58,
    100, 77, 76, 73, 83, 68, 68, 82, 84, 37, 37, 77, 64, 100, 84, 85, 73, 85, 77, 72, 68, 81, 77, 110, 77, 72, 73, 46, 37, 46, 84, 50,
    50, 67, 72, 59, 72, 68, 44, 72, 71, 34, 34, 67, 34, 104, 71, 69, 72, 72, 49, 60, 48, 71, 65, 92, 65, 65, 58, 71, 37, 71, 84,
  ]),
  regular: Uint8Array.from([
    32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 34, 34, 84, 84, 84, 53,
    100, 68, 69, 70, 77, 63, 58, 77, 75, 29, 29, 66, 56, 86, 75, 79, 60, 79, 69, 63, 61, 73, 68, 99, 69, 61, 69, 39, 34, 39, 84, 50,
    50, 61, 63, 55, 63, 62, 35, 63, 63, 28, 28, 58, 28, 97, 63, 61, 63, 63, 41, 52, 39, 63, 59, 82, 59, 59, 52, 64, 34, 64, 84,
  ]),
};
/** The ellipsis: DejaVu Sans draws it exactly 1 em wide. */
const ELLIPSIS_EM = 1;

type FontWeight = keyof typeof ASCII_EM;

/**
 * A label cut to fit `widthPx` in a font of `fontPx`, ending in "…" when cut. SVG text does not
 * wrap, so long ids are shortened on the drawing and given whole in its accessible name. Each
 * character counts its own width (a W is three times an i), an East Asian wide one a whole em: a
 * name of capitals, or typed in Chinese, is cut as a usual one is, before the box's edge.
 */
export function fitText(text: string, widthPx: number, fontPx = 12, weight: FontWeight = 'regular'): string {
  const room = widthPx / fontPx;
  const widths = ASCII_EM[weight];
  let used = 0;
  for (const char of text) used += charEm(char.codePointAt(0)!, widths);
  if (used <= room) return text;
  used = ELLIPSIS_EM;
  let end = 0;
  for (const char of text) {
    used += charEm(char.codePointAt(0)!, widths);
    // One character at least, whole: a surrogate pair is never split.
    if (used > room && end > 0) break;
    end += char.length;
  }
  return `${text.slice(0, end)}…`;
}

/**
 * fitText that keeps `text`'s last characters whole when it cuts, the ellipsis before them: a
 * broker process's `/brokerId` ("broker-a-very-long…/1"), which tells a master's lane from its
 * slave's when their names are cut.
 */
export function fitTextKeepingEnd(text: string, end: string, widthPx: number, fontPx = 12, weight: FontWeight = 'regular'): string {
  if (end === '' || !text.endsWith(end) || fitText(text, widthPx, fontPx, weight) === text) return fitText(text, widthPx, fontPx, weight);
  let endEm = 0;
  for (const char of end) endEm += charEm(char.codePointAt(0)!, ASCII_EM[weight]);
  return `${fitText(text.slice(0, -end.length), widthPx - endEm * fontPx, fontPx, weight)}${end}`;
}

/** A character's width in em: ASCII as measured, East Asian wide and full-width ones and those beyond the BMP (emoji) 1, others (Latin-1 and the like) 0.7. */
function charEm(code: number, widths: Uint8Array): number {
  // The no-break space between a value and its unit (UNIT_SPACE) is as wide as a space.
  if (code === 0xa0) return widths[0]! / 100;
  if (code >= 0x20 && code < 0x7f) return widths[code - 0x20]! / 100;
  if (code < 0x1100) return 0.7;
  const wide = code <= 0x115f || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff)
    || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || code > 0xffff;
  return wide ? 1 : 0.7;
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

/**
 * A byte count: `64 KB` and `2 MB` in powers of 1024, as the page's size limits are set
 * (MAX_FRAGMENT_CHARS is 64 * 1024); from a billion bytes `1.5 GB`, and `163.1 TB` past a thousand
 * of them, in powers of 1000 as the cost budget is set (PAGE_BUDGET's 1.5e9 bytes), a tenth where
 * there is one (a link may ask for any amount: "163131.9 GB" reads as noise).
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1e9) return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
  const gigabytes = Math.round(bytes / 1e8) / 10;
  return gigabytes < 1_000 ? `${gigabytes} GB` : `${Math.round(bytes / 1e11) / 10} TB`;
}
