// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { useLesson } from '../../../src/store/lesson.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { TimeDisplay } from '../../../src/ui/controls/TimeDisplay.tsx';
import { NarrationCaption } from '../../../src/ui/narration/NarrationCaption.tsx';
import { formatTime } from '../../../src/viz/format.ts';
import { libraryScenario } from '../../support/library.ts';
import { loadAt } from '../panels/load.ts';
import { writeReadScenario } from '../panels/scenarios.ts';

afterEach(() => {
  cleanup();
  useLesson.setState({ chapterId: null });
});

/** What a screen reader reads of an element: its text without what is hidden from it (aria-hidden). */
function heard(element: HTMLElement): string {
  const copy = element.cloneNode(true) as HTMLElement;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return copy.textContent ?? '';
}

describe('one voice per paused step', () => {
  it('the playhead output keeps quiet while a caption is on the page, which says the time with its event; it is still the labelled playhead', async () => {
    loadAt(writeReadScenario(), 20_000);
    const { rerender } = render(<><TimeDisplay /><NarrationCaption /></>);
    const caption = await screen.findByTestId('caption');
    const output = screen.getByTestId('time-current');
    expect(caption).toHaveAttribute('aria-live', 'polite');
    expect(output).toHaveAttribute('aria-live', 'off');
    expect(output).toHaveAccessibleName('Playhead');
    expect(output.tagName).toBe('OUTPUT');
    act(() => usePlayback.getState().step('forward'));
    const time = formatTime(usePlayback.getState().timeMs);
    expect(output).toHaveTextContent(time);
    expect(output).toHaveAttribute('aria-live', 'off');
    // The caption alone says the stepped-to time, once.
    expect(heard(screen.getByTestId('caption')).split(time)).toHaveLength(2);
    // With no caption on the page (another view), the output speaks a move again.
    rerender(<TimeDisplay />);
    expect(screen.getByTestId('time-current')).toHaveAttribute('aria-live', 'polite');
  });

  it('the output speaks a move the caption does not: one that reaches no other event, and any in a chapter', async () => {
    // Without the producer the run is quiet for seconds at a time: registrations, heartbeats, route pulls every 30 s.
    const quiet = { ...writeReadScenario(), producers: [] };
    const times = loadAt(quiet, 120_000).traceSlice(0).map((event) => event.t);
    const gapAt = times.find((t, i) => t >= 20_000 && (times[i + 1] ?? Infinity) - t > 1_500)!;
    loadAt(quiet, gapAt);
    render(<><TimeDisplay /><NarrationCaption /></>);
    const caption = await screen.findByTestId('caption');
    const output = screen.getByTestId('time-current');
    const said = heard(caption);
    act(() => usePlayback.getState().jump(1_000));
    expect(usePlayback.getState()).toMatchObject({ timeMs: gapAt + 1_000, seekTarget: null });
    expect(heard(caption)).toBe(said);
    expect(output).toHaveTextContent(formatTime(gapAt + 1_000));
    expect(output).toHaveAttribute('aria-live', 'polite');
    act(() => usePlayback.getState().step('forward'));
    expect(heard(caption)).not.toBe(said);
    expect(output).toHaveAttribute('aria-live', 'off');
    // In a chapter the caption is silent (the lesson's text speaks): the output says where a move went.
    act(() => useLesson.setState({ chapterId: 'basics' }));
    expect(caption).toHaveAttribute('aria-live', 'off');
    act(() => usePlayback.getState().step('forward'));
    expect(output).toHaveAttribute('aria-live', 'polite');
  });

  it('the caption says a msgId by its last four digits and shows it whole', async () => {
    // 5:02.513 of "Crash vs partition vs shutdown": CG_ORDER gets a message again after broker-a's crash.
    const timeline = loadAt(libraryScenario('crash-partition-shutdown'), 302_513);
    const again = timeline.traceSlice(0).findLast((event) => event.t === 302_513 && event.type === 'message.consumedAgain')!;
    const msgId = again.type === 'message.consumedAgain' ? again.msgId : '';
    expect(msgId).toMatch(/^[0-9A-F]{32}$/);
    render(<NarrationCaption />);
    const caption = await screen.findByTestId('caption');
    expect(heard(caption)).toContain(`CG_ORDER got …${msgId.slice(-4)} again`);
    expect(heard(caption)).not.toMatch(/[0-9A-F]{32}/);
    const whole = caption.querySelector('[aria-hidden="true"]')!;
    expect(whole).toHaveTextContent(msgId);
    expect(whole.nextElementSibling).toHaveClass('rs-visually-hidden');
    expect(whole.nextElementSibling).toHaveTextContent(`…${msgId.slice(-4)}`);
  });
});
