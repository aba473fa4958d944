/**
 * Asks a named query (src/sim/queries/index.ts) of the loaded run. The answer comes back as a
 * promise, so the query can run wherever the Timeline lives; it reads the run at the time it is
 * asked and never moves it.
 */
import { runSimQuery, type SimQueryArgs, type SimQueryName, type SimQueryResult } from '../sim/queries/index.ts';
import { getRemoteRun, getTimeline } from './playback.ts';

class NoRunLoaded extends Error {
  constructor() {
    super('No scenario is loaded: there is no run to ask.');
    this.name = 'NoRunLoaded';
  }
}

export function askSim<N extends SimQueryName>(name: N, args: SimQueryArgs<N>): Promise<SimQueryResult<N>> {
  const remote = getRemoteRun();
  if (remote) return remote.ask(name, args) as Promise<SimQueryResult<N>>;
  const timeline = getTimeline();
  if (!timeline) return Promise.reject(new NoRunLoaded());
  try {
    return Promise.resolve(runSimQuery(timeline, name, args));
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
