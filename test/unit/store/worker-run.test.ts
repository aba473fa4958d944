/**
 * The store with its run in the simulation's worker (in-thread here: test/support/in-thread-worker.ts):
 * every command reaches the same times and states as the run on the page does, the playhead is
 * the time of the latest frame, and queries are answered by the worker's Timeline.
 */
import { AppendLog } from '../../../src/engine/append-log.ts';
import { LEFT_IN_WORKER, LOG_TAIL } from '../../../src/sim/frame/wire.ts';
import { runSimQuery } from '../../../src/sim/queries/index.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import { getRemoteRun, getTimeline, runInWorker, usePlayback } from '../../../src/store/playback.ts';
import { RemoteRun } from '../../../src/store/remote-run.ts';
import { askSim } from '../../../src/store/sim-query.ts';
import { writeReadScenario } from '../../component/panels/scenarios.ts';
import { inThreadWorker } from '../../support/in-thread-worker.ts';
import { settledAt } from '../../support/store-settled.ts';

function canonical(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof AppendLog) return { length: value.length, tail: value.slice(Math.max(0, value.length - LOG_TAIL)).map(canonical) };
  if (value === LEFT_IN_WORKER || value.constructor?.name?.includes('MarkSet')) return 'marks';
  if (Array.isArray(value)) return value.map(canonical);
  return Object.keys(value).map((key) => [key, canonical((value as Record<string, unknown>)[key])]);
}

function expectLike(local: Timeline): void {
  const view = getTimeline()!;
  expect(view.now).toBe(local.now);
  expect(view.traceLength).toBe(local.traceLength);
  expect(canonical(view.state)).toEqual(canonical(local.state));
  expect(view.summary()).toEqual(local.summary());
  expect(view.traceSlice(view.traceStart)).toEqual(local.traceSlice(view.traceStart));
}

describe('the store with its run in a worker', () => {
  const scenario = writeReadScenario({ durationMs: 120_000 });
  const local = new Timeline(scenario);
  const port = inThreadWorker();
  runInWorker((listener) => new RemoteRun(port, listener));

  it('loads, seeks, steps, plays and answers queries like the run on the page', async () => {
    const version = usePlayback.getState().timelineVersion;
    usePlayback.getState().loadScenario(scenario, 20_000);
    // Nothing to draw until the worker's first frame: the panels keep to the version they know.
    expect(getTimeline()).toBeNull();
    expect(usePlayback.getState().seekTarget).toBe(20_000);
    await settledAt(20_000);
    expect(usePlayback.getState().timelineVersion).toBe(version + 1);
    local.seek(20_000);
    expectLike(local);

    usePlayback.getState().requestSeek(75_000);
    await settledAt(75_000);
    local.seek(75_000);
    expectLike(local);

    usePlayback.getState().step('back');
    const back = local.previousTraceTime();
    await settledAt(back);
    local.seek(back);
    expectLike(local);

    usePlayback.getState().step('forward');
    const forward = local.seekNextTraceEvent();
    await settledAt(forward);
    expectLike(local);

    // Playing, then pausing: the play move's frame leaves the summary out, pausing brings it.
    usePlayback.getState().setPlaying(true);
    expect(usePlayback.getState().playTo(forward + 500)).toBe(forward + 500);
    await settledAt(forward + 500);
    usePlayback.getState().setPlaying(false);
    await vi.waitFor(() => expect(getRemoteRun()!.resting).toBe(true));
    local.seek(forward + 500);
    expectLike(local);

    const args = { from: 10_000, to: 11_000 };
    expect(await askSim('traceWindow', args)).toEqual(runSimQuery(local, 'traceWindow', args));
    await expect(askSim('noSuchQuery' as 'traceWindow', args)).rejects.toThrow('No query is called noSuchQuery');
  });

  it('drops the frames of a run it has replaced, and ends a cancelled seek where it got to', async () => {
    usePlayback.getState().loadScenario(scenario, 0);
    usePlayback.getState().loadScenario(writeReadScenario({ durationMs: 120_000, consumers: 1 }), 0);
    await settledAt(0);
    expect(Object.keys(getTimeline()!.state.clients).sort()).toEqual(['c-1', 'p-1']);

    const before = port.posted.length;
    usePlayback.getState().requestSeek(120_000);
    usePlayback.getState().cancelSeek();
    expect(usePlayback.getState().seekTarget).toBeNull();
    // The worker ends the move where it is (it had not run a chunk yet) and says so with a frame.
    await vi.waitFor(() => expect(port.posted.length).toBeGreaterThan(before));
    const frames = port.posted.slice(before).filter((message) => message.type === 'frame');
    expect(frames.map((message) => [message.frame.timeMs, message.move])).toEqual([[0, null]]);
    await settledAt(0);
  });

  it('is resting only once the worker has answered every command with its frame and no move is under way', async () => {
    const remote = getRemoteRun()!;
    const changes: [boolean, number | undefined][] = [];
    const stop = remote.subscribeResting(() => changes.push([remote.resting, getTimeline()?.now]));
    usePlayback.getState().loadScenario(scenario, 30_000);
    expect(remote.resting).toBe(false);
    // However many frames the worker splits the seek to 0:30 into (it slices by wall time), the
    // run rests only once the frame at 0:30 has come: no frame before it reports rest.
    await settledAt(30_000);
    expect(changes).toEqual([[false, undefined], [true, 30_000]]);

    // Two steps: the first one's frame arrives while the second's is still owed.
    local.seek(30_000);
    const first = local.seekNextTraceEvent();
    const second = local.seekNextTraceEvent();
    usePlayback.getState().step('forward');
    usePlayback.getState().step('forward');
    await vi.waitFor(() => expect(remote.resting).toBe(true));
    expect(first).toBeLessThan(second);
    expect(changes.slice(2)).toEqual([[false, 30_000], [true, second]]);

    // A cancel with no move under way is answered too.
    const before = port.posted.length;
    remote.cancel();
    expect(remote.resting).toBe(false);
    await vi.waitFor(() => expect(remote.resting).toBe(true));
    expect(port.posted.slice(before).map((message) => message.type)).toEqual(['frame']);
    stop();
  });

  const shortRun = writeReadScenario({ durationMs: 20_000 });
  const framesSince = (index: number) => port.posted.slice(index).flatMap((message) => (message.type === 'frame' ? [message] : []));

  it('pausing shows the summary of the paused time, at the time already shown', async () => {
    usePlayback.getState().loadScenario(shortRun, 5_000);
    await settledAt(5_000);
    const before = port.posted.length;
    usePlayback.getState().setPlaying(true);
    usePlayback.getState().playTo(6_000);
    await settledAt(6_000);
    usePlayback.getState().playTo(7_000);
    await settledAt(7_000);
    // A play move's frames carry a summary only now and then (PLAY_SUMMARY_EVERY_MS of wall
    // time, test/unit/store/worker-play-summary.test.ts): the panels read the latest, and say of which time it is.
    const played = framesSince(before);
    expect(played.map((message) => message.move?.kind)).toEqual(played.map(() => 'play'));
    const shown = getTimeline()!;
    expect([5_000, ...played.filter((message) => message.frame.summary !== undefined).map((message) => message.frame.timeMs)].at(-1)).toBe(shown.summaryMs);
    expect(shown.summary().untilMs).toBe(shown.summaryMs);

    const paused = port.posted.length;
    usePlayback.getState().setPlaying(false);
    await vi.waitFor(() => expect(usePlayback.getState().summaryMs).toBe(7_000));
    const local = new Timeline(shortRun);
    local.seek(7_000);
    expect(getTimeline()!.summary()).toEqual(local.summary());
    expect(usePlayback.getState().timeMs).toBe(7_000);
    expect(framesSince(paused).map((message) => [message.frame.timeMs, message.move, message.frame.summary !== undefined])).toEqual([[7_000, null, true]]);
  });

  it('a play move still under way when playing stops ends at the moment shown, with the summary; one to the end of the run ends there', async () => {
    usePlayback.getState().loadScenario(shortRun, 0);
    await settledAt(0);
    const before = port.posted.length;
    usePlayback.getState().setPlaying(true);
    usePlayback.getState().playTo(3_000);
    usePlayback.getState().setPlaying(false);
    await vi.waitFor(() => expect(getRemoteRun()!.resting).toBe(true));
    const last = framesSince(before).at(-1)!;
    // Paused before the page saw 0:03: whether the move had ended when the settle came or not,
    // the run rests at the moment the page showed (test/unit/store/worker-pause.test.ts).
    expect([last.frame.timeMs, last.frame.summary !== undefined]).toEqual([0, true]);
    expect(usePlayback.getState()).toMatchObject({ timeMs: 0, summaryMs: 0 });

    // The driver stops playing as it asks for the run's end (src/ui/controls/driver.ts): it ends there.
    const toEnd = port.posted.length;
    usePlayback.getState().setPlaying(true);
    usePlayback.getState().playTo(20_000);
    usePlayback.getState().setPlaying(false);
    await vi.waitFor(() => expect(getRemoteRun()!.resting).toBe(true));
    const ended = framesSince(toEnd).at(-1)!;
    expect([ended.frame.timeMs, ended.frame.summary !== undefined]).toEqual([20_000, true]);
    expect(usePlayback.getState()).toMatchObject({ timeMs: 20_000, summaryMs: 20_000 });

    usePlayback.getState().requestSeek(3_000);
    await settledAt(3_000);
    const atEnd = port.posted.length;
    usePlayback.getState().setPlaying(true);
    usePlayback.getState().playTo(20_000);
    await settledAt(20_000);
    expect(usePlayback.getState().playing).toBe(false);
    const end = framesSince(atEnd).at(-1)!;
    expect([end.frame.timeMs, end.frame.summary !== undefined]).toEqual([20_000, true]);
    expect(getTimeline()!.summary().untilMs).toBe(20_000);
  });
});
