// @vitest-environment jsdom
/**
 * The NameServer's and the client's side of routing: the broker's 30 s registration called its
 * heartbeat, each client's chosen NameServer and why, the countdown to its next route pull, and
 * the RocketMQ 4.x / 5.x switch with what it changes.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { resolveConfig } from '../../../src/model/defaults.ts';
import { getTimeline, usePlayback } from '../../../src/store/playback.ts';
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
    expect(screen.getAllByRole('columnheader', { name: 'Since last registration (heartbeat every 30 s)' })).toHaveLength(2);
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
    expect(screen.getAllByRole('columnheader', { name: '距上次注册（每 30 秒一次心跳）' })).toHaveLength(2);
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

describe('the RocketMQ 4.x / 5.x switch', () => {
  it('lists what changes from the defaults and replays the run as 4.x at the same moment', async () => {
    loadAt(writeReadScenario(), 20_000);
    // The file as written: no config of its own, so the version's defaults apply.
    usePlayback.setState({ source: { ...writeReadScenario(), config: {} } });
    render(<NameServerPanel />);
    const button = await screen.findByTestId('version-4.x', {}, { timeout: 10_000 });
    expect(screen.getByTestId('version-5.x')).toHaveAttribute('aria-checked', 'true');
    const changes = screen.getByTestId('version-changes');
    expect(changes).toHaveTextContent('scanNotActiveBrokerInterval: 4.x 10 s, 5.x 5 s');
    expect(changes).toHaveTextContent('registerBrokerTimeout: 4.x 6 s, 5.x 24 s');
    expect(changes).toHaveTextContent('scanNotActiveBrokerInitialDelay: 4.x 5 s, 5.x 5 ms');
    expect(changes).toHaveTextContent('an illegal queue id is refused with: 4.x SYSTEM_ERROR, 5.x INVALID_PARAMETER');
    expect(changes).toHaveTextContent('MQFaultStrategy notAvailableDuration: 4.x 0 s / 0 s / 30 s / 60 s / 120 s / 180 s / 600 s, 5.x 0 s / 0 s / 2 s / 5 s / 6 s / 10 s / 30 s');
    expect(changes).toHaveTextContent('a slave answers pulls (a master down, its consumers pull there): 4.x always, 5.x only with slaveReadEnable');
    expect(changes).toHaveTextContent('4.x waits it out and tries the next within the same call, its timeout spent');
    expect(changes).toHaveTextContent('a 4.x producer also pulls TBW102\'s route every 30 s and heartbeats every master that has it');
    // What the switch does not change is said too: the oneway and async connect of 5.3 in every run.
    expect(changes).toHaveTextContent('Not switched: an async or oneway call with no channel open waits for the connect, as in 5.3 and later');
    fireEvent.click(button);
    await waitFor(() => expect(usePlayback.getState().scenario?.config.rocketmqVersion).toBe('4.x'), { timeout: 10_000 });
    expect(getTimeline()!.state.config.scanNotActiveBrokerIntervalMs).toBe(10_000);
    expect(screen.getByTestId('heartbeat-note')).toHaveTextContent('at its scan every 10 s');
  });

  it('lists them in Chinese with Chinese punctuation, every row alike', async () => {
    loadAt(writeReadScenario(), 20_000);
    act(() => usePlayback.getState().setLanguage('zh'));
    render(<NameServerPanel />);
    await screen.findByTestId('version-4.x', {}, { timeout: 10_000 });
    const changes = screen.getByTestId('version-changes');
    expect(changes).toHaveTextContent('scanNotActiveBrokerInitialDelay：4.x 5 秒，5.x 5 毫秒');
    expect(changes).toHaveTextContent('非法队列 id 的应答：4.x SYSTEM_ERROR，5.x INVALID_PARAMETER');
    expect(changes.textContent).not.toMatch(/[;:] ?[45]\.x/);
    act(() => usePlayback.getState().setLanguage('en'));
  });
});
