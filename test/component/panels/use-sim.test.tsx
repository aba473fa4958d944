// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { usePlayback } from '../../../src/store/playback.ts';
import { useSimView } from '../../../src/ui/use-sim.ts';
import { loadAt } from './load.ts';
import { writeReadScenario } from './scenarios.ts';

function Shown({ everyMs }: { everyMs: number }) {
  const view = useSimView({ whilePlayingEveryMs: everyMs });
  return <output data-testid="shown">{view?.timeMs}</output>;
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('useSimView', () => {
  it('follows the playhead at most every whilePlayingEveryMs while playing, and every move when paused', () => {
    let wall = 1_000;
    vi.spyOn(performance, 'now').mockImplementation(() => wall);
    loadAt(writeReadScenario(), 1_000);
    render(<Shown everyMs={100} />);
    const shown = () => screen.getByTestId('shown').textContent;
    expect(shown()).toBe('1000');

    act(() => usePlayback.getState().setPlaying(true));
    wall += 150;
    act(() => usePlayback.getState().seek(1_016));
    expect(shown()).toBe('1016');
    wall += 16;
    act(() => usePlayback.getState().seek(1_032));
    wall += 16;
    act(() => usePlayback.getState().seek(1_048));
    expect(shown()).toBe('1016');
    wall += 70;
    act(() => usePlayback.getState().seek(1_064));
    expect(shown()).toBe('1064');

    // Paused: every move shows at once.
    act(() => usePlayback.getState().setPlaying(false));
    wall += 1;
    act(() => usePlayback.getState().seek(2_000));
    expect(shown()).toBe('2000');
    wall += 1;
    act(() => usePlayback.getState().seek(2_100));
    expect(shown()).toBe('2100');
  });

  it('shows the last time when playing stops between two refreshes', () => {
    let wall = 1_000;
    vi.spyOn(performance, 'now').mockImplementation(() => wall);
    loadAt(writeReadScenario(), 1_000);
    render(<Shown everyMs={100} />);
    act(() => usePlayback.getState().setPlaying(true));
    wall += 200;
    act(() => usePlayback.getState().seek(1_100));
    wall += 10;
    act(() => usePlayback.getState().seek(1_200));
    expect(screen.getByTestId('shown').textContent).toBe('1100');
    act(() => usePlayback.getState().setPlaying(false));
    expect(screen.getByTestId('shown').textContent).toBe('1200');
  });
});
