// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ConsumerState } from '../../../src/model/state.ts';
import { QueuePanel } from '../../../src/ui/panels/QueuePanel.tsx';
import { usePlayback } from '../../../src/store/playback.ts';
import { loadAt } from './load.ts';
import { writeReadScenario } from './scenarios.ts';
import { libraryScenario } from '../../support/library.ts';

afterEach(cleanup);

function cell(queueId: number): HTMLElement {
  return screen.getByTestId(`queue-cell-TopicTest-broker-a-${queueId}`);
}

function countOf(queueId: number): number {
  return Number(within(cell(queueId)).getByTestId('queue-count').textContent);
}

describe('QueuePanel, shrinking safely: writeQueueNums 8 -> 4 at 1:00 (MQClientInstance picks the change up at the next route pull, every 30 s)', () => {
  const SHRINK_AT = 60_000;
  const cellOf = (queueId: number) => screen.getByTestId(`queue-cell-TopicTest-broker-a-${queueId}`);
  /** When p-1's route stopped listing broker-a's queue 4: its first route answer after the shrink. */
  const routeUpdatedAt = () => {
    const timeline = loadAt(libraryScenario('shrink-safely'), SHRINK_AT + 30_000);
    return timeline.traceSlice(0).find((e) => e.type === 'route.updated' && e.client === 'p-1' && e.t > SHRINK_AT)!.t;
  };

  it('says queues 4-7 are still written until the producer\'s route pull, then draining while a group has messages left in them, then idle; only idle looks idle', () => {
    const updated = routeUpdatedAt();
    loadAt(libraryScenario('shrink-safely'), updated - 1);
    const { unmount } = render(<QueuePanel />);
    for (const queueId of [4, 5, 6, 7]) {
      expect(cellOf(queueId)).toHaveAttribute('data-writable', 'false');
      expect(cellOf(queueId)).not.toHaveClass('rs-queue-idle');
      expect(cellOf(queueId)).toHaveTextContent('no longer a write queue, but the producers\' routes still list it: they write to it until their next route pull');
    }
    unmount();
    const timeline = loadAt(libraryScenario('shrink-safely'), updated + 1_000);
    const lagged = render(<QueuePanel />);
    const lagOf = (queueId: number) => timeline.summary().queues.find((q) => q.broker === 'broker-a' && q.queueId === queueId && q.topic === 'TopicTest')!.lag['CG_ORDER']!;
    for (const queueId of [4, 5, 6, 7]) {
      expect(lagOf(queueId)).toBeGreaterThan(0);
      expect(cellOf(queueId)).not.toHaveClass('rs-queue-idle');
      expect(cellOf(queueId)).toHaveTextContent(`no new messages; ${lagOf(queueId)} left to consume`);
    }
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(cellOf(4)).toHaveTextContent(`不再写入新消息，还有 ${lagOf(4)} 条待消费`);
    act(() => usePlayback.getState().setLanguage('en'));
    lagged.unmount();
    // Before readQueueNums drops at 2:30 every group has read them all.
    loadAt(libraryScenario('shrink-safely'), 149_000);
    render(<QueuePanel />);
    for (const queueId of [4, 5, 6, 7]) {
      expect(cellOf(queueId)).toHaveClass('rs-queue-idle');
      expect(cellOf(queueId)).toHaveTextContent('receives no new messages, and every group has read it all');
    }
  });
});

describe('QueuePanel, write 8 / read 4 after 60 s of 10 msg/s', () => {
  it('fills queues 4..7 with unconsumable messages and keeps 0..3 readable', () => {
    const timeline = loadAt(writeReadScenario({ writeQueueNums: 8, readQueueNums: 4 }), 61_000);
    render(<QueuePanel />);
    const queues = timeline.state.brokers['broker-a/0']!.consumeQueues['TopicTest']!;
    expect(queues).toHaveLength(8);
    for (let queueId = 0; queueId < 8; queueId++) {
      // The count is the ConsumeQueue's maxOffset.
      expect(countOf(queueId)).toBe(queues[queueId]!.length);
      expect(countOf(queueId)).toBeGreaterThan(0);
      expect(cell(queueId)).toHaveAttribute('data-writable', 'true');
    }
    for (const queueId of [0, 1, 2, 3]) {
      expect(cell(queueId)).toHaveAttribute('data-readable', 'true');
      expect(within(cell(queueId)).getByText(/, readable$/)).toBeInTheDocument();
      expect(within(cell(queueId)).queryByText(/unconsumable/)).toBeNull();
    }
    for (const queueId of [4, 5, 6, 7]) {
      expect(cell(queueId)).toHaveAttribute('data-readable', 'false');
      expect(within(cell(queueId)).getByText(/not readable/)).toBeInTheDocument();
      expect(within(cell(queueId)).getByText(`unconsumable: ${queues[queueId]!.length}`)).toBeInTheDocument();
      expect(cell(queueId)).toHaveClass('rs-queue-never');
    }
    const stranded = [4, 5, 6, 7].reduce((sum, queueId) => sum + queues[queueId]!.length, 0);
    expect(screen.getByTestId('never-consumable-total')).toHaveTextContent(String(stranded));
    // About 600 messages in 60 s, half of them in queues 4..7.
    expect(stranded).toBeGreaterThanOrEqual(295);
    expect(stranded).toBeLessThanOrEqual(305);
  });

  it("shows each group's offset and lag in the readable cells", () => {
    const timeline = loadAt(writeReadScenario(), 61_000);
    render(<QueuePanel />);
    const summary = timeline.summary();
    for (const queueId of [0, 1, 2, 3]) {
      const queue = summary.queues.find((q) => q.topic === 'TopicTest' && q.queueId === queueId)!;
      expect(within(cell(queueId)).getByText('CG_ORDER')).toBeInTheDocument();
      expect(within(cell(queueId)).getByText(`${queue.consumerOffsets['CG_ORDER']} · lag ${queue.lag['CG_ORDER']}`)).toBeInTheDocument();
    }
  });

  it('says what W allows on an empty queue at or above readQueueNums, not that a producer is writing: at 0:00 p-1 has not started', () => {
    loadAt(writeReadScenario({ writeQueueNums: 8, readQueueNums: 4 }), 0);
    render(<QueuePanel />);
    for (const queueId of [4, 5, 6, 7]) {
      expect(within(cell(queueId)).getByText('producers may write it (id < writeQueueNums): every message written here is unconsumable until readQueueNums is raised')).toBeInTheDocument();
    }
  });

  it('opens a queue\'s card from its id, as its cell on the canvas does', () => {
    loadAt(writeReadScenario(), 60_000);
    render(<QueuePanel />);
    const open = screen.getByRole('button', { name: '#5: open the latest messages of broker-a queue 5' });
    fireEvent.click(open);
    expect(usePlayback.getState().selection).toEqual({ kind: 'queue', topic: 'TopicTest', broker: 'broker-a', queueId: 5 });
    act(() => usePlayback.getState().select(null));
  });

  it('states the rule in one sentence, with a legend', () => {
    loadAt(writeReadScenario(), 10_000);
    render(<QueuePanel />);
    expect(screen.getByText('Producers write only queue ids below writeQueueNums; consumers are given only ids below readQueueNums — messages in queues at or above readQueueNums are not consumed until readQueueNums is raised.')).toBeInTheDocument();
    expect(screen.getByText(/unconsumable: written, but no consumer is given it until readQueueNums is raised/)).toBeInTheDocument();
  });

  it('speaks Chinese when the language is zh, keeping RocketMQ terms in Latin script', () => {
    loadAt(writeReadScenario(), 10_000);
    act(() => usePlayback.getState().setLanguage('zh'));
    render(<QueuePanel />);
    expect(screen.getByRole('heading', { name: '队列' })).toBeInTheDocument();
    expect(screen.getByText(/生产者只写入 id 小于 writeQueueNums 的队列/)).toBeInTheDocument();
  });
});

describe('QueuePanel, write 4 / read 8', () => {
  it('shows queues 4..7 idle and lists the consumers that own only them', () => {
    const timeline = loadAt(writeReadScenario({ writeQueueNums: 4, readQueueNums: 8, consumers: 4 }), 61_000);
    render(<QueuePanel />);
    for (const queueId of [4, 5, 6, 7]) {
      expect(cell(queueId)).toHaveAttribute('data-writable', 'false');
      expect(cell(queueId)).toHaveAttribute('data-readable', 'true');
      expect(cell(queueId)).toHaveClass('rs-queue-idle');
      expect(countOf(queueId)).toBe(0);
    }
    expect(screen.getByTestId('never-consumable-total')).toHaveTextContent('0');
    // AllocateMessageQueueAveragely over 8 queues and 4 consumers: c-3 gets 4,5 and c-4 gets 6,7.
    const owned = (id: string) => Object.values((timeline.state.clients[id] as ConsumerState).processQueueTable).map((pq) => pq.mq.queueId).sort();
    expect(owned('c-3')).toEqual([4, 5]);
    expect(owned('c-4')).toEqual([6, 7]);
    expect(screen.getByTestId('idle-consumer-c-3')).toHaveTextContent('owns only queues no producer writes to (ids at or above writeQueueNums): broker-a:4, broker-a:5');
    expect(screen.getByTestId('idle-consumer-c-4')).toHaveTextContent('broker-a:6, broker-a:7');
    expect(screen.queryByTestId('idle-consumer-c-1')).toBeNull();
    expect(screen.queryByTestId('idle-consumer-c-2')).toBeNull();
  });

  it('lists a consumer that owns no queue at all when there are more consumers than readable queues', () => {
    loadAt(writeReadScenario({ writeQueueNums: 4, readQueueNums: 4, consumers: 5 }), 30_000);
    render(<QueuePanel />);
    const idle = screen.getByTestId('idle-consumers');
    expect(within(idle).getAllByRole('listitem')).toHaveLength(1);
    expect(within(idle).getByText(/owns no queue: 5 consumers for 4 readable queues/)).toBeInTheDocument();
  });
});

describe('QueuePanel, the idle consumer\'s real reason', () => {
  it('names CONSISTENT_HASH when it leaves a consumer no queue although there are as many queues as consumers', () => {
    const scenario = writeReadScenario({ writeQueueNums: 4, readQueueNums: 4, consumers: 4 });
    scenario.consumers = scenario.consumers.map((consumer) => ({ ...consumer, allocateStrategy: 'CONSISTENT_HASH' }));
    const timeline = loadAt(scenario, 30_000);
    render(<QueuePanel />);
    const ownsNothing = Object.values(timeline.state.clients).filter((client) => client.kind === 'consumer' && Object.keys(client.processQueueTable).length === 0);
    expect(ownsNothing.map((client) => client.id)).toEqual(['c-3']);
    expect(screen.getByTestId('idle-consumer-c-3')).toHaveTextContent('owns no queue: CONSISTENT_HASH gave it none (4 consumers, 4 readable queues)');
  });

  it('says "no route yet" before the first route answer arrives', () => {
    loadAt(writeReadScenario(), 1_005);
    render(<QueuePanel />);
    expect(screen.getByTestId('idle-consumer-c-1')).toHaveTextContent('no route for its topic yet');
  });
});

describe('QueuePanel, shrinking a topic safely', () => {
  it('shows queues drained before readQueueNums dropped as drained, not stranded', () => {
    const timeline = loadAt(writeReadScenario({
      writeQueueNums: 8, readQueueNums: 8,
      timeline: [
        { at: 20_000, action: 'updateTopic', topic: 'TopicTest', writeQueueNums: 4 },
        { at: 60_000, action: 'updateTopic', topic: 'TopicTest', readQueueNums: 4 },
      ],
    }), 70_000);
    render(<QueuePanel />);
    for (const queueId of [4, 5, 6, 7]) {
      expect(countOf(queueId)).toBeGreaterThan(0);
      expect(cell(queueId)).toHaveClass('rs-queue-drained');
      expect(cell(queueId)).not.toHaveClass('rs-queue-never');
      expect(within(cell(queueId)).getByText('drained: every group consumed it')).toBeInTheDocument();
    }
    expect(timeline.summary().messages.neverConsumable).toBe(0);
    expect(screen.getByTestId('never-consumable-total')).toHaveTextContent('0');
  });
});

describe('QueuePanel after mqadmin wipeWritePerm (RouteInfoManager.operateWritePermOfBroker changes only the NameServers\' QueueData)', () => {
  // "Taking a broker out of service": the wipe at 65 s; broker-a/0 shut down at 120 s and started at 140 s.
  const WIPE_AT = 65_000;
  const row = (broker: string) => Array.from({ length: 4 }, (_, queueId) => screen.getByTestId(`queue-cell-TopicTest-${broker}-${queueId}`));
  /** p-1's first route answer after the wipe (every 30 s, pollNameServerInterval): from it p-1 keeps only writable queues. */
  const routeUpdatedAt = () => loadAt(libraryScenario('broker-out-of-service'), WIPE_AT + 30_000)
    .traceSlice(0).find((e) => e.type === 'route.updated' && e.client === 'p-1' && e.t > WIPE_AT)!.t;

  it('says the NameServers give broker-a R-- beside its own RW-, takes W away, and says p-1 writes on until its next route pull', () => {
    loadAt(libraryScenario('broker-out-of-service'), WIPE_AT + 1_000);
    render(<QueuePanel />);
    expect(screen.getByTestId('queue-wiped-TopicTest-broker-a')).toHaveTextContent(
      'on the NameServers perm R--: write perm wiped there (mqadmin wipeWritePerm), producers leave these queues at their next route pull',
    );
    // The broker's own TopicConfig keeps W: only the NameServers' copy changed.
    expect(screen.getByTestId('queue-wiped-TopicTest-broker-a').previousElementSibling).toHaveTextContent('broker-a writeQueueNums 4 · readQueueNums 4 · perm RW-');
    for (const queue of row('broker-a')) {
      expect(queue).toHaveAttribute('data-writable', 'false');
      expect(queue).toHaveAttribute('data-readable', 'true');
      expect(queue).toHaveTextContent('no longer a write queue, but the producers\' routes still list it');
    }
    expect(screen.queryByTestId('queue-wiped-TopicTest-broker-b')).toBeNull();
    for (const queue of row('broker-b')) expect(queue).toHaveAttribute('data-writable', 'true');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('queue-wiped-TopicTest-broker-a')).toHaveTextContent('NameServer 上的 perm 为 R--：写权限已在那里被摘除（mqadmin wipeWritePerm）');
    act(() => usePlayback.getState().setLanguage('en'));
  });

  it('after p-1\'s route pull shows broker-a\'s queues draining, not written; the restart ends the wipe', () => {
    loadAt(libraryScenario('broker-out-of-service'), routeUpdatedAt() + 1_000);
    render(<QueuePanel />);
    for (const queue of row('broker-a')) {
      expect(queue).toHaveAttribute('data-writable', 'false');
      expect(queue).toHaveTextContent(/no new messages; \d+ left to consume|receives no new messages/);
    }
    cleanup();
    loadAt(libraryScenario('broker-out-of-service'), 145_000);
    render(<QueuePanel />);
    expect(screen.queryByTestId('queue-wiped-TopicTest-broker-a')).toBeNull();
    for (const queue of row('broker-a')) expect(queue).toHaveAttribute('data-writable', 'true');
  });
});

describe('QueuePanel while a master is down', () => {
  const row = (topic: string, broker: string) => Array.from({ length: 4 }, (_, queueId) => screen.getByTestId(`queue-cell-${topic}-${broker}-${queueId}`));

  it('takes W away and keeps R while its slave serves reads, and says so; back to normal once the master returns', () => {
    loadAt(libraryScenario('master-slave-failover'), 100_000);
    render(<QueuePanel />);
    expect(screen.getByTestId('queue-down-TopicTest-broker-a')).toHaveTextContent(
      "broker-a/0 crashed: no producer writes here now (no W). Its consumers read from the slave broker-a/1, which may hold fewer messages; the counts below are broker-a/0's.",
    );
    for (const queue of row('TopicTest', 'broker-a')) {
      expect(queue).toHaveAttribute('data-writable', 'false');
      expect(queue).toHaveAttribute('data-readable', 'true');
    }
    expect(screen.queryByTestId('queue-down-TopicTest-broker-b')).toBeNull();
    for (const queue of row('TopicTest', 'broker-b')) expect(queue).toHaveAttribute('data-writable', 'true');
    cleanup();
    loadAt(libraryScenario('master-slave-failover'), 170_000);
    render(<QueuePanel />);
    expect(screen.queryByTestId('queue-down-TopicTest-broker-a')).toBeNull();
    for (const queue of row('TopicTest', 'broker-a')) expect(queue).toHaveAttribute('data-writable', 'true');
  });

  it('takes R away while its slave refuses every pull (5.x without slaveReadEnable), and says so', () => {
    loadAt(libraryScenario('failover-idle-consumer'), 90_000);
    render(<QueuePanel />);
    expect(screen.getByTestId('queue-down-TopicTest-broker-a')).toHaveTextContent(
      'broker-a/0 crashed: no producer writes here now (no W). Its slave broker-a/1 refuses every pull (SYSTEM_BUSY: a 5.x slave serves reads only with slaveReadEnable), so nothing can be read here until it is back;',
    );
    for (const queue of row('TopicTest', 'broker-a')) expect(queue).toHaveAttribute('data-readable', 'false');
  });

  it('takes R away too when no slave runs, and names a shutdown', () => {
    const timeline = loadAt(libraryScenario('crash-partition-shutdown'), 250_000);
    expect(timeline.state.brokers['broker-c/0']!.status).toBe('shutdown');
    render(<QueuePanel />);
    expect(screen.getByTestId('queue-down-TopicTest-broker-a')).toHaveTextContent('broker-a/0 crashed: no producer writes here now (no W). No slave runs: nothing can be read here until it is back;');
    expect(screen.getByTestId('queue-down-TopicTest-broker-c')).toHaveTextContent('broker-c/0 was shut down');
    for (const queue of row('TopicTest', 'broker-a')) expect(queue).toHaveAttribute('data-readable', 'false');
    // A partitioned master still runs: producers still write to it (and time out), the Diagnostics tab says why.
    expect(screen.queryByTestId('queue-down-TopicTest-broker-b')).toBeNull();
  });

  it('says it in Chinese', () => {
    loadAt(libraryScenario('master-slave-failover'), 100_000);
    act(() => usePlayback.getState().setLanguage('zh'));
    render(<QueuePanel />);
    expect(screen.getByTestId('queue-down-TopicTest-broker-a')).toHaveTextContent('broker-a/0 已崩溃：现在没有生产者写入这里（没有 W）。它的消费者从 Slave broker-a/1 读取，Slave 上的消息可能更少；下面的数量是 broker-a/0 的。');
  });
});

describe('QueuePanel, shrinking a topic the unsafe way (read and write 8 -> 4 at 60 s)', () => {
  const cellOf = (broker: string, queueId: number) => screen.getByTestId(`queue-cell-TopicTest-${broker}-${queueId}`);
  /** The scenario with RocketMQ's default flow control: the consumers hold their queues' whole backlog in memory, nothing waits on the brokers. */
  const everythingPulled = () => {
    const scenario = libraryScenario('shrink-unsafely');
    return { ...scenario, config: { ...scenario.config, pullBatchSize: 32, pullThresholdForQueue: 1_000 } };
  };

  it('at 1:01 does not call queues 4-7 drained: c-2 pulled their messages before the shrink but has not consumed them', () => {
    const timeline = loadAt(everythingPulled(), 61_000);
    render(<QueuePanel />);
    const summary = timeline.summary();
    for (const queueId of [4, 5, 6, 7]) {
      const queue = summary.queues.find((q) => q.broker === 'broker-b' && q.queueId === queueId)!;
      const left = queue.maxOffset - queue.consumerOffsets['CG_ORDER']!;
      expect(left).toBeGreaterThan(0);
      const element = cellOf('broker-b', queueId);
      expect(element).not.toHaveClass('rs-queue-drained');
      expect(within(element).queryByText(/^drained/)).toBeNull();
      expect(element).toHaveClass('rs-queue-pulled');
      expect(within(element).getByText(`not consumed yet: ${left}, pulled by c-2 before this queue became unreadable; consumed only until a rebalance drops the queue, the rest not until readQueueNums is raised`)).toBeInTheDocument();
    }
  });

  it('at 3:00 shows what the consumers had not pulled when queues 4-7 became unreadable as unconsumable', () => {
    const timeline = loadAt(libraryScenario('shrink-unsafely'), 180_000);
    render(<QueuePanel />);
    const summary = timeline.summary();
    for (const broker of ['broker-a', 'broker-b']) {
      for (const queueId of [4, 5, 6, 7]) {
        const queue = summary.queues.find((q) => q.broker === broker && q.queueId === queueId)!;
        expect(queue.neverConsumable).toBeGreaterThan(0);
        expect(queue.neverConsumable).toBe(queue.maxOffset - queue.consumerOffsets['CG_ORDER']!);
        expect(cellOf(broker, queueId)).toHaveClass('rs-queue-never');
        expect(within(cellOf(broker, queueId)).getByText(`unconsumable: ${queue.neverConsumable}`)).toBeInTheDocument();
      }
    }
    expect(screen.getByTestId('never-consumable-total')).toHaveTextContent(String(summary.messages.neverConsumable));
    expect(summary.messages.neverConsumable).toBeGreaterThan(0);
  });

  it('in Chinese, follows the unconsumable label with a full-width colon', () => {
    const timeline = loadAt(libraryScenario('shrink-unsafely'), 180_000);
    act(() => usePlayback.getState().setLanguage('zh'));
    render(<QueuePanel />);
    const queue = timeline.summary().queues.find((q) => q.broker === 'broker-a' && q.queueId === 4)!;
    expect(queue.neverConsumable).toBeGreaterThan(0);
    expect(within(cellOf('broker-a', 4)).getByText(`无法消费：${queue.neverConsumable}`)).toBeInTheDocument();
  });

  it('says it in Chinese', () => {
    const timeline = loadAt(everythingPulled(), 61_000);
    act(() => usePlayback.getState().setLanguage('zh'));
    render(<QueuePanel />);
    const queue = timeline.summary().queues.find((q) => q.broker === 'broker-b' && q.queueId === 4)!;
    expect(within(cellOf('broker-b', 4)).getByText(`尚未消费 ${queue.maxOffset - queue.consumerOffsets['CG_ORDER']!} 条：c-2 在此队列变为不可读之前已拉取；它只会消费到负载均衡放弃此队列为止，剩下的在调大 readQueueNums 之前无法消费`)).toBeInTheDocument();
    expect(within(cellOf('broker-b', 4)).queryByText('已消费完：每个消费者组都已消费')).toBeNull();
  });
});

describe('QueuePanel by keyboard: each broker\'s queues are one Tab stop (a toolbar), as its strip on the canvas', () => {
  const open = (broker: string, queueId: number) => screen.getByTestId(`queue-open-TopicTest-${broker}-${queueId}`);

  it('puts only the first queue of each broker in the Tab order, moves with ← → Home End, remembers the queue reached, and its button opens it', () => {
    loadAt(writeReadScenario({ brokers: ['broker-a', 'broker-b'] }), 20_000);
    render(<QueuePanel />);
    const stops = () => [...document.querySelectorAll('[data-testid^="queue-open-"]')].filter((button) => button.getAttribute('tabindex') === '0').map((button) => button.getAttribute('data-testid'));
    expect(stops()).toEqual(['queue-open-TopicTest-broker-a-0', 'queue-open-TopicTest-broker-b-0']);
    expect(screen.getAllByRole('toolbar').map((toolbar) => toolbar.getAttribute('aria-label'))).toEqual(['TopicTest · broker-a', 'TopicTest · broker-b']);
    act(() => open('broker-a', 0).focus());
    expect(fireEvent.keyDown(open('broker-a', 0), { key: 'End' })).toBe(false);
    expect(document.activeElement).toBe(open('broker-a', 7));
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(open('broker-a', 2));
    act(() => open('broker-b', 0).focus());
    expect(stops()).toEqual(['queue-open-TopicTest-broker-a-2', 'queue-open-TopicTest-broker-b-0']);
    act(() => open('broker-a', 2).focus());
    fireEvent.click(document.activeElement!);
    expect(usePlayback.getState().selection).toEqual({ kind: 'queue', topic: 'TopicTest', broker: 'broker-a', queueId: 2 });
    usePlayback.setState({ selection: null });
  });
});
