/**
 * The Message tab's query by topic and store time in a share link (docs/links.md, key `tq`):
 * `<topic>.<beginMs>.<endMs>`, the topic written as the hex of its UTF-8 bytes like the names in
 * `sel`, so any topic name survives chat tools. A value that is damaged, backwards, or names a
 * topic the scenario does not have is ignored: the page opens without a query.
 */
import type { Scenario } from '../model/spec.ts';
import { fromHex, scenarioNames, toHex } from './selection-link.ts';

export interface TopicQuery {
  topic: string;
  /** Store time bounds, both included, in virtual milliseconds. */
  beginMs: number;
  endMs: number;
}

/** At most 9 digits, as the link's `t`: any run's time (24 h is 8 digits) and nothing a number cannot hold exactly. */
const TIME = /^\d{1,9}$/;

/** The `tq` value for a query. */
export function encodeTopicQuery(query: TopicQuery): string {
  return `${toHex(query.topic)}.${query.beginMs}.${query.endMs}`;
}

/** The query a `tq` value names in this scenario, or null. */
export function decodeTopicQuery(value: string | undefined, scenario: Scenario): TopicQuery | null {
  const parts = value?.split('.') ?? [];
  if (parts.length !== 3) return null;
  const [hex, begin, end] = parts as [string, string, string];
  const topic = fromHex(hex);
  if (topic === null || !TIME.test(begin) || !TIME.test(end)) return null;
  const beginMs = Number(begin);
  const endMs = Number(end);
  if (beginMs > endMs || !scenarioNames(scenario).topics.has(topic)) return null;
  return { topic, beginMs, endMs };
}
