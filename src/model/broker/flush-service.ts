/**
 * Flushing the CommitLog from the page cache to disk, and what a machine loses when it dies
 * (CommitLog.FlushRealTimeService, GroupCommitService, DefaultFlushManager.handleDiskFlush).
 *
 * - ASYNC_FLUSH: every put wakes FlushRealTimeService, which otherwise wakes every
 *   flushIntervalCommitLog (500 ms). It flushes only when at least flushCommitLogLeastPages (4)
 *   OS pages of 4 KB are dirty, except that every flushCommitLogThoroughInterval (10 s) it flushes
 *   whatever there is. At a low rate of small messages, seconds of acknowledged messages live in
 *   the page cache only.
 * - SYNC_FLUSH: the put waits for GroupCommitService to flush up to it. A flush takes no virtual
 *   time here, so the put is flushed when it is answered (and FLUSH_DISK_TIMEOUT never comes).
 *
 * A process crash keeps the page cache (the OS writes it out); a power loss drops it. On restart
 * the broker recovers the CommitLog up to what was flushed and truncates its ConsumeQueues to
 * match (CommitLog.recoverAbnormally, DefaultMessageStore.truncateDirtyLogicFiles). A message in
 * the lost tail is lost for good when no other replica of the broker group still holds it.
 */
import { messageLost } from '../message-lost.ts';
import type { Sim } from '../sim-types.ts';
import type { BrokerState, ModelState } from '../state.ts';
import type { MessageLostReason } from '../vocabulary.ts';
import { truncateCommitLog } from './message-store.ts';

/** MappedFile.OS_PAGE_SIZE. */
const OS_PAGE_SIZE = 4_096;

/** MappedFile.isAbleToFlush: pages written beyond the last flushed page. */
function dirtyPages(broker: BrokerState): number {
  return Math.floor(broker.maxPhyOffset / OS_PAGE_SIZE) - Math.floor(broker.flushedPhyOffset / OS_PAGE_SIZE);
}

/** One round of FlushRealTimeService (or GroupCommitService for SYNC_FLUSH). */
function flushCommitLog(state: ModelState, broker: BrokerState, now: number): void {
  if (broker.flushDiskType === 'SYNC_FLUSH') {
    broker.flushedPhyOffset = broker.maxPhyOffset;
    return;
  }
  const thorough = now >= broker.lastThoroughFlushAt + state.config.flushCommitLogThoroughIntervalMs;
  if (thorough) broker.lastThoroughFlushAt = now;
  if (thorough || dirtyPages(broker) >= state.config.flushCommitLogLeastPages) broker.flushedPhyOffset = broker.maxPhyOffset;
}

/** FlushRealTimeService's loop starts with the store: its first round flushes thoroughly. */
export function startFlushService(broker: BrokerState, now: number): void {
  broker.lastThoroughFlushAt = now;
  broker.flushTickPending = false;
}

/** A put was appended: wake the flush service, and keep its 500 ms rounds going while data is dirty. */
export function flushAfterPut(state: ModelState, broker: BrokerState, sim: Sim): void {
  flushCommitLog(state, broker, sim.now);
  scheduleFlushTick(state, broker, sim);
}

function scheduleFlushTick(state: ModelState, broker: BrokerState, sim: Sim): void {
  if (broker.flushTickPending || broker.flushedPhyOffset >= broker.maxPhyOffset) return;
  broker.flushTickPending = true;
  sim.after(state.config.flushIntervalCommitLogMs, { kind: 'broker.flushCommitLog', broker: broker.node, epoch: broker.epoch });
}

export function onFlushTick(state: ModelState, event: { broker: string; epoch: number }, sim: Sim): void {
  const broker = state.brokers[event.broker];
  if (!broker || broker.status !== 'running' || broker.epoch !== event.epoch) return;
  broker.flushTickPending = false;
  flushCommitLog(state, broker, sim.now);
  scheduleFlushTick(state, broker, sim);
}

/** Commit log entries that survive a power loss: those wholly below the flushed offset. */
export function durableLength(broker: BrokerState): number {
  if (!broker.pageCacheLost) return broker.commitLog.length;
  let length = broker.commitLog.length;
  while (length > 0) {
    const message = broker.commitLog.at(length - 1)!;
    if (message.commitLogOffset + message.size <= broker.flushedPhyOffset) break;
    length--;
  }
  return length;
}

/**
 * Whether another replica of the group still holds this message (a crashed one keeps its page
 * cache): at the same place, or anywhere past `from`, where the two logs may part. Two masters of a
 * split brain (controller mode) each deliver the same scheduled messages, each in its own order.
 */
function heldElsewhere(state: ModelState, broker: BrokerState, index: number, from: number): boolean {
  const { msgId } = broker.commitLog.at(index)!;
  return Object.values(state.brokers).some((other) => other !== broker && other.name === broker.name && holds(other, msgId, index, from));
}

function holds(other: BrokerState, msgId: string, index: number, from: number): boolean {
  const end = durableLength(other);
  if (index < end && other.commitLog.at(index)?.msgId === msgId) return true;
  for (let at = Math.max(from, other.commitLog.minIndex); at < end; at++) if (other.commitLog.at(at)!.msgId === msgId) return true;
  return false;
}

/**
 * Entries from `from` on leave this broker's commit log (`reason`): each one no other replica of
 * the group still holds is lost for good (message.lost).
 */
export function loseEntries(state: ModelState, broker: BrokerState, from: number, reason: MessageLostReason, sim: Sim): void {
  for (let index = from; index < broker.commitLog.length; index++) {
    if (heldElsewhere(state, broker, index, from)) continue;
    const message = broker.commitLog.at(index)!;
    messageLost(state, sim, {
      msgId: message.msgId, broker: broker.name, brokerId: broker.brokerId, topic: message.topic, queueId: message.queueId, queueOffset: message.queueOffset, reason,
    }, message.serial);
  }
}

/** The machine dies: the page cache is gone, and so is every unflushed entry no other replica has. */
export function losePageCache(state: ModelState, broker: BrokerState, sim: Sim): void {
  broker.pageCacheLost = true;
  loseEntries(state, broker, durableLength(broker), 'notFlushedNotReplicated', sim);
}

/**
 * Restart after a power loss: the CommitLog ends at its last flushed message and each
 * ConsumeQueue at its last entry inside it (message-store.ts, truncateCommitLog).
 */
export function recoverAfterPowerLoss(broker: BrokerState): void {
  if (!broker.pageCacheLost) return;
  truncateCommitLog(broker, durableLength(broker));
  broker.pageCacheLost = false;
}
