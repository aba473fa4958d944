/** A Timeline's trace events of one type, for tests that read a run's story from its trace. */
import type { TraceEvent } from '../../src/model/events.ts';
import type { Timeline } from '../../src/sim/timeline.ts';

export type Event<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;

/** The events of `type` in the trace so far that `match` accepts, in trace order. */
export function eventsOf<T extends TraceEvent['type']>(timeline: Timeline, type: T, match: (event: Event<T>) => boolean = () => true): Event<T>[] {
  return timeline.traceSlice(0).filter((event): event is Event<T> => event.type === type && match(event as Event<T>));
}
