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
import type { ConsumerData, RemotingRequest } from '../remoting-types.ts';
import type { Sim } from '../sim-types.ts';
import type { ClientState, ConsumerState, ModelState } from '../state.ts';
import { isLive } from './mq-client-instance.ts';

function consumerData(consumer: ConsumerState): ConsumerData {
  const subscriptions = dictFrom([[consumer.spec.topic, consumer.spec.subscription]]);
  if (consumer.spec.messageModel === 'CLUSTERING') subscriptions[consumer.retryTopic] = '*';
  return { group: consumer.spec.group, messageModel: consumer.spec.messageModel, subscriptions, subVersion: consumer.spec.startAt };
}

function heartbeatData(client: ClientState): RemotingRequest {
  return client.kind === 'producer'
    ? { code: 'HEART_BEAT', clientId: client.clientId, producerData: { group: client.spec.group }, consumerData: null }
    : { code: 'HEART_BEAT', clientId: client.clientId, producerData: null, consumerData: consumerData(client) };
}

export function sendHeartbeatToAllBroker(state: ModelState, client: ClientState, sim: Sim): void {
  const request = heartbeatData(client);
  for (const addrs of Object.values(client.brokerAddrTable)) {
    for (const [brokerId, addr] of Object.entries(addrs)) {
      if (client.kind === 'producer' && Number(brokerId) !== MASTER_ID) continue;
      const node = state.addrNodes[addr];
      if (node !== undefined) invoke(sim, client.id, node, request, state.config.mqClientApiTimeoutMs);
    }
  }
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
