// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { usePlayback } from '../../../src/store/playback.ts';
import { SummaryBar } from '../../../src/ui/panels/index.ts';
import { loadAt } from './load.ts';
import { writeReadScenario } from './scenarios.ts';

afterEach(cleanup);

const METRICS = ['sent', 'stored', 'consumed', 'neverConsumable', 'lagging', 'duplicates', 'failed', 'lost'] as const;

describe('SummaryBar', () => {
  it("shows the run's counts at the current time", () => {
    const timeline = loadAt(writeReadScenario(), 61_000);
    render(<SummaryBar />);
    const { messages } = timeline.summary();
    for (const metric of METRICS) expect(screen.getByTestId(`summary-${metric}`)).toHaveTextContent(messages[metric].toLocaleString('en-US'));
    // 10 msg/s from 1 s to 61 s: about 600 sent, all stored but the one in flight, half stranded in queues 4..7.
    expect(messages.sent).toBeGreaterThanOrEqual(595);
    expect(messages.sent - messages.stored).toBeGreaterThanOrEqual(0);
    expect(messages.sent - messages.stored).toBeLessThanOrEqual(1);
    expect(messages.neverConsumable).toBeGreaterThan(290);
    expect(screen.getByTestId('summary-neverConsumable')).toHaveClass('rs-summary-warn');
    expect(screen.getByTestId('summary-lost')).not.toHaveClass('rs-summary-warn');
  });

  it('follows the playhead', () => {
    const timeline = loadAt(writeReadScenario(), 10_000);
    render(<SummaryBar />);
    const before = timeline.summary().messages.sent;
    act(() => usePlayback.getState().seek(20_000));
    const after = timeline.summary().messages.sent;
    expect(after).toBeGreaterThan(before);
    expect(screen.getByTestId('summary-sent')).toHaveTextContent(String(after));
  });

  it('asks for a scenario when none is loaded', async () => {
    vi.resetModules();
    const { SummaryBar: Fresh } = await import('../../../src/ui/panels/SummaryBar.tsx');
    render(<Fresh />);
    expect(screen.getByText('No scenario is loaded.')).toBeInTheDocument();
  });
});
