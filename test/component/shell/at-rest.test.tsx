// @vitest-environment jsdom
/**
 * The playhead's data-at-rest, what the browser tests wait on: with the run in the simulation's
 * worker (in-thread here) it is false from the moment a command is sent until the worker's frame
 * answering the last one is on screen, and false while playing.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { runInWorker, usePlayback } from '../../../src/store/playback.ts';
import { RemoteRun } from '../../../src/store/remote-run.ts';
import { TimeDisplay } from '../../../src/ui/controls/TimeDisplay.tsx';
import { writeReadScenario } from '../panels/scenarios.ts';
import { inThreadWorker } from '../../support/in-thread-worker.ts';

afterEach(cleanup);

const playhead = () => screen.getByTestId('time-current');

describe('the playhead says when the page is at rest', () => {
  runInWorker((listener) => new RemoteRun(inThreadWorker(), listener));

  it('only once the frame of the last command is shown, never while playing', async () => {
    render(<TimeDisplay />);
    expect(playhead()).toHaveAttribute('data-at-rest', 'false');
    act(() => usePlayback.getState().loadScenario(writeReadScenario({ durationMs: 60_000 }), 20_000));
    expect(playhead()).toHaveAttribute('data-at-rest', 'false');
    await waitFor(() => expect(playhead()).toHaveAttribute('data-at-rest', 'true'));
    expect(playhead()).toHaveTextContent('0:20.000');

    // A step is shown with its frame: until then the old moment is not at rest.
    act(() => usePlayback.getState().step('forward'));
    expect(playhead()).toHaveTextContent('0:20.000');
    expect(playhead()).toHaveAttribute('data-at-rest', 'false');
    await waitFor(() => expect(playhead()).toHaveAttribute('data-at-rest', 'true'));
    expect(playhead()).not.toHaveTextContent('0:20.000');

    act(() => usePlayback.getState().setPlaying(true));
    expect(playhead()).toHaveAttribute('data-at-rest', 'false');
    // Pausing asks the worker for the frame with the summary (play frames leave it out): at rest once it is shown.
    act(() => usePlayback.getState().setPlaying(false));
    expect(playhead()).toHaveAttribute('data-at-rest', 'false');
    await waitFor(() => expect(playhead()).toHaveAttribute('data-at-rest', 'true'));
  });
});
