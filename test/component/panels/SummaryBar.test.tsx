// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { usePlayback } from '../../../src/store/playback.ts';
import { SummaryBar } from '../../../src/ui/panels/index.ts';
import { CauseList } from '../../../src/ui/panels/CauseList.tsx';
import { CAUSE_STRINGS } from '../../../src/ui/panels/cause-strings.ts';
import { findLibraryEntry } from '../../../src/scenario/library/index.ts';
import { scenarioOf } from '../../support/test-sim.ts';
import { loadAt } from './load.ts';
import { writeReadScenario } from './scenarios.ts';
import { loadSummaryHints } from '../../../src/ui/panels/use-summary-hints.ts';
import { inLanguage } from '../../../src/ui/i18n/index.ts';

// What the counters mean loads after the first paint (use-summary-hints.ts): here it is there from the start.
beforeAll(() => loadSummaryHints());
afterEach(cleanup);

const METRICS = ['sent', 'sendAttempts', 'stored', 'consumed', 'neverConsumable', 'lagging', 'duplicates', 'failed', 'failedAttempts', 'lost', 'filteredOut'] as const;

describe('SummaryBar', () => {
  it("shows the run's counts at the current time", () => {
    const timeline = loadAt(writeReadScenario(), 61_000);
    render(<SummaryBar />);
    const { messages } = timeline.summary();
    for (const metric of METRICS) expect(screen.getByTestId(`summary-${metric}`)).toHaveTextContent(messages[metric].toLocaleString('en-US'));
    // 10 msg/s from 1 s to 61 s: about 600 sent, all stored but the one in flight, half stranded in queues 4..7.
    expect(messages.sent).toBeGreaterThanOrEqual(595);
    expect(messages.sent - messages.stored).toBeGreaterThanOrEqual(0);
    expect(messages.sent - messages.stored).toBeLessThanOrEqual(1);
    expect(messages.neverConsumable).toBeGreaterThan(290);
    expect(screen.getByTestId('summary-neverConsumable')).toHaveClass('rs-summary-warn');
    expect(screen.getByTestId('summary-lost')).not.toHaveClass('rs-summary-warn');
  });

  it('counts what a group with inconsistent subscriptions passes over (filteredOut) as a warning, explained in both languages', () => {
    const timeline = loadAt(scenarioOf(findLibraryEntry('inconsistent-subscriptions')!.scenario as Record<string, unknown>), 60_000);
    render(<SummaryBar />);
    const { filteredOut } = timeline.summary().messages;
    expect(filteredOut).toBeGreaterThan(0);
    const item = screen.getByTestId('summary-filteredOut');
    expect(item).toHaveTextContent(`Filtered out (messages a consumer group never consumes because its members subscribe differently`);
    expect(item).toHaveTextContent(filteredOut.toLocaleString('en-US'));
    expect(item).toHaveClass('rs-summary-warn');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('summary-filteredOut')).toHaveTextContent('被过滤跳过 (因组内成员订阅不一致而永远不会被该消费者组消费的消息');
  });

  it('shows what was stored behind a group\'s offset only where a queue can be cut back (a power loss, or controller mode), as a warning explained in both languages', () => {
    loadAt(writeReadScenario(), 10_000);
    render(<SummaryBar />);
    expect(screen.queryByTestId('summary-storedBehind')).toBeNull();
    cleanup();
    const scenario = scenarioOf(findLibraryEntry('power-loss-flush')!.scenario as Record<string, unknown>);
    const timeline = loadAt(scenario, 90_000);
    render(<SummaryBar />);
    const item = screen.getByTestId('summary-storedBehind');
    expect(item).toHaveTextContent(/^Skipped by offset \(messages stored at a queue offset a consumer group had already read past.*\)\s▾0$/);
    expect(item).not.toHaveClass('rs-summary-warn');
    act(() => usePlayback.getState().seek(100_000));
    const { storedBehind } = timeline.summary().messages;
    expect(storedBehind).toBeGreaterThan(0);
    expect(screen.getByTestId('summary-storedBehind')).toHaveTextContent(new RegExp(`▾${storedBehind}$`));
    expect(screen.getByTestId('summary-storedBehind')).toHaveClass('rs-summary-warn');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('summary-storedBehind')).toHaveTextContent('越过未读 (被存到消费者组位点已越过的位置上');
  });

  it('shows what waits in SCHEDULE_TOPIC_XXXX only where the scenario delays something, so that stored adds up', () => {
    loadAt(writeReadScenario(), 10_000);
    render(<SummaryBar />);
    expect(screen.getByTestId('summary-lagging')).toBeInTheDocument();
    expect(screen.queryByTestId('summary-delayed')).toBeNull();
    expect(screen.queryByTestId('summary-deadLettered')).toBeNull();
    cleanup();
    const delaying = writeReadScenario();
    delaying.producers = delaying.producers.map((p) => ({ ...p, delayLevel: 3 }));
    // 10 msg/s from 1 s, each held 10 s (level 3): at 8 s none has reached TopicTest yet.
    const timeline = loadAt(delaying, 8_000);
    render(<SummaryBar />);
    const { messages } = timeline.summary();
    expect(messages.delayed).toBeGreaterThan(60);
    expect(messages).toMatchObject({ stored: messages.delayed, consumed: 0, lagging: 0 });
    expect(screen.getByTestId('summary-delayed')).toHaveTextContent(`Delayed (stored in SCHEDULE_TOPIC_XXXX`);
    expect(screen.getByTestId('summary-delayed')).toHaveTextContent(String(messages.delayed));
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('summary-delayed')).toHaveTextContent('延迟中 (存在 SCHEDULE_TOPIC_XXXX 中');
    act(() => usePlayback.getState().setLanguage('en'));
    // Nothing here can fail a message, so nothing can reach a dead-letter queue.
    expect(screen.queryByTestId('summary-deadLettered')).toBeNull();
  });

  it('shows the dead-lettered messages where a listener can fail, as a warning once there are any', () => {
    const scenario = scenarioOf(findLibraryEntry('retries-dlq')!.scenario as Record<string, unknown>);
    loadAt(scenario, 60_000);
    render(<SummaryBar />);
    expect(screen.getByTestId('summary-deadLettered')).toHaveTextContent(/^Dead-lettered \(messages whose listener failed them maxReconsumeTimes \+ 1 times.*\)\s▾0$/);
    expect(screen.getByTestId('summary-deadLettered')).not.toHaveClass('rs-summary-warn');
    act(() => usePlayback.getState().seek(scenario.durationMs));
    expect(screen.getByTestId('summary-deadLettered')).toHaveTextContent(/▾2$/);
    expect(screen.getByTestId('summary-deadLettered')).toHaveClass('rs-summary-warn');
  });

  it('shows the messages a BROADCASTING listener dropped where one can fail, as a warning, and no dead letters there', () => {
    loadAt(writeReadScenario(), 10_000);
    render(<SummaryBar />);
    expect(screen.queryByTestId('summary-dropped')).toBeNull();
    cleanup();
    const broadcasting = writeReadScenario();
    broadcasting.consumers = broadcasting.consumers.map((c) => ({ ...c, messageModel: 'BROADCASTING', failureRate: 0.5 }));
    const timeline = loadAt(broadcasting, 20_000);
    render(<SummaryBar />);
    const { dropped } = timeline.summary().messages;
    expect(dropped).toBeGreaterThan(0);
    expect(screen.getByTestId('summary-dropped')).toHaveTextContent(new RegExp(`^Dropped \\(consumptions a BROADCASTING consumer's listener failed: RocketMQ drops them, with no retry and no dead letter.*\\)\\s▾${dropped}$`));
    expect(screen.getByTestId('summary-dropped')).toHaveClass('rs-summary-warn');
    // ConsumeMessageConcurrentlyService: BROADCASTING never sends a failure back.
    expect(screen.queryByTestId('summary-deadLettered')).toBeNull();
    expect(screen.queryByTestId('summary-delayed')).toBeNull();
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('summary-dropped')).toHaveTextContent('被丢弃 (广播消费者的监听器处理失败的消息');
    act(() => usePlayback.getState().setLanguage('en'));
  });

  it('follows the playhead', () => {
    const timeline = loadAt(writeReadScenario(), 10_000);
    render(<SummaryBar />);
    const before = timeline.summary().messages.sent;
    act(() => usePlayback.getState().seek(20_000));
    const after = timeline.summary().messages.sent;
    expect(after).toBeGreaterThan(before);
    expect(screen.getByTestId('summary-sent')).toHaveTextContent(String(after));
  });

  it('counts failed attempts apart from failed messages, and lists their reasons', async () => {
    // broker-a crashes at 20 s; p-1 keeps it in its route until its next pull and retries on broker-b.
    const timeline = loadAt(writeReadScenario({ brokers: ['broker-a', 'broker-b'], timeline: [{ at: 20_000, action: 'crashBroker', target: 'broker-a' }] }), 40_000);
    render(<SummaryBar />);
    const { messages } = timeline.summary();
    expect(messages.failed).toBe(0);
    expect(messages.failedAttempts).toBeGreaterThan(0);
    expect(screen.getByTestId('summary-failed')).toHaveTextContent('0');
    expect(screen.getByTestId('summary-failed')).not.toHaveClass('rs-summary-warn');
    expect(screen.getByTestId('summary-failedAttempts')).toHaveTextContent(String(messages.failedAttempts));
    fireEvent.click(screen.getByTestId('summary-causes-failedAttempts'));
    // The causes load on first use.
    expect(within(await screen.findByTestId('cause-connectRefused', {}, { timeout: 10_000 })).getByText(String(messages.failedAttempts))).toBeInTheDocument();
    expect(screen.getByTestId('cause-connectRefused')).toHaveTextContent('the broker process was down: connection refused (connectRefused)');
  });

  it('marks Sent when a send was answered with another status than SEND_OK and lists them by status; a run of SEND_OK says so', async () => {
    const json = findLibraryEntry('master-loss-sync-async')!.scenario as Record<string, unknown>;
    // 4.x SYNC_MASTER with its slave cut off: SLAVE_NOT_AVAILABLE, stored on the master only and not resent.
    const cut = scenarioOf({ ...json, config: { ...(json.config as object), rocketmqVersion: '4.x' }, timeline: [{ at: 30_000, action: 'partitionLink', target: 'broker-b/0', peer: 'broker-b/1' }] });
    const timeline = loadAt(cut, 55_000);
    const notOk = timeline.summary().messages.sentNotOk.SLAVE_NOT_AVAILABLE!;
    expect(notOk).toBeGreaterThan(0);
    render(<SummaryBar />);
    expect(screen.getByTestId('summary-sent')).toHaveClass('rs-summary-notice');
    expect(screen.getByTestId('summary-causes-sent')).toHaveAccessibleName('Sent: what it counts');
    fireEvent.click(screen.getByTestId('summary-causes-sent'));
    const cause = await screen.findByTestId('cause-SLAVE_NOT_AVAILABLE', {}, { timeout: 10_000 });
    expect(cause).toHaveTextContent(`${notOk} SLAVE_NOT_AVAILABLE: stored on the master only`);
    expect(screen.getByText('Stored, but not SEND_OK')).toBeInTheDocument();
    cleanup();
    loadAt(writeReadScenario(), 30_000);
    render(<SummaryBar />);
    expect(screen.getByTestId('summary-sent')).not.toHaveClass('rs-summary-notice');
    fireEvent.click(screen.getByTestId('summary-causes-sent'));
    expect(await screen.findByText(/^Every answer so far was SEND_OK/, {}, { timeout: 10_000 })).toBeInTheDocument();
  });

  it('says why messages failed: before its topic is created, a send throws "No route info of this topic" without an attempt', async () => {
    const timeline = loadAt(scenarioOf(findLibraryEntry('create-topic-cluster')!.scenario as Record<string, unknown>), 30_000);
    render(<SummaryBar />);
    const { messages } = timeline.summary();
    expect(messages.failed).toBeGreaterThan(0);
    expect(messages.failedAttempts).toBe(0);
    fireEvent.click(screen.getByTestId('summary-causes-failed'));
    const cause = await screen.findByTestId('cause-noRoute', {}, { timeout: 10_000 });
    expect(cause).toHaveTextContent(`${messages.failed} no attempt: the route offered no queue to write to`);
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('cause-noRoute')).toHaveTextContent('一次也没尝试');
    act(() => usePlayback.getState().setLanguage('en'));
  });

  it('says how messages were lost: the acknowledged messages a power loss took from broker-a\'s page cache', async () => {
    const timeline = loadAt(scenarioOf(findLibraryEntry('power-loss-flush')!.scenario as Record<string, unknown>), 61_000);
    render(<SummaryBar />);
    const { lost } = timeline.summary().messages;
    expect(lost).toBe(19);
    expect(screen.getByTestId('summary-lost')).toHaveClass('rs-summary-warn');
    fireEvent.click(screen.getByTestId('summary-causes-lost'));
    const cause = await screen.findByTestId('cause-notFlushedNotReplicated', {}, { timeout: 10_000 });
    expect(cause).toHaveTextContent('19 a power loss took it from the broker\'s page cache: not flushed to disk yet (ASYNC_FLUSH), and no slave had it');
    // c-1 had pulled them before the power loss at 60 s, and consumes them from its ProcessQueue from 83 s until broker-a,
    // back at 90 s, answers its pulls with PULL_OFFSET_MOVED at 92 s: it drops those it had not consumed yet.
    const consumedLost = (at: number) => {
      const trace = timeline.traceSlice(0).filter((e) => e.t <= at);
      const lostIds = new Set(trace.flatMap((e) => (e.type === 'message.lost' ? [e.msgId] : [])));
      return new Set(trace.flatMap((e) => (e.type === 'message.consumed' && lostIds.has(e.msgId) ? [e.msgId] : []))).size;
    };
    expect(consumedLost(61_000)).toBe(0);
    expect(screen.getByTestId('stored-lost-note')).toHaveTextContent('No group has consumed the 19 stored messages lost yet, and no broker has them any more: only a consumer that had pulled one before the loss still consumes it, until that broker, back, answers its pulls with PULL_OFFSET_MOVED and it drops what it had not consumed.');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('cause-notFlushedNotReplicated')).toHaveTextContent('断电带走了 Broker 页缓存中的它');
    expect(screen.getByTestId('stored-lost-note')).toHaveTextContent('丢失的 19 条已存储消息都还没有被任何消费者组消费');
    act(() => usePlayback.getState().setLanguage('en'));
    act(() => usePlayback.getState().seek(120_000));
    expect(consumedLost(120_000)).toBe(13);
    expect(screen.getByTestId('stored-lost-note')).toHaveTextContent('13 of the 19 stored messages lost were consumed by a group, before the loss or after it from what a consumer had pulled (a message\'s card says by whom). The other 6 were never consumed.');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('stored-lost-note')).toHaveTextContent('丢失的 19 条已存储消息中，13 条已被消费者组消费：在丢失之前，或在丢失之后从消费者已拉取的消息中消费（消息卡片会列出被谁消费），另外 6 条从未被消费。');
    act(() => usePlayback.getState().setLanguage('en'));
  });

  it('counts the lost messages a group consumed: in "Master loss" every one lost was, before the loss', async () => {
    const timeline = loadAt(scenarioOf(findLibraryEntry('master-loss-sync-async')!.scenario as Record<string, unknown>), 61_000);
    render(<SummaryBar />);
    const trace = timeline.traceSlice(0);
    const lostAt = new Map(trace.flatMap((e) => (e.type === 'message.lost' ? [[e.msgId, e.t] as const] : [])));
    const consumedBefore = new Set(trace.flatMap((e) => (e.type === 'message.consumed' && e.t < (lostAt.get(e.msgId) ?? 0) ? [e.msgId] : [])));
    expect(lostAt.size).toBeGreaterThan(0);
    expect(consumedBefore.size).toBe(lostAt.size);
    fireEvent.click(screen.getByTestId('summary-causes-lost'));
    expect(await screen.findByTestId('stored-lost-note', {}, { timeout: 10_000 })).toHaveTextContent(`All ${lostAt.size} stored messages lost were consumed by a group`);
    expect(screen.getByTestId('stored-lost-note')).toHaveTextContent('no broker has them any more: a group that had not read them, a group that starts later or an offset reset never gets them');
  });

  it('counts only the stored messages lost, not the ONEWAY sends no broker stored', () => {
    const { messages } = loadAt(writeReadScenario(), 5_000).summary();
    render(<CauseList metric="lost" label="Lost" messages={{ ...messages, lost: 5, lostConsumed: 1, lostCauses: { notFlushedNotReplicated: 3, onewayNotDelivered: 2 } }} />);
    expect(screen.getByTestId('stored-lost-note')).toHaveTextContent('1 of the 3 stored messages lost was consumed by a group');
  });

  it('has no such note for ONEWAY sends no broker stored', () => {
    const { messages } = loadAt(writeReadScenario(), 5_000).summary();
    render(<CauseList metric="lost" label="Lost" messages={{ ...messages, lost: 2, lostCauses: { onewayNotDelivered: 2 } }} />);
    expect(screen.getByTestId('cause-onewayNotDelivered')).toHaveTextContent(`2 ${inLanguage(CAUSE_STRINGS, 'en').lost.onewayNotDelivered}`);
    expect(screen.queryByTestId('stored-lost-note')).toBeNull();
  });

  it('explains duplicates by cause and never colours them as an error', async () => {
    const timeline = loadAt(writeReadScenario({ writeQueueNums: 4, readQueueNums: 4, timeline: [{ at: 20_000, action: 'crashConsumer', target: 'c-1' }] }), 40_000);
    render(<SummaryBar />);
    const { messages } = timeline.summary();
    expect(messages.duplicates).toBeGreaterThan(0);
    expect(screen.getByTestId('summary-duplicates')).not.toHaveClass('rs-summary-warn');
    expect(screen.getByTestId('summary-duplicates')).toHaveClass('rs-summary-notice');
    fireEvent.click(screen.getByTestId('summary-causes-duplicates'));
    expect(screen.getByTestId('summary-causes-duplicates')).toHaveAttribute('aria-expanded', 'true');
    expect(await screen.findByTestId('cause-crash', {}, { timeout: 10_000 })).toHaveTextContent(`${messages.duplicateCauses.crash} its first consumer crashed or hung`);
    fireEvent.click(screen.getByTestId('summary-causes-duplicates'));
    expect(screen.queryByTestId('summary-causes')).toBeNull();
  });

  it('opens what any counter counts on a click (a finger or a keyboard has no hover), in both languages, and its causes only where it has some', () => {
    loadAt(writeReadScenario(), 30_000);
    render(<SummaryBar />);
    const consumed = screen.getByTestId('summary-causes-consumed');
    expect(consumed).toHaveAccessibleName('Consumed: what it counts');
    fireEvent.click(consumed);
    expect(consumed).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByTestId('summary-hint')).toHaveTextContent('messages consumed, each counted once per consumer group');
    expect(screen.getByTestId('summary-causes')).not.toHaveTextContent('What caused them');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('summary-causes')).toHaveTextContent('已消费');
    expect(screen.getByTestId('summary-causes-consumed')).toHaveAccessibleName(/：它统计什么$/);
    // Another counter takes its place; a second click closes it.
    fireEvent.click(screen.getByTestId('summary-causes-lagging'));
    expect(consumed).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByTestId('summary-causes')).toHaveTextContent('消费堆积');
    fireEvent.click(screen.getByTestId('summary-causes-lagging'));
    expect(screen.queryByTestId('summary-causes')).toBeNull();
  });

  it('asks for a scenario when none is loaded', async () => {
    vi.resetModules();
    const { SummaryBar: Fresh } = await import('../../../src/ui/panels/SummaryBar.tsx');
    render(<Fresh />);
    expect(screen.getByText('No scenario is loaded.')).toBeInTheDocument();
  });
});
