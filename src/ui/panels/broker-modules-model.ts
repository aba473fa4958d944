/**
 * A broker as its modules, derived from its state: remoting (the requests it processed, by
 * RequestCode), the client manager (ConsumerManager's groups and channels), the store (CommitLog,
 * one ConsumeQueue per queue, the index) and HA; and one stored message's path through them. The
 * index's count and the message are read where the run lives (the named query brokerStore).
 */
import type { BrokerState, StoredMessage } from '../../sim/index.ts';

/** The study note's five modules of a broker (docs/learners-note.md), in its order (Remoting Module, clientManager, Store Service, HA service, Index service). */
export const BROKER_MODULES = ['remoting', 'clientManager', 'store', 'ha', 'index'] as const;
export type BrokerModule = (typeof BROKER_MODULES)[number];

/** What the module map says of each module at a glance: the counts its box below details. */
export interface ModuleFigures {
  requests: number;
  producerGroups: number;
  consumerGroups: number;
  messages: number;
  /** A master's slaves whose HA connection is open, or for a slave whether it is connected to its master. */
  ha: { role: 'master'; slaves: number } | { role: 'slave'; connected: boolean };
  /** Not known until the run answers the brokerStore query. */
  indexEntries: number | undefined;
}

export function moduleFigures(broker: Readonly<BrokerState>, openSlaves: number, indexEntries: number | undefined): ModuleFigures {
  return {
    requests: Object.values(broker.requestCounts).reduce((sum: number, count) => sum + (count ?? 0), 0),
    producerGroups: Object.keys(broker.producerTable).length,
    consumerGroups: Object.keys(broker.consumerTable).length,
    messages: broker.commitLog.length,
    ha: broker.role === 'SLAVE' ? { role: 'slave', connected: broker.haConnected } : { role: 'master', slaves: openSlaves },
    indexEntries,
  };
}

/** RequestCode (remoting/protocol/RequestCode.java) and the processor that handles it. */
const REQUEST_CODES: Record<string, { code: number; processor: string }> = {
  SEND_MESSAGE: { code: 10, processor: 'SendMessageProcessor' },
  PULL_MESSAGE: { code: 11, processor: 'PullMessageProcessor' },
  QUERY_CONSUMER_OFFSET: { code: 14, processor: 'ConsumerManageProcessor' },
  UPDATE_CONSUMER_OFFSET: { code: 15, processor: 'ConsumerManageProcessor' },
  UPDATE_AND_CREATE_TOPIC: { code: 17, processor: 'AdminBrokerProcessor' },
  GET_ALL_TOPIC_CONFIG: { code: 21, processor: 'AdminBrokerProcessor' },
  GET_MAX_OFFSET: { code: 30, processor: 'AdminBrokerProcessor' },
  HEART_BEAT: { code: 34, processor: 'ClientManageProcessor' },
  UNREGISTER_CLIENT: { code: 35, processor: 'ClientManageProcessor' },
  CONSUMER_SEND_MSG_BACK: { code: 36, processor: 'SendMessageProcessor' },
  GET_CONSUMER_LIST_BY_GROUP: { code: 38, processor: 'ConsumerManageProcessor' },
  GET_ALL_CONSUMER_OFFSET: { code: 43, processor: 'AdminBrokerProcessor' },
};

interface RequestRow {
  name: string;
  code: number | null;
  processor: string;
  count: number;
}

/** Every code the broker processed, in RequestCode order. */
export function remotingRows(broker: Readonly<BrokerState>): RequestRow[] {
  return Object.entries(broker.requestCounts)
    .map(([name, count]) => ({ name, code: REQUEST_CODES[name]?.code ?? null, processor: REQUEST_CODES[name]?.processor ?? '', count: count ?? 0 }))
    .sort((a, b) => (a.code ?? Infinity) - (b.code ?? Infinity) || (a.name < b.name ? -1 : 1));
}

/** Groups whose committed offset on the message's queue is past it: the pull processor gave it out. */
export function pulledBy(broker: Readonly<BrokerState>, message: StoredMessage): string[] {
  const key = `${message.topic}@${message.queueId}`;
  return Object.entries(broker.consumerOffsetTable)
    .filter(([, offsets]) => (offsets[key] ?? 0) > message.queueOffset)
    .map(([group]) => group)
    .sort();
}
