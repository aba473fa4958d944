/**
 * A trace event's `brokerName/brokerId` at its time -> the node (src/sim/trace-broker-node.ts),
 * in "controller-failover": broker-a/0 is controller id 1, broker-a/1 controller id 2; broker-a/1
 * takes brokerId 0 at 42.001 s (ReplicasManager.changeToMaster).
 */
import { runSimQuery } from '../../../src/sim/queries/index.ts';
import { traceBrokerNode } from '../../../src/sim/trace-broker-node.ts';
import { libraryTimeline } from '../../support/library.ts';

describe('traceBrokerNode', () => {
  const timeline = libraryTimeline('controller-failover', 100_000);
  const changes = runSimQuery(timeline, 'masterChanges', {});

  it('finds each node\'s change to master: the declared masters at start, broker-a/1 at 42.002 s', () => {
    expect(changes).toEqual([
      { t: 2, broker: 'broker-a', node: 'broker-a/0' },
      { t: 3, broker: 'broker-b', node: 'broker-b/0' },
      { t: 42_002, broker: 'broker-a', node: 'broker-a/1' },
    ]);
  });

  it('brokerId 0 is the master of the event\'s time; a slave\'s brokerId is its controller id', () => {
    const node = (brokerId: number, at: number, stale = false) => traceBrokerNode(timeline.state, changes, 'broker-a', brokerId, at, stale);
    expect([node(0, 42_001), node(0, 42_002), node(2, 20_000), node(1, 95_000)]).toEqual(['broker-a/0', 'broker-a/1', 'broker-a/1', 'broker-a/0']);
    // Only a replaced master cuts its CommitLog back: at brokerId 0 it is the master before the latest change.
    expect(node(0, 93_003, true)).toBe('broker-a/0');
  });

  it('keeps what it found when the playhead goes back, and gives only the changes up to it', () => {
    timeline.seek(30_000);
    expect(runSimQuery(timeline, 'masterChanges', {}).map((change) => change.node)).toEqual(['broker-a/0', 'broker-b/0']);
    timeline.seek(100_000);
    expect(runSimQuery(timeline, 'masterChanges', {})).toEqual(changes);
  });

  it('without controller mode the ids never move and there is nothing to scan', () => {
    const plain = libraryTimeline('master-slave-failover', 60_000);
    expect(runSimQuery(plain, 'masterChanges', {})).toEqual([]);
    expect(traceBrokerNode(plain.state, [], 'broker-a', 1, 30_000)).toBe('broker-a/1');
  });
});
