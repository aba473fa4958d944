// @vitest-environment jsdom
/**
 * The NameServer's and the client's side of routing: the broker's 30 s registration called its
 * heartbeat, each client's chosen NameServer and why, and the countdown to its next route pull
 * (the RocketMQ 4.x / 5.x switch on the same panel: version-switch.test.tsx).
 */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { resolveConfig } from '../../../src/model/defaults.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { InspectorPanel } from '../../../src/ui/panels/InspectorPanel.tsx';
import { NameServerPanel } from '../../../src/ui/panels/NameServerPanel.tsx';
import { loadAt } from './load.ts';
import { writeReadScenario } from './scenarios.ts';

afterEach(cleanup);

/** MQClientInstance: route refresh 10 ms after start, then every pollNameServerInterval (30 s). */
const ROUTE_FIRST = 10;
const ROUTE_PERIOD = 30_000;

describe('the broker\'s heartbeat on the NameServer panel', () => {
  it('calls the registration every registerNameServerPeriod the heartbeat, and counts from any registration, with the run\'s numbers', () => {
    loadAt(writeReadScenario(), 20_000);
    render(<NameServerPanel />);
    expect(screen.getAllByRole('columnheader', { name: 'Since last registration (heartbeat every 30\u00a0s)' })).toHaveLength(2);
    expect(screen.getByTestId('heartbeat-note')).toHaveTextContent('every 30 s; it also registers at once after a topic is created or updated, and every registration restarts the expiry. A NameServer removes a broker at once when its connection closes (a crash, a shutdown); '
      + 'a silent one (cut off, or its machine without power) when its channel has been idle 120 s, or at its scan every 5 s once its last registration is older than 120 s.');
  });

  it('says 10 s for the scan of RocketMQ 4.x, and speaks Chinese', () => {
    const scenario = writeReadScenario();
    scenario.config = resolveConfig({ rocketmqVersion: '4.x' });
    loadAt(scenario, 20_000);
    act(() => usePlayback.getState().setLanguage('zh'));
    render(<NameServerPanel />);
    expect(screen.getByTestId('heartbeat-note')).toHaveTextContent('连接关闭时（崩溃、关闭）NameServer 立即剔除该 Broker');
    expect(screen.getByTestId('heartbeat-note')).toHaveTextContent('在每 10 秒一次的扫描中');
    expect(screen.getAllByRole('columnheader', { name: '距上次注册（每 30\u00a0秒一次心跳）' })).toHaveLength(2);
  });
});

describe('the NameServer panel\'s removal of a silent broker', () => {
  it('names no idle close when serverChannelMaxIdleTimeMs is 0 (IdleStateHandler with 0 checks nothing)', () => {
    const scenario = writeReadScenario();
    scenario.config = resolveConfig({ serverChannelMaxIdleTimeMs: 0 });
    loadAt(scenario, 20_000);
    render(<NameServerPanel />);
    expect(screen.getByTestId('heartbeat-note')).toHaveTextContent('a silent one (cut off, or its machine without power) at its scan every 5 s once its last registration is older than 120 s.');
    expect(screen.getByTestId('heartbeat-note')).not.toHaveTextContent('idle');
  });
});

describe('the client\'s NameServer and its next route pull', () => {
  it('shows the random start in the shuffled list and counts down to the next 30 s pull', () => {
    const timeline = loadAt(writeReadScenario(), 12_000);
    act(() => usePlayback.getState().select({ kind: 'client', id: 'c-1' }));
    render(<InspectorPanel />);
    const client = timeline.state.clients['c-1']!;
    expect(screen.getByTestId('client-chosen')).toHaveTextContent(client.namesrvChosen!);
    expect(screen.getByTestId('client-chosen-why')).toHaveTextContent(`a random start (namesrvIndex) in the shuffled list ${client.namesrvAddrList.join(', ')}`);
    expect(screen.getByText(`${client.namesrvAddrList.join(', ')} (shuffled when the client started)`)).toBeInTheDocument();
    act(() => usePlayback.getState().setLanguage('zh'));
    // A sentence after the name, not a noun phrase hanging beside it.
    expect(screen.getByTestId('client-chosen-why')).toHaveTextContent(`：从打乱后的列表 ${client.namesrvAddrList.join('、')} 中的随机位置（namesrvIndex）选中，连接正常时一直用它`);
    act(() => usePlayback.getState().setLanguage('en'));
    // c-1 started at 1 s: pulls at 1.010 s and 31.010 s.
    const next = 1_000 + ROUTE_FIRST + ROUTE_PERIOD;
    expect(within(screen.getByTestId('client-next-route-pull')).getByRole('meter')).toHaveAttribute('aria-valuenow', String(next - 12_000));
    expect(screen.queryByTestId('client-pulling-now')).toBeNull();
  });

  it('says a pull is on its way while the round\'s query has no answer yet (the countdown has already restarted)', () => {
    // c-1's first round: the query leaves at 1.010 s and its answer arrives one hop each way later.
    const timeline = loadAt(writeReadScenario(), 1_000 + ROUTE_FIRST + 1);
    act(() => usePlayback.getState().select({ kind: 'client', id: 'c-1' }));
    render(<InspectorPanel />);
    expect(timeline.state.clients['c-1']!.topicRouteTable).toEqual({});
    expect(screen.getByTestId('client-pulling-now')).toHaveTextContent('Pulling now: the query for TopicTest\'s route (GET_ROUTEINFO_BY_TOPIC) is on its way');
  });

  it('after its NameServer crashed, names the one that failed and the next one chosen', () => {
    const first = loadAt(writeReadScenario(), 12_000).state.clients['c-1']!.namesrvChosen!;
    const timeline = loadAt(writeReadScenario({ timeline: [{ at: 15_000, action: 'crashNameServer', target: first }] }), 40_000);
    act(() => usePlayback.getState().select({ kind: 'client', id: 'c-1' }));
    render(<InspectorPanel />);
    const client = timeline.state.clients['c-1']!;
    expect(client.namesrvChosen).not.toBe(first);
    expect(screen.getByTestId('client-chosen-why')).toHaveTextContent(`once ${first} could not be used (its channel closed, or a request to it failed)`);
  });
});
