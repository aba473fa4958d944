// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getTimeline, usePlayback } from '../../../src/store/playback.ts';
import { startDriver } from '../../../src/ui/controls/driver.ts';
import { CreateTopicForm } from '../../../src/ui/editor/CreateTopicForm.tsx';
import { freshRun, time } from './shell-harness.tsx';

const timelineOf = () => (usePlayback.getState().source as { timeline: unknown[] }).timeline;

let stopDriver = () => {};
beforeEach(() => {
  // The page's driver carries a seek past the simulated time across frames (App starts it).
  stopDriver = startDriver();
  freshRun();
});
afterEach(() => {
  stopDriver();
  cleanup();
});

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

  it('lists a bad topic name by its JSON path', () => {
    render(<CreateTopicForm />);
    fireEvent.change(screen.getByTestId('create-topic-name'), { target: { value: 'bad topic!' } });
    fireEvent.click(screen.getByTestId('create-topic-apply'));
    expect(screen.getByTestId('create-topic-errors')).toHaveTextContent(/timeline\[0\]\.topic:/);
  });

  it('speaks Chinese', () => {
    act(() => usePlayback.getState().setLanguage('zh'));
    render(<CreateTopicForm />);
    expect(screen.getByText('创建或更新主题（mqadmin updateTopic）')).toBeInTheDocument();
  });
});
