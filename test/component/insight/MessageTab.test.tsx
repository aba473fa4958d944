// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIRST_TAB, useInsight } from '../../../src/store/insight.ts';
import { getTimeline, usePlayback } from '../../../src/store/playback.ts';
import { openLibraryEntry } from '../../../src/ui/controls/session.ts';
import { MessageTab } from '../../../src/ui/insight/message/MessageTab.tsx';
import { consumerSpec, writeReadScenario } from '../panels/scenarios.ts';

const WAIT = { timeout: 10_000 };

beforeEach(() => {
  usePlayback.setState({ language: 'en' });
  useInsight.setState({ tab: FIRST_TAB, lookup: null, topicQuery: null });
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
  it('opens on the Dashboard\'s first way to find messages: by topic and store time, the first topic and the last 5 minutes filled in', () => {
    render(<MessageTab />);
    expect(screen.getByRole('combobox', { name: 'Find by' })).toHaveValue('topic');
    expect(screen.getByTestId('topic-query-begin')).toHaveValue('0:00.000');
    expect(screen.getByTestId('topic-query-end')).toHaveValue('1:00.000');
  });

  it('finds a message by key through the index and lists its life, send to consumption', async () => {
    render(<MessageTab />);
    search('key', 'order-1');
    const steps = await screen.findAllByTestId('life-step', {}, WAIT);
    expect(within(screen.getByTestId('message-found')).getAllByRole('row')).toHaveLength(2);
    expect(steps[0]).toHaveTextContent(/p-1 sends it to broker-\w queue \d of TopicTest \(attempt 1\)/);
    expect(steps.some((step) => /stores it in TopicTest queue \d, queue offset \d+, CommitLog offset \d+/.test(step.textContent!))).toBe(true);
    expect(steps.some((step) => /gets SendResult SEND_OK/.test(step.textContent!))).toBe(true);
  });

  it('says a message consumed while its master was down was read from the slave', async () => {
    openLibraryEntry('master-slave-failover');
    usePlayback.getState().seek(110_000);
    const fromSlave = getTimeline()!.traceSlice(0).find((e) => e.type === 'message.consumed' && e.brokerId === 1);
    if (fromSlave?.type !== 'message.consumed') throw new Error('c-1 should read broker-a from the slave after 90 s');
    render(<MessageTab />);
    search('msgId', fromSlave.msgId);
    const steps = await screen.findAllByTestId('life-step', {}, WAIT);
    expect(steps.some((step) => / c-1 \(CG_ORDER\) consumes it from broker-a queue \d, read from the slave broker-a\/1$/.test(step.textContent!))).toBe(true);
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

  it('offers an example of what to type: a key the run\'s first message carries, or where an id comes from', async () => {
    render(<MessageTab />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Find by' }), { target: { value: 'key' } });
    expect(screen.getByTestId('message-value')).toHaveAttribute('placeholder', 'e.g. order-0');
    // The example is a key the run has: searching it finds the first message.
    search('key', 'order-0');
    expect(await screen.findAllByTestId('life-step', {}, WAIT)).not.toHaveLength(0);
    fireEvent.change(screen.getByRole('combobox', { name: 'Find by' }), { target: { value: 'msgId' } });
    expect(screen.getByTestId('message-value')).toHaveAttribute('placeholder', '32 hex digits, e.g. from the event log');
    act(() => usePlayback.setState({ language: 'zh' }));
    fireEvent.change(screen.getByRole('combobox', { name: '查找方式' }), { target: { value: 'key' } });
    expect(screen.getByTestId('message-value')).toHaveAttribute('placeholder', '例如 order-0');
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

  it('lists a stored copy in columns that fit the panel: those that say nothing are left out', async () => {
    render(<MessageTab />);
    search('key', 'order-1');
    const table = await screen.findByTestId('message-found', {}, WAIT);
    const headers = within(table).getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers).toEqual(['Message ID', 'Topic', 'Tag', 'Key', 'Broker', 'Queue', 'Queue offset', 'CommitLog offset', 'Store time']);
    // The id is one token, with no break opportunity: message.css keeps the table's ids and names on one line.
    const id = within(table).getAllByRole('row')[1]!.querySelector('code')!;
    expect(id.textContent).toMatch(/^[0-9A-F]{32}$/);
    expect(id.querySelector('wbr')).toBeNull();
    expect(table.closest('.rs-message-found')).not.toBeNull();
  });

  it('shows reconsumeTimes and delayLevel once a copy found has them (a message retried)', async () => {
    const failing = (id: string, index: number) => ({ ...consumerSpec(id, 'TopicTest', 'CG_ORDER', index), failTags: ['TagA'] });
    const scenario = { ...writeReadScenario({ writeQueueNums: 4, durationMs: 120_000 }), consumers: [failing('c-1', 0), failing('c-2', 1)] };
    act(() => usePlayback.getState().loadScenario(scenario, 90_000));
    const first = getTimeline()!.traceSlice(0).find((event) => event.type === 'message.sent')!;
    if (first.type !== 'message.sent') throw new Error('unreachable');
    useInsight.getState().setLookup({ by: 'msgId', value: first.msgId });
    render(<MessageTab />);
    const table = await screen.findByTestId('message-found', {}, WAIT);
    const headers = within(table).getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers).toEqual(expect.arrayContaining(['Reconsume times', 'Delay level']));
  });

  it('says when the text is not an id, and when nothing is found, showing the text only as text', async () => {
    render(<MessageTab />);
    search('msgId', '<img src=x onerror=alert(1)>');
    expect(await screen.findByTestId('message-problem', {}, WAIT)).toHaveTextContent('Not an id');
    expect(document.querySelector('img')).toBeNull();
    search('key', 'no-such-key');
    await waitFor(() => expect(screen.getByTestId('message-problem')).toHaveTextContent('No message found'), WAIT);
  });

  // Consumers are given only the queue ids below readQueueNums (topicRouteData2TopicSubscribeInfo):
  // a message written to id 7 of write 8 / read 4 ends its life at SEND_OK, and the page says why.
  it('says a message found in a queue at or above readQueueNums is given to no consumer, and says nothing of one in a readable queue', async () => {
    const sentWithKey = (key: string) => getTimeline()!.traceSlice(0).find((event) => event.type === 'message.sent' && event.attempt === 1 && event.keys === key);
    const high = sentWithKey('order-5');
    const low = sentWithKey('order-1');
    if (high?.type !== 'message.sent' || low?.type !== 'message.sent') throw new Error('unreachable');
    const readQueueNums = getTimeline()!.state.brokers[`${high.broker}/0`]!.topicConfigTable['TopicTest']!.readQueueNums;
    expect(high.queueId).toBeGreaterThanOrEqual(readQueueNums);
    expect(low.queueId).toBeLessThan(readQueueNums);
    render(<MessageTab />);
    search('key', 'order-5');
    expect(await screen.findByTestId('message-unreadable', {}, WAIT)).toHaveTextContent(
      `Queue ${high.queueId} ≥ readQueueNums ${readQueueNums} (TopicTest on ${high.broker}): no consumer is given this queue until readQueueNums is raised, so this message is Not consumable.`);
    search('key', 'order-1');
    await waitFor(() => expect(screen.getAllByTestId('life-step').some((step) => /consumes it/.test(step.textContent!))).toBe(true), WAIT);
    expect(screen.queryByTestId('message-unreadable')).toBeNull();
    cleanup();
    usePlayback.setState({ language: 'zh' });
    useInsight.getState().setLookup({ by: 'key', value: 'order-5' });
    render(<MessageTab />);
    expect(await screen.findByTestId('message-unreadable', {}, WAIT)).toHaveTextContent(
      `队列 ${high.queueId} ≥ readQueueNums ${readQueueNums}（${high.broker} 上的 TopicTest）：在调大 readQueueNums 之前不会分配给任何消费者，这条消息无法消费。`);
    // The stored copy's columns, in Chinese all: no field name left untranslated beside them.
    const table = screen.getByTestId('message-found');
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['消息 ID', '主题', '标签', 'Key', 'Broker', '队列', '位点', 'CommitLog 偏移量', '存储时间']);
  });

  it('speaks Chinese', async () => {
    usePlayback.setState({ language: 'zh' });
    useInsight.getState().setLookup({ by: 'key', value: 'order-1' });
    render(<MessageTab />);
    expect(screen.getByRole('heading', { name: '消息轨迹' })).toBeInTheDocument();
    const steps = await screen.findAllByTestId('life-step', {}, WAIT);
    expect(steps[0]).toHaveTextContent('把它发送到');
    expect(steps.some((step) => /把它存入 TopicTest 队列 \d，位点 \d+，CommitLog 偏移量 \d+/.test(step.textContent!))).toBe(true);
  });
});

describe('the Message tab: by topic and time, as the Dashboard lists them', () => {
  function searchTopic(begin?: string, end?: string): void {
    fireEvent.change(screen.getByRole('combobox', { name: 'Find by' }), { target: { value: 'topic' } });
    if (begin !== undefined) fireEvent.change(screen.getByTestId('topic-query-begin'), { target: { value: begin } });
    if (end !== undefined) fireEvent.change(screen.getByTestId('topic-query-end'), { target: { value: end } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
  }

  it('defaults to the last 5 minutes before the playhead and lists the Dashboard\'s columns, newest first', async () => {
    render(<MessageTab />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Find by' }), { target: { value: 'topic' } });
    // The run is at 1:00, so the 5 minutes before it start at 0:00.
    expect(screen.getByTestId('topic-query-begin')).toHaveValue('0:00.000');
    expect(screen.getByTestId('topic-query-end')).toHaveValue('1:00.000');
    searchTopic();
    const table = await screen.findByTestId('topic-messages', {}, WAIT);
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Message ID', 'Tag', 'Message Key', 'StoreTime', 'Operation']);
    const stored = getTimeline()!.traceSlice(0).filter((event) => event.type === 'message.stored' && event.brokerId === 0 && event.topic === 'TopicTest' && event.queueId < 4);
    // 64 rows: the table scrolls in its own box and its caption, above the box, names it.
    expect(within(table).getByRole('table', { name: `TopicTest, stored 0:00.000 – 1:00.000: ${stored.length} messages, the newest 64 shown` })).toBeInTheDocument();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(64);
    expect(rows[0]).toHaveTextContent(/^[0-9A-F]{32}Tag[AB]order-\d+\d:\d\d\.\d{3}Message Detail$/);
    // Queues 4-7 (readQueueNums 4) are written but not read: the Dashboard does not list them.
    expect(screen.getByTestId('topic-messages-unreadable')).toHaveTextContent(/^\d+ more messages were stored in this range where the Dashboard cannot read/);
  });

  it('opens a listed message\'s life from its row', async () => {
    render(<MessageTab />);
    searchTopic('0:20', '0:25');
    const table = await screen.findByTestId('topic-messages', {}, WAIT);
    const first = within(table).getAllByRole('row')[1]!;
    const msgId = first.querySelector('code')!.textContent!;
    fireEvent.click(within(first).getByRole('button', { name: `Message Detail ${msgId}` }));
    expect(await screen.findByRole('heading', { name: `The life of ${msgId}` }, WAIT)).toBeInTheDocument();
    expect(screen.getByTestId('topic-messages')).toBeInTheDocument();
  });

  it('says what is wrong with a time instead of searching', async () => {
    render(<MessageTab />);
    searchTopic('soon');
    expect(screen.getByRole('alert')).toHaveTextContent('Begin is not a time: write it as m:ss or m:ss.mmm, for example 1:30.');
    searchTopic('0:50', '0:10');
    expect(screen.getByRole('alert')).toHaveTextContent('The begin time is after the end time.');
    expect(useInsight.getState().topicQuery).toBeNull();
  });

  it('speaks Chinese with the Dashboard\'s Chinese column names', async () => {
    usePlayback.setState({ language: 'zh' });
    useInsight.setState({ topicQuery: { topic: 'TopicTest', beginMs: 20_000, endMs: 25_000 } });
    render(<MessageTab />);
    const table = await screen.findByTestId('topic-messages', {}, WAIT);
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['消息ID', '标签', '消息Key', '存储时间', '操作']);
    expect(screen.getByRole('combobox', { name: '查找方式' })).toHaveValue('topic');
  });
});
