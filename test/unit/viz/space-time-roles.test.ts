/**
 * The space-time diagram after a controller election. In "controller-failover" broker-a/0 (the
 * declared master) is cut off at 30.5 s; the controller elects broker-a/1, which takes brokerId 0
 * at 42.001 s (ReplicasManager.changeToMaster); after the heal at 90.5 s broker-a/0 comes back as
 * the slave with brokerId 1 (its controller id, changeToSlave). A stroke goes to the lane of the
 * node that was `brokerName/brokerId` at the event's time, and a broker lane says its role now.
 */
import { describe, expect, it } from 'vitest';
import { brokerRoles } from '../../../src/sim/index.ts';
import { runSimQuery } from '../../../src/sim/queries/index.ts';
import type { Timeline } from '../../../src/sim/timeline.ts';
import { brokerNodeNames } from '../../../src/ui/broker-node-names.ts';
import { lanesOf } from '../../../src/viz/space-time-events.ts';
import { LABEL_WIDTH, layoutSpaceTime, RIGHT_PAD } from '../../../src/viz/space-time-layout.ts';
import { libraryTimeline } from '../../support/library.ts';

function layoutAt(timeline: Timeline, fromMs: number) {
  const nowMs = timeline.now;
  const window = runSimQuery(timeline, 'traceWindow', { from: fromMs, to: nowMs });
  const names = brokerNodeNames(timeline.state, runSimQuery(timeline, 'masterChanges', {}));
  return layoutSpaceTime({
    lanes: lanesOf(timeline.scenario), events: window.events, firstIndex: window.firstIndex, fromMs, toMs: nowMs, nowMs,
    width: LABEL_WIDTH + 1_000 + RIGHT_PAD, nodeOf: names.node, roles: brokerRoles(timeline.state).role,
  });
}

describe('space-time after a controller election', () => {
  it('draws the sends of 55-60 s to broker-a/1, the elected master, and none to the cut-off broker-a/0', () => {
    const layout = layoutAt(libraryTimeline('controller-failover', 60_000), 55_000);
    const sendsTo = (lane: string) => layout.arrows.filter((arrow) => arrow.kind === 'send' && arrow.to === lane).reduce((n, arrow) => n + arrow.count, 0);
    expect(sendsTo('broker-a/1')).toBeGreaterThan(0);
    expect(sendsTo('broker-a/0')).toBe(0);
    expect(layout.arrows.filter((arrow) => arrow.kind === 'pull' && arrow.from === 'broker-a/0')).toEqual([]);
  });

  it('draws a consumer\'s first heartbeat to each node that registered it, the slave too (MQClientInstance.sendHeartbeatToAllBroker)', () => {
    const layout = layoutAt(libraryTimeline('master-slave-failover', 5_000), 0);
    const heartbeatsTo = new Set(layout.arrows.filter((arrow) => arrow.kind === 'heartbeat' && arrow.from === 'c-1').map((arrow) => arrow.to));
    expect([...heartbeatsTo].sort()).toEqual(expect.arrayContaining(['broker-a/0', 'broker-a/1']));
  });

  it('after the heal draws replication from broker-a/1 to broker-a/0 and its registration as the slave from broker-a/0', () => {
    const layout = layoutAt(libraryTimeline('controller-failover', 120_000), 95_000);
    const replicate = layout.arrows.filter((arrow) => arrow.kind === 'replicate' && arrow.from.startsWith('broker-a/'));
    expect(replicate.length).toBeGreaterThan(0);
    expect(replicate.every((arrow) => arrow.from === 'broker-a/1' && arrow.to === 'broker-a/0')).toBe(true);
    const registers = layout.arrows.filter((arrow) => arrow.kind === 'register' && arrow.from.startsWith('broker-a/'));
    expect(new Set(registers.map((arrow) => arrow.from))).toEqual(new Set(['broker-a/0', 'broker-a/1']));
  });

  it('before the election keeps the declared lanes: replication from broker-a/0 to broker-a/1', () => {
    const layout = layoutAt(libraryTimeline('controller-failover', 25_000), 20_000);
    const replicate = layout.arrows.filter((arrow) => arrow.kind === 'replicate' && arrow.from.startsWith('broker-a/'));
    expect(replicate.length).toBeGreaterThan(0);
    expect(replicate.every((arrow) => arrow.from === 'broker-a/0' && arrow.to === 'broker-a/1')).toBe(true);
  });

  it('says each broker lane\'s role at the playhead: broker-a/1 master, broker-a/0 old master while cut off, then slave', () => {
    const roleOf = (timeline: Timeline) => Object.fromEntries(layoutAt(timeline, timeline.now - 5_000).lanes.filter((lane) => lane.role === 'broker').map((lane) => [lane.id, lane.now]));
    expect(roleOf(libraryTimeline('controller-failover', 20_000))).toEqual({ 'broker-a/0': 'master', 'broker-a/1': 'slave', 'broker-b/0': 'master' });
    expect(roleOf(libraryTimeline('controller-failover', 60_000))).toEqual({ 'broker-a/0': 'staleMaster', 'broker-a/1': 'master', 'broker-b/0': 'master' });
    expect(roleOf(libraryTimeline('controller-failover', 120_000))).toEqual({ 'broker-a/0': 'slave', 'broker-a/1': 'master', 'broker-b/0': 'master' });
  });
});
