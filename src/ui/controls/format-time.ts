/** Virtual time as the page shows it: `m:ss.mmm` (minutes keep counting past 59). */
export function formatTime(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const minutes = Math.floor(total / 60_000);
  const seconds = Math.floor((total % 60_000) / 1_000);
  const millis = total % 1_000;
  return `${minutes}:${String(seconds).padStart(2, '0')}.${String(millis).padStart(3, '0')}`;
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
