// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { FailoverPanel } from '../../../src/ui/panels/FailoverPanel.tsx';
import { FAILOVER_STRINGS } from '../../../src/ui/panels/failover-strings.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { loadAt } from './load.ts';
import { writeReadScenario } from './scenarios.ts';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Each belief cell as it reads: its test id, its mark and words, its highlight. */
const cellTexts = () => screen.getAllByTestId(/^belief-broker-.*-/).map((cell) => `${cell.dataset.testid} ${cell.textContent} ${cell.className}`);

describe('FailoverPanel belief cells', () => {
  it('draws again only the cells whose belief changed at a move: the rest of the table is skipped', () => {
    loadAt(writeReadScenario({ brokers: ['broker-a', 'broker-b'], timeline: [{ at: 30_000, action: 'crashBroker', target: 'broker-b' }] }), 20_000);
    render(<FailoverPanel />);
    const before = cellTexts();
    const marks = vi.spyOn(FAILOVER_STRINGS.en, 'listedMark');
    act(() => usePlayback.getState().seek(40_000));
    const after = cellTexts();
    // NameServers drop the crashed broker-b at once (its channel closed), and so do the clients' routes by 0:40.
    const changed = after.filter((text, i) => text !== before[i]);
    expect(changed).toHaveLength(5);
    expect(changed.every((text) => text.includes('not listed'))).toBe(true);
    // Each cell that still lists broker-a is unchanged: none of them made its mark again.
    expect(marks).not.toHaveBeenCalled();
  });
});
