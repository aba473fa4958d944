/**
 * Tag filtering, the two-stage way RocketMQ does it: the broker compares 32-bit tag hashes
 * stored in the consume queue, and the client re-checks the tag strings, so a hash collision
 * costs a wasted transfer but never a wrong delivery.
 */
import { javaStringHashCode, javaStringSplit } from './java.ts';

/** SubscriptionData.SUB_ALL. */
export const SUB_ALL = '*';

/** SubscriptionData, TAG expression type only. Arrays stand in for Java's HashSets (no duplicates). */
export interface SubscriptionData {
  readonly subString: string;
  readonly tagsSet: readonly string[];
  readonly codeSet: readonly number[];
}

/**
 * FilterAPI.buildSubscriptionData: null, "" or "*" subscribe to everything; otherwise the
 * expression is split on "||", each tag trimmed, empty ones dropped. The subString is kept as
 * written. An expression made only of "||" throws, as RocketMQ's "subString split error" does.
 */
export function buildSubscriptionData(subString: string | null | undefined): SubscriptionData {
  if (subString === null || subString === undefined || subString === '' || subString === SUB_ALL) return SUBSCRIBE_ALL;
  let data = parsedExpressions.get(subString);
  if (data === undefined) parsedExpressions.set(subString, (data = parseExpression(subString)));
  return data;
}

const SUBSCRIBE_ALL: SubscriptionData = Object.freeze({ subString: SUB_ALL, tagsSet: Object.freeze([]), codeSet: Object.freeze([]) });

/**
 * Expressions already parsed, by their text: every pull parses its group's expression on the
 * broker and again on the client, and a run has only the few its scenario names. Frozen, so
 * that no caller can change one that others share.
 */
const parsedExpressions = new Map<string, SubscriptionData>();

/** Whether buildSubscriptionData takes the expression: one made only of "||" it refuses ("subString split error"). */
export function isSplittable(subString: string): boolean {
  return javaStringSplit(subString, '||').length > 0;
}

function parseExpression(subString: string): SubscriptionData {
  const parts = javaStringSplit(subString, '||');
  if (parts.length === 0) throw new Error('subString split error');
  const tagsSet = [...new Set(parts.map((part) => part.trim()).filter((tag) => tag !== ''))];
  const codeSet = [...new Set(tagsSet.map(javaStringHashCode))];
  return Object.freeze({ subString, tagsSet: Object.freeze(tagsSet), codeSet: Object.freeze(codeSet) });
}

/**
 * MessageExtBrokerInner.tagsString2tagsCode: the tag's String.hashCode, 0 without a tag.
 * This is the 8-byte tagsCode of a consume-queue unit.
 */
export function tagsString2tagsCode(tags: string | null | undefined): number {
  return tags === null || tags === undefined || tags === '' ? 0 : javaStringHashCode(tags);
}

/**
 * ExpressionMessageFilter.isMatchedByConsumeQueue for a TAG subscription: no tagsCode or "*"
 * matches; otherwise the code, narrowed like Long.intValue(), must be in the codeSet.
 */
export function isMatchedByConsumeQueue(sub: SubscriptionData, tagsCode: number | null): boolean {
  if (tagsCode === null || sub.subString === SUB_ALL) return true;
  return sub.codeSet.includes(tagsCode | 0);
}

/**
 * PullAPIWrapper.processPullResult's second pass: with tags subscribed, keep only messages whose
 * tag string is one of them. This drops hash collisions and every message without a tag.
 */
export function isMatchedByClient(sub: SubscriptionData, tags: string | null | undefined): boolean {
  if (sub.tagsSet.length === 0) return true;
  return tags !== null && tags !== undefined && sub.tagsSet.includes(tags);
}
