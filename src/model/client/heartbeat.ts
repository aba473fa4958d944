/**
 * MQClientInstance.sendHeartbeatToAllBroker: every heartbeatBrokerInterval (first after 1 s) a
 * client sends its HeartbeatData (its producer group, or its consumer group with the
 * subscriptions) to every broker address in its brokerAddrTable. A client without a consumer
 * skips the slaves (`if (consumerEmpty && id != MixAll.MASTER_ID) continue`): a producer only
 * ever writes to masters. The broker's ProducerManager and ConsumerManager keep the channels.
 * Each heartbeat is a synchronous call (MQClientAPIImpl.sendHeartbeat, mqClientApiTimeout): one
 * that times out closes its channel (remoting.ts closeChannelOnTimeout).
 */
import { copyDict, dictFrom } from '../../engine/index.ts';
import { MASTER_ID } from '../defaults.ts';
import { invoke, oneway } from '../remoting.ts';
import type { ConsumerData, RemotingRequest, RequestOf } from '../remoting-types.ts';
import type { Sim } from '../sim-types.ts';
import type { ClientState, ConsumerState, ModelState } from '../state.ts';
import type { HeartbeatTrigger } from '../vocabulary.ts';
import { isLive } from './mq-client-instance.ts';

function consumerData(consumer: ConsumerState): ConsumerData {
  const subscriptions = dictFrom([[consumer.spec.topic, consumer.spec.subscription]]);
  if (consumer.spec.messageModel === 'CLUSTERING') subscriptions[consumer.retryTopic] = '*';
  // The versions as they are when this call is written: a rebalance may move them on before it arrives.
  return { group: consumer.spec.group, messageModel: consumer.spec.messageModel, subscriptions, subVersions: copyDict(consumer.subVersions) };
}

export function heartbeatData(client: ClientState): RequestOf<'HEART_BEAT'> {
  const trigger = client.heartbeatTrigger;
  return client.kind === 'producer'
    ? { code: 'HEART_BEAT', clientId: client.clientId, producerData: { group: client.spec.group }, consumerData: null, trigger }
    : { code: 'HEART_BEAT', clientId: client.clientId, producerData: null, consumerData: consumerData(client), trigger };
}

/**
 * One round under lockHeartbeat: a round still under way takes the lock, so the next one is
 * skipped (sendHeartbeatToAllBrokerWithLock's tryLock). The round calls one broker at a time, each
 * call waiting for its answer or its timeout before the next (a plain loop of invokeSync): a broker
 * that does not answer delays the heartbeats of the brokers after it by mqClientApiTimeout. Each
 * call carries the subscriptions as they are when it is sent (the round's HeartbeatData holds the
 * consumer's own SubscriptionData objects), so a version moved on during a round reaches the
 * brokers still to come. Like sendHeartbeatToAllBrokerWithLock it answers whether it sent: not
 * while a round holds the lock, nor with an empty brokerAddrTable.
 */
export function sendHeartbeatToAllBroker(state: ModelState, client: ClientState, sim: Sim, trigger: HeartbeatTrigger): boolean {
  if (client.heartbeatRound.length > 0) {
    // RebalanceService runs the topics one after the other, and messageQueueChanged waits for its
    // round: a topic changed during the rebalance's own round gets its round after it. A periodic
    // round (or onChannelActive's heartbeat, client/channel-active.ts) under way makes RocketMQ's
    // tryLock fail; the simulation sends the rebalance's round after it all the same
    // (docs/conventions.md: its timers meet to the millisecond at a start).
    if (trigger === 'rebalance') client.heartbeatAgain = true;
    return false;
  }
  client.heartbeatTrigger = trigger;
  let knowsBroker = false;
  for (const addrs of Object.values(client.brokerAddrTable)) {
    knowsBroker = true;
    for (const [brokerId, addr] of Object.entries(addrs)) {
      if (client.kind === 'producer' && Number(brokerId) !== MASTER_ID) continue;
      const node = state.addrNodes[addr];
      if (node !== undefined) client.heartbeatRound.push(node);
    }
  }
  sendNextHeartbeat(state, client, sim);
  return knowsBroker;
}

function sendNextHeartbeat(state: ModelState, client: ClientState, sim: Sim): void {
  const node = client.heartbeatRound[0];
  if (node !== undefined) invoke(sim, client.id, node, heartbeatData(client), state.config.mqClientApiTimeoutMs);
}

/** A heartbeat of the round answered, failed or timed out: the loop goes on to the next broker. */
export function onHeartbeatDone(state: ModelState, pending: { from: string; to: string }, sim: Sim): void {
  const client = state.clients[pending.from];
  if (client?.status !== 'running' || client.heartbeatRound[0] !== pending.to) return;
  client.heartbeatRound.shift();
  if (client.heartbeatRound.length > 0 || !client.heartbeatAgain) return sendNextHeartbeat(state, client, sim);
  client.heartbeatAgain = false;
  sendHeartbeatToAllBroker(state, client, sim, 'rebalance');
}

export function scheduleHeartbeat(state: ModelState, client: ClientState, sim: Sim): void {
  sim.after(state.config.clientHeartbeatInitialDelayMs, { kind: 'client.heartbeat', client: client.id, epoch: client.epoch });
}

export function onHeartbeatTimer(state: ModelState, event: { client: string; epoch: number }, sim: Sim): void {
  const client = state.clients[event.client];
  if (!isLive(client, event.epoch)) return;
  sendHeartbeatToAllBroker(state, client, sim, 'periodic');
  sim.after(state.config.clientHeartbeatIntervalMs, { kind: 'client.heartbeat', client: client.id, epoch: client.epoch });
}

/**
 * unregisterClient: UNREGISTER_CLIENT to every broker address the client knows, masters and slaves.
 * Oneway and all at once, where RocketMQ calls the brokers one after the other (invokeSync); each
 * still reaches its broker ahead of the close that follows on the same channel (Network.close), so
 * the broker removes the client as unregistered, not as a closed channel.
 */
export function unregisterClient(state: ModelState, client: ClientState, sim: Sim): void {
  const request: RemotingRequest = client.kind === 'producer'
    ? { code: 'UNREGISTER_CLIENT', clientId: client.clientId, producerGroup: client.spec.group, consumerGroup: null }
    : { code: 'UNREGISTER_CLIENT', clientId: client.clientId, producerGroup: null, consumerGroup: client.spec.group };
  for (const addrs of Object.values(client.brokerAddrTable)) {
    for (const addr of Object.values(addrs)) {
      const node = state.addrNodes[addr];
      if (node !== undefined) oneway(sim, client.id, node, request);
    }
  }
}
