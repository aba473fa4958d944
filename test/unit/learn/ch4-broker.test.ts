import { describe, expect, it } from 'vitest';
import { chapterRun } from '../../support/chapter-run.ts';
import { masterOf } from '../../../src/sim/index.ts';

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
    const { timeline, t, focus } = await brokerStep(/HEART_BEAT/);
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
    expect(caption.en).toContain('waits 5 s before it looks again (DefaultHAClient). At 0:05 it connects to the master\'s HA port');
    expect(caption.zh).toContain('要等 5 秒再看（DefaultHAClient）。0:05 它连上 Master 的 HA 端口');
    const master = () => timeline.state.brokers['broker-a/0']!;
    expect(t).toBeLessThan(5_000);
    expect(Object.keys(master().haConnections)).toEqual([]);
    timeline.seek(4_999);
    expect(Object.keys(master().haConnections)).toEqual([]);
    timeline.seek(5_100);
    expect(Object.keys(master().haConnections)).toEqual(['broker-a/1']);
  });
});

