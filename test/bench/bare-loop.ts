/**
 * The baseline every figure is divided by: a bare discrete-event loop over a binary heap of
 * (time, sequence) in typed arrays, no event objects, no dispatch.
 */
export function bareLoop(pending: number, events: number, seed: number): number {
  let capacity = 1;
  while (capacity < pending + 1) capacity *= 2;
  const times = new Float64Array(capacity);
  const seqs = new Float64Array(capacity);
  let size = 0;
  let seq = 0;
  let rng = seed >>> 0;
  const nextDelay = () => {
    rng = (Math.imul(rng, 1664525) + 1013904223) >>> 0;
    return 1 + (rng % 1000);
  };
  const push = (time: number) => {
    let i = size++;
    const s = seq++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (times[parent]! < time || (times[parent] === time && seqs[parent]! < s)) break;
      times[i] = times[parent]!;
      seqs[i] = seqs[parent]!;
      i = parent;
    }
    times[i] = time;
    seqs[i] = s;
  };
  const pop = (): number => {
    const top = times[0]!;
    const last = --size;
    const time = times[last]!;
    const s = seqs[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && (times[child + 1]! < times[child]! || (times[child + 1] === times[child] && seqs[child + 1]! < seqs[child]!))) child++;
      if (time < times[child]! || (time === times[child] && s < seqs[child]!)) break;
      times[i] = times[child]!;
      seqs[i] = seqs[child]!;
      i = child;
    }
    times[i] = time;
    seqs[i] = s;
    return top;
  };
  for (let i = 0; i < pending; i++) push(nextDelay());
  let checksum = 0;
  for (let i = 0; i < events; i++) {
    const now = pop();
    checksum += now;
    push(now + nextDelay());
  }
  return checksum;
}
