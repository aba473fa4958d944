import { describe, expect, it } from 'vitest';
import { chapterRun } from '../../support/chapter-run.ts';
import { masterOf, openHaConnections } from '../../../src/sim/index.ts';
import { moduleFigures, remotingRows } from '../../../src/ui/panels/broker-modules-model.ts';
import { BROKER_MODULES_STRINGS } from '../../../src/ui/panels/broker-modules-strings.ts';
import { inLanguage } from '../../../src/ui/i18n/index.ts';

/** The broker chapter, a Timeline of its scenario and the index and moment of the step whose caption matches. */
async function brokerStep(caption: RegExp) {
  const { chapter, timeline, moments } = await chapterRun('broker');
  const index = chapter.steps.findIndex((step) => caption.test(step.caption.en));
  const step = chapter.steps[index]!;
  if (step.focus?.kind !== 'broker') throw new Error('the step focuses a broker');
  timeline.seek(moments[index]!.t);
  return { timeline, t: moments[index]!.t, focus: step.focus.id, caption: step.caption };
}

describe('chapter broker: the inspector at a step shows what its caption says', () => {
  // A consumer heartbeats the slave too (MQClientInstance.sendHeartbeatToAllBroker), and its
  // registration there may come first: the step must wait for the focused master's own.
  it('the heartbeat step: the focused broker-a (its master) has processed a HEART_BEAT and keeps CG_ORDER with c-1\'s channel', async () => {
    const { timeline, t, focus } = await brokerStep(/heartbeat \(HEART_BEAT\) reached/);
    const broker = timeline.state.brokers[focus] ?? masterOf(timeline.state, focus)!;
    expect(broker.node).toBe('broker-a/0');
    expect(broker.requestCounts['HEART_BEAT']).toBeGreaterThanOrEqual(1);
    const group = broker.consumerTable['CG_ORDER'];
    expect(Object.values(group?.channels ?? {}).map((channel) => [channel.node, channel.lastUpdateTimestamp])).toEqual([['c-1', t]]);
    expect(group?.subscriptions).toHaveProperty('TopicOrder');
  });

  it('the pull step: c-1 consumed a message from the focused broker-a at the step\'s moment', async () => {
    const { timeline, t, focus } = await brokerStep(/PULL_MESSAGE/);
    const consumed = timeline.traceSlice(0).filter((event) => event.t === t && event.type === 'message.consumed');
    expect(consumed.map((event) => event.type === 'message.consumed' && [event.consumer, event.broker, event.brokerId])).toContainEqual(['c-1', focus, 0]);
  });

  // DefaultHAClient.run: with no master address yet (BrokerController starts the store before its
  // first registerBrokerAll answers), the HAClient waits 5 s before it tries again.
  it('the first stored message: the master has no HA connection yet, and has one from 0:05 on, as the caption says', async () => {
    const { timeline, t, caption } = await brokerStep(/SEND_MESSAGE/);
    expect(caption.en).toContain('waits 5\u00a0s before it looks again (DefaultHAClient). At 0:05 it connects to the master\'s HA port');
    expect(caption.zh).toContain('要等 5\u00a0秒再看（DefaultHAClient）。0:05 它连上 Master 的 HA 端口');
    const master = () => timeline.state.brokers['broker-a/0']!;
    expect(t).toBeLessThan(5_000);
    expect(Object.keys(master().haConnections)).toEqual([]);
    timeline.seek(4_999);
    expect(Object.keys(master().haConnections)).toEqual([]);
    timeline.seek(5_100);
    expect(Object.keys(master().haConnections)).toEqual(['broker-a/1']);
  });

  // PullMessageProcessor commits the offset a pull carries (ConsumerOffsetManager.commitOffset);
  // MQClientInstance.persistAllConsumerOffset sends every queue's offset each persistConsumerOffsetInterval.
  it('the pull step: broker-a\'s committed offsets get their first row a few ms before, with the pull c-1 sent as the step\'s message arrived, at 0:07, and c-1\'s first UPDATE_CONSUMER_OFFSET at 0:11, every 5 s', async () => {
    const { timeline, t, caption } = await brokerStep(/PULL_MESSAGE/);
    const { scenario } = await chapterRun('broker');
    const master = () => timeline.state.brokers['broker-a/0']!;
    expect(clock(t)).toBe('0:07');
    expect(master().consumerOffsetTable).toEqual({ CG_ORDER: { 'TopicOrder@0': 1 } });
    expect(master().requestCounts.UPDATE_CONSUMER_OFFSET ?? 0).toBe(0);
    // The row came with a pull, after the step's message (queue 0, offset 1) was stored and before it was consumed.
    const consumed = timeline.traceSlice(0).findLast((event) => event.type === 'message.consumed' && event.broker === 'broker-a')!;
    expect(consumed.t).toBe(t);
    expect(consumed.type === 'message.consumed' && [consumed.queueId, consumed.queueOffset]).toEqual([0, 1]);
    const stored = timeline.traceSlice(0).find((event) => event.type === 'message.stored' && event.msgId === (consumed.type === 'message.consumed' ? consumed.msgId : ''))!;
    const firstOfQueue0 = timeline.traceSlice(0).find((event) => event.type === 'message.consumed' && event.broker === 'broker-a' && event.queueId === 0)!;
    expect(clock(firstOfQueue0.t)).toBe('0:03');
    let first = stored.t;
    timeline.seek(first);
    while (Object.keys(master().consumerOffsetTable).length === 0) timeline.seek(first += 1);
    expect(first).toBeLessThan(t);
    expect(t - first).toBeLessThan(10);
    timeline.seek(12_000);
    const update = timeline.traceSlice(0).find((event) => event.type === 'offset.committed' && event.broker === 'broker-a')!;
    expect(clock(update.t)).toBe('0:11');
    expect(master().requestCounts.UPDATE_CONSUMER_OFFSET).toBeGreaterThan(0);
    expect(scenario.config.persistConsumerOffsetIntervalMs).toBe(5_000);
    expect(caption.en).toContain('Its first row (queue 0, offset 1) came with c-1\'s pull of a moment ago; from 0:11 c-1 also sends all its offsets every 5\u00a0s (persistConsumerOffsetInterval).');
    expect(caption.zh).toContain('它的第一行（队列 0，位点 1）随 c-1 刚才的一次拉取到来；从 0:11 起，c-1 还会每 5\u00a0秒（persistConsumerOffsetInterval）把全部位点提交一次。');
  });

  // At 1280x800 the store's box and the committed offsets lie screens below the inspector's top:
  // brought into view, they took broker-a/0's box on the canvas under the lesson. The steps about
  // them cite what the module map and the Remoting table say beside the box instead.
  it('names the part of the broker a step\'s caption is about only where it shows beside the broker\'s box: Remoting, the client manager, Remoting\'s pulls', async () => {
    const { chapter } = await chapterRun('broker');
    const parts = chapter.steps.map((step) => (step.focus?.kind === 'broker' ? step.focus.module ?? null : undefined));
    expect(parts).toEqual(['remoting', 'clientManager', null, null, 'remoting', undefined]);
  });

  it('the first step: broker-a/0 has processed no request, its table says so, and the first is c-1\'s HEART_BEAT at 0:01, the next step', async () => {
    const { chapter, timeline, moments } = await chapterRun('broker');
    timeline.seek(moments[0]!.t);
    expect(timeline.state.brokers['broker-a/0']!.requestCounts).toEqual({});
    let t = moments[0]!.t;
    while (Object.keys(timeline.state.brokers['broker-a/0']!.requestCounts).length === 0) timeline.seek(t += 1);
    expect(clock(t)).toBe('0:01');
    expect(t).toBe(moments[1]!.t);
    expect(timeline.state.brokers['broker-a/0']!.requestCounts).toEqual({ HEART_BEAT: 1 });
    const caption = chapter.steps[0]!.caption;
    expect(caption.en).toContain(`Its table says "${inLanguage(BROKER_MODULES_STRINGS, 'en').noRequests.replace(/\.$/, '')}": no client has started. The first, c-1's HEART_BEAT, arrives at 0:01, the next step.`);
    expect(caption.zh).toContain(`它的表格还写着“${inLanguage(BROKER_MODULES_STRINGS, 'zh').noRequests.replace(/。$/, '')}”：还没有客户端启动。第一个请求是 c-1 的 HEART_BEAT，0:01 到达，就是下一步。`);
  });

  it('the first stored message: the caption quotes the module map\'s store and HA lines as they read at its moment', async () => {
    const { timeline, t, caption } = await brokerStep(/SEND_MESSAGE/);
    const { scenario } = await chapterRun('broker');
    const master = timeline.state.brokers['broker-a/0']!;
    const figures = moduleFigures(master, openHaConnections(scenario.config, master, t).length, undefined);
    expect(figures.messages).toBe(1);
    for (const language of ['en', 'zh'] as const) {
      const { figures: say } = inLanguage(BROKER_MODULES_STRINGS, language);
      const quote = (text: string) => (language === 'en' ? `"${text}"` : `“${text}”`);
      expect(caption[language]).toContain(quote(say.store(figures.messages, null)));
      expect(caption[language]).toContain(quote(say.haMaster(figures.ha.role === 'master' ? figures.ha.slaves : -1)));
    }
  });

  it('the pull step: the Remoting table the caption points to counts broker-a/0\'s PULL_MESSAGE requests, handled by PullMessageProcessor', async () => {
    const { timeline, caption } = await brokerStep(/PULL_MESSAGE/);
    const pulls = remotingRows(timeline.state.brokers['broker-a/0']!).find((row) => row.name === 'PULL_MESSAGE');
    expect(pulls).toMatchObject({ processor: 'PullMessageProcessor' });
    expect(pulls!.count).toBeGreaterThan(0);
    expect(caption.en).toContain('c-1 pulled (PULL_MESSAGE: the Remoting table below counts them, for PullMessageProcessor).');
    expect(caption.zh).toContain('c-1 拉取了消息（PULL_MESSAGE：下面的 Remoting 表格数着这些请求，交给 PullMessageProcessor）。');
    expect(caption.en).not.toContain('foot of the inspector');
    expect(caption.zh).not.toContain('最下面');
  });
});

/** m:ss, as the captions write a time of the run. */
function clock(t: number): string {
  const seconds = Math.floor(t / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
