// @vitest-environment jsdom
/**
 * The address during a long seek with the run in the worker: it says where the playhead is going
 * (the seek's target) while the seek runs, and the moment the page rests at once it is called off:
 * Home during a long jump left the jump's target in the address while the page showed 0:00.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { getRemoteRun, runInWorker, usePlayback } from '../../../src/store/playback.ts';
import { RemoteRun } from '../../../src/store/remote-run.ts';
import { commandNamed } from '../../../src/ui/commands.ts';
import { startUrlSync, URL_SYNC_MS } from '../../../src/ui/controls/url-sync.ts';
import { inThreadWorker } from '../../support/in-thread-worker.ts';
import { writeReadScenario } from '../panels/scenarios.ts';

describe('the address during a long seek in the worker', () => {
  runInWorker((listener) => new RemoteRun(inThreadWorker(), listener));
  const stop = startUrlSync();
  afterAll(stop);
  // An hour's run: the seek to 50:00 takes the in-thread worker a second or more.
  const scenario = writeReadScenario({ durationMs: 3_600_000 });
  const addressTime = () => /&t=(\d+)/.exec(window.location.hash)?.[1];

  it('says the target while the seek runs, and 0 once Home has called it off at the 0:00 shown', async () => {
    usePlayback.getState().loadScenario(scenario, 3_000_000);
    await vi.waitFor(() => expect(addressTime()).toBe('3000000'), { timeout: 5_000 });
    // Still simulating, the playhead at 0:00: the case where Home changes nothing on screen.
    expect(usePlayback.getState()).toMatchObject({ timeMs: 0, seekTarget: 3_000_000 });
    expect(getRemoteRun()!.resting).toBe(false);
    commandNamed('restart').perform();
    await vi.waitFor(() => expect([getRemoteRun()!.resting, usePlayback.getState().seekTarget]).toEqual([true, null]), { timeout: 5_000 });
    expect(usePlayback.getState().timeMs).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 2 * URL_SYNC_MS));
    expect(addressTime()).toBe('0');
  });
});
