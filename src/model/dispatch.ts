/**
 * The handler table: every event kind to the function that handles it, and every request code
 * to the actor that answers it. Network arrivals are routed by what the receiving node is.
 */
import { onConnectRetry } from './connect.ts';
import { onOnewayDropped } from './oneway-loss.ts';
import { MASTER_ID, SCAN_RESPONSE_TABLE } from './defaults.ts';
import { noticed } from './detections.ts';
import { dict, type Delivery, type HandlerTable, type NetEvent } from '../engine/index.ts';
import { onRegisterAllTimer, unregisterNext } from './broker/broker.ts';
import { onBrokerRequest, onScheduleDeliver } from './broker/broker-processor.ts';
import { forgetClientChannel } from './broker/client-channel-idle.ts';
import { onClientChannelIdleCheck, onConsumerChannelClosed, onScanNotActiveChannel } from './broker/consumer-manager.ts';
import { onFlushTick } from './broker/flush-service.ts';
import { onFlushConsumerOffsetTimer } from './broker/consumer-offset-manager.ts';
import { onProducerChannelClosed } from './broker/producer-manager.ts';
import { onSyncReplicaTimeout } from './broker/group-transfer-service.ts';
import { onHaChannelClosed, onHaReportTimer, onHaTransferTimer } from './broker/ha-service.ts';
import { onPullHoldCheck } from './broker/pull-request-hold-service.ts';
import { onCheckSyncStateSetTimer, onControllerHeartbeatTimer, onControllerResponse, onSyncBrokerMetadataTimer } from './broker/replicas-manager.ts';
import { onControllerChannelClosed, onControllerRequest, onControllerScanNotActiveBroker, onScanInactiveMaster } from './controller/controller.ts';
import { onSlaveRegistered, onSlaveSyncResponse, onSlaveSyncTimer } from './broker/slave-synchronize.ts';
import { onConsumed, sendBackHandler } from './client/consume-service.ts';
import { isSentBackAsNormal, sentBackAsNormalHandler } from './client/send-back-fallback.ts';
import { consumerRouteListener, onNotifyConsumerIdsChanged, onPersistOffsetsTimer } from './client/consumer.ts';
import { onHeartbeatDone, onHeartbeatTimer } from './client/heartbeat.ts';
import { onChannelActive, onHeartbeatAnswered } from './client/channel-active.ts';
import { onClientChannelClosed, onRouteFailure, onRouteResponse, onRouteRefreshTimer, type RouteListener } from './client/mq-client-instance.ts';
import { maxOffsetHandler, offsetQueryHandler } from './client/process-queue.ts';
import { onSendFailure, onSendResponse, onSendTimer, producerRouteListener } from './client/producer.ts';
import { onFixOffsetTimer, onPullTimer, pullHandler } from './client/pull.ts';
import { onConsumerListResponse, onRebalanceTimer } from './client/rebalance.ts';
import type { ModelEvent, TraceEvent } from './events.ts';
import { onChannelIdleCheck, onNameServerChannelClosed, onNameServerRequest, onScanNotActiveBroker } from './nameserver/nameserver.ts';
import { closeChannelOnTimeout, expiredRequests, failChannelRequests, takePending } from './remoting.ts';
import type { RemotingRequest, RemotingResponse, RequestCode, Wire } from './remoting-types.ts';
import type { FailureReason } from './vocabulary.ts';
import type { Sim } from './sim-types.ts';
import type { ClientState, ModelState, PendingRequest } from './state.ts';
import type { TraceWriter } from './trace-writer.ts';
import { onTimelineAction, startNode } from './timeline.ts';

interface ResponseHandler {
  onResponse(state: ModelState, pending: PendingRequest, response: RemotingResponse, sim: Sim): void;
  onFailure(state: ModelState, pending: PendingRequest, reason: FailureReason, sim: Sim): void;
}

function listenerOf(state: ModelState, pending: PendingRequest): RouteListener {
  return (state.clients[pending.from] as ClientState | undefined)?.kind === 'consumer' ? consumerRouteListener : producerRouteListener;
}

const ignore: ResponseHandler = { onResponse() {}, onFailure() {} };
/** SlaveSynchronize copies whatever comes back; a failure waits for the next round. */
const slaveSync: ResponseHandler = { onResponse: (state, pending, response) => onSlaveSyncResponse(state, pending, response), onFailure() {} };

/** ReplicasManager applies what the controller answers; a failure waits for the next round. */
const controllerAnswer: ResponseHandler = { onResponse: onControllerResponse, onFailure() {} };

/** What each requester does with the answer, or with the failure. */
const RESPONSE_HANDLERS: Record<RequestCode, ResponseHandler> = {
  REGISTER_BROKER: { onResponse: (state, pending, response) => onSlaveRegistered(state, pending, response), onFailure() {} },
  UNREGISTER_BROKER: {
    onResponse: (state, pending, _response, sim) => continueShutdown(state, pending, sim),
    onFailure: (state, pending, _reason, sim) => continueShutdown(state, pending, sim),
  },
  GET_ROUTEINFO_BY_TOPIC: {
    onResponse: (state, pending, response, sim) => onRouteResponse(state, pending, response, sim, listenerOf(state, pending)),
    onFailure: (state, pending, reason, sim) => onRouteFailure(state, pending, reason, sim, listenerOf(state, pending)),
  },
  // A consumer's own producer sends a failed message back as an ordinary one (send-back-fallback.ts).
  SEND_MESSAGE: {
    onResponse: (state, pending, response, sim) => (isSentBackAsNormal(pending) ? sentBackAsNormalHandler.onResponse : onSendResponse)(state, pending, response, sim),
    onFailure: (state, pending, reason, sim) => (isSentBackAsNormal(pending) ? sentBackAsNormalHandler.onFailure : onSendFailure)(state, pending, reason, sim),
  },
  BROKER_HEARTBEAT: ignore,
  CONTROLLER_REGISTER_BROKER: controllerAnswer,
  CONTROLLER_GET_REPLICA_INFO: controllerAnswer,
  CONTROLLER_ELECT_MASTER: controllerAnswer,
  CONTROLLER_ALTER_SYNC_STATE_SET: controllerAnswer,
  NOTIFY_BROKER_ROLE_CHANGED: ignore,
  HEART_BEAT: { onResponse: onHeartbeatAnswered, onFailure: (state, pending, _reason, sim) => onHeartbeatDone(state, pending, sim) },
  UNREGISTER_CLIENT: ignore,
  GET_CONSUMER_LIST_BY_GROUP: { onResponse: onConsumerListResponse, onFailure() {} },
  QUERY_CONSUMER_OFFSET: offsetQueryHandler,
  GET_MAX_OFFSET: maxOffsetHandler,
  UPDATE_CONSUMER_OFFSET: ignore,
  PULL_MESSAGE: pullHandler,
  CONSUMER_SEND_MSG_BACK: sendBackHandler,
  NOTIFY_CONSUMER_IDS_CHANGED: ignore,
  GET_ALL_TOPIC_CONFIG: slaveSync,
  GET_ALL_CONSUMER_OFFSET: slaveSync,
  HA_REPORT: ignore,
  HA_TRANSFER: ignore,
};

/** Graceful shutdown unregisters from one NameServer after another, whatever each answered. */
function continueShutdown(state: ModelState, pending: PendingRequest, sim: Sim): void {
  const broker = state.brokers[pending.from];
  if (broker?.status === 'shutdown') unregisterNext(state, broker, broker.unregisterQueue, sim);
}

function failRequest(state: ModelState, id: number, reason: FailureReason, sim: Sim): void {
  const pending = takePending(state, id);
  if (pending) RESPONSE_HANDLERS[pending.request.code].onFailure(state, pending, reason, sim);
}

/** The requests of `ids` by RequestCode, in the order they were sent. */
function countByCode(state: ModelState, ids: readonly number[]): Partial<Record<RequestCode, number>> {
  const counts: Partial<Record<RequestCode, number>> = dict();
  for (const id of ids) {
    const code = state.remoting.pending.get(id)?.request.code;
    if (code !== undefined) counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

/**
 * invokeSync's RemotingTimeoutException, thrown after it closed the channel; then the close's
 * failFast. A client learns of a broker fault by the first call of its that times out: a send says
 * so as its failed attempt, any other call (a heartbeat, a consumer-list query) by this close.
 */
function onSyncTimeout(state: ModelState, event: { id: number }, sim: Sim): void {
  const pending = takePending(state, event.id);
  if (!pending) return;
  const others = closeChannelOnTimeout(sim, pending);
  const { from, to, request: { code } } = pending;
  sim.emit({ t: sim.now, type: 'channel.closed', from, to, code, waitedMs: sim.now - pending.sentAt, failed: countByCode(state, others) });
  if (code !== 'SEND_MESSAGE' && state.clients[from]) noticed(state, to, from, sim.now, { how: 'callTimedOut', detail: code });
  RESPONSE_HANDLERS[pending.request.code].onFailure(state, pending, 'timeout', sim);
  for (const id of others) failRequest(state, id, 'channelClosed', sim);
}

function onDeliver(state: ModelState, wire: Delivery<Wire>, sim: Sim): void {
  const { to, from } = wire;
  if (wire.dir === 'response') {
    const pending = takePending(state, wire.id);
    if (pending) RESPONSE_HANDLERS[pending.request.code].onResponse(state, pending, wire.response, sim);
    return;
  }
  const id = wire.dir === 'request' ? wire.id : null;
  // An embedded controller shares its NameServer's node: controller requests go to it.
  const controller = state.controllers[to];
  if (controller && (state.nodeKinds[to] === 'controller' || isControllerRequest(wire.request))) {
    onControllerRequest(state, controller, from, id, wire.request, sim);
    return;
  }
  switch (state.nodeKinds[to]) {
    case 'nameServer':
      if (id !== null) onNameServerRequest(state, to, from, id, wire.request, sim);
      return;
    case 'broker': {
      const broker = state.brokers[to];
      if (broker) onBrokerRequest(state, broker, from, id, wire.request, sim);
      return;
    }
    case 'client': {
      const client = state.clients[to];
      if (client?.kind === 'consumer' && wire.request.code === 'NOTIFY_CONSUMER_IDS_CHANGED') onNotifyConsumerIdsChanged(state, client, sim);
      return;
    }
    case 'controller': // handled above
    case undefined: // a node the scenario never had
  }
}

function isControllerRequest(request: RemotingRequest): boolean {
  return request.code === 'BROKER_HEARTBEAT' || request.code.startsWith('CONTROLLER_');
}

function onClosed(state: ModelState, event: Extract<NetEvent<Wire>, { kind: 'net.closed' }>, sim: Sim): void {
  const { node, peer } = event;
  for (const id of failChannelRequests(state, node, peer)) failRequest(state, id, 'channelClosed', sim);
  const controller = state.controllers[node];
  if (controller) onControllerChannelClosed(state, controller, peer, sim);
  switch (state.nodeKinds[node]) {
    case 'nameServer':
      return onNameServerChannelClosed(state, node, peer, sim);
    case 'broker': {
      const broker = state.brokers[node];
      if (broker?.status !== 'running') return;
      // ClientHousekeepingService.onChannelClose: the producers' table, then the consumers'.
      forgetClientChannel(broker, peer);
      onProducerChannelClosed(broker, peer, sim);
      onConsumerChannelClosed(state, broker, peer, sim);
      onHaChannelClosed(broker, peer);
      if (broker.brokerId !== MASTER_ID && broker.haMasterAddr !== null && state.addrNodes[broker.haMasterAddr] === peer) noticed(state, peer, broker.node, sim.now, { how: 'haChannelClosed' });
      return;
    }
    case 'client': {
      const client = state.clients[node];
      if (client) onClientChannelClosed(client, peer);
      return;
    }
    case 'controller': // handled above
    case undefined: // a node the scenario never had
  }
}

export const MODEL_HANDLERS: HandlerTable<ModelState, ModelEvent, Wire, TraceEvent, TraceWriter> = {
  'net.deliver': onDeliver,
  'net.closed': onClosed,
  'rpc.timeout': onSyncTimeout,
  'remoting.scanResponseTable': (state, _event, sim) => {
    for (const id of expiredRequests(state, sim.now)) failRequest(state, id, 'timeout', sim);
    sim.after(SCAN_RESPONSE_TABLE.periodMs, { kind: 'remoting.scanResponseTable' });
  },
  'rpc.failed': (state, event, sim) => failRequest(state, event.id, event.reason, sim),
  'remoting.connectRetry': onConnectRetry,
  'remoting.onewayDropped': onOnewayDropped,
  timeline: (state, event, sim) => onTimelineAction(state, event.action, sim),
  'lifecycle.start': (state, event, sim) => startNode(state, event.node, sim),
  'nameServer.scanNotActiveBroker': onScanNotActiveBroker,
  'nameServer.channelIdleCheck': onChannelIdleCheck,
  'broker.flushCommitLog': onFlushTick,
  'broker.controllerHeartbeat': onControllerHeartbeatTimer,
  'broker.syncBrokerMetadata': onSyncBrokerMetadataTimer,
  'broker.checkSyncStateSet': onCheckSyncStateSetTimer,
  'controller.scanNotActiveBroker': onControllerScanNotActiveBroker,
  'controller.scanInactiveMaster': onScanInactiveMaster,
  'broker.registerAll': onRegisterAllTimer,
  'broker.flushConsumerOffset': onFlushConsumerOffsetTimer,
  'broker.scanNotActiveChannel': onScanNotActiveChannel,
  'broker.channelIdleCheck': onClientChannelIdleCheck,
  'broker.pullHoldCheck': onPullHoldCheck,
  'broker.scheduleDeliver': onScheduleDeliver,
  'broker.haReport': onHaReportTimer,
  'broker.haTransfer': onHaTransferTimer,
  'broker.syncReplicaTimeout': onSyncReplicaTimeout,
  'broker.slaveSync': onSlaveSyncTimer,
  'client.routeRefresh': onRouteRefreshTimer,
  'client.heartbeat': onHeartbeatTimer,
  'client.channelActive': onChannelActive,
  'consumer.persistOffsets': onPersistOffsetsTimer,
  'consumer.rebalance': onRebalanceTimer,
  'consumer.pull': onPullTimer,
  'consumer.fixOffset': onFixOffsetTimer,
  'consumer.consumed': onConsumed,
  'producer.send': onSendTimer,
};
