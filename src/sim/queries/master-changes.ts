/**
 * Every master change of the run up to the playhead (src/sim/trace-broker-node.ts): what a view
 * needs to name the node behind an old event's `brokerName/brokerId`. The trace before the
 * playhead never changes, so the changes found are kept per timeline and only the events added
 * since the last ask are read; a seek back reads nothing.
 */
import type { TimelineView } from '../timeline.ts';
import { masterChangeOf, type MasterChange } from '../trace-broker-node.ts';

const CHUNK = 4_096;

interface Scan {
  /** Trace indices read so far. */
  scanned: number;
  changes: IndexedChange[];
}

const scans = new WeakMap<TimelineView, Scan>();

/** A master change and the trace index of the event that records it. */
type IndexedChange = MasterChange & { index: number };

/** Every master change up to the playhead with its trace index, in trace order (read, never change). */
function indexedMasterChanges(timeline: TimelineView): readonly IndexedChange[] {
  if (!timeline.scenario.config.enableControllerMode) return [];
  let scan = scans.get(timeline);
  if (!scan) scans.set(timeline, (scan = { scanned: 0, changes: [] }));
  const length = timeline.traceLength;
  for (let from = scan.scanned; from < length; from += CHUNK) {
    timeline.traceSlice(from, Math.min(length, from + CHUNK)).forEach((event, offset) => {
      const change = masterChangeOf(timeline.state, event);
      if (change) scan.changes.push({ ...change, index: from + offset });
    });
  }
  scan.scanned = Math.max(scan.scanned, length);
  return scan.changes.filter((change) => change.index < length);
}

export function masterChanges(timeline: TimelineView, _args: Record<string, never> = {}): MasterChange[] {
  return indexedMasterChanges(timeline).map(({ t, broker, node }) => ({ t, broker, node }));
}
