/**
 * The one binary search of the simulation's sorted sequences (the trace in time order, a
 * ConsumeQueue by store time, a CommitLog by physical offset): the first index whose key is
 * at or after a value. The sequences are read through an accessor because each is stored its
 * own way (trace segments, append logs).
 */

/** First index in [0, length) whose key is >= value, or length when none is. */
export function lowerBound(length: number, keyAt: (index: number) => number, value: number): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (keyAt(mid) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
