/**
 * The NameServer process: answers registrations and route queries from its own tables, scans
 * for brokers that stopped registering, and forgets a broker at once when its channel closes.
 * NameServers never talk to each other (docs/en/architecture.md), so they may disagree.
 */
import { dict } from '../../engine/index.ts';
import { startController } from '../controller/controller.ts';
import { nameServerDropped, noticed } from '../detections.ts';
import { reply } from '../remoting.ts';
import type { RemotingRequest } from '../remoting-types.ts';
import type { Sim } from '../sim-types.ts';
import type { ModelState, NameServerState } from '../state.ts';
import type { BrokerRemovalReason } from '../vocabulary.ts';
import { idleSince, touchBrokerChannel, type ChannelIdleCheck } from './channel-idle.ts';
import {
  createNameServerTables,
  findAddrByNode,
  findExpiredBrokers,
  masterAddrFor,
  pickupTopicRouteData,
  registerBroker,
  unregisterBroker,
} from './route-info-manager.ts';

export function startNameServer(state: ModelState, ns: NameServerState, sim: Sim): void {
  if (ns.up) return;
  // The NameServer keeps its routes in memory only: a restarted one starts empty.
  Object.assign(ns, createNameServerTables(), { up: true, epoch: ns.epoch + 1, brokerChannels: dict() });
  sim.net.start(ns.id);
  const delay = state.config.scanNotActiveBrokerInitialDelayMs;
  ns.nextScanAt = sim.now + delay;
  sim.after(delay, { kind: 'nameServer.scanNotActiveBroker', nameServer: ns.id, epoch: ns.epoch });
  // enableControllerInNamesrv: the controller runs in this process.
  const controller = state.controllers[ns.id];
  if (controller) startController(state, controller, sim);
}

export function crashNameServer(ns: NameServerState, sim: Sim): void {
  if (!ns.up) return;
  ns.up = false;
  // RouteInfoManager keeps its tables in memory only: every address it listed is gone with it.
  for (const brokerData of Object.values(ns.brokerAddrTable)) {
    for (const addr of Object.values(brokerData.brokerAddrs)) nameServerDropped(sim.state, ns.id, addr, sim.now);
  }
  sim.net.stop(ns.id);
}

export function onScanNotActiveBroker(state: ModelState, event: { nameServer: string; epoch: number }, sim: Sim): void {
  const ns = state.nameServers[event.nameServer];
  if (!ns?.up || ns.epoch !== event.epoch) return;
  for (const addr of findExpiredBrokers(ns, sim.now)) removeBroker(state, ns, addr, 'expired', sim, ns.brokerLiveTable[addr]!.lastUpdateTimestamp);
  const period = state.config.scanNotActiveBrokerIntervalMs;
  ns.nextScanAt = sim.now + period;
  sim.after(period, { kind: 'nameServer.scanNotActiveBroker', nameServer: ns.id, epoch: ns.epoch });
}

/** `since`: what the removal counted from (the channel's last activity, or the last registration). */
function removeBroker(state: ModelState, ns: NameServerState, addr: string, reason: BrokerRemovalReason, sim: Sim, since?: number): void {
  const removed = unregisterBroker(ns, addr);
  if (!removed) return;
  if (removed.addrRemoved) nameServerDropped(state, ns.id, addr, sim.now);
  sim.emit({
    t: sim.now, type: 'broker.removed', nameServer: ns.id, broker: removed.brokerName, brokerId: removed.brokerId, reason,
  });
  noticed(state, removed.node, ns.id, sim.now, since === undefined ? { how: reason } : { how: reason, since });
}

/** BrokerHousekeepingService.onChannelClose -> RouteInfoManager.onChannelDestroy: immediate removal. */
export function onNameServerChannelClosed(state: ModelState, nsId: string, peer: string, sim: Sim): void {
  const ns = state.nameServers[nsId];
  if (!ns?.up) return;
  delete ns.brokerChannels[peer];
  const addr = findAddrByNode(ns, peer);
  if (addr !== null) removeBroker(state, ns, addr, 'channelClosed', sim);
}

/** NettyConnectManageHandler on IdleStateEvent ALL_IDLE: close the channel, then onChannelIdle -> onChannelDestroy. */
export function onChannelIdleCheck(state: ModelState, event: ChannelIdleCheck, sim: Sim): void {
  const ns = state.nameServers[event.nameServer];
  if (!ns?.up || ns.epoch !== event.epoch) return;
  const since = idleSince(state, ns, event, sim);
  if (since === null) return;
  delete ns.brokerChannels[event.peer];
  sim.net.closeConnection(ns.id, event.peer);
  const addr = findAddrByNode(ns, event.peer);
  if (addr !== null) removeBroker(state, ns, addr, 'channelIdle', sim, since);
}

export function onNameServerRequest(state: ModelState, nsId: string, from: string, id: number, request: RemotingRequest, sim: Sim): void {
  const ns = state.nameServers[nsId];
  if (!ns?.up) return;
  if (state.nodeKinds[from] === 'broker') touchBrokerChannel(state, ns, from, sim);
  switch (request.code) {
    case 'REGISTER_BROKER': {
      const { first, dropped } = registerBroker(ns, { ...request, node: from }, sim.now, state.config.brokerChannelExpiredTimeMs, state.config.rocketmqVersion);
      for (const addr of dropped) nameServerDropped(state, ns.id, addr, sim.now);
      if (first === null) {
        reply(sim, nsId, from, id, { code: 'SUCCESS' });
        return;
      }
      sim.emit({
        t: sim.now, type: 'broker.registered', nameServer: ns.id, broker: request.brokerName, brokerId: request.brokerId, first, trigger: request.trigger,
      });
      const masterAddr = masterAddrFor(ns, request.brokerName, request.brokerId);
      reply(sim, nsId, from, id, masterAddr === undefined ? { code: 'SUCCESS' } : { code: 'SUCCESS', masterAddr });
      return;
    }
    case 'UNREGISTER_BROKER':
      removeBroker(state, ns, request.brokerAddr, 'unregistered', sim);
      reply(sim, nsId, from, id, { code: 'SUCCESS' });
      return;
    case 'GET_ROUTEINFO_BY_TOPIC': {
      const route = pickupTopicRouteData(ns, request.topic);
      reply(sim, nsId, from, id, route ? { code: 'SUCCESS', route } : { code: 'TOPIC_NOT_EXIST', remark: `No topic route info in name server for the topic: ${request.topic}` });
      return;
    }
    // Requests for brokers and clients: DefaultRequestProcessor answers REQUEST_CODE_NOT_SUPPORTED.
    case 'SEND_MESSAGE': case 'HEART_BEAT': case 'UNREGISTER_CLIENT': case 'GET_CONSUMER_LIST_BY_GROUP':
    case 'QUERY_CONSUMER_OFFSET': case 'UPDATE_CONSUMER_OFFSET': case 'GET_MAX_OFFSET': case 'PULL_MESSAGE': case 'CONSUMER_SEND_MSG_BACK':
    case 'NOTIFY_CONSUMER_IDS_CHANGED': case 'GET_ALL_TOPIC_CONFIG': case 'GET_ALL_CONSUMER_OFFSET': case 'HA_REPORT':
    case 'HA_TRANSFER': case 'BROKER_HEARTBEAT': case 'CONTROLLER_REGISTER_BROKER': case 'CONTROLLER_GET_REPLICA_INFO':
    case 'CONTROLLER_ELECT_MASTER': case 'CONTROLLER_ALTER_SYNC_STATE_SET': case 'NOTIFY_BROKER_ROLE_CHANGED':
      reply(sim, nsId, from, id, { code: 'SYSTEM_ERROR', remark: `request code ${request.code} not supported` });
  }
}
