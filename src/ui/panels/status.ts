import type { BrokerState } from '../../sim/index.ts';
import type { EntityStatus } from './strings.ts';

/** A running broker cut off by a partition keeps its connections but nothing gets through. */
export function brokerStatus(broker: Readonly<BrokerState>): EntityStatus {
  return broker.status === 'running' && broker.partitioned ? 'partitioned' : broker.status;
}
