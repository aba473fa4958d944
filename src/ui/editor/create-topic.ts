/**
 * mqadmin updateTopic as an edit: a topic created at the current time on every master of a
 * cluster (-c) or on one broker (-b), as an `updateTopic` timeline action, so the run forks there.
 */
import { brokerRoles, type ModelState } from '../../sim/index.ts';

export type CreateMode = 'cluster' | 'broker';

interface CreateTopicRequest {
  topic: string;
  mode: CreateMode;
  /** The cluster name (-c) or the brokerName (-b). */
  target: string;
  /** -w and -r as typed: mqadmin reads them with Integer.parseInt. */
  writeQueueNums: string;
  readQueueNums: string;
  perm: number;
}

/** The clusters and master brokerNames an operator can name, sorted (masters now: brokerRoles). */
export function createTargets(state: Readonly<ModelState>, mode: CreateMode): string[] {
  const roles = brokerRoles(state);
  const masters = Object.values(state.brokers).filter((broker) => roles.role[broker.node] === 'master');
  return [...new Set(masters.map((broker) => (mode === 'cluster' ? broker.cluster : broker.name)))].sort();
}

/**
 * An option's value as UpdateTopicSubCommand reads it, Integer.parseInt(value.trim()): a number,
 * or else the text itself, where mqadmin fails with NumberFormatException instead of taking a default.
 */
function parsedOption(text: string): number | string {
  const trimmed = text.trim();
  return /^[+-]?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/**
 * The scenario file with the updateTopic action added at `atMs`. Names and counts go in as given,
 * so validation refuses a bad one by its path (`timeline[0].writeQueueNums`) with its range.
 */
export function addCreateTopic(source: unknown, request: CreateTopicRequest, atMs: number): unknown {
  const raw = structuredClone(source) as { timeline?: unknown[] };
  const { topic, mode, target, perm } = request;
  const writeQueueNums = parsedOption(request.writeQueueNums);
  const readQueueNums = parsedOption(request.readQueueNums);
  const action = { at: Math.round(atMs), action: 'updateTopic', topic, [mode]: target, writeQueueNums, readQueueNums, perm };
  return { ...raw, timeline: [...(raw.timeline ?? []), action] };
}
