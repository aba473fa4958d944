/**
 * A broker's store as its modules panel shows it (the named query brokerStore): how many entries
 * its IndexService holds, and one message found in its CommitLog by msgId. Both read the whole
 * CommitLog, which lives where the run lives: the page holds only each log's latest entries.
 */
import { indexesOfMsgId, keysAt } from '../../model/broker/commit-log.ts';
import { indexedKeys } from '../../model/broker/index-service.ts';
import type { BrokerState, StoredMessage } from '../../model/state.ts';
import type { TimelineView } from '../timeline.ts';

export interface BrokerStoreArgs {
  /** The broker's key in the model state: brokerName/brokerId. */
  broker: string;
  /** The selected message, or null for none. */
  msgId: string | null;
}

export interface BrokerStore {
  /** IndexService's entries: one per key of each stored message (IndexService.buildIndex). */
  indexEntries: number;
  /** The selected message's newest copy in this broker's CommitLog, or null. */
  message: StoredMessage | null;
  /** The readers that had read past the message's queue offset when it was stored (message.storedBehind): no pull ever gives it to them. */
  passedBy: string[];
}

/**
 * IndexService.buildIndex: one entry for the message's unique key and one per key of `keys`
 * (split on spaces), per stored message. Counted once per message and kept per commit log, whose
 * entries never change: a later look only counts the messages appended since.
 */
const indexCounts = new WeakMap<object, Int32Array>();

/** indexedKeys(keys, msgId).length: its keys, and its msgId whatever it is. */
function entriesOf(keys: string): number {
  return indexedKeys(keys, '').length;
}

function indexEntries(broker: Readonly<BrokerState>): number {
  const log = broker.commitLog;
  const { storage, length } = log;
  // Keyed by the log's storage, which a log restored from a checkpoint shares with the one it was.
  let prefix = indexCounts.get(storage);
  if (!prefix || prefix.length <= length) {
    const grown = new Int32Array(Math.max(1_024, (length + 1) * 2)).fill(-1);
    if (prefix) grown.set(prefix);
    grown[0] = 0;
    prefix = grown;
    indexCounts.set(storage, prefix);
  }
  let known = length;
  while (prefix[known] === -1) known--;
  for (let i = known; i < length; i++) prefix[i + 1] = prefix[i]! + entriesOf(keysAt(log, i));
  return prefix[length]!;
}

/** The message's newest copy in this broker's CommitLog, or null. */
function findStored(broker: Readonly<BrokerState>, msgId: string): StoredMessage | null {
  const newest = indexesOfMsgId(broker.commitLog, msgId).at(-1);
  return newest === undefined ? null : broker.commitLog.at(newest)!;
}

/** Readers of `message` that had read past its offset when it was stored; the marks live where the run lives. */
function passedBy(timeline: TimelineView, message: StoredMessage | null): string[] {
  if (message === null) return [];
  const suffix = `|${message.serial}`;
  return timeline.state.stats.storedBehindIds.keysAt(timeline.traceLength).filter((key) => key.endsWith(suffix)).map((key) => key.slice(0, -suffix.length));
}

/** The query: null when the run has no such broker. */
export function brokerStore(timeline: TimelineView, { broker, msgId }: BrokerStoreArgs): BrokerStore | null {
  const state = timeline.state.brokers[broker];
  if (!state) return null;
  const message = msgId === null ? null : findStored(state, msgId);
  return { indexEntries: indexEntries(state), message, passedBy: passedBy(timeline, message) };
}
