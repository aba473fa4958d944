// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { usePlayback } from '../../../src/store/playback.ts';
import { TimeDisplay } from '../../../src/ui/controls/TimeDisplay.tsx';
import { ClusterTab } from '../../../src/ui/insight/ClusterTab.tsx';
import { formatTime } from '../../../src/viz/format.ts';
import { IdleByHand, OffScreenObserver } from '../panels/idle-probe.tsx';
import { loadAt } from '../panels/load.ts';
import { writeReadScenario } from '../panels/scenarios.ts';

const idle = new IdleByHand();

beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', OffScreenObserver);
  idle.install();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the caption scrolled off screen', () => {
  it('speaks a step in the step\'s own render, not once the page is idle: the output, silent for it, says nothing meanwhile', async () => {
    loadAt(writeReadScenario(), 20_000);
    render(<><TimeDisplay /><ClusterTab /></>);
    const caption = await screen.findByTestId('caption');
    for (let step = 0; step < 3; step++) {
      act(() => usePlayback.getState().step(step === 1 ? 'back' : 'forward'));
      // No idle callback has run: what waits for one (the panels off screen) has not caught up.
      expect(screen.getByTestId('time-current')).toHaveAttribute('aria-live', 'off');
      expect(caption).toHaveAttribute('aria-live', 'polite');
      expect(caption).toHaveTextContent(formatTime(usePlayback.getState().timeMs));
    }
  });
});
