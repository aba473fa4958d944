/**
 * ConsumerOffsetManager: the offsets consumers commit live in the broker's memory
 * (consumerOffsetTable) and reach its disk (consumerOffset.json) only when persisted: every
 * flushConsumerOffsetInterval (BrokerController, first after 10 s), at a graceful shutdown, and
 * on a slave after each sync (SlaveSynchronize.syncConsumerOffset). A restarted broker loads the
 * file, so a crash or a power loss forgets what was committed since the last persist, and the
 * queues are read again from there.
 */
import { copyDict, dictFrom } from '../../engine/index.ts';
import type { Sim } from '../sim-types.ts';
import type { BrokerState, ModelState } from '../state.ts';

/** A copy of an offset table, group by group: what a request body or the file holds, never the live table. */
export function copyOffsetTable(table: BrokerState['consumerOffsetTable']): BrokerState['consumerOffsetTable'] {
  return dictFrom(Object.entries(table).map(([group, offsets]) => [group, copyDict(offsets)]));
}

/** ConsumerOffsetManager.persist: consumerOffset.json now holds the table as it is. */
export function persistOffsets(broker: BrokerState): void {
  broker.persistedOffsetTable = copyOffsetTable(broker.consumerOffsetTable);
}

/** ConsumerOffsetManager.load, at start: the table is what the file held. */
export function loadOffsets(broker: BrokerState): void {
  broker.consumerOffsetTable = copyOffsetTable(broker.persistedOffsetTable);
}

export function startOffsetFlush(state: ModelState, broker: BrokerState, sim: Sim): void {
  sim.after(state.config.flushConsumerOffsetInitialDelayMs, { kind: 'broker.flushConsumerOffset', broker: broker.node, epoch: broker.epoch });
}

export function onFlushConsumerOffsetTimer(state: ModelState, event: { broker: string; epoch: number }, sim: Sim): void {
  const broker = state.brokers[event.broker];
  if (!broker || broker.status !== 'running' || broker.epoch !== event.epoch) return;
  persistOffsets(broker);
  sim.after(state.config.flushConsumerOffsetIntervalMs, { kind: 'broker.flushConsumerOffset', broker: broker.node, epoch: broker.epoch });
}
