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
});
