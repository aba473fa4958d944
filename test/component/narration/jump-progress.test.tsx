// @vitest-environment jsdom
/**
 * How far a long jump has come is the share of the jump done, not of the run: a jump from 40:00
 * to 50:00 starts near 0 %, seen and heard. The run is in a worker the test speaks for by hand
 * (the worker's protocol, src/store/worker/protocol.ts): a real frame at 40:00, then the
 * progress messages a worker sends while it runs ahead.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { FrameSource, type Frame } from '../../../src/sim/frame/frame.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import { runInWorker, usePlayback } from '../../../src/store/playback.ts';
import { RemoteRun, type WorkerPort } from '../../../src/store/remote-run.ts';
import type { FromWorker, ToWorker } from '../../../src/store/worker/protocol.ts';
import { TimeDisplay } from '../../../src/ui/controls/TimeDisplay.tsx';
import { writeReadScenario } from '../panels/scenarios.ts';

const FROM = 40 * 60_000;
const TARGET = 50 * 60_000;
// No clients: an hour's run that simulates to 40:00 in about a second.
const scenario = { ...writeReadScenario({ durationMs: 60 * 60_000, consumers: 0 }), producers: [] };

const sent: ToWorker[] = [];
const port: WorkerPort = { onmessage: null, postMessage: (message) => sent.push(message) };
runInWorker((listener) => new RemoteRun(port, listener));
const from = (message: FromWorker) => act(() => port.onmessage!({ data: message } as MessageEvent<FromWorker>));
const version = () => sent.filter((message) => message.type === 'load').length;

let atFrom: Frame;
beforeAll(() => {
  const timeline = new Timeline(scenario);
  timeline.seek(FROM);
  atFrom = new FrameSource().frameOf(timeline);
});

/** A link opened at 40:00: the worker's frame arrives there. */
function openAtFrom(): void {
  act(() => usePlayback.getState().loadScenario(scenario, FROM));
  from({ type: 'frame', version: version(), frame: atFrom, move: { target: FROM, kind: 'seek', done: true }, handled: sent.length, resting: true });
  expect(usePlayback.getState()).toMatchObject({ timeMs: FROM, seekTarget: null });
}

/** The worker's word that the jump to TARGET has simulated up to `reached`. */
const progress = (reached: number) => from({ type: 'progress', version: version(), target: TARGET, timeMs: reached });

afterEach(() => {
  vi.useRealTimers();
  cleanup();
});

describe('the progress of a long jump', () => {
  it('is the share of the jump done: from 40:00 to 50:00 it starts at 0 %; from 0:00 it reads as before', () => {
    openAtFrom();
    act(() => usePlayback.getState().requestSeek(TARGET));
    const shares = [FROM, FROM + 30_000, FROM + 150_000, FROM + 300_000, TARGET - 1].map((reached) => {
      progress(reached);
      return usePlayback.getState().seekProgress;
    });
    // Not 80, 81, 85, 90, 99: reached / target, a share of the run.
    expect(shares).toEqual([0, 5, 25, 50, 99]);

    // A link opened at 50:00 jumps from 0:00: the share of the jump is the share of the run.
    act(() => usePlayback.getState().loadScenario(scenario, TARGET));
    const fromStart = [0, 750_000, 1_500_000, 2_999_999].map((reached) => {
      progress(reached);
      return usePlayback.getState().seekProgress;
    });
    expect(fromStart).toEqual([0, 25, 50, 99]);
  });

  it('is seen from 0 % and heard every 25 points on a jump from 40:00 to 50:00', async () => {
    openAtFrom();
    render(<TimeDisplay />);
    await act(async () => {
      await import('../../../src/ui/controls/SeekVoice.tsx');
    });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const heard: string[] = [];
    const seen: string[] = [];
    const record = () => {
      const said = screen.getByTestId('seek-voice').textContent ?? '';
      if (said !== '' && said !== heard.at(-1)) heard.push(said);
      const shown = screen.queryByTestId('seek-progress')?.textContent;
      if (shown && shown !== seen.at(-1)) seen.push(shown);
    };
    act(() => usePlayback.getState().requestSeek(TARGET));
    // The worker says where it has got to every 250 ms (PROGRESS_EVERY_MS); it takes 60 s here.
    for (let reached = FROM; reached < TARGET; reached += 2_500) {
      progress(reached);
      record();
      act(() => vi.advanceTimersByTime(250));
      record();
    }
    expect(seen[0]).toBe('Simulating… 0%');
    expect(heard).toEqual(['Simulating ahead to 50:00.000…', 'Simulating, 25% done', 'Simulating, 50% done', 'Simulating, 75% done']);
  });
});
