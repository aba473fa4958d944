/**
 * A play frame waits in the worker until the page has drawn the one before (the `drawn` message):
 * a large run's frame costs the page more than a frame's time, and frames posted regardless piled
 * up in its queue, each applied and rendered, seconds behind the run. The frame sent when the page
 * has drawn is of the run as it is then, its diff bringing the changes of every move since. A
 * frame that answers a command (a settle, a step, a seek's end) never waits.
 */
import type { FromWorker } from '../../../src/store/worker/protocol.ts';
import { RemoteRun, type WorkerPort } from '../../../src/store/remote-run.ts';
import { writeReadScenario } from '../../component/panels/scenarios.ts';
import { heldRunService } from '../../support/held-run-service.ts';

function service() {
  const worker = heldRunService();
  const playTo = (target: number) => {
    worker.run.handle({ type: 'move', version: 1, target, kind: 'play' });
    worker.drain();
  };
  return { ...worker, playTo };
}

describe('play frames and the page drawing them', () => {
  const scenario = writeReadScenario({ durationMs: 60_000 });

  it('holds play frames while the page has not drawn the last one, then sends one of the latest moment', () => {
    const worker = service();
    worker.load(scenario);
    expect(worker.frames()).toHaveLength(1);
    worker.playTo(100);
    worker.playTo(200);
    worker.playTo(300);
    // The load's frame is not drawn yet: the three moves are simulated, none of them sent.
    expect(worker.frames()).toHaveLength(1);
    worker.run.handle({ type: 'drawn', frames: 1 });
    expect(worker.frames().map((message) => [message.frame.timeMs, message.move])).toEqual([
      [0, null],
      [300, { target: 300, kind: 'play', done: true }],
    ]);
    // One frame in flight again: the next waits for it.
    worker.playTo(400);
    expect(worker.frames()).toHaveLength(2);
    worker.run.handle({ type: 'drawn', frames: 2 });
    expect(worker.frames().at(-1)!.frame.timeMs).toBe(400);
  });

  it('sends a frame that answers a command at once, drawn or not, and it takes the place of the play frame held', () => {
    const worker = service();
    worker.load(scenario);
    worker.playTo(500);
    worker.run.handle({ type: 'settle', version: 1, atMs: 500 });
    expect(worker.frames().map((message) => [message.frame.timeMs, message.move, message.resting])).toEqual([
      [0, null, true],
      [500, null, true],
    ]);
    worker.run.handle({ type: 'drawn', frames: 2 });
    expect(worker.frames()).toHaveLength(2);
  });

  it('does not count `drawn` as a command: the frames still say how many commands the worker handled', () => {
    const worker = service();
    worker.load(scenario);
    worker.run.handle({ type: 'drawn', frames: 1 });
    worker.run.handle({ type: 'step', version: 1, direction: 'forward' });
    expect(worker.frames().at(-1)!.handled).toBe(2);
  });
});

describe('the page saying it has drawn', () => {
  it('says so once per animation frame, with every frame received so far', () => {
    const sent: unknown[] = [];
    const port: WorkerPort = { postMessage: (message) => sent.push(message), onmessage: null };
    const paints: (() => void)[] = [];
    const run = new RemoteRun(port, { frame: () => undefined, progress: () => undefined, failed: () => undefined }, (work) => paints.push(work));
    run.load(writeReadScenario({ durationMs: 60_000 }), 0);
    const worker = service();
    worker.load(writeReadScenario({ durationMs: 60_000 }));
    const frame = worker.frames()[0]!;
    port.onmessage!({ data: frame } as MessageEvent<FromWorker>);
    port.onmessage!({ data: { ...frame, handled: 1 } } as MessageEvent<FromWorker>);
    expect(paints).toHaveLength(1);
    expect(sent.filter((message) => (message as { type: string }).type === 'drawn')).toEqual([]);
    paints.shift()!();
    expect(sent.filter((message) => (message as { type: string }).type === 'drawn')).toEqual([{ type: 'drawn', frames: 2 }]);
  });
});
