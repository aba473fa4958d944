/**
 * While a run plays in the worker, its frames carry the summary (the counters of the summary bar
 * and the queue grid) at most every PLAY_SUMMARY_EVERY_MS of wall time: the counters run while
 * playing, and summing up is not paid at every frame. Settled frames always carry it.
 */
import { PLAY_SUMMARY_EVERY_MS } from '../../../src/store/worker/run-service.ts';
import { writeReadScenario } from '../../component/panels/scenarios.ts';
import { heldRunService } from '../../support/held-run-service.ts';

function service() {
  const worker = heldRunService();
  /** Plays to `target` at wall time `wallMs` and returns whether its frame brought a summary, and of which time. */
  const playAt = (wallMs: number, target: number) => {
    worker.clock.now = wallMs;
    worker.run.handle({ type: 'move', version: 1, target, kind: 'play' });
    worker.drain();
    // The page draws each frame before the next play frame comes (RunService.sendFrame).
    worker.run.handle({ type: 'drawn', frames: worker.frames().length });
    const frame = worker.frames().at(-1)!;
    return [frame.frame.timeMs, frame.frame.summary !== undefined];
  };
  return { ...worker, playAt };
}

describe('the summary while a run plays in the worker', () => {
  const scenario = writeReadScenario({ durationMs: 60_000 });

  it('comes with a play frame once PLAY_SUMMARY_EVERY_MS has passed since the last, not with every frame', () => {
    const worker = service();
    worker.load(scenario, 1_000);
    const frames = [
      worker.playAt(16, 1_016),
      worker.playAt(PLAY_SUMMARY_EVERY_MS - 1, 1_032),
      worker.playAt(PLAY_SUMMARY_EVERY_MS, 1_048),
      worker.playAt(PLAY_SUMMARY_EVERY_MS + 16, 1_064),
      worker.playAt(2 * PLAY_SUMMARY_EVERY_MS, 1_080),
    ];
    expect(frames).toEqual([[1_016, false], [1_032, false], [1_048, true], [1_064, false], [1_080, true]]);
  });

  it('comes at once when playing stops, whatever the wall time', () => {
    const worker = service();
    worker.load(scenario, 1_000);
    expect(worker.playAt(16, 1_016)).toEqual([1_016, false]);
    worker.run.handle({ type: 'settle', version: 1, atMs: 1_016 });
    const last = worker.posted.at(-1)!;
    expect(last.type === 'frame' && [last.frame.timeMs, last.frame.summary !== undefined, last.move]).toEqual([1_016, true, null]);
  });
});
