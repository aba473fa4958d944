/**
 * Moving dots as a pure function of virtual time. A trace event that happened at te is drawn
 * travelling its link while te <= t <= te + flight, at progress (t - te) / flight. Only the
 * trace up to t exists at t, so a dot starts when its event happens; scrubbing back to any t
 * shows the same dots again because nothing else goes into the picture.
 */

/** Virtual length of a flight: about half a second of wall time at the current speed. */
const FLIGHT_WALL_MS = 500;
export const MIN_FLIGHT_MS = 250;
export const MAX_FLIGHT_MS = 30_000;

/**
 * At speed 1 a flight lasts 500 virtual ms; at speed 100 it lasts 30 virtual seconds (capped),
 * so dots stay visible for about the same wall time whatever the speed.
 */
export function flightWindowMs(speed: number): number {
  const wanted = FLIGHT_WALL_MS * (speed > 0 ? speed : 1);
  return Math.round(Math.min(MAX_FLIGHT_MS, Math.max(MIN_FLIGHT_MS, wanted)));
}

/** Progress in [0, 1] of the dot of an event at eventMs, or null when it is not in flight at timeMs. */
export function flightProgress(eventMs: number, timeMs: number, flightMs: number): number | null {
  if (timeMs < eventMs || timeMs > eventMs + flightMs) return null;
  return flightMs > 0 ? (timeMs - eventMs) / flightMs : 1;
}

/**
 * Where a dot is drawn along its link for someone who asked for less motion
 * (prefers-reduced-motion): at its start for the first half of its flight, then at its end. It
 * jumps once instead of gliding, and still shows where the message went.
 */
export function jumpProgress(progress: number): number {
  return progress < 0.5 ? 0 : 1;
}

/** Opacity of a dot: full while travelling, fading over the last fifth of its flight. */
export function dotOpacity(progress: number): number {
  return progress < 0.8 ? 1 : Math.max(0, (1 - progress) / 0.2);
}
