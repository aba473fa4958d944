import { captionParts } from '../../../src/ui/narration/caption-parts.ts';
import { contextAt, narrate } from '../../../src/ui/narration/narrate.ts';
import { libraryTimeline } from '../../support/library.ts';

describe('a caption in two parts: what happened, then why', () => {
  it('ends the first part with the first sentence, the rest continuing it where it stopped', () => {
    const text = 'broker-a crashes: its process dies. The NameServers drop it at once (channelClosed).';
    expect(captionParts(text, 'en')).toEqual({ head: 'broker-a crashes: its process dies.', why: 'The NameServers drop it at once (channelClosed).', closedHead: 'broker-a crashes: its process dies.' });
    expect(captionParts('broker-a 崩溃：进程退出。NameServer 立即剔除它（channelClosed）。', 'zh')).toEqual({ head: 'broker-a 崩溃：进程退出。', why: 'NameServer 立即剔除它（channelClosed）。', closedHead: 'broker-a 崩溃：进程退出。' });
    // One sentence has nothing behind the button; an id's dots and a time's are no sentence end.
    expect(captionParts('p-1 sent it to 10.0.1.1:10911 at 1:30.200.', 'en')).toEqual({ head: 'p-1 sent it to 10.0.1.1:10911 at 1:30.200.', why: '', closedHead: 'p-1 sent it to 10.0.1.1:10911 at 1:30.200.' });
  });

  it('keeps a "But" sentence in the first part: it is what happened to the send', () => {
    expect(captionParts('p-1 sent it to broker-b. But broker-b is down. The attempt fails.', 'en').head).toBe('p-1 sent it to broker-b. But broker-b is down.');
    expect(captionParts('p-1 发送到 broker-b。但 broker-b 已宕机。这次尝试失败。', 'zh').head).toBe('p-1 发送到 broker-b。但 broker-b 已宕机。');
  });

  it('ends a first sentence longer than two lines at its last colon within them, a full stop in its place while why is closed', () => {
    const heartbeat = 'c-1 (CG_ORDER) sent its heartbeat to broker-a/1 (HEART_BEAT): every 30 s a client tells each broker it knows that it is alive, a consumer every broker, slaves too, with its subscriptions, a producer the masters; a broker forgets a client whose channel stays silent too long.';
    expect(captionParts(heartbeat, 'en')).toEqual({
      head: 'c-1 (CG_ORDER) sent its heartbeat to broker-a/1 (HEART_BEAT):', why: heartbeat.slice(heartbeat.indexOf('every 30 s')),
      closedHead: 'c-1 (CG_ORDER) sent its heartbeat to broker-a/1 (HEART_BEAT).',
    });
  });

  it('leaves room on its two lines for the count of the instant\'s other events shown after it', () => {
    // crash-partition-shutdown at 0:01.010: 179 letters, two lines alone, three with "(and 2 more events…)".
    const chosen = 'c-2 now asks ns-2 for routes: a client starts at a random NameServer of its list and moves to the next one only when its channel to the chosen one closes or a request to it fails.';
    expect(captionParts(chosen, 'en').head).toBe(chosen);
    const parts = captionParts(chosen, 'en', '(and 2 more events at this instant: see the event log)');
    expect(parts).toEqual({ head: 'c-2 now asks ns-2 for routes:', why: chosen.slice(chosen.indexOf('a client starts')), closedHead: 'c-2 now asks ns-2 for routes.' });
    // The Chinese removal at 1:00.001 leaves a note of 70 widths room only before its colon, and then ends on 「。」.
    const removed = 'ns-1 将 broker-a/0 从路由中剔除（路由剔除）：连接已关闭（Broker 进程退出，或这条连接上的某次调用超时关闭了它），所以不必等待 120 秒的过期。客户端在下一次拉取路由时得知（每 30 秒），除非 Broker 在那之前又注册了。';
    expect(captionParts(removed, 'zh').closedHead).toMatch(/过期。$/);
    expect(captionParts(removed, 'zh', '（同一时刻还有 12 个事件，见事件日志）'.repeat(2)).closedHead).toBe('ns-1 将 broker-a/0 从路由中剔除（路由剔除）。');
  });

  it('measures a Chinese caption as the page draws it: an em for each character, a class name in capitals wider than prose', () => {
    // inconsistent-subscriptions at 0:03.005: 162 letters with a Chinese character counted as two, and
    // the note 37 more, within the 200 counted; drawn, 1,207 px and 256, three lines at 1280x800.
    const timeline = libraryTimeline('inconsistent-subscriptions', 3_005);
    const heartbeat = timeline.traceSlice(0).find((e) => e.type === 'client.heartbeat' && e.trigger === 'rebalance' && e.t === 3_005)!;
    expect(heartbeat).toBeDefined();
    const context = contextAt(timeline.scenario.config, timeline.state, undefined, timeline);
    const zh = captionParts(narrate(heartbeat, 'zh', context), 'zh', '（同一时刻还有 1 个事件，见事件日志）');
    expect(zh.closedHead).toMatch(/^c-\d（CG_ORDER）立即向 broker-a\/0 发送心跳。$/);
    expect(zh.why).toMatch(/^一次负载均衡改变了它在某个主题上的队列/);
    // Alone it keeps its first sentence, the class name too.
    expect(captionParts(narrate(heartbeat, 'zh', context), 'zh').head).toMatch(/（RebalancePushImpl\.messageQueueChanged）。$/);
    expect(captionParts(narrate(heartbeat, 'en', context), 'en', '(and 1 more event at this instant: see the event log)').closedHead).toMatch(/^c-\d \(CG_ORDER\) heartbeats broker-a\/0 at once\.$/);
  });

  it('with a long note, ends before a "But" sentence too wide for the lines left, or at a colon past them, rather than not at all', () => {
    // crash-partition-shutdown at 1:30.200, a send into the partition: with a note of 12 other events, four lines when its "But" stayed.
    const timeline = libraryTimeline('crash-partition-shutdown', 90_200);
    const sent = timeline.traceSlice(0).findLast((e) => e.type === 'message.sent' && e.broker === 'broker-b' && e.t === 90_200)!;
    const context = contextAt(timeline.scenario.config, timeline.state, undefined, timeline);
    for (const [language, besides, ending] of [['en', '(and 12 more events at this instant: see the event log)', 'producers take the write queues in turn.'], ['zh', '（同一时刻还有 12 个事件，见事件日志）', '生产者轮流选择可写队列。']] as const) {
      const parts = captionParts(narrate(sent, language, context), language, besides);
      expect(parts.closedHead.endsWith(ending)).toBe(true);
      expect(parts.why).toMatch(language === 'en' ? /^But broker-b's master is cut off/ : /^但 broker-b 的 Master 被网络分区隔离/);
    }
    // A sentence whose only colon is past the lines left ends there, not whole (write8-read4 at 0:01.017, three lines before).
    const registered = 'broker-a/0 registered with ns-1 at once because its topic table changed (a topic created or updated), without waiting for its next periodic registration: ns-1\'s routes now carry the new queue counts, and clients see them at their next route pull (every 30 s). Its 120 s expiry starts again.';
    expect(captionParts(registered, 'en', '(and 1 more event at this instant: see the event log)').closedHead).toMatch(/without waiting for its next periodic registration\.$/);
  });

  it('tells a send into the partition around broker-b in two lines, its nine of timeouts behind the button (crash-partition-shutdown at 1:30.200)', () => {
    const timeline = libraryTimeline('crash-partition-shutdown', 90_200);
    const sent = timeline.traceSlice(0).findLast((e) => e.type === 'message.sent' && e.broker === 'broker-b' && e.t === 90_200)!;
    expect(sent).toBeDefined();
    const context = contextAt(timeline.scenario.config, timeline.state, undefined, timeline);
    const en = captionParts(narrate(sent, 'en', context), 'en');
    expect(en.head).toMatch(/^p-1 sent msgId [0-9A-F]{32} \(tags TagA, keys order-\d+\) to broker-b queue \d: producers take the write queues in turn\. But broker-b's master is cut off by a network partition:$/);
    expect(en.closedHead).toBe(`${en.head.slice(0, -1)}.`);
    expect(en.why).toMatch(/^nothing sent to it is answered, and it refuses and closes nothing\. If the producer's channel to it is still open/);
    expect(en.why).toContain('TOPIC_NOT_EXIST');
    const zh = captionParts(narrate(sent, 'zh', context), 'zh');
    expect(zh.head).toMatch(/^p-1 把消息（msgId [0-9A-F]{32}，标签 TagA，key order-\d+）发送到 broker-b 的队列 \d：生产者轮流选择可写队列。但 broker-b 的 Master 被网络分区隔离：$/);
    // Closed, the Chinese head ends on 「。」, never on the colon it was cut at.
    expect(zh.closedHead).toMatch(/但 broker-b 的 Master 被网络分区隔离。$/);
    expect(zh.why).toMatch(/^发给它的请求都得不到应答/);
  });

  it('never ends a first part at a colon inside brackets: a gloss is no end of a sentence (auto-create-topic, as broker-a creates NewTopic at 0:02.008)', () => {
    const created = libraryTimeline('auto-create-topic', 3_000).traceSlice(0).find((e) => e.type === 'topic.updated' && e.topic === 'NewTopic')!;
    expect(created.t).toBe(2_008);
    const timeline = libraryTimeline('auto-create-topic', created.t);
    // The message stored, and p-1's heartbeat on the new channel its send opened (5.x onChannelActive) with the registration it brings.
    expect(timeline.traceSlice(0).filter((e) => e.t === created.t).map((e) => e.type)).toEqual(['topic.updated', 'message.stored', 'client.heartbeat', 'producer.registered']);
    const context = contextAt(timeline.scenario.config, timeline.state, undefined, timeline);
    for (const [language, besides] of [['en', '(and 3 more events at this instant: see the event log)'], ['zh', '（同一时刻还有 3 个事件，见事件日志）']] as const) {
      const text = narrate(created, language, context);
      expect(text).toMatch(language === 'en' ? /\(R: consumers may read it, W: / : /（R：/);
      const { closedHead } = captionParts(text, language, besides);
      // Cut, it ends at the colon after the topic's name, never inside the perm's gloss (the Chinese one fits whole).
      expect(closedHead).not.toMatch(/\((R|W)\.$|（(R|W)。$/);
      if (language === 'en') expect(closedHead).toBe('broker-a created NewTopic.');
    }
  });
});
