/**
 * The headless runner's reclaim: what no one can ever read or count again leaves memory, so a run
 * of any length holds about what is in flight, not everything it ever stored. RocketMQ itself
 * keeps commit log files for fileReservedTime (72 hours: CleanCommitLogService) and reads them
 * from disk; the simulation keeps its store in memory, and frees only entries no reader can reach
 * (broker/commit-log-readers.ts), so the run is exactly the same, trace and summary alike. Reading a
 * freed entry throws: a bug in that decision, never a wrong answer.
 *
 * Per message it also settles the statistics (state.ts MessageStats): once no event, request,
 * producer or stored entry holds a serial any more (in-flight.ts), nothing can store, consume or
 * filter it again, so its marks become numbers. Only for a run that is never restored: a Timeline
 * shares its stores and marks with its snapshots by length, and must never reclaim.
 */
import type { MarkSet } from '../engine/index.ts';
import { CommitLog } from './broker/commit-log.ts';
import { gatherReaders, lowestReadIndex } from './broker/commit-log-readers.ts';
import { ConsumeQueue } from './broker/consume-queue.ts';
import { inFlight } from './in-flight.ts';
import { consumedByAnyReader } from './message-lost.ts';
import type { Sim } from './sim-types.ts';
import type { BrokerState, ModelState } from './state.ts';

export function reclaim(sim: Sim): void {
  const state = sim.state;
  const flight = inFlight(state, sim);
  const readers = gatherReaders(state, flight);
  let oldestSerial = flight.oldestSerial;
  for (const replicas of brokerGroups(state)) {
    const logs = replicas.map((broker) => columns(broker));
    const point = sharedPoint(logs, lowestReadIndex(replicas, readers) - 1);
    for (const broker of replicas) reclaimStore(broker, point);
    for (const log of logs) oldestSerial = Math.min(oldestSerial, log.oldestSerial());
  }
  settleSerials(state, oldestSerial, sim.traceCount);
}

function columns(broker: BrokerState): CommitLog {
  if (!(broker.commitLog instanceof CommitLog)) throw new Error('reclaim: the CommitLog must be kept in columns (ModelOptions.commitLog)');
  return broker.commitLog;
}

/** The broker processes of each broker name: a master and its slaves share one index space. */
function brokerGroups(state: ModelState): BrokerState[][] {
  const groups = new Map<string, BrokerState[]>();
  for (const broker of Object.values(state.brokers)) {
    const group = groups.get(broker.name);
    if (group) group.push(broker);
    else groups.set(broker.name, [broker]);
  }
  return [...groups.values()];
}

/**
 * Entries below the point are freed, the one at it kept: every replica must hold the same entries
 * up to it (by storeId), so that a replica cut back to what a new master holds (replicas-manager.ts
 * cutBackTo, which starts at the freed point) never needs a freed one, and keeps the last it holds.
 */
function sharedPoint(logs: CommitLog[], point: number): number {
  const from = logs[0]!.minIndex;
  if (logs.length === 1 || point <= from) return point;
  for (let index = from; index <= point; index++) {
    const storeId = logs[0]!.storeIdAt(index);
    if (logs.some((log) => log.storeIdAt(index) !== storeId)) return index - 1;
  }
  return point;
}

/** The CommitLog below the point, and each ConsumeQueue's entries that point there. */
function reclaimStore(broker: BrokerState, point: number): void {
  if (point <= broker.commitLog.minIndex) return;
  columns(broker).reclaimBelow(point);
  for (const queues of Object.values(broker.consumeQueues)) {
    queues.forEach((queue, queueId) => {
      let first = queue.minIndex;
      while (first < queue.length && queue.at(first)! < point) first++;
      if (first === queue.minIndex) return;
      if (queue instanceof ConsumeQueue) queue.reclaimBelow(first);
      else queues[queueId] = ConsumeQueue.from(queue, first);
    });
  }
}

/** Forgets the "reader|serial" marks of serials below `settled`; returns how many of them their reader never consumed. */
function settleReaderMarks(stats: ModelState['stats'], marks: MarkSet<string>, settled: number, position: number): number {
  let unread = 0;
  marks.removeWhere((key) => {
    const bar = key.lastIndexOf('|');
    const serial = Number(key.slice(bar + 1));
    if (serial >= settled) return false;
    if (stats.consumedIds[key.slice(0, bar)]?.has(serial, position) !== true) unread++;
    return true;
  });
  return unread;
}

/** Serials below `settled` are never stored, consumed or filtered again: count what their marks meant, then forget them. */
function settleSerials(state: ModelState, settled: number, position: number): void {
  const { stats } = state;
  stats.settledFilteredOut += settleReaderMarks(stats, stats.filteredOutIds, settled, position);
  stats.settledStoredBehind += settleReaderMarks(stats, stats.storedBehindIds, settled, position);
  stats.lostIds.removeWhere((serial) => {
    if (serial >= settled) return false;
    if (consumedByAnyReader(stats, serial, position)) stats.settledLostConsumed++;
    return true;
  });
  stats.storedIds.reclaimBelow(settled);
  for (const consumed of Object.values(stats.consumedIds)) consumed.reclaimBelow(settled);
}
