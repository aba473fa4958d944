// @vitest-environment jsdom
/**
 * With the run in the simulation's worker (in-thread here), a play move's frames leave the
 * summary out (docs/worker.md, A frame): pausing brings the summary of the paused time, and the
 * summary bar shows its counts at the time already on screen.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Timeline } from '../../../src/sim/timeline.ts';
import { runInWorker, usePlayback } from '../../../src/store/playback.ts';
import { RemoteRun } from '../../../src/store/remote-run.ts';
import { TimeDisplay } from '../../../src/ui/controls/TimeDisplay.tsx';
import { SummaryBar } from '../../../src/ui/panels/SummaryBar.tsx';
import { formatCount } from '../../../src/viz/format.ts';
import { writeReadScenario } from '../panels/scenarios.ts';
import { inThreadWorker } from '../../support/in-thread-worker.ts';
import { settledAt } from '../../support/store-settled.ts';

afterEach(cleanup);

const shown = (metric: string) => screen.getByTestId(`summary-${metric}`).querySelector('dd')!.textContent;

describe('pausing a run in the worker', () => {
  // The worker's clock stands still: a play frame carries a summary once PLAY_SUMMARY_EVERY_MS of
  // wall time has passed since the last (src/store/worker/run-service.ts), which a busy machine
  // can take while playing to 0:30; held still, only the settled frames carry one.
  runInWorker((listener) => new RemoteRun(inThreadWorker(() => 0), listener));

  it('shows the summary of the paused time once the page is at rest', async () => {
    const scenario = writeReadScenario({ durationMs: 60_000 });
    render(<><TimeDisplay /><SummaryBar /></>);
    act(() => usePlayback.getState().loadScenario(scenario, 10_000));
    await waitFor(() => expect(screen.getByTestId('time-current')).toHaveAttribute('data-at-rest', 'true'));
    const atLoad = shown('consumed');

    act(() => {
      usePlayback.getState().setPlaying(true);
      usePlayback.getState().playTo(30_000);
    });
    await act(() => settledAt(30_000));
    // Playing: the frame at 0:30 came without a summary, so the bar still counts 0:10's.
    expect(shown('consumed')).toBe(atLoad);

    act(() => usePlayback.getState().setPlaying(false));
    await waitFor(() => expect(screen.getByTestId('time-current')).toHaveAttribute('data-at-rest', 'true'));
    const local = new Timeline(scenario);
    local.seek(30_000);
    const { messages } = local.summary();
    expect(messages.consumed).toBeGreaterThan(0);
    expect(shown('consumed')).toBe(formatCount(messages.consumed));
    expect(shown('sent')).toBe(formatCount(messages.sent));
    expect(shown('consumed')).not.toBe(atLoad);
  });
});
