/**
 * What a broker counts of its own work, as BrokerStatsManager keeps counters: the remoting
 * requests it processed, one number per RequestCode, the messages it wrote and those it returned to
 * pulls (plain data, so a snapshot copies it).
 */
import { dict } from '../../engine/index.ts';
import { AUTO_CREATE_TOPIC_KEY_TOPIC, MASTER_ID, SCHEDULE_TOPIC } from '../defaults.ts';
import type { Sim } from '../sim-types.ts';
import type { BrokerState, StoredMessage } from '../state.ts';
import { statsKey } from './queue-keys.ts';
import { traceMessageStored } from '../trace-writer.ts';

/**
 * A process that starts is a new JVM: BrokerController builds a new BrokerStatsManager and the
 * store a new StoreStatsService, so every figure counts from 0 at its start, a restart's too.
 */
export function newBrokerStats(broker: BrokerState): void {
  broker.requestCounts = dict();
  broker.messagesStored = 0;
  broker.messagesServed = 0;
  broker.messagesPut = 0;
  broker.groupGetNums = dict();
}

export function countRequest(broker: BrokerState, code: string): void {
  broker.requestCounts[code] = (broker.requestCounts[code] ?? 0) + 1;
}

/**
 * `broker` answers `group`'s pull of `topic` with `messages` (DefaultPullMessageResultHandler:
 * incGroupGetNums and incBrokerGetNums on the broker that served it).
 */
export function pullAnswered(broker: BrokerState, group: string, topic: string, messages: StoredMessage[]): StoredMessage[] {
  broker.messagesServed += messages.length;
  const key = statsKey(topic, group);
  broker.groupGetNums[key] = (broker.groupGetNums[key] ?? 0) + messages.length;
  return messages;
}

/**
 * BrokerStatsManager.incBrokerPutNums(topic, n), as 5.x's Today Produce Count reads it
 * (getBrokerPutNumsWithoutSystemTopic): only SendMessageProcessor's puts, with the topic the message
 * was stored under (SCHEDULE_TOPIC_XXXX for a delayed one), and ScheduleMessageService's delivery to
 * the real topic raise it; a consumer's send-back (consumerSendMsgBack) does not, nor a slave's
 * replica. System topics (TopicValidator.isSystemTopic) are left out; %RETRY% and %DLQ% are not ones.
 */
export function incBrokerPutNums(broker: BrokerState, topic: string): void {
  if (topic !== SCHEDULE_TOPIC && topic !== AUTO_CREATE_TOPIC_KEY_TOPIC) broker.messagesPut++;
}

/** `broker` wrote `message` (a put, or a slave's replica): counted and traced. */
export function storedBy(sim: Sim, broker: BrokerState, message: StoredMessage): void {
  broker.messagesStored++;
  if (broker.brokerId === MASTER_ID) {
    const onMasters = sim.state.stats.storedOnMasters;
    onMasters[broker.name] = (onMasters[broker.name] ?? 0) + 1;
  }
  traceMessageStored(sim, broker, message);
}
