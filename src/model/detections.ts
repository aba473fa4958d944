/**
 * Who noticed a broker fault, when, and by which rule: each NameServer (channel close, idle
 * close, expiry scan, unregistration), each producer (a failed send, a route without the
 * broker), each consumer (a failed pull, a route without the broker) and each slave (its HA
 * connection closing). A fault is open from its timeline action until the broker starts again or
 * its partition heals; each party is recorded once per fault, at the first sign it gets. A sign
 * belongs to the earliest open fault of its broker process: a crash behind a partition looks like
 * the partition to everyone (a black hole either way), so the later fault is credited with nothing
 * until the earlier one ends.
 */
import type { ModelState, TopicRouteData } from './state.ts';

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
  endedAt: number | null;
}

export type DetectionHow =
  | 'channelClosed' | 'channelIdle' | 'expired' | 'unregistered'
  | 'sendFailed' | 'pullFailed' | 'routeUpdated' | 'haChannelClosed'
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

const BROKER_FAULTS = new Set(['crashBroker', 'powerOffBroker', 'partitionBroker', 'shutdownBroker']);

export function openFault(state: ModelState, action: string, broker: string, brokerId: number, node: string, at: number): void {
  if (!BROKER_FAULTS.has(action)) return;
  state.faults.push({ fault: action, target: brokerId === 0 ? broker : `${broker}/${brokerId}`, broker, brokerId, node, at, endedAt: null });
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
}

export interface Sign {
  how: DetectionHow;
  since?: number;
  detail?: string;
}

/** `party` saw a sign that the broker process `node` is gone: recorded for its earliest open fault, unless the party noticed that one already. */
export function noticed(state: ModelState, node: string, party: string, now: number, sign: Sign): void {
  // state.faults is in the order the faults opened, so the first open one is the earliest.
  const fault = state.faults.find((open) => open.node === node && open.endedAt === null);
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
