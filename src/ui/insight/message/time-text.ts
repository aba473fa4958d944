/**
 * A time a person types for the topic query's range, read the way the page writes times
 * (formatTime: `m:ss.mmm`): `1:30`, `1:30.250`, or plain seconds `90`, `90.25`. Anything else
 * is not a time (null), so the form can say so instead of guessing.
 */
const CLOCK = /^(\d{1,4}):([0-5]\d)(?:\.(\d{1,3}))?$/;
const SECONDS = /^(\d{1,6})(?:\.(\d{1,3}))?$/;

function millis(fraction: string | undefined): number {
  return fraction === undefined ? 0 : Number(fraction.padEnd(3, '0'));
}

export function parseTimeText(text: string): number | null {
  const trimmed = text.trim();
  const clock = CLOCK.exec(trimmed);
  if (clock) return Number(clock[1]) * 60_000 + Number(clock[2]) * 1_000 + millis(clock[3]);
  const seconds = SECONDS.exec(trimmed);
  if (seconds) return Number(seconds[1]) * 1_000 + millis(seconds[2]);
  return null;
}
