// @vitest-environment jsdom
/**
 * After a controller election the views follow the brokers' roles now, not the ids the scenario
 * declared: in "controller-failover" broker-a/0 (declared master) is cut off at 30.5 s, the
 * controller elects broker-a/1 at 42.0 s (it takes brokerId 0, ReplicasManager.changeToMaster),
 * and broker-a/0 keeps claiming brokerId 0 at its old epoch until it hears of the new one after
 * the heal at 90.5 s (changeToSlave: brokerId 1, its controller id).
 */
import { act, cleanup, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { Scenario } from '../../../src/model/spec.ts';
import { brokerRoles } from '../../../src/sim/broker-roles.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import { FailoverPanel } from '../../../src/ui/panels/FailoverPanel.tsx';
import { TopologyPanel } from '../../../src/ui/panels/index.ts';
import { dotsAt } from '../../../src/ui/panels/topology-geometry.ts';
import { topologyModel } from '../../../src/ui/panels/topology-model.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { useBrokerNodeNames } from '../../../src/ui/use-broker-node-names.ts';
import { layoutTopology } from '../../../src/viz/topology-layout.ts';
import { libraryScenario } from '../../support/library.ts';
import { loadAt } from './load.ts';

function controllerFailover(): Scenario {
  return libraryScenario('controller-failover');
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('broker roles after a controller election', () => {
  const timeline = new Timeline(controllerFailover());

  it('before the partition, the declared master is the master and the slave carries its controller id', () => {
    timeline.seek(20_000);
    const roles = brokerRoles(timeline.state);
    expect(roles.master['broker-a']).toBe('broker-a/0');
    expect(roles.role).toMatchObject({ 'broker-a/0': 'master', 'broker-a/1': 'slave' });
    // changeToSlave gave the slave brokerId 2, its controller id.
    expect(roles.node['broker-a/2']).toBe('broker-a/1');
  });

  it('after the election the elected slave is the master; the cut-off old master, still claiming brokerId 0, is stale', () => {
    timeline.seek(60_000);
    const roles = brokerRoles(timeline.state);
    expect(timeline.state.brokers['broker-a/0']!.brokerId).toBe(0);
    expect(roles.master['broker-a']).toBe('broker-a/1');
    expect(roles.role).toMatchObject({ 'broker-a/0': 'staleMaster', 'broker-a/1': 'master', 'broker-b/0': 'master' });
    expect(roles.node['broker-a/0']).toBe('broker-a/1');
  });

  it('after the heal the old master is a slave with its controller id', () => {
    timeline.seek(100_000);
    const roles = brokerRoles(timeline.state);
    expect(roles.role).toMatchObject({ 'broker-a/0': 'slave', 'broker-a/1': 'master' });
    expect(roles.node['broker-a/1']).toBe('broker-a/0');
  });

  it('sends fly to the master the producer\'s route names: the old one until its route pull at 60.014 s, then the new one', () => {
    timeline.seek(55_000);
    expect(topologyModel(timeline.state).routing.sendTo['p-1>broker-a']).toBe('broker-a/0');
    timeline.seek(61_000);
    expect(topologyModel(timeline.state).routing.sendTo['p-1>broker-a']).toBe('broker-a/1');
  });

  it('draws the queues in the new master and a master\'s store as a ring on the new master', () => {
    timeline.seek(61_000);
    const model = topologyModel(timeline.state);
    expect(model.input.queueSlots).toEqual({ 'broker-a/1': 4, 'broker-b/0': 4 });
    const layout = layoutTopology(model.input, 1280);
    const rings = dotsAt(timeline, layout, model.routing, 61_000, 1_000).filter((dot) => dot.kind === 'stored' && dot.ring !== undefined);
    const newMaster = layout.brokers['broker-a/1']!;
    const oldMaster = layout.brokers['broker-a/0']!;
    const inside = (box: typeof newMaster, y: number) => y >= box.y && y <= box.y + box.height;
    expect(rings.some((dot) => inside(newMaster, dot.y))).toBe(true);
    expect(rings.some((dot) => inside(oldMaster, dot.y))).toBe(false);
  });

  it('after the heal a copy flies from the new master down to the old one, now its slave', () => {
    timeline.seek(100_000);
    const model = topologyModel(timeline.state);
    const layout = layoutTopology(model.input, 1280);
    const copies = dotsAt(timeline, layout, model.routing, 100_000, 1_000).filter((dot) => dot.kind === 'stored' && dot.ring === undefined);
    expect(copies.length).toBeGreaterThan(0);
    const boxes = [layout.brokers['broker-a/0']!, layout.brokers['broker-a/1']!];
    const top = Math.min(...boxes.map((box) => box.y));
    const bottom = Math.max(...boxes.map((box) => box.y + box.height));
    for (const dot of copies) expect(dot.y >= top && dot.y <= bottom).toBe(true);
  });

  it('labels the boxes by their roles now, with the brokerId once it is not the declared one', async () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation((() => null) as never);
    loadAt(controllerFailover(), 60_000);
    render(<TopologyPanel />);
    expect(screen.getByRole('button', { name: /^broker-a\/1 · master · brokerId 0 / })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^broker-a\/0 · old master partitioned/ })).toBeInTheDocument();
    expect(await screen.findAllByTestId(/^canvas-queue-broker-a\/1#/)).toHaveLength(4);
    expect(screen.queryAllByTestId(/^canvas-queue-broker-a\/0#/)).toHaveLength(0);
  });

  it('"who believes what" names each broker\'s brokerId now, and the NameServers list the new master under brokerId 0 while the producer still holds the old one', () => {
    loadAt(controllerFailover(), 55_000);
    render(<FailoverPanel />);
    expect(screen.getByTestId('belief-broker-a/1')).toHaveTextContent(/^broker-a\/1 brokerId 0 now, master/);
    expect(screen.getByTestId('belief-broker-a/0')).toHaveTextContent(/^broker-a\/0 brokerId 0 now, old master, replaced/);
    for (const ns of ['ns-1', 'ns-2']) {
      expect(screen.getByTestId(`belief-broker-a/1-${ns}`)).toHaveTextContent('listed (brokerId 0)');
      expect(screen.getByTestId(`belief-broker-a/1-${ns}`)).not.toHaveClass('rs-failover-wrong');
    }
    // p-1 pulls its route every 30 s: until 60.014 s it still sends broker-a's messages to the old master.
    expect(screen.getByTestId('belief-broker-a/0-p-1')).toHaveTextContent('listed (brokerId 0)');
    expect(screen.getByTestId('belief-broker-a/0-p-1')).toHaveClass('rs-failover-wrong');
    expect(screen.getByTestId('belief-broker-a/1-p-1')).toHaveTextContent('listed (brokerId 2)');
    expect(screen.getByTestId('belief-broker-a/1-p-1')).toHaveClass('rs-failover-wrong');
  });

  it('the names stay one object while the roles and master changes stay the same, so a memo on them (the log\'s sentence context) holds', async () => {
    loadAt(controllerFailover(), 60_000);
    const { result } = renderHook(() => useBrokerNodeNames());
    // The master changes up to the playhead come from a query: the key holds them once answered.
    await waitFor(() => expect(result.current.key).toContain('"t":42002'));
    const first = result.current;
    act(() => usePlayback.getState().seek(61_000));
    await waitFor(() => expect(usePlayback.getState().timeMs).toBe(61_000));
    await waitFor(() => expect(result.current.key).toContain('"t":42002'));
    expect(result.current).toBe(first);
    expect(result.current.node('broker-a', 0, 61_000)).toBe('broker-a/1');
  });
});
