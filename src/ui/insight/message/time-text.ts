/**
 * A time a person types for the topic query's range, read the way the page writes times
 * (formatTime: `m:ss.mmm`, `h:mm:ss.mmm`): `1:30`, `1:30.250`, `1:02:03`, minutes past 59
 * (`90:00`), or plain seconds `90`, `90.25`. Anything else is not a time (null), so the form can
 * say so instead of guessing.
 */
const HOURS = /^(\d{1,3}):([0-5]\d):([0-5]\d)(?:\.(\d{1,3}))?$/;
const CLOCK = /^(\d{1,4}):([0-5]\d)(?:\.(\d{1,3}))?$/;
const SECONDS = /^(\d{1,6})(?:\.(\d{1,3}))?$/;

function millis(fraction: string | undefined): number {
  return fraction === undefined ? 0 : Number(fraction.padEnd(3, '0'));
}

export function parseTimeText(text: string): number | null {
  const trimmed = text.trim();
  const hours = HOURS.exec(trimmed);
  if (hours) return Number(hours[1]) * 3_600_000 + Number(hours[2]) * 60_000 + Number(hours[3]) * 1_000 + millis(hours[4]);
  const clock = CLOCK.exec(trimmed);
  if (clock) return Number(clock[1]) * 60_000 + Number(clock[2]) * 1_000 + millis(clock[3]);
  const seconds = SECONDS.exec(trimmed);
  if (seconds) return Number(seconds[1]) * 1_000 + millis(seconds[2]);
  return null;
}
