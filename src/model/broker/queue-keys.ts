/**
 * The string keys of a broker's per-queue and per-group tables, each made once: a key is looked
 * up for every stored message, every pull and every committed offset, and a key built with a
 * template each time is a new string that the lookup must flatten and hash first.
 */

/** "topic@queueId" (PullRequestHoldService.buildKey; a group's offsets by queue in ConsumerOffsetManager), by topic, then queue id. */
const topicQueueKeys = new Map<string, string[]>();

export function topicQueueKey(topic: string, queueId: number): string {
  let keys = topicQueueKeys.get(topic);
  if (keys === undefined) topicQueueKeys.set(topic, (keys = []));
  return (keys[queueId] ??= `${topic}@${queueId}`);
}

/** "topic@group" (BrokerStatsManager.buildStatsKey), by topic, then group. */
const statsKeys = new Map<string, Map<string, string>>();

export function statsKey(topic: string, group: string): string {
  let keys = statsKeys.get(topic);
  if (keys === undefined) statsKeys.set(topic, (keys = new Map()));
  let key = keys.get(group);
  if (key === undefined) keys.set(group, (key = `${topic}@${group}`));
  return key;
}
