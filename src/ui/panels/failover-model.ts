/**
 * The failover view's data, pure functions of the run at time t: each fault with the sentences of
 * who noticed it (with the arithmetic: "idle for 120.0 s since 35.0 s"), and who believes which
 * broker is there (each NameServer's brokerAddrTable, each client's cached route) against the truth.
 */
import { brokerRoles, type BrokerRoleNow, type Detection, type FaultRecord, type ModelState, type SimConfig } from '../../sim/index.ts';
import { formatSeconds } from '../../viz/format.ts';
import type { FailoverStrings } from './failover-strings.ts';

export interface FaultView {
  key: string;
  title: string;
  sentences: string[];
}

/** The run's settings a detection's arithmetic names (controller mode). */
export type DetectionConfig = Pick<SimConfig, 'controllerHeartBeatTimeoutMs' | 'controllerScanNotActiveBrokerIntervalMs' | 'scanInactiveMasterIntervalMs'>;

/**
 * One detection said: `node` is the faulty process ("broker-a/0"), not the fault's target
 * ("broker-a"): a NameServer removes that address, and while a slave is registered broker-a stays.
 */
export function detectionSentence(detection: Detection, node: string, strings: FailoverStrings, config: DetectionConfig): string {
  const since = detection.since ?? detection.faultAt;
  return strings.sentence[detection.how]({
    outcome: strings.elected(detection.detail ?? 'none'),
    timeout: formatSeconds(config.controllerHeartBeatTimeoutMs),
    scanPeriod: formatSeconds(config.controllerScanNotActiveBrokerIntervalMs),
    masterScanPeriod: formatSeconds(config.scanInactiveMasterIntervalMs),
    party: detection.party,
    broker: node,
    at: formatSeconds(detection.noticedAt),
    after: formatSeconds(detection.noticedAt - detection.faultAt),
    since: formatSeconds(since),
    span: formatSeconds(detection.noticedAt - since),
    detail: detection.detail ?? '',
  });
}

export function faultViews(faults: readonly FaultRecord[], detections: readonly Detection[], strings: FailoverStrings, config: DetectionConfig): FaultView[] {
  return faults.map((fault) => ({
    key: `${fault.fault} ${fault.target}@${fault.at}`,
    title: strings.fault(`${fault.fault} ${fault.target}`, formatSeconds(fault.at)),
    sentences: detections.filter((d) => d.target === fault.target && d.faultAt === fault.at).map((d) => detectionSentence(d, fault.node, strings, config)),
  }));
}

export interface BeliefRow {
  /** The node, "brokerName/brokerId" as declared. */
  broker: string;
  /** Its brokerId and role now (a controller election moves brokerId 0 to another node). */
  brokerId: number;
  role: BrokerRoleNow;
  alive: boolean;
  /** Per believer (NameServer or client id): the brokerId it lists this broker's address under, or null. */
  listed: Record<string, number | null>;
}

/** The brokerId under which a table (BrokerData.brokerAddrs) holds an address, or null. */
function listedId(brokerAddrs: Record<number, string> | undefined, addr: string): number | null {
  const found = Object.entries(brokerAddrs ?? {}).find(([, listed]) => listed === addr);
  return found ? Number(found[0]) : null;
}

/** A believer is wrong to list a broker that is not alive, to miss one that is, or to list it under another brokerId. */
export function believesWrong(row: BeliefRow, listed: number | null): boolean {
  return (listed !== null) !== row.alive || (listed !== null && listed !== row.brokerId);
}

export interface Beliefs {
  believers: string[];
  rows: BeliefRow[];
}

export function beliefsAt(state: Readonly<ModelState>): Beliefs {
  const nameServers = Object.values(state.nameServers);
  const clients = Object.values(state.clients).filter((client) => client.status !== 'stopped');
  const believers = [...nameServers.map((ns) => ns.id), ...clients.map((client) => client.id)];
  const roles = brokerRoles(state);
  const rows = Object.values(state.brokers).map((broker): BeliefRow => {
    const listed: Record<string, number | null> = {};
    for (const ns of nameServers) listed[ns.id] = ns.up ? listedId(ns.brokerAddrTable[broker.name]?.brokerAddrs, broker.addr) : null;
    for (const client of clients) listed[client.id] = listedId(client.brokerAddrTable[broker.name], broker.addr);
    return { broker: broker.node, brokerId: broker.brokerId, role: roles.role[broker.node]!, alive: broker.status === 'running' && !broker.partitioned, listed };
  });
  return { believers, rows };
}
