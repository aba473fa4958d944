/**
 * The queue panel at size. A cluster past the canvas's count of queue cells (topology-density.ts:
 * ten masters of 64 queues each) would draw hundreds of near-identical cards, the few queues that
 * fall behind lost among them; the panel then follows the canvas's rule and shows one row per
 * broker: its messages, the least and the most any group lags behind on one of its queues, and
 * its queues furthest behind first. A broker's cards open on demand.
 */
import { MAX_QUEUE_CELLS_EACH } from '../../viz/topology-density.ts';
import type { BrokerQueues, QueueCell } from './queue-model.ts';

/** How many of a broker's queues furthest behind its row names. */
const WORST_QUEUES_SHOWN = 5;

export interface BrokerQueueSummary {
  /** Messages in all the broker's queues (the sum of their ConsumeQueue maxOffsets). */
  messages: number;
  /** The smallest and the largest lag among its queues (each queue's largest over the groups). */
  minLag: number;
  maxLag: number;
  /** Messages written where no consumer is given them (readQueueNums <= id < writeQueueNums). */
  neverConsumable: number;
  /** Its queues with a lag or unconsumable messages, furthest behind first, at most WORST_QUEUES_SHOWN. */
  worst: { queueId: number; lag: number; neverConsumable: number }[];
}

/** A queue's lag: the group furthest behind on it (ConsumerOffsetManager keeps one offset per group). */
function lagOf(cell: QueueCell): number {
  return Object.values(cell.lag).reduce((most, lag) => Math.max(most, lag), 0);
}

/** The panel's queue cells: every user topic's queues on every master. */
export function queueCellCount(topics: readonly { brokers: readonly BrokerQueues[] }[]): number {
  let cells = 0;
  for (const topic of topics) for (const row of topic.brokers) cells += row.cells.length;
  return cells;
}

/** Whether the panel draws one row per broker: more queue cells than the canvas draws one by one. */
export function queuesCondensed(cells: number): boolean {
  return cells > MAX_QUEUE_CELLS_EACH;
}

export function brokerQueueSummary(row: BrokerQueues): BrokerQueueSummary {
  const lags = row.cells.map(lagOf);
  const ranked = row.cells
    .map((cell, index) => ({ queueId: cell.queueId, lag: lags[index]!, neverConsumable: cell.neverConsumable }))
    .filter((queue) => queue.lag > 0 || queue.neverConsumable > 0)
    .sort((a, b) => b.lag + b.neverConsumable - (a.lag + a.neverConsumable) || a.queueId - b.queueId);
  return {
    messages: row.cells.reduce((total, cell) => total + cell.count, 0),
    minLag: lags.length === 0 ? 0 : Math.min(...lags),
    maxLag: lags.length === 0 ? 0 : Math.max(...lags),
    neverConsumable: row.cells.reduce((total, cell) => total + cell.neverConsumable, 0),
    worst: ranked.slice(0, WORST_QUEUES_SHOWN),
  };
}
