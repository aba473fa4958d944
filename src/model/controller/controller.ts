/**
 * The controller process (ControllerManager, DefaultBrokerHeartbeatManager, DLedgerController,
 * ControllerRequestProcessor), controller mode only. It keeps each broker group's SyncStateSet
 * and elects a new master when the master goes:
 * - at once when the master's channel closes (BrokerHousekeepingService -> onBrokerChannelClose);
 * - at the heartbeat scan (every scanNotActiveBrokerInterval 5 s, first after 2 s) that finds the
 *   master silent for more than controllerHeartBeatTimeoutMills (10 s);
 * - at the inactive-master scan (every scanInactiveMasterInterval 5 s from when it leads), which
 *   finds a master past its timeout while another replica of the group is alive.
 * The new master comes from the SyncStateSet; with enableElectUncleanMaster off, a group whose
 * in-sync replicas are all gone gets no master. RocketMQ runs the controller as a Raft group; here
 * it is one process that leads from its start (README, simplifications).
 */
import { dict } from '../../engine/index.ts';
import { noticed, type DetectionHow } from '../detections.ts';
import { oneway, reply } from '../remoting.ts';
import type { RemotingRequest, RemotingResponse, RequestOf } from '../remoting-types.ts';
import type { Sim } from '../sim-types.ts';
import type { ControllerBrokerLiveInfo, ControllerState, ModelState, SyncStateInfo } from '../state.ts';
import type { ElectionTrigger } from '../vocabulary.ts';
import { alterSyncStateSet, electMaster, expiredBrokers, isBrokerActive, liveKey, needReelect, replicaInfoOf, type ElectResult } from './replicas-info-manager.ts';

export function startController(state: ModelState, controller: ControllerState, sim: Sim): void {
  if (controller.up) return;
  controller.up = true;
  controller.epoch++;
  // Heartbeats live in memory; the groups' masters and SyncStateSets are the Raft log's, kept.
  controller.brokerLiveTable = dict();
  if (state.nodeKinds[controller.node] === 'controller') sim.net.start(controller.node);
  const { config } = state;
  controller.nextScanAt = sim.now + config.controllerScanNotActiveBrokerInitialDelayMs;
  controller.nextMasterScanAt = sim.now + config.scanInactiveMasterIntervalMs;
  sim.after(config.controllerScanNotActiveBrokerInitialDelayMs, { kind: 'controller.scanNotActiveBroker', controller: controller.node, epoch: controller.epoch });
  sim.after(config.scanInactiveMasterIntervalMs, { kind: 'controller.scanInactiveMaster', controller: controller.node, epoch: controller.epoch });
}

export function stopController(controller: ControllerState): void {
  controller.up = false;
}


/** DefaultBrokerHeartbeatManager.onBrokerHeartbeat: the epoch and offset only move forward. */
function onBrokerHeartbeat(controller: ControllerState, from: string, request: RequestOf<'BROKER_HEARTBEAT'>, now: number): void {
  const key = liveKey(request.brokerName, request.controllerId);
  const prev = controller.brokerLiveTable[key];
  const fresh: ControllerBrokerLiveInfo = {
    brokerName: request.brokerName, controllerId: request.controllerId, node: from, lastUpdateTimestamp: now,
    heartbeatTimeoutMillis: request.heartbeatTimeoutMillis, epoch: request.epoch, maxOffset: request.maxOffset,
  };
  if (!prev) {
    controller.brokerLiveTable[key] = fresh;
    return;
  }
  const newer = request.epoch > prev.epoch || (request.epoch === prev.epoch && request.maxOffset > prev.maxOffset);
  controller.brokerLiveTable[key] = newer ? fresh : { ...prev, lastUpdateTimestamp: now, node: from };
}

/**
 * ReplicasInfoManager.registerBroker answers the master only while it is alive, and a failed
 * brokerElect none (the broker then waits); getReplicaInfo answers what the table holds.
 */
function answerReplicaInfo(info: SyncStateInfo, withMaster: boolean): RemotingResponse {
  const replicaInfo = replicaInfoOf(info);
  return { code: 'SUCCESS', replicaInfo: withMaster ? replicaInfo : { ...replicaInfo, masterBrokerId: null, masterAddr: null } };
}

function masterAlive(controller: ControllerState, info: SyncStateInfo, now: number): boolean {
  return info.masterBrokerId !== null && isBrokerActive(controller, info.brokerName, info.masterBrokerId, now);
}

export function onControllerRequest(state: ModelState, controller: ControllerState, from: string, id: number | null, request: RemotingRequest, sim: Sim): void {
  if (!controller.up) return;
  const answer = (response: RemotingResponse) => {
    if (id !== null) reply(sim, controller.node, from, id, response);
  };
  const info = 'brokerName' in request ? controller.syncStateSetInfoTable[request.brokerName] : undefined;
  if (request.code === 'BROKER_HEARTBEAT') return onBrokerHeartbeat(controller, from, request, sim.now);
  if (!info) return answer({ code: 'SYSTEM_ERROR', remark: 'broker not registered' });
  switch (request.code) {
    case 'CONTROLLER_REGISTER_BROKER':
      return answer(answerReplicaInfo(info, masterAlive(controller, info, sim.now)));
    case 'CONTROLLER_GET_REPLICA_INFO':
      return answer(answerReplicaInfo(info, true));
    case 'CONTROLLER_ELECT_MASTER':
      return answer(answerReplicaInfo(info, elect(state, controller, info, 'brokerElect', sim, undefined, request.controllerId) !== 'noCandidate'));
    case 'CONTROLLER_ALTER_SYNC_STATE_SET':
      if (alterSyncStateSet(controller, info, request.controllerId, request.masterEpoch, request.syncStateSet, sim.now)) {
        sim.emit({ t: sim.now, type: 'syncStateSet.changed', controller: controller.id, broker: info.brokerName, syncStateSet: [...info.syncStateSet], syncStateSetEpoch: info.syncStateSetEpoch });
      }
      return answer(answerReplicaInfo(info, true));
    // The NameServer's, brokers' and clients' requests: ControllerRequestProcessor answers REQUEST_CODE_NOT_SUPPORTED.
    case 'REGISTER_BROKER': case 'UNREGISTER_BROKER': case 'GET_ROUTEINFO_BY_TOPIC': case 'SEND_MESSAGE': case 'HEART_BEAT':
    case 'UNREGISTER_CLIENT': case 'GET_CONSUMER_LIST_BY_GROUP': case 'QUERY_CONSUMER_OFFSET': case 'UPDATE_CONSUMER_OFFSET': case 'GET_MAX_OFFSET':
    case 'PULL_MESSAGE': case 'CONSUMER_SEND_MSG_BACK': case 'NOTIFY_CONSUMER_IDS_CHANGED': case 'GET_ALL_TOPIC_CONFIG':
    case 'GET_ALL_CONSUMER_OFFSET': case 'HA_REPORT': case 'HA_TRANSFER': case 'NOTIFY_BROKER_ROLE_CHANGED':
      return answer({ code: 'SYSTEM_ERROR', remark: `request code ${request.code} not supported` });
  }
}

const DETECTION_BY_TRIGGER: Record<ElectionTrigger, DetectionHow> = {
  channelClosed: 'controllerChannelClosed',
  expired: 'controllerExpired',
  masterInactive: 'controllerMasterInactive',
  brokerElect: 'controllerBrokerElect',
};

/**
 * ControllerManager.triggerElectMaster / a broker's CONTROLLER_ELECT_MASTER: elect, trace what
 * changed, record the detection, and tell every live broker of the group (notifyBrokerRoleChanged).
 */
function elect(state: ModelState, controller: ControllerState, info: SyncStateInfo, trigger: ElectionTrigger, sim: Sim, since?: number, requester?: number): ElectResult {
  const oldMaster = info.masterBrokerId;
  const result = electMaster(controller, info, state.config.enableElectUncleanMaster, requester ?? null, sim.now);
  // Traced when the group's master changed: a new one, or (the controller's own trigger) none.
  if (result === 'masterStillExists' || (result === 'noCandidate' && (requester !== undefined || oldMaster === null))) return result;
  sim.emit({ t: sim.now, type: 'controller.elected', controller: controller.id, broker: info.brokerName, brokerId: info.masterBrokerId, masterEpoch: info.masterEpoch, trigger });
  const oldNode = oldMaster === null ? undefined : info.replicas[oldMaster]?.node;
  const newNode = info.masterBrokerId === null ? 'none' : info.replicas[info.masterBrokerId]?.node ?? 'none';
  const sign = { how: DETECTION_BY_TRIGGER[trigger], detail: newNode, ...(since === undefined ? {} : { since }) };
  if (oldNode !== undefined) noticed(state, oldNode, controller.id, sim.now, sign);
  if (result !== 'elected') return result;
  const replicaInfo = replicaInfoOf(info);
  for (const [brokerId, replica] of Object.entries(info.replicas)) {
    if (isBrokerActive(controller, info.brokerName, Number(brokerId), sim.now)) oneway(sim, controller.node, replica.node, { code: 'NOTIFY_BROKER_ROLE_CHANGED', replicaInfo });
  }
  return result;
}

/** onBrokerInactive: only the master's going starts an election. */
function onBrokerInactive(state: ModelState, controller: ControllerState, live: ControllerBrokerLiveInfo, trigger: ElectionTrigger, sim: Sim): void {
  const info = controller.syncStateSetInfoTable[live.brokerName];
  if (!info || info.masterBrokerId !== live.controllerId) return;
  elect(state, controller, info, trigger, sim, trigger === 'channelClosed' ? undefined : live.lastUpdateTimestamp);
}

/** BrokerHousekeepingService.onChannelClose -> onBrokerChannelClose: the broker is inactive at once. */
export function onControllerChannelClosed(state: ModelState, controller: ControllerState, peer: string, sim: Sim): void {
  if (!controller.up) return;
  const entry = Object.entries(controller.brokerLiveTable).find(([, live]) => live.node === peer);
  if (!entry) return;
  delete controller.brokerLiveTable[entry[0]];
  onBrokerInactive(state, controller, entry[1], 'channelClosed', sim);
}

export function onControllerScanNotActiveBroker(state: ModelState, event: { controller: string; epoch: number }, sim: Sim): void {
  const controller = state.controllers[event.controller];
  if (!controller?.up || controller.epoch !== event.epoch) return;
  for (const live of expiredBrokers(controller, sim.now)) {
    sim.net.closeConnection(controller.node, live.node);
    onBrokerInactive(state, controller, live, 'expired', sim);
  }
  const period = state.config.controllerScanNotActiveBrokerIntervalMs;
  controller.nextScanAt = sim.now + period;
  sim.after(period, { kind: 'controller.scanNotActiveBroker', controller: controller.node, epoch: controller.epoch });
}

export function onScanInactiveMaster(state: ModelState, event: { controller: string; epoch: number }, sim: Sim): void {
  const controller = state.controllers[event.controller];
  if (!controller?.up || controller.epoch !== event.epoch) return;
  for (const info of needReelect(controller, sim.now)) {
    const master = info.masterBrokerId === null ? undefined : controller.brokerLiveTable[liveKey(info.brokerName, info.masterBrokerId)];
    elect(state, controller, info, 'masterInactive', sim, master?.lastUpdateTimestamp);
  }
  const period = state.config.scanInactiveMasterIntervalMs;
  controller.nextMasterScanAt = sim.now + period;
  sim.after(period, { kind: 'controller.scanInactiveMaster', controller: controller.node, epoch: controller.epoch });
}
