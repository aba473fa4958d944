/**
 * The failover view's data, pure functions of the run at time t: each fault with the sentences of
 * who noticed it (with the arithmetic: "idle for 120 s since 0:35.000") or of the earlier fault it
 * hides behind, what it cost each client (src/sim/queries/fault-costs.ts), and who believes which
 * broker is there (each NameServer's brokerAddrTable, each client's cached route) against the truth.
 */
import { brokerRoles, type BrokerRoleNow, type ClientState, type Detection, type FaultRecord, type ModelState, type SimConfig } from '../../sim/index.ts';
import type { ClientCost, FaultCost, FaultCosts } from '../../sim/queries/fault-costs.ts';
import { formatPeriod, formatTime } from '../../viz/format.ts';
import type { CostWords, FailoverStrings } from './failover-strings.ts';

export interface FaultView {
  key: string;
  title: string;
  sentences: string[];
  /** Said when nobody noticed the fault on its own because an earlier fault of its broker hides it; null otherwise. */
  hidden: string | null;
}

/** A fault's key, the same for its record and its cost. */
function faultKey(fault: { fault: string; target: string; at: number }): string {
  return `${fault.fault} ${fault.target}@${fault.at}`;
}

/** The run's settings a detection's arithmetic names: a registration's expiry, and controller mode's. */
export type DetectionConfig = Pick<SimConfig, 'brokerChannelExpiredTimeMs' | 'controllerHeartBeatTimeoutMs' | 'controllerScanNotActiveBrokerIntervalMs' | 'scanInactiveMasterIntervalMs'>;

/**
 * One detection said: `node` is the faulty process ("broker-a/0"), not the fault's target
 * ("broker-a"): a NameServer removes that address, and while a slave is registered broker-a stays.
 */
export function detectionSentence(detection: Detection, node: string, strings: FailoverStrings, config: DetectionConfig): string {
  const since = detection.since ?? detection.faultAt;
  return strings.sentence[detection.how]({
    outcome: strings.elected(detection.detail ?? 'none'),
    timeout: formatPeriod(config.controllerHeartBeatTimeoutMs, strings.language),
    expiry: formatPeriod(config.brokerChannelExpiredTimeMs, strings.language),
    scanPeriod: formatPeriod(config.controllerScanNotActiveBrokerIntervalMs, strings.language),
    masterScanPeriod: formatPeriod(config.scanInactiveMasterIntervalMs, strings.language),
    party: detection.party,
    broker: node,
    at: formatTime(detection.noticedAt),
    after: formatPeriod(detection.noticedAt - detection.faultAt, strings.language),
    since: formatTime(since),
    span: formatPeriod(detection.noticedAt - since, strings.language),
    detail: detection.detail ?? '',
  });
}

/**
 * The earliest fault of the same broker process open when fault `i` began: it takes every sign
 * (src/model/detections.ts), since a black hole looks the same whatever is behind it.
 */
function openBefore(faults: readonly FaultRecord[], i: number): FaultRecord | undefined {
  const fault = faults[i]!;
  return faults.slice(0, i).find((earlier) => earlier.node === fault.node && (earlier.endedAt === null || earlier.endedAt > fault.at));
}

export function faultViews(faults: readonly FaultRecord[], detections: readonly Detection[], strings: FailoverStrings, config: DetectionConfig): FaultView[] {
  return faults.map((fault, i) => {
    const sentences = detections.filter((d) => d.target === fault.target && d.faultAt === fault.at).map((d) => detectionSentence(d, fault.node, strings, config));
    const earlier = sentences.length === 0 ? openBefore(faults, i) : undefined;
    const until = earlier?.endedAt ?? null;
    return {
      key: faultKey(fault),
      title: strings.fault(strings.action(fault.fault, fault.target), formatTime(fault.at)),
      sentences,
      hidden: earlier ? strings.hiddenBehind(strings.action(earlier.fault, earlier.target), formatTime(earlier.at), until === null ? null : formatTime(until)) : null,
    };
  });
}

/**
 * A producer's failed send attempts to the process, told by reason in the order each first
 * happened (the model counts them as they come): a timeout that closed the channel, the sends the
 * close failed, then the connects that got no answer, as cause and effects.
 */
function sendsSentence(cost: ClientCost, answer: FaultCosts, strings: FailoverStrings): string {
  if (cost.sendMode === 'ONEWAY') return strings.onewaySends;
  const counts = Object.entries(cost.failedSends ?? {});
  const parts = counts.map(([reason, n]) => {
    if (reason === 'timeout') return strings.failedBy.timeout(n, formatPeriod(answer.sendMsgTimeoutMs, strings.language), cost.sendMode === 'ASYNC');
    if (reason === 'connectTimeout') return strings.failedBy.connectTimeout(n, formatPeriod(answer.connectTimeoutMs, strings.language));
    return reason === 'connectRefused' || reason === 'channelClosed' ? strings.failedBy[reason](n) : strings.failedBy.other(n, reason);
  });
  return strings.failedSends(counts.reduce((sum, [, n]) => sum + n, 0), parts);
}

/** One client's line: when its route dropped the process (or that it still lists it), and a producer's failed sends. */
function costSentence(cost: ClientCost, fault: FaultCost, answer: FaultCosts, strings: FailoverStrings): string {
  const at = cost.stoppedAt ?? fault.endedAt ?? answer.at;
  const droppedAt = cost.nameServerDroppedAt === null ? null : formatTime(cost.nameServerDroppedAt);
  const words: CostWords = {
    client: cost.client, node: fault.node, at: formatTime(at), after: formatPeriod(at - fault.at, strings.language),
    why: cost.nameServer === null ? '' : strings.routePull(cost.nameServer, droppedAt),
  };
  const sends = cost.failedSends !== null;
  const line = cost.stoppedAt !== null ? strings.cost[sends ? 'stoppedSending' : 'stoppedListing'](words)
    : strings.cost[fault.endedAt !== null ? 'listedUntilEnd' : 'stillListing'](words);
  return sends ? strings.withSends(line, sendsSentence(cost, answer, strings)) : line;
}

/** Each fault's cost lines, by faultKey: one per client whose route listed its broker process. */
export function costSentences(answer: FaultCosts, strings: FailoverStrings): Map<string, string[]> {
  return new Map(answer.faults.map((fault) => [faultKey(fault), fault.clients.map((cost) => costSentence(cost, fault, answer, strings))]));
}

export interface BeliefRow {
  /** The node, "brokerName/brokerId" as declared. */
  broker: string;
  /** Its brokerId and role now (a controller election moves brokerId 0 to another node). */
  brokerId: number;
  role: BrokerRoleNow;
  /** Running and reachable: a cut-off master is running, but nobody can use it. */
  alive: boolean;
  /** Running, but cut off by a partition: it comes back with its data and its old routes. */
  cutOff: boolean;
  /** Per believer (NameServer or client id): the brokerId it lists this broker's address under, or null. */
  listed: Record<string, number | null>;
  /**
   * Per believer: whether it should list this broker while it is alive. A NameServer should list
   * every broker; a client only one that holds a topic it sends to or consumes (its brokerAddrTable
   * is built from its topics' routes): a producer of TopicOrder is right not to list a broker of
   * another cluster, and a consumer of a topic not created yet to list none.
   */
  concerns: Record<string, boolean>;
}

/** The brokerId under which a table (BrokerData.brokerAddrs) holds an address, or null. */
function listedId(brokerAddrs: Record<number, string> | undefined, addr: string): number | null {
  const found = Object.entries(brokerAddrs ?? {}).find(([, listed]) => listed === addr);
  return found ? Number(found[0]) : null;
}

/** A believer is wrong to list a broker that is not alive, to miss one that is and concerns it, or to list it under another brokerId. */
export function believesWrong(row: BeliefRow, believer: string): boolean {
  const listed = row.listed[believer] ?? null;
  if (listed !== null) return !row.alive || listed !== row.brokerId;
  return row.alive && (row.concerns[believer] ?? true);
}

/** The topics whose routes a client keeps (MQClientInstance: a producer's topic; a consumer's and its group's retry topic). */
function clientTopics(client: ClientState): string[] {
  return client.kind === 'producer' ? [client.spec.topic] : [client.spec.topic, client.retryTopic];
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
    const concerns: Record<string, boolean> = {};
    for (const ns of nameServers) {
      listed[ns.id] = ns.up ? listedId(ns.brokerAddrTable[broker.name]?.brokerAddrs, broker.addr) : null;
      concerns[ns.id] = true;
    }
    for (const client of clients) {
      listed[client.id] = listedId(client.brokerAddrTable[broker.name], broker.addr);
      concerns[client.id] = clientTopics(client).some((topic) => broker.topicConfigTable[topic] !== undefined);
    }
    return { broker: broker.node, brokerId: broker.brokerId, role: roles.role[broker.node]!, alive: broker.status === 'running' && !broker.partitioned, cutOff: broker.status === 'running' && broker.partitioned, listed, concerns };
  });
  return { believers, rows };
}
