// @vitest-environment jsdom
/**
 * The broker's modules in the inspector: remoting by request code and count, the producer and
 * consumer groups' channels, the store with its index entries, HA; a selected message's path through them.
 */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { usePlayback } from '../../../src/store/playback.ts';
import { durableLength } from '../../../src/model/broker/flush-service.ts';
import { InspectorPanel } from '../../../src/ui/panels/InspectorPanel.tsx';
import { loadAt } from './load.ts';
import { writeReadScenario } from './scenarios.ts';

afterEach(cleanup);

function scenarioWithKeys() {
  const scenario = writeReadScenario({ slaves: true });
  scenario.producers = scenario.producers.map((producer) => ({ ...producer, keyPrefix: 'order' }));
  return scenario;
}

describe('the broker\'s modules', () => {
  it('shows remoting by RocketMQ request code, the store and its index, and HA', async () => {
    const timeline = loadAt(scenarioWithKeys(), 30_000);
    act(() => usePlayback.getState().select({ kind: 'broker', id: 'broker-a/0' }));
    render(<InspectorPanel />);
    const master = timeline.state.brokers['broker-a/0']!;
    const remoting = await screen.findByTestId('remoting-requests', {}, { timeout: 10_000 });
    const send = within(remoting).getAllByRole('row').find((row) => row.textContent?.startsWith('SEND_MESSAGE'));
    expect(send).toHaveTextContent(`SEND_MESSAGESendMessageProcessor10${master.requestCounts.SEND_MESSAGE}`);
    expect(within(remoting).getAllByRole('row').find((row) => row.textContent?.startsWith('HEART_BEAT'))).toHaveTextContent('HEART_BEATClientManageProcessor34');
    expect(screen.getByTestId('module-commitlog')).toHaveTextContent(`CommitLog: ${master.commitLog.length.toLocaleString('en-US')} messages`);
    // IndexService: the unique key and the one key ("order-N") of each producer message; system messages have no keys.
    const withKey = master.commitLog.toArray().filter((m) => m.keys !== '').length;
    // The index is counted over the whole CommitLog where the run lives (the named query brokerStore).
    expect(await screen.findByTestId('module-index-entries')).toHaveTextContent(`IndexService: ${(master.commitLog.length + withKey).toLocaleString('en-US')} entries`);
    expect(screen.getByTestId('module-ha-slaves')).toHaveTextContent(/acknowledged/);
    expect(screen.getByTestId('module-consumer-groups')).toHaveTextContent(/CG_ORDER \(CLUSTERING\): 10\.0\.2\.1@c-1: heartbeat/);
    expect(screen.getByTestId('module-remoting')).toHaveAttribute('data-on', 'false');
  });

  it('holds no HA connection for a crashed master, and says its tables are what it held when it stopped, as its slave sees it', async () => {
    const scenario = writeReadScenario({ slaves: true, timeline: [{ at: 20_000, action: 'crashBroker', target: 'broker-a' }] });
    loadAt(scenario, 30_000);
    act(() => usePlayback.getState().select({ kind: 'broker', id: 'broker-a/0' }));
    render(<InspectorPanel />);
    expect(await screen.findByTestId('modules-not-running', {}, { timeout: 10_000 })).toHaveTextContent('Its process is down (crashed): nothing below is live');
    expect(screen.getByTestId('module-ha')).toHaveTextContent('No slave connected.');
    expect(screen.queryByTestId('module-ha-slaves')).toBeNull();
    expect(screen.getByTestId('inspect-broker')).toHaveTextContent('HA slavesnone: its process is down, and its connections closed with it');
    act(() => usePlayback.getState().select({ kind: 'broker', id: 'broker-a/1' }));
    expect(await screen.findByTestId('module-ha')).toHaveTextContent('not connected');
    expect(screen.queryByTestId('modules-not-running')).toBeNull();
  });

  it('says a master without power closed no connection, as its slave sees it (still connected), and what of its CommitLog went with the page cache, in Chinese too', async () => {
    const scenario = writeReadScenario({ slaves: true, timeline: [{ at: 25_000, action: 'powerOffBroker', target: 'broker-a' }] });
    const timeline = loadAt(scenario, 35_000);
    const master = timeline.state.brokers['broker-a/0']!;
    // What its next start keeps: the messages wholly below flushedPhyOffset (CommitLog.recoverAbnormally).
    const lost = master.commitLog.length - durableLength(master);
    const bytes = master.maxPhyOffset - master.flushedPhyOffset;
    expect([lost, bytes]).toEqual([10, 11_990]);
    act(() => usePlayback.getState().select({ kind: 'broker', id: 'broker-a/0' }));
    const { unmount } = render(<InspectorPanel />);
    expect(await screen.findByTestId('modules-not-running', {}, { timeout: 10_000 })).toHaveTextContent('Its machine is powered off: nothing below is live; the tables are what it held when the power went. It closed no connection: its slave and its clients notice only by their own timeouts.');
    expect(screen.getByTestId('modules-not-running')).not.toHaveTextContent('crashed');
    const inspector = screen.getByTestId('inspect-broker');
    expect(inspector).toHaveTextContent('HA slavesnone: its machine is off. No connection was closed: its slave and its clients notice only by their own timeouts');
    expect(inspector).not.toHaveTextContent('connections closed with it');
    expect(inspector).toHaveTextContent(`CommitLog${master.commitLog.length} messages, of which the last 10 (11,990 bytes) were not flushed to disk: they went with the page cache, and a restart keeps only the flushed part (CommitLog.recoverAbnormally)`);
    expect(screen.getByTestId('module-commitlog-unflushed')).toHaveTextContent('Not flushed to disk: the last 10 messages, 11,990 bytes. They went with the page cache: a restart keeps only the flushed part (CommitLog.recoverAbnormally).');
    // Its slave, at the same moment, still holds its HA connection: nothing told it.
    act(() => usePlayback.getState().select({ kind: 'broker', id: 'broker-a/1' }));
    expect(await screen.findByTestId('inspect-broker')).toHaveTextContent('(its HA port), connected');
    expect(screen.queryByTestId('module-commitlog-unflushed')).toBeNull();
    unmount();
    act(() => usePlayback.getState().select({ kind: 'broker', id: 'broker-a/0' }));
    act(() => usePlayback.getState().setLanguage('zh'));
    render(<InspectorPanel />);
    expect(await screen.findByTestId('modules-not-running', {}, { timeout: 10_000 })).toHaveTextContent('它所在的机器已断电：下面没有任何在运行的东西，表格是断电时保存的内容。它没有关闭任何连接：它的 Slave 和客户端只能靠各自的超时发现。');
    expect(screen.getByTestId('inspect-broker')).toHaveTextContent('无：机器已断电。没有任何连接被关闭：它的 Slave 和客户端只能靠各自的超时发现');
    expect(screen.getByTestId('inspect-broker')).toHaveTextContent(`${master.commitLog.length} 条消息，其中最后 10 条（11,990 字节）尚未刷盘：它们随 page cache 一起丢失，重启后只保留已刷盘的部分（CommitLog.recoverAbnormally）`);
    expect(screen.getByTestId('module-commitlog-unflushed')).toHaveTextContent('尚未刷盘：最后 10 条消息，共 11,990 字节。它们随 page cache 一起丢失：重启后只保留已刷盘的部分（CommitLog.recoverAbnormally）。');
  });

  it('says a master cut off by a partition closed its silent slave connections, a close its slave does not see, and that a crashed one behind a partition closed its connections unseen', async () => {
    const scenario = writeReadScenario({ slaves: true, timeline: [{ at: 20_000, action: 'partitionBroker', target: 'broker-a' }, { at: 50_000, action: 'crashBroker', target: 'broker-a' }] });
    loadAt(scenario, 45_000);
    act(() => usePlayback.getState().select({ kind: 'broker', id: 'broker-a/0' }));
    render(<InspectorPanel />);
    expect(await screen.findByTestId('inspect-broker', {}, { timeout: 10_000 })).toHaveTextContent('HA slavesnone open: cut off by the partition, it closed each slave\'s connection after 20 s without a report (haHousekeepingInterval), a close the partition keeps from the slave');
    expect(screen.queryByTestId('modules-not-running')).toBeNull();
    cleanup();
    const crashed = loadAt(scenario, 55_000);
    expect(crashed.state.brokers['broker-a/0']).toMatchObject({ status: 'crashed', partitioned: true, pageCacheLost: false });
    act(() => usePlayback.getState().select({ kind: 'broker', id: 'broker-a/0' }));
    render(<InspectorPanel />);
    expect(await screen.findByTestId('modules-not-running', {}, { timeout: 10_000 })).toHaveTextContent('Its process is down (crashed)');
    expect(screen.getByTestId('inspect-broker')).toHaveTextContent('HA slavesnone: its process is down and closed its connections, but the partition keeps the close from its slave and its clients');
  });

  it('maps the study note\'s five modules first, one line each, all on the inspector\'s first screen', async () => {
    const timeline = loadAt(scenarioWithKeys(), 30_000);
    act(() => usePlayback.getState().select({ kind: 'broker', id: 'broker-a/0' }));
    const { unmount } = render(<InspectorPanel />);
    const map = await screen.findByTestId('module-map', {}, { timeout: 10_000 });
    const master = timeline.state.brokers['broker-a/0']!;
    const requests = Object.values(master.requestCounts).reduce((sum: number, count) => sum + (count ?? 0), 0);
    const withKey = master.commitLog.toArray().filter((m) => m.keys !== '').length;
    expect(within(map).getAllByRole('button').map((button) => button.querySelector('strong')!.textContent)).toEqual(['Remoting module', 'Client manager (clientManager)', 'Store service', 'HA service (HAService)', 'Index service (IndexService)']);
    expect(screen.getByTestId('module-map-remoting')).toHaveTextContent(`${requests.toLocaleString('en-US')} requests processed`);
    expect(screen.getByTestId('module-map-clientManager')).toHaveTextContent('1 producer group, 1 consumer group');
    expect(screen.getByTestId('module-map-store')).toHaveTextContent(`CommitLog: ${master.commitLog.length.toLocaleString('en-US')} messages`);
    expect(screen.getByTestId('module-map-ha')).toHaveTextContent('1 slave connected');
    await vi.waitFor(() => expect(screen.getByTestId('module-map-index')).toHaveTextContent(`${(master.commitLog.length + withKey).toLocaleString('en-US')} index entries`));
    // The index has a box of its own, as in the study note, after HA.
    expect(screen.getByTestId('module-ha').nextElementSibling).toBe(screen.getByTestId('module-index'));
    expect(screen.getByTestId('module-index')).toContainElement(screen.getByTestId('module-index-entries'));
    unmount();
    act(() => usePlayback.getState().select({ kind: 'broker', id: 'broker-a/1' }));
    act(() => usePlayback.getState().setLanguage('zh'));
    render(<InspectorPanel />);
    expect(await screen.findByTestId('module-map-ha', {}, { timeout: 10_000 })).toHaveTextContent('高可用服务（HAService，主从复制） 正在从 Master 复制');
    expect(screen.getByTestId('module-map-clientManager')).toHaveTextContent('0 个生产者组，1 个消费者组');
  });

  it('shows ProducerManager\'s groups on a master, with the age of the last heartbeat, and none on a slave', async () => {
    loadAt(scenarioWithKeys(), 30_000);
    act(() => usePlayback.getState().select({ kind: 'broker', id: 'broker-a/0' }));
    const { unmount } = render(<InspectorPanel />);
    // p-1 starts at 1 s and heartbeats 1 s later, then every 30 s: at 30 s its heartbeat of 2 s (plus 1-2 ms on the wire) is the latest.
    expect(await screen.findByTestId('module-producer-groups', {}, { timeout: 10_000 })).toHaveTextContent(/^PG_ORDER: 10\.0\.3\.1@p-1: heartbeat 28\.0 s ago$/);
    unmount();
    act(() => usePlayback.getState().select({ kind: 'broker', id: 'broker-a/1' }));
    render(<InspectorPanel />);
    expect(await screen.findByTestId('module-producer-groups', {}, { timeout: 10_000 })).toHaveTextContent('No producer: producers heartbeat masters only.');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('module-producer-groups')).toHaveTextContent('没有生产者：生产者只向 Master 发送心跳。');
  });

  it('highlights a selected message\'s path: send processor, CommitLog, ConsumeQueue and index, pull processor', async () => {
    const timeline = loadAt(scenarioWithKeys(), 30_000);
    act(() => usePlayback.getState().select({ kind: 'broker', id: 'broker-a/0' }));
    render(<InspectorPanel />);
    await screen.findByTestId('remoting-requests', {}, { timeout: 10_000 });
    const master = timeline.state.brokers['broker-a/0']!;
    const message = master.commitLog.toArray().find((m) => m.topic === 'TopicTest' && m.queueId === 1)!;
    act(() => usePlayback.getState().select({ kind: 'message', msgId: message.msgId }));
    expect(await screen.findByTestId('path-send')).toHaveTextContent('SendMessageProcessor: SEND_MESSAGE from p-1');
    expect(screen.getByTestId('path-commitLog')).toHaveTextContent(`CommitLog at physical offset ${message.commitLogOffset.toLocaleString('en-US')} (${message.size} bytes)`);
    // One way of naming a queue across the page (the log, the narration, the lessons): "TopicTest queue 1".
    expect(screen.getByTestId('path-consumeQueue')).toHaveTextContent(`dispatched to the ConsumeQueue of TopicTest queue 1 at queue offset ${message.queueOffset}`);
    expect(screen.getByTestId('path-index')).toHaveTextContent(`TopicTest#${message.keys}, TopicTest#${message.msgId}`);
    // Queue 1 is readable and consumed long before 30 s: CG_ORDER committed past it.
    expect(screen.getByTestId('path-pull')).toHaveTextContent('pulled and committed by CG_ORDER');
    for (const module of ['remoting', 'store']) expect(screen.getByTestId(`module-${module}`)).toHaveAttribute('data-on', 'true');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('path-consumeQueue')).toHaveTextContent(`分发到 TopicTest 队列 1 的 ConsumeQueue，位点 ${message.queueOffset}`);
    act(() => usePlayback.getState().setLanguage('en'));
  });

  // A consumer commits what it consumed later: its next pull's commitOffset (PullMessageProcessor)
  // and every persistConsumerOffsetInterval (MQClientInstance.persistAllConsumerOffset).
  it('says of a message no group has committed past that the commit comes later, not that nobody consumed it, in Chinese too', async () => {
    const timeline = loadAt(scenarioWithKeys(), 30_000);
    act(() => usePlayback.getState().select({ kind: 'broker', id: 'broker-a/0' }));
    render(<InspectorPanel />);
    await screen.findByTestId('remoting-requests', {}, { timeout: 10_000 });
    const master = timeline.state.brokers['broker-a/0']!;
    const committed = (queueId: number) => Math.max(0, ...Object.values(master.consumerOffsetTable).map((offsets) => offsets[`TopicTest@${queueId}`] ?? 0));
    const message = master.commitLog.toArray().findLast((m) => m.topic === 'TopicTest' && m.queueOffset >= committed(m.queueId))!;
    act(() => usePlayback.getState().select({ kind: 'message', msgId: message.msgId }));
    expect(await screen.findByTestId('path-pull')).toHaveTextContent(
      'PullMessageProcessor: no group\'s committed offset is past it yet. A consumer that pulled it commits later: with its next pull, and every 5 s (persistConsumerOffsetInterval)');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('path-pull')).toHaveTextContent(
      'PullMessageProcessor：还没有消费者组的已提交位点越过它。拉到它的消费者稍后才提交位点：随下一次拉取，以及每 5 秒一次（persistConsumerOffsetInterval）');
    act(() => usePlayback.getState().setLanguage('en'));
  });

  it('says when the selected message is not on this broker, in Chinese too', async () => {
    loadAt(scenarioWithKeys(), 30_000);
    act(() => usePlayback.getState().select({ kind: 'broker', id: 'broker-a/0' }));
    render(<InspectorPanel />);
    await screen.findByTestId('remoting-requests', {}, { timeout: 10_000 });
    act(() => usePlayback.getState().select({ kind: 'message', msgId: 'NO_SUCH_ID' }));
    expect(await screen.findByText('NO_SUCH_ID is not stored on this broker.')).toBeInTheDocument();
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByText('NO_SUCH_ID 没有存储在这个 Broker 上。')).toBeInTheDocument();
    expect(within(screen.getByTestId('module-remoting')).getByText('Remoting 模块（通信）')).toBeInTheDocument();
  });
});
