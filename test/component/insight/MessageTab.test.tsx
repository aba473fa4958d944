// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIRST_TAB, useInsight } from '../../../src/store/insight.ts';
import { getTimeline, usePlayback } from '../../../src/store/playback.ts';
import { openLibraryEntry } from '../../../src/ui/controls/session.ts';
import { MessageTab } from '../../../src/ui/insight/message/MessageTab.tsx';

const WAIT = { timeout: 10_000 };

beforeEach(() => {
  usePlayback.setState({ language: 'en' });
  useInsight.setState({ tab: FIRST_TAB, lookup: null });
  openLibraryEntry('write8-read4');
  usePlayback.getState().seek(60_000);
});
afterEach(cleanup);

function search(by: string, value: string): void {
  fireEvent.change(screen.getByRole('combobox', { name: 'Find by' }), { target: { value: by } });
  fireEvent.change(screen.getByTestId('message-value'), { target: { value } });
  fireEvent.click(screen.getByRole('button', { name: 'Search' }));
}

describe('the Message tab', () => {
  it('finds a message by key through the index and lists its life, send to consumption', async () => {
    render(<MessageTab />);
    search('key', 'order-1');
    const steps = await screen.findAllByTestId('life-step', {}, WAIT);
    expect(within(screen.getByTestId('message-found')).getAllByRole('row')).toHaveLength(2);
    expect(steps[0]).toHaveTextContent(/p-1 sends it to broker-\w queue \d of TopicTest \(attempt 1\)/);
    expect(steps.some((step) => /stores it in TopicTest queue \d, queueOffset \d+, commitLogOffset \d+/.test(step.textContent!))).toBe(true);
    expect(steps.some((step) => /gets SendResult SEND_OK/.test(step.textContent!))).toBe(true);
  });

  it('moves the playhead to a step when it is clicked', async () => {
    render(<MessageTab />);
    search('key', 'order-2');
    const steps = await screen.findAllByTestId('life-step', {}, WAIT);
    const stored = steps.find((step) => step.textContent!.includes('stores it'))!;
    const count = steps.length;
    fireEvent.click(stored);
    expect(usePlayback.getState().timeMs).toBe(Number(stored.dataset['t']));
    expect(getTimeline()!.now).toBe(Number(stored.dataset['t']));
    // The steps after it stay, marked as after the playhead, and the clicked one is the current step.
    expect(screen.getAllByTestId('life-step')).toHaveLength(count);
    expect(screen.getAllByTestId('life-step').find((step) => step.getAttribute('aria-current') === 'step')).toBe(screen.getAllByTestId('life-step')[steps.indexOf(stored)]);
    expect(screen.getAllByTestId('life-step').at(-1)).toHaveTextContent('after the playhead');
  });

  it('finds the same message by msgId and by offsetMsgId', async () => {
    const stored = getTimeline()!.traceSlice(0).find((event) => event.type === 'message.stored')!;
    if (stored.type !== 'message.stored') throw new Error('unreachable');
    render(<MessageTab />);
    search('offsetMsgId', stored.offsetMsgId);
    await waitFor(() => expect(screen.getByRole('heading', { name: `The life of ${stored.msgId}` })).toBeInTheDocument(), WAIT);
    search('msgId', stored.msgId);
    await waitFor(() => expect(useInsight.getState().lookup).toEqual({ by: 'msgId', value: stored.msgId }));
    expect(await screen.findByRole('heading', { name: `The life of ${stored.msgId}` }, WAIT)).toBeInTheDocument();
  });

  it('says when the text is not an id, and when nothing is found, showing the text only as text', async () => {
    render(<MessageTab />);
    search('msgId', '<img src=x onerror=alert(1)>');
    expect(await screen.findByTestId('message-problem', {}, WAIT)).toHaveTextContent('Not an id');
    expect(document.querySelector('img')).toBeNull();
    search('key', 'no-such-key');
    await waitFor(() => expect(screen.getByTestId('message-problem')).toHaveTextContent('No message found'), WAIT);
  });

  it('speaks Chinese', async () => {
    usePlayback.setState({ language: 'zh' });
    useInsight.getState().setLookup({ by: 'key', value: 'order-1' });
    render(<MessageTab />);
    expect(screen.getByRole('heading', { name: '消息轨迹' })).toBeInTheDocument();
    const steps = await screen.findAllByTestId('life-step', {}, WAIT);
    expect(steps[0]).toHaveTextContent('把它发送到');
  });
});
