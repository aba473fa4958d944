/** Scales shared by the panels: how full a queue's bar is, and how wide a countdown is. */

/**
 * The fill of a queue's bar in [0, 1]: its message count against the fullest queue shown
 * beside it (linear, so twice the messages is twice the bar). An empty set fills nothing.
 * Written out rather than with d3's scaleLinear: a linear scale carries d3-interpolate,
 * d3-color and d3-format (about 8 KB gzipped) into the page for one division.
 */
export function queueFill(count: number, maxCount: number): number {
  if (!(maxCount > 0)) return 0;
  return Math.min(1, Math.max(0, count / maxCount));
}

/** A fraction as a CSS percentage with one decimal, e.g. 0.5 -> "50.0%". */
export function percent(fraction: number): string {
  return `${(Math.min(1, Math.max(0, fraction)) * 100).toFixed(1)}%`;
}

/**
 * A fraction as the transform of a bar drawn at full width and scaled from its left end, e.g.
 * 0.5 -> "scaleX(0.5)". A transform changes no layout (a width would lay out the panel again on
 * every frame of a playing run) and its transition runs off the main thread. Three decimals: a
 * thousandth of a bar is less than a pixel.
 */
export function barTransform(fraction: number): string {
  return `scaleX(${Math.round(Math.min(1, Math.max(0, fraction)) * 1_000) / 1_000})`;
}
