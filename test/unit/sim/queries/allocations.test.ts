/**
 * The strategies side by side over the group's members at the playhead. Expected shares come from
 * RocketMQ's algorithms over the sorted lists (AllocateMessageQueueAveragely: blocks of
 * ceil/floor(8/3); AllocateMessageQueueAveragelyByCircle: every third queue from the member's
 * index), not from a run read back.
 */
import { allocations } from '../../../../src/sim/queries/allocations.ts';
import { Timeline } from '../../../../src/sim/timeline.ts';
import consumersChapter from '../../../../src/ui/learn/chapters/ch8-consumers.json';
import { scenarioOf, type ScenarioJson } from '../../../support/test-sim.ts';

describe('allocations: each strategy over the same sorted lists', () => {
  const timeline = new Timeline(scenarioOf(consumersChapter as ScenarioJson));
  timeline.seek(30_000);
  const queues = ['a:0', 'a:1', 'a:2', 'a:3', 'b:0', 'b:1', 'b:2', 'b:3'].map((q) => `broker-${q}`);

  it('8 queues over the 3 members of CG_ORDER: AVG gives blocks of 3, 3 and 2; AVG_BY_CIRCLE deals them round', () => {
    const answer = allocations(timeline, { group: 'CG_ORDER', topic: 'TopicTest', strategies: ['AVG', 'AVG_BY_CIRCLE', 'CONSISTENT_HASH'] });
    expect(answer.queues).toEqual(queues);
    expect(answer.members).toHaveLength(3);
    const clientIds = answer.members.map((member) => member.clientId);
    expect(clientIds).toEqual([...clientIds].sort());
    const [avg, circle, hash] = answer.shares;
    expect(avg).toEqual({ strategy: 'AVG', queues: [queues.slice(0, 3), queues.slice(3, 6), queues.slice(6)] });
    expect(circle).toEqual({ strategy: 'AVG_BY_CIRCLE', queues: [[0, 3, 6], [1, 4, 7], [2, 5]].map((ids) => ids.map((i) => queues[i])) });
    // The hash ring gives every queue to exactly one member, in shares of any size.
    expect(hash!.queues.flat().sort()).toEqual(queues);
  });

  it('agrees with the run: each member holds its AVG share (the group\'s strategy)', () => {
    const answer = allocations(timeline, { group: 'CG_ORDER', topic: 'TopicTest', strategies: ['AVG'] });
    answer.members.forEach((member, i) => {
      const consumer = timeline.state.clients[member.id]!;
      // TopicTest's queues: by 30 s a member holds its share of %RETRY%CG_ORDER too (taken at its second rebalance, 20 s after
      // the first asked a NameServer for that topic's route: findConsumerIdList).
      const held = Object.values(consumer.kind === 'consumer' ? consumer.processQueueTable : {}).filter((pq) => pq.mq.topic === 'TopicTest').map((pq) => `${pq.mq.brokerName}:${pq.mq.queueId}`).sort();
      expect(held).toEqual([...answer.shares[0]!.queues[i]!].sort());
    });
  });

  it('takes the first members only when asked: the group as it was smaller', () => {
    const answer = allocations(timeline, { group: 'CG_ORDER', topic: 'TopicTest', strategies: ['AVG'], members: 2 });
    expect(answer.members).toHaveLength(2);
    expect(answer.shares[0]!.queues).toEqual([queues.slice(0, 4), queues.slice(4)]);
  });
});
