/**
 * A broker as its modules, derived from its state: remoting (the requests it processed, by
 * RequestCode), the client manager (ConsumerManager's groups and channels), the store (CommitLog,
 * one ConsumeQueue per queue, the index) and HA; and one stored message's path through them.
 */
import { indexedKeys, type BrokerState, type StoredMessage } from '../../sim/index.ts';

/** RequestCode (remoting/protocol/RequestCode.java) and the processor that handles it. */
export const REQUEST_CODES: Record<string, { code: number; processor: string }> = {
  SEND_MESSAGE: { code: 10, processor: 'SendMessageProcessor' },
  PULL_MESSAGE: { code: 11, processor: 'PullMessageProcessor' },
  QUERY_CONSUMER_OFFSET: { code: 14, processor: 'ConsumerManageProcessor' },
  UPDATE_CONSUMER_OFFSET: { code: 15, processor: 'ConsumerManageProcessor' },
  UPDATE_AND_CREATE_TOPIC: { code: 17, processor: 'AdminBrokerProcessor' },
  GET_ALL_TOPIC_CONFIG: { code: 21, processor: 'AdminBrokerProcessor' },
  HEART_BEAT: { code: 34, processor: 'ClientManageProcessor' },
  UNREGISTER_CLIENT: { code: 35, processor: 'ClientManageProcessor' },
  CONSUMER_SEND_MSG_BACK: { code: 36, processor: 'SendMessageProcessor' },
  GET_CONSUMER_LIST_BY_GROUP: { code: 38, processor: 'ConsumerManageProcessor' },
  GET_ALL_CONSUMER_OFFSET: { code: 43, processor: 'AdminBrokerProcessor' },
};

export interface RequestRow {
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

/**
 * IndexService.buildIndex: one entry for the message's unique key and one per key of `keys`
 * (split on spaces), per stored message. Counted once per message and kept per commit log, whose
 * entries never change: a later look only counts the messages appended since.
 */
const indexCounts = new WeakMap<readonly StoredMessage[], Int32Array>();

function entriesOf(message: StoredMessage): number {
  return indexedKeys(message.keys, message.msgId).length;
}

export function indexEntries(broker: Readonly<BrokerState>): number {
  const { items, length } = broker.commitLog;
  let prefix = indexCounts.get(items);
  if (!prefix || prefix.length <= length) {
    const grown = new Int32Array(Math.max(1_024, (length + 1) * 2)).fill(-1);
    if (prefix) grown.set(prefix);
    grown[0] = 0;
    prefix = grown;
    indexCounts.set(items, prefix);
  }
  let known = length;
  while (prefix[known] === -1) known--;
  // With the run in a worker the page holds a log's latest entries only (docs/worker.md): the rest count 0.
  for (let i = known; i < length; i++) prefix[i + 1] = prefix[i]! + (items[i] ? entriesOf(items[i]!) : 0);
  return prefix[length]!;
}

/** The selected message in this broker's commit log (its newest copy), or null. */
export function findStored(broker: Readonly<BrokerState>, msgId: string): StoredMessage | null {
  for (let i = broker.commitLog.length - 1; i >= 0; i--) {
    const message = broker.commitLog.items[i];
    // Past the latest entries the page holds when the run is in a worker (docs/worker.md).
    if (!message) return null;
    if (message.msgId === msgId) return message;
  }
  return null;
}

/** Groups whose committed offset on the message's queue is past it: the pull processor gave it out. */
export function pulledBy(broker: Readonly<BrokerState>, message: StoredMessage): string[] {
  const key = `${message.topic}@${message.queueId}`;
  return Object.entries(broker.consumerOffsetTable)
    .filter(([, offsets]) => (offsets[key] ?? 0) > message.queueOffset)
    .map(([group]) => group)
    .sort();
}
