/**
 * ReplicasInfoManager and DefaultElectPolicy: the controller's table of broker groups (who is the
 * master, at which epoch, which replicas are in sync) and the rules that change it. Pure
 * functions over a ControllerState; the process around them is controller.ts.
 */
import type { ReplicaInfo } from '../remoting-types.ts';
import type { ControllerBrokerLiveInfo, ControllerState, SyncStateInfo } from '../state.ts';

export function liveKey(brokerName: string, controllerId: number): string {
  return `${brokerName}@${controllerId}`;
}

export function replicaInfoOf(info: SyncStateInfo): ReplicaInfo {
  const master = info.masterBrokerId === null ? undefined : info.replicas[info.masterBrokerId];
  return {
    brokerName: info.brokerName,
    masterBrokerId: info.masterBrokerId,
    masterAddr: master?.addr ?? null,
    masterEpoch: info.masterEpoch,
    syncStateSet: [...info.syncStateSet],
    syncStateSetEpoch: info.syncStateSetEpoch,
  };
}

/** DefaultBrokerHeartbeatManager.isBrokerActive: a heartbeat within its timeout. */
export function isBrokerActive(controller: ControllerState, brokerName: string, controllerId: number, now: number): boolean {
  const live = controller.brokerLiveTable[liveKey(brokerName, controllerId)];
  return live !== undefined && live.lastUpdateTimestamp + live.heartbeatTimeoutMillis >= now;
}

/** DefaultElectPolicy's comparator: the newest epoch, then the largest offset (then the lowest id, as the TreeSet keeps the first). */
function better(a: ControllerBrokerLiveInfo, b: ControllerBrokerLiveInfo): boolean {
  if (a.epoch !== b.epoch) return a.epoch > b.epoch;
  if (a.maxOffset !== b.maxOffset) return a.maxOffset > b.maxOffset;
  return a.controllerId < b.controllerId;
}

/**
 * DefaultElectPolicy.tryElect over the alive candidates: the old master if it is still alive,
 * else the best by (epoch, offset); null when no candidate is alive.
 */
function tryElect(controller: ControllerState, info: SyncStateInfo, candidates: number[], now: number): number | null {
  const alive = candidates.filter((id) => isBrokerActive(controller, info.brokerName, id, now));
  if (info.masterBrokerId !== null && alive.includes(info.masterBrokerId)) return info.masterBrokerId;
  let best: ControllerBrokerLiveInfo | null = null;
  for (const id of alive) {
    const live = controller.brokerLiveTable[liveKey(info.brokerName, id)]!;
    if (best === null || better(live, best)) best = live;
  }
  return best?.controllerId ?? null;
}

export type ElectResult = 'elected' | 'masterStillExists' | 'noCandidate';

/**
 * ReplicasInfoManager.electMaster: from the SyncStateSet, then (enableElectUncleanMaster only)
 * from every replica. A new master gets masterEpoch + 1 and a SyncStateSet of itself alone; with
 * none to elect, a controller-triggered election (no requester) leaves the group without a master
 * (ElectMasterEvent(false)), its set unchanged.
 */
export function electMaster(controller: ControllerState, info: SyncStateInfo, electUnclean: boolean, requester: number | null, now: number): ElectResult {
  const byController = requester === null;
  // isFirstTimeForElect: a group that never had a master takes the first broker that asks.
  let newMaster = info.masterEpoch === 0 && requester !== null ? requester : tryElect(controller, info, info.syncStateSet, now);
  if (newMaster === null && electUnclean) newMaster = tryElect(controller, info, Object.keys(info.replicas).map(Number), now);
  if (newMaster !== null && newMaster === info.masterBrokerId) return 'masterStillExists';
  if (newMaster === null) {
    // Only the controller's own trigger records that the master is gone; a broker's request changes nothing.
    if (byController) info.masterBrokerId = null;
    return 'noCandidate';
  }
  info.masterBrokerId = newMaster;
  info.masterEpoch++;
  info.syncStateSet = [newMaster];
  info.syncStateSetEpoch++;
  return 'elected';
}

/**
 * ReplicasInfoManager.alterSyncStateSet: only the current master, at the current epoch, may change
 * the set, which must contain it; every other member must be alive.
 */
export function alterSyncStateSet(controller: ControllerState, info: SyncStateInfo, masterId: number, masterEpoch: number, syncStateSet: number[], now: number): boolean {
  if (info.masterBrokerId !== masterId || info.masterEpoch !== masterEpoch || !syncStateSet.includes(masterId)) return false;
  if (syncStateSet.some((id) => id !== masterId && !isBrokerActive(controller, info.brokerName, id, now))) return false;
  info.syncStateSet = [...syncStateSet].sort((a, b) => a - b);
  info.syncStateSetEpoch++;
  return true;
}

/** scanNotActiveBroker: heartbeats older than their timeout, removed from the live table. */
export function expiredBrokers(controller: ControllerState, now: number): ControllerBrokerLiveInfo[] {
  const expired = Object.entries(controller.brokerLiveTable).filter(([, live]) => now - live.lastUpdateTimestamp > live.heartbeatTimeoutMillis);
  for (const [key] of expired) delete controller.brokerLiveTable[key];
  return expired.map(([, live]) => live);
}

/** scanNeedReelectBrokerSets: groups whose master is not alive while another replica is. */
export function needReelect(controller: ControllerState, now: number): SyncStateInfo[] {
  return Object.values(controller.syncStateSetInfoTable).filter((info) => {
    if (info.masterBrokerId === null || isBrokerActive(controller, info.brokerName, info.masterBrokerId, now)) return false;
    return Object.keys(info.replicas).some((id) => isBrokerActive(controller, info.brokerName, Number(id), now));
  });
}
