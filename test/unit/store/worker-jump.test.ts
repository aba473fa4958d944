/**
 * A relative move (+10 s, -10 s) is the worker's: it counts from where the worker's run is going,
 * not from the playhead the page shows, which lags behind a step or a seek until its frame has
 * arrived. The worker says the target it chose at once, and the move's frames carry it.
 */
import type { ToWorker } from '../../../src/store/worker/protocol.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import { writeReadScenario } from '../../component/panels/scenarios.ts';
import { heldRunService } from '../../support/held-run-service.ts';

/** The service with its chunks run only when `drain` is called: commands can arrive while a move is under way. */
function service() {
  const worker = heldRunService();
  return {
    ...worker,
    send: (message: ToWorker) => worker.run.handle(message),
    lastFrame: () => worker.posted.filter((message) => message.type === 'frame').at(-1)!,
  };
}

describe('a jump by a time in the worker', () => {
  const scenario = writeReadScenario({ durationMs: 120_000 });

  it('counts from the time a step back reached, before the page has seen its frame', () => {
    const worker = service();
    worker.load(scenario, 30_000);
    worker.send({ type: 'step', version: 1, direction: 'back' });
    const local = new Timeline(scenario);
    local.seek(30_000);
    const back = local.previousTraceTime();
    expect(back).toBeLessThan(30_000);
    worker.send({ type: 'jump', version: 1, byMs: 10_000 });
    expect(worker.posted.at(-1)).toEqual({ type: 'progress', version: 1, target: back + 10_000, timeMs: back });
    worker.drain();
    const frame = worker.lastFrame();
    expect(frame.type === 'frame' && [frame.frame.timeMs, frame.move]).toEqual([back + 10_000, { target: back + 10_000, kind: 'seek', done: true }]);
  });

  it('counts from the target of a seek still under way, and stays within the run', () => {
    const worker = service();
    worker.send({ type: 'load', version: 1, scenario, atMs: 0 });
    worker.send({ type: 'move', version: 1, target: 100_000, kind: 'seek' });
    worker.send({ type: 'jump', version: 1, byMs: 10_000 });
    worker.send({ type: 'jump', version: 1, byMs: 30_000 });
    expect(worker.posted.at(-1)).toMatchObject({ type: 'progress', target: 120_000 });
    worker.send({ type: 'jump', version: 1, byMs: -150_000 });
    expect(worker.posted.at(-1)).toMatchObject({ type: 'progress', target: 0 });
    worker.drain();
    const frame = worker.lastFrame();
    expect(frame.type === 'frame' && frame.frame.timeMs).toBe(0);
  });

  it('a step during a seek is taken from its target, however far the seek had come, and the frame ending the seek shows it', () => {
    const local = new Timeline(scenario);
    local.seek(100_000);
    const back = local.previousTraceTime();
    local.seek(100_000);
    const forward = local.seekNextTraceEvent();
    expect([back < 100_000, forward > 100_000]).toEqual([true, true]);
    for (const [direction, expected] of [['back', back], ['forward', forward]] as const) {
      for (const chunksFirst of [0, 2]) {
        const worker = service();
        worker.send({ type: 'load', version: 1, scenario, atMs: 0 });
        worker.send({ type: 'move', version: 1, target: 100_000, kind: 'seek' });
        const chunks = worker.chunks(chunksFirst);
        worker.send({ type: 'step', version: 1, direction });
        worker.drain();
        const frames = worker.posted.filter((message) => message.type === 'frame').slice(1);
        expect(frames.map((frame) => [frame.frame.timeMs, frame.move, frame.resting]), `${direction} after ${chunks} chunks`)
          .toEqual([[expected, { target: 100_000, kind: 'seek', done: true }, true]]);
      }
    }
  });

  it('a new move or a jump replaces the seek a step waited for, and the step with it', () => {
    const worker = service();
    worker.send({ type: 'load', version: 1, scenario, atMs: 100_000 });
    worker.send({ type: 'step', version: 1, direction: 'back' });
    worker.send({ type: 'move', version: 1, target: 0, kind: 'seek' });
    worker.drain();
    expect(worker.lastFrame().type === 'frame' && worker.lastFrame().frame.timeMs).toBe(0);
  });

  it('is ignored for a run the page has replaced', () => {
    const worker = service();
    worker.send({ type: 'load', version: 2, scenario, atMs: 0 });
    const before = worker.posted.length;
    worker.send({ type: 'jump', version: 1, byMs: 10_000 });
    expect(worker.posted.length).toBe(before);
  });
});
