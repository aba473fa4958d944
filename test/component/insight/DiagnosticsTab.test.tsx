// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { getTimeline, usePlayback } from '../../../src/store/playback.ts';
import { openLibraryEntry } from '../../../src/ui/controls/session.ts';
import { DiagnosticsTab } from '../../../src/ui/insight/diagnostics/DiagnosticsTab.tsx';

afterEach(cleanup);

function openAt(libraryId: string, timeMs: number, language: 'en' | 'zh' = 'en'): void {
  usePlayback.setState({ language });
  openLibraryEntry(libraryId);
  usePlayback.getState().seek(timeMs);
}

function findings(kind: string): HTMLElement[] {
  return within(screen.getByTestId('diagnostics-list')).getAllByRole('listitem').filter((item) => item.dataset['kind'] === kind);
}

describe('Route diagnostics', () => {
  it('explains write 8 / read 4 with the stranded count and the fix (raise readQueueNums)', () => {
    openAt('write8-read4', 60_000);
    render(<DiagnosticsTab />);
    const master = getTimeline()!.state.brokers['broker-a/0']!;
    const stranded = [4, 5, 6, 7].reduce((sum, queueId) => sum + master.consumeQueues['TopicTest']![queueId]!.length, 0);
    expect(stranded).toBeGreaterThan(0);
    const item = findings('writeAboveRead').find((element) => element.textContent!.includes('TopicTest on broker-a'))!;
    expect(item).toHaveTextContent('writeQueueNums 8 > readQueueNums 4');
    expect(item).toHaveTextContent(`queues 4-7 fill up and are never consumed (${stranded} messages now)`);
    expect(item).toHaveTextContent('Raise readQueueNums to 8');
    expect(item).toHaveTextContent('lower writeQueueNums first, wait until those queues drain, then lower readQueueNums');
  });

  it('during a safe shrink, says to wait while the old queues hold messages, and that lowering readQueueNums is safe once they drained', () => {
    openAt('shrink-safely', 61_000);
    render(<DiagnosticsTab />);
    const waiting = findings('readAboveWrite');
    expect(waiting).toHaveLength(2);
    for (const item of waiting) expect(item).toHaveTextContent(/Wait until queues 4-7 drain .*Lowering it now would strand \d+ messages/);
    cleanup();
    // The timeline lowers readQueueNums at 150 s: before that, every group has consumed queues 4-7.
    openAt('shrink-safely', 140_000);
    render(<DiagnosticsTab />);
    for (const item of findings('readAboveWrite')) expect(item).toHaveTextContent('Those queues are drained: lowering readQueueNums to 4 now loses nothing');
  });

  it('names the consumers that own only unwritten queues (read 8 / write 4) with the real cause', () => {
    openAt('read8-write4', 60_000);
    render(<DiagnosticsTab />);
    const idle = findings('idleConsumer');
    expect(idle.map((item) => item.querySelector('h3')!.textContent)).toEqual(['c-2 (CG_ORDER) gets no message', 'c-4 (CG_ORDER) gets no message']);
    expect(idle[0]).toHaveTextContent('owns only queues no producer writes to (ids at or above writeQueueNums): broker-a:4, broker-a:5, broker-a:6, broker-a:7');
  });

  it('finds a topic created on one broker of two (mqadmin updateTopic -b) and a group whose members subscribe differently', () => {
    openAt('create-topic-broker', 60_000);
    render(<DiagnosticsTab />);
    expect(findings('oneBroker')[0]).toHaveTextContent('TopicOrder lives on broker-b only (the cluster has 2 masters)');
    cleanup();
    openAt('inconsistent-subscriptions', 60_000);
    render(<DiagnosticsTab />);
    expect(findings('inconsistentGroup')[0]).toHaveTextContent('c-1: TopicTest "TagA", c-2: TopicTest "TagB"');
  });

  it('says there is nothing to report on a healthy cluster', () => {
    openAt('nameserver-down', 30_000);
    render(<DiagnosticsTab />);
    expect(screen.getByTestId('diagnostics-none')).toBeInTheDocument();
  });

  it('speaks Chinese, with RocketMQ terms in Latin script', () => {
    openAt('write8-read4', 60_000, 'zh');
    render(<DiagnosticsTab />);
    expect(screen.getByRole('heading', { name: '路由诊断' })).toBeInTheDocument();
    expect(findings('writeAboveRead')[0]).toHaveTextContent('永远不会被消费');
    expect(findings('writeAboveRead')[0]).toHaveTextContent('readQueueNums');
  });
});
