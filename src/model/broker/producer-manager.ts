/**
 * ProducerManager: the broker's table of producer groups and their channels, refreshed by the
 * producers' heartbeats (broker/.../client/ProducerManager.java). Nothing is told when it
 * changes: a broker only keeps the table to know its producers (and, for transactions, whom to
 * ask back). Channels silent for 120 s are closed and removed (scanNotActiveChannel), and so are
 * channels idle for serverChannelMaxIdleTimeSeconds (client-channel-idle.ts).
 */
import { dict } from '../../engine/index.ts';
import { PRODUCER_CHANNEL_EXPIRED_TIMEOUT_MS } from '../defaults.ts';
import { forgetClientChannel } from './client-channel-idle.ts';
import type { Sim } from '../sim-types.ts';
import type { BrokerState } from '../state.ts';
import type { ConsumerRemovalReason } from '../vocabulary.ts';

/** registerProducer: a new channel is added, a known one has its lastUpdateTimestamp refreshed. */
export function registerProducer(broker: BrokerState, node: string, groupName: string, clientId: string, now: number, sim: Sim): void {
  const channels = (broker.producerTable[groupName] ??= dict());
  const isNew = channels[clientId] === undefined;
  channels[clientId] = { node, lastUpdateTimestamp: now };
  if (isNew) sim.emit({ t: sim.now, type: 'producer.registered', broker: broker.name, brokerId: broker.brokerId, group: groupName, producer: node });
}

export function unregisterProducer(broker: BrokerState, groupName: string, clientId: string, reason: ConsumerRemovalReason, sim: Sim): void {
  const channels = broker.producerTable[groupName];
  const channel = channels?.[clientId];
  if (!channels || !channel) return;
  delete channels[clientId];
  sim.emit({ t: sim.now, type: 'producer.removed', broker: broker.name, brokerId: broker.brokerId, group: groupName, producer: channel.node, reason });
  if (Object.keys(channels).length === 0) delete broker.producerTable[groupName];
}

/** doChannelCloseEvent: the producer's TCP connection closed, or the broker closed it idle (client-channel-idle.ts). */
export function onProducerChannelClosed(broker: BrokerState, node: string, sim: Sim, reason: 'channelClosed' | 'channelIdle' = 'channelClosed'): void {
  for (const [groupName, channels] of Object.entries(broker.producerTable)) {
    for (const [clientId, channel] of Object.entries(channels)) {
      if (channel.node === node) unregisterProducer(broker, groupName, clientId, reason, sim);
    }
  }
}

/** scanNotActiveChannel, run by ClientHousekeepingService beside the consumers' scan. */
export function scanNotActiveProducerChannel(broker: BrokerState, sim: Sim): void {
  for (const [groupName, channels] of Object.entries(broker.producerTable)) {
    for (const [clientId, channel] of Object.entries(channels)) {
      if (sim.now - channel.lastUpdateTimestamp <= PRODUCER_CHANNEL_EXPIRED_TIMEOUT_MS) continue;
      unregisterProducer(broker, groupName, clientId, 'expired', sim);
      sim.net.closeConnection(broker.node, channel.node);
      forgetClientChannel(broker, channel.node);
    }
  }
}
