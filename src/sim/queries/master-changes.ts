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
  changes: (MasterChange & { index: number })[];
}

const scans = new WeakMap<TimelineView, Scan>();

export function masterChanges(timeline: TimelineView, _args: Record<string, never> = {}): MasterChange[] {
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
  return scan.changes.filter((change) => change.index < length).map(({ t, broker, node }) => ({ t, broker, node }));
}
