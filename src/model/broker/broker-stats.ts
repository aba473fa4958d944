/**
 * What a broker counts of its own work, as BrokerStatsManager keeps counters: the remoting
 * requests it processed, one number per RequestCode, the messages it wrote and those it returned to
 * pulls (plain data, so a snapshot copies it).
 */
import { MASTER_ID } from '../defaults.ts';
import type { Sim } from '../sim-types.ts';
import type { BrokerState, StoredMessage } from '../state.ts';
import { traceMessageStored } from '../trace-writer.ts';

export function countRequest(broker: BrokerState, code: string): void {
  broker.requestCounts[code] = (broker.requestCounts[code] ?? 0) + 1;
}

/**
 * `broker` answers `group`'s pull of `topic` with `messages` (DefaultPullMessageResultHandler:
 * incGroupGetNums and incBrokerGetNums on the broker that served it).
 */
export function pullAnswered(broker: BrokerState, group: string, topic: string, messages: StoredMessage[]): StoredMessage[] {
  broker.messagesServed += messages.length;
  const key = `${topic}@${group}`;
  broker.groupGetNums[key] = (broker.groupGetNums[key] ?? 0) + messages.length;
  return messages;
}

/** `broker` wrote `message` (a put, or a slave's replica): counted and traced. */
export function storedBy(sim: Sim, broker: BrokerState, message: StoredMessage): void {
  broker.messagesStored++;
  if (broker.brokerId === MASTER_ID) {
    broker.messagesPut++;
    const onMasters = sim.state.stats.storedOnMasters;
    onMasters[broker.name] = (onMasters[broker.name] ?? 0) + 1;
  }
  traceMessageStored(sim, broker, message);
}
