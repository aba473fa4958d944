/**
 * Members of one consumer group that subscribe differently (ConsumerManager.registerConsumer ->
 * ConsumerGroupInfo.updateSubscription, PullMessageProcessor, RebalanceImpl): accepted, as
 * RocketMQ accepts them, with one subscription table per group on the broker. A topic's tags
 * follow the member with the newest subVersion, which a rebalance that changes the member's queues
 * moves on (RebalancePushImpl.messageQueueChanged); a topic the latest heartbeat does not name is
 * removed; a topic's queues are allocated over every member, subscriber or not.
 */
import { describe, expect, it } from 'vitest';
import { describeInconsistentGroup, inconsistentGroups } from '../../src/scenario/subscription-consistency.ts';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

function scenario(consumers: object[], topics = ['TopicTest']): ScenarioJson {
  return {
    version: 1, durationMs: 120_000,
    nameServers: [{ id: 'ns-1' }],
    brokers: [{ name: 'broker-a' }],
    topics: topics.map((name) => ({ name, writeQueueNums: 4, readQueueNums: 4 })),
    producers: topics.map((topic, i) => ({ id: `p-${i + 1}`, group: 'PG', topic, ratePerSec: 10, tags: ['TagA', 'TagB'] })),
    consumers,
  };
}

describe('one group, two tag subscriptions: c-1 "TagA" started at 1 s, c-2 "TagB" at 2 s', () => {
  const sim = new TestSim(scenario([
    { id: 'c-1', group: 'CG', topic: 'TopicTest', subscription: 'TagA', startAt: 1_000 },
    { id: 'c-2', group: 'CG', topic: 'TopicTest', subscription: 'TagB', startAt: 2_000 },
  ])).at(120_000);
  const tagsOf = new Map(sim.events('message.sent').map((e) => [e.msgId, e.tags]));
  // The last change of anyone's queues of TopicTest, at about 3 s: c-2 takes two of c-1's four in
  // the millisecond c-1 gives them up, so both members' versions of TopicTest are that millisecond.
  // The broker takes an expression only from a newer version (ConsumerGroupInfo.updateSubscription),
  // so of the two heartbeats the first to arrive, c-2's, puts TagB in the table for good.
  const lastChangeAt = sim.last('rebalance', { topic: 'TopicTest' })!.t;
  const changedLast = sim.events('rebalance', { topic: 'TopicTest', t: lastChangeAt }).map((e) => e.consumer);
  const switchHeartbeat = sim.first('client.heartbeat', (e) => e.group === 'CG' && e.t >= lastChangeAt && e.trigger === 'rebalance')!;
  const switchAt = switchHeartbeat.t;

  it('is accepted, with a warning naming both members', () => {
    const groups = inconsistentGroups(sim.scenario);
    expect(groups.map((g) => g.group)).toEqual(['CG']);
    expect(describeInconsistentGroup(groups[0]!)).toContain('c-1: TopicTest "TagA", c-2: TopicTest "TagB"');
  });

  it('the broker keeps one table for the group: of the members whose queues changed last, the first heard (c-2, TagB) wins', () => {
    expect(changedLast.sort()).toEqual(['c-1', 'c-2']);
    expect(switchHeartbeat.client).toBe('c-2');
    expect(sim.broker('broker-a').consumerTable['CG']!.subscriptions['TopicTest']).toBe('TagB');
  });

  it('once c-2\'s last change has reached the broker no TagA message is consumed, and TagB only on c-2\'s own queues', () => {
    expect(switchAt).toBeLessThan(3_100);
    // Messages sent a second after the switch: none was pulled under c-1's TagA any more.
    const sentAt = new Map(sim.events('message.sent').map((e) => [e.msgId, e.t]));
    const consumed = sim.events('message.consumed', (e) => e.group === 'CG' && e.topic === 'TopicTest' && sentAt.get(e.msgId)! > switchAt + 1_000);
    expect(consumed.length).toBeGreaterThan(100);
    expect(consumed.filter((e) => tagsOf.get(e.msgId) === 'TagA')).toEqual([]);
    expect(new Set(consumed.map((e) => e.consumer))).toEqual(new Set(['c-2']));
  });

  it('every message a member wanted and the group passed over is counted once and traced (message.filtered)', () => {
    const all = sim.events('message.filtered', { group: 'CG' });
    expect(new Set(all.map((e) => e.msgId)).size).toBe(all.length);
    // The summary counts those the group never consumed after all (a later owner of the queue may have).
    const consumedIds = new Set(sim.events('message.consumed', { group: 'CG' }).map((e) => e.msgId));
    expect(sim.summary().messages.filteredOut).toBe(all.filter((e) => !consumedIds.has(e.msgId)).length);
    // A pull held before the switch keeps the filter it was parked with (PullRequest keeps its
    // SubscriptionData) for up to brokerSuspendMaxTime, 15 s.
    const filtered = all.filter((e) => e.t > switchAt + 15_000 + 100);
    expect(filtered.length).toBeGreaterThan(100);
    // TagA skipped by the broker's TagB filter; TagB dropped by c-1's own TagA filter.
    expect(new Set(filtered.filter((e) => e.by === 'broker').map((e) => e.tags))).toEqual(new Set(['TagA']));
    expect(new Set(filtered.filter((e) => e.by === 'client').map((e) => e.tags))).toEqual(new Set(['TagB']));
    // Each TagA message stored below the group's offsets is explained by one of them.
    const explained = new Set(all.map((e) => e.msgId));
    const offsets = sim.summary().queues.filter((q) => q.topic === 'TopicTest');
    const behind = sim.events('message.stored', (e) => e.topic === 'TopicTest' && tagsOf.get(e.msgId) === 'TagA' && !consumedIds.has(e.msgId)
      && e.queueOffset < offsets.find((q) => q.queueId === e.queueId)!.consumerOffsets['CG']!);
    expect(behind.length).toBeGreaterThan(50);
    for (const e of behind) expect(explained.has(e.msgId)).toBe(true);
  });
});

describe('one group, two topics: c-1 on TopicA from 1 s, c-2 on TopicB from 16 s', () => {
  const sim = new TestSim(scenario([
    { id: 'c-1', group: 'CG', topic: 'TopicA' },
    { id: 'c-2', group: 'CG', topic: 'TopicB', startAt: 16_000 },
  ], ['TopicA', 'TopicB'])).at(120_000);

  it('each topic\'s queues are allocated over both members: the half given to the non-subscriber is never pulled', () => {
    const last = sim.last('rebalance', { consumer: 'c-1', topic: 'TopicA' })!;
    expect(last.queues).toHaveLength(2);
    const consumedQueues = new Set(sim.events('message.consumed', (e) => e.topic === 'TopicA' && e.t > last.t).map((e) => `${e.broker}:${e.queueId}`));
    expect(consumedQueues.size).toBeGreaterThan(0);
    for (const queue of consumedQueues) expect(last.queues).toContain(queue);
  });

  it('the group\'s table keeps only the topics of the latest heartbeat, so pulls of the other topic are refused now and then', () => {
    expect(sim.events('pull.rejected', { reason: 'SUBSCRIPTION_NOT_EXIST' }).length).toBeGreaterThan(0);
  });
});
