// @vitest-environment jsdom
/** The inspector's and the Dashboard's tables: what a narrow panel needs of them. */
import { cleanup, render, screen, within } from '@testing-library/react';
import { DataTable } from '../../../src/ui/panels/DataTable.tsx';

afterEach(cleanup);

describe('DataTable', () => {
  it('lets a camelCase column name break between its words, and reads it whole', () => {
    render(<DataTable caption="Topics (topicConfigTable)" columns={['Topic', 'writeQueueNums', 'queueId:maxOffset', 'URL']} rows={[]} empty="none" testId="t" />);
    const headers = within(screen.getByTestId('t')).getAllByRole('columnheader');
    expect(headers.map((header) => header.textContent)).toEqual(['Topic', 'writeQueueNums', 'queueId:maxOffset', 'URL']);
    expect(headers.map((header) => header.querySelectorAll('wbr').length)).toEqual([0, 2, 2, 0]);
    expect(headers[1]!.innerHTML).toBe('write<wbr>Queue<wbr>Nums');
  });

  it('breaks a column of RocketMQ names only between their parts, never inside one', () => {
    const names = ['%RETRY%CG_ORDER', 'SCHEDULE_TOPIC_XXXX', 'broker-a/0', 'TBW102'];
    render(<DataTable caption="topicQueueTable" columns={['Topic', 'perm']} rows={names.map((name) => ({ key: name, cells: [name, 'RW-'] }))}
      empty="none" testId="t" identifiers={[0]} />);
    const cells = within(screen.getByTestId('t')).getAllByRole('row').slice(1).map((row) => row.querySelectorAll('td'));
    // After the retry topic's prefix, not after the CG_ of the group's name.
    expect(cells.map(([name]) => name!.innerHTML)).toEqual(['%RETRY%<wbr>CG_ORDER', 'SCHEDULE_<wbr>TOPIC_<wbr>XXXX', 'broker-a<wbr>/0', 'TBW102']);
    expect(cells.map(([name]) => name!.textContent)).toEqual(names);
    // Only at those <wbr>: the cell does not break anywhere, as the side column's other cells may.
    expect(cells.every(([name, perm]) => name!.classList.contains('rs-identifier') && !perm!.classList.contains('rs-identifier'))).toBe(true);
  });
});
