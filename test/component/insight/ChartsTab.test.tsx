// @vitest-environment jsdom
/** The Charts tab against the run it plots: lines per broker, the readout by keyboard, the SVG export. */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { usePlayback } from '../../../src/store/playback.ts';
import { standaloneSvg } from '../../../src/ui/insight/export.ts';
import { ChartsTab } from '../../../src/ui/insight/charts/ChartsTab.tsx';
import { FAULT_COLOUR, LINE_COLOURS, PLAYHEAD_COLOUR } from '../../../src/ui/insight/charts/LineChart.tsx';
import { summarize } from '../../../src/sim/summary.ts';
import { loadAt } from '../panels/load.ts';
import { consumerSpec, writeReadScenario } from '../panels/scenarios.ts';

afterEach(cleanup);

const WAIT = { timeout: 10_000 };

describe('ChartsTab', () => {
  it('plots produce TPS per broker up to the playhead and reads 10 messages a second on broker-a by keyboard', async () => {
    loadAt(writeReadScenario(), 60_000);
    render(<ChartsTab />);
    const first = await screen.findByTestId('chart-first-figure', {}, WAIT);
    const svg = first.querySelector('svg')!;
    expect(within(first).getByText('broker-a')).toBeInTheDocument();
    expect(svg.querySelectorAll('path[fill="none"]')).toHaveLength(1);
    const frame = within(first).getByRole('group', { name: 'Produce TPS per broker' });
    fireEvent.keyDown(frame, { key: 'End' });
    // One producer at 10 messages a second, every message stored on broker-a's master.
    expect(first.querySelector('figcaption')!.textContent).toBe('At 1:00.000: broker-a 10');
    fireEvent.keyDown(frame, { key: 'ArrowLeft' });
    expect(first.querySelector('figcaption')!.textContent).toMatch(/^At 0:5[89]\.000: broker-a 10$/);
  });

  it('switches a chart to the unconsumable and failed counts, the lag of a group, and says it in Chinese', async () => {
    loadAt(writeReadScenario(), 60_000);
    render(<ChartsTab />);
    const select = await screen.findByTestId('chart-second-metric', {}, WAIT);
    expect(within(screen.getByTestId('chart-second-figure')).getByText('CG_ORDER')).toBeInTheDocument();
    fireEvent.change(select, { target: { value: 'counters' } });
    const second = screen.getByTestId('chart-second-figure');
    expect(within(second).getByText('unconsumable')).toBeInTheDocument();
    expect(within(second).getByText('send failed')).toBeInTheDocument();
    expect(within(second).getByText('Messages')).toBeInTheDocument();
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByRole('heading', { name: '随时间变化的图表' })).toBeInTheDocument();
    expect(within(second).getByText('无法消费')).toBeInTheDocument();
    expect(within(second).getByText('虚拟时间（秒）')).toBeInTheDocument();
  });

  it('says under the lag per group what diffTotal counts, and plots it as the Dashboard does: readable queues, committed offsets', async () => {
    const timeline = loadAt(writeReadScenario(), 60_000);
    render(<ChartsTab />);
    const note = await screen.findByTestId('chart-second-note', {}, WAIT);
    expect(note).toHaveTextContent("over the readable queues only, each broker's max offset minus the offset the group committed there");
    const second = screen.getByTestId('chart-second-figure');
    fireEvent.keyDown(within(second).getByRole('group', { name: 'Lag per consumer group (diffTotal)' }), { key: 'End' });
    // Write 8 / read 4 on broker-a: queues 0-3 count, 4-7 (about half of what was stored, never consumable) do not.
    const broker = Object.values(timeline.state.brokers).find((b) => b.name === 'broker-a')!;
    const diffTotal = [0, 1, 2, 3].reduce((sum, q) => sum + broker.consumeQueues.TopicTest![q]!.length - (broker.consumerOffsetTable.CG_ORDER?.[`TopicTest@${q}`] ?? 0), 0);
    const { messages } = summarize(timeline.state, 60_000, '', 0);
    expect(messages.neverConsumable).toBeGreaterThan(200);
    expect(second.querySelector('figcaption')!.textContent).toBe(`At 1:00.000: CG_ORDER ${diffTotal}`);
    fireEvent.change(screen.getByTestId('chart-second-metric'), { target: { value: 'counters' } });
    expect(screen.queryByTestId('chart-second-note')).toBeNull();
  });

  it('exports a chart as a standalone SVG document with its lines', async () => {
    loadAt(writeReadScenario(), 30_000);
    render(<ChartsTab />);
    const first = await screen.findByTestId('chart-first-figure', {}, WAIT);
    const svg = first.querySelector('svg')!;
    const { markup, width, height } = standaloneSvg(svg);
    expect(markup.startsWith('<svg')).toBe(true);
    expect(markup).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(markup).toContain(svg.querySelector('path[fill="none"]')!.getAttribute('d'));
    expect([width, height]).toEqual(svg.getAttribute('viewBox')!.split(' ').slice(2).map(Number));
  });

  it('names the red dashed rules in the legend, and titles each a fault or a command, in both languages', async () => {
    loadAt(writeReadScenario({ brokers: ['broker-a', 'broker-b'], timeline: [{ at: 20_000, action: 'updateTopic', topic: 'TopicTest', readQueueNums: 8 }, { at: 30_000, action: 'crashBroker', target: 'broker-b' }] }), 60_000);
    render(<ChartsTab />);
    const first = await screen.findByTestId('chart-first-figure', {}, WAIT);
    expect(within(first).getByTestId('chart-rules-legend')).toHaveTextContent('faults, commands');
    expect(within(first).getByTestId('chart-now-legend')).toHaveTextContent('Playhead');
    const titles = () => [...first.querySelectorAll('line > title')].map((title) => title.textContent);
    expect(titles()).toEqual([expect.stringMatching(/^Command: mqadmin updateTopic TopicTest/), 'Fault: broker-b crashes (crashBroker)']);
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(within(first).getByTestId('chart-rules-legend')).toHaveTextContent('故障、运维命令');
    expect(titles()[0]).toMatch(/^运维命令：/);
  });

  it('titles an added client\'s rule with when it starts, and a removal before that start with the start it cancels, in both languages', async () => {
    const later = { ...consumerSpec('c-3', 'TopicTest', 'CG_ORDER', 2), startAt: 40_000 };
    loadAt(writeReadScenario({ timeline: [{ at: 20_000, action: 'addConsumer', consumer: later }, { at: 30_000, action: 'removeConsumer', target: 'c-3' }] }), 60_000);
    render(<ChartsTab />);
    const first = await screen.findByTestId('chart-first-figure', {}, WAIT);
    const titles = () => [...first.querySelectorAll('line > title')].map((title) => title.textContent);
    expect(titles()).toEqual([
      'Command: c-3 is added, starts at 0:40.000 (addConsumer)',
      'Command: c-3 is removed before it started: its start at 0:40.000 is cancelled (removeConsumer)',
    ]);
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(titles()).toEqual(['运维命令：c-3 已添加，0:40.000 启动（addConsumer）', '运维命令：c-3 在启动之前被移除，0:40.000 的启动被取消（removeConsumer）']);
  });

  it('draws no rule for an action that changed nothing (noEffect: a start of a running broker)', async () => {
    loadAt(writeReadScenario({ brokers: ['broker-a', 'broker-b'], timeline: [{ at: 20_000, action: 'startBroker', target: 'broker-a' }, { at: 30_000, action: 'crashBroker', target: 'broker-b' }] }), 60_000);
    render(<ChartsTab />);
    const first = await screen.findByTestId('chart-first-figure', {}, WAIT);
    expect([...first.querySelectorAll('line > title')].map((title) => title.textContent)).toEqual(['Fault: broker-b crashes (crashBroker)']);
  });

  it('has no rules in its legend where the timeline has none', async () => {
    loadAt(writeReadScenario(), 60_000);
    render(<ChartsTab />);
    const first = await screen.findByTestId('chart-first-figure', {}, WAIT);
    expect(within(first).queryByTestId('chart-rules-legend')).toBeNull();
  });

  it('draws the playhead and the faults in colours far from every line\'s (the first broker\'s line was the playhead\'s blue, the eighth the faults\' red)', () => {
    const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const distance = (a: string, b: string) => Math.hypot(...rgb(a).map((v, i) => v - rgb(b)[i]!));
    for (const line of LINE_COLOURS) {
      expect(distance(line, PLAYHEAD_COLOUR)).toBeGreaterThan(80);
      expect(distance(line, FAULT_COLOUR)).toBeGreaterThan(80);
    }
  });

  it('draws the playhead at 3:1 or more against the light and the dark panel (panels.css --rs-surface), as a rule one must find', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: string, b: string) => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (light! + 0.05) / (dark! + 0.05);
    };
    expect(contrast(PLAYHEAD_COLOUR, '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(contrast(PLAYHEAD_COLOUR, '#1a2029')).toBeGreaterThanOrEqual(3);
  });

  it('says there is nothing to plot at 0:00', async () => {
    loadAt(writeReadScenario(), 0);
    render(<ChartsTab />);
    await waitFor(() => expect(screen.getByTestId('charts-empty')).toBeInTheDocument(), WAIT);
  });
});
