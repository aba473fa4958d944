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
import { writeReadScenario } from './scenarios.ts';

/** Every watched panel is off screen. */
class OffScreen {
  constructor(private readonly callback: IntersectionObserverCallback) {}
  observe(target: Element) {
    this.callback([{ target, isIntersecting: false } as unknown as IntersectionObserverEntry], this as unknown as IntersectionObserver);
  }
  disconnect() {}
}

/** requestIdleCallback run by hand: `idle()` runs what waits for the page to be idle then. */
let idleTasks: (() => void)[] = [];
function idle() {
  const tasks = idleTasks;
  idleTasks = [];
  for (const task of tasks) task();
}

function Panel() {
  const view = useSimView();
  return (
    <PanelFrame name="probe" title="probe">
      <output data-testid="shown">{view?.timeMs}</output>
    </PanelFrame>
  );
}

beforeEach(() => {
  idleTasks = [];
  vi.stubGlobal('IntersectionObserver', OffScreen);
  vi.stubGlobal('requestIdleCallback', (task: () => void) => idleTasks.push(task));
  vi.stubGlobal('cancelIdleCallback', (handle: number) => {
    idleTasks.splice(handle - 1, 1);
  });
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
    render(<OnScreenSlot><Panel /></OnScreenSlot>);
    const shown = () => screen.getByTestId('shown').textContent;
    act(() => usePlayback.getState().seek(2_000));
    await waitFor(() => expect(usePlayback.getState().timeMs).toBe(2_000));
    expect(shown()).toBe('1000');
    expect(idleTasks).toHaveLength(1);

    // The next seek is sent before the page was idle: its moment is coming, so the idle page waits.
    act(() => usePlayback.getState().seek(3_000));
    act(() => idle());
    expect(shown()).toBe('1000');
    expect(idleTasks).toHaveLength(1);

    await waitFor(() => expect(usePlayback.getState().timeMs).toBe(3_000));
    act(() => idle());
    expect(shown()).toBe('3000');
  });
});
