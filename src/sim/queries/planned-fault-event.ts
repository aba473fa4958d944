/**
 * The fault event a file's timeline action will make, as far as the file alone decides it: the
 * page's scrubber says each action before the run reaches it. A module of its own, out of the
 * page's first script (the captions' chunk reads it, src/ui/narration/narrate.ts).
 */
import { faultEvent } from '../../model/fault-event.ts';
import type { TraceEvent } from '../../model/events.ts';
import type { Scenario, TimelineAction } from '../../model/spec.ts';

/**
 * The fault event a file's action will make, as far as the file decides it: faultEvent's, and on a
 * removal of a client whose start is still to come, the start it cancels (src/model/timeline.ts cancelStart).
 * What only the run decides (noEffect) is the trace's to say.
 */
export function plannedFaultEvent(scenario: Pick<Scenario, 'producers' | 'consumers' | 'timeline'>, action: TimelineAction): Extract<TraceEvent, { type: 'fault' }> {
  const event = faultEvent(action, action.at);
  const startAt = action.action === 'removeConsumer' || action.action === 'removeProducer' ? pendingStart(scenario, action.target, action) : null;
  return startAt === null ? event : { ...event, cancelsStartAt: startAt };
}

/**
 * When a removal's client starts, if that is still to come and no earlier removal took it: an
 * initial client at its startAt (its start is queued before every action of that instant), an added
 * one at its later startAt (queued when it was added, after the actions of that instant).
 */
function pendingStart(scenario: Pick<Scenario, 'producers' | 'consumers' | 'timeline'>, target: string, action: TimelineAction): number | null {
  const index = scenario.timeline.indexOf(action);
  const before = scenario.timeline.filter((other, i) => other.at < action.at || (other.at === action.at && i < index));
  if (before.some((other) => (other.action === 'removeConsumer' || other.action === 'removeProducer') && other.target === target)) return null;
  const initial = [...scenario.producers, ...scenario.consumers].find((spec) => spec.id === target);
  if (initial) return initial.startAt > action.at ? initial.startAt : null;
  for (const other of before) {
    const added = other.action === 'addConsumer' ? other.consumer : other.action === 'addProducer' ? other.producer : null;
    if (added?.id === target) return added.startAt > other.at && added.startAt >= action.at ? added.startAt : null;
  }
  return null;
}
