// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ConsumerState } from '../../../src/model/state.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { InspectorPanel } from '../../../src/ui/panels/InspectorPanel.tsx';
import { formatSeconds, formatTime } from '../../../src/viz/format.ts';
import { loadAt } from './load.ts';
import { SLAVE_AHEAD } from './slave-ahead.ts';
import { writeReadScenario } from './scenarios.ts';
import { topicRouteData2SubscribeQueues } from '../../../src/sim/index.ts';
import groupsChapter from '../../../src/ui/learn/chapters/ch2-groups.json';
import { scenarioOf, type ScenarioJson } from '../../support/test-sim.ts';
import { libraryScenario } from '../../support/library.ts';

/** The text as Testing Library reads it off the page: the no-break space between a value and its unit (viz/format.ts UNIT_SPACE) folded to a space. */
const asRead = (text: string) => text.replace(/\u00a0/g, ' ');

afterEach(cleanup);

function rowsOf(testId: string): HTMLElement[] {
  return within(screen.getByTestId(testId)).getAllByRole('row').slice(1);
}

describe('InspectorPanel', () => {
  it('asks for a selection when nothing is selected', () => {
    loadAt(writeReadScenario(), 10_000);
    render(<InspectorPanel />);
    expect(screen.getByText(/Click a NameServer, a broker or a client/)).toBeInTheDocument();
  });

  it('says when the scenario adds a client selected before it exists, not that it is not part of the scenario', () => {
    // "Consumers join and leave": c-4 is added at 1:00 (addConsumer).
    loadAt(libraryScenario('consumer-join-leave'), 30_000);
    act(() => usePlayback.getState().select({ kind: 'client', id: 'c-4' }));
    render(<InspectorPanel />);
    expect(screen.getByTestId('inspector-not-added')).toHaveTextContent('c-4 is not running yet: the scenario adds it at 1:00.000 (addConsumer).');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('inspector-not-added')).toHaveTextContent('c-4 尚未运行：场景在 1:00.000 加入它（addConsumer）。');
    act(() => usePlayback.getState().setLanguage('en'));
    act(() => usePlayback.getState().select({ kind: 'client', id: 'c-9' }));
    expect(screen.getByText('The selected process is not part of this scenario.')).toBeInTheDocument();
    act(() => usePlayback.getState().select(null));
  });

  it('closes: the selection is cleared, and there is nothing to close without one', () => {
    loadAt(writeReadScenario(), 10_000);
    render(<InspectorPanel />);
    expect(screen.queryByTestId('inspector-close')).toBeNull();
    act(() => usePlayback.getState().select({ kind: 'broker', id: 'broker-a/0' }));
    act(() => screen.getByTestId('inspector-close').click());
    expect(usePlayback.getState().selection).toBeNull();
    expect(screen.queryByTestId('inspector-close')).toBeNull();
  });

  it('opened from a process\'s box takes focus on the process\'s name, and Escape there closes it and gives focus back to the box; opened by a lesson\'s Next, leaves focus there', () => {
    loadAt(writeReadScenario(), 10_000);
    render(<>
      <button type="button" data-testid="topology-broker-broker-a/0" aria-pressed="false" onClick={() => usePlayback.getState().select({ kind: 'broker', id: 'broker-a/0' })}>broker-a/0</button>
      <button type="button" data-testid="step-next" onClick={() => usePlayback.getState().select({ kind: 'nameServer', id: 'ns-1' })}>Next</button>
      <InspectorPanel />
    </>);
    const node = screen.getByTestId('topology-broker-broker-a/0');
    act(() => node.focus());
    act(() => node.click());
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Broker broker-a/0' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(usePlayback.getState().selection).toBeNull();
    expect(document.activeElement).toBe(node);
    const next = screen.getByTestId('step-next');
    act(() => next.focus());
    act(() => next.click());
    expect(screen.getByRole('heading', { name: 'NameServer ns-1' })).toBeInTheDocument();
    expect(document.activeElement).toBe(next);
  });

  it('no longer lists a slave whose connection the master\'s read service closed for 20 s of silence, though no put has dropped it yet', () => {
    // An idle master (no producer): nothing reads its connections after the slave is cut off at 32 s.
    const scenario = scenarioOf({
      version: 1, durationMs: 120_000, config: { networkJitterMs: 0 }, nameServers: [{ id: 'ns-1' }],
      brokers: [{ name: 'broker-a', role: 'SYNC_MASTER' }, { name: 'broker-a', brokerId: 1, role: 'SLAVE' }],
      topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
      timeline: [{ at: 32_000, action: 'partitionBroker', target: 'broker-a', brokerId: 1 }],
    });
    const slaves = () => screen.getByText('HA slaves').nextSibling;
    loadAt(scenario, 40_000);
    act(() => usePlayback.getState().select({ kind: 'broker', id: 'broker-a/0' }));
    render(<InspectorPanel />);
    expect(slaves()).toHaveTextContent('broker-a/1');
    const timeline = loadAt(scenario, 80_000);
    expect(Object.keys(timeline.state.brokers['broker-a/0']!.haConnections)).toEqual(['broker-a/1']);
    act(() => usePlayback.getState().select({ kind: 'broker', id: 'broker-a/0' }));
    expect(slaves()).toHaveTextContent('none connected to the HA port');
  });

  it("shows a NameServer's brokerAddrTable, brokerLiveTable and topicQueueTable", () => {
    const timeline = loadAt(writeReadScenario({ slaves: true }), 20_000);
    act(() => usePlayback.getState().select({ kind: 'nameServer', id: 'ns-1' }));
    render(<InspectorPanel />);
    const ns = timeline.state.nameServers['ns-1']!;
    expect(rowsOf('brokerAddrTable')).toHaveLength(2);
    expect(rowsOf('brokerAddrTable')[1]).toHaveTextContent('broker-a110.0.1.2:10911DefaultCluster');
    const live = rowsOf('brokerLiveTable');
    expect(live).toHaveLength(Object.keys(ns.brokerLiveTable).length);
    const master = ns.brokerLiveTable['10.0.1.1:10911']!;
    expect(live[0]).toHaveTextContent(`broker-a/0`);
    expect(live[0]).toHaveTextContent(asRead(`${formatTime(master.lastUpdateTimestamp)} (${formatSeconds(20_000 - master.lastUpdateTimestamp, 'en')} ago)`));
    expect(live[0]).toHaveTextContent('120000');
    const topicRow = rowsOf('topicQueueTable').find((row) => row.textContent?.startsWith('TopicTest'));
    expect(topicRow).toHaveTextContent('TopicTestbroker-a84RW-');
    // An address stays on one line (the side column breaks other cells anywhere): the cells kept whole are the addresses, and only they.
    const whole = (table: string) => rowsOf(table).flatMap((row) => [...row.querySelectorAll('td.rs-whole')].map((cell) => cell.textContent));
    expect(whole('brokerAddrTable')).toEqual(['10.0.1.1:10911', '10.0.1.2:10911']);
    expect(whole('brokerLiveTable')).toEqual(Object.keys(ns.brokerLiveTable));
  });

  it('shows a NameServer that is down without tables: they were in its memory', () => {
    const timeline = loadAt(writeReadScenario({ timeline: [{ at: 15_000, action: 'crashNameServer', target: 'ns-1' }] }), 20_000);
    act(() => usePlayback.getState().select({ kind: 'nameServer', id: 'ns-1' }));
    render(<InspectorPanel />);
    expect(Object.keys(timeline.state.nameServers['ns-1']!.brokerLiveTable).length).toBeGreaterThan(0);
    expect(screen.getByTestId('inspect-nameserver')).toHaveTextContent('down');
    for (const table of ['brokerAddrTable', 'brokerLiveTable', 'topicQueueTable']) {
      expect(rowsOf(table)).toHaveLength(1);
      expect(rowsOf(table)[0]).toHaveTextContent('none');
    }
  });

  it("shows a broker's topics with perm2String, its consume queues' maxOffset, groups and offsets", () => {
    const timeline = loadAt(writeReadScenario(), 30_000);
    act(() => usePlayback.getState().select({ kind: 'broker', id: 'broker-a/0' }));
    render(<InspectorPanel />);
    const broker = timeline.state.brokers['broker-a/0']!;
    const topics = rowsOf('topicConfigTable').map((row) => row.textContent);
    expect(topics).toContain('TopicTest84RW-');
    expect(topics).toContain('TBW102' + '88RWX');
    const maxOffsets = broker.consumeQueues['TopicTest']!.map((queue, id) => `${id}:${queue.length}`).join('  ');
    expect(rowsOf('consumeQueues').find((row) => row.textContent?.startsWith('TopicTest'))).toHaveTextContent(maxOffsets, { normalizeWhitespace: false });
    expect(rowsOf('consumerTable')[0]).toHaveTextContent('CG_ORDERCLUSTERING10.0.2.1@c-1');
    // A group's channels, each with how long ago it was heard from: a list as each language writes one.
    const channels = Object.keys(broker.consumerTable['CG_ORDER']!.channels);
    expect(channels.length).toBe(2);
    const channelCell = () => rowsOf('consumerTable')[0]!.querySelectorAll('td')[2]!.textContent;
    expect(channelCell()).toMatch(new RegExp(`^${channels[0]} \\(.+ ago\\), ${channels[1]} \\(.+ ago\\)$`));
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(channelCell()).toMatch(new RegExp(`^${channels[0]}（.+前）、${channels[1]}（.+前）$`));
    act(() => usePlayback.getState().setLanguage('en'));
    const committed = Object.entries(broker.consumerOffsetTable['CG_ORDER']!);
    expect(committed.length).toBeGreaterThan(0);
    expect(rowsOf('consumerOffsetTable')).toHaveLength(committed.length);
  });

  it("shows a master's slaves with what each acknowledged, and a slave's HA master", () => {
    const timeline = loadAt(writeReadScenario({ slaves: true }), 30_000);
    act(() => usePlayback.getState().select({ kind: 'broker', id: 'broker-a/0' }));
    render(<InspectorPanel />);
    const master = timeline.state.brokers['broker-a/0']!;
    const slave = timeline.state.brokers['broker-a/1']!;
    expect(master.commitLog.length).toBeGreaterThan(100);
    // 10 messages a second, replicated within 100 ms: the slave holds all, or all but the newest.
    expect(slave.commitLog.length).toBeGreaterThanOrEqual(master.commitLog.length - 1);
    const acked = master.haConnections['broker-a/1']!.ackIndex;
    const panel = screen.getByTestId('inspect-broker');
    expect(panel).toHaveTextContent(`CommitLog${master.commitLog.length} messages`);
    expect(panel).toHaveTextContent(`HA slavesbroker-a/1: has ${acked} of ${master.commitLog.length} messages`);
    act(() => usePlayback.getState().select({ kind: 'broker', id: 'broker-a/1' }));
    // The slave's HAClient connects to the master's HA port, listenPort + 1 (BrokerStartup): 10912 beside 10911.
    expect(master.addr).toMatch(/:10911$/);
    expect(screen.getByTestId('inspect-broker')).toHaveTextContent(`HA master${master.addr.replace(/:10911$/, ':10912')} (its HA port), connected`);
    // BrokerConfig.slaveReadEnable, false by default: a 5.x slave refuses every pull (PullMessageProcessor.rejectRequest).
    expect(screen.getByTestId('inspect-broker')).toHaveTextContent('slaveReadEnablefalse: refuses every pull (SYSTEM_BUSY), so its group is not read while its master is down (5.x)');
  });

  it('says where a slave ahead of its restarted master stopped dispatching, in English and Chinese', () => {
    const timeline = loadAt(SLAVE_AHEAD, 120_000);
    const stoppedAt = timeline.state.brokers['broker-a/1']!.reputStoppedAt!;
    expect(stoppedAt).toBeGreaterThan(1_000);
    act(() => usePlayback.getState().select({ kind: 'broker', id: 'broker-a/1' }));
    render(<InspectorPanel />);
    expect(screen.getByTestId('inspect-broker')).toHaveTextContent(`ReputMessageServicestopped at CommitLog entry ${stoppedAt.toLocaleString('en-US')}: its master, shorter after losing power`);
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('inspect-broker')).toHaveTextContent(`ReputMessageService停在 CommitLog 第 ${stoppedAt.toLocaleString('zh-CN')} 条`);
    act(() => usePlayback.getState().setLanguage('en'));
    act(() => usePlayback.getState().select({ kind: 'broker', id: 'broker-a/0' }));
    expect(screen.getByTestId('inspect-broker')).not.toHaveTextContent('ReputMessageService');
  });

  it("shows a consumer's chosen NameServer, cached route and allocated queues with offsets", () => {
    const timeline = loadAt(writeReadScenario(), 30_000);
    act(() => usePlayback.getState().select({ kind: 'client', id: 'c-1' }));
    render(<InspectorPanel />);
    const consumer = timeline.state.clients['c-1'] as ConsumerState;
    expect(screen.getByText('Chosen NameServer').nextSibling).toHaveTextContent(consumer.namesrvChosen!);
    const [route] = rowsOf('topicRouteTable');
    expect(route).toHaveTextContent('broker-a:0 broker-a:1 broker-a:2 broker-a:3 broker-a:4 broker-a:5 broker-a:6 broker-a:7');
    expect(within(route!).getAllByRole('cell')[2]).toHaveTextContent(/^broker-a:0 broker-a:1 broker-a:2 broker-a:3$/);
    // Lines break between queues, never inside one (after "broker-"), and the topic stays whole.
    const readCell = within(route!).getAllByRole('cell')[2]!;
    expect([...readCell.querySelectorAll('.rs-queue-list > span')].map((span) => span.textContent)).toEqual(['broker-a:0', 'broker-a:1', 'broker-a:2', 'broker-a:3']);
    expect(within(route!).getAllByRole('cell')[0]).toHaveClass('rs-whole');
    const allocated = rowsOf('allocatedQueues');
    // Its group's retry queue too: its first rebalance (2 s) asked a NameServer for %RETRY%CG_ORDER's route
    // (findConsumerIdList), and the next, 20 s later, took the queue.
    expect(allocated.map((row) => [0, 1].map((i) => within(row).getAllByRole('cell')[i]!.textContent))).toEqual([
      ['TopicTest', 'broker-a:0'], ['TopicTest', 'broker-a:1'], ['%RETRY%CG_ORDER', 'broker-a:0'],
    ]);
    expect(within(allocated[0]!).getAllByRole('cell')[3]).toHaveTextContent(String(consumer.offsetTable['TopicTest@broker-a@0']));
  });

  it('names a consumer\'s last persistAll as such, and says why the broker\'s committed offset can be ahead of it', () => {
    // At 1:13 of Write 8 / read 4 a pull has carried c-1's offset of broker-a queue 0 to the broker since its last persistAll.
    const timeline = loadAt(writeReadScenario(), 73_000);
    const consumer = timeline.state.clients['c-1'] as ConsumerState;
    const onBroker = timeline.state.brokers['broker-a/0']!.consumerOffsetTable['CG_ORDER']!['TopicTest@0']!;
    expect(onBroker).toBeGreaterThan(consumer.committedOffsets['TopicTest@broker-a@0']!);
    act(() => usePlayback.getState().select({ kind: 'client', id: 'c-1' }));
    render(<InspectorPanel />);
    const headers = within(screen.getByTestId('allocatedQueues')).getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers).toEqual(['Topic', 'Queue', 'nextOffset', 'Offset', 'Last persistAll', 'Pulled, not consumed']);
    const row = rowsOf('allocatedQueues').find((r) => within(r).getAllByRole('cell')[1]!.textContent === 'broker-a:0')!;
    expect(within(row).getAllByRole('cell')[4]).toHaveTextContent(String(consumer.committedOffsets['TopicTest@broker-a@0']));
    expect(screen.getByTestId('offsets-note')).toHaveTextContent('Every pull carries it to the broker (commitOffset), and persistAll sends it every 5 s');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('offsets-note')).toHaveTextContent('每次拉取都会把它带给 Broker（commitOffset）');
  });

  it('lists the read queues in the order a rebalance allocates them, which is the write list\'s: one queue on one line in both', () => {
    const timeline = loadAt(scenarioOf(groupsChapter as ScenarioJson), 20_000);
    act(() => usePlayback.getState().select({ kind: 'client', id: 'c-1' }));
    render(<InspectorPanel />);
    const route = timeline.state.clients['c-1']!.topicRouteTable.TopicOrder!;
    // The route as the NameServer gave it lists broker-b's queues first.
    expect(topicRouteData2SubscribeQueues('TopicOrder', route)[0]!.brokerName).toBe('broker-b');
    const row = rowsOf('topicRouteTable').find((r) => within(r).getAllByRole('cell')[0]!.textContent === 'TopicOrder')!;
    const labels = (cell: number) => [...within(row).getAllByRole('cell')[cell]!.querySelectorAll('.rs-queue-list > span')].map((span) => span.textContent);
    const sorted = ['a:0', 'a:1', 'a:2', 'a:3', 'b:0', 'b:1', 'b:2', 'b:3'].map((queue) => `broker-${queue}`);
    expect(labels(2)).toEqual(sorted);
    expect(labels(1)).toEqual(sorted);
  });

  it('names a producer\'s group a producer group and a consumer\'s a consumer group, in English and Chinese', () => {
    loadAt(writeReadScenario(), 30_000);
    const groupLabel = (id: string) => {
      act(() => usePlayback.getState().select({ kind: 'client', id }));
      const { unmount } = render(<InspectorPanel />);
      const label = screen.getByText(/^(PG|CG)_/).previousSibling?.textContent;
      unmount();
      return label;
    };
    expect([groupLabel('p-1'), groupLabel('c-1')]).toEqual(['Producer group', 'Consumer group']);
    act(() => usePlayback.getState().setLanguage('zh'));
    expect([groupLabel('p-1'), groupLabel('c-1')]).toEqual(['生产者组', '消费者组']);
    act(() => usePlayback.getState().setLanguage('en'));
  });

  it('shows a consumer\'s consumeFromWhere and its concurrent listener, and allocateStrategy only where CLUSTERING uses it', () => {
    const scenario = writeReadScenario();
    scenario.consumers = [{ ...scenario.consumers[0]!, consumeFromWhere: 'CONSUME_FROM_FIRST_OFFSET' }, { ...scenario.consumers[1]!, group: 'CG_ALL', messageModel: 'BROADCASTING' }];
    loadAt(scenario, 30_000);
    const facts = (id: string) => {
      act(() => usePlayback.getState().select({ kind: 'client', id }));
      const { unmount } = render(<InspectorPanel />);
      const text = document.body.textContent ?? '';
      unmount();
      return text;
    };
    const clustering = facts('c-1');
    expect(clustering).toContain('allocateStrategyAVG');
    expect(clustering).toContain('consumeFromWhereCONSUME_FROM_FIRST_OFFSET');
    expect(clustering).toContain('Listenerconcurrent');
    expect(clustering).toContain('Every consumer here is concurrent (MessageListenerConcurrently): orderly consumption (MessageListenerOrderly: queue locks, local retries without %RETRY%) is not modelled.');
    // RebalanceImpl.rebalanceByTopic: BROADCASTING takes every queue without the strategy.
    const broadcasting = facts('c-2');
    expect(broadcasting).toContain('messageModelBROADCASTING');
    expect(broadcasting).not.toContain('allocateStrategy');
    expect(broadcasting).toContain(`consumeFromWhere${scenario.consumers[1]!.consumeFromWhere}`);
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(facts('c-1')).toContain('监听器并发消费');
    expect(facts('c-1')).toContain('顺序消费（MessageListenerOrderly：队列锁、不经 %RETRY% 的本地重试）未建模');
    act(() => usePlayback.getState().setLanguage('en'));
  });

  it('says a client that has not started "not started" (未启动) and one removed by a clean shutdown "stopped" (已停止)', () => {
    const statusOf = (scenario: ReturnType<typeof writeReadScenario>, atMs: number, id: string) => {
      loadAt(scenario, atMs);
      act(() => usePlayback.getState().select({ kind: 'client', id }));
      const { unmount } = render(<InspectorPanel />);
      const en = screen.getByText('Status').nextSibling?.textContent;
      act(() => usePlayback.getState().setLanguage('zh'));
      const zh = screen.getByText('状态').nextSibling?.textContent;
      unmount();
      return [en, zh];
    };
    expect(statusOf(writeReadScenario(), 500, 'c-1')).toEqual(['not started', '未启动']);
    const removed = writeReadScenario({ consumers: 2, timeline: [{ at: 20_000, action: 'removeConsumer', target: 'c-2' }] });
    expect(statusOf(removed, 30_000, 'c-2')).toEqual(['stopped', '已停止']);
  });

  it('says when the selection is not in the scenario', () => {
    loadAt(writeReadScenario(), 1_000);
    act(() => usePlayback.getState().select({ kind: 'client', id: 'nobody' }));
    render(<InspectorPanel />);
    expect(screen.getByText('The selected process is not part of this scenario.')).toBeInTheDocument();
  });
});
