/** How npm run bench times a workload (test/bench/run.ts and its children); their medians are browser-play.ts's. */

/** CPU seconds this process has used (every thread: the GC's helpers count too). */
function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/**
 * Events per CPU second of `runs` timed runs of a workload after one warm-up run. CPU time rather
 * than wall time, so that other processes on a busy machine do not count against a figure.
 */
export function rate(run: () => number, runs: number): number[] {
  run();
  const rates: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = cpuSeconds();
    const events = run();
    rates.push(events / (cpuSeconds() - start));
  }
  return rates;
}
