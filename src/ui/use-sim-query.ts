/**
 * A named query (src/sim/queries/index.ts) as a panel reads it: asked again when its arguments,
 * the playhead or the run change, answered asynchronously (the query may run in the simulation's
 * worker). One ask per panel is in flight at a time: moves made meanwhile are folded into one
 * ask when it returns, so a slow query never piles up work behind the playhead. An answer to
 * other arguments or another run than the panel's latest is dropped; an answer for an earlier
 * time of the same question is shown until the newer one arrives (a chart lagging one refresh
 * behind reads better than a blank one). A query that answers a share of its work at a time (the
 * event log's search) is asked again, after a pause, while `askAgain` says its answer is partial.
 */
import { useEffect, useRef, useState } from 'react';
import type { SimQueryArgs, SimQueryName, SimQueryResult } from '../sim/queries/index.ts';
import { askSim } from '../store/sim-query.ts';
import { usePlayback } from '../store/playback.ts';
import { TEXT_PANEL_REFRESH, useSimView, type SimViewOptions } from './use-sim.ts';

interface SimQueryAnswer<N extends SimQueryName> {
  /** The latest answer to this question; undefined until the first one arrives (or after an error). */
  data: SimQueryResult<N> | undefined;
  /** Whether an answer for the current arguments and time is still to come. */
  pending: boolean;
  /** The query's error message, when the latest ask failed. */
  error?: string;
}

export interface SimQueryOptions<N extends SimQueryName> extends SimViewOptions {
  /** Whether an answer is only part of the work, so the same question is asked again (after AGAIN_AFTER_MS). */
  askAgain?: (data: SimQueryResult<N>) => boolean;
}

/** Pause before a partial answer is asked again, so the page keeps its frames meanwhile. */
export const AGAIN_AFTER_MS = 16;

interface Answered<N extends SimQueryName> {
  /** The question (name, arguments and run) and the time it was asked at. */
  question: string;
  timeMs: number;
  data?: SimQueryResult<N>;
  error?: string;
}

/**
 * Asks `name` with `args` at the playhead; `args` null asks nothing (the panel needs no answer
 * now). Arguments are compared by their JSON, so a literal object per render does not re-ask.
 * While playing, follows the playhead as `options` says (ten times a second by default, like the
 * text panels).
 */
export function useSimQuery<N extends SimQueryName>(name: N, args: SimQueryArgs<N> | null, options: SimQueryOptions<N> = TEXT_PANEL_REFRESH): SimQueryAnswer<N> {
  const view = useSimView(options);
  const version = usePlayback((s) => s.timelineVersion);
  const question = JSON.stringify([name, args, version]);
  const timeMs = view?.timeMs ?? 0;
  const loaded = view !== null && args !== null;
  const [answer, setAnswer] = useState<Answered<N> | null>(null);
  /** Bumped when an ask returns, so that moves made meanwhile are asked for. */
  const [returned, setReturned] = useState(0);
  const inFlight = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const current = answer && answer.question === question ? answer : null;
  const partial = current !== null && current.timeMs === timeMs && current.data !== undefined && options.askAgain?.(current.data) === true;

  useEffect(() => {
    if (!loaded || inFlight.current) return;
    const answered = answer !== null && answer.question === question && answer.timeMs === timeMs;
    if (answered && !partial) return;
    const ask = () => {
      inFlight.current = true;
      const asked = { question, timeMs };
      // The arguments as compared (their JSON): a new literal object per render does not re-ask.
      const [askedName, askedArgs] = JSON.parse(question) as [N, SimQueryArgs<N>];
      askSim(askedName, askedArgs).then(
        (data) => mounted.current && setAnswer({ ...asked, data }),
        (error: unknown) => mounted.current && setAnswer({ ...asked, error: error instanceof Error ? error.message : String(error) }),
      ).finally(() => {
        inFlight.current = false;
        if (mounted.current) setReturned((n) => n + 1);
      });
    };
    if (!answered) return ask();
    const timer = setTimeout(ask, AGAIN_AFTER_MS);
    return () => clearTimeout(timer);
  }, [loaded, question, timeMs, answer, returned, partial]);

  return {
    data: current?.data,
    pending: loaded && (!current || current.timeMs !== timeMs),
    ...(current?.error !== undefined ? { error: current.error } : {}),
  };
}
