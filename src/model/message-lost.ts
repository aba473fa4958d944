/**
 * A message lost for good (message.lost): counted with the summary's lost and by its reason, and
 * traced. The one place both ways of losing one (src/model/broker/flush-service.ts: a power loss
 * or a truncation took the last copy; src/model/oneway-loss.ts: a ONEWAY send no broker stored)
 * count it.
 */
import type { TraceEvent } from './events.ts';
import type { Sim } from './sim-types.ts';
import type { ModelState } from './state.ts';

type Lost = Extract<TraceEvent, { type: 'message.lost' }>;

export function messageLost(state: ModelState, sim: Sim, lost: Omit<Lost, 't' | 'type'>): void {
  const { stats } = state;
  stats.lost++;
  stats.lostCauses[lost.reason] = (stats.lostCauses[lost.reason] ?? 0) + 1;
  // The trace's keys in their documented order (docs/trace.md), whatever order the caller gave.
  const { msgId, broker, brokerId, topic, queueId, queueOffset, reason } = lost;
  sim.emit({ t: sim.now, type: 'message.lost', msgId, broker, brokerId, topic, queueId, queueOffset, reason });
}
