/**
 * The page's side of a relative move with the run in the worker (src/store/playback.ts jump): the
 * worker works out the target from where its run is going, the store takes the target the worker
 * says, and the playhead comes to rest there, even when the page has not yet seen the frame of
 * the step or the seek before it.
 */
import { Timeline } from '../../../src/sim/timeline.ts';
import { getTimeline, runInWorker, usePlayback } from '../../../src/store/playback.ts';
import { RemoteRun } from '../../../src/store/remote-run.ts';
import { writeReadScenario } from '../../component/panels/scenarios.ts';
import { inThreadWorker } from '../../support/in-thread-worker.ts';
import { settledAt } from '../../support/store-settled.ts';

describe('a jump by a time, with the run in the worker', () => {
  runInWorker((listener) => new RemoteRun(inThreadWorker(), listener));
  const scenario = writeReadScenario({ durationMs: 120_000 });

  it('counts from the moment a step back reached, pressed before its frame has arrived', async () => {
    usePlayback.getState().loadScenario(scenario, 30_000);
    await settledAt(30_000);
    const local = new Timeline(scenario);
    local.seek(30_000);
    const back = local.previousTraceTime();
    usePlayback.getState().step('back');
    usePlayback.getState().jump(10_000);
    await settledAt(back + 10_000);
    expect(usePlayback.getState()).toMatchObject({ timeMs: back + 10_000, seekTarget: null, seekProgress: null });
  });

  it('a step pressed during a long seek is taken from its target: the seek shows its progress until the step\'s moment', async () => {
    const local = new Timeline(scenario);
    local.seek(100_000);
    const back = local.previousTraceTime();
    usePlayback.getState().loadScenario(scenario, 0);
    await settledAt(0);
    usePlayback.getState().requestSeek(100_000);
    usePlayback.getState().step('back');
    expect(usePlayback.getState()).toMatchObject({ seekTarget: 100_000, playing: false });
    await vi.waitFor(() => expect([usePlayback.getState().timeMs, usePlayback.getState().seekTarget]).toEqual([back, null]));
    expect(getTimeline()!.now).toBe(back);
  });

  it('adds up quick presses and stays within the run', async () => {
    usePlayback.getState().loadScenario(scenario, 20_000);
    await settledAt(20_000);
    for (let i = 0; i < 3; i++) usePlayback.getState().jump(10_000);
    await settledAt(50_000);
    usePlayback.getState().jump(100_000);
    await settledAt(120_000);
    usePlayback.getState().jump(-500_000);
    await settledAt(0);
    expect(usePlayback.getState().seekTarget).toBeNull();
  });
});
