/**
 * Consumer groups whose members subscribe differently (another topic, other tags). RocketMQ
 * accepts them without a word, and loses messages for the group: the broker keeps one
 * subscription per group (ConsumerGroupInfo.subscriptionTable). The runner's summary and the page
 * warn about each such group.
 */
import { everyConsumer, type ConsumerSpec, type Scenario } from '../model/spec.ts';

export interface InconsistentGroup {
  group: string;
  members: { id: string; topic: string; subscription: string }[];
}

export function inconsistentGroups(scenario: Scenario): InconsistentGroup[] {
  const byGroup = new Map<string, ConsumerSpec[]>();
  for (const consumer of everyConsumer(scenario)) byGroup.set(consumer.group, [...(byGroup.get(consumer.group) ?? []), consumer]);
  const groups: InconsistentGroup[] = [];
  for (const [group, members] of byGroup) {
    const kinds = new Set(members.map((member) => `${member.topic}\u0000${member.subscription}`));
    if (kinds.size > 1) groups.push({ group, members: members.map(({ id, topic, subscription }) => ({ id, topic, subscription })) });
  }
  return groups;
}

/** The runner's warning line for one group (English: the runner speaks English). */
export function describeInconsistentGroup(group: InconsistentGroup): string {
  const members = group.members.map((member) => `${member.id}: ${member.topic} "${member.subscription}"`).join(', ');
  return `warning: the consumers of group ${group.group} subscribe differently (${members}). RocketMQ accepts this, but the broker keeps one subscription per group, so some messages are skipped for the whole group (summary.messages.filteredOut) and queues allocated to a member that does not subscribe to their topic are never pulled.`;
}
