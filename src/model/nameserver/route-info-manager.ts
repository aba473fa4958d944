/**
 * RouteInfoManager: the NameServer's route tables and the rules that change them
 * (namesrv/.../routeinfo/RouteInfoManager.java). Pure functions over a NameServerState.
 */
import { dict } from '../../engine/index.ts';
import { MASTER_ID } from '../defaults.ts';
import * as PermName from '../perm.ts';
import type { BrokerData, NameServerState, QueueData, TopicConfig, TopicRouteData } from '../state.ts';
import type { RocketMQVersion } from '../vocabulary.ts';

export interface BrokerRegistration {
  cluster: string;
  brokerName: string;
  brokerId: number;
  brokerAddr: string;
  node: string;
  topicConfigTable: Record<string, TopicConfig>;
  dataVersion: number;
  stateVersion: number;
}

/** channelIdle: the NameServer closed a channel idle for serverChannelMaxIdleTimeSeconds (channel-idle.ts). */

export interface RemovedBroker {
  brokerName: string;
  brokerId: number;
  node: string;
  /** Whether brokerAddrs lost the address: a replaced old master's is gone from it already. */
  addrRemoved: boolean;
}

/** What registerBroker did: whether the address registered first (null: refused), and the addresses brokerAddrs lost. */
export interface RegisterResult {
  first: boolean | null;
  dropped: readonly string[];
}

const NONE_DROPPED: readonly string[] = Object.freeze([]);

export function createNameServerTables(): Pick<NameServerState, 'topicQueueTable' | 'brokerAddrTable' | 'clusterAddrTable' | 'brokerLiveTable'> {
  return { topicQueueTable: dict(), brokerAddrTable: dict(), clusterAddrTable: dict(), brokerLiveTable: dict() };
}

/**
 * registerBroker: returns whether this was the first registration of that address, or null when it
 * was refused: another address holds the brokerId with a higher stateVersion (a newer master epoch,
 * controller mode), and the refused address leaves the live table. Also the addresses brokerAddrs
 * lost: the one that held the brokerId before (an old master, replaced by the elected one), or the
 * refused address when it moved from another id.
 */
export function registerBroker(ns: NameServerState, reg: BrokerRegistration, now: number, expiredTimeMs: number, version: RocketMQVersion): RegisterResult {
  const cluster = (ns.clusterAddrTable[reg.cluster] ??= []);
  if (!cluster.includes(reg.brokerName)) cluster.push(reg.brokerName);

  let registerFirst = false;
  let brokerData = ns.brokerAddrTable[reg.brokerName];
  if (!brokerData) {
    registerFirst = true;
    brokerData = { cluster: reg.cluster, brokerName: reg.brokerName, brokerAddrs: {} };
    ns.brokerAddrTable[reg.brokerName] = brokerData;
  }
  // "Switch slave to master": the same ip:port under another id is the same process, re-registered.
  let moved = false;
  for (const [id, addr] of Object.entries(brokerData.brokerAddrs)) {
    if (addr === reg.brokerAddr && Number(id) !== reg.brokerId) {
      delete brokerData.brokerAddrs[Number(id)];
      moved = true;
    }
  }
  const oldAddr = brokerData.brokerAddrs[reg.brokerId];
  const oldLive = oldAddr === undefined || oldAddr === reg.brokerAddr ? undefined : ns.brokerLiveTable[oldAddr];
  if (oldLive && oldLive.stateVersion > reg.stateVersion) {
    delete ns.brokerLiveTable[reg.brokerAddr];
    return { first: null, dropped: moved ? [reg.brokerAddr] : NONE_DROPPED };
  }
  brokerData.brokerAddrs[reg.brokerId] = reg.brokerAddr;
  registerFirst ||= oldAddr === undefined;
  const dropped = oldAddr !== undefined && oldAddr !== reg.brokerAddr ? [oldAddr] : NONE_DROPPED;

  if (mayWriteQueueData(brokerData, reg.brokerId, version)) {
    const live = ns.brokerLiveTable[reg.brokerAddr];
    // isBrokerTopicConfigChanged: queue data is rewritten only on a new DataVersion, so an
    // identical heartbeat never undoes a NameServer-side change.
    if (registerFirst || live === undefined || live.dataVersion !== reg.dataVersion) {
      for (const config of Object.values(reg.topicConfigTable)) createAndUpdateQueueData(ns, reg.brokerName, config);
    }
  }
  ns.brokerLiveTable[reg.brokerAddr] = {
    lastUpdateTimestamp: now,
    heartbeatTimeoutMillis: expiredTimeMs,
    dataVersion: reg.dataVersion,
    stateVersion: reg.stateVersion,
    node: reg.node,
    brokerName: reg.brokerName,
    brokerId: reg.brokerId,
    cluster: reg.cluster,
  };
  return { first: registerFirst, dropped };
}

/** 4.x: only the master writes queue data; 5.x also the "prime slave" (lowest id, no master present). */
function mayWriteQueueData(brokerData: BrokerData, brokerId: number, version: RocketMQVersion): boolean {
  if (brokerId === MASTER_ID) return true;
  if (version === '4.x') return false;
  const ids = Object.keys(brokerData.brokerAddrs).map(Number);
  return !ids.includes(MASTER_ID) && brokerId === Math.min(...ids);
}

function createAndUpdateQueueData(ns: NameServerState, brokerName: string, config: TopicConfig): void {
  const queueData: QueueData = {
    brokerName,
    readQueueNums: config.readQueueNums,
    writeQueueNums: config.writeQueueNums,
    perm: config.perm,
  };
  (ns.topicQueueTable[config.topicName] ??= dict())[brokerName] = queueData;
}

/**
 * operateWritePermOfBroker (WIPE_WRITE_PERM_OF_BROKER / ADD_WRITE_PERM_OF_BROKER): every topic's
 * QueueData of the brokerName loses PERM_WRITE, or becomes PERM_READ | PERM_WRITE (an inheritable
 * TBW102 loses PERM_INHERIT too, as in RocketMQ). Returns the number of topics it went through,
 * changed or not, as mqadmin prints it. Only the NameServer's copy changes: the broker's own
 * TopicConfig keeps its perm, and its next registration with a new DataVersion, or its first after
 * a restart, writes that back (registerBroker).
 */
export function operateWritePermOfBroker(ns: NameServerState, brokerName: string, wipe: boolean): number {
  let topicCount = 0;
  for (const queueDataMap of Object.values(ns.topicQueueTable)) {
    const queueData = queueDataMap[brokerName];
    if (!queueData) continue;
    // A new object: a checkpoint may still hold the old one.
    queueDataMap[brokerName] = { ...queueData, perm: writePermAfter(queueData.perm, wipe) };
    topicCount++;
  }
  return topicCount;
}

export function writePermAfter(perm: number, wipe: boolean): number {
  return wipe ? perm & ~PermName.PERM_WRITE : PermName.PERM_READ | PermName.PERM_WRITE;
}

/** unRegisterBroker (and onChannelDestroy): drop the address; drop the broker when no address is left. */
export function unregisterBroker(ns: NameServerState, brokerAddr: string): RemovedBroker | null {
  const live = ns.brokerLiveTable[brokerAddr];
  if (!live) return null;
  delete ns.brokerLiveTable[brokerAddr];
  const { brokerName, brokerId, cluster } = live;
  const brokerData = ns.brokerAddrTable[brokerName];
  const addrRemoved = brokerData?.brokerAddrs[brokerId] === brokerAddr;
  if (addrRemoved) delete brokerData!.brokerAddrs[brokerId];
  if (brokerData && Object.keys(brokerData.brokerAddrs).length === 0) {
    delete ns.brokerAddrTable[brokerName];
    removeFromCluster(ns, cluster, brokerName);
    removeTopicByBrokerName(ns, brokerName);
  }
  return { brokerName, brokerId, node: live.node, addrRemoved };
}

function removeFromCluster(ns: NameServerState, cluster: string, brokerName: string): void {
  const names = ns.clusterAddrTable[cluster];
  if (!names) return;
  const remaining = names.filter((name) => name !== brokerName);
  if (remaining.length > 0) ns.clusterAddrTable[cluster] = remaining;
  else delete ns.clusterAddrTable[cluster];
}

/** A broker with no address left disappears from every topic; topics left empty are deleted. */
function removeTopicByBrokerName(ns: NameServerState, brokerName: string): void {
  for (const [topic, queueDataMap] of Object.entries(ns.topicQueueTable)) {
    delete queueDataMap[brokerName];
    if (Object.keys(queueDataMap).length === 0) delete ns.topicQueueTable[topic];
  }
}

/** The address whose channel belongs to this network node, if any (onChannelDestroy's lookup). */
export function findAddrByNode(ns: NameServerState, node: string): string | null {
  for (const [addr, live] of Object.entries(ns.brokerLiveTable)) if (live.node === node) return addr;
  return null;
}

/** scanNotActiveBroker: every address whose lastUpdateTimestamp + timeout < now. */
export function findExpiredBrokers(ns: NameServerState, now: number): string[] {
  return Object.entries(ns.brokerLiveTable)
    .filter(([, live]) => live.lastUpdateTimestamp + live.heartbeatTimeoutMillis < now)
    .map(([addr]) => addr);
}

/** pickupTopicRouteData: the topic's QueueData plus the BrokerData of every broker named there. */
export function pickupTopicRouteData(ns: NameServerState, topic: string): TopicRouteData | null {
  const queueDataMap = ns.topicQueueTable[topic];
  if (!queueDataMap) return null;
  const queueDatas = Object.values(queueDataMap).map((queueData) => ({ ...queueData }));
  const brokerDatas: BrokerData[] = [];
  for (const queueData of queueDatas) {
    const brokerData = ns.brokerAddrTable[queueData.brokerName];
    if (brokerData) brokerDatas.push({ ...brokerData, brokerAddrs: { ...brokerData.brokerAddrs } });
  }
  if (queueDatas.length === 0 || brokerDatas.length === 0) return null;
  return { queueDatas, brokerDatas };
}

/** RegisterBrokerResult.masterAddr for a slave: its master's address while the master is registered here. */
export function masterAddrFor(ns: NameServerState, brokerName: string, brokerId: number): string | undefined {
  if (brokerId === MASTER_ID) return undefined;
  const masterAddr = ns.brokerAddrTable[brokerName]?.brokerAddrs[MASTER_ID];
  return masterAddr !== undefined && ns.brokerLiveTable[masterAddr] ? masterAddr : undefined;
}
