// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getTimeline, usePlayback } from '../../../src/store/playback.ts';
import { CreateTopicForm } from '../../../src/ui/editor/CreateTopicForm.tsx';
import { onFreshRuns, time } from './shell-harness.tsx';

const timelineOf = () => (usePlayback.getState().source as { timeline: unknown[] }).timeline;

onFreshRuns();

describe('creating a topic from the editor (mqadmin updateTopic)', () => {
  it('offers the clusters in cluster mode and the master brokers in broker mode, with mqadmin\'s 8 / 8 / 6', () => {
    render(<CreateTopicForm />);
    const options = () => within(screen.getByTestId('create-topic-target')).getAllByRole('option').map((o) => o.textContent);
    expect(options()).toEqual(['DefaultCluster']);
    expect(screen.getByTestId('create-topic-write')).toHaveValue(8);
    expect(screen.getByTestId('create-topic-read')).toHaveValue(8);
    expect(screen.getByTestId('create-topic-perm')).toHaveValue('6');
    fireEvent.change(screen.getByTestId('create-topic-mode'), { target: { value: 'broker' } });
    expect(options()).toEqual(['broker-a', 'broker-b']);
    expect(screen.getByText(/only this broker creates the topic/)).toBeInTheDocument();
  });

  it('in broker mode forks the run with updateTopic -b, and only that broker gets the topic', async () => {
    act(() => usePlayback.getState().seek(30_000));
    render(<CreateTopicForm />);
    fireEvent.change(screen.getByTestId('create-topic-name'), { target: { value: 'TopicOnB' } });
    fireEvent.change(screen.getByTestId('create-topic-mode'), { target: { value: 'broker' } });
    fireEvent.change(screen.getByTestId('create-topic-target'), { target: { value: 'broker-b' } });
    fireEvent.change(screen.getByTestId('create-topic-write'), { target: { value: '4' } });
    fireEvent.click(screen.getByTestId('create-topic-apply'));
    expect(timelineOf()).toEqual([{ at: 30_000, action: 'updateTopic', topic: 'TopicOnB', broker: 'broker-b', writeQueueNums: 4, readQueueNums: 8, perm: 6 }]);
    await waitFor(() => expect(time()).toBe(30_000), { timeout: 5_000 });
    act(() => usePlayback.getState().seek(31_000));
    const { brokers } = getTimeline()!.state;
    expect(brokers['broker-b/0']!.topicConfigTable.TopicOnB).toMatchObject({ writeQueueNums: 4, readQueueNums: 8, perm: 6 });
    expect(brokers['broker-a/0']!.topicConfigTable.TopicOnB).toBeUndefined();
  });

  it('names a bad topic name by the field it was typed into, not its JSON path, as text', () => {
    render(<CreateTopicForm />);
    fireEvent.change(screen.getByTestId('create-topic-name'), { target: { value: '<b>x</b>' } });
    fireEvent.click(screen.getByTestId('create-topic-apply'));
    const errors = screen.getByTestId('create-topic-errors');
    expect(errors).toHaveTextContent(/^Problems \(1\):Topic \(-t\): must be 1 to 127 characters/);
    expect(errors).not.toHaveTextContent('timeline');
    expect(errors.querySelector('b')).toBeNull();
  });

  it('names the field in Chinese on the page in 中文', () => {
    act(() => usePlayback.getState().setLanguage('zh'));
    render(<CreateTopicForm />);
    fireEvent.change(screen.getByTestId('create-topic-name'), { target: { value: '订单主题' } });
    fireEvent.click(screen.getByTestId('create-topic-apply'));
    expect(screen.getByTestId('create-topic-errors')).toHaveTextContent(/^1 处问题：主题（-t）：必须是 1 到 127 个字符/);
  });

  it.each([
    ['write', '0', 'writeQueueNums (-w)'],
    ['write', '99999', 'writeQueueNums (-w)'],
    // UpdateTopicSubCommand reads -w and -r with Integer.parseInt: these fail there, no default is taken.
    ['write', '3.5', 'writeQueueNums (-w)'],
    ['write', '1e3', 'writeQueueNums (-w)'],
    ['write', '', 'writeQueueNums (-w)'],
    ['read', '0', 'readQueueNums (-r)'],
    ['read', '3.5', 'readQueueNums (-r)'],
  ])('refuses -%s typed %j by its field and range, creating nothing and keeping what was typed', (field, value, path) => {
    render(<CreateTopicForm />);
    const input = screen.getByTestId(`create-topic-${field}`) as HTMLInputElement;
    fireEvent.change(input, { target: { value } });
    fireEvent.click(screen.getByTestId('create-topic-apply'));
    expect(screen.getByTestId('create-topic-errors')).toHaveTextContent(`${path}: must be an integer from 1 to 1024`);
    expect(timelineOf()).toEqual([]);
    expect(input.value).toBe(value);
  });

  it('says a refused count in Chinese on the page in 中文', () => {
    act(() => usePlayback.getState().setLanguage('zh'));
    render(<CreateTopicForm />);
    fireEvent.change(screen.getByTestId('create-topic-read'), { target: { value: '2000' } });
    fireEvent.click(screen.getByTestId('create-topic-apply'));
    expect(screen.getByTestId('create-topic-errors')).toHaveTextContent('readQueueNums (-r)：必须是 1 到 1024 之间的整数');
    expect(timelineOf()).toEqual([]);
  });

  it('offers -p with PermName\'s letters and what they mean, and writes the number chosen', () => {
    render(<CreateTopicForm />);
    const perm = screen.getByTestId('create-topic-perm');
    expect(within(perm).getAllByRole('option').map((option) => option.textContent)).toEqual(['6 · RW- (read and write)', '4 · R-- (read only)', '2 · -W- (write only)']);
    fireEvent.change(perm, { target: { value: '2' } });
    fireEvent.click(screen.getByTestId('create-topic-apply'));
    expect(timelineOf()).toEqual([expect.objectContaining({ action: 'updateTopic', perm: 2 })]);
  });

  it('speaks Chinese', () => {
    act(() => usePlayback.getState().setLanguage('zh'));
    render(<CreateTopicForm />);
    expect(screen.getByText('创建或更新主题（mqadmin updateTopic）')).toBeInTheDocument();
    expect(screen.getByTestId('create-topic-perm')).toHaveDisplayValue('6 · RW-（读写）');
  });
});
