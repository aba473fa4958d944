// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DashboardTab } from '../../../src/ui/insight/dashboard/DashboardTab.tsx';
import { BOUNDED_ROWS, DataTable } from '../../../src/ui/panels/DataTable.tsx';
import { loadAt } from './load.ts';
import { writeReadScenario } from './scenarios.ts';

afterEach(cleanup);

const rowsOf = (count: number) => Array.from({ length: count }, (_, i) => ({ key: String(i), cells: [`broker-a`, String(i)] }));

describe('a long table scrolls in a box of its own, its caption kept above it', () => {
  it('bounds a table of more rows than BOUNDED_ROWS: the caption above the box names the table, the column names are its first row', () => {
    render(<DataTable caption="Status: TopicLarge" columns={['Broker', 'Queue']} rows={rowsOf(BOUNDED_ROWS + 1)} empty="none" testId="long" />);
    const box = screen.getByTestId('long');
    expect(box).toHaveClass('rs-table-bounded');
    const table = screen.getByRole('table', { name: 'Status: TopicLarge' });
    expect(box).toContainElement(table);
    const caption = screen.getByText('Status: TopicLarge');
    expect(box).not.toContainElement(caption);
    expect(within(table).getAllByRole('row')).toHaveLength(BOUNDED_ROWS + 2);
  });

  it('leaves a short table as it was: its caption inside, no box of its own', () => {
    render(<DataTable caption="Status: TopicTest" columns={['Broker', 'Queue']} rows={rowsOf(BOUNDED_ROWS)} empty="none" testId="short" />);
    expect(screen.getByTestId('short')).not.toHaveClass('rs-table-bounded');
    expect(screen.getByRole('table', { name: 'Status: TopicTest' }).querySelector('caption')).toHaveTextContent('Status: TopicTest');
  });

  it('bounds the Dashboard\'s tables of 144 queues (3 masters x 48), the consumer group\'s diffTotal kept in its caption', async () => {
    loadAt(writeReadScenario({ brokers: ['broker-a', 'broker-b', 'broker-c'], writeQueueNums: 48, readQueueNums: 48 }), 60_000);
    render(<DashboardTab />);
    await waitFor(() => expect(screen.getByTestId('dashboard-status')).toHaveClass('rs-table-bounded'), { timeout: 10_000 });
    const progress = screen.getByTestId('dashboard-progress-CG_ORDER');
    expect(progress).toHaveClass('rs-table-bounded');
    expect(within(progress).getByRole('table', { name: /^CG_ORDER · TopicTest · diffTotal \d+ · Consume TPS/ })).toBeInTheDocument();
    expect(screen.getByTestId('dashboard-cluster')).not.toHaveClass('rs-table-bounded');
  });
});
