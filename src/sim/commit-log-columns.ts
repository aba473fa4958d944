/**
 * The CommitLog in columns (src/model/broker/commit-log.ts) for the runs that go long: the
 * headless runner and the page's worker pass it to the model (ModelOptions.commitLog). A run on
 * the page's main thread keeps its entries as objects, so the initial JavaScript does without it.
 */
import { CommitLog } from '../model/broker/commit-log.ts';

export function commitLogInColumns(): CommitLog {
  return new CommitLog();
}
