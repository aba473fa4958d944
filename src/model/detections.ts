/**
 * Who noticed a broker fault, when, and by which rule: each NameServer (channel close, idle
 * close, expiry scan, unregistration), each producer (a failed send, a route without the
 * broker), each consumer (a failed pull, a route without the broker) and each slave (its HA
 * connection closing). A fault is open from its timeline action until the broker starts again or
 * its partition heals; each party is recorded once per fault, at the first sign it gets.
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
  at: number;
  endedAt: number | null;
}

export type DetectionHow =
  | 'channelClosed' | 'channelIdle' | 'expired' | 'unregistered'
  | 'sendFailed' | 'pullFailed' | 'routeUpdated' | 'haChannelClosed';

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
  /** sendFailed / pullFailed: the failure's reason. */
  detail?: string;
}

const BROKER_FAULTS = new Set(['crashBroker', 'powerOffBroker', 'partitionBroker', 'shutdownBroker']);

export function openFault(state: ModelState, action: string, broker: string, brokerId: number, at: number): void {
  if (!BROKER_FAULTS.has(action)) return;
  state.faults.push({ fault: action, target: brokerId === 0 ? broker : `${broker}/${brokerId}`, broker, brokerId, at, endedAt: null });
}

/** The broker is back (started, or its partition healed): its open faults end. */
export function closeFaults(state: ModelState, broker: string, brokerId: number, at: number): void {
  for (const fault of state.faults) if (fault.broker === broker && fault.brokerId === brokerId && fault.endedAt === null) fault.endedAt = at;
}

export interface Sign {
  how: DetectionHow;
  since?: number;
  detail?: string;
}

/** `party` saw a sign that brokerName/brokerId is gone: recorded for each open fault of it it had not noticed yet. */
export function noticed(state: ModelState, brokerName: string, brokerId: number, party: string, now: number, sign: Sign): void {
  for (const fault of state.faults) {
    if (fault.broker !== brokerName || fault.brokerId !== brokerId || fault.endedAt !== null) continue;
    if (state.detections.some((d) => d.target === fault.target && d.faultAt === fault.at && d.party === party)) continue;
    state.detections.push({ fault: fault.fault, target: fault.target, faultAt: fault.at, party, noticedAt: now, ...sign });
  }
}

function lists(route: TopicRouteData | undefined, brokerName: string, brokerId: number): boolean {
  return route?.brokerDatas.some((data) => data.brokerName === brokerName && data.brokerAddrs[brokerId] !== undefined) ?? false;
}

/** A client's route changed: a faulty broker its old route listed and the new one does not has been noticed. */
export function noticedInRoute(state: ModelState, party: string, old: TopicRouteData | undefined, route: TopicRouteData, now: number): void {
  for (const fault of state.faults) {
    if (fault.endedAt !== null || !lists(old, fault.broker, fault.brokerId) || lists(route, fault.broker, fault.brokerId)) continue;
    noticed(state, fault.broker, fault.brokerId, party, now, { how: 'routeUpdated' });
  }
}
