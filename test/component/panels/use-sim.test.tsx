// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { usePlayback } from '../../../src/store/playback.ts';
import { AT_SIZE_EVERY_MS, useSimView } from '../../../src/ui/use-sim.ts';
import { loadAt } from './load.ts';
import { writeReadScenario } from './scenarios.ts';

function Shown({ everyMs }: { everyMs: number }) {
  const view = useSimView({ whilePlayingEveryMs: everyMs });
  return <output data-testid="shown">{view?.timeMs}</output>;
}

/** The wall clock of each test starts later than the last one ended: performance.now never goes back. */
let wallStart = 0;
function wallClock(): { advance: (ms: number) => void } {
  wallStart += 1_000_000;
  let wall = wallStart;
  vi.spyOn(performance, 'now').mockImplementation(() => wall);
  return { advance: (ms) => { wall += ms; } };
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('useSimView', () => {
  it('follows the playhead at most every whilePlayingEveryMs while playing, and every move when paused', () => {
    const clock = wallClock();
    loadAt(writeReadScenario(), 1_000);
    render(<Shown everyMs={100} />);
    const shown = () => screen.getByTestId('shown').textContent;
    expect(shown()).toBe('1000');

    act(() => usePlayback.getState().setPlaying(true));
    clock.advance(150);
    act(() => usePlayback.getState().seek(1_016));
    expect(shown()).toBe('1016');
    clock.advance(16);
    act(() => usePlayback.getState().seek(1_032));
    clock.advance(16);
    act(() => usePlayback.getState().seek(1_048));
    expect(shown()).toBe('1016');
    clock.advance(70);
    act(() => usePlayback.getState().seek(1_064));
    expect(shown()).toBe('1064');

    // Paused: every move shows at once.
    act(() => usePlayback.getState().setPlaying(false));
    clock.advance(1);
    act(() => usePlayback.getState().seek(2_000));
    expect(shown()).toBe('2000');
    clock.advance(1);
    act(() => usePlayback.getState().seek(2_100));
    expect(shown()).toBe('2100');
  });

  it('shows the last time when playing stops between two refreshes', () => {
    const clock = wallClock();
    loadAt(writeReadScenario(), 1_000);
    render(<Shown everyMs={100} />);
    act(() => usePlayback.getState().setPlaying(true));
    clock.advance(200);
    act(() => usePlayback.getState().seek(1_100));
    clock.advance(10);
    act(() => usePlayback.getState().seek(1_200));
    expect(screen.getByTestId('shown').textContent).toBe('1100');
    act(() => usePlayback.getState().setPlaying(false));
    expect(screen.getByTestId('shown').textContent).toBe('1200');
  });

  it('refreshes one throttled panel per frame while playing, the next one on the next frame', () => {
    const clock = wallClock();
    loadAt(writeReadScenario(), 1_000);
    render(<><Shown everyMs={100} /><Shown everyMs={100} /></>);
    const shown = () => screen.getAllByTestId('shown').map((element) => element.textContent);
    act(() => usePlayback.getState().setPlaying(true));
    clock.advance(200);
    act(() => usePlayback.getState().seek(1_100));
    expect(shown()).toEqual(['1100', '1000']);
    clock.advance(16);
    act(() => usePlayback.getState().seek(1_116));
    expect(shown()).toEqual(['1100', '1116']);
  });

  it('lets no panel starve when more panels are due than frames come: each refreshes within three periods', () => {
    const clock = wallClock();
    loadAt(writeReadScenario(), 1_000);
    const panels = 12;
    render(<>{Array.from({ length: panels }, (_, i) => <Shown key={i} everyMs={100} />)}</>);
    act(() => usePlayback.getState().setPlaying(true));
    // Moves come every 32 ms (a frame every other display frame): three turns per 100 ms for twelve panels.
    for (let t = 1_032; t <= 1_032 + 32 * 10; t += 32) {
      clock.advance(32);
      act(() => usePlayback.getState().seek(t));
    }
    const shown = screen.getAllByTestId('shown').map((element) => Number(element.textContent));
    expect(Math.min(...shown)).toBeGreaterThanOrEqual(1_032 + 32 * 10 - 300);
  });

  it('follows the playhead at most every AT_SIZE_EVERY_MS while playing a run at size (13 consumers), a panel asking for no throttle every move, and every move when paused', () => {
    const clock = wallClock();
    loadAt(writeReadScenario({ consumers: 13 }), 1_000);
    render(<><Shown everyMs={100} /><Shown everyMs={0} /></>);
    const shown = () => screen.getAllByTestId('shown').map((element) => element.textContent);
    act(() => usePlayback.getState().setPlaying(true));
    clock.advance(150);
    act(() => usePlayback.getState().seek(1_150));
    // A classroom's panel would have followed after 100 ms; the dots' view follows every move.
    expect(shown()).toEqual(['1000', '1150']);
    clock.advance(AT_SIZE_EVERY_MS - 150);
    act(() => usePlayback.getState().seek(1_250));
    expect(shown()).toEqual(['1250', '1250']);
    clock.advance(16);
    act(() => usePlayback.getState().seek(1_266));
    expect(shown()).toEqual(['1250', '1266']);
    act(() => usePlayback.getState().setPlaying(false));
    clock.advance(1);
    act(() => usePlayback.getState().seek(2_000));
    expect(shown()).toEqual(['2000', '2000']);
  });
});
