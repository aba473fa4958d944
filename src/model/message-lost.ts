/**
 * A message lost for good (message.lost): counted with the summary's lost and by its reason, and
 * traced. The one place both ways of losing one (src/model/broker/flush-service.ts: a power loss
 * or a truncation took the last copy; src/model/oneway-loss.ts: a ONEWAY send no broker stored)
 * count it, and remember the stored ones for the summary's lostConsumed.
 */
import type { TraceEvent } from './events.ts';
import type { Sim } from './sim-types.ts';
import type { MessageStats, ModelState } from './state.ts';

type Lost = Extract<TraceEvent, { type: 'message.lost' }>;

/** `storedSerial`: the message a broker had stored (StoredMessage.serial); none for a ONEWAY send no broker stored. */
export function messageLost(state: ModelState, sim: Sim, lost: Omit<Lost, 't' | 'type'>, storedSerial?: number): void {
  const { stats } = state;
  stats.lost++;
  stats.lostCauses[lost.reason] = (stats.lostCauses[lost.reason] ?? 0) + 1;
  if (storedSerial !== undefined) stats.lostIds.add(storedSerial, sim.traceCount);
  // The trace's keys in their documented order (docs/trace.md), whatever order the caller gave.
  const { msgId, broker, brokerId, topic, queueId, queueOffset, reason } = lost;
  sim.emit({ t: sim.now, type: 'message.lost', msgId, broker, brokerId, topic, queueId, queueOffset, reason });
}

/**
 * Whether some reader consumed the message before this position. A consumer consumes what it had
 * pulled before its broker lost the message, so a loss may be seen by the business after the fact.
 */
export function consumedByAnyReader(stats: MessageStats, serial: number, position: number): boolean {
  for (const reader in stats.consumedIds) if (stats.consumedIds[reader]!.has(serial, position)) return true;
  return false;
}
