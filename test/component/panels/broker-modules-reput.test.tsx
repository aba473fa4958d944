// @vitest-environment jsdom
/**
 * A slave whose ReputMessageService stopped (ha-service.ts: its restarted master, shorter after a
 * power loss, sent bytes that began inside a message): the module map and the index box say what
 * the inspector's ReputMessageService line says, its ConsumeQueues and index frozen at that entry
 * while its CommitLog copies on in bytes, in English and Chinese.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { usePlayback } from '../../../src/store/playback.ts';
import { InspectorPanel } from '../../../src/ui/panels/InspectorPanel.tsx';
import { loadAt } from './load.ts';
import { SLAVE_AHEAD } from './slave-ahead.ts';

afterEach(cleanup);

describe('the module map of a slave whose ReputMessageService stopped', () => {
  it('says its ConsumeQueues and index froze at the entry where it stopped while its CommitLog copies on in bytes, in English and Chinese', async () => {
    const timeline = loadAt(SLAVE_AHEAD, 120_000);
    const slave = timeline.state.brokers['broker-a/1']!;
    const stoppedAt = slave.reputStoppedAt!;
    expect(stoppedAt).toBeGreaterThan(1_000);
    // It copied on past the entry, and is still connected to its master.
    expect(slave.commitLog.length).toBeGreaterThan(stoppedAt);
    expect(slave.haConnected).toBe(true);
    act(() => usePlayback.getState().select({ kind: 'broker', id: 'broker-a/1' }));
    render(<InspectorPanel />);
    const entry = stoppedAt.toLocaleString('en-US');
    expect(await screen.findByTestId('module-map-ha', {}, { timeout: 10_000 })).toHaveTextContent(`ReputMessageService stopped at entry ${entry}; the CommitLog still copies from its master, in bytes only`);
    expect(screen.getByTestId('module-map-ha')).not.toHaveTextContent('copying from its master');
    expect(screen.getByTestId('module-map-store')).toHaveTextContent(`CommitLog: ${slave.commitLog.length.toLocaleString('en-US')} messages; ConsumeQueues frozen at entry ${entry}`);
    expect(screen.getByTestId('module-map-index')).toHaveTextContent(`frozen at entry ${entry} (ReputMessageService stopped)`);
    expect(screen.getByTestId('module-map-index')).not.toHaveTextContent('index entries');
    expect(screen.getByTestId('module-index-entries')).toHaveTextContent(`IndexService: frozen since ReputMessageService stopped at CommitLog entry ${entry}.`);
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('module-map-ha')).toHaveTextContent(`ReputMessageService 停在第 ${entry} 条；CommitLog 仍在从 Master 复制，但只按字节`);
    expect(screen.getByTestId('module-map-store')).toHaveTextContent(`ConsumeQueue 停在第 ${entry} 条`);
    expect(screen.getByTestId('module-map-index')).toHaveTextContent(`停在第 ${entry} 条（ReputMessageService 已停止）`);
    expect(screen.getByTestId('module-index-entries')).toHaveTextContent(`IndexService：ReputMessageService 停在 CommitLog 第 ${entry} 条后就不再增长。`);
    act(() => usePlayback.getState().setLanguage('en'));
    // Its master's map is as ever.
    act(() => usePlayback.getState().select({ kind: 'broker', id: 'broker-a/0' }));
    expect(await screen.findByTestId('module-map-ha')).toHaveTextContent('1 slave connected');
    expect(screen.getByTestId('module-map-index')).not.toHaveTextContent('frozen');
  });
});
