// @vitest-environment jsdom
/**
 * A producer's latency faults in the inspector (LatencyFaultToleranceImpl.faultItemTable): which
 * broker a failure isolated and for how long, or, with sendLatencyFaultEnable off, that there is none.
 */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { usePlayback } from '../../../src/store/playback.ts';
import { InspectorPanel } from '../../../src/ui/panels/InspectorPanel.tsx';
import { validateScenario } from '../../../src/scenario/validate.ts';
import { loadAt } from './load.ts';

afterEach(cleanup);

/** MQFaultStrategy 5.x: a failure isolates its broker for computeNotAvailableDuration(10000), 10 s. */
const ISOLATION_5X_S = 10;

/** broker-a, a 5.x SYNC_MASTER needing two in-sync replicas, refuses every put with SYSTEM_ERROR once its slave crashes at 20 s. */
function refusingMaster(sendLatencyFaultEnable: boolean) {
  const result = validateScenario({
    version: 1,
    seed: 7,
    durationMs: 40_000,
    config: { networkJitterMs: 0, sendLatencyFaultEnable },
    nameServers: [{ id: 'ns-1' }],
    brokers: [
      { name: 'broker-a', role: 'SYNC_MASTER', inSyncReplicas: 2, enableSlaveActingMaster: true },
      { name: 'broker-a', brokerId: 1, role: 'SLAVE' },
      { name: 'broker-b' },
    ],
    topics: [{ name: 'TopicTest', writeQueueNums: 2, readQueueNums: 2 }],
    producers: [{ id: 'p-sync', group: 'PGS', topic: 'TopicTest', ratePerSec: 4, startAt: 1_000 }],
    timeline: [{ at: 20_000, action: 'crashBroker', target: 'broker-a', brokerId: 1 }],
  });
  if (!result.ok) throw new Error('invalid scenario');
  return result.scenario;
}

function inspect(sendLatencyFaultEnable: boolean, timeMs: number) {
  const timeline = loadAt(refusingMaster(sendLatencyFaultEnable), timeMs);
  act(() => usePlayback.getState().select({ kind: 'client', id: 'p-sync' }));
  render(<InspectorPanel />);
  return timeline;
}

describe('the producer\'s latency faults', () => {
  it('show broker-a isolated and unreachable after its error answer, with the time left of its 10 s', async () => {
    const timeline = inspect(true, 22_000);
    const producer = timeline.state.clients['p-sync'];
    if (producer?.kind !== 'producer') throw new Error('p-sync is a producer');
    const item = producer.latencyFaultTolerance.faultItemTable['broker-a']!;
    expect(item.reachable).toBe(false);
    const left = (item.startTimestamp - 22_000) / 1_000;
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(ISOLATION_5X_S);
    const table = await screen.findByTestId('faultItemTable');
    const row = within(table).getByRole('row', { name: /broker-a/ });
    expect(row).toHaveTextContent(`isolated, ${left.toFixed(1)} s more`);
    expect(row).toHaveTextContent(/no$/);
    expect(within(table).getByRole('row', { name: /broker-b/ })).toHaveTextContent(/broker-b.*yes.*yes$/);
    expect(screen.getByTestId('fault-items-note')).toHaveTextContent(`isolates it for ${ISOLATION_5X_S} s`);
  });

  it('say there are none when sendLatencyFaultEnable is off', async () => {
    inspect(false, 22_000);
    expect(await screen.findByTestId('fault-items-off')).toHaveTextContent('sendLatencyFaultEnable is off');
    expect(screen.queryByTestId('faultItemTable')).toBeNull();
  });
});
