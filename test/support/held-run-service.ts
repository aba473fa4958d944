/**
 * The worker's RunService (src/store/worker/run-service.ts) held by a test: what it posts, and the
 * work it puts off for later run only when the test says (`drain`, `chunks`), so commands can
 * arrive while a move is under way; `clock.now` is the wall time it reads.
 */
import type { Scenario } from '../../src/sim/index.ts';
import type { FromWorker } from '../../src/store/worker/protocol.ts';
import { RunService } from '../../src/store/worker/run-service.ts';

export function heldRunService() {
  const posted: FromWorker[] = [];
  const later: (() => void)[] = [];
  const clock = { now: 0 };
  const run = new RunService({ post: (message) => posted.push(message), later: (work) => later.push(work), clock: () => clock.now });
  /** Runs every chunk put off, those the chunks add included. */
  const drain = () => {
    for (let work = later.shift(); work; work = later.shift()) work();
  };
  return {
    run,
    posted,
    clock,
    drain,
    /** Loads the scenario (version 1) and builds its run up to `atMs`. */
    load: (scenario: Scenario, atMs = 0) => {
      run.handle({ type: 'load', version: 1, scenario, atMs });
      drain();
    },
    /** Runs up to n chunks of the move under way; returns how many it ran. */
    chunks: (n: number) => {
      let ran = 0;
      for (; ran < n && later.length > 0; ran++) later.shift()!();
      return ran;
    },
    frames: () => posted.flatMap((message) => (message.type === 'frame' ? [message] : [])),
  };
}
