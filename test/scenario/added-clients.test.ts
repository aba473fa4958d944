/**
 * A client added by the timeline (addConsumer, addProducer) is a full consumers[] or producers[]
 * entry: it starts at its action's `at`, or at its own `startAt` when that is later. A consumer
 * builds its subscriptions when it starts (SubscriptionData.subVersion = System.currentTimeMillis()),
 * so a member that joins later has the newest subVersion at its first heartbeat, and the broker's
 * table takes its expression (ConsumerGroupInfo.updateSubscription keeps the newer one); every
 * rebalance that changes a member's queues moves its version on again
 * (subversion-rebalance.test.ts), so the member whose queues changed last keeps the table.
 */
import { describe, expect, it } from 'vitest';
import { narrate } from '../../src/ui/narration/narrate.ts';
import { describeEvent } from '../../src/ui/panels/event-sentences.ts';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

function scenario(timeline: object[], consumers: object[] = []): ScenarioJson {
  return {
    version: 1, durationMs: 120_000,
    nameServers: [{ id: 'ns-1' }],
    brokers: [{ name: 'broker-a' }],
    topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
    producers: [{ id: 'p-0', group: 'PG', topic: 'TopicTest', ratePerSec: 10, tags: ['TagA', 'TagB'] }],
    consumers,
    timeline,
  };
}

describe('a member added at 60 s with another tag: c-1 "TagA" from 0, c-2 "TagB" added at 60 s', () => {
  const sim = new TestSim(scenario(
    [{ at: 60_000, action: 'addConsumer', consumer: { id: 'c-2', group: 'CG', topic: 'TopicTest', subscription: 'TagB' } }],
    [{ id: 'c-1', group: 'CG', topic: 'TopicTest', subscription: 'TagA' }],
  ));
  const table = () => sim.broker('broker-a').consumerTable['CG']!;

  it('subscribes with the time it starts as its subVersion, of its topic and its %RETRY% topic', () => {
    sim.at(60_000);
    expect(sim.consumer('c-2').subVersions).toEqual({ TopicTest: 60_000, '%RETRY%CG': 60_000 });
    // c-1's moved on at its first rebalance, a second after its start (RebalancePushImpl.messageQueueChanged).
    expect(sim.consumer('c-1').subVersions['TopicTest']).toBe(sim.first('rebalance', { consumer: 'c-1', topic: 'TopicTest' })!.t);
  });

  it('takes over the group\'s subscription at its first heartbeat, at start (DefaultMQPushConsumerImpl.start), not a period later', () => {
    // Checked before the rebalance its join sets off at c-1 (about 20 ms later) moves c-1's version past it.
    const heartbeatAt = sim.at(60_020).first('client.heartbeat', { client: 'c-2' })!.t;
    // Its first route round comes 10 ms after the start (MQClientInstance.startScheduledTask), and
    // start() heartbeats at once after it: before the periodic heartbeat's first run, 1 s after the start.
    expect(heartbeatAt).toBeGreaterThanOrEqual(60_010);
    expect(heartbeatAt).toBeLessThan(61_000);
    expect(table().subscriptions['TopicTest']).toBe('TagB');
    expect(table().subVersions['TopicTest']).toBe(60_000);
  });

  it('ends with it after the rebalances its join sets off (c-2\'s, a second after its start, is the last), through c-1\'s next heartbeats (every heartbeatBrokerInterval, 30 s)', () => {
    sim.at(60_000 + 2 * 30_000 + 1_000); // heartbeatBrokerInterval, 30 s: c-1 beats at 61 s and 91 s
    const lastChange = sim.last('rebalance', { topic: 'TopicTest' })!;
    expect([lastChange.consumer, table().subVersions['TopicTest']]).toEqual(['c-2', lastChange.t]);
    const c1Beats = sim.times('client.heartbeat', (e) => e.client === 'c-1' && e.t > 61_000);
    expect(c1Beats.length).toBeGreaterThanOrEqual(2);
    expect(table().subscriptions['TopicTest']).toBe('TagB');
    // Messages sent after the switch (a held pull keeps its filter for up to 15 s): TagB only, never TagA.
    const tagsOf = new Map(sim.events('message.sent').map((e) => [e.msgId, { tags: e.tags, t: e.t }]));
    const late = sim.events('message.consumed', (e) => e.topic === 'TopicTest' && tagsOf.get(e.msgId)!.t > 80_000);
    expect(late.length).toBeGreaterThan(50);
    expect(new Set(late.map((e) => tagsOf.get(e.msgId)!.tags))).toEqual(new Set(['TagB']));
  });
});

describe('startAt inside an added client: it starts at the later of the action\'s at and its startAt', () => {
  it('an addProducer at 10 s with startAt 40 s sends its first message after 40 s', () => {
    const sim = new TestSim(scenario([
      { at: 10_000, action: 'addProducer', producer: { id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 1, startAt: 40_000 } },
    ])).at(60_000);
    const added = sim.first('fault', { action: 'addProducer' })!;
    expect(added.t).toBe(10_000);
    // The trace says it is added now and starts later (docs/trace.md startsAt), and so do the caption and the log.
    expect(added.startsAt).toBe(40_000);
    expect(narrate(added, 'en', { config: sim.scenario.config })).toBe('p-1 is added; it starts at 0:40.000 (its startAt): only then does it fetch its topic\'s route and send.');
    expect(narrate(added, 'zh', { config: sim.scenario.config })).toBe('p-1 已添加，将在 0:40.000（它的 startAt）启动：届时才获取主题的路由并开始发送。');
    expect(describeEvent(added, 'en')).toBe('Timeline action: p-1 is added, starts at 0:40.000');
    // A constant rate of 1 a second: the first send one gap after the start.
    expect(sim.first('message.sent', { producer: 'p-1' })!.t).toBe(41_000);
    expect(sim.first('producer.registered', { producer: 'p-1' })!.t).toBeGreaterThan(40_000);
  });

  it('an addConsumer at 30 s with startAt 50 s registers after 50 s and subscribes with subVersion 50 s', () => {
    const sim = new TestSim(scenario([
      { at: 30_000, action: 'addConsumer', consumer: { id: 'c-1', group: 'CG', topic: 'TopicTest', startAt: 50_000 } },
    ])).at(49_999);
    expect(sim.client('c-1').status).toBe('stopped');
    sim.at(51_000);
    expect(sim.consumer('c-1').subVersions['TopicTest']).toBe(50_000);
    expect(sim.first('consumer.registered', { consumer: 'c-1' })!.t).toBeGreaterThan(50_000);
  });

  it('a startAt before the action\'s at is harmless: the client starts at at', () => {
    const sim = new TestSim(scenario([
      { at: 20_000, action: 'addProducer', producer: { id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 1, startAt: 5_000 } },
    ])).at(30_000);
    expect(sim.first('fault', { action: 'addProducer' })!.startsAt).toBeUndefined();
    expect(sim.first('producer.registered', { producer: 'p-1' })!.t).toBeGreaterThan(20_000);
    expect(sim.first('message.sent', { producer: 'p-1' })!.t).toBe(21_000);
  });
});
