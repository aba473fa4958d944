/**
 * mqadmin updateTopic as an edit: a topic created at the current time on every master of a
 * cluster (-c) or on one broker (-b), as an `updateTopic` timeline action, so the run forks there.
 */
import { brokerRoles, type ModelState } from '../../sim/index.ts';

export type CreateMode = 'cluster' | 'broker';

export interface CreateTopicRequest {
  topic: string;
  mode: CreateMode;
  /** The cluster name (-c) or the brokerName (-b). */
  target: string;
  writeQueueNums: number;
  readQueueNums: number;
  perm: number;
}

/** The clusters and master brokerNames an operator can name, sorted (masters now: brokerRoles). */
export function createTargets(state: Readonly<ModelState>, mode: CreateMode): string[] {
  const roles = brokerRoles(state);
  const masters = Object.values(state.brokers).filter((broker) => roles.role[broker.node] === 'master');
  return [...new Set(masters.map((broker) => (mode === 'cluster' ? broker.cluster : broker.name)))].sort();
}

/** The scenario file with the updateTopic action added at `atMs` (validation reports a bad name by its path). */
export function addCreateTopic(source: unknown, request: CreateTopicRequest, atMs: number): unknown {
  const raw = structuredClone(source) as { timeline?: unknown[] };
  const { topic, mode, target, writeQueueNums, readQueueNums, perm } = request;
  const action = { at: Math.round(atMs), action: 'updateTopic', topic, [mode]: target, writeQueueNums, readQueueNums, perm };
  return { ...raw, timeline: [...(raw.timeline ?? []), action] };
}
