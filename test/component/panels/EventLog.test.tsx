// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { usePlayback } from '../../../src/store/playback.ts';
import { describeEvent } from '../../../src/ui/panels/event-sentences.ts';
import { EventLog } from '../../../src/ui/panels/EventLog.tsx';
import { spokenIds } from '../../../src/ui/panels/log-announcer.ts';
import { formatTime } from '../../../src/viz/format.ts';
import { loadAt } from './load.ts';
import { consumerSpec, writeReadScenario } from './scenarios.ts';

/** Scrolls the list to its end until no more rows are built; returns the rows. */
function scrollToTheEnd(): HTMLElement[] {
  const list = screen.getByRole('list', { name: 'Event log' });
  let count = -1;
  while (screen.queryAllByTestId('log-row').length !== count) {
    count = screen.queryAllByTestId('log-row').length;
    // jsdom lays nothing out: every scroll position is at the end of the list.
    fireEvent.scroll(list);
  }
  return screen.queryAllByTestId('log-row');
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  act(() => usePlayback.getState().setLanguage('en'));
});

describe('EventLog', () => {
  it('lists the latest events up to now, newest first, each with time, type and a sentence', () => {
    const timeline = loadAt(writeReadScenario(), 5_000);
    render(<EventLog />);
    expect(timeline.traceLength).toBeGreaterThan(40);
    // The first 20 rows are built at once, the rest as the list is scrolled.
    expect(screen.getAllByTestId('log-row')).toHaveLength(20);
    const rows = scrollToTheEnd();
    expect(rows).toHaveLength(Math.min(500, timeline.traceLength));
    const latest = timeline.traceAt(timeline.traceLength - 1)!;
    expect(latest.t).toBeLessThanOrEqual(5_000);
    expect(rows[0]).toHaveTextContent(formatTime(latest.t));
    expect(rows[0]).toHaveTextContent(latest.type);
    expect(rows[0]).toHaveTextContent(describeEvent(latest, 'en'));
    const first = timeline.traceAt(0)!;
    expect(first.type).toBe('broker.registered');
    expect(rows.at(-1)).toHaveTextContent(`${formatTime(first.t)}${first.type}${describeEvent(first, 'en')}`);
  });

  it('caps the list at the latest 500 matching events', () => {
    const timeline = loadAt(writeReadScenario(), 60_000);
    expect(timeline.traceLength).toBeGreaterThan(500);
    render(<EventLog />);
    expect(scrollToTheEnd()).toHaveLength(500);
    expect(screen.getByText(`Latest 500 of ${timeline.traceLength.toLocaleString('en-US')} matching events, newest first.`)).toBeInTheDocument();
  });

  it('builds older rows as the person tabs or scrolls towards them, and only the first 20 back at the top', () => {
    loadAt(writeReadScenario(), 60_000);
    render(<EventLog />);
    const list = screen.getByRole('list', { name: 'Event log' });
    const rows = screen.getAllByTestId('log-row');
    expect(rows).toHaveLength(20);
    act(() => rows[10]!.focus());
    expect(screen.getAllByTestId('log-row')).toHaveLength(20);
    act(() => rows[16]!.focus());
    expect(screen.getAllByTestId('log-row')).toHaveLength(120);
    // Scrolled back to the top of a long list: the rows below are dropped again.
    Object.defineProperty(list, 'scrollHeight', { value: 4_000, configurable: true });
    Object.defineProperty(list, 'clientHeight', { value: 420, configurable: true });
    fireEvent.scroll(list);
    expect(screen.getAllByTestId('log-row')).toHaveLength(20);
  });

  it('offers each trace type by its name and what it is, in the reader\'s language', () => {
    loadAt(writeReadScenario(), 20_000);
    render(<EventLog />);
    const select = screen.getByLabelText('Type') as HTMLSelectElement;
    const options = () => [...select.options].map((option) => option.textContent);
    expect(options()).toContain('route.pulled · a route pull answered');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(options()).toContain('route.pulled · 路由拉取的应答');
    expect(options()).toContain('client.heartbeat · 客户端向 Broker 发心跳');
  });

  it('filters by type and by any field value (a search where the run lives, answered a moment later)', async () => {
    const timeline = loadAt(writeReadScenario(), 20_000);
    render(<EventLog />);
    const events = timeline.traceSlice(0);
    fireEvent.change(screen.getByLabelText('Type'), { target: { value: 'broker.registered' } });
    const registrations = events.filter((e) => e.type === 'broker.registered');
    await waitFor(() => expect(screen.getAllByTestId('log-row')).toHaveLength(registrations.length));
    for (const row of screen.getAllByTestId('log-row')) expect(row).toHaveTextContent('broker.registered');

    fireEvent.change(screen.getByLabelText('Entity'), { target: { value: 'NS-2' } });
    const onNs2 = registrations.filter((e) => e.type === 'broker.registered' && e.nameServer === 'ns-2');
    expect(onNs2.length).toBeGreaterThan(0);
    await waitFor(() => expect(screen.getAllByTestId('log-row')).toHaveLength(onNs2.length));

    fireEvent.change(screen.getByLabelText('Type'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Entity'), { target: { value: 'no-such-process' } });
    expect(await screen.findByText('No event matches yet.')).toBeInTheDocument();
    expect(screen.queryAllByTestId('log-row')).toHaveLength(0);
  });

  it('searches a long trace for a filter a share per ask, saying so until it has searched it all', async () => {
    vi.useFakeTimers();
    try {
      const timeline = loadAt(writeReadScenario(), 300_000);
      expect(timeline.traceLength).toBeGreaterThan(10_000);
      render(<EventLog searchEventsPerAsk={2_048} />);
      fireEvent.change(screen.getByLabelText('Type'), { target: { value: 'broker.registered' } });
      await act(async () => {
        await vi.advanceTimersByTimeAsync(0);
      });
      expect(screen.getByText(/still searching/)).toBeInTheDocument();
      // Each share of the search is an ask a moment after the previous answer.
      for (let round = 0; round < 100 && screen.queryByText(/still searching|Searching/); round++) {
        await act(async () => {
          await vi.advanceTimersByTimeAsync(20);
        });
      }
      const registrations = timeline.traceSlice(0).filter((e) => e.type === 'broker.registered');
      expect(scrollToTheEnd()).toHaveLength(registrations.length);
      expect(screen.getByText(`Latest ${registrations.length} of ${registrations.length} matching events, newest first.`)).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it('moves time to an event when its row is clicked', () => {
    const timeline = loadAt(writeReadScenario(), 20_000);
    render(<EventLog />);
    const seek = vi.spyOn(usePlayback.getState(), 'seek');
    const rows = screen.getAllByTestId('log-row');
    const target = timeline.traceAt(timeline.traceLength - 10)!;
    act(() => fireEvent.click(rows[9]!));
    expect(seek).toHaveBeenCalledWith(target.t);
    expect(usePlayback.getState().timeMs).toBe(target.t);
  });

  it('is one stop in the Tab order: the newest row (or the row last focused) and its card; the arrows, Home and End move between rows, not the run', () => {
    const timeline = loadAt(writeReadScenario(), 20_000);
    expect(timeline.traceLength).toBeGreaterThan(500);
    render(<EventLog />);
    const tabStops = () => Array.from(screen.getByRole('list', { name: 'Event log' }).querySelectorAll('button')).filter((b) => b.tabIndex >= 0);
    const rows = screen.getAllByTestId('log-row');
    expect(tabStops()).toEqual([rows[0], ...within(rows[0]!.closest('li')!).queryAllByTestId('open-card')]);
    expect(rows[0]).toHaveAccessibleDescription('Up and Down arrows move between events, Home and End to the newest and the oldest; Enter moves the playhead to the event.');
    act(() => rows[0]!.focus());
    const down = fireEvent.keyDown(rows[0]!, { key: 'ArrowDown' });
    expect(down).toBe(false);
    expect(document.activeElement).toBe(rows[1]);
    expect(tabStops()[0]).toBe(rows[1]);
    expect(usePlayback.getState().timeMs).toBe(20_000);
    fireEvent.keyDown(rows[1]!, { key: 'End' });
    // The oldest of the 500 listed, built for it.
    expect(screen.getAllByTestId('log-row')).toHaveLength(500);
    expect(document.activeElement).toBe(screen.getAllByTestId('log-row').at(-1));
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(rows[0]);
    fireEvent.keyDown(rows[0]!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(rows[0]);
    // Left and Right are still the run's steps.
    expect(fireEvent.keyDown(rows[0]!, { key: 'ArrowRight' })).toBe(true);
  });

  it('a click on a row during a seek under way ends that seek: the store keeps the event\'s time', () => {
    const timeline = loadAt(writeReadScenario(), 20_000);
    render(<EventLog />);
    // The newest row on screen: a long seek shows its progress only now and then.
    const target = timeline.traceAt(timeline.traceLength - 1)!;
    act(() => usePlayback.getState().requestSeek(timeline.durationMs));
    expect(usePlayback.getState().seekTarget).toBe(timeline.durationMs);
    act(() => fireEvent.click(screen.getAllByTestId('log-row')[0]!));
    expect(usePlayback.getState().seekTarget).toBeNull();
    act(() => usePlayback.getState().continueSeek());
    expect(usePlayback.getState().timeMs).toBe(target.t);
    expect(timeline.now).toBe(target.t);
  });

  it('keeps the newest event in its live region while paused, silent then (the caption speaks), changed at most once a second, and the last of a burst when the second ends', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const timeline = loadAt(writeReadScenario(), 3_000);
      render(<EventLog />);
      const region = screen.getByTestId('log-announcer');
      expect(region).toHaveAttribute('aria-live', 'off');
      act(() => usePlayback.setState({ playing: true }));
      expect(region).toHaveAttribute('aria-live', 'polite');
      act(() => usePlayback.setState({ playing: false }));
      const latest = timeline.traceAt(timeline.traceLength - 1)!;
      expect(region).toHaveTextContent(spokenIds(`${formatTime(latest.t)} ${latest.type}: ${describeEvent(latest, 'en')}`));
      // Within the same second of wall time a newer event is not announced at once...
      act(() => usePlayback.getState().seek(6_000));
      act(() => usePlayback.getState().seek(9_000));
      expect(region).toHaveTextContent(`${formatTime(latest.t)} ${latest.type}`);
      // ...but the last of them is, when the second ends: the page's event, not an older one.
      act(() => vi.advanceTimersByTime(1_000));
      const newest = timeline.traceAt(timeline.traceLength - 1)!;
      expect(newest.t).toBeLessThanOrEqual(9_000);
      expect(newest.t).toBeGreaterThan(6_000);
      expect(region).toHaveTextContent(spokenIds(`${formatTime(newest.t)} ${newest.type}: ${describeEvent(newest, 'en')}`));
    } finally {
      vi.useRealTimers();
    }
  });

  it('says its newest event again in the new language when the language changes, with no sentence left in the old one', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const timeline = loadAt(writeReadScenario(), 3_000);
      render(<EventLog />);
      const region = screen.getByTestId('log-announcer');
      const latest = timeline.traceAt(timeline.traceLength - 1)!;
      expect(region).toHaveTextContent(spokenIds(describeEvent(latest, 'en')));
      act(() => usePlayback.getState().setLanguage('zh'));
      // Within the second of its last change the old sentence is not kept meanwhile...
      expect(region).not.toHaveTextContent(spokenIds(describeEvent(latest, 'en')));
      act(() => vi.advanceTimersByTime(1_000));
      // ...and then the same event is said in Chinese.
      expect(region).toHaveTextContent(spokenIds(describeEvent(latest, 'zh')));
    } finally {
      vi.useRealTimers();
    }
  });

  it('speaks a msgId as its last four digits: 32 hex digits read aloud are noise', () => {
    expect(spokenIds('p-1: SEND_OK for 0A000301373418B4AAC200000C1C0014 to broker-a')).toBe('p-1: SEND_OK for …0014 to broker-a');
    expect(spokenIds('order-0A0003 and 10.0.1.1:10911 stay')).toBe('order-0A0003 and 10.0.1.1:10911 stay');
  });

  it('says a BROADCASTING consumer wrote its offset to its own local file, a CLUSTERING one committed it, in English and Chinese', async () => {
    const scenario = writeReadScenario();
    const broadcasting = { ...consumerSpec('b-1', 'TopicTest', 'CG_AUDIT', 7), messageModel: 'BROADCASTING' as const };
    loadAt({ ...scenario, consumers: [...scenario.consumers, broadcasting] }, 12_000);
    render(<EventLog />);
    fireEvent.change(screen.getByLabelText('Type'), { target: { value: 'offset.committed' } });
    fireEvent.change(screen.getByLabelText('Entity'), { target: { value: 'b-1' } });
    await waitFor(() => expect(screen.getAllByTestId('log-row').length).toBeGreaterThan(0));
    for (const row of screen.getAllByTestId('log-row')) expect(row).toHaveTextContent(/b-1 wrote offset \d+ of TopicTest broker-a:\d for CG_AUDIT to its own local file \(LocalFileOffsetStore\)/);
    act(() => usePlayback.getState().setLanguage('zh'));
    for (const row of screen.getAllByTestId('log-row')) expect(row).toHaveTextContent(/b-1 把 CG_AUDIT 在 TopicTest broker-a:\d 的位点 \d+ 写入了自己的本地文件（LocalFileOffsetStore）/);
    fireEvent.change(screen.getByLabelText('实体'), { target: { value: 'c-1' } });
    await waitFor(() => expect(screen.getAllByTestId('log-row')[0]).toHaveTextContent(/c-1 为 CG_ORDER 提交了 TopicTest broker-a:\d 的位点 \d+/));
    act(() => usePlayback.getState().setLanguage('en'));
  });

  it('writes its sentences in Chinese when the language is zh', async () => {
    loadAt(writeReadScenario(), 3_000);
    act(() => usePlayback.getState().setLanguage('zh'));
    render(<EventLog />);
    fireEvent.change(screen.getByLabelText('类型'), { target: { value: 'broker.registered' } });
    await waitFor(() => expect(within(screen.getAllByTestId('log-row').at(-1)!).getByText(/首次注册到 ns-/)).toBeInTheDocument());
  });

  it('badges each row with a short Chinese name in zh, the trace type in its tooltip', async () => {
    loadAt(writeReadScenario(), 3_000);
    act(() => usePlayback.getState().setLanguage('zh'));
    render(<EventLog />);
    fireEvent.change(screen.getByLabelText('类型'), { target: { value: 'broker.registered' } });
    await waitFor(() => expect(screen.getAllByTestId('log-row').at(-1)).toHaveTextContent(/首次注册到 ns-/));
    const badge = screen.getAllByTestId('log-row').at(-1)!.querySelector('.rs-log-type')!;
    expect(badge).toHaveTextContent(/^Broker 注册$/);
    expect(badge).toHaveAttribute('title', 'broker.registered');
  });
});
