/**
 * MQClientInstance's ChannelEventListener (5.x, enableHeartbeatChannelEventListener): when a
 * client opens a new channel to an address in its brokerAddrTable (connect.ts channelActive), it
 * sends that broker its heartbeat at once and, once it is answered, wakes the rebalance
 * (onChannelActive: sendHeartbeatToBroker(..., strictLockMode false), then rebalanceImmediately,
 * which has nothing to do in a producer's instance). A producer so registers with a master at its
 * first send there.
 * A broker back from a restart has an empty consumer table and refuses the group's pulls
 * (SUBSCRIPTION_NOT_EXIST, broker/group-subscription.ts) until a heartbeat of the group reaches
 * it: a 5.x consumer's next pull opens a new channel, and its heartbeat follows at once, where a
 * 4.x consumer waits for its next periodic heartbeat.
 */
import type { RemotingResponse } from '../remoting-types.ts';
import { invoke } from '../remoting.ts';
import type { Sim } from '../sim-types.ts';
import type { ClientState, ModelState, PendingRequest } from '../state.ts';
import { heartbeatData, onHeartbeatDone } from './heartbeat.ts';
import { isLive } from './mq-client-instance.ts';
import { rebalanceImmediately } from './rebalance.ts';

/**
 * sendHeartbeatToBroker takes lockHeartbeat with tryLock: while a heartbeat round holds it (the
 * round whose own call opened the channel, say) this one is skipped. It holds the lock itself,
 * as a round of one broker.
 */
export function onChannelActive(state: ModelState, event: { client: string; epoch: number; broker: string }, sim: Sim): void {
  const client = state.clients[event.client];
  if (!isLive(client, event.epoch) || client.heartbeatRound.length > 0 || !inBrokerAddrTable(state, client, event.broker)) return;
  client.heartbeatRound.push(event.broker);
  client.heartbeatTrigger = 'channelActive';
  invoke(sim, client.id, event.broker, heartbeatData(client), state.config.mqClientApiTimeoutMs);
}

function inBrokerAddrTable(state: ModelState, client: ClientState, node: string): boolean {
  for (const addrs of Object.values(client.brokerAddrTable)) {
    for (const addr of Object.values(addrs)) if (state.addrNodes[addr] === node) return true;
  }
  return false;
}

/** A heartbeat answered; the one onChannelActive sent then wakes the rebalance (a failed one does not). */
export function onHeartbeatAnswered(state: ModelState, pending: PendingRequest, _response: RemotingResponse, sim: Sim): void {
  onHeartbeatDone(state, pending, sim);
  const client = state.clients[pending.from];
  if (pending.request.code === 'HEART_BEAT' && pending.request.trigger === 'channelActive' && client?.kind === 'consumer' && client.status === 'running') {
    rebalanceImmediately(state, client, sim);
  }
}
