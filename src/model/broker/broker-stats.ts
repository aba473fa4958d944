/**
 * What a broker counts of its own work, as BrokerStatsManager keeps counters: the remoting
 * requests it processed, one number per RequestCode (plain data, so a snapshot copies it).
 */
import type { BrokerState } from '../state.ts';

export function countRequest(broker: BrokerState, code: string): void {
  broker.requestCounts[code] = (broker.requestCounts[code] ?? 0) + 1;
}
