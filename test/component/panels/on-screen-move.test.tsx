// @vitest-environment jsdom
/**
 * A panel off screen (src/ui/on-screen.tsx) with the run in the simulation's worker (in-thread
 * here): while a seek is under way, the idle page does not start drawing the moment that seek
 * replaces; it catches up once the seek's frame is in.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { runInWorker, usePlayback } from '../../../src/store/playback.ts';
import { RemoteRun } from '../../../src/store/remote-run.ts';
import { OnScreenSlot } from '../../../src/ui/on-screen.tsx';
import { PanelFrame } from '../../../src/ui/panels/shared.tsx';
import { useSimView } from '../../../src/ui/use-sim.ts';
import { inThreadWorker } from '../../support/in-thread-worker.ts';
import { IdleByHand, OffScreenObserver, ProbePanel } from './idle-probe.tsx';
import { writeReadScenario } from './scenarios.ts';

const idle = new IdleByHand();

beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', OffScreenObserver);
  idle.install();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** Every moment the probe below rendered. */
const rendered: number[] = [];

function RenderLog() {
  const view = useSimView();
  rendered.push(view?.timeMs ?? -1);
  return <PanelFrame name="log" title="log"><output data-testid="logged">{view?.timeMs}</output></PanelFrame>;
}

describe('a panel off screen while a seek is under way', () => {
  runInWorker((listener) => new RemoteRun(inThreadWorker(), listener));

  it('waits for the seek\'s frame before it catches up, then shows the latest moment', async () => {
    act(() => usePlayback.getState().loadScenario(writeReadScenario({ durationMs: 60_000 }), 1_000));
    await waitFor(() => expect(usePlayback.getState().timeMs).toBe(1_000));
    render(<OnScreenSlot><ProbePanel /></OnScreenSlot>);
    const shown = () => screen.getByTestId('shown').textContent;
    act(() => usePlayback.getState().seek(2_000));
    await waitFor(() => expect(usePlayback.getState().timeMs).toBe(2_000));
    expect(shown()).toBe('1000');
    expect(idle.tasks).toHaveLength(1);

    // The next seek is sent before the page was idle: its moment is coming, so the idle page waits.
    act(() => usePlayback.getState().seek(3_000));
    act(() => idle.run());
    expect(shown()).toBe('1000');
    expect(idle.tasks).toHaveLength(1);

    await waitFor(() => expect(usePlayback.getState().timeMs).toBe(3_000));
    act(() => idle.run());
    expect(shown()).toBe('3000');
  });

  it('abandons a catch-up still being drawn when a seek begins, and catches up with the seek\'s moment', async () => {
    act(() => usePlayback.getState().loadScenario(writeReadScenario({ durationMs: 60_000 }), 1_000));
    await waitFor(() => expect(usePlayback.getState().timeMs).toBe(1_000));
    render(<OnScreenSlot><RenderLog /></OnScreenSlot>);
    act(() => usePlayback.getState().seek(2_000));
    await waitFor(() => expect(usePlayback.getState().timeMs).toBe(2_000));
    expect(idle.tasks).toHaveLength(1);
    rendered.length = 0;

    // The page turns idle and starts drawing 2:00 off screen; a seek begins before that is committed.
    act(() => {
      idle.run();
      usePlayback.getState().seek(3_000);
    });
    expect(rendered).not.toContain(2_000);
    expect(screen.getByTestId('logged').textContent).toBe('1000');

    await waitFor(() => expect(usePlayback.getState().timeMs).toBe(3_000));
    act(() => idle.run());
    expect(screen.getByTestId('logged').textContent).toBe('3000');
  });

  it('counts the wait for a seek from that seek, not from one before it', async () => {
    act(() => usePlayback.getState().loadScenario(writeReadScenario({ durationMs: 60_000 }), 1_000));
    await waitFor(() => expect(usePlayback.getState().timeMs).toBe(1_000));
    render(<OnScreenSlot><ProbePanel /></OnScreenSlot>);
    const shown = () => screen.getByTestId('shown').textContent;
    // A first seek keeps the idle page waiting for 650 ms of its 1 s at most.
    act(() => {
      usePlayback.getState().seek(2_000);
      idle.run();
      idle.run(500);
    });
    expect(shown()).toBe('1000');
    await waitFor(() => expect(usePlayback.getState().timeMs).toBe(2_000));
    // The next seek has been under way 600 ms: the panel still waits for its moment.
    act(() => {
      usePlayback.getState().seek(3_000);
      idle.run(600);
    });
    expect(shown()).toBe('1000');
    await waitFor(() => expect(usePlayback.getState().timeMs).toBe(3_000));
    act(() => idle.run());
    expect(shown()).toBe('3000');
  });
});
