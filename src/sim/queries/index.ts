/**
 * Named queries over the run's history: everything that scans more than the view of time t
 * (a message's whole life, series over time, a window of the trace, searches) is a pure function
 * here, `(timeline, args) => result`, whose result is plain structured-cloneable data (no
 * functions, class instances or Maps with object keys). The page asks them by name through
 * askSim (src/store/sim-query.ts) or useSimQuery (src/ui/use-sim-query.ts), so they can run
 * wherever the Timeline lives (on the page, or in the simulation's Web Worker).
 *
 * Add a query with one line below; a query never moves the run.
 */
import type { TimelineView } from '../timeline.ts';
import { chapterMoments } from './chapter-moments.ts';
import { traceWindow } from './trace-window.ts';
import { traceHash } from './trace-hash.ts';
import { seriesOverTime } from './series-over-time.ts';
import { traceJsonLines } from './trace-lines.ts';
import { whatIfShare } from './what-if.ts';
import { messageLife } from './message-life.ts';
import { dashboardStats } from './dashboard-stats.ts';
import { messagesByTopic } from './messages-by-topic.ts';
import { traceSearch } from './trace-search.ts';
import { brokerStore } from './broker-store.ts';
import { queueMessages } from './queue-messages.ts';
import { masterChanges } from './master-changes.ts';
import { allocations } from './allocations.ts';
import { faultSigns } from './fault-signs.ts';

export const simQueries = {
  traceWindow,
  traceHash,
  seriesOverTime,
  traceJsonLines,
  whatIf: whatIfShare,
  chapterMoments,
  messageLife,
  dashboardStats,
  messagesByTopic,
  traceSearch,
  brokerStore,
  queueMessages,
  masterChanges,
  allocations,
  faultSigns,
} satisfies Record<string, (timeline: TimelineView, args: never) => unknown>;

type SimQueries = typeof simQueries;
export type SimQueryName = keyof SimQueries;
export type SimQueryArgs<N extends SimQueryName> = Parameters<SimQueries[N]>[1];
export type SimQueryResult<N extends SimQueryName> = ReturnType<SimQueries[N]>;

/** Runs a query by name on a Timeline (where the Timeline lives: the page or the worker). */
export function runSimQuery<N extends SimQueryName>(timeline: TimelineView, name: N, args: SimQueryArgs<N>): SimQueryResult<N> {
  const query = simQueries[name] as (timeline: TimelineView, args: SimQueryArgs<N>) => SimQueryResult<N>;
  return query(timeline, args);
}
