/**
 * What the NameServer panel shows: each NameServer's brokerLiveTable with the time since each
 * broker's last registration and the countdown to its expiry, the next scanNotActiveBroker,
 * its routes per topic, and where NameServers disagree about which brokers exist.
 */
import { isSystemTopic, perm2String, type ModelState, type NameServerState } from '../../sim/index.ts';
import { compareText } from '../order.ts';

interface LiveBrokerRow {
  addr: string;
  brokerName: string;
  brokerId: number;
  sinceMs: number;
  /** Time left before lastUpdateTimestamp + heartbeatTimeoutMillis (negative once overdue). */
  expiresInMs: number;
  timeoutMs: number;
}

export interface RouteRow {
  topic: string;
  /** perm as perm2String gives it ("R--" after mqadmin wipeWritePerm). */
  brokers: { brokerName: string; writeQueueNums: number; readQueueNums: number; perm: string }[];
}

export interface NameServerView {
  id: string;
  ip: string;
  up: boolean;
  brokers: LiveBrokerRow[];
  nextScanInMs: number;
  routes: RouteRow[];
  /** The system topics (TBW102, %RETRY%<group>, %DLQ%<group>...) this NameServer holds, not listed among the routes. */
  systemTopics: string[];
}

export interface Disagreement {
  /** `broker-a/0` */
  broker: string;
  listedBy: string[];
  notListedBy: string[];
}

function liveRows(ns: NameServerState, timeMs: number): LiveBrokerRow[] {
  return Object.entries(ns.brokerLiveTable)
    .map(([addr, info]) => ({
      addr, brokerName: info.brokerName, brokerId: info.brokerId, sinceMs: timeMs - info.lastUpdateTimestamp,
      expiresInMs: info.lastUpdateTimestamp + info.heartbeatTimeoutMillis - timeMs, timeoutMs: info.heartbeatTimeoutMillis,
    }))
    .sort((a, b) => compareText(a.brokerName, b.brokerName) || a.brokerId - b.brokerId);
}

function routeRows(ns: NameServerState): RouteRow[] {
  return Object.entries(ns.topicQueueTable)
    .filter(([topic]) => !isSystemTopic(topic))
    .map(([topic, queueDatas]) => ({
      topic,
      brokers: Object.values(queueDatas)
        .map((data) => ({ brokerName: data.brokerName, writeQueueNums: data.writeQueueNums, readQueueNums: data.readQueueNums, perm: perm2String(data.perm) }))
        .sort((a, b) => compareText(a.brokerName, b.brokerName)),
    }))
    .sort((a, b) => compareText(a.topic, b.topic));
}

export function nameServerViews(state: ModelState, timeMs: number): NameServerView[] {
  return Object.values(state.nameServers).map((ns) => ({
    id: ns.id, ip: ns.ip, up: ns.up, brokers: ns.up ? liveRows(ns, timeMs) : [],
    nextScanInMs: ns.nextScanAt - timeMs,
    routes: ns.up ? routeRows(ns) : [],
    systemTopics: ns.up ? Object.keys(ns.topicQueueTable).filter(isSystemTopic).sort(compareText) : [],
  }));
}

/** The brokers (`name/id`) a NameServer's brokerAddrTable lists. */
function listedBrokers(ns: NameServerState): Set<string> {
  const listed = new Set<string>();
  for (const data of Object.values(ns.brokerAddrTable)) for (const id of Object.keys(data.brokerAddrs)) listed.add(`${data.brokerName}/${id}`);
  return listed;
}

/**
 * Brokers that some running NameServers list and others do not. NameServers never replicate
 * to each other (each BrokerController registers with every one; RouteInfoManager
 * keeps its own tables), so they can disagree until the broker's next registration
 * or the next expiry scan.
 */
export function disagreements(state: ModelState): Disagreement[] {
  const running = Object.values(state.nameServers).filter((ns) => ns.up);
  if (running.length < 2) return [];
  const listed = new Map(running.map((ns) => [ns.id, listedBrokers(ns)]));
  const all = [...new Set(running.flatMap((ns) => [...listed.get(ns.id)!]))].sort(compareText);
  const result: Disagreement[] = [];
  for (const broker of all) {
    const listedBy = running.filter((ns) => listed.get(ns.id)!.has(broker)).map((ns) => ns.id);
    if (listedBy.length < running.length) result.push({ broker, listedBy, notListedBy: running.filter((ns) => !listedBy.includes(ns.id)).map((ns) => ns.id) });
  }
  return result;
}
