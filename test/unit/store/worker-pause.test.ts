/**
 * Pausing a run that plays in the worker (in-thread here: test/support/in-thread-worker.ts): the
 * page's frames trail the worker's moves by a message, so when the person pauses the worker may
 * be past the moment shown (a play move on its way), or the driver may have asked for a moment
 * short of it (counting from a late frame). Either way the pause lands on the moment shown, once:
 * the playhead, the caption and the address never change after it (docs/worker.md, Messages).
 */
import { Timeline } from '../../../src/sim/timeline.ts';
import { getRemoteRun, getTimeline, runInWorker, usePlayback } from '../../../src/store/playback.ts';
import { RemoteRun } from '../../../src/store/remote-run.ts';
import type { FromWorker } from '../../../src/store/worker/protocol.ts';
import { writeReadScenario } from '../../component/panels/scenarios.ts';
import { inThreadWorker } from '../../support/in-thread-worker.ts';
import { settledAt } from '../../support/store-settled.ts';

describe('a pause with the run in the worker', () => {
  const scenario = writeReadScenario({ durationMs: 20_000 });
  // The worker's clock stands still: play frames carry no summary (PLAY_SUMMARY_EVERY_MS of wall
  // time never passes), so only a settled frame changes the store's summaryMs.
  const port = inThreadWorker(() => 0);
  /** While not null, the worker's messages wait here instead of reaching the page: frames on their way. */
  let onTheirWay: MessageEvent<FromWorker>[] | null = null;
  runInWorker((listener) => {
    const run = new RemoteRun(port, listener);
    const receive = port.onmessage!;
    port.onmessage = (event) => (onTheirWay ? onTheirWay.push(event) : receive(event));
    return run;
  });
  /**
   * The page asks for a move; once the worker has made a frame for it (at one of `made`), and
   * before the page has it, the person pauses. Then the frames on their way arrive.
   */
  async function pauseWithFrameOnItsWay(ask: () => void, made: number[]): Promise<void> {
    const since = port.posted.length;
    onTheirWay = [];
    ask();
    await vi.waitFor(() => expect(frameTimes(since).some((t) => made.includes(t))).toBe(true));
    usePlayback.getState().setPlaying(false);
    const arriving = onTheirWay;
    onTheirWay = null;
    for (const event of arriving) port.onmessage!(event);
    await rested();
  }

  const rested = () => vi.waitFor(() => expect(getRemoteRun()!.resting).toBe(true));
  const frameTimes = (since: number) => port.posted.slice(since).flatMap((message: FromWorker) => (message.type === 'frame' ? [message.frame.timeMs] : []));

  /** Every playhead the store takes, and the moment the view holds with it, until stopped. */
  function watch(): { seen: [number, number][]; stop: () => void } {
    const seen: [number, number][] = [];
    const stop = usePlayback.subscribe((state, previous) => {
      if (state.timeMs !== previous.timeMs || state.summaryMs !== previous.summaryMs) seen.push([state.timeMs, getTimeline()!.now]);
    });
    return { seen, stop };
  }

  async function playingAt(t: number): Promise<void> {
    usePlayback.getState().loadScenario(scenario, 5_000);
    await settledAt(5_000);
    usePlayback.getState().setPlaying(true);
    usePlayback.getState().playTo(t);
    await settledAt(t);
  }

  it('lands on the moment shown when a play move is still on its way', async () => {
    await playingAt(6_000);
    const sent = port.posted.length;
    const watching = watch();
    // The driver's next frame asked for 0:07; the worker has made its frame when the person,
    // seeing 0:06, pauses.
    await pauseWithFrameOnItsWay(() => usePlayback.getState().playTo(7_000), [7_000]);
    watching.stop();

    // The worker went on to 0:07 (its frame was on its way), then back to the moment shown.
    expect(frameTimes(sent)).toEqual([7_000, 6_000]);
    // The playhead never moved, and the view never held a moment the playhead did not show.
    expect(watching.seen).toEqual([[6_000, 6_000]]);
    expect(usePlayback.getState()).toMatchObject({ timeMs: 6_000, summaryMs: 6_000, playing: false });
    const local = new Timeline(scenario);
    local.seek(6_000);
    expect(getTimeline()!.summary()).toEqual(local.summary());
    expect(getTimeline()!.traceLength).toBe(local.traceLength);
  });

  it('never goes back while playing, and a pause lands on the moment shown, not the driver\'s short target', async () => {
    await playingAt(7_000);
    const watching = watch();
    // A frame came late: the driver counted from the playhead before it and asked for a moment
    // 2 ms short of the one the run had reached and the page now shows (src/ui/controls/driver.ts).
    usePlayback.getState().playTo(6_998);
    await rested();
    expect(usePlayback.getState().timeMs).toBe(7_000);
    usePlayback.getState().playTo(7_500);
    await settledAt(7_500);

    // Paused with the frame of such a short target on its way: the pause lands on 0:07.500, once.
    await pauseWithFrameOnItsWay(() => usePlayback.getState().playTo(7_480), [7_480, 7_500]);
    watching.stop();
    expect(watching.seen.map(([timeMs]) => timeMs)).toEqual([7_500, 7_500]);
    expect(watching.seen.every(([timeMs, viewNow]) => timeMs === viewNow)).toBe(true);
    expect(usePlayback.getState()).toMatchObject({ timeMs: 7_500, summaryMs: 7_500 });
  });

  it('lands where a seek was going when the person pauses before its frame has come', async () => {
    await playingAt(6_000);
    // A click on the scrubber while playing: the worker has reached 0:15 when the person pauses.
    await pauseWithFrameOnItsWay(() => usePlayback.getState().requestSeek(15_000), [15_000]);
    expect(usePlayback.getState()).toMatchObject({ timeMs: 15_000, summaryMs: 15_000, seekTarget: null, playing: false });
    expect(getTimeline()!.now).toBe(15_000);
  });
});
