// @vitest-environment jsdom
/** The What-if tab: a change from the playhead, the first difference, the counters that differ. */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { usePlayback } from '../../../src/store/playback.ts';
import { useWhatIf } from '../../../src/store/what-if.ts';
import { WhatIfTab } from '../../../src/ui/insight/what-if/WhatIfTab.tsx';
import { loadAt } from '../panels/load.ts';
import { writeReadScenario } from '../panels/scenarios.ts';

afterEach(() => {
  cleanup();
  useWhatIf.getState().setChange(null);
});

const WAIT = { timeout: 20_000 };

describe('WhatIfTab', () => {
  it('raises readQueueNums to 8 at the playhead: the runs part at that moment and nothing stays never consumable', async () => {
    loadAt(writeReadScenario({ durationMs: 120_000 }), 40_000);
    render(<WhatIfTab />);
    fireEvent.change(screen.getByTestId('whatif-setting'), { target: { value: 'topics.TopicTest.readQueueNums' } });
    fireEvent.change(screen.getByTestId('whatif-value'), { target: { value: '8' } });
    fireEvent.click(screen.getByTestId('whatif-compare'));
    expect(useWhatIf.getState().change).toBe('40000~topics.TopicTest.readQueueNums~8');
    const divergence = await screen.findByTestId('whatif-divergence', {}, WAIT);
    expect(divergence).toHaveAttribute('data-t', '40000');
    expect(divergence).toHaveTextContent('The runs first differ at 0:40.000');
    expect(divergence).toHaveTextContent('fault Fault injected: updateTopic TopicTest');
    const row = within(screen.getByTestId('whatif-differences')).getByText('Never consumable').closest('tr')!;
    expect(row.querySelectorAll('td')[1]).toHaveTextContent(/^0$/);
    expect(screen.getByTestId('whatif-result')).toHaveTextContent('mqadmin updateTopic at 0:40.000');
    expect(usePlayback.getState().timeMs).toBe(40_000);
  });

  it('refuses a value the scenario rules refuse, with their message, in Chinese too', async () => {
    loadAt(writeReadScenario({ durationMs: 60_000 }), 10_000);
    render(<WhatIfTab />);
    fireEvent.change(screen.getByTestId('whatif-setting'), { target: { value: 'topics.TopicTest.readQueueNums' } });
    fireEvent.change(screen.getByTestId('whatif-value'), { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('whatif-compare'));
    expect(await screen.findByTestId('whatif-refused', {}, WAIT)).toHaveTextContent(/^This change cannot be made: timeline\[0\]\.readQueueNums: /);
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('whatif-refused')).toHaveTextContent(/^无法做这个修改：/);
    expect(screen.getByRole('heading', { name: '假如……' })).toBeInTheDocument();
  });
});
