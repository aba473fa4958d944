/**
 * Pulls are filtered with the group's one subscription table (PullMessageProcessor: the pull
 * carries its own expression only with postSubscriptionWhenPull, default false). When a group's
 * members subscribe differently, a member's pull skips the messages the table's expression does
 * not match, even the ones its own subscription wants: the offset moves past them and nobody
 * in the group ever consumes them (RocketMQ's "subscriptions must be consistent" pitfall). The
 * client then drops what the broker passed but its own tags do not name. Each message some member
 * wants that a member passed over this way is counted once per group
 * (summary.messages.filteredOut) and traced (message.filtered, by the broker or the client).
 */
import { buildSubscriptionData, isMatchedByClient, isMatchedByConsumeQueue } from '../filter.ts';
import type { RemotingResponse, RequestOf } from '../remoting-types.ts';
import type { Sim } from '../sim-types.ts';
import type { BrokerState, ModelState, StoredMessage } from '../state.ts';

type PullRequest = RequestOf<'PULL_MESSAGE'>;

/** PullMessageProcessor's remark when ConsumerManager has no ConsumerGroupInfo for the pull's group. */
export const GROUP_INFO_NOT_EXIST = 'the consumer\'s group info not exist';

/**
 * The expression the broker filters this pull with: the group's, from ConsumerManager. A pull
 * carries its own expression only with postSubscriptionWhenPull (default false, not modelled), so
 * PullMessageProcessor answers SUBSCRIPTION_NOT_EXIST when the broker has no ConsumerGroupInfo for
 * the group (a broker back from a restart, before a member's heartbeat reached it), or when the
 * group's table lacks the topic (another member's heartbeat removed it).
 */
export function groupExpression(broker: BrokerState, request: Pick<PullRequest, 'group' | 'topic'>): string | RemotingResponse {
  const group = broker.consumerTable[request.group];
  if (!group) return { code: 'SUBSCRIPTION_NOT_EXIST', remark: `${GROUP_INFO_NOT_EXIST}, group: ${request.group}` };
  return group.subscriptions[request.topic] ?? { code: 'SUBSCRIPTION_NOT_EXIST', remark: `the consumer's subscription not exist, group: ${request.group}, topic: ${request.topic}` };
}

/**
 * PullMessageProcessor: the group's entry of the topic is older than the pull's subVersion, so a
 * rebalance moved the member's version on and its heartbeat has not reached this broker yet (or
 * was skipped while another round held lockHeartbeat): SUBSCRIPTION_NOT_LATEST.
 */
export function subscriptionNotLatest(broker: BrokerState, request: PullRequest): boolean {
  const version = broker.consumerTable[request.group]?.subVersions[request.topic];
  return version !== undefined && version < request.subVersion;
}

/** Whether some member of the group subscribes to this message's topic with an expression matching its tags. */
export function wantedByGroup(state: ModelState, group: string, message: StoredMessage): boolean {
  return (state.groupMembers[group] ?? []).some((member) => member.topic === message.topic
    && isMatchedByClient(buildSubscriptionData(member.subscription), message.tags));
}

/** A message a member of an inconsistent group passed over although another member wants it: counted once per group, traced. */
export function noteFilteredOut(state: ModelState, group: string, broker: string, message: StoredMessage, by: 'broker' | 'client', sim: Sim): void {
  if (!state.inconsistentGroups[group] || !wantedByGroup(state, group, message)) return;
  if (!state.stats.filteredOutIds.add(`${group}|${message.serial}`, sim.traceCount)) return;
  sim.emit({
    t: sim.now, type: 'message.filtered', group, msgId: message.msgId, broker, topic: message.topic,
    queueId: message.queueId, queueOffset: message.queueOffset, tags: message.tags, by,
  });
}

/** What the group's expression made the broker skip in [pull.queueOffset, to), for a pull answered now or a held one woken. */
export function noteSkipped(state: ModelState, broker: BrokerState, request: Pick<PullRequest, 'group' | 'topic' | 'queueId' | 'queueOffset'>, expression: string, to: number, sim: Sim): void {
  if (!state.inconsistentGroups[request.group]) return;
  const queue = broker.consumeQueues[request.topic]?.[request.queueId];
  if (!queue) return;
  const filter = buildSubscriptionData(expression);
  for (let offset = request.queueOffset; offset < to; offset++) {
    const message = broker.commitLog.at(queue.at(offset)!)!;
    if (!isMatchedByConsumeQueue(filter, message.tagsCode)) noteFilteredOut(state, request.group, broker.name, message, 'broker', sim);
  }
}
