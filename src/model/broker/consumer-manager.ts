/**
 * ConsumerManager: the broker's table of consumer groups and their channels, refreshed by
 * heartbeats, with NOTIFY_CONSUMER_IDS_CHANGED on join, leave, closed channel and idle close, and
 * a silent expiry after channelExpiredTimeout (broker/.../client/ConsumerManager.java), beside
 * ClientHousekeepingService, which runs both managers' scan and channel events.
 */
import { dict } from '../../engine/index.ts';
import { invokeOnewayOnChannel } from '../remoting.ts';
import type { ConsumerData } from '../remoting-types.ts';
import { clientIdleSince, forgetClientChannel, idleClientChannels, wroteToClient, type ClientChannelIdleCheck } from './client-channel-idle.ts';
import { onProducerChannelClosed, scanNotActiveProducerChannel } from './producer-manager.ts';
import type { Sim } from '../sim-types.ts';
import type { BrokerState, ConsumerGroupInfo, ModelState } from '../state.ts';
import type { ConsumerRemovalReason } from '../vocabulary.ts';

/** registerConsumer: returns whether the group's channels or subscriptions changed. */
export function registerConsumer(broker: BrokerState, node: string, clientId: string, data: ConsumerData, now: number, sim: Sim): boolean {
  const group = (broker.consumerTable[data.group] ??= {
    groupName: data.group, messageModel: data.messageModel, channels: dict(), subscriptions: dict(), subVersions: dict(),
  });
  const isNew = group.channels[clientId] === undefined;
  group.channels[clientId] = { node, lastUpdateTimestamp: now };
  const subscriptionsChanged = updateSubscription(group, data.subscriptions, data.subVersions);
  if (isNew) sim.emit({ t: sim.now, type: 'consumer.registered', broker: broker.name, brokerId: broker.brokerId, group: group.groupName, consumer: node });
  return isNew || subscriptionsChanged;
}

/**
 * ConsumerGroupInfo.updateSubscription: one table for the whole group. A topic not in it is
 * added; a topic in it takes the heartbeat's expression only when the heartbeat's subVersion of
 * that topic is newer; a topic the heartbeat does not name is removed. A member's version of a
 * topic moves on whenever a rebalance changes its queues of it (RebalancePushImpl.messageQueueChanged),
 * so members that subscribe differently leave the tags of the member whose queues changed last,
 * and topics that come and go with each heartbeat.
 */
function updateSubscription(group: ConsumerGroupInfo, incoming: Record<string, string>, subVersions: Record<string, number>): boolean {
  let changed = false;
  for (const [topic, expression] of Object.entries(incoming)) {
    const old = group.subscriptions[topic];
    const subVersion = subVersions[topic]!;
    if (old !== undefined && subVersion <= group.subVersions[topic]!) continue;
    changed ||= old !== expression;
    group.subscriptions[topic] = expression;
    group.subVersions[topic] = subVersion;
  }
  for (const topic of Object.keys(group.subscriptions)) {
    if (Object.hasOwn(incoming, topic)) continue;
    delete group.subscriptions[topic];
    delete group.subVersions[topic];
    changed = true;
  }
  return changed;
}

export function unregisterConsumer(broker: BrokerState, groupName: string, clientId: string, reason: ConsumerRemovalReason, sim: Sim): boolean {
  const group = broker.consumerTable[groupName];
  const channel = group?.channels[clientId];
  if (!group || !channel) return false;
  delete group.channels[clientId];
  sim.emit({ t: sim.now, type: 'consumer.removed', broker: broker.name, brokerId: broker.brokerId, group: groupName, consumer: channel.node, reason });
  if (Object.keys(group.channels).length === 0) delete broker.consumerTable[groupName];
  return true;
}

/**
 * DefaultConsumerIdsChangeListener CHANGE: tell every channel of the group at once
 * (Broker2Client.notifyConsumerIdsChanged writes into the channel the member opened). 5.x's
 * ConsumerManager skips a BROADCASTING group (isBroadcastMode), whose members each read every
 * queue already; 4.9.8's tells it too, and its members rebalance to the same queues.
 */
export function notifyConsumerIdsChanged(state: ModelState, broker: BrokerState, group: ConsumerGroupInfo | undefined, sim: Sim): void {
  if (!group || (group.messageModel === 'BROADCASTING' && state.config.rocketmqVersion === '5.x')) return;
  for (const channel of Object.values(group.channels)) {
    invokeOnewayOnChannel(sim, broker.node, channel.node, { code: 'NOTIFY_CONSUMER_IDS_CHANGED', group: group.groupName });
    // Written into the channel, read or not: activity for its idle close (client-channel-idle.ts).
    wroteToClient(broker, channel.node, sim.now);
  }
}

/** doChannelCloseEvent: the client's TCP connection closed, or the broker closed it idle: remove it and notify. */
export function onConsumerChannelClosed(state: ModelState, broker: BrokerState, node: string, sim: Sim, reason: 'channelClosed' | 'channelIdle' = 'channelClosed'): void {
  for (const [groupName, group] of Object.entries(broker.consumerTable)) {
    for (const [clientId, channel] of Object.entries(group.channels)) {
      if (channel.node !== node) continue;
      unregisterConsumer(broker, groupName, clientId, reason, sim);
      notifyConsumerIdsChanged(state, broker, broker.consumerTable[groupName], sim);
    }
  }
}

/**
 * ClientHousekeepingService every 10 s: the producers' scan (producer-manager.ts), then the
 * consumers': channels silent for channelExpiredTimeout are closed and removed without a CHANGE.
 * A channel whose idle close falls at this very instant (IdleStateHandler's timer and the scan
 * run on threads of their own) is taken to be closed idle first.
 */
export function onScanNotActiveChannel(state: ModelState, event: { broker: string; epoch: number }, sim: Sim): void {
  const broker = state.brokers[event.broker];
  if (!broker || broker.status !== 'running' || broker.epoch !== event.epoch) return;
  for (const peer of idleClientChannels(state, broker, sim.now)) closeIdleChannel(state, broker, peer, sim);
  scanNotActiveProducerChannel(broker, sim);
  const timeout = state.config.channelExpiredTimeoutMs;
  for (const [groupName, group] of Object.entries(broker.consumerTable)) {
    for (const [clientId, channel] of Object.entries(group.channels)) {
      if (sim.now - channel.lastUpdateTimestamp > timeout) {
        unregisterConsumer(broker, groupName, clientId, 'expired', sim);
        sim.net.closeConnection(broker.node, channel.node);
        forgetClientChannel(broker, channel.node);
      }
    }
  }
  broker.nextChannelScanAt = sim.now + state.config.clientChannelScanIntervalMs;
  sim.after(state.config.clientChannelScanIntervalMs, { kind: 'broker.scanNotActiveChannel', broker: broker.node, epoch: broker.epoch });
}

/** NettyConnectManageHandler on IdleStateEvent ALL_IDLE: close the channel, then ClientHousekeepingService.onChannelIdle. */
export function onClientChannelIdleCheck(state: ModelState, event: ClientChannelIdleCheck, sim: Sim): void {
  const broker = state.brokers[event.broker];
  if (!broker || broker.status !== 'running' || broker.epoch !== event.epoch) return;
  if (clientIdleSince(state, broker, event, sim) !== null) closeIdleChannel(state, broker, event.peer, sim);
}

/** onChannelIdle: ProducerManager, then ConsumerManager.doChannelCloseEvent, as for a closed channel (a consumer's group gets a CHANGE). */
function closeIdleChannel(state: ModelState, broker: BrokerState, peer: string, sim: Sim): void {
  forgetClientChannel(broker, peer);
  sim.net.closeConnection(broker.node, peer);
  onProducerChannelClosed(broker, peer, sim, 'channelIdle');
  onConsumerChannelClosed(state, broker, peer, sim, 'channelIdle');
}
