// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getTimeline, usePlayback } from '../../../src/store/playback.ts';
import { openLibraryEntry, openSource } from '../../../src/ui/controls/session.ts';
import { DashboardTab } from '../../../src/ui/insight/dashboard/DashboardTab.tsx';
import { formatTime } from '../../../src/viz/format.ts';
import { masterCrashScenario } from '../../support/library.ts';

const WAIT = { timeout: 10_000 };

function cells(testId: string): string[][] {
  return within(screen.getByTestId(testId)).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent ?? ''));
}

function headers(testId: string): string[] {
  return within(screen.getByTestId(testId)).getAllByRole('columnheader').map((cell) => cell.textContent ?? '');
}

beforeEach(() => {
  usePlayback.setState({ language: 'en' });
  openLibraryEntry('write8-read4');
  usePlayback.getState().seek(60_000);
});
afterEach(cleanup);

describe('the Dashboard tab (write 8 / read 4 at 60 s)', () => {
  it('keeps each export button short: the table\'s caption, which a typed name can make very long, is in its name and tooltip', async () => {
    render(<DashboardTab />);
    const button = await screen.findByTestId('csv-cluster', {}, WAIT);
    expect(button).toHaveTextContent(/^Export as CSV$/);
    expect(button).toHaveAccessibleName(/^Export as CSV: Cluster \(brokerAddrTable, as ns-\d answers\)$/);
    expect(button).toHaveAttribute('title', button.getAttribute('aria-label'));
  });

  it('lists the cluster with the Dashboard\'s columns and TPS over the last 10 s: 10 msg/s over two masters is 5 each', async () => {
    render(<DashboardTab />);
    expect(headers('dashboard-cluster')).toEqual(['Broker', 'NO.', 'Address', 'Version', 'Produce Message TPS', 'Consumer Message TPS', 'Yesterday Produce Count', 'Yesterday Consume Count', 'Today Produce Count', 'Today Consume Count']);
    await waitFor(() => expect(cells('dashboard-cluster')[0]![4]).not.toBe('0.00'), WAIT);
    const brokerA = cells('dashboard-cluster').find((row) => row[0] === 'broker-a' && row[1] === '0(master)')!;
    expect(brokerA[2]).toBe(getTimeline()!.state.brokers['broker-a/0']!.addr);
    expect(Number(brokerA[4])).toBeCloseTo(5, 0);
    // Today's count is every message the master put since the run began at midnight.
    expect(Number(brokerA[8])).toBe(getTimeline()!.state.brokers['broker-a/0']!.commitLog.length);
    expect(brokerA[6]).toBe('0');
  });

  it('decodes the route\'s perm bit by bit, and shows each queue\'s offsets', () => {
    render(<DashboardTab />);
    expect(cells('dashboard-route')).toEqual([
      ['broker-a', '4', '8', '6 = PERM_READ(4) | PERM_WRITE(2) · RW-'],
      ['broker-b', '4', '8', '6 = PERM_READ(4) | PERM_WRITE(2) · RW-'],
    ]);
    const queues = getTimeline()!.state.brokers['broker-a/0']!.consumeQueues['TopicTest']!;
    const status = cells('dashboard-status').filter((row) => row[0] === 'broker-a');
    expect(status.map((row) => Number(row[3]))).toEqual(queues.map((queue) => queue.length));
    expect(status.every((row) => row[2] === '0')).toBe(true);
  });

  it('shows consumer progress for the readable queues only, with diff = brokerOffset - consumerOffset', () => {
    render(<DashboardTab />);
    expect(headers('dashboard-progress-CG_ORDER')).toEqual(['Broker', 'Queue', 'consumerClient', 'brokerOffset', 'consumerOffset', 'diff', 'lastTimestamp']);
    const rows = cells('dashboard-progress-CG_ORDER');
    expect(rows.map((row) => `${row[0]}:${row[1]}`)).toEqual(['broker-a:0', 'broker-a:1', 'broker-a:2', 'broker-a:3', 'broker-b:0', 'broker-b:1', 'broker-b:2', 'broker-b:3']);
    for (const row of rows) expect(Number(row[5])).toBe(Number(row[3]) - Number(row[4]));
    expect(rows.every((row) => row[2] !== '')).toBe(true);
  });

  it('lists each group\'s client connections, language JAVA', () => {
    render(<DashboardTab />);
    const rows = cells('dashboard-connections-CG_ORDER');
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row[2] === 'JAVA')).toBe(true);
  });

  it('reads the table again at another time and sees it change', () => {
    render(<DashboardTab />);
    const before = cells('dashboard-status');
    usePlayback.getState().seek(90_000);
    return waitFor(() => expect(cells('dashboard-status')).not.toEqual(before), WAIT);
  });

  it('uses the Dashboard\'s Chinese column names', () => {
    usePlayback.setState({ language: 'zh' });
    render(<DashboardTab />);
    expect(headers('dashboard-cluster')).toContain('生产消息TPS');
    expect(headers('dashboard-status')).toEqual(['Broker', '队列', '最小位点', '最大位点', '上次更新时间']);
  });
});

describe('the Dashboard tab after both masters crashed ("Master loss" with crashBroker, at 75 s)', () => {
  beforeEach(() => {
    openSource(masterCrashScenario());
    usePlayback.getState().seek(75_000);
  });

  it('says the slaves answer in their masters\' place, and shows what the slaves hold', () => {
    render(<DashboardTab />);
    expect(screen.getByTestId('dashboard-from-slaves')).toHaveTextContent(
      'ns-1 lists no master for broker-a and broker-b: below, broker-a/1 and broker-b/1 answer in their place (BrokerData.selectBrokerAddr picks a slave).',
    );
    const slave = getTimeline()!.state.brokers['broker-a/1']!;
    const status = cells('dashboard-status').filter((row) => row[0] === 'broker-a');
    expect(status.map((row) => Number(row[3]))).toEqual(slave.consumeQueues['TopicTest']!.map((queue) => queue.length));
  });

  it('says it in Chinese', () => {
    usePlayback.setState({ language: 'zh' });
    render(<DashboardTab />);
    expect(screen.getByTestId('dashboard-from-slaves')).toHaveTextContent('ns-1 里已没有 broker-a、broker-b 的 Master：下面的表格由 broker-a/1、broker-b/1 代为应答');
  });

  it('names no slave while the NameServer lists the masters', () => {
    usePlayback.getState().seek(50_000);
    render(<DashboardTab />);
    expect(screen.queryByTestId('dashboard-from-slaves')).toBeNull();
  });
});

describe('the Dashboard tab while ns-1 lists a broker cut off by a partition ("crash vs partition" at 100 s)', () => {
  beforeEach(() => {
    openLibraryEntry('crash-partition-shutdown');
    usePlayback.getState().seek(100_000);
  });

  /** When ns-1 drops broker-b/0: 120 s (heartbeatTimeoutMillis) after the last registration it heard. */
  const dropsAt = () => {
    const live = getTimeline()!.state.nameServers['ns-1']!.brokerLiveTable['10.0.1.2:10911']!;
    return formatTime(live.lastUpdateTimestamp + live.heartbeatTimeoutMillis);
  };

  it('says which broker does not answer, until when, and what RocketMQ\'s Dashboard shows then; its cells read —', () => {
    render(<DashboardTab />);
    const note = screen.getByTestId('dashboard-silent');
    expect(note).toHaveTextContent(`Not every broker ns-1 lists answers. broker-b/0 (10.0.1.2:10911) is cut off by a partition: a request to it gets no answer within the admin tool's timeout (DefaultMQAdminExt, 5 s), and ns-1 lists it until ${dropsAt()} at the earliest.`);
    expect(note).toHaveTextContent('it shows no Cluster page at all, nor the Status or the consumer progress of a topic such a broker holds');
    expect(note).toHaveTextContent('mqadmin clusterList prints the broker with zeros');
    expect(cells('dashboard-cluster').find((row) => row[0] === 'broker-b')!.slice(3)).toEqual(Array(7).fill('—'));
    expect(cells('dashboard-status').some((row) => row[0] === 'broker-b')).toBe(false);
    expect(cells('dashboard-progress-CG_ORDER').map((row) => row[0])).not.toContain('broker-b');
  });

  it('says it in Chinese', () => {
    usePlayback.setState({ language: 'zh' });
    render(<DashboardTab />);
    expect(screen.getByTestId('dashboard-silent')).toHaveTextContent(`ns-1 列出的 Broker 并非都能应答。broker-b/0（10.0.1.2:10911）被网络分区隔离：发给它的请求在管理工具的超时时间（DefaultMQAdminExt，5 秒）内得不到应答，ns-1 最早在 ${dropsAt()} 才剔除它。`);
  });

  it('says nothing once ns-1 has dropped it', () => {
    usePlayback.getState().seek(200_000);
    render(<DashboardTab />);
    expect(screen.queryByTestId('dashboard-silent')).toBeNull();
  });
});

describe('the Dashboard tab (a poison message): the group\'s retry topic is one of its topics', () => {
  it('lists %RETRY%CG as a table of its own once the group has an offset there, with the retries waiting in it', () => {
    openLibraryEntry('retries-dlq');
    // At 20 s two retries wait in %RETRY%CG, but c-1 has no offset there yet (it gets the queue at 21 s): consumerProgress does not list it.
    usePlayback.getState().seek(20_000);
    const { unmount } = render(<DashboardTab />);
    expect(screen.getByTestId('dashboard-progress-CG')).toBeInTheDocument();
    expect(screen.queryByTestId('dashboard-progress-CG-retry')).toBeNull();
    unmount();
    // At 3:00 the first Poison message's third retry (written at 1:51) was pulled and failed again; both copies are behind the committed offset.
    usePlayback.getState().seek(180_000);
    render(<DashboardTab />);
    const broker = getTimeline()!.state.brokers['broker-a/0']!;
    const maxOffset = broker.consumeQueues['%RETRY%CG']![0]!.length;
    const committed = broker.consumerOffsetTable.CG!['%RETRY%CG@0']!;
    expect(cells('dashboard-progress-CG-retry')).toEqual([['broker-a', '0', expect.stringContaining('c-1'), String(maxOffset), String(committed), String(maxOffset - committed), expect.any(String)]]);
    expect(screen.getByTestId('dashboard-progress-CG-retry')).toHaveTextContent(`CG · %RETRY%CG · diffTotal ${maxOffset - committed}`);
    expect(maxOffset).toBe(6);
  });
});
