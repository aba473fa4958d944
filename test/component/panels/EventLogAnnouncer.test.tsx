// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import type { TraceEvent } from '../../../src/sim/index.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { describeEvent } from '../../../src/ui/panels/event-sentences.ts';
import { EventLog } from '../../../src/ui/panels/EventLog.tsx';
import { addNews, ANNOUNCE_GAP_MS, markSaid, newsRank, nextNews, NO_NEWS, spokenIds, spokenPassed } from '../../../src/ui/panels/log-announcer.ts';
import { formatTime } from '../../../src/viz/format.ts';
import { loadAt } from './load.ts';
import { writeReadScenario } from './scenarios.ts';

/** broker-a and broker-b with a producer and two consumers; broker-a crashes at 30 s. */
const crashAt30 = () => writeReadScenario({ brokers: ['broker-a', 'broker-b'], durationMs: 120_000, timeline: [{ at: 30_000, action: 'crashBroker', target: 'broker-a' }] });

interface Heard { wallMs: number; playheadMs: number; text: string }

/** Plays from the playhead to `untilMs` at 10x in frames of 100 ms of wall time; every change of the announcer's text. */
function playTo(untilMs: number): Heard[] {
  const region = screen.getByTestId('log-announcer');
  const heard: Heard[] = [];
  let text = region.textContent;
  act(() => usePlayback.getState().setPlaying(true));
  for (let wallMs = 100; usePlayback.getState().timeMs < untilMs; wallMs += 100) {
    act(() => vi.advanceTimersByTime(100));
    act(() => {
      usePlayback.getState().playTo(usePlayback.getState().timeMs + 1_000);
    });
    expect(region).toHaveAttribute('aria-live', 'polite');
    if (region.textContent !== text) {
      text = region.textContent;
      heard.push({ wallMs, playheadMs: usePlayback.getState().timeMs, text: text ?? '' });
    }
  }
  return heard;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});

afterEach(() => {
  cleanup();
  act(() => usePlayback.getState().setPlaying(false));
  vi.useRealTimers();
});

describe('the event log announcer while a run plays', () => {
  it('says nothing while only traffic flows, then the crash as it happens, and no routine send or consumption', () => {
    const timeline = loadAt(crashAt30(), 24_000);
    render(<EventLog />);
    const heard = playTo(110_000);
    const crash = timeline.traceSlice(0).find((event) => event.type === 'fault')!;
    // 24 s to 30 s (the retry topic's rebalance at 22 s is over): sends, stores, consumptions, commits, heartbeats and route pulls only.
    expect(heard.filter((h) => h.playheadMs < 30_000)).toEqual([]);
    expect(heard[0]!.text).toBe(describeEvent(crash, 'en'));
    expect(heard[0]!.text).toMatch(/^Fault: broker-a /);
    expect(heard[0]!.playheadMs).toBeLessThan(31_000);
    // What follows from it, after the crash has been spoken.
    expect(heard[1]!.text).toMatch(/removed broker-a\/0: its connection closed/);
    for (const { text } of heard) expect(text).not.toMatch(/SEND_OK|consumed|heartbeat|pulled the route|stored a message|committed offset/);
    // One short announcement every few seconds at most.
    for (let i = 1; i < heard.length; i++) expect(heard[i]!.wallMs - heard[i - 1]!.wallMs).toBeGreaterThanOrEqual(ANNOUNCE_GAP_MS);
        for (const { text } of heard) expect(text.length).toBeLessThan(120);
  });

  it('counts the notable events it passed over by kind, in the reader\'s language', () => {
    const timeline = loadAt(crashAt30(), 29_000);
    render(<EventLog />);
    act(() => usePlayback.getState().setLanguage('zh'));
    const heard = playTo(80_000);
    expect(heard[0]!.text).toBe(describeEvent(timeline.traceSlice(0).find((event) => event.type === 'fault')!, 'zh'));
    expect(heard[0]!.text).toMatch(/^故障：broker-a /);
    // After the crash, the clients follow: route changes and rebalances, each counted by its kind.
    expect(heard.some((h) => /；日志中另有 \d+ 个：\d+ 次路由变化、\d+ 次负载均衡/.test(h.text))).toBe(true);
    act(() => usePlayback.getState().setLanguage('en'));
  });

  it('during a partition at 10x says what the flood passed over is: so many failed sends, not a bare number', () => {
    loadAt(writeReadScenario({ brokers: ['broker-a', 'broker-b'], durationMs: 200_000, timeline: [{ at: 30_000, action: 'partitionBroker', target: 'broker-a' }] }), 29_000);
    render(<EventLog />);
    const heard = playTo(80_000);
    const flood = heard.map((h) => /; and (\d+) more in the log: (\d+) failed sends/.exec(h.text)).find((match) => match !== null);
    // Dozens of sends fail while p-1 waits for its SEND_MESSAGE calls to broker-a to time out.
    expect(Number(flood![2])).toBeGreaterThan(20);
    expect(Number(flood![1])).toBeGreaterThanOrEqual(Number(flood![2]));
    for (const { text } of heard) expect(text).not.toMatch(/events of note/);
  });

  it('a jump forward while playing skips what it passed: the next news is the first after the playhead', () => {
    const twoCrashes = writeReadScenario({
      brokers: ['broker-a', 'broker-b'], durationMs: 120_000,
      timeline: [{ at: 30_000, action: 'crashBroker', target: 'broker-a' }, { at: 60_000, action: 'crashBroker', target: 'broker-b' }],
    });
    const timeline = loadAt(twoCrashes, 24_000);
    render(<EventLog />);
    act(() => usePlayback.getState().setPlaying(true));
    act(() => vi.advanceTimersByTime(100));
    act(() => usePlayback.getState().requestSeek(45_000));
    expect(usePlayback.getState()).toMatchObject({ timeMs: 45_000, seekTarget: null, playing: true });
    const heard = playTo(70_000);
    const [, second] = timeline.traceSlice(0).filter((event) => event.type === 'fault');
    expect(heard[0]!.text).toBe(describeEvent(second!, 'en'));
    for (const { text } of heard) expect(text).not.toMatch(/broker-a/);
  });

  it('a pause that moves nothing keeps what was said: the same failing send is said once over pauses every 5 s', () => {
    loadAt(writeReadScenario({ brokers: ['broker-a', 'broker-b'], durationMs: 200_000, timeline: [{ at: 30_000, action: 'partitionBroker', target: 'broker-a' }] }), 29_000);
    render(<EventLog />);
    const heard: Heard[] = [];
    for (let t = 35_000; t <= 130_000; t += 5_000) {
      heard.push(...playTo(t));
      act(() => usePlayback.getState().setPlaying(false));
      act(() => vi.advanceTimersByTime(10_000));
    }
    expect(heard[0]!.text).toMatch(/^Fault: broker-a /);
    expect(heard.filter((h) => /^p-1 failed to send .* to broker-a:\d+ \(attempt 1\): connectTimeout/.test(h.text))).toHaveLength(1);
  });

  it('paused, a step leaves the region silent and puts the stepped-to event in it, as before', () => {
    const timeline = loadAt(crashAt30(), 29_000);
    render(<EventLog />);
    const region = screen.getByTestId('log-announcer');
    act(() => vi.advanceTimersByTime(1_000));
    act(() => usePlayback.getState().step('forward'));
    act(() => vi.advanceTimersByTime(1_000));
    expect(region).toHaveAttribute('aria-live', 'off');
    const latest: TraceEvent = timeline.traceAt(timeline.traceLength - 1)!;
    expect(region).toHaveTextContent(spokenIds(`${formatTime(latest.t)} ${latest.type}: ${describeEvent(latest, 'en')}`));
  });
});

describe('which events are news', () => {
  const at = (t: number, event: Record<string, unknown>) => ({ t, ...event }) as unknown as TraceEvent;
  const sendOk = at(1, { type: 'send.result', producer: 'p-1', msgId: 'X', status: 'SEND_OK' });
  const consumed = at(1, { type: 'message.consumed', consumer: 'c-1' });
  const crash = at(5, { type: 'fault', action: 'crashBroker', target: 'broker-a' });
  const removed = at(5, { type: 'broker.removed', nameServer: 'ns-1', broker: 'broker-a', brokerId: 0, reason: 'channelClosed' });
  const failed = (t: number) => at(t, { type: 'send.failed', producer: 'p-1', msgId: 'X', broker: 'broker-b', queueId: 0, attempt: 1, reason: 'connectTimeout' });

  it('traffic is not news; a fault, a removal, a send that failed or a message to the DLQ is', () => {
    expect([sendOk, consumed].map(newsRank)).toEqual([null, null]);
    expect(newsRank(at(1, { type: 'broker.registered', first: false, trigger: 'periodic' }))).toBeNull();
    expect(newsRank(at(1, { type: 'consume.failed', next: 'retry' }))).toBeNull();
    for (const event of [crash, removed, failed(1), at(1, { type: 'consume.failed', next: 'dlq' }), at(1, { type: 'message.lost' }), at(1, { type: 'rebalance' })]) {
      expect(newsRank(event)).not.toBeNull();
    }
  });

  it('says a fault before what follows from it, a removal that came first before a later fault, and counts what it passed over', () => {
    const news = addNews(NO_NEWS, [sendOk, crash, removed, failed(6), consumed]);
    const first = nextNews(news)!;
    expect(first).toMatchObject({ event: crash, others: { 'send.failed': 1 } });
    expect(nextNews(first.left)).toEqual(expect.objectContaining({ event: removed, others: {} }));
    const heal = at(9, { type: 'fault', action: 'healPartition', target: 'broker-b' });
    expect(nextNews(addNews(NO_NEWS, [removed, heal]))!.event).toBe(removed);
  });

  it('an action that changed nothing (noEffect) is no news, and the failures said stay said', () => {
    const noOp = at(9, { type: 'fault', action: 'startBroker', target: 'broker-b', noEffect: true });
    expect(newsRank(noOp)).toBeNull();
    expect(nextNews(addNews(NO_NEWS, [noOp]))).toBeNull();
    const said = new Set<string>();
    markSaid(said, failed(7));
    markSaid(said, noOp);
    expect(nextNews(addNews(NO_NEWS, [failed(10)], said))).toBeNull();
    markSaid(said, crash);
    expect(nextNews(addNews(NO_NEWS, [failed(10)], said))).toMatchObject({ event: failed(10) });
  });

  it('does not say again, nor count, a failure it said until the next fault', () => {
    const said = new Set(['send.failed p-1 broker-b connectTimeout']);
    expect(nextNews(addNews(NO_NEWS, [failed(7), failed(8)], said))).toBeNull();
    expect(nextNews(addNews(NO_NEWS, [failed(7), failed(8)]))).toMatchObject({ event: failed(7), others: { 'send.failed': 1 } });
  });

  it('counts what it passed over by type: the event a more notable one displaced, and an action\'s stale news', () => {
    const rebalance = at(6, { type: 'rebalance', consumer: 'c-1', topic: 'TopicTest', queues: [0, 1] });
    const news = addNews(NO_NEWS, [failed(4), rebalance, failed(6), removed, failed(7)]);
    expect(news.best).toBe(removed);
    expect(news.passed).toEqual({ 'send.failed': 3, rebalance: 1 });
    const heal = at(9, { type: 'fault', action: 'healPartition', target: 'broker-b' });
    const said = nextNews(addNews(NO_NEWS, [rebalance, failed(7), heal]))!;
    expect(said).toMatchObject({ event: heal, others: { 'send.failed': 1, rebalance: 1 } });
  });

  it('says the passed-over events by kind, the most frequent first, naming at most three', () => {
    expect(spokenPassed({}, 'en')).toBe('');
    expect(spokenPassed({ rebalance: 1 }, 'en')).toBe('; and 1 rebalance in the log');
    expect(spokenPassed({ 'send.failed': 12 }, 'zh')).toBe('；日志中另有 12 次发送失败');
    expect(spokenPassed({ rebalance: 4, 'send.failed': 8 }, 'en')).toBe('; and 12 more in the log: 8 failed sends, 4 rebalances');
    expect(spokenPassed({ rebalance: 4, 'send.failed': 8 }, 'zh')).toBe('；日志中另有 12 个：8 次发送失败、4 次负载均衡');
    const flood = { 'route.updated': 10, 'send.failed': 401, 'route.failed': 30, 'broker.removed': 1, 'channel.closed': 4 };
    expect(spokenPassed(flood, 'en')).toBe('; and 446 more in the log: 401 failed sends, 30 failed route queries, 15 others');
    expect(spokenPassed(flood, 'zh')).toBe('；日志中另有 446 个：401 次发送失败、30 次路由拉取失败、其他 15 个');
  });
});
