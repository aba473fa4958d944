/**
 * The queues drawn inside the brokers, at one time: for the topic in view, the queue ids of each
 * group's host (its master, or the slave serving reads while the master is down) with their
 * message count (the ConsumeQueue's length, i.e. its maxOffset), whether producers write them
 * (a master's ids < writeQueueNums, unless the NameServers' write perm was wiped: a producer
 * never sends to a slave) and consumers may own them
 * (id < readQueueNums), how far the groups have consumed, whether it is drained (as the queue
 * panel says, queueFate), and who owns each now.
 */
import { dict, MASTER_ID, isReadable, isWriteable, type BrokerState, type ModelState } from '../../sim/index.ts';
import type { QueueSummary } from '../../sim/summary.ts';
import { queueCellId } from '../../viz/topology-layout.ts';
import { nameServerWiped, queueFate, type QueueFate } from './queue-model.ts';
import type { LinkSpec } from './topology-model.ts';

export interface CanvasQueue {
  broker: string;
  queueId: number;
  count: number;
  writable: boolean;
  readable: boolean;
  /**
   * The lowest offset the topic's groups committed, each group's the highest any replica of the
   * brokerName holds (0 when none has): a master back from a crash holds what it loaded from disk,
   * while its consumers committed their progress to the slave they read from meanwhile.
   */
  consumed: number;
  /** Consumers owning it now, by their latest rebalance. */
  owners: string[];
  /** What becomes of its messages, as the queue panel says (queueFate of the summary's queue). */
  fate: QueueFate;
  /**
   * Messages waiting on it: the lag of the group furthest behind (the summary's queues[].lag, as
   * the Queues panel shows it), or with no group reading the topic every message not consumable
   * (neverConsumable). What piles up in a crowded cluster; a heat row shades it (topology-heat.ts).
   */
  lag: number;
}

/** Loops, not arrays: called for each of a large cluster's hundreds of queues at every refresh. */
function lowestCommitted(replicas: readonly BrokerState[], topic: string, queueId: number, groups: readonly string[]): number {
  if (groups.length === 0) return 0;
  const key = `${topic}@${queueId}`;
  let lowest = Infinity;
  for (const group of groups) {
    let highest = 0;
    for (const replica of replicas) highest = Math.max(highest, replica.consumerOffsetTable[group]?.[key] ?? 0);
    lowest = Math.min(lowest, highest);
  }
  return lowest;
}

function topicGroups(state: Readonly<ModelState>, topic: string): string[] {
  const groups = new Set<string>();
  for (const client of Object.values(state.clients)) if (client.kind === 'consumer' && client.spec.topic === topic) groups.add(client.spec.group);
  return [...groups];
}

/** Owners by cell id, from the model's ownership links (queue cell -> consumer). */
export function ownersByCell(links: readonly LinkSpec[]): Record<string, string[]> {
  const owners = dict<string[]>();
  for (const link of links) if (link.kind === 'allocated' && link.from.kind === 'queue') (owners[link.from.id] ??= []).push(link.to.id);
  return owners;
}

/** The messages waiting on a summary's queue (CanvasQueue.lag). */
export function waitingOn(queue: QueueSummary): number {
  let lag = 0;
  let groups = 0;
  for (const group in queue.lag) {
    lag = Math.max(lag, queue.lag[group]!);
    groups++;
  }
  return groups === 0 ? queue.neverConsumable : lag;
}

/** The topic's queues in the summary (its queues are the masters'), by brokerName@queueId. */
function summaryQueuesOf(summary: readonly QueueSummary[], topic: string): Map<string, QueueSummary> {
  const queues = new Map<string, QueueSummary>();
  for (const queue of summary) if (queue.topic === topic) queues.set(`${queue.broker}@${queue.queueId}`, queue);
  return queues;
}

/**
 * Every drawn queue by cell id (`${hostNode}#${queueId}`), for `slots` (node -> queue ids drawn);
 * `summary` (the summary's queues at the same time) tells their fates.
 */
export function canvasQueues(
  state: Readonly<ModelState>, topic: string, slots: Record<string, number>, owners: Record<string, string[]>, summary: readonly QueueSummary[] = [],
): Record<string, CanvasQueue> {
  const groups = topicGroups(state, topic);
  const summaries = summaryQueuesOf(summary, topic);
  const queues = dict<CanvasQueue>();
  for (const [node, count] of Object.entries(slots)) {
    const broker = state.brokers[node];
    const config = broker?.topicConfigTable[topic];
    // A producer never sends to a slave, nor to queues the NameServers' route lists without W.
    const written = broker?.brokerId === MASTER_ID && config !== undefined && nameServerWiped(state, topic, broker.name, config) === null;
    const replicas = broker ? Object.values(state.brokers).filter((other) => other.name === broker.name) : [];
    for (let queueId = 0; broker && queueId < count; queueId++) {
      const id = queueCellId(node, queueId);
      const readable = config !== undefined && isReadable(config.perm) && queueId < config.readQueueNums;
      const summarized = summaries.get(`${broker.name}@${queueId}`);
      queues[id] = {
        broker: broker.name, queueId,
        count: broker.consumeQueues[topic]?.[queueId]?.length ?? 0,
        writable: written && config !== undefined && isWriteable(config.perm) && queueId < config.writeQueueNums,
        readable,
        consumed: lowestCommitted(replicas, topic, queueId, groups),
        owners: owners[id] ?? [],
        fate: summarized ? queueFate(summarized) : readable ? 'readable' : 'never',
        lag: summarized ? waitingOn(summarized) : 0,
      };
    }
  }
  return queues;
}

/** One host's drawn queues in queue id order, by cell id: one strip, one Tab stop on the canvas (TopologyQueues.tsx). */
export interface QueueStrip {
  node: string;
  cells: { cellId: string; queue: CanvasQueue }[];
  messages: number;
}

/** The strips of canvasQueues' cells, one per host node, in the order the hosts were drawn. */
export function queueStrips(queues: Record<string, CanvasQueue>): QueueStrip[] {
  const strips = new Map<string, QueueStrip>();
  for (const [cellId, queue] of Object.entries(queues)) {
    const node = cellId.slice(0, cellId.lastIndexOf('#'));
    const strip = strips.get(node) ?? { node, cells: [], messages: 0 };
    strip.cells.push({ cellId, queue });
    strip.messages += queue.count;
    strips.set(node, strip);
  }
  for (const strip of strips.values()) strip.cells.sort((a, b) => a.queue.queueId - b.queue.queueId);
  return [...strips.values()];
}
