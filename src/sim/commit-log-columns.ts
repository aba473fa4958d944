/**
 * The CommitLog in columns (src/model/broker/commit-log.ts) for the runs that go long: the
 * headless runner and the page's worker pass it to the model (ModelOptions.commitLog). A run on
 * the page's main thread keeps its entries as objects, so the initial JavaScript does without it.
 */
import { CommitLog } from '../model/broker/commit-log.ts';

/**
 * The headless runner's: it reclaims every 10 s (src/sim/simulate.ts), so most entries are freed
 * while they are still among the latest 4,096 kept as objects, and never written to the columns.
 */
export function commitLogInColumns(): CommitLog {
  return new CommitLog();
}

/**
 * How many of the latest entries a Timeline's CommitLog keeps as objects: about 10 s of a broker
 * of the reference scenario (50 messages a second), where its consumers and its slave read a
 * message within milliseconds of its store.
 */
const TIMELINE_RECENT = 512;

/**
 * A Timeline's (the page's worker): it never reclaims (its snapshots share the columns), so every
 * entry goes into the columns, and is written there as it is appended, while its fields are in the
 * cache (docs/runner.md: the columns' write took half the time it took 512 appends later). Kept as
 * an object for 4,096 entries (80 s), each message outlived two scavenges and was copied into the
 * old generation to die there; kept for 512, it dies young. Measured on the reference scenario's
 * first 10 minutes in a Timeline (test/bench/ab.ts, fresh processes): median new/old 1.15 over 8
 * pairs. Not the runner's: there the entries then went to the columns before the reclaim freed
 * them (runner 0.88 over 8 pairs).
 */
export function commitLogForTimeline(): CommitLog {
  return CommitLog.keepingRecent(TIMELINE_RECENT, true);
}
