/**
 * A consumer group with more or fewer consumers from a moment of the run: consumers started or
 * shut down at `at`, as an operator scales a deployment. RocketMQ rebalances the group at once
 * either way: a new consumer's first heartbeat (DefaultMQPushConsumerImpl.start) and a leaving
 * one's UNREGISTER_CLIENT make each broker's ConsumerManager raise CHANGE, and
 * DefaultConsumerIdsChangeListener sends NOTIFY_CONSUMER_IDS_CHANGED to every channel of the
 * group, which wakes each member's RebalanceService (no sooner than its 1 s minInterval in 5.x);
 * the new consumer also rebalances at the end of its own start. Without that notice the next
 * rebalance would wait for RebalanceService's 20 s period.
 */
import type { Scenario } from '../../model/spec.ts';
import { quote, type Said } from '../../scenario/messages.ts';
import { freshId, goneBy, membersOf, takenIds, type RedeployFile } from './what-if-redeploy.ts';

type Item = Record<string, unknown>;

/** The most consumers a what-if may give a group (a bigger group is a scenario of its own). */
const MAX_GROUP_CONSUMERS = 64;

/** The group's members running at `at` (started by then, not removed or crashed), oldest first. */
function runningAt(file: RedeployFile, group: string, at: number): { consumer: Item; startsAt: number }[] {
  return membersOf(file, group)
    .filter(({ consumer, startsAt }) => startsAt <= at && !goneBy(file, consumer.id, at))
    .sort((a, b) => a.startsAt - b.startsAt);
}

/** How many consumers of the group run at `at` in the scenario (the what-if's current value). */
export function groupSizeAt(scenario: Scenario, group: string, at: number): number {
  // Read only: the scenario's consumers and actions are the file's items, typed.
  return runningAt(scenario as unknown as RedeployFile, group, at).length;
}

export interface Resized {
  added: number;
  removed: number;
}

export function noGroup(group: string): Said {
  return { en: `no consumer group named ${quote(group)}`, zh: `没有名为 ${quote(group)} 的消费者组` };
}

/**
 * Edits the file so that `count` consumers of the group run from `at`: copies of a member (new ids)
 * start then, or the newest running members shut down then. A message when it cannot be done.
 */
export function resizeGroup(file: RedeployFile, group: string, count: unknown, at: number): Resized | Said {
  const members = membersOf(file, group);
  if (members.length === 0) return noGroup(group);
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > MAX_GROUP_CONSUMERS) {
    return { en: `the number of consumers must be a whole number from 0 to ${MAX_GROUP_CONSUMERS}`, zh: `消费者数必须是 0 到 ${MAX_GROUP_CONSUMERS} 之间的整数` };
  }
  const running = runningAt(file, group, at);
  if (count < running.length) {
    const leaving = running.slice(count).reverse();
    file.timeline.push(...leaving.map(({ consumer }) => ({ at, action: 'removeConsumer', target: consumer.id })));
    return { added: 0, removed: leaving.length };
  }
  const like = (running.at(-1) ?? members[0]!).consumer;
  const taken = takenIds(file);
  for (let i = running.length; i < count; i++) {
    const fresh: Item = { ...structuredClone(like), id: freshId(String(like.id), taken) };
    for (const own of ['startAt', 'ip', 'instanceName']) delete fresh[own];
    file.timeline.push({ at, action: 'addConsumer', consumer: fresh });
  }
  return { added: count - running.length, removed: 0 };
}
