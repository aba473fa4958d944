// @vitest-environment jsdom
/** The What-if tab: a change from the playhead, the first difference, the counters that differ. */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { usePlayback } from '../../../src/store/playback.ts';
import { useWhatIf } from '../../../src/store/what-if.ts';
import { WhatIfTab } from '../../../src/ui/insight/what-if/WhatIfTab.tsx';
import { libraryScenario } from '../../support/library.ts';
import { loadAt } from '../panels/load.ts';
import { writeReadScenario } from '../panels/scenarios.ts';

afterEach(() => {
  cleanup();
  useWhatIf.getState().setChange(null);
});

const WAIT = { timeout: 20_000 };

describe('WhatIfTab', () => {
  it('says each config setting\'s name in RocketMQ, which is not always the scenario key\'s, in both languages', () => {
    loadAt(writeReadScenario({ durationMs: 120_000 }), 40_000);
    render(<WhatIfTab />);
    fireEvent.change(screen.getByTestId('whatif-setting'), { target: { value: 'config.brokerHeartbeatIntervalMs' } });
    expect(screen.getByTestId('whatif-rocketmq-name')).toHaveTextContent('In RocketMQ: BrokerConfig.registerNameServerPeriod.');
    fireEvent.change(screen.getByTestId('whatif-setting'), { target: { value: 'config.brokerChannelExpiredTimeMs' } });
    expect(screen.getByTestId('whatif-rocketmq-name')).toHaveTextContent('In RocketMQ a constant in the code, RouteInfoManager.DEFAULT_BROKER_CHANNEL_EXPIRED_TIME: no deployment sets it');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('whatif-rocketmq-name')).toHaveTextContent('在 RocketMQ 中是代码里的常量 RouteInfoManager.DEFAULT_BROKER_CHANNEL_EXPIRED_TIME');
    act(() => usePlayback.getState().setLanguage('en'));
    fireEvent.change(screen.getByTestId('whatif-setting'), { target: { value: 'topics.TopicTest.readQueueNums' } });
    expect(screen.queryByTestId('whatif-rocketmq-name')).toBeNull();
  });

  it('keeps each label with its control, so a wrapping form never leaves "New value" at the end of the setting\'s line', () => {
    loadAt(writeReadScenario({ durationMs: 120_000 }), 40_000);
    render(<WhatIfTab />);
    for (const language of ['en', 'zh'] as const) {
      act(() => usePlayback.getState().setLanguage(language));
      for (const [name, control] of [[language === 'en' ? 'Setting' : '设置', 'whatif-setting'], [language === 'en' ? 'New value' : '新值', 'whatif-value']] as const) {
        // The label names its control, and the two are one box of the form's flex row (what-if.css keeps it on one line).
        expect(screen.getByLabelText(name)).toBe(screen.getByTestId(control));
        const field = screen.getByTestId(control).parentElement!;
        expect(field).toHaveClass('rs-whatif-field');
        expect(within(field).getByText(name).tagName).toBe('LABEL');
      }
    }
  });

  it('lists the settings in Chinese by what they belong to, with a gloss of RocketMQ\'s name and its value now', () => {
    loadAt(writeReadScenario({ durationMs: 120_000 }), 40_000);
    act(() => usePlayback.getState().setLanguage('zh'));
    render(<WhatIfTab />);
    const options = within(screen.getByTestId('whatif-setting')).getAllByRole('option').map((option) => option.textContent);
    expect(options).toContain('主题 TopicTest · readQueueNums（读队列数） = 4');
    expect(options).toContain('主题 TopicTest · writeQueueNums（写队列数） = 8');
    expect(options).toContain('配置 · brokerHeartbeatIntervalMs（Broker 注册/心跳间隔） = 30000');
    expect(options).toContain('配置 · sendLatencyFaultEnable（延迟故障规避） = false');
    act(() => usePlayback.getState().setLanguage('en'));
    expect(within(screen.getByTestId('whatif-setting')).getAllByRole('option').map((option) => option.textContent)).toContain('topics.TopicTest.readQueueNums = 4');
  });

  it('raises readQueueNums to 8 at the playhead: the runs part at that moment and nothing stays unconsumable', async () => {
    loadAt(writeReadScenario({ durationMs: 120_000 }), 40_000);
    render(<WhatIfTab />);
    fireEvent.change(screen.getByTestId('whatif-setting'), { target: { value: 'topics.TopicTest.readQueueNums' } });
    fireEvent.change(screen.getByTestId('whatif-value'), { target: { value: '8' } });
    fireEvent.click(screen.getByTestId('whatif-compare'));
    expect(useWhatIf.getState().change).toBe('40000~topics.TopicTest.readQueueNums~8');
    const divergence = await screen.findByTestId('whatif-divergence', {}, WAIT);
    expect(divergence).toHaveAttribute('data-t', '40000');
    expect(divergence).toHaveTextContent('The runs first differ at 0:40.000');
    expect(divergence).toHaveTextContent('fault Timeline action: mqadmin updateTopic TopicTest (updateTopic)');
    const row = within(screen.getByTestId('whatif-differences')).getByText('Not consumable').closest('tr')!;
    expect(row.querySelectorAll('td')[1]).toHaveTextContent(/^0$/);
    // The command as an operator would type it, and when the clients act on it: not at once.
    expect(screen.getByTestId('whatif-effect')).toHaveTextContent('mqadmin updateTopic -n \'10.0.0.1:9876;10.0.0.2:9876\' -c DefaultCluster -t TopicTest -w 8 -r 8 -p 6 at 0:40.000 (every count given: mqadmin resets one left out to its default, 8 queues and perm 6): the runs are the same until then. The brokers hold the new count at once, and Not consumable counts by it; the consumers\' queues follow only at their next route pull (every 30 s) and rebalance (every 20 s)');
    expect(usePlayback.getState().timeMs).toBe(40_000);
    // The chart opens on what changed: the unconsumable count (diffTotal counts readable queues only).
    expect(within(screen.getByTestId('whatif-result')).getByRole('combobox')).toHaveValue('counters');
    expect(within(screen.getByTestId('whatif-chart')).getAllByText(/unconsumable/).length).toBeGreaterThanOrEqual(2);
    // Each legend entry whole, the fork's grey rule named.
    expect(within(screen.getByTestId('whatif-chart')).getByText('unconsumable (changed)')).toBeInTheDocument();
    expect(within(screen.getByTestId('whatif-chart')).getByTestId('chart-now-legend')).toHaveTextContent('the change (fork)');
  });

  it('opens on the setting a write 8 / read 4 topic is about, offered as its fix: one click compares', () => {
    loadAt(writeReadScenario({ durationMs: 120_000 }), 40_000);
    render(<WhatIfTab />);
    expect(screen.getByTestId('whatif-setting')).toHaveValue('topics.TopicTest.readQueueNums');
    expect(screen.getByRole('option', { name: 'topics.TopicTest.readQueueNums = 4' })).toBeInTheDocument();
    expect(screen.getByTestId('whatif-value')).toHaveValue(8);
    fireEvent.click(screen.getByTestId('whatif-compare'));
    expect(useWhatIf.getState().change).toBe('40000~topics.TopicTest.readQueueNums~8');
  });

  it('offers a topic\'s perm as RocketMQ adds it up, each value saying what it lets through, in both languages', () => {
    loadAt(writeReadScenario({ durationMs: 120_000 }), 40_000);
    render(<WhatIfTab />);
    fireEvent.change(screen.getByTestId('whatif-setting'), { target: { value: 'topics.TopicTest.perm' } });
    const options = () => within(screen.getByTestId('whatif-value')).getAllByRole('option').map((option) => [option.getAttribute('value'), option.textContent]);
    expect(options()).toEqual([['6', '6 · RW- (read and write)'], ['4', '4 · R-- (read only)'], ['2', '2 · -W- (write only)']]);
    expect(screen.getByTestId('whatif-value')).toHaveValue('4');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(options()[1]).toEqual(['4', '4 · R--（只读）']);
    fireEvent.click(screen.getByTestId('whatif-compare'));
    expect(useWhatIf.getState().change).toBe('40000~topics.TopicTest.perm~4');
  });

  it('refuses a value the scenario rules refuse, with their message, in Chinese too', async () => {
    loadAt(writeReadScenario({ durationMs: 60_000 }), 10_000);
    render(<WhatIfTab />);
    fireEvent.change(screen.getByTestId('whatif-setting'), { target: { value: 'topics.TopicTest.readQueueNums' } });
    fireEvent.change(screen.getByTestId('whatif-value'), { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('whatif-compare'));
    expect(await screen.findByTestId('whatif-refused', {}, WAIT)).toHaveTextContent(/^This change cannot be made: timeline\[0\]\.readQueueNums: /);
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('whatif-refused')).toHaveTextContent('无法做这个修改：timeline[0].readQueueNums: 必须是 1 到 1024 之间的整数');
    expect(screen.getByRole('heading', { name: '假如……' })).toBeInTheDocument();
  });

  it('says before the comparison whether a setting forks at the playhead or, read at start-up, applies from 0:00, and why', () => {
    loadAt(writeReadScenario({ durationMs: 120_000 }), 40_000);
    render(<WhatIfTab />);
    const choose = (path: string) => fireEvent.change(screen.getByTestId('whatif-setting'), { target: { value: path } });
    choose('groups.CG_ORDER.allocateStrategy');
    expect(screen.getByTestId('whatif-planned')).toHaveTextContent('Forks at 0:40.000: the runs are the same until then.');
    expect(screen.getByTestId('whatif-compare')).toHaveTextContent('Fork at 0:40.000');
    choose('config.scanNotActiveBrokerIntervalMs');
    expect(screen.getByTestId('whatif-planned')).toHaveTextContent(/^The NameServer schedules this task once, when it starts \(NamesrvController\): RocketMQ changes it only by restarting the NameServer\./);
    expect(screen.getByTestId('whatif-compare')).not.toHaveTextContent('Fork at');
    choose('brokers.broker-a.flushDiskType');
    expect(screen.getByTestId('whatif-planned')).toHaveTextContent('MessageStoreConfig');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('whatif-planned')).toHaveTextContent(/^Broker 的存储在启动时读取这个设置/);
  });

  it('a new allocation strategy at the playhead redeploys the group then: the runs part at that moment, and the page says so', async () => {
    loadAt(writeReadScenario({ durationMs: 120_000 }), 40_000);
    render(<WhatIfTab />);
    fireEvent.change(screen.getByTestId('whatif-setting'), { target: { value: 'groups.CG_ORDER.allocateStrategy' } });
    fireEvent.change(screen.getByTestId('whatif-value'), { target: { value: 'AVG_BY_CIRCLE' } });
    fireEvent.click(screen.getByTestId('whatif-compare'));
    expect(useWhatIf.getState().change).toBe('40000~groups.CG_ORDER.allocateStrategy~AVG_BY_CIRCLE');
    const divergence = await screen.findByTestId('whatif-divergence', {}, WAIT);
    expect(divergence).toHaveAttribute('data-t', '40000');
    expect(screen.getByTestId('whatif-effect')).toHaveTextContent(/^A running consumer keeps the AllocateMessageQueueStrategy it started with, so at 0:40\.000 the group is redeployed: its 2 running consumers shut down and new ones start with the new strategy\./);
  });

  it('an event only the changed run has is said so, not set beside an unrelated one of this run: the answer a SYNC send gets', async () => {
    loadAt(libraryScenario('send-modes-partition'), 40_000);
    render(<WhatIfTab />);
    fireEvent.change(screen.getByTestId('whatif-setting'), { target: { value: 'producers.p-oneway.sendMode' } });
    fireEvent.change(screen.getByTestId('whatif-value'), { target: { value: 'SYNC' } });
    fireEvent.click(screen.getByTestId('whatif-compare'));
    const divergence = await screen.findByTestId('whatif-divergence', {}, WAIT);
    expect(divergence).toHaveTextContent('This run(none here: only the changed run has the event below; the next event is the same in both)');
    expect(divergence).toHaveTextContent(/Changed runsend\.result p-oneway: SEND_OK for /);
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(divergence).toHaveTextContent('当前运行（这里没有：只有修改后的运行有下面的事件；下一个事件两边相同）');
  });

  it('changes a true/false setting with a true/false choice: the link says true and both runs are compared', async () => {
    loadAt(writeReadScenario({ durationMs: 120_000 }), 40_000);
    render(<WhatIfTab />);
    fireEvent.change(screen.getByTestId('whatif-setting'), { target: { value: 'config.sendLatencyFaultEnable' } });
    expect(screen.getByRole('option', { name: 'config.sendLatencyFaultEnable = false' })).toBeInTheDocument();
    const value = screen.getByTestId('whatif-value');
    expect(within(value).getAllByRole('option').map((option) => option.textContent)).toEqual(['true', 'false']);
    expect(value).toHaveValue('true');
    fireEvent.click(screen.getByTestId('whatif-compare'));
    expect(useWhatIf.getState().change).toBe('40000~config.sendLatencyFaultEnable~true');
    expect(await screen.findByTestId('whatif-effect', {}, WAIT)).toHaveTextContent(/^RocketMQ reads this at every send/);
    expect(screen.queryByTestId('whatif-refused')).toBeNull();
  });

  it('compares to the end on request, and the link says so: a partition removed at 3:10 is past the first two minutes', async () => {
    const scenario = libraryScenario('crash-partition-shutdown');
    loadAt(scenario, 0);
    act(() => useWhatIf.getState().setChange('0~config.pollNameServerIntervalMs~10000'));
    render(<WhatIfTab />);
    expect(await screen.findByTestId('whatif-effect', {}, WAIT)).toHaveTextContent('Both runs compared up to 2:00.000.');
    // In the first two minutes the faster route pulls move a message or two, but no send fails any differently.
    expect(screen.queryByText('Failed messages')).toBeNull();
    fireEvent.click(screen.getByTestId('whatif-to-end'));
    expect(useWhatIf.getState().change).toBe('0-360000~config.pollNameServerIntervalMs~10000');
    const failed = await screen.findByText('Failed messages', {}, WAIT);
    expect(screen.getByTestId('whatif-effect')).toHaveTextContent(`Both runs compared up to 6:00.000.`);
    expect(scenario.durationMs).toBe(360_000);
    const [original, changed] = [...failed.closest('tr')!.querySelectorAll('td')].map((cell) => Number(cell.textContent!.replace(/,/g, '')));
    expect(changed).toBeLessThan(original!);
    expect(screen.queryByTestId('whatif-to-end')).toBeNull();
  });

  it('a refused change from a link shows its own setting in the form, also one the form does not offer', async () => {
    loadAt(writeReadScenario({ durationMs: 60_000 }), 10_000);
    render(<WhatIfTab />);
    act(() => useWhatIf.getState().setChange('10000~config.sendLatencyFaultEnable~1'));
    expect(await screen.findByTestId('whatif-refused', {}, WAIT)).toHaveTextContent('This change cannot be made: config.sendLatencyFaultEnable takes true or false');
    expect(screen.getByTestId('whatif-setting')).toHaveValue('config.sendLatencyFaultEnable');
    expect(screen.getByTestId('whatif-value')).toHaveValue('true');
    act(() => useWhatIf.getState().setChange('10000~topics.Nope.readQueueNums~8'));
    expect(await screen.findByText('This change cannot be made: no topic named "Nope"', {}, WAIT)).toBeInTheDocument();
    expect(screen.getByTestId('whatif-setting')).toHaveValue('topics.Nope.readQueueNums');
    expect(screen.getByRole('option', { name: 'topics.Nope.readQueueNums' })).toBeInTheDocument();
    expect(screen.getByTestId('whatif-value')).toHaveValue('8');
  });
});
