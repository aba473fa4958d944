/**
 * A consumer group's allocation strategy changed at a moment of the run. A running
 * DefaultMQPushConsumer takes its AllocateMessageQueueStrategy when it starts
 * (DefaultMQPushConsumerImpl.start hands it to RebalanceImpl) and offers no way to swap it while
 * it runs, so an operator redeploys the group: at that moment each consumer running then shuts
 * down (unregistering from the brokers, which makes the others rebalance) and a new one with the
 * new strategy starts. Consumers that start later just start with the new strategy, and later
 * actions aimed at a replaced consumer aim at its replacement.
 */
type Item = Record<string, unknown>;

export interface RedeployFile {
  consumers: Item[];
  timeline: Item[];
}

/** `c-2` -> `c-3` (the first number free after the prefix); the id is taken. */
export function freshId(like: string, taken: Set<string>): string {
  const prefix = like.replace(/\d+$/, '') || `${like}-`;
  let n = 1;
  while (taken.has(`${prefix}${n}`)) n++;
  const id = `${prefix}${n}`;
  taken.add(id);
  return id;
}

/** Every consumer of the group in the file, with when it starts: an initial one at its startAt, an added one at its action's time or its startAt, the later (timeline.ts startAddedClient). */
export function membersOf(file: RedeployFile, group: string): { consumer: Item; startsAt: number }[] {
  const initial = file.consumers.filter((c) => c.group === group).map((consumer) => ({ consumer, startsAt: Number(consumer.startAt ?? 0) }));
  const added = file.timeline.flatMap((action) => {
    const consumer = action.consumer as Item | undefined;
    return action.action === 'addConsumer' && consumer?.group === group ? [{ consumer, startsAt: Math.max(Number(action.at), Number(consumer.startAt ?? 0)) }] : [];
  });
  return [...initial, ...added];
}

/** Every consumer id in the file, for freshId. */
export function takenIds(file: RedeployFile): Set<string> {
  return new Set([...file.consumers.map((c) => String(c.id)), ...file.timeline.flatMap((a) => (a.consumer ? [String((a.consumer as Item).id)] : []))]);
}

/** Whether an action before or at `at` already took the consumer away (removed or crashed). */
export function goneBy(file: RedeployFile, id: unknown, at: number): boolean {
  return file.timeline.some((action) => (action.action === 'removeConsumer' || action.action === 'crashConsumer') && action.target === id && Number(action.at) <= at);
}

/** Edits the file; returns how many running consumers were replaced, or null when the group has no consumer. */
export function redeployGroup(file: RedeployFile, group: string, strategy: unknown, at: number): number | null {
  const members = membersOf(file, group);
  if (members.length === 0) return null;
  const taken = takenIds(file);
  const replaced = new Map<unknown, string>();
  const actions: Item[] = [];
  for (const { consumer, startsAt } of members) {
    if (startsAt > at || at === 0) {
      consumer.allocateStrategy = strategy;
      continue;
    }
    if (goneBy(file, consumer.id, at)) continue;
    const fresh: Item = { ...structuredClone(consumer), id: freshId(String(consumer.id), taken), allocateStrategy: strategy };
    for (const own of ['startAt', 'ip', 'instanceName']) delete fresh[own];
    replaced.set(consumer.id, String(fresh.id));
    actions.push({ at, action: 'removeConsumer', target: consumer.id }, { at, action: 'addConsumer', consumer: fresh });
  }
  for (const action of file.timeline) {
    if (Number(action.at) > at && replaced.has(action.target)) action.target = replaced.get(action.target);
  }
  file.timeline.push(...actions);
  return replaced.size;
}
