/**
 * The `fault` trace event a timeline action makes, and the process or link it names: a module of
 * its own, without the model's handlers, so the page's first script can say a fault as the trace
 * does (src/sim/index.ts exports it).
 */
import { MASTER_ID } from './defaults.ts';
import type { TraceEvent } from './events.ts';
import type { TimelineAction } from './spec.ts';

const BROKER_FAULTS = new Set(['crashBroker', 'powerOffBroker', 'partitionBroker', 'shutdownBroker']);

/** The timeline actions that open a fault record (detections.ts): a broker process crashes, loses power, is cut off or shuts down. */
export function isBrokerFault(action: string): boolean {
  return BROKER_FAULTS.has(action);
}

/** What a timeline action's `fault` trace event names as its target. */
function faultTarget(action: TimelineAction): string {
  if ('target' in action) return action.target;
  if (action.action === 'addConsumer') return action.consumer.id;
  if (action.action === 'addProducer') return action.producer.id;
  return action.topic;
}

/**
 * A timeline action's `fault` trace event: beside its target, a slave's brokerId (a fault of
 * broker-a/1 is not broker-a's master's), a link's other end, and when an added client starts
 * later than the action, at its own startAt (docs/trace.md).
 */
export function faultEvent(action: TimelineAction, t: number): Extract<TraceEvent, { type: 'fault' }> {
  const event = { t, type: 'fault' as const, action: action.action, target: faultTarget(action) };
  const added = action.action === 'addConsumer' ? action.consumer : action.action === 'addProducer' ? action.producer : null;
  if (added && added.startAt > t) return { ...event, startsAt: added.startAt };
  if ('peer' in action) return { ...event, peer: action.peer };
  if ('brokerId' in action && action.brokerId !== undefined && action.brokerId !== MASTER_ID) return { ...event, brokerId: action.brokerId };
  return event;
}

/** The process or link a fault event is about, as the page names it: `broker-a/1`, `broker-b ↔ broker-b/1`. */
export function faultSubject(event: { target: string; brokerId?: number; peer?: string }): string {
  if (event.peer !== undefined) return `${event.target} ↔ ${event.peer}`;
  return event.brokerId === undefined ? event.target : `${event.target}/${event.brokerId}`;
}
