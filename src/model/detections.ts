/**
 * Who noticed a broker fault, when, and by which rule: each NameServer (channel close, idle
 * close, expiry scan, unregistration), each producer (a failed send, a route without the
 * broker), each consumer (a failed pull, a route without the broker) and each slave (its HA
 * connection closing). A fault is open from its timeline action until the broker starts again or
 * its partition heals; each party is recorded once per fault, at the first sign it gets. A sign
 * belongs to the earliest open fault of its broker process: a crash behind a partition looks like
 * the partition to everyone (a black hole either way), so the later fault is credited with nothing
 * until the earlier one ends.
 *
 * Each fault also records what it cost the clients (src/sim/queries/fault-costs.ts reads it): the
 * clients whose routes listed its process when it began to own the signs, when each one's routes
 * stopped listing it and which NameServer's answer did it, when each NameServer stopped listing
 * it, and a producer's failed send attempts to it. Recorded where they happen, at route changes,
 * NameServer table changes and failed sends, so a view at any moment reads them from the state.
 */
import { dict } from '../engine/dict.ts';
import { MASTER_ID } from './defaults.ts';
import type { BrokerState, ClientState, ModelState, TopicRouteData } from './state.ts';
import { isBrokerFault } from './fault-event.ts';

/** A broker fault from the timeline, in the order they happened. */
export interface FaultRecord {
  /** The timeline action, e.g. "crashBroker". */
  fault: string;
  /** Its broker: "broker-a" for a master, "broker-a/1" for a slave. */
  target: string;
  broker: string;
  brokerId: number;
  /** The broker process's network node (its name and declared id), which controller mode may give another id. */
  node: string;
  at: number;
  /** The trace's length when it began (Simulation.traceCount): what happened before it, by trace position. */
  atTrace: number;
  endedAt: number | null;
  /** From when the fault owns its process's signs (no earlier fault of the node open): signs before belong to the earlier fault; null until then, and for good if it ended first. */
  ownedFrom: number | null;
  /** By client id, the clients whose routes listed the process when the fault began to own its signs: they are the ones it can cost; null until then. */
  holders: Record<string, RouteHolder> | null;
  /** Whether the process was its brokerName's master when the fault began to own its signs: a producer sends a slave nothing. */
  master: boolean;
  /** Per NameServer, when it last stopped listing the process while the fault was open: how far behind its clients were. */
  nameServerDrops: Record<string, number>;
  /** Per producer, per reason, the failed send attempts to the process charged to this fault (send.failed): what it cost each holder. */
  failedSends: Record<string, Record<string, number>>;
}

/** One client whose routes listed a fault's process when the fault began to own its signs. */
interface RouteHolder {
  /** When its routes stopped listing the process (the first time while the fault was open); null while they list it. */
  stoppedAt: number | null;
  /** The NameServer whose route answer dropped it: the one the client asked. */
  nameServer: string | null;
  /** When that NameServer had last stopped listing the process while the fault was open; null if not since the fault opened. */
  nameServerDroppedAt: number | null;
  /**
   * The topics whose route pulls brought no route (TOPIC_NOT_EXIST, or no NameServer answered)
   * after a NameServer had stopped listing the process, while the client's routes still listed it:
   * why they outlived the NameServers' drop, a cached route staying as it was.
   */
  unrefreshed: string[];
}

export type DetectionHow =
  | 'channelClosed' | 'channelIdle' | 'expired' | 'unregistered'
  | 'sendFailed' | 'pullFailed' | 'routeUpdated' | 'haChannelClosed'
  // A client's synchronous call other than a send (its detail: the RequestCode) timed out and closed its channel.
  | 'callTimedOut'
  // Controller mode: the controller elected on the master's channel closing, at its heartbeat
  // scan, at its inactive-master scan or when a broker asked; a slave learned it became master.
  | 'controllerChannelClosed' | 'controllerExpired' | 'controllerMasterInactive' | 'controllerBrokerElect' | 'becameMaster';

/** One party learning of one fault (docs/summary.md, `detections`). */
export interface Detection {
  fault: string;
  target: string;
  faultAt: number;
  party: string;
  noticedAt: number;
  how: DetectionHow;
  /** channelIdle: the channel's last activity; expired: the broker's last registration. */
  since?: number;
  /** sendFailed / pullFailed: the failure's reason; controller*: the node elected, or "none". */
  detail?: string;
}

export function openFault(state: ModelState, action: string, broker: string, brokerId: number, node: string, at: number, atTrace: number): void {
  if (!isBrokerFault(action)) return;
  const fault: FaultRecord = {
    fault: action, target: brokerId === 0 ? broker : `${broker}/${brokerId}`, broker, brokerId, node, at, atTrace, endedAt: null,
    ownedFrom: null, holders: null, master: false, nameServerDrops: dict(), failedSends: dict(),
  };
  const earlierOpen = state.faults.some((open) => open.node === node && open.endedAt === null);
  state.faults.push(fault);
  if (!earlierOpen) ownSigns(state, fault, at);
}

/** The faults each action ends: a start ends the process's death, a heal the partition (which a restart keeps). */
const ENDED_BY = {
  startBroker: new Set(['crashBroker', 'powerOffBroker', 'shutdownBroker']),
  healPartition: new Set(['partitionBroker']),
} as const;

/** The broker is back (started, or its partition healed): the open faults that action ends, end. */
export function closeFaults(state: ModelState, node: string, at: number, action: keyof typeof ENDED_BY): void {
  const ended = ENDED_BY[action];
  for (const fault of state.faults) if (fault.node === node && fault.endedAt === null && ended.has(fault.fault)) fault.endedAt = at;
  // The earliest fault still open takes the process's signs over from the ones that ended.
  const next = earliestOpen(state, node);
  if (next && next.holders === null) ownSigns(state, next, at);
}

/** state.faults is in the order the faults opened, so the first open one is the earliest. */
function earliestOpen(state: ModelState, node: string): FaultRecord | undefined {
  return state.faults.find((open) => open.node === node && open.endedAt === null);
}

/** A client's brokerAddrTable (MQClientInstance, built from all its cached routes) holds the address. */
function cachesAddr(client: ClientState, addr: string): boolean {
  for (const brokerName in client.brokerAddrTable) if (Object.values(client.brokerAddrTable[brokerName]!).includes(addr)) return true;
  return false;
}

/**
 * The process is its brokerName's master: it holds brokerId 0 and no other process took it with
 * a newer master epoch (in controller mode a cut-off old master keeps brokerId 0 until it hears of
 * the election, ReplicasManager.changeToSlave; without it the epochs stay 0).
 */
function isMaster(state: ModelState, node: string): boolean {
  const broker = state.brokers[node];
  if (broker?.brokerId !== MASTER_ID) return false;
  const newer = (other: BrokerState) => other.name === broker.name && other.brokerId === MASTER_ID && other.replicas.masterEpoch > broker.replicas.masterEpoch;
  return !Object.values(state.brokers).some(newer);
}

/** The fault begins to own its process's signs: the clients whose routes list the process now are the ones it can cost. */
function ownSigns(state: ModelState, fault: FaultRecord, now: number): void {
  const addr = state.brokers[fault.node]?.addr;
  fault.ownedFrom = now;
  fault.master = isMaster(state, fault.node);
  fault.holders = dict();
  for (const client of Object.values(state.clients)) {
    if (addr !== undefined && cachesAddr(client, addr)) fault.holders[client.id] = { stoppedAt: null, nameServer: null, nameServerDroppedAt: null, unrefreshed: [] };
  }
}

export interface Sign {
  how: DetectionHow;
  since?: number;
  detail?: string;
}

/** `party` saw a sign that the broker process `node` is gone: recorded for its earliest open fault, unless the party noticed that one already. */
export function noticed(state: ModelState, node: string, party: string, now: number, sign: Sign): void {
  const fault = earliestOpen(state, node);
  if (!fault || state.detections.some((d) => d.target === fault.target && d.faultAt === fault.at && d.party === party)) return;
  state.detections.push({ fault: fault.fault, target: fault.target, faultAt: fault.at, party, noticedAt: now, ...sign });
}

function lists(route: TopicRouteData | undefined, addr: string): boolean {
  return route?.brokerDatas.some((data) => Object.values(data.brokerAddrs).includes(addr)) ?? false;
}

/** A client's route changed: a faulty broker its old route listed and the new one does not has been noticed. */
export function noticedInRoute(state: ModelState, party: string, old: TopicRouteData | undefined, route: TopicRouteData, now: number): void {
  for (const fault of state.faults) {
    const addr = state.brokers[fault.node]?.addr ?? '';
    if (fault.endedAt !== null || !lists(old, addr) || lists(route, addr)) continue;
    noticed(state, fault.node, party, now, { how: 'routeUpdated' });
  }
}

/**
 * A NameServer's brokerAddrs lost `addr` (RouteInfoManager.unRegisterBroker, or registerBroker
 * giving its brokerId to another address), or the NameServer crashed: RouteInfoManager keeps its
 * tables in memory only. Noted for every open fault of the process at that address.
 */
export function nameServerDropped(state: ModelState, nameServer: string, addr: string, now: number): void {
  for (const fault of state.faults) {
    if (fault.endedAt === null && state.brokers[fault.node]?.addr === addr) fault.nameServerDrops[nameServer] = now;
  }
}

/**
 * A client took a route answer from `nameServer` (MQClientInstance.updateTopicRouteInfoFromNameServer):
 * each open fault's holder whose brokerAddrTable no longer holds the process stopped using it now.
 */
export function routesStoppedListing(state: ModelState, client: ClientState, nameServer: string, now: number): void {
  for (const fault of state.faults) {
    const holder = fault.holders?.[client.id];
    const addr = state.brokers[fault.node]?.addr;
    if (fault.endedAt !== null || !holder || holder.stoppedAt !== null || addr === undefined || cachesAddr(client, addr)) continue;
    Object.assign(holder, { stoppedAt: now, nameServer, nameServerDroppedAt: fault.nameServerDrops[nameServer] ?? null });
  }
}

/**
 * A client's route pull for `topic` brought no route: MQClientInstance.updateTopicRouteInfoFromNameServer
 * keeps the cached one, and with it every process it lists. Noted for each open fault whose process
 * a NameServer has stopped listing while the client's routes still list it.
 */
export function routeNotRefreshed(state: ModelState, client: ClientState, topic: string): void {
  for (const fault of state.faults) {
    const holder = fault.holders?.[client.id];
    if (fault.endedAt !== null || !holder || holder.stoppedAt !== null || Object.keys(fault.nameServerDrops).length === 0) continue;
    if (!holder.unrefreshed.includes(topic)) holder.unrefreshed.push(topic);
  }
}

/**
 * The fault a failed send to `node` is charged to: its earliest open one, as for any sign; with
 * none open, the one that ended last while attempts sent before its end may still fail, within
 * sendMsgTimeout (the budget of all attempts, DefaultMQProducerImpl.sendDefaultImpl).
 */
function chargedFault(state: ModelState, node: string, now: number): FaultRecord | undefined {
  let last: FaultRecord | undefined;
  for (const fault of state.faults) {
    if (fault.node !== node) continue;
    if (fault.endedAt === null) return fault;
    if (last === undefined || fault.endedAt > last.endedAt!) last = fault;
  }
  return last && now < last.endedAt! + state.config.sendMsgTimeoutMs ? last : undefined;
}

/**
 * A producer's send attempt to the process `node` failed (send.failed): counted for the fault it
 * is charged to when the producer held the process in its routes and the process was the master.
 * Attempts sent before the producer's routes dropped it fail within sendMsgTimeout; later ones
 * went elsewhere, so they count until then.
 */
export function sendFailed(state: ModelState, node: string, producer: string, reason: string, now: number): void {
  const fault = chargedFault(state, node, now);
  const holder = fault?.holders?.[producer];
  if (!fault?.master || !holder || (holder.stoppedAt !== null && now >= holder.stoppedAt + state.config.sendMsgTimeoutMs)) return;
  const counts = (fault.failedSends[producer] ??= dict());
  counts[reason] = (counts[reason] ?? 0) + 1;
}
