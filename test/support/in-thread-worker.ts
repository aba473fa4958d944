/**
 * The simulation's worker without a thread (vitest has no Worker): the same RunService behind
 * the same WorkerPort, every message structured-cloned and delivered on a later task both ways,
 * as a Worker would.
 */
import type { WorkerPort } from '../../src/store/remote-run.ts';
import type { FromWorker, ToWorker } from '../../src/store/worker/protocol.ts';
import { RunService } from '../../src/store/worker/run-service.ts';

/** `clock` is the worker's wall clock: a test whose assertion hangs on a wall-clock period may hold it still. */
export function inThreadWorker(clock: () => number = () => performance.now()): WorkerPort & { posted: FromWorker[] } {
  const posted: FromWorker[] = [];
  const port: WorkerPort & { posted: FromWorker[] } = {
    posted,
    onmessage: null,
    postMessage: (message: ToWorker) => {
      const copy = structuredClone(message);
      setTimeout(() => service.handle(copy), 0);
    },
  };
  const service = new RunService({
    post: (message) => {
      const copy = structuredClone(message);
      posted.push(copy);
      setTimeout(() => port.onmessage?.({ data: copy } as MessageEvent<FromWorker>), 0);
    },
    later: (work) => setTimeout(work, 0),
    clock,
  });
  return port;
}
