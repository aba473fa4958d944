/**
 * How much larger than its layout the topology is drawn: a wide panel draws it larger (boxes,
 * queue cells and text together) as far as the height left in the window allows, and
 * presentation mode asks for a minimum, which yields to the height too: a drawing whose legend
 * falls off the projector's screen reads as broken. The layout is computed at width / scale,
 * which stays at least WIDE_MIN_WIDTH, so a larger drawing never turns narrow.
 */
import { WIDE_MIN_WIDTH } from './topology-layout.ts';

/** The width at which the drawing is shown at its layout's size. */
export const BASE_WIDTH = 960;
export const MAX_SCALE = 1.6;

/** Steps of 0.05: a few pixels more or less of room do not lay the drawing out again. */
const step = (scale: number) => Math.floor(scale * 20) / 20;

/**
 * The scale for a panel `width` px wide with `room` px of window height left for the drawing;
 * heightAt gives the layout's height at a layout width.
 */
export function topologyScale(width: number, heightAt: (layoutWidth: number) => number, room: number, minimum = 1): number {
  const widest = width / WIDE_MIN_WIDTH;
  if (widest < 1) return 1;
  const want = Math.min(widest, MAX_SCALE, Math.max(minimum, width / BASE_WIDTH));
  if (want <= 1) return 1;
  return Math.max(1, step(Math.min(want, room / heightAt(width / want))));
}
