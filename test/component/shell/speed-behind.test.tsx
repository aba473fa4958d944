// @vitest-environment jsdom
/**
 * The speed control says how fast the run really plays when it cannot keep the speed chosen
 * (the driver measures it: src/ui/controls/play-rate.ts), in the page's language, and says
 * nothing once it keeps up again or stops.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { usePlayback } from '../../../src/store/playback.ts';
import { notePace, forgetPace } from '../../../src/ui/controls/play-rate.ts';
import { SpeedControl } from '../../../src/ui/controls/SpeedControl.tsx';

afterEach(() => {
  cleanup();
  act(() => {
    forgetPace();
    usePlayback.setState({ language: 'en', speed: 10 });
  });
});

describe('the speed control when the run plays behind the speed chosen', () => {
  it('says the pace the run keeps and the speed it cannot, in English and in Chinese', async () => {
    usePlayback.setState({ speed: 10, language: 'en' });
    render(<SpeedControl />);
    expect(screen.queryByTestId('speed-behind')).toBeNull();
    act(() => notePace(1.23, 10));
    expect(await screen.findByTestId('speed-behind')).toHaveTextContent('playing at 1.2x: this run is heavier than 10x');
    expect(screen.getByTestId('speed-value')).toHaveTextContent('10x');
    act(() => usePlayback.setState({ language: 'zh' }));
    expect(screen.getByTestId('speed-behind')).toHaveTextContent('实际 1.2x：这次运行太重，跟不上 10x');
  });

  it('stays until the run plays at nine tenths of the speed, and goes then', async () => {
    usePlayback.setState({ speed: 10 });
    render(<SpeedControl />);
    act(() => notePace(5, 10));
    expect(await screen.findByTestId('speed-behind')).toHaveTextContent('playing at 5x');
    // 8x is no longer well behind, but not caught up either: the note stays, with the new pace.
    act(() => notePace(8, 10));
    expect(screen.getByTestId('speed-behind')).toHaveTextContent('playing at 8x');
    act(() => notePace(9.5, 10));
    expect(screen.queryByTestId('speed-behind')).toBeNull();
    // Back at 8x, not said: under three quarters of the speed is.
    act(() => notePace(8, 10));
    expect(screen.queryByTestId('speed-behind')).toBeNull();
  });
});
