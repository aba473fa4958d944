// @vitest-environment jsdom
/**
 * The side column's order follows the first broker fault (src/ui/panel-order.ts), and a move
 * across the fault reorders it once the playhead rests (App.tsx useFaultedAtRest), not in the
 * move's own render.
 */
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { usePlayback } from '../../../src/store/playback.ts';
import { App } from '../../../src/ui/App.tsx';
import { openLibraryEntry } from '../../../src/ui/controls/session.ts';
import { OffScreenObserver } from '../panels/idle-probe.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function firstSidePanel(container: HTMLElement): string | undefined {
  const panel = container.querySelector('.rs-column-side > .rs-panel');
  return panel ? [...panel.classList].find((name) => name.startsWith('rs-area-')) : undefined;
}

describe('the side column across the first broker fault', () => {
  it('keeps its order in the render of a move across the fault, and opens with the failover record once the playhead rests', async () => {
    // broker-a crashes at 1:00; the scenario's focus puts the NameServers first before it.
    act(() => openLibraryEntry('crash-partition-shutdown'));
    act(() => usePlayback.getState().seek(50_000));
    const { container } = render(<App />);
    await waitFor(() => expect(firstSidePanel(container)).toBe('rs-area-nameservers'), { timeout: 10_000 });
    act(() => usePlayback.getState().seek(61_000));
    expect(usePlayback.getState().timeMs).toBe(61_000);
    expect(firstSidePanel(container)).toBe('rs-area-nameservers');
    await waitFor(() => expect(firstSidePanel(container)).toBe('rs-area-failover'), { timeout: 10_000 });
  });

  it('draws no panel off screen in the render of a move across the fault: the queue grid catches up when the page is idle', async () => {
    vi.stubGlobal('IntersectionObserver', OffScreenObserver);
    act(() => openLibraryEntry('crash-partition-shutdown'));
    act(() => usePlayback.getState().seek(50_000));
    const { container, findAllByTestId } = render(<App />);
    const counts = () => [...container.querySelectorAll('[data-testid="queue-count"]')].map((cell) => cell.textContent).join(' ');
    await findAllByTestId('queue-count', undefined, { timeout: 10_000 });
    await waitFor(() => expect(firstSidePanel(container)).toBe('rs-area-nameservers'), { timeout: 10_000 });
    const before = counts();
    act(() => usePlayback.getState().seek(61_000));
    // Off screen, the grid still shows 0:50 in the move's own render (the producers wrote since).
    expect(counts()).toBe(before);
    await waitFor(() => expect(counts()).not.toBe(before), { timeout: 10_000 });
    await waitFor(() => expect(firstSidePanel(container)).toBe('rs-area-failover'), { timeout: 10_000 });
  });
});
