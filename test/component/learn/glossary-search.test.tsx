// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { usePlayback } from '../../../src/store/playback.ts';
import { Glossary } from '../../../src/ui/learn/Glossary.tsx';

afterEach(() => {
  cleanup();
  act(() => usePlayback.getState().setLanguage('en'));
});

/** The Chinese names of the rows the glossary's search field finds for `query`. */
function rowsFound(query: string): string[] {
  fireEvent.change(screen.getByTestId('glossary-find'), { target: { value: query } });
  const glossary = screen.getByRole('dialog', { name: '术语表' });
  return within(glossary).queryAllByRole('row').slice(1).map((row) => row.querySelectorAll('td')[1]!.textContent!);
}

describe('the glossary\'s search, in the words Chinese RocketMQ learners type', () => {
  it.each([
    ['主从', 'Master / Slave（主 / 从）'],
    ['主备', 'Master / Slave（主 / 从）'],
    ['消费组', '消费者组'],
    ['生产组', '生产者组'],
    ['消费进度', '消费位点'],
    ['消费位移', '消费位点'],
    ['重平衡', '负载均衡（Rebalance）'],
    ['重试队列', '重试主题 / 死信队列'],
    ['集群模式', '集群消费 / 广播消费'],
    ['同步刷盘', '刷盘：异步 / 同步'],
    ['逻辑队列', 'ConsumeQueue（消费队列）'],
  ])('finds the row of %s', (query, row) => {
    act(() => usePlayback.getState().setLanguage('zh'));
    render(<Glossary onClose={() => {}} />);
    expect(rowsFound(query)).toContain(row);
  });

  it('still finds nothing for a word that names no term', () => {
    act(() => usePlayback.getState().setLanguage('zh'));
    render(<Glossary onClose={() => {}} />);
    expect(rowsFound('交易所')).toEqual([]);
  });
});
