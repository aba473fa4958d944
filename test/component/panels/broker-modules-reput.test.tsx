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
import { scenarioOf, type ScenarioJson } from '../../support/test-sim.ts';
import { loadAt } from './load.ts';

afterEach(cleanup);

/** 100-byte bodies until the master loses power, 700-byte ones after it is back: the slave, ahead, gets bytes from inside a message. */
const SLAVE_AHEAD = {
  version: 1, durationMs: 200_000, config: { networkJitterMs: 0 }, nameServers: [{ id: 'ns-1' }],
  brokers: [{ name: 'broker-a', role: 'ASYNC_MASTER' }, { name: 'broker-a', brokerId: 1, role: 'SLAVE', slaveReadEnable: true }],
  topics: [{ name: 'TopicTest', writeQueueNums: 1, readQueueNums: 1 }],
  producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 20, bodyBytes: 100 }, { id: 'p-2', group: 'PG2', topic: 'TopicTest', ratePerSec: 5, bodyBytes: 700, startAt: 80_000 }],
  timeline: [
    { at: 59_000, action: 'setProducerRate', target: 'p-1', ratePerSec: 0 },
    { at: 60_000, action: 'powerOffBroker', target: 'broker-a' },
    { at: 75_000, action: 'startBroker', target: 'broker-a' },
  ],
};

describe('the module map of a slave whose ReputMessageService stopped', () => {
  it('says its ConsumeQueues and index froze at the entry where it stopped while its CommitLog copies on in bytes, in English and Chinese', async () => {
    const timeline = loadAt(scenarioOf(SLAVE_AHEAD as ScenarioJson), 120_000);
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
