/**
 * Round values for an axis: steps of 1, 2 or 5 times a power of ten, about `count` of them
 * between low and high (d3-array's ticks, written out: d3-scale's linear scale would carry
 * d3-interpolate and d3-format into the chunk for one division).
 */
export function niceStep(low: number, high: number, count: number): number {
  const span = high - low;
  if (!(span > 0) || !(count > 0)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

export function niceTicks(low: number, high: number, count: number): number[] {
  const step = niceStep(low, high, count);
  const ticks: number[] = [];
  // + 0: a low below 0 starts i at -0, which would print as "-0".
  for (let i = Math.ceil(low / step); i * step <= high; i++) ticks.push(i * step + 0);
  return ticks;
}

/** A linear map from [d0, d1] to [r0, r1]; a zero-width domain maps to the middle. */
export function linear(d0: number, d1: number, r0: number, r1: number): (value: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * k;
}
