/**
 * A ONEWAY send that no broker stored. The network swallowed it (its broker cut off by a
 * partition when it left, or down or cut off by the time it arrived), or the broker refused it
 * with an answer a ONEWAY send never reads (a queue id beyond the topic's counts, say). Nobody
 * answers a ONEWAY send (sendOneway), so its producer never learns of it: it is lost for good,
 * traced as message.lost (onewayNotDelivered, onewayRefused) and counted with the summary's lost.
 */
import type { Delivery } from '../engine/index.ts';
import { MASTER_ID } from './defaults.ts';
import { messageLost } from './message-lost.ts';
import type { RemotingRequest, RequestOf, Wire } from './remoting-types.ts';
import type { Sim } from './sim-types.ts';
import type { ModelState } from './state.ts';
import type { MessageLostReason } from './vocabulary.ts';

type SendRequest = RequestOf<'SEND_MESSAGE'>;

function lost(state: ModelState, request: SendRequest, brokerId: number, reason: Extract<MessageLostReason, `oneway${string}`>, sim: Sim): void {
  messageLost(state, sim, { msgId: request.message.msgId, broker: request.brokerName, brokerId, topic: request.topic, queueId: request.queueId, queueOffset: -1, reason });
}

/** The network swallowed the ONEWAY send of `request`: at once (a partition), or on arrival (the engine's onUndelivered). */
export function onewayNotDelivered(state: ModelState, request: SendRequest, sim: Sim): void {
  // A producer sends to brokerId 0 (findBrokerAddressInPublish).
  lost(state, request, MASTER_ID, 'onewayNotDelivered', sim);
}

/** The broker refused the ONEWAY send of `request`: its answer goes nowhere. */
export function onewayRefused(state: ModelState, request: SendRequest, brokerId: number, sim: Sim): void {
  lost(state, request, brokerId, 'onewayRefused', sim);
}

/** A delivery the network swallowed on arrival: a ONEWAY send among them is lost. */
export function onUndelivered(state: ModelState, delivery: Delivery<Wire>, sim: Sim): void {
  if (delivery.dir === 'oneway' && delivery.request.code === 'SEND_MESSAGE') onewayNotDelivered(state, delivery.request, sim);
}

/** A oneway request whose connect failed (invokeOneway's listener drops it): a ONEWAY send among them is lost. */
export function onOnewayDropped(state: ModelState, event: { request: RemotingRequest }, sim: Sim): void {
  if (event.request.code === 'SEND_MESSAGE') onewayNotDelivered(state, event.request, sim);
}
