/**
 * How each allocation strategy would share a topic's queues among a consumer group's members at
 * the playhead (client/.../consumer/rebalance/AllocateMessageQueue*.java): the lesson on
 * rebalancing shows the strategies side by side over the same lists. As RebalanceImpl.rebalanceByTopic
 * does, every member gets the same sorted mqAll (the queues of its route, MessageQueue.compareTo)
 * and cidAll (the members' clientIds, String.compareTo), and each strategy computes one member's share.
 */
import { createAllocateStrategy } from '../../model/client/allocate-strategies.ts';
import { compareMessageQueue, type MessageQueue } from '../../model/client/message-queue.ts';
import { queueLabel } from '../../model/client/topic-route.ts';
import { javaStringCompare } from '../../model/java.ts';
import type { ConsumerState } from '../../model/state.ts';
import type { AllocateStrategyName } from '../../model/vocabulary.ts';
import type { TimelineView } from '../timeline.ts';

export interface AllocationsArgs {
  group: string;
  topic: string;
  strategies: readonly AllocateStrategyName[];
  /** Only the first members by clientId (the group as it was with fewer members); all when absent. */
  members?: number;
}

export interface Allocations {
  /** mqAll as labels, "broker-a:0", in the order the strategies read it. */
  queues: string[];
  /** The members in cidAll's order: consumer id and clientId. */
  members: { id: string; clientId: string }[];
  /** Per strategy, per member (in members' order), the queues it would take. */
  shares: { strategy: AllocateStrategyName; queues: string[][] }[];
}

function runningMembers(timeline: TimelineView, group: string): ConsumerState[] {
  const consumers = Object.values(timeline.state.clients).filter((client): client is ConsumerState => client.kind === 'consumer');
  return consumers.filter((c) => c.spec.group === group && c.status === 'running').sort((a, b) => javaStringCompare(a.clientId, b.clientId));
}

export function allocations(timeline: TimelineView, { group, topic, strategies, members }: AllocationsArgs): Allocations {
  const all = runningMembers(timeline, group);
  const chosen = members === undefined ? all : all.slice(0, members);
  const mqAll: MessageQueue[] = [...(all[0]?.topicSubscribeInfoTable[topic] ?? [])].sort(compareMessageQueue);
  const cidAll = chosen.map((member) => member.clientId);
  return {
    queues: mqAll.map(queueLabel),
    members: chosen.map((member) => ({ id: member.id, clientId: member.clientId })),
    shares: strategies.map((strategy) => {
      const allocate = createAllocateStrategy(strategy);
      return { strategy, queues: cidAll.map((cid) => allocate.allocate(group, cid, mqAll, cidAll).map(queueLabel)) };
    }),
  };
}
