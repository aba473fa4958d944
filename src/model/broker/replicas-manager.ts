/**
 * ReplicasManager: a broker's side of controller mode (5.x, enableControllerMode). The broker
 * registers with the controller at start and registers with the NameServers only once it knows
 * its role; it sends the controller a heartbeat every brokerHeartbeatInterval (1 s, first after
 * 1 s) and asks for its group's master every syncBrokerMetadataPeriod (5 s, first after 3 s); the
 * controller also tells it at once after an election (NOTIFY_BROKER_ROLE_CHANGED). A master runs
 * as SYNC_MASTER with brokerId 0 (changeToMaster); a slave takes the id the controller gave it
 * (changeToSlave) and first cuts its commit log back to what it shares with the new master
 * (AutoSwitchHAClient truncates to the last common epoch). A master keeps the SyncStateSet: a
 * slave joins once it holds everything (maybeExpandInSyncStateSet) and leaves after
 * haMaxTimeSlaveNotCatchup (15 s) without catching up (maybeShrinkSyncStateSet, checked every
 * checkSyncStateSetPeriod 5 s, first after 3 s); each change is reported to the controller.
 */
import { dict } from '../../engine/index.ts';
import { MASTER_ID } from '../defaults.ts';
import { noticed } from '../detections.ts';
import { invoke, oneway } from '../remoting.ts';
import type { RemotingResponse, ReplicaInfo, RequestOf } from '../remoting-types.ts';
import type { Sim } from '../sim-types.ts';
import type { BrokerState, HAConnection, ModelState, PendingRequest } from '../state.ts';
import { registerBrokerAll } from './broker.ts';
import { loseEntries } from './flush-service.ts';
import { truncateCommitLog } from './message-store.ts';
import { noteHandedOutBeyond } from './stored-behind.ts';
import { startScheduleService, stopScheduleService } from './schedule-message-service.ts';

/** BrokerOuterAPI: requests to the controller wait 3000 ms. */
const CONTROLLER_REQUEST_TIMEOUT_MS = 3_000;
/** BrokerController.scheduleSendHeartbeat: first heartbeat after 1000 ms. */
const HEARTBEAT_INITIAL_DELAY_MS = 1_000;
/** ReplicasManager: schedulingSyncBrokerMetadata and schedulingCheckSyncStateSet start after 3 s. */
const REPLICAS_TASK_INITIAL_DELAY_MS = 3_000;

/** The controller the brokers talk to: the one controller of the run (its Raft group's leader in RocketMQ). */
function controllerNode(state: ModelState): string | undefined {
  for (const id in state.controllers) return state.controllers[id]!.node;
  return undefined;
}

type ControllerRequest = RequestOf<'CONTROLLER_REGISTER_BROKER' | 'CONTROLLER_GET_REPLICA_INFO' | 'CONTROLLER_ELECT_MASTER' | 'CONTROLLER_ALTER_SYNC_STATE_SET'>;

function askController(state: ModelState, broker: BrokerState, request: ControllerRequest, sim: Sim): void {
  const node = controllerNode(state);
  if (node !== undefined) invoke(sim, broker.node, node, request, CONTROLLER_REQUEST_TIMEOUT_MS);
}

export function startReplicasManager(state: ModelState, broker: BrokerState, sim: Sim): void {
  const replicas = broker.replicas;
  replicas.roleKnown = false;
  replicas.syncStateSet = [];
  replicas.caughtUpAt = dict();
  // startBasicService: register, then a heartbeat by hand (the scheduled ones start later), then
  // brokerElect if the group has no live master. The heartbeat goes first here, so that the
  // controller counts the broker alive when it answers.
  sendHeartbeatToController(state, broker, sim);
  askController(state, broker, { code: 'CONTROLLER_REGISTER_BROKER', brokerName: broker.name, controllerId: replicas.controllerId }, sim);
  const timer = { broker: broker.node, epoch: broker.epoch };
  sim.after(HEARTBEAT_INITIAL_DELAY_MS, { kind: 'broker.controllerHeartbeat', ...timer });
  sim.after(REPLICAS_TASK_INITIAL_DELAY_MS, { kind: 'broker.syncBrokerMetadata', ...timer });
  sim.after(REPLICAS_TASK_INITIAL_DELAY_MS, { kind: 'broker.checkSyncStateSet', ...timer });
}

function runningBroker(state: ModelState, event: { broker: string; epoch: number }): BrokerState | undefined {
  const broker = state.brokers[event.broker];
  return broker?.status === 'running' && broker.epoch === event.epoch ? broker : undefined;
}

function sendHeartbeatToController(state: ModelState, broker: BrokerState, sim: Sim): void {
  const node = controllerNode(state);
  if (node === undefined) return;
  oneway(sim, broker.node, node, {
    code: 'BROKER_HEARTBEAT', brokerName: broker.name, controllerId: broker.replicas.controllerId, epoch: broker.replicas.masterEpoch,
    maxOffset: broker.maxPhyOffset, heartbeatTimeoutMillis: state.config.controllerHeartBeatTimeoutMs,
  });
}

export function onControllerHeartbeatTimer(state: ModelState, event: { broker: string; epoch: number }, sim: Sim): void {
  const broker = runningBroker(state, event);
  if (!broker) return;
  sendHeartbeatToController(state, broker, sim);
  sim.after(state.config.controllerHeartbeatIntervalMs, { kind: 'broker.controllerHeartbeat', broker: broker.node, epoch: broker.epoch });
}

export function onSyncBrokerMetadataTimer(state: ModelState, event: { broker: string; epoch: number }, sim: Sim): void {
  const broker = runningBroker(state, event);
  if (!broker) return;
  askController(state, broker, { code: 'CONTROLLER_GET_REPLICA_INFO', brokerName: broker.name }, sim);
  sim.after(state.config.syncBrokerMetadataPeriodMs, { kind: 'broker.syncBrokerMetadata', broker: broker.node, epoch: broker.epoch });
}

/** The controller's answer to a register, replica-info, elect or alter request. */
export function onControllerResponse(state: ModelState, pending: PendingRequest, response: RemotingResponse, sim: Sim): void {
  const broker = state.brokers[pending.from];
  if (broker?.status !== 'running' || !response.replicaInfo) return;
  // brokerElect is asked from a register or replica-info answer, never from an elect answer (no loop).
  applyReplicaInfo(state, broker, response.replicaInfo, pending.request.code !== 'CONTROLLER_ELECT_MASTER', sim);
}

export function onBrokerRoleChanged(state: ModelState, broker: BrokerState, replicaInfo: ReplicaInfo, sim: Sim): void {
  applyReplicaInfo(state, broker, replicaInfo, false, sim);
}

function applyReplicaInfo(state: ModelState, broker: BrokerState, info: ReplicaInfo, mayElect: boolean, sim: Sim): void {
  const replicas = broker.replicas;
  if (info.masterBrokerId === null || info.masterAddr === null) {
    // A group without a live master: ReplicasManager.brokerElect asks the controller to elect.
    if (mayElect) askController(state, broker, { code: 'CONTROLLER_ELECT_MASTER', brokerName: broker.name, controllerId: replicas.controllerId }, sim);
    return;
  }
  if (info.masterEpoch < replicas.masterEpoch) return;
  if (info.masterEpoch === replicas.masterEpoch && replicas.roleKnown) {
    if (broker.brokerId === MASTER_ID) replicas.syncStateSet = [...info.syncStateSet];
    return;
  }
  if (info.masterBrokerId === replicas.controllerId) changeToMaster(state, broker, info, sim);
  else changeToSlave(state, broker, info, sim);
}

function roleChanged(state: ModelState, broker: BrokerState, info: ReplicaInfo, sim: Sim): void {
  broker.replicas.masterEpoch = info.masterEpoch;
  broker.replicas.roleKnown = true;
  // DataVersion.nextVersion(masterEpoch): the NameServers rewrite the queue data, and the epoch
  // is the stateVersion that refuses an older master's registration.
  broker.dataVersion++;
  sim.emit({ t: sim.now, type: 'broker.roleChanged', broker: broker.name, brokerId: broker.brokerId, controllerId: broker.replicas.controllerId, role: broker.role, masterEpoch: info.masterEpoch });
  registerBrokerAll(state, broker, sim, 'roleChanged');
}

/** ReplicasManager.changeToMaster: brokerId 0, SYNC_MASTER, the controller's SyncStateSet. */
function changeToMaster(state: ModelState, broker: BrokerState, info: ReplicaInfo, sim: Sim): void {
  const oldMaster = broker.haMasterAddr === null ? undefined : state.addrNodes[broker.haMasterAddr];
  const wasSlave = broker.brokerId !== MASTER_ID;
  if (wasSlave) broker.haConnections = dict();
  Object.assign(broker, { brokerId: MASTER_ID, role: 'SYNC_MASTER', haMasterAddr: null, syncMasterAddr: null, haConnected: false });
  broker.replicas.syncStateSet = [...info.syncStateSet];
  broker.replicas.caughtUpAt = dict();
  if (oldMaster !== undefined) noticed(state, oldMaster, broker.node, sim.now, { how: 'becameMaster' });
  // What the old master handed out beyond this log, its next messages take again.
  const old = oldMaster === undefined ? undefined : state.brokers[oldMaster];
  if (old) noteHandedOutBeyond(broker, old);
  // changeSpecialServiceStatus(true); a master staying master keeps its service running.
  if (wasSlave) startScheduleService(state, broker, sim);
  roleChanged(state, broker, info, sim);
}

/** ReplicasManager.changeToSlave: its controller id, SLAVE, replicating from the new master once its log is cut back. */
function changeToSlave(state: ModelState, broker: BrokerState, info: ReplicaInfo, sim: Sim): void {
  const masterAddr = info.masterAddr!;
  if (broker.haMasterAddr !== masterAddr) {
    const newMaster = state.brokers[state.addrNodes[masterAddr] ?? ''];
    if (newMaster) cutBackTo(state, broker, newMaster, sim);
    broker.haMasterAddr = masterAddr;
    broker.haConnected = false;
  }
  broker.syncMasterAddr = masterAddr;
  broker.haConnections = dict();
  broker.syncReplicaWaits = [];
  broker.replicas.syncStateSet = [];
  Object.assign(broker, { brokerId: broker.replicas.controllerId, role: 'SLAVE' });
  stopScheduleService(broker);
  roleChanged(state, broker, info, sim);
}

/** AutoSwitchHAClient: the commit log keeps only what the new master also holds; the rest is cut off. */
function cutBackTo(state: ModelState, broker: BrokerState, master: BrokerState, sim: Sim): void {
  const limit = Math.min(broker.commitLog.length, master.commitLog.length);
  // Entries a runner reclaimed held the same storeIds in every replica of the group (reclaim.ts checks it first).
  let common = Math.min(limit, Math.max(broker.commitLog.minIndex, master.commitLog.minIndex));
  while (common < limit && broker.commitLog.at(common)!.storeId === master.commitLog.at(common)!.storeId) common++;
  if (common === broker.commitLog.length) return;
  loseEntries(state, broker, common, 'truncatedByNewMaster', sim);
  // What it handed out after the election, cut off here, the new master hands out again.
  noteHandedOutBeyond(master, broker);
  truncateCommitLog(broker, common);
}

function controllerIdNode(state: ModelState, brokerName: string, controllerId: number): string | undefined {
  return Object.values(state.brokers).find((broker) => broker.name === brokerName && broker.replicas.controllerId === controllerId)?.node;
}

function reportSyncStateSet(state: ModelState, master: BrokerState, syncStateSet: number[], sim: Sim): void {
  master.replicas.syncStateSet = syncStateSet;
  askController(state, master, {
    code: 'CONTROLLER_ALTER_SYNC_STATE_SET', brokerName: master.name, controllerId: master.replicas.controllerId,
    masterEpoch: master.replicas.masterEpoch, syncStateSet,
  }, sim);
}

/**
 * A slave's ack on a master (AutoSwitchHAConnection): caught up when it holds all that was sent
 * (updateConnectionLastCaughtUpTime); it joins the SyncStateSet once it holds everything.
 */
export function onSlaveAck(state: ModelState, master: BrokerState, connection: HAConnection, sim: Sim): void {
  if (!state.config.enableControllerMode || master.brokerId !== MASTER_ID || !master.replicas.roleKnown) return;
  if (connection.ackIndex >= connection.nextIndex) master.replicas.caughtUpAt[connection.slave] = sim.now;
  const slaveId = state.brokers[connection.slave]?.replicas.controllerId;
  const set = master.replicas.syncStateSet;
  if (slaveId === undefined || set.includes(slaveId) || connection.ackIndex < master.commitLog.length) return;
  reportSyncStateSet(state, master, [...set, slaveId].sort((a, b) => a - b), sim);
}

/** checkSyncStateSetAndDoReport: slaves not caught up for haMaxTimeSlaveNotCatchup leave the set. */
export function onCheckSyncStateSetTimer(state: ModelState, event: { broker: string; epoch: number }, sim: Sim): void {
  const master = runningBroker(state, event);
  if (!master) return;
  const { replicas } = master;
  if (master.brokerId === MASTER_ID && replicas.roleKnown) {
    const kept = replicas.syncStateSet.filter((id) => {
      if (id === replicas.controllerId) return true;
      const caughtUpAt = replicas.caughtUpAt[controllerIdNode(state, master.name, id) ?? ''];
      return caughtUpAt !== undefined && sim.now - caughtUpAt <= state.config.haMaxTimeSlaveNotCatchupMs;
    });
    if (kept.length !== replicas.syncStateSet.length) reportSyncStateSet(state, master, kept, sim);
  }
  sim.after(state.config.checkSyncStateSetPeriodMs, { kind: 'broker.checkSyncStateSet', broker: master.node, epoch: master.epoch });
}
