/**
 * When the topology draws its crowds aggregated. A classroom cluster (a few brokers, ten
 * producers, a consumer group of ten) is drawn one process and one queue cell at a time: that
 * detail is the lesson. A large one (dozens of clients, hundreds of queues) would be thousands of
 * boxes taller than any screen, so past these counts it is drawn as a learner reads it: one node
 * per producer group and per consumer group (with its member count), each broker's queues as one
 * heat row, and the broker groups in two columns. Counts only: the same cluster is drawn the same
 * way at any width and at any moment of its run while its processes stay the same.
 */
import type { TopologyInput } from './topology-layout.ts';

/** Up to this many producers (or consumers, over all their groups) are drawn one by one. */
export const MAX_CLIENTS_EACH = 12;
/** Up to this many queue cells (over all masters) are drawn one by one, each its own button. */
export const MAX_QUEUE_CELLS_EACH = 128;
/**
 * Up to this many broker nodes stack in one column; more take two. Three masters with a slave each
 * (taking a broker out of service) stacked the third master's queue row 80 px below a 1280x800
 * screen, each slave's row pushing it down.
 */
export const MAX_BROKERS_ONE_COLUMN = 5;

export interface TopologyDensity {
  /** Producers drawn one node per producer group. */
  producersByGroup: boolean;
  /** Consumers drawn one node per consumer group, in place of the group's frame of members. */
  consumersByGroup: boolean;
  /** Each master's queues drawn as one heat row (one element), not a button per queue. */
  queueHeat: boolean;
  brokerColumns: 1 | 2;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export function topologyDensity(input: TopologyInput): TopologyDensity {
  const consumers = sum(input.consumerGroups.map((group) => group.members.length));
  const brokers = sum(input.brokerGroups.map((group) => group.members.length));
  return {
    producersByGroup: input.producerGroups !== undefined && input.producers.length > MAX_CLIENTS_EACH,
    consumersByGroup: consumers > MAX_CLIENTS_EACH,
    queueHeat: sum(Object.values(input.queueSlots ?? {})) > MAX_QUEUE_CELLS_EACH,
    brokerColumns: brokers > MAX_BROKERS_ONE_COLUMN ? 2 : 1,
  };
}

/**
 * Whether the canvas draws its dots as streams, a few per line (dot-streams.ts): whenever a crowd
 * is drawn aggregated, a dot per message piles up into bands over the nodes it flies between.
 */
export function drawsDotStreams(density: TopologyDensity): boolean {
  return density.producersByGroup || density.consumersByGroup || density.queueHeat;
}
