// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { FailoverPanel } from '../../../src/ui/panels/FailoverPanel.tsx';
import { usePlayback } from '../../../src/store/playback.ts';
import { findLibraryEntry } from '../../../src/scenario/library/index.ts';
import { libraryScenario } from '../../support/library.ts';
import { scenarioOf, type ScenarioJson } from '../../support/test-sim.ts';
import { loadAt } from './load.ts';
import { writeReadScenario } from './scenarios.ts';
import { formatTime } from '../../../src/viz/format.ts';

afterEach(cleanup);

const crashB = () => writeReadScenario({ brokers: ['broker-a', 'broker-b'], timeline: [{ at: 30_000, action: 'crashBroker', target: 'broker-b' }] });
const partitionB = () => writeReadScenario({ brokers: ['broker-a', 'broker-b'], timeline: [{ at: 50_000, action: 'partitionBroker', target: 'broker-b' }] });

describe('FailoverPanel', () => {
  it('says there is no fault before the first one', () => {
    loadAt(crashB(), 20_000);
    render(<FailoverPanel />);
    expect(screen.getByText(/No broker fault so far/)).toBeInTheDocument();
    expect(screen.queryByTestId('failover-rings')).toBeNull();
  });

  it('says what the rings under the playhead are once a fault has come', () => {
    loadAt(crashB(), 40_000);
    render(<FailoverPanel />);
    expect(screen.getByTestId('failover-rings')).toHaveTextContent('The rings under the playhead mark when each fault showed itself');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('failover-rings')).toHaveTextContent('播放头下方的圆圈标出每个故障显露的时刻');
    act(() => usePlayback.getState().setLanguage('en'));
  });

  it('lists who noticed a crash, with the arithmetic, in English and in Chinese', async () => {
    const timeline = loadAt(crashB(), 40_000);
    render(<FailoverPanel />);
    await screen.findByTestId('failover-costs');
    const faults = screen.getByTestId('failover-faults');
    expect(within(faults).getByText('0:30.000: broker-b crashes (crashBroker)')).toBeInTheDocument();
    const items = within(faults).getAllByRole('listitem').map((li) => li.textContent);
    // One latency (1 ms plus up to 1 ms of jitter) after the crash: channelClosed on both NameServers.
    for (const ns of ['ns-1', 'ns-2']) {
      const detection = timeline.state.detections.find((d) => d.party === ns)!;
      expect(detection.noticedAt - 30_000).toBeLessThanOrEqual(2);
      // Under a second the delay is said in ms: 0.0 s would hide it.
      expect(items).toContain(`${ns} removed broker-b/0 at ${formatTime(detection.noticedAt)}: its connection closed (${detection.noticedAt - 30_000}\u00a0ms after the fault)`);
    }
    act(() => usePlayback.getState().setLanguage('zh'));
    const ns1 = timeline.state.detections.find((d) => d.party === 'ns-1')!;
    expect(screen.getByText(`ns-1 在 ${formatTime(ns1.noticedAt)} 移除了 broker-b/0：连接已关闭（故障后 ${ns1.noticedAt - 30_000} 毫秒）`)).toBeInTheDocument();
  });

  it('names the process that failed, not its brokerName: with a slave registered, the route keeps broker-b and loses broker-b/0', async () => {
    const scenario = writeReadScenario({ brokers: ['broker-a', 'broker-b'], slaves: true, timeline: [{ at: 30_000, action: 'crashBroker', target: 'broker-b' }] });
    const timeline = loadAt(scenario, 70_000);
    render(<FailoverPanel />);
    await screen.findByTestId('failover-costs');
    const items = within(screen.getByTestId('failover-faults')).getAllByRole('listitem').map((li) => li.textContent);
    const ns1 = timeline.state.detections.find((d) => d.party === 'ns-1')!;
    expect(items).toContain(`ns-1 removed broker-b/0 at ${formatTime(ns1.noticedAt)}: its connection closed (${ns1.noticedAt - 30_000}\u00a0ms after the fault)`);
    // c-1's route, pulled after the crash, lists broker-b's slave and not its master.
    const pulled = timeline.state.detections.find((d) => d.party === 'c-1' && d.how === 'routeUpdated')!;
    expect(items).toContain(`c-1 noticed at ${formatTime(pulled.noticedAt)}: its route refresh no longer lists broker-b/0 (${Number(((pulled.noticedAt - 30_000) / 1_000).toFixed(1))}\u00a0s after the fault)`);
    expect(items.some((text) => / lists broker-b /.test(text ?? '') || / broker-b \(/.test(text ?? ''))).toBe(false);
  });

  it('shows the idle close with its 120 s and, before it, the NameServers still listing a partitioned broker', async () => {
    const timeline = loadAt(partitionB(), 100_000);
    render(<FailoverPanel />);
    await screen.findByTestId('failover-costs');
    // At 100 s both NameServers still list broker-b/0, which is cut off: the cells are marked wrong.
    for (const ns of ['ns-1', 'ns-2']) {
      const cell = screen.getByTestId(`belief-broker-b/0-${ns}`);
      expect(cell).toHaveTextContent('listed');
      expect(cell).toHaveClass('rs-failover-wrong');
    }
    // One column per broker: the truth row says broker-a is up and broker-b is partitioned (running, cut off), not down.
    const truth = within(screen.getByTestId('failover-beliefs')).getByRole('row', { name: /^truth/ });
    expect(within(truth).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['up', 'partitioned']);
    // A cell's full words are what a screen reader reads; the mark is what the eye reads.
    const wrongCells = screen.getAllByRole('cell', { name: 'listed (brokerId 0), believes wrong' });
    // The clients' routes come from the NameServers, so they are wrong with them.
    expect(wrongCells.map((cell) => cell.dataset.testid)).toEqual(['ns-1', 'ns-2', 'p-1', 'c-1', 'c-2'].map((id) => `belief-broker-b/0-${id}`));
    expect(within(screen.getByTestId('belief-broker-a/0-ns-1')).getByText('✓ 0')).toHaveAttribute('aria-hidden', 'true');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('belief-broker-b/0-ns-1')).toHaveAccessibleName('有（brokerId 0），认知有误');
    act(() => usePlayback.getState().setLanguage('en'));
    // One row per NameServer and client under the truth row: more processes make the table longer, not wider.
    expect(within(screen.getByTestId('failover-beliefs')).getAllByRole('columnheader')).toHaveLength(3);
    cleanup();
    loadAt(partitionB(), 200_000);
    render(<FailoverPanel />);
    await screen.findByTestId('failover-costs');
    const since = timeline.state.nameServers['ns-1']!.brokerLiveTable['10.0.1.2:10911']!.lastUpdateTimestamp;
    const at = formatTime(since + 120_000);
    expect(screen.getByText(`ns-1 removed broker-b/0 at ${at}: its channel was idle for 120 s since ${formatTime(since)}`)).toBeInTheDocument();
    expect(screen.getByTestId('belief-broker-b/0-ns-1')).not.toHaveClass('rs-failover-wrong');
  });

  it('gives the run\'s expiry in a scan\'s removal, not RocketMQ\'s default 120 s, in English and in Chinese', async () => {
    const scenario = partitionB();
    loadAt({ ...scenario, config: { ...scenario.config, serverChannelMaxIdleTimeMs: 0, brokerChannelExpiredTimeMs: 60_000 } }, 200_000);
    render(<FailoverPanel />);
    await screen.findByTestId('failover-costs');
    expect(screen.getByText(/^ns-1 removed broker-b\/0 at [\d:.]+: its last registration, at [\d:.]+, was [\d.]+ s old \(over 60 s\), found by the scan$/)).toBeInTheDocument();
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByText(/^ns-1 在 [\d:.]+ 移除了 broker-b\/0：它最后一次注册在 [\d:.]+，已过去 [\d.]+ 秒（超过 60 秒），被扫描发现$/)).toBeInTheDocument();
    act(() => usePlayback.getState().setLanguage('en'));
  });

  it('says what each fault cost each client until its route dropped the broker, in English and in Chinese (crash vs partition vs shutdown at 3:35)', async () => {
    loadAt(libraryScenario('crash-partition-shutdown'), 215_000);
    render(<FailoverPanel />);
    const costs = async () => (await screen.findAllByTestId('failover-costs')).map((list) => within(list).getAllByRole('listitem').map((li) => li.textContent));
    const [crash, partition] = await costs();
    // ns-1 closed broker-b's idle channel at 3:10.001, ns-2 at 3:10.002; p-1's next route pull, at 3:31.012, dropped it. The
    // reasons in the order they first came: its first send
    // into the partition timed out and closed its channel, failing the 7 waiting on it; each later send failed with the connect it
    // started or waited for.
    expect(partition).toEqual([
      'p-1 stopped sending to broker-b/0 at 3:31.012, 121\u00a0s after the fault (its route pull from ns-1, which had dropped it at 3:10.001); 286 send attempts to it failed meanwhile (1 timed out, after waiting up to sendMsgTimeout, 3\u00a0s; 7 cut off as its connection closed, with every request waiting on it; 278 could not connect: the connect got no answer within connectTimeoutMillis, 3\u00a0s)',
      'c-1\'s route stopped listing broker-b/0 at 3:31.016, 121\u00a0s after the fault (its route pull from ns-2, which had dropped it at 3:10.002)',
      'c-2\'s route stopped listing broker-b/0 at 3:31.018, 121\u00a0s after the fault (its route pull from ns-2, which had dropped it at 3:10.002)',
    ]);
    // A crashed process refuses at once.
    expect(crash![0]).toBe('p-1 stopped sending to broker-a/0 at 1:01.013, 1\u00a0s after the fault (its route pull from ns-1, which had dropped it at 1:00.001); 1 send attempt to it failed meanwhile (1 refused at once: its process is down)');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect((await costs())[1]![0]).toBe('p-1 在 3:31.012 停止向 broker-b/0 发送，故障后 121\u00a0秒（从 ns-1 拉取的路由，ns-1 已在 3:10.001 移除了它）；期间有 286 次发往它的发送尝试失败（1 次超时，每次最多等待 sendMsgTimeout 3\u00a0秒；7 次因连接关闭而中断，连接上等待的请求一起失败；278 次无法建立连接：connectTimeoutMillis 3\u00a0秒内建连没有应答）');
  });

  it('adds the 1-2 s of scanResponseTable to an ASYNC producer\'s timeouts only, in English and in Chinese (send-modes-partition at 1:00)', async () => {
    const timeline = loadAt(libraryScenario('send-modes-partition'), 60_000);
    render(<FailoverPanel />);
    const lines = async () => within((await screen.findAllByTestId('failover-costs'))[0]!).getAllByRole('listitem').map((li) => li.textContent ?? '');
    // "p-sync's route ...", "故障在 1:00.000 结束时，p-sync 的路由 ..."
    const lineOf = (texts: string[], client: string) => texts.find((text) => text.includes(`${client}'s `) || text.includes(`${client} 的`))!;
    // Both producers' first send into the partition timed out (send.failed timeout), the ASYNC one found by the scan.
    const timedOut = (producer: string) => timeline.traceSlice(0).filter((e) => e.type === 'send.failed' && e.producer === producer && e.reason === 'timeout').length;
    expect([timedOut('p-sync'), timedOut('p-async')]).toEqual([1, 1]);
    const en = await lines();
    expect(lineOf(en, 'p-sync')).toContain('(1 timed out, after waiting up to sendMsgTimeout, 3\u00a0s; 3 cut off');
    expect(lineOf(en, 'p-sync')).not.toContain('ASYNC');
    expect(lineOf(en, 'p-async')).toContain('1 timed out, after waiting up to sendMsgTimeout, 3\u00a0s, then 1-2\u00a0s more: an ASYNC send has no timer of its own, and scanResponseTable, every second, fails it a second past its timeout');
    expect(lineOf(en, 'p-oneway')).toContain('its ONEWAY sends get no answer, so none is seen to fail');
    // p-oneway sees no failed send, but its heartbeat to broker-b, after broker-a's in the loop, timed out: the sign it got.
    const detections = within(screen.getByTestId('failover-faults')).getAllByRole('listitem').map((li) => li.textContent);
    const noticed = timeline.state.detections.find((d) => d.party === 'p-oneway')!;
    expect(Math.floor(noticed.noticedAt / 1_000)).toBe(35);
    expect(detections).toContain(`p-oneway noticed at ${formatTime(noticed.noticedAt)}: its HEART_BEAT call to broker-b/0 timed out and closed its connection (5\u00a0s after the fault); the client only logs it, and the broker stays in its route`);
    act(() => usePlayback.getState().setLanguage('zh'));
    const zh = await lines();
    expect(lineOf(zh, 'p-sync')).toContain('（1 次超时，每次最多等待 sendMsgTimeout 3\u00a0秒；3 次因连接关闭而中断');
    expect(screen.getByText(`p-oneway 在 ${formatTime(noticed.noticedAt)} 发现：发往 broker-b/0 的 HEART_BEAT 调用超时，关闭了连接（故障后 5 秒）；客户端只记录日志，路由里仍有该 Broker`)).toBeInTheDocument();
    expect(lineOf(zh, 'p-async')).toContain('1 次超时，每次最多等待 sendMsgTimeout 3\u00a0秒，再加 1-2\u00a0秒：异步发送没有自己的定时器，每秒一次的 scanResponseTable 在超时一秒之后才判它失败');
  });

  it('a crash behind a partition is hidden: nobody can tell them apart, and nothing is credited to it twice, in English and in Chinese', async () => {
    const file = findLibraryEntry('master-slave-failover')!.scenario as ScenarioJson & { timeline: object[] };
    loadAt(scenarioOf({ ...file, timeline: [{ at: 30_000, action: 'partitionBroker', target: 'broker-a' }, ...file.timeline] }), 160_000);
    render(<FailoverPanel />);
    await screen.findByTestId('failover-costs');
    const faults = within(screen.getByTestId('failover-faults')).getAllByRole('listitem').filter((li) => li.parentElement === screen.getByTestId('failover-faults'));
    expect(within(faults[1]!).getByText('1:15.000: broker-a crashes (crashBroker)')).toBeInTheDocument();
    expect(within(faults[1]!).getByTestId('failover-hidden')).toHaveTextContent('hidden behind an earlier fault (since 0:30.000: broker-a is cut off by a network partition (partitionBroker)): nobody can tell them apart');
    expect(within(faults[1]!).queryByTestId('failover-costs')).toBeNull();
    expect(screen.getAllByText(/^ns-1 removed broker-a\/0 at 2:10\.0\d\d/)).toHaveLength(1);
    expect(screen.queryByText(/noticed at 1:15\.3/)).toBeNull();
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(within(faults[1]!).getByTestId('failover-hidden')).toHaveTextContent('被更早的故障掩盖（自 0:30.000 起：broker-a 被网络分区隔离（partitionBroker））：没有人能把两者区分开');
  });

  it('says the costs at the moment shown in the same render as the playhead: a move shows no line of the moment before', async () => {
    loadAt(partitionB(), 60_000);
    render(<FailoverPanel />);
    const lines = () => within(screen.getByTestId('failover-costs')).getAllByRole('listitem').map((li) => li.textContent);
    await screen.findByTestId('failover-costs');
    expect(lines()).toContain("c-1's route still lists broker-b/0 at 1:00.000, 10\u00a0s after the fault");
    act(() => usePlayback.getState().seek(70_000));
    // In the render of the move itself, before any answer could come back from elsewhere.
    expect(lines()).toContain("c-1's route still lists broker-b/0 at 1:10.000, 20\u00a0s after the fault");
    expect(lines().some((line) => line?.includes('1:00.000'))).toBe(false);
  });
});
