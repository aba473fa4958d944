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

/**
 * Presenting, a panel narrower than WIDE_MIN_WIDTH down to this share of it (a 1024 px projector at
 * 150 %: 617 px) draws the wide layout smaller rather than the stacked one, which was taller than
 * the window: producers, brokers and consumers were never on screen together. Narrower than this
 * (a phone) the wide layout's text would be too small: the drawing stacks.
 */
export const KEEP_WIDE_MIN_SHARE = 0.75;

/**
 * Presenting, the canvas's text is drawn at least this much larger than on the page (a detail line
 * 11 px -> 13.75 px, a name 12.5 px -> 15.6 px) where the drawing itself cannot be (topologyScale:
 * the window's height, or a panel beside the inspector, holds it at 1): the type on a projector
 * grew everywhere but on the canvas. Also the most the text grows inside its boxes: a name and its
 * status line still fit a 40 px box above its queue cells.
 */
export const PRESENTING_TEXT_MIN = 1.25;

/** How much larger than its layout's type the canvas's text is drawn inside a drawing shown at `scale`. */
export function canvasTextZoom(scale: number, presenting: boolean): number {
  if (!presenting) return 1;
  return Math.min(PRESENTING_TEXT_MIN, Math.max(1, Math.ceil((PRESENTING_TEXT_MIN / scale) * 100) / 100));
}

/** Steps of 0.05: a few pixels more or less of room do not lay the drawing out again. */
const step = (scale: number) => Math.floor(scale * 20) / 20;

/**
 * The scale for a panel `width` px wide with `room` px of window height left for the drawing;
 * heightAt gives the layout's height at a layout width. With `keepWide` (presenting) a panel a
 * little narrower than the wide layout draws it smaller (KEEP_WIDE_MIN_SHARE).
 */
export function topologyScale(width: number, heightAt: (layoutWidth: number) => number, room: number, minimum = 1, keepWide = false): number {
  const widest = width / WIDE_MIN_WIDTH;
  // Rounded down, so the layout's width (width / scale) is WIDE_MIN_WIDTH or more, never a hair under.
  if (widest < 1) return keepWide && widest >= KEEP_WIDE_MIN_SHARE ? Math.floor(widest * 1000) / 1000 : 1;
  const want = Math.min(widest, MAX_SCALE, Math.max(minimum, width / BASE_WIDTH));
  if (want <= 1) return 1;
  return Math.max(1, step(Math.min(want, room / heightAt(width / want))));
}
