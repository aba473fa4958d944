// @vitest-environment jsdom
/**
 * The RocketMQ 4.x / 5.x switch on the NameServer panel: what it changes, grouped by process, with
 * RocketMQ's own figures (4.9.8 and 5.3.3), a version the scenario cannot run as (4.x in controller
 * mode) offered as unavailable with the reason, and a refused rebuild said next to the switch.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { findLibraryEntry } from '../../../src/scenario/library/index.ts';
import { getTimeline, usePlayback } from '../../../src/store/playback.ts';
import { openSource } from '../../../src/ui/controls/session.ts';
import { NameServerPanel } from '../../../src/ui/panels/NameServerPanel.tsx';
import { VERSION_SWITCH_WORDS } from '../../../src/ui/panels/version-switch-strings.ts';
import { loadAt } from './load.ts';
import { writeReadScenario } from './scenarios.ts';

const WAIT = { timeout: 10_000 };

afterEach(() => {
  cleanup();
  act(() => usePlayback.getState().setLanguage('en'));
});

/** The file as written: no config of its own, so the version's defaults apply. */
function loadWriteRead(): void {
  loadAt(writeReadScenario(), 20_000);
  usePlayback.setState({ source: { ...writeReadScenario(), config: {} } });
}

/** The library's controller-mode scenario ("Controller mode: a new master in 12 s…"), at 0:20. */
function loadControllerMode(): void {
  usePlayback.getState().setLanguage('en');
  expect(openSource(structuredClone(findLibraryEntry('controller-failover')!.scenario), { atMs: 20_000 }).ok).toBe(true);
}

describe('the RocketMQ 4.x / 5.x switch', () => {
  it('lists what changes from the defaults and replays the run as 4.x at the same moment', async () => {
    loadWriteRead();
    render(<NameServerPanel />);
    const button = await screen.findByTestId('version-4.x', {}, WAIT);
    expect(screen.getByTestId('version-5.x')).toHaveAttribute('aria-checked', 'true');
    const changes = screen.getByTestId('version-changes');
    expect(changes).toHaveTextContent('scanNotActiveBrokerInterval: 4.x 10 s, 5.x 5 s');
    expect(changes).toHaveTextContent('registerBrokerTimeout: 4.x 6 s, 5.x 24 s');
    expect(changes).toHaveTextContent('scanNotActiveBrokerInitialDelay: 4.x 5 s, 5.x 5 ms');
    expect(changes).toHaveTextContent('a slave answers pulls (its master down, consumers pull there): 4.x always; 5.x only with slaveReadEnable');
    expect(changes).toHaveTextContent('4.x waits out the connect timeout and tries the next in the same call, its time spent');
    expect(changes).toHaveTextContent('TBW102 (DefaultMQProducerImpl.start): 4.x a producer also pulls its route every 30 s and heartbeats every master that has it');
    // What the switch does not change is said too: the oneway and async connect of 5.3 in every run.
    expect(changes).toHaveTextContent('Not switched: an async or oneway call with no channel open waits for the connect, as in 5.3 and later');
    fireEvent.click(button);
    await waitFor(() => expect(usePlayback.getState().scenario?.config.rocketmqVersion).toBe('4.x'), WAIT);
    expect(getTimeline()!.state.config.scanNotActiveBrokerIntervalMs).toBe(10_000);
    expect(screen.getByTestId('heartbeat-note')).toHaveTextContent('at its scan every 10 s');
  });

  it('groups the rows by process and says each behaviour the model switches, with RocketMQ\'s figures', async () => {
    loadWriteRead();
    render(<NameServerPanel />);
    await screen.findByTestId('version-4.x', {}, WAIT);
    const group = (id: string) => screen.getByTestId(`version-group-${id}`);
    // NettyRemotingClient: 4.9.8 loops over the addresses while createChannel fails; 5.3.3 picks one (getAndCreateNameserverChannelAsync).
    expect(group('nameServer')).toHaveTextContent('a NameServer whose connect is refused (its process down): 4.x tries the next address in the same call; 5.x fails the call, and the next call takes the next address');
    const producer = group('producer');
    // 4.9.8 answers SYSTEM_ERROR, which DefaultMQProducer.retryResponseCodes retries; 5.3.3 INVALID_PARAMETER, which it does not.
    expect(producer).toHaveTextContent('a send to an illegal queue id (past the topic\'s queue count): 4.x SYSTEM_ERROR, and a SYNC send tries again (retryResponseCodes); 5.x INVALID_PARAMETER, and the send fails');
    // MQFaultStrategy, 4.9.8 and 5.3.3: latencyMax, notAvailableDuration, and a failure counted as 30 000 ms (4.x) or 10 000 ms (5.x).
    expect(producer).toHaveTextContent('With sendLatencyFaultEnable (off by default in both versions)');
    expect(producer).toHaveTextContent('latencyMax: 4.x 50 ms / 100 ms / 550 ms / 1 s / 2 s / 3 s / 15 s, 5.x 50 ms / 100 ms / 550 ms / 1.8 s / 3 s / 5 s / 15 s');
    expect(producer).toHaveTextContent('notAvailableDuration: 4.x 0 s / 0 s / 30 s / 60 s / 120 s / 3 min / 10 min, 5.x 0 s / 0 s / 2 s / 5 s / 6 s / 10 s / 30 s');
    expect(producer).toHaveTextContent('a failed send isolates its broker for: 4.x 10 min, 5.x 10 s');
    expect(producer).toHaveTextContent('a retry: 4.x may take the broker just tried, 5.x avoids it');
    expect(producer).toHaveTextContent('a broker with no address in the route: 4.x is isolated, 5.x is not');
    expect(producer).toHaveTextContent('a later answer from an isolated broker: 4.x sets the isolation\'s end from now');
    // The latency rows sit under the header that says they need sendLatencyFaultEnable.
    const header = within(producer).getByText(/^With sendLatencyFaultEnable/);
    expect(within(header).getAllByRole('listitem')).toHaveLength(6);
    const consumer = group('consumer');
    expect(consumer).toHaveTextContent('rebalanceMinInterval: 4.x 0 s, 5.x 1 s');
    // RebalancePushImpl.dispatchPullRequest: at once in 4.9.8, dispatchPullRequest(list, 500) in 5.3.3.
    expect(consumer).toHaveTextContent('the first pull of a queue a rebalance takes: 4.x at once, 5.x 500 ms later');
    expect(consumer).toHaveTextContent('a rebalance that could not start a queue runs again: 4.x at the next period (20 s), 5.x 1 s later (rebalanceMinInterval)');
    expect(consumer).toHaveTextContent('a member joining or leaving a BROADCASTING group (NOTIFY_CONSUMER_IDS_CHANGED): 4.x is told to every member');
    // SendMessageProcessor: 4.9.8 `>=` maxReconsumeTimes (16), 5.3.3 `>`.
    expect(consumer).toHaveTextContent('goes to %DLQ%: 4.x once its RECONSUME_TIME reaches 16, 5.x once it passes 16');
    const broker = group('broker');
    expect(broker).toHaveTextContent('a slave takes the consumed offset a pull carries as the group\'s: 4.x no (only a master), 5.x yes');
    // MessageStoreConfig.haHousekeepingInterval: 20 s; 4.9.8's HAClient never closes a silent master's connection.
    expect(broker).toHaveTextContent('a slave\'s HA connection to a master it hears nothing from: 4.x stays open, 5.x closes after 20 s (haHousekeepingInterval)');
    expect(broker).toHaveTextContent('writes its topics\' queues into the route: 4.x no (only a master\'s), 5.x the lowest-id slave\'s does');
    expect(screen.queryByTestId('version-group-otherDefaults')).toBeNull();
  });

  it('says when a slave first syncs: 4.x at 3 s, then every 10 s; 5.x at the first 3 s check after 60 s, about 61 s', async () => {
    // BrokerController: 4.9.8 scheduleAtFixedRate(syncAll, 3 s, 10 s); 5.3.3 the check at 10 s, then every 3 s,
    // syncing once more than 60 s passed since lastSyncTimeMs (set when the controller is built): 10 + 17 x 3 = 61 s.
    loadWriteRead();
    render(<NameServerPanel />);
    await screen.findByTestId('version-4.x', {}, WAIT);
    expect(screen.getByTestId('version-group-broker')).toHaveTextContent('a slave\'s first sync of topics and offsets (SlaveSynchronize): 4.x 3 s after start, then every 10 s; '
      + '5.x the first check 10 s after start, then every 3 s, syncing only when 60 s have passed since the last (so about 61 s after start)');
    // Said once, in that row, not again as three bare defaults.
    expect(screen.getByTestId('version-changes')).not.toHaveTextContent('slaveSyncCheckInterval');
  });

  it('lists them in Chinese with Chinese punctuation, every row alike', async () => {
    loadAt(writeReadScenario(), 20_000);
    act(() => usePlayback.getState().setLanguage('zh'));
    render(<NameServerPanel />);
    await screen.findByTestId('version-4.x', {}, WAIT);
    const changes = screen.getByTestId('version-changes');
    expect(changes).toHaveTextContent('scanNotActiveBrokerInitialDelay：4.x 5 秒，5.x 5 毫秒');
    expect(changes).toHaveTextContent('发往非法队列 id（超出主题的队列数）的消息：4.x SYSTEM_ERROR，同步发送会重试（retryResponseCodes）；5.x INVALID_PARAMETER，发送失败');
    expect(changes).toHaveTextContent('开启 sendLatencyFaultEnable 时（两个版本默认都不开启）');
    expect(changes).toHaveTextContent('发送失败时 Broker 被隔离：4.x 10 分钟，5.x 10 秒');
    expect(changes).toHaveTextContent('连接被拒绝的 NameServer（进程已停）：4.x 在同一次调用里接着试下一个地址；5.x 这次调用失败，下一次调用改用下一个地址');
    expect(screen.getByTestId('version-group-consumer')).toHaveTextContent('消费者');
    const text = changes.textContent ?? '';
    expect(text).not.toMatch(/[;:,] ?[45]\.x/);
    // No space between two Chinese words, nor before Chinese punctuation.
    expect(text).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]/);
    expect(text).not.toMatch(/ [，。；：、）]/);
  });

  it('is not worked out again when the playhead moves: nothing it says depends on the time', async () => {
    loadWriteRead();
    render(<NameServerPanel />);
    await screen.findByTestId('version-4.x', {}, WAIT);
    const row = vi.spyOn(VERSION_SWITCH_WORDS.en, 'row');
    act(() => usePlayback.getState().seek(25_000));
    act(() => usePlayback.getState().seek(30_000));
    expect(screen.getByTestId('version-changes')).toHaveTextContent('scanNotActiveBrokerInterval: 4.x 10 s, 5.x 5 s');
    expect(row).not.toHaveBeenCalled();
    row.mockRestore();
  });
});

describe('a version the scenario cannot run as', () => {
  it('in controller mode, offers 4.x as unavailable with the reason on screen and for a screen reader, and a click does nothing', async () => {
    loadControllerMode();
    render(<NameServerPanel />);
    const v4 = await screen.findByTestId('version-4.x', {}, WAIT);
    expect(v4).toHaveAttribute('aria-disabled', 'true');
    expect(v4).toHaveAccessibleDescription('Controller mode exists only in 5.x');
    expect(screen.getByTestId('version-why-4.x')).toBeVisible();
    expect(screen.getByTestId('version-5.x')).not.toHaveAttribute('aria-disabled');
    fireEvent.click(v4);
    expect(usePlayback.getState().scenario?.config.rocketmqVersion).toBe('5.x');
    expect(usePlayback.getState().scenario?.config.enableControllerMode).toBe(true);
    // Unavailable is not refused: nothing was tried, so there is no alert.
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('version-4.x')).toHaveAccessibleDescription('Controller 模式只在 5.x 中才有');
  });

  it('a rebuild the scenario rules refuse says why next to the switch, in the page\'s language, as text', async () => {
    loadWriteRead();
    // The file asks for controller mode where the run shows none (a file edited since): only the rebuild finds out.
    usePlayback.setState({ source: { ...writeReadScenario(), config: { enableControllerMode: true, enableControllerInNamesrv: true } } });
    render(<NameServerPanel />);
    const v4 = await screen.findByTestId('version-4.x', {}, WAIT);
    expect(v4).not.toHaveAttribute('aria-disabled');
    fireEvent.click(v4);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not switch: controller mode (BrokerConfig.enableControllerMode) exists only in RocketMQ 5.x');
    expect(alert.children).toHaveLength(0);
    expect(usePlayback.getState().scenario?.config.rocketmqVersion).toBe('5.x');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByRole('alert')).toHaveTextContent('无法切换：Controller 模式（BrokerConfig.enableControllerMode）只在 RocketMQ 5.x 中才有');
    // Another file clears it: the refusal was of the one it was refused for.
    act(() => usePlayback.setState({ source: { ...writeReadScenario(), config: {} } }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
