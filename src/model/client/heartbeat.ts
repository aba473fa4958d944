/**
 * MQClientInstance.sendHeartbeatToAllBroker: every heartbeatBrokerInterval (first after 1 s) a
 * client sends its HeartbeatData (its producer group, or its consumer group with the
 * subscriptions) to every broker address in its brokerAddrTable. A client without a consumer
 * skips the slaves (`if (consumerEmpty && id != MixAll.MASTER_ID) continue`): a producer only
 * ever writes to masters. The broker's ProducerManager and ConsumerManager keep the channels.
 * Each heartbeat is a synchronous call (MQClientAPIImpl.sendHeartbeat, mqClientApiTimeout): one
 * that times out closes its channel (remoting.ts closeChannelOnTimeout).
 */
import { dictFrom } from '../../engine/index.ts';
import { MASTER_ID } from '../defaults.ts';
import { invoke, oneway } from '../remoting.ts';
import type { ConsumerData, RemotingRequest, RequestOf } from '../remoting-types.ts';
import type { Sim } from '../sim-types.ts';
import type { ClientState, ConsumerState, ModelState } from '../state.ts';
import { isLive } from './mq-client-instance.ts';

function consumerData(consumer: ConsumerState): ConsumerData {
  const subscriptions = dictFrom([[consumer.spec.topic, consumer.spec.subscription]]);
  if (consumer.spec.messageModel === 'CLUSTERING') subscriptions[consumer.retryTopic] = '*';
  return { group: consumer.spec.group, messageModel: consumer.spec.messageModel, subscriptions, subVersion: consumer.subVersion };
}

export function heartbeatData(client: ClientState): RequestOf<'HEART_BEAT'> {
  return client.kind === 'producer'
    ? { code: 'HEART_BEAT', clientId: client.clientId, producerData: { group: client.spec.group }, consumerData: null }
    : { code: 'HEART_BEAT', clientId: client.clientId, producerData: null, consumerData: consumerData(client) };
}

/**
 * One round under lockHeartbeat: a round still under way takes the lock, so the next one is
 * skipped (sendHeartbeatToAllBrokerWithLock's tryLock). The round calls one broker at a time, each
 * call waiting for its answer or its timeout before the next (a plain loop of invokeSync): a broker
 * that does not answer delays the heartbeats of the brokers after it by mqClientApiTimeout.
 */
export function sendHeartbeatToAllBroker(state: ModelState, client: ClientState, sim: Sim): void {
  if (client.heartbeatRound.length > 0) return;
  for (const addrs of Object.values(client.brokerAddrTable)) {
    for (const [brokerId, addr] of Object.entries(addrs)) {
      if (client.kind === 'producer' && Number(brokerId) !== MASTER_ID) continue;
      const node = state.addrNodes[addr];
      if (node !== undefined) client.heartbeatRound.push(node);
    }
  }
  sendNextHeartbeat(state, client, sim);
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
  sendNextHeartbeat(state, client, sim);
}

export function scheduleHeartbeat(state: ModelState, client: ClientState, sim: Sim): void {
  sim.after(state.config.clientHeartbeatInitialDelayMs, { kind: 'client.heartbeat', client: client.id, epoch: client.epoch });
}

export function onHeartbeatTimer(state: ModelState, event: { client: string; epoch: number }, sim: Sim): void {
  const client = state.clients[event.client];
  if (!isLive(client, event.epoch)) return;
  sendHeartbeatToAllBroker(state, client, sim);
  sim.after(state.config.clientHeartbeatIntervalMs, { kind: 'client.heartbeat', client: client.id, epoch: client.epoch });
}

/** unregisterClient: UNREGISTER_CLIENT to every broker address the client knows, masters and slaves. */
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
