/**
 * The simulation's Web Worker: it owns the run (src/store/worker/run-service.ts) so that the
 * page never waits on a long simulation. Bundled by Vite from `new Worker(new URL(...))` in
 * src/store/remote-run.ts.
 */
import type { FromWorker, ToWorker } from './protocol.ts';
import { RunService } from './run-service.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = globalThis as unknown as WorkerScope;
// A message to itself runs the next chunk after the page's messages (setTimeout would wait 4 ms).
const channel = new MessageChannel();
let pending: (() => void) | null = null;
channel.port1.onmessage = () => {
  const work = pending;
  pending = null;
  work?.();
};

const service = new RunService({
  post: (message) => scope.postMessage(message),
  later: (work) => {
    pending = work;
    channel.port2.postMessage(null);
  },
  clock: () => performance.now(),
});
scope.onmessage = (event) => service.handle(event.data);
