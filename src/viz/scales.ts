/** Scales shared by the panels: how full a queue's bar is, and how wide a countdown is. */
import { scaleLinear } from 'd3-scale';

/**
 * The fill of a queue's bar in [0, 1]: its message count against the fullest queue shown
 * beside it (linear, so twice the messages is twice the bar). An empty set fills nothing.
 */
export function queueFill(count: number, maxCount: number): number {
  if (!(maxCount > 0)) return 0;
  return scaleLinear().domain([0, maxCount]).range([0, 1]).clamp(true)(count);
}

/** A fraction as a CSS percentage with one decimal, e.g. 0.5 -> "50.0%". */
export function percent(fraction: number): string {
  return `${(Math.min(1, Math.max(0, fraction)) * 100).toFixed(1)}%`;
}
