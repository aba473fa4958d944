/**
 * The Dashboard's cluster table lists what GET_BROKER_CLUSTER_INFO returns: the brokers a running
 * NameServer's BrokerData holds, not every process of the scenario.
 */
import { runSimQuery } from '../../../src/sim/queries/index.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import { clusterRows } from '../../../src/ui/insight/dashboard/dashboard-tables.ts';
import { writeReadScenario } from '../../component/panels/scenarios.ts';
import { libraryTimeline } from '../../support/library.ts';

const brokersOf = (timeline: Timeline) => clusterRows(timeline.state, runSimQuery(timeline, 'dashboardStats', {}))?.rows.map((row) => `${row[0]}/${row[1]} ${row[2]}`);

describe('the Dashboard\'s cluster', () => {
  it('drops a master the NameServer removed when it crashed (channelClosed), and keeps its slave', () => {
    const before = libraryTimeline('master-loss-sync-async', 50_000);
    expect(brokersOf(before)).toEqual(['broker-a/0 10.0.1.1:10911', 'broker-a/1 10.0.1.2:10911', 'broker-b/0 10.0.1.3:10911', 'broker-b/1 10.0.1.4:10911']);
    const after = libraryTimeline('master-loss-sync-async', 75_000);
    // Both masters lost power at 60 s; ns-1 removed them at once.
    expect(after.state.brokers['broker-a/0']).toBeDefined();
    expect(brokersOf(after)).toEqual(['broker-a/1 10.0.1.2:10911', 'broker-b/1 10.0.1.4:10911']);
  });

  it('asks the first running NameServer, and has nobody to ask while none runs', () => {
    const crash = (target: string) => ({ at: 15_000, action: 'crashNameServer' as const, target });
    const oneDown = new Timeline(writeReadScenario({ timeline: [crash('ns-1')] }));
    oneDown.seek(20_000);
    expect(clusterRows(oneDown.state, undefined)?.nameServer).toBe('ns-2');
    const bothDown = new Timeline(writeReadScenario({ timeline: [crash('ns-1'), crash('ns-2')] }));
    bothDown.seek(20_000);
    expect(clusterRows(bothDown.state, undefined)).toBeNull();
  });
});
