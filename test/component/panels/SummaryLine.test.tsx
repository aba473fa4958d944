// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { useLesson } from '../../../src/store/lesson.ts';
import { usePage } from '../../../src/store/page.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { SummaryLine } from '../../../src/ui/panels/SummaryLine.tsx';
import { loadAt } from './load.ts';
import { writeReadScenario } from './scenarios.ts';

afterEach(() => {
  cleanup();
  act(() => {
    usePlayback.setState({ language: 'en' });
    usePage.setState({ presenting: false });
    useLesson.setState({ chapterId: null });
  });
});

describe('SummaryLine', () => {
  it('is not drawn where the summary bar is on screen', () => {
    loadAt(writeReadScenario(), 61_000);
    render(<SummaryLine />);
    expect(screen.queryByTestId('summary-line')).toBeNull();
  });

  it('while presenting, says sent and consumed and each warning that is not zero, with the run\'s counts', () => {
    const { messages } = loadAt(writeReadScenario(), 61_000).summary();
    act(() => usePage.setState({ presenting: true }));
    render(<SummaryLine />);
    const line = screen.getByTestId('summary-line');
    expect(line).toHaveAccessibleName('Summary');
    // Write 8 / read 4: half of what is sent waits in queues 4-7; nothing failed or was lost.
    expect(messages.neverConsumable).toBeGreaterThan(290);
    expect(messages.failed + messages.lost).toBe(0);
    expect(screen.getByTestId('summary-line-sent')).toHaveTextContent(`Sent${messages.sent.toLocaleString('en-US')}`);
    expect(screen.getByTestId('summary-line-consumed')).toHaveTextContent(`Consumed${messages.consumed.toLocaleString('en-US')}`);
    expect(screen.getByTestId('summary-line-neverConsumable')).toHaveTextContent(`Not consumable${messages.neverConsumable.toLocaleString('en-US')}`);
    expect(screen.getByTestId('summary-line-neverConsumable')).toHaveClass('rs-summary-line-warn');
    expect(screen.queryByTestId('summary-line-failed')).toBeNull();
    expect(screen.queryByTestId('summary-line-lost')).toBeNull();
    expect(screen.queryByTestId('summary-line-stored')).toBeNull();
  });

  it('inside a chapter, where the lesson takes the summary bar\'s place, in both languages', () => {
    const { messages } = loadAt(writeReadScenario(), 61_000).summary();
    act(() => useLesson.setState({ chapterId: 'read-write' }));
    render(<SummaryLine />);
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('summary-line')).toHaveAccessibleName('概览');
    expect(screen.getByTestId('summary-line-neverConsumable')).toHaveTextContent(`无法消费${messages.neverConsumable.toLocaleString('en-US')}`);
  });

  it('in a chapter presented, closes the lesson box instead: the canvas\'s heading is scrolled under the box, and the line is drawn once', () => {
    loadAt(writeReadScenario(), 61_000);
    act(() => useLesson.setState({ chapterId: 'read-write' }));
    render(<><div data-testid="canvas-heading"><SummaryLine /></div><div data-testid="lesson"><SummaryLine inLesson /></div></>);
    expect(screen.getByTestId('canvas-heading')).toContainElement(screen.getByTestId('summary-line'));
    act(() => usePage.setState({ presenting: true }));
    expect(screen.getAllByTestId('summary-line')).toHaveLength(1);
    expect(screen.getByTestId('lesson')).toContainElement(screen.getByTestId('summary-line'));
    act(() => useLesson.setState({ chapterId: null }));
    expect(screen.getByTestId('canvas-heading')).toContainElement(screen.getByTestId('summary-line'));
  });
});
