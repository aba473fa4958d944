// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useLesson, type ChapterFound } from '../../../src/store/lesson.ts';
import { usePage } from '../../../src/store/page.ts';
import { getTimeline, usePlayback } from '../../../src/store/playback.ts';
import { NarrationCaption } from '../../../src/ui/narration/NarrationCaption.tsx';
import { narrate, contextAt } from '../../../src/ui/narration/narrate.ts';
import { loadAt } from '../panels/load.ts';
import { writeReadScenario } from '../panels/scenarios.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import nameServerChapter from '../../../src/ui/learn/chapters/ch3-nameserver.json';
import { libraryScenario } from '../../support/library.ts';
import { scenarioOf, type ScenarioJson } from '../../support/test-sim.ts';

/** The text as Testing Library reads it off the page: the no-break space between a value and its unit (viz/format.ts UNIT_SPACE) folded to a space. */
const asRead = (text: string) => text.replace(/\u00a0/g, ' ');

afterEach(cleanup);

/** A chapter's run whose `steps` steps all wait for the event at trace index `index`, at `t` (the lesson store derives the step's moment from it). */
function foundAt(t: number, index: number | null, steps = 1): ChapterFound {
  return { moments: { moments: Array.from({ length: steps }, () => ({ t, msgId: null, index })), unmet: null }, choices: Array<number>(steps).fill(0) };
}

/** The caption as the eye reads it: each msgId whole (the four digits a screen reader says instead are visually hidden). */
function shown(caption: HTMLElement): string {
  const copy = caption.cloneNode(true) as HTMLElement;
  for (const spoken of copy.querySelectorAll('.rs-caption-text .rs-visually-hidden')) spoken.remove();
  return copy.textContent ?? '';
}

describe('NarrationCaption', () => {
  it('says what the latest event at the playhead means, and changes as the playhead moves', async () => {
    const timeline = loadAt(writeReadScenario(), 20_000);
    render(<NarrationCaption />);
    const caption = await screen.findByTestId('caption');
    const latest = timeline.traceAt(timeline.traceLength - 1)!;
    expect(caption).toHaveAttribute('data-event-type', latest.type);
    expect(shown(caption)).toContain(narrate(latest, 'en', contextAt(timeline.scenario.config, timeline.state)));
    const before = caption.textContent;
    act(() => usePlayback.getState().seek(31_000));
    const next = timeline.traceAt(timeline.traceLength - 1)!;
    expect(shown(screen.getByTestId('caption'))).toContain(narrate(next, 'en', contextAt(timeline.scenario.config, timeline.state)));
    expect(screen.getByTestId('caption').textContent).not.toBe(before);
  });

  it('shows what happened in its first part and keeps why behind a "Why" button, open or closed as the reader left it while they step (crash-partition-shutdown at 1:30.200)', async () => {
    act(() => usePlayback.getState().setLanguage('en'));
    loadAt(libraryScenario('crash-partition-shutdown'), 90_200);
    render(<NarrationCaption />);
    const caption = await screen.findByTestId('caption');
    expect(caption).toHaveAttribute('data-event-type', 'message.sent');
    const text = caption.querySelector('.rs-caption-text') as HTMLElement;
    const why = caption.querySelector('.rs-caption-why') as HTMLElement;
    // Closed, the first part cut at its colon is a sentence: a full stop where the colon was (caption-parts.ts).
    expect(text.textContent).toMatch(/But broker-b's master is cut off by a network partition\. nothing sent to it/);
    expect(why).not.toBeVisible();
    expect(why).toHaveTextContent(/sendMsgTimeout/);
    const button = within(caption).getByRole('button', { name: 'Why' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(why).toBeVisible();
    // Opened, the why continues the sentence at its colon again.
    expect(text.textContent).toMatch(/But broker-b's master is cut off by a network partition: nothing sent to it/);
    // The next caption with a why (one sentence has none) opens as this one was left.
    const nextWithWhy = () => {
      for (let steps = 0; steps < 50; steps++) {
        act(() => usePlayback.getState().step('forward'));
        if (screen.getByTestId('caption').querySelector('.rs-caption-why')) return screen.getByTestId('caption');
      }
      throw new Error('no caption with a why in 50 steps');
    };
    const next = nextWithWhy();
    expect(within(next).getByRole('button', { name: 'Why' })).toHaveAttribute('aria-expanded', 'true');
    expect(next.querySelector('.rs-caption-why')).toBeVisible();
    fireEvent.click(within(next).getByRole('button', { name: 'Why' }));
    expect(nextWithWhy().querySelector('.rs-caption-why')).not.toBeVisible();
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(within(screen.getByTestId('caption')).getByRole('button', { name: '为什么' })).toHaveAttribute('aria-expanded', 'false');
    act(() => usePlayback.getState().setLanguage('en'));
  });

  it('says the whole caption to a screen reader while its why is closed: the button spares only the eye', async () => {
    act(() => usePlayback.getState().setLanguage('en'));
    loadAt(libraryScenario('crash-partition-shutdown'), 90_200);
    render(<NarrationCaption />);
    const caption = await screen.findByTestId('caption');
    expect(within(caption).getByRole('button', { name: 'Why' })).toHaveAttribute('aria-expanded', 'false');
    // What the accessibility tree holds: nothing hidden, nothing aria-hidden.
    const heard = caption.cloneNode(true) as HTMLElement;
    for (const silent of heard.querySelectorAll('[hidden], [aria-hidden="true"]')) silent.remove();
    expect(heard.textContent).toMatch(/But broker-b's master is cut off by a network partition\./);
    expect(heard.textContent).toMatch(/sendMsgTimeout/);
  });

  it('is the screen reader\'s voice when the run stops on an event, not while it plays nor in a chapter (the log and the lesson speak then)', async () => {
    loadAt(writeReadScenario(), 20_000);
    render(<NarrationCaption />);
    const caption = await screen.findByTestId('caption');
    expect(caption).toHaveAttribute('aria-live', 'polite');
    expect(caption).toHaveAttribute('aria-atomic', 'true');
    act(() => usePlayback.setState({ playing: true }));
    expect(screen.getByTestId('caption')).toHaveAttribute('aria-live', 'off');
    act(() => usePlayback.setState({ playing: false }));
    act(() => useLesson.setState({ chapterId: 'basics' }));
    expect(screen.getByTestId('caption')).toHaveAttribute('aria-live', 'off');
    act(() => useLesson.setState({ chapterId: null }));
  });

  it('tells a send that returned a status other than SEND_OK after its retries, over its last attempt at the same instant', async () => {
    // One 4.x SYNC_MASTER whose slave crashed at 10 s: every attempt is stored and answered SLAVE_NOT_AVAILABLE.
    const scenario = scenarioOf({
      version: 1, seed: 5, durationMs: 30_000,
      config: { rocketmqVersion: '4.x', networkJitterMs: 0, retryAnotherBrokerWhenNotStoreOK: true },
      nameServers: [{ id: 'ns-1' }],
      brokers: [{ name: 'broker-a', role: 'SYNC_MASTER' }, { name: 'broker-a', brokerId: 1, role: 'SLAVE' }],
      topics: [{ name: 'TopicTest', writeQueueNums: 2, readQueueNums: 2 }],
      producers: [{ id: 'p-sync', group: 'PGS', topic: 'TopicTest', ratePerSec: 2, startAt: 1_000 }],
      timeline: [{ at: 10_000, action: 'crashBroker', target: 'broker-a', brokerId: 1 }],
    });
    const probe = new Timeline(scenario);
    probe.seek(20_000);
    const returned = probe.traceSlice(0).findLast((event) => event.type === 'send.result' && event.status === 'SLAVE_NOT_AVAILABLE')!;
    loadAt(scenario, returned.t);
    render(<NarrationCaption />);
    const caption = await screen.findByTestId('caption');
    expect(caption).toHaveAttribute('data-event-type', 'send.result');
    expect(caption).toHaveTextContent('ended with SLAVE_NOT_AVAILABLE');
    expect(caption).toHaveTextContent('None of its 3 attempts got SEND_OK');
    expect(caption).toHaveTextContent('send() returns the last of those statuses instead of throwing');
  });

  it('speaks Chinese when the page does', async () => {
    const timeline = loadAt(writeReadScenario(), 20_000);
    act(() => usePlayback.getState().setLanguage('zh'));
    render(<NarrationCaption />);
    const caption = await screen.findByTestId('caption');
    expect(shown(caption)).toContain(narrate(timeline.traceAt(timeline.traceLength - 1)!, 'zh', contextAt(timeline.scenario.config, timeline.state)));
    expect(caption).toHaveTextContent('正在发生什么：');
    act(() => usePlayback.getState().setLanguage('en'));
  });

  // Presentation mode hides the side column and its event log (presenting.css); in a chapter it is far below the first screen.
  it('counts the other events at the instant and points to the event log only where the log is shown, in both languages', async () => {
    // 1.010 s: p-1, c-1 and c-2 each choose a NameServer.
    loadAt(writeReadScenario(), 1_010);
    render(<NarrationCaption />);
    const more = () => screen.getByTestId('caption').querySelector('.rs-caption-more');
    expect(await screen.findByTestId('caption')).toHaveTextContent('(and 2 more events at this instant: see the event log)');
    act(() => usePage.getState().setPresenting(true));
    expect(more()).toHaveTextContent(/^\(and 2 more events at this instant\)$/);
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(more()).toHaveTextContent(/^（同一时刻还有 2 个事件）$/);
    act(() => usePage.getState().setPresenting(false));
    expect(more()).toHaveTextContent(/^（同一时刻还有 2 个事件，见事件日志）$/);
    act(() => usePlayback.getState().setLanguage('en'));
    // Inside a chapter the lesson and the inspector fill the first screen: the log is far below it.
    act(() => useLesson.setState({ chapterId: 'basics' }));
    expect(more()).toHaveTextContent(/^\(and 2 more events at this instant\)$/);
    act(() => useLesson.setState({ chapterId: null }));
  });

  it('tells a duplicate of a batch before the consumptions around it: broker-a\'s queues read again at 5:02.513 from the offsets it last persisted ("Crash vs partition vs shutdown")', async () => {
    const timeline = loadAt(libraryScenario('crash-partition-shutdown'), 302_513);
    const instant = timeline.traceSlice(0).filter((event) => event.t === 302_513);
    expect(instant.at(-1)?.type).toBe('message.consumed');
    const again = instant.findLast((event) => event.type === 'message.consumedAgain')!;
    expect(again).toMatchObject({ cause: 'brokerFault', group: 'CG_ORDER' });
    render(<NarrationCaption />);
    const caption = await screen.findByTestId('caption');
    expect(caption).toHaveAttribute('data-event-type', 'message.consumedAgain');
    expect(shown(caption)).toContain(`CG_ORDER got ${again.type === 'message.consumedAgain' ? again.msgId : ''} again, this time at`);
  });

  it('tells the news of an instant, not the routine traffic that shares it: broker-b\'s removal after its partition healed ("Send modes into a partition")', async () => {
    const scenario = libraryScenario('send-modes-partition');
    const whole = new Timeline(scenario);
    whole.seek(scenario.durationMs);
    const trace = whole.traceSlice(0, whole.traceLength);
    const removal = trace.find((event) => event.type === 'broker.removed' && event.broker === 'broker-b')!;
    const instant = trace.filter((event) => event.t === removal.t);
    // The removal shares its millisecond with stored messages that come after it in the trace.
    expect(instant.at(-1)!.type).not.toBe('broker.removed');
    expect(instant.slice(instant.indexOf(removal) + 1).map((event) => event.type)).toContain('message.stored');
    const timeline = loadAt(scenario, removal.t);
    render(<NarrationCaption />);
    const caption = await screen.findByTestId('caption');
    expect(caption).toHaveAttribute('data-event-type', 'broker.removed');
    // The note of the other events leaves the first part only its words up to the colon; opened, the caption is the whole narration.
    fireEvent.click(within(caption).getByRole('button', { name: 'Why' }));
    expect(caption).toHaveTextContent(asRead(narrate(removal, 'en', contextAt(timeline.scenario.config, timeline.state))));
    expect(caption).toHaveTextContent(`(and ${instant.length - 1} more`);
  });

  it('tells the call that timed out and closed a channel, not the failures it caused in the same instant, in both languages (p-sync at 0:34, "Send modes into a partition")', async () => {
    const scenario = libraryScenario('send-modes-partition');
    const timeline = loadAt(scenario, 34_000);
    const instant = timeline.traceSlice(0, timeline.traceLength).filter((event) => event.t === 34_000);
    const close = instant.find((event) => event.type === 'channel.closed')!;
    expect(close).toMatchObject({ from: 'p-sync', to: 'broker-b/0', code: 'SEND_MESSAGE', waitedMs: 3_000 });
    // The sends it failed come after it, and other news (a ONEWAY send lost) too.
    const after = instant.slice(instant.indexOf(close) + 1).map((event) => event.type);
    expect(after).toContain('send.failed');
    expect(after).toContain('message.lost');
    render(<NarrationCaption />);
    const caption = await screen.findByTestId('caption');
    expect(caption).toHaveAttribute('data-event-type', 'channel.closed');
    expect(caption).toHaveTextContent('p-sync\'s send (SEND_MESSAGE) to broker-b/0 got no answer within 3 s. A synchronous call that times out closes its connection (NettyRemotingClient, clientCloseSocketIfTimeout), and the 4 other requests waiting on it (3 sends, 1 heartbeat) fail at once (channelClosed).');
    // broker-b is cut off: it never sees the close.
    expect(caption).toHaveTextContent('The partition swallows the close too: broker-b/0 does not see it');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('caption')).toHaveTextContent('p-sync 发往 broker-b/0 的发送（SEND_MESSAGE）在 3 秒内没有收到应答。同步调用超时会关闭它所在的连接');
    // Two closes in one instant: c-1's heartbeat failed its 3 waiting pulls, p-async's its 4 waiting sends; the caption tells the one that failed the most calls.
    const whole = new Timeline(scenario);
    whole.seek(40_000);
    const c1Close = whole.traceSlice(0).find((e) => e.type === 'channel.closed' && e.from === 'c-1')!;
    act(() => usePlayback.getState().setLanguage('en'));
    act(() => usePlayback.getState().seek(c1Close.t));
    const both = getTimeline()!.traceSlice(0).filter((e) => e.type === 'channel.closed' && e.t === c1Close.t).map((e) => e.type === 'channel.closed' && [e.from, e.failed]);
    expect(both).toEqual([['p-async', { SEND_MESSAGE: 4 }], ['c-1', { PULL_MESSAGE: 3 }]]);
    expect(screen.getByTestId('caption')).toHaveTextContent('p-async\'s heartbeat (HEART_BEAT) to broker-b/0 got no answer within 3 s.');
  });

  it('tells the heartbeat a 5.x consumer sent on its new channel to a restarted master, not the registration it brought in the same instant, in both languages ("A master down": broker-a back at 2:00)', async () => {
    const scenario = libraryScenario('failover-idle-consumer');
    const whole = new Timeline(scenario);
    whole.seek(125_000);
    const beat = whole.traceSlice(0).find((e) => e.type === 'client.heartbeat' && e.trigger === 'channelActive' && e.client === 'c-1')!;
    expect(beat).toMatchObject({ broker: 'broker-a', brokerId: 0 });
    // Within a second of the master's start at 2:00, half a minute before c-1's periodic round.
    expect(beat.t - 120_000).toBeLessThan(1_000);
    const instant = whole.traceSlice(0).filter((e) => e.t === beat.t).map((e) => e.type);
    expect(instant.slice(instant.indexOf('client.heartbeat') + 1)).toContain('consumer.registered');
    // And c-1's pull refused there a moment before (no group info yet): c-1's news too, which its heartbeat tells first.
    expect(instant).toContain('pull.rejected');
    loadAt(scenario, beat.t);
    render(<NarrationCaption />);
    const caption = await screen.findByTestId('caption');
    expect(caption).toHaveAttribute('data-event-type', 'client.heartbeat');
    fireEvent.click(within(caption).getByRole('button', { name: 'Why' }));
    expect(caption).toHaveTextContent('c-1 (CG_ORDER) heartbeats broker-a/0 at once, off its 30 s rhythm: it has just opened a new channel to it');
    expect(caption).toHaveTextContent('A broker back from a restart, its consumer table empty, so learns the group within milliseconds');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('caption')).toHaveTextContent('c-1（CG_ORDER）立即向 broker-a/0 发送心跳，不在每 30 秒的节奏上');
  });

  it('tells a topic a producer\'s first send created, not the heartbeat that send\'s new channel brought in the same instant ("Automatic topic creation" at 0:02)', async () => {
    const scenario = libraryScenario('auto-create-topic');
    const whole = new Timeline(scenario);
    whole.seek(3_000);
    const created = whole.traceSlice(0).find((e) => e.type === 'topic.updated' && e.topic === 'NewTopic')!;
    const instant = whole.traceSlice(0).filter((e) => e.t === created.t);
    // p-1's heartbeat on the channel its send opened (5.x onChannelActive), and the registration it brings, come after it.
    expect(instant.slice(instant.indexOf(created) + 1).map((e) => e.type)).toEqual(['message.stored', 'client.heartbeat', 'producer.registered']);
    loadAt(scenario, created.t);
    render(<NarrationCaption />);
    const caption = await screen.findByTestId('caption');
    expect(caption).toHaveAttribute('data-event-type', 'topic.updated');
    expect(caption).toHaveTextContent(/broker-a created NewTopic/);
  });

  it('tells the event a lesson\'s step waited for when others share its instant: p-1\'s route, not c-1\'s', async () => {
    const scenario = scenarioOf(nameServerChapter as ScenarioJson);
    const whole = new Timeline(scenario);
    whole.seek(60_000);
    const trace = whole.traceSlice(0, whole.traceLength);
    const index = trace.findIndex((event) => event.type === 'route.updated' && event.client === 'p-1' && event.topic === 'TopicOrder');
    const routed = trace[index]!;
    const instant = trace.filter((event) => event.t === routed.t);
    // Another client's route came in the same millisecond, after it.
    expect(instant.findLast((event) => event.type === 'route.updated')).not.toBe(routed);
    const timeline = loadAt(scenario, routed.t);
    act(() => useLesson.setState({ found: foundAt(routed.t, index) }));
    render(<NarrationCaption />);
    expect(await screen.findByTestId('caption')).toHaveTextContent(asRead(narrate(routed, 'en', contextAt(timeline.scenario.config, timeline.state))));
    act(() => useLesson.setState({ found: null }));
    expect(screen.getByTestId('caption')).not.toHaveTextContent(asRead(narrate(routed, 'en', contextAt(timeline.scenario.config, timeline.state))));
  });

  it('says where the run is going while a seek from 0:00 is under way, not to press play', async () => {
    loadAt(writeReadScenario(), 0);
    render(<NarrationCaption />);
    expect(await screen.findByTestId('caption')).toHaveTextContent('Nothing has happened yet: press play');
    act(() => usePlayback.setState({ seekTarget: 150_000, seekProgress: 45 }));
    expect(screen.getByTestId('caption')).toHaveTextContent('Simulating up to 2:30.000: the page shows that moment as soon as the run reaches it.');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('caption')).toHaveTextContent('正在模拟到 2:30.000');
    act(() => usePlayback.setState({ seekTarget: null, seekProgress: null, language: 'en' }));
  });

  it('says the lesson is getting its run ready, not to press play, while a chapter\'s step has no moment yet', async () => {
    loadAt(writeReadScenario(), 0);
    act(() => useLesson.setState({ chapterId: 'basics', step: 4, found: null }));
    render(<NarrationCaption />);
    expect(await screen.findByTestId('caption')).toHaveTextContent('Getting the lesson\'s run ready: the page goes to this step\'s moment by itself.');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('caption')).toHaveTextContent('正在准备课程的运行：页面会自动转到这一步的时刻。');
    // The step's moment comes before the run's first event (chapter 5 opens at 0:01.000): not "press play" either.
    act(() => useLesson.setState({ found: foundAt(0, null, 5) }));
    expect(screen.getByTestId('caption')).toHaveTextContent('运行中还没有事件：上面的步骤说明了正在启动的内容。按“下一步”（→）继续。');
    act(() => usePlayback.getState().setLanguage('en'));
    expect(screen.getByTestId('caption')).toHaveTextContent('No event in the run yet: the step above says what is starting. Next (→) goes on.');
    act(() => useLesson.getState().closeChapter());
    expect(screen.getByTestId('caption')).toHaveTextContent('Nothing has happened yet: press play');
  });
});

describe('NarrationCaption while the run plays', () => {
  afterEach(() => act(() => usePlayback.getState().setPlaying(false)));

  it('says that messages flow instead of telling each passing send, store and consumption, and names the timers under them, in both languages', async () => {
    // From 60 s to 100 s (four seconds of the reader's time at 10x) nothing but traffic, heartbeats and route pulls.
    const timeline = loadAt(writeReadScenario(), 100_000);
    act(() => usePlayback.getState().setSpeed(10));
    act(() => usePlayback.getState().setPlaying(true));
    render(<NarrationCaption />);
    expect(await screen.findByTestId('caption')).toHaveTextContent('Messages are being sent, stored and consumed. Under them run RocketMQ\'s timers: every broker registers with every NameServer every 30 s (its heartbeat: grey dots), every client pulls its topics\' routes every 30 s (orange) and heartbeats its brokers every 30 s (pink). Pause, or step one event (→), to read each one.');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('caption')).toHaveTextContent('消息正在发送、存储和消费。在它们之下运行着 RocketMQ 的定时任务：每个 Broker 每 30 秒向每个 NameServer 注册一次（它的心跳：灰色圆点），每个客户端每 30 秒拉取一次所订阅主题的路由（橙色），每 30 秒向 Broker 发送一次心跳（粉色）。');
    act(() => usePlayback.getState().setLanguage('en'));
    // Paused, the caption tells the event at the playhead again.
    act(() => usePlayback.getState().setPlaying(false));
    const latest = timeline.traceAt(timeline.traceLength - 1)!;
    expect(screen.getByTestId('caption')).toHaveAttribute('data-event-type', latest.type);
  });

  it('keeps news for four seconds of the reader\'s time: at 10x c-1\'s rebalance after c-2\'s crash (0:30.007) is told at 0:50, the last news no longer at 1:35', async () => {
    const timeline = loadAt(writeReadScenario({ timeline: [{ at: 30_000, action: 'crashConsumer', target: 'c-2' }] }), 50_000);
    act(() => usePlayback.getState().setSpeed(10));
    act(() => usePlayback.getState().setPlaying(true));
    render(<NarrationCaption />);
    const caption = await screen.findByTestId('caption');
    const news = timeline.traceSlice(0).findLast((event) => event.t >= 50_000 - 40_000 && !['message.sent', 'message.stored', 'message.consumed', 'message.consumedAgain', 'offset.committed', 'send.result', 'message.filtered', 'route.updated', 'client.heartbeat', 'route.pulled'].includes(event.type)
      && !(event.type === 'broker.registered' && !event.first))!;
    expect(news).toMatchObject({ t: 30_007, type: 'rebalance', consumer: 'c-1' });
    expect(caption).toHaveAttribute('data-event-type', 'rebalance');
    expect(caption).toHaveTextContent(/^What is happening: 0:30\.007 c-1/);
    cleanup();
    act(() => usePlayback.getState().setPlaying(false));
    loadAt(writeReadScenario({ timeline: [{ at: 30_000, action: 'crashConsumer', target: 'c-2' }] }), 95_000);
    act(() => usePlayback.getState().setPlaying(true));
    render(<NarrationCaption />);
    expect(await screen.findByTestId('caption')).toHaveTextContent(/^What is happening: Messages are being sent/);
  });
});
