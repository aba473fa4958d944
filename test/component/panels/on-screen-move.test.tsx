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
import { inThreadWorker } from '../../support/in-thread-worker.ts';
import { IdleByHand, ProbePanel } from './idle-probe.tsx';
import { writeReadScenario } from './scenarios.ts';

/** Every watched panel is off screen. */
class OffScreen {
  constructor(private readonly callback: IntersectionObserverCallback) {}
  observe(target: Element) {
    this.callback([{ target, isIntersecting: false } as unknown as IntersectionObserverEntry], this as unknown as IntersectionObserver);
  }
  disconnect() {}
}

const idle = new IdleByHand();

beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', OffScreen);
  idle.install();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('a panel off screen while a seek is under way', () => {
  runInWorker((listener) => new RemoteRun(inThreadWorker(), listener), (message) => message);

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
});
