// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsumerState } from '../../../src/model/state.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { InspectorPanel } from '../../../src/ui/panels/InspectorPanel.tsx';
import { loadAt } from './load.ts';
import { writeReadScenario } from './scenarios.ts';

afterEach(() => {
  cleanup();
  act(() => usePlayback.getState().select(null));
});

const BROKERS = ['broker-a', 'broker-b', 'broker-c'];
/** 13 consumers in CG_ORDER: past the 12 the canvas draws one by one, it draws the group as one node (topology-density.ts). */
const atSize = () => writeReadScenario({ brokers: BROKERS, writeQueueNums: 48, readQueueNums: 48, consumers: 13 });

describe('the inspector at size', () => {
  it('lists every member of a consumer group drawn as one node, with its queues and its group\'s lag on them, and opens the one picked', () => {
    const timeline = loadAt(atSize(), 60_000);
    act(() => usePlayback.getState().select({ kind: 'client', id: 'c-1' }));
    render(<InspectorPanel />);
    const group = screen.getByTestId('inspect-group');
    expect(group).toHaveTextContent('Consumer group CG_ORDER · 13 members');
    const rows = within(screen.getByTestId('group-members')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(13);
    const { state } = timeline;
    const lag = new Map(timeline.summary().queues.map((q) => [`${q.topic}|${q.broker}|${q.queueId}`, q.lag['CG_ORDER'] ?? 0]));
    const byId = Object.fromEntries(rows.map((row) => [within(row).getAllByRole('cell')[0]!.textContent!, within(row).getAllByRole('cell').map((cell) => cell.textContent)]));
    let held = 0;
    for (let i = 1; i <= 13; i++) {
      const member = state.clients[`c-${i}`] as ConsumerState;
      const pqs = Object.values(member.processQueueTable).filter((pq) => !pq.dropped);
      held += pqs.length;
      const behind = pqs.reduce((total, pq) => total + (lag.get(`${pq.mq.topic}|${pq.mq.brokerName}|${pq.mq.queueId}`) ?? 0), 0);
      expect(byId[`c-${i}`]).toEqual([`c-${i}`, 'running', String(pqs.length), behind.toLocaleString('en-US')]);
    }
    // AllocateMessageQueueAveragely gives the 144 queues of TopicTest out among the 13, and the 3 of %RETRY%CG_ORDER (one per broker).
    expect(held).toBe(144 + 3);
    fireEvent.click(screen.getByRole('button', { name: 'Inspect c-7' }));
    expect(usePlayback.getState().selection).toEqual({ kind: 'client', id: 'c-7' });
  });

  it('shows no group list in a classroom cluster (2 consumers)', () => {
    loadAt(writeReadScenario(), 60_000);
    act(() => usePlayback.getState().select({ kind: 'client', id: 'c-1' }));
    render(<InspectorPanel />);
    expect(screen.getByTestId('inspect-client')).toBeInTheDocument();
    expect(screen.queryByTestId('inspect-group')).toBeNull();
  });

  it('lists a route of 144 queues as runs of each broker\'s ids, and a route of 8 one queue at a time', () => {
    loadAt(atSize(), 60_000);
    act(() => usePlayback.getState().select({ kind: 'client', id: 'c-1' }));
    const { unmount } = render(<InspectorPanel />);
    const route = within(screen.getByTestId('topicRouteTable')).getAllByRole('row').find((row) => row.textContent!.startsWith('TopicTest'))!;
    const [, write, read] = within(route).getAllByRole('cell');
    expect(write!.textContent).toBe('broker-a:0–47 broker-b:0–47 broker-c:0–47');
    expect(read!.textContent).toBe('broker-a:0–47 broker-b:0–47 broker-c:0–47');
    unmount();
    loadAt(writeReadScenario(), 60_000);
    act(() => usePlayback.getState().select({ kind: 'client', id: 'c-1' }));
    render(<InspectorPanel />);
    const small = within(screen.getByTestId('topicRouteTable')).getAllByRole('row').find((row) => row.textContent!.startsWith('TopicTest'))!;
    expect(within(small).getAllByRole('cell')[1]!.textContent).toBe('broker-a:0 broker-a:1 broker-a:2 broker-a:3 broker-a:4 broker-a:5 broker-a:6 broker-a:7');
  });
});
