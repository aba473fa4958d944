/**
 * What each broker fault so far cost the clients that had its broker process in their route: when
 * the client's cached routes stopped listing the process (MQClientInstance.updateTopicRouteInfoFromNameServer
 * takes a changed route, cleanOfflineBroker forgets an address no cached route lists), and, for a
 * producer of the master, how many send attempts to it failed until then (send.failed). A pull that
 * fails leaves no trace event (pull.rejected is a live broker's answer), so pulls are not counted.
 *
 * A fault's trace is read once per timeline, forward from the checkpoint before the fault: the
 * checkpoint's state gives each NameServer's brokerAddrs and each client's routes exactly; then
 * broker.registered and broker.removed replay the NameServers as RouteInfoManager keeps them, and
 * a route.updated lists the process when it has queues on its brokerName and the NameServer that
 * answered listed the process. An hour's trace is millions of events, so reading stops once every
 * client stopped using the process; every fact kept has its trace index, and an ask reads only
 * those before the playhead. A sign belongs to the earliest open fault of its process
 * (src/model/detections.ts), so a fault owns the time from when no earlier fault of its process is open.
 */
import { dict } from '../../engine/dict.ts';
import { MASTER_ID } from '../../model/defaults.ts';
import type { FaultRecord } from '../../model/detections.ts';
import type { TraceEvent } from '../../model/events.ts';
import type { ModelState } from '../../model/state.ts';
import { checkpointInterval } from '../checkpoints.ts';
import type { TimelineView } from '../timeline.ts';
import { traceBrokerNode } from '../trace-broker-node.ts';
import { indexedMasterChanges } from './master-changes.ts';

export interface ClientCost {
  client: string;
  /** When its routes stopped listing the process; null while they list it (at FaultCosts.at, or when the fault ended). */
  stoppedAt: number | null;
  /** The NameServer whose route answer dropped it, and when that NameServer had dropped the process (null: not since the fault). */
  nameServer: string | null;
  nameServerDroppedAt: number | null;
  /** A producer and the master: its failed send attempts to it by reason (send.failed); null when it sends the process nothing. */
  failedSends: Record<string, number> | null;
  /** A ONEWAY producer: nobody answers its sends, so none is seen to fail (a lost one is message.lost). */
  oneway: boolean;
}

export interface FaultCost {
  fault: string;
  target: string;
  /** The broker process, "broker-a/0". */
  node: string;
  at: number;
  /** From when the fault owns its process's signs; null while an earlier fault of the process is open. */
  ownedFrom: number | null;
  endedAt: number | null;
  /** One per running client whose routes listed the process when the fault began to own it. */
  clients: ClientCost[];
}

export interface FaultCosts {
  /** The time asked at. */
  at: number;
  sendMsgTimeoutMs: number;
  faults: FaultCost[];
}

/** One NameServer's BrokerData.brokerAddrs of the fault's brokerName (brokerId -> node) and the brokerId each live entry registered under. */
interface Table {
  addrs: Record<number, string>;
  live: Record<string, number>;
}

/** One fault's reading of the trace: the replayed tables and routes where it stands, and the facts found, each with its trace index. */
interface FaultScan {
  next: number;
  tables: Record<string, Table>;
  /** Per client, per topic: whether its route lists the process. */
  routes: Record<string, Record<string, boolean>>;
  /** Per client, whether its routes listed the process when the fault began to own it; null until the reading passes then. */
  had: Record<string, boolean> | null;
  drops: Record<string, { index: number; t: number; nameServer: string }>;
  /** Per NameServer, when it stopped listing the process. */
  nameServerDrops: Record<string, { index: number; t: number }[]>;
  failures: { index: number; t: number; producer: string; reason: string }[];
}

/** What a scan reads for: the fault, its process's address, and from when the fault owns its signs. */
interface Reading {
  timeline: TimelineView;
  fault: FaultRecord;
  addr: string;
  from: number;
}

const CHUNK = 4_096;
const scans = new WeakMap<TimelineView, Map<string, FaultScan>>();

/** The first trace index whose event happens after t. */
function firstIndexAfter(timeline: TimelineView, t: number): number {
  let low = 0;
  let high = timeline.traceLength;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (timeline.traceAt(mid)!.t <= t) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Each NameServer's table of `broker` in a state (a NameServer that is down lists nothing). */
function tablesAt(state: Readonly<ModelState> | undefined, broker: string): Record<string, Table> {
  const tables = dict<Table>();
  if (!state) return tables;
  for (const ns of Object.values(state.nameServers)) {
    const table: Table = { addrs: {}, live: dict() };
    tables[ns.id] = table;
    if (!ns.up) continue;
    for (const [id, addr] of Object.entries(ns.brokerAddrTable[broker]?.brokerAddrs ?? {})) {
      const node = state.addrNodes[addr];
      if (node !== undefined) table.addrs[Number(id)] = node;
    }
    for (const entry of Object.values(ns.brokerLiveTable)) if (entry.brokerName === broker) table.live[entry.node] = entry.brokerId;
  }
  return tables;
}

/** Each client's cached routes in a state: whether each lists `addr` (BrokerData.brokerAddrs). */
function routesAt(state: Readonly<ModelState> | undefined, addr: string): FaultScan['routes'] {
  const routes = dict<Record<string, boolean>>();
  for (const client of Object.values(state?.clients ?? {})) {
    const topics = (routes[client.id] = dict<boolean>());
    for (const [topic, route] of Object.entries(client.topicRouteTable)) topics[topic] = route.brokerDatas.some((data) => Object.values(data.brokerAddrs).includes(addr));
  }
  return routes;
}

/** A new scan from the checkpoint at or before `reading.from` (from the start when there is none). */
function startScan(reading: Reading): FaultScan {
  const { timeline, fault, addr, from } = reading;
  const checkpoint = from - (from % checkpointInterval(timeline.durationMs));
  const state = checkpoint > 0 ? timeline.checkpointStateAt(checkpoint) : undefined;
  return {
    next: state ? firstIndexAfter(timeline, checkpoint) : 0,
    tables: tablesAt(state, fault.broker),
    routes: routesAt(state, addr),
    had: null, drops: dict(), nameServerDrops: dict(), failures: [],
  };
}

/**
 * RouteInfoManager.registerBroker: the process takes the brokerId, which another process may have
 * held (an elected master replacing the old one's address); its entry under another id goes
 * ("switch slave to master"). Returns the process that lost its address, if any.
 */
function registered(table: Table, brokerId: number, node: string): string | undefined {
  for (const [id, holder] of Object.entries(table.addrs)) if (holder === node && Number(id) !== brokerId) delete table.addrs[Number(id)];
  const replaced = table.addrs[brokerId];
  table.addrs[brokerId] = node;
  table.live[node] = brokerId;
  return replaced !== node ? replaced : undefined;
}

/**
 * RouteInfoManager.unRegisterBroker: a live entry goes, and its address with it if brokerAddrs
 * still holds it there. A replaced old master's entry, whose address is gone already, is taken
 * for the one removed before the process that holds the id. Returns the process that lost its address.
 */
function removed(table: Table, brokerId: number): string | undefined {
  const holder = table.addrs[brokerId];
  const stale = Object.keys(table.live).find((node) => table.live[node] === brokerId && node !== holder);
  if (stale !== undefined) {
    delete table.live[stale];
    return undefined;
  }
  if (holder === undefined) return undefined;
  delete table.live[holder];
  delete table.addrs[brokerId];
  return holder;
}

function listed(table: Table | undefined, node: string): boolean {
  return table !== undefined && Object.values(table.addrs).includes(node);
}

function anyListed(topics: Record<string, boolean> | undefined): boolean {
  return Object.values(topics ?? {}).includes(true);
}

/** A NameServer's table of the brokerName changed: note when it stopped listing the process. */
function onTable(scan: FaultScan, reading: Reading, index: number, event: Extract<TraceEvent, { type: 'broker.registered' | 'broker.removed' }>): void {
  if (event.broker !== reading.fault.broker) return;
  const table = (scan.tables[event.nameServer] ??= { addrs: {}, live: dict() });
  const node = traceBrokerNode(reading.timeline.state, indexedMasterChanges(reading.timeline), event.broker, event.brokerId, event.t);
  const gone = event.type === 'broker.registered' ? registered(table, event.brokerId, node) : removed(table, event.brokerId);
  if (gone === reading.fault.node) (scan.nameServerDrops[event.nameServer] ??= []).push({ index, t: event.t });
}

/** A crashed NameServer forgets every broker: RouteInfoManager keeps its tables in memory only. */
function onNameServerDown(scan: FaultScan, reading: Reading, index: number, nameServer: string, t: number): void {
  if (listed(scan.tables[nameServer], reading.fault.node)) (scan.nameServerDrops[nameServer] ??= []).push({ index, t });
  scan.tables[nameServer] = { addrs: {}, live: dict() };
}

function onRoute(scan: FaultScan, reading: Reading, index: number, event: Extract<TraceEvent, { type: 'route.updated' }>): void {
  const named = (queue: string) => queue.slice(0, queue.lastIndexOf(':')) === reading.fault.broker;
  const topics = (scan.routes[event.client] ??= dict());
  topics[event.topic] = (event.writeQueues.some(named) || event.readQueues.some(named)) && listed(scan.tables[event.nameServer], reading.fault.node);
  if (scan.had?.[event.client] === true && !scan.drops[event.client] && !anyListed(topics)) {
    scan.drops[event.client] = { index, t: event.t, nameServer: event.nameServer };
  }
}

function onEvent(scan: FaultScan, reading: Reading, index: number, event: TraceEvent): void {
  if (scan.had === null && event.t > reading.from) {
    scan.had = dict();
    for (const [client, topics] of Object.entries(scan.routes)) scan.had[client] = anyListed(topics);
  }
  if (event.type === 'route.updated') onRoute(scan, reading, index, event);
  else if (event.type === 'broker.registered' || event.type === 'broker.removed') onTable(scan, reading, index, event);
  else if (event.type === 'fault' && event.action === 'crashNameServer') onNameServerDown(scan, reading, index, event.target, event.t);
  else if (event.type === 'send.failed' && event.broker === reading.fault.broker && event.t >= reading.from) {
    scan.failures.push({ index, t: event.t, producer: event.producer, reason: event.reason });
  }
}

/** When reading may stop: once each client that had the process dropped it (or the fault ended), and its last sends to it timed out. */
function readUntil(scan: FaultScan, reading: Reading): number {
  if (scan.had === null) return Infinity;
  let until = -Infinity;
  for (const [client, had] of Object.entries(scan.had)) {
    if (had) until = Math.max(until, Math.min(scan.drops[client]?.t ?? Infinity, reading.fault.endedAt ?? Infinity) + reading.timeline.state.config.sendMsgTimeoutMs);
  }
  return until;
}

/** The fault's scan, read on to the playhead or until nothing more is to be learnt. */
function scanned(reading: Reading): FaultScan {
  const { timeline, fault, from } = reading;
  let byFault = scans.get(timeline);
  if (!byFault) scans.set(timeline, (byFault = new Map()));
  const key = `${fault.fault} ${fault.node}@${fault.at}|${from}`;
  let scan = byFault.get(key);
  if (!scan) byFault.set(key, (scan = startScan(reading)));
  while (scan.next < timeline.traceLength) {
    const until = readUntil(scan, reading);
    const events = timeline.traceSlice(scan.next, Math.min(timeline.traceLength, scan.next + CHUNK));
    const stop = events.findIndex((event) => event.t >= until);
    const read = stop < 0 ? events : events.slice(0, stop);
    for (const [offset, event] of read.entries()) onEvent(scan, reading, scan.next + offset, event);
    scan.next += read.length;
    if (stop >= 0) break;
  }
  return scan;
}

/** From when fault `i` owns its process's signs: once every earlier fault of the process has ended; null while one is open. */
function ownedFrom(faults: readonly FaultRecord[], i: number): number | null {
  const fault = faults[i]!;
  let from = fault.at;
  for (const earlier of faults.slice(0, i)) {
    if (earlier.node !== fault.node) continue;
    if (earlier.endedAt === null) return null;
    from = Math.max(from, earlier.endedAt);
  }
  return fault.endedAt !== null && from > fault.endedAt ? null : from;
}

/** When a later fault of the process takes its signs over from fault `i` (it was open when `i` ended), or Infinity. */
function handedOverAt(faults: readonly FaultRecord[], i: number): number {
  const fault = faults[i]!;
  const taken = faults.some((later, j) => j > i && later.node === fault.node && ownedFrom(faults, j) === fault.endedAt);
  return taken && fault.endedAt !== null ? fault.endedAt : Infinity;
}

/** Failed attempts per reason of `producer` in [from, until) before the playhead. */
function countFailures(scan: FaultScan, producer: string, from: number, until: number, length: number): Record<string, number> {
  const counts = dict<number>();
  for (const failure of scan.failures) {
    if (failure.index < length && failure.producer === producer && failure.t >= from && failure.t < until) counts[failure.reason] = (counts[failure.reason] ?? 0) + 1;
  }
  return counts;
}

/**
 * One client's cost, from the facts before the playhead. Attempts sent before its route dropped
 * the process fail within sendMsgTimeout (the budget of all attempts, DefaultMQProducerImpl.sendDefaultImpl),
 * so failures count until then; or until a later fault of the process takes the signs over.
 */
function clientCost(scan: FaultScan, reading: Reading, until: number, client: string): ClientCost {
  const { timeline, fault, from } = reading;
  const length = timeline.traceLength;
  const found = scan.drops[client];
  const drop = found && found.index < length && (fault.endedAt === null || found.t <= fault.endedAt) ? found : undefined;
  const nameServerDrop = drop && scan.nameServerDrops[drop.nameServer]?.filter((d) => d.index < drop.index).at(-1);
  const master = traceBrokerNode(timeline.state, indexedMasterChanges(timeline), fault.broker, MASTER_ID, from) === fault.node;
  const instance = timeline.state.clients[client];
  const sendMode = instance?.kind === 'producer' && master ? instance.spec.sendMode : null;
  const cutoff = Math.min(Math.min(drop?.t ?? Infinity, fault.endedAt ?? Infinity) + timeline.state.config.sendMsgTimeoutMs, until);
  return {
    client,
    stoppedAt: drop?.t ?? null,
    nameServer: drop?.nameServer ?? null,
    nameServerDroppedAt: nameServerDrop?.t ?? null,
    failedSends: sendMode === null ? null : countFailures(scan, client, from, cutoff, length),
    oneway: sendMode === 'ONEWAY',
  };
}

function faultCost(timeline: TimelineView, faults: readonly FaultRecord[], i: number): FaultCost {
  const fault = faults[i]!;
  const from = ownedFrom(faults, i);
  const cost: FaultCost = { fault: fault.fault, target: fault.target, node: fault.node, at: fault.at, ownedFrom: from, endedAt: fault.endedAt, clients: [] };
  const addr = timeline.state.brokers[fault.node]?.addr;
  if (from === null || addr === undefined) return cost;
  const reading: Reading = { timeline, fault, addr, from };
  const scan = scanned(reading);
  // Before the reading passes the ownership start, the routes where it stands are those then.
  const had = scan.had ?? dict<boolean>();
  if (scan.had === null) for (const [client, topics] of Object.entries(scan.routes)) had[client] = anyListed(topics);
  const running = Object.values(timeline.state.clients).filter((client) => client.status !== 'stopped' && had[client.id] === true);
  cost.clients = running.map((client) => clientCost(scan, reading, handedOverAt(faults, i), client.id));
  return cost;
}

/** Every fault of the run so far with its cost to each client; a run without faults reads no trace. */
export function faultCosts(timeline: TimelineView, _args: Record<string, never> = {}): FaultCosts {
  const { faults, config } = timeline.state;
  return { at: timeline.now, sendMsgTimeoutMs: config.sendMsgTimeoutMs, faults: faults.map((_, i) => faultCost(timeline, faults, i)) };
}
