import type { TraceEvent } from '../../../../src/model/events.ts';
import { queryLog, type EventFilter, type LogQuery } from '../../../../src/sim/queries/trace-search.ts';
import { Timeline, type TraceSource } from '../../../../src/sim/timeline.ts';
import { writeReadScenario } from '../../../component/panels/scenarios.ts';

/**
 * The filter's rule said once more, plainly, to check the search against: the type, then the
 * entity text in any field value but the time, case-insensitively.
 */
function matchesFilter(event: TraceEvent, { type, entity }: EventFilter): boolean {
  const needle = entity.trim().toLowerCase();
  if (type !== '' && event.type !== type) return false;
  return Object.entries(event).some(([key, value]) => key !== 't' && [value].flat().some((item) => String(item).toLowerCase().includes(needle)));
}

/** A trace of the given events: what a Timeline serves the search. */
function traceOf(events: readonly TraceEvent[]): TraceSource {
  return { traceLength: events.length, traceAt: (index) => events[index], traceSlice: (from, to = events.length) => events.slice(from, to) };
}

/** Whether the search finds the one event under the filter. */
function found(event: TraceEvent, filter: EventFilter): boolean {
  return queryLog(traceOf([event]), filter, 1).matching === 1;
}

describe('the event log query', () => {
  const sent = { t: 1_100, type: 'message.sent', producer: 'p-1', msgId: 'AB12', topic: 'TopicTest', tags: 'TagA', keys: '', broker: 'broker-a', queueId: 6, attempt: 1 } as const;

  it('matches a type and any field value, case-insensitively, but not the time', () => {
    expect(found(sent, { type: '', entity: '' })).toBe(true);
    expect(found(sent, { type: 'message.sent', entity: 'BROKER-A' })).toBe(true);
    expect(found(sent, { type: 'message.stored', entity: '' })).toBe(false);
    expect(found(sent, { type: '', entity: 'tagA' })).toBe(true);
    expect(found(sent, { type: '', entity: '1100' })).toBe(false);
    expect(found({ t: 1, type: 'rebalance', consumer: 'c-1', group: 'G', topic: 'T', queues: ['broker-b:3'] }, { type: '', entity: 'broker-b' })).toBe(true);
  });

  it('counts matches incrementally while the run moves forward, and again after a step back', () => {
    const timeline = new Timeline(writeReadScenario());
    const filter = { type: 'message.sent' as const, entity: 'broker-a' };
    const expected = () => timeline.traceSlice(0).filter((e) => matchesFilter(e, filter)).length;
    timeline.seek(10_000);
    expect(queryLog(timeline, filter, 0).matching).toBe(expected());
    timeline.seek(20_000);
    expect(queryLog(timeline, filter, 0).matching).toBe(expected());
    timeline.seek(5_000);
    expect(queryLog(timeline, filter, 0).matching).toBe(expected());
    expect(expected()).toBeGreaterThan(0);
  });

  it('returns the latest matches newest first with their trace index', () => {
    const timeline = new Timeline(writeReadScenario());
    timeline.seek(20_000);
    const { rows } = queryLog(timeline, { type: 'message.consumed', entity: '' }, 7);
    expect(rows).toHaveLength(7);
    for (const row of rows) expect(timeline.traceAt(row.index)).toEqual(row.event);
    expect(rows.map((row) => row.index)).toEqual([...rows.map((row) => row.index)].sort((a, b) => b - a));
    const consumed = timeline.traceSlice(0).filter((e) => e.type === 'message.consumed');
    expect(rows[0]!.event).toEqual(consumed.at(-1));
  });
});

/** A trace of `size` events, one per millisecond; its prefix up to `length` is what a Timeline at some time would give. */
class FakeTrace implements TraceSource {
  length: number;
  readonly events: TraceEvent[];
  slices = 0;
  /** Events handed out by traceSlice. */
  read = 0;

  constructor(size: number) {
    this.events = Array.from({ length: size }, (_, i): TraceEvent => (i % 7 === 0
      ? { t: i, type: 'fault', action: i % 2 === 0 ? 'crashBroker' : 'partitionBroker', target: `broker-${'abc'[i % 3]}` }
      : { t: i, type: 'consumer.registered', broker: `broker-${'abc'[i % 3]}`, brokerId: 0, consumer: `c-${i % 5}`, group: 'G' }));
    this.length = size;
  }

  get traceLength(): number {
    return this.length;
  }

  traceAt(index: number): TraceEvent | undefined {
    return index >= 0 && index < this.length ? this.events[index] : undefined;
  }

  traceSlice(from: number, to = this.length): TraceEvent[] {
    this.slices++;
    const events = this.events.slice(Math.max(0, from), Math.min(to, this.length));
    this.read += events.length;
    return events;
  }
}

/** One call's share of the search: one chunk of the trace read backwards. */
const ONE_CHUNK = 2_048;

/** Calls queryLog until it says the search is complete, a small step at a time; returns the answer and the number of calls. */
function searchToTheEnd(trace: TraceSource, filter: EventFilter, limit: number): { query: LogQuery; calls: number } {
  for (let calls = 1; calls < 10_000; calls++) {
    const query = queryLog(trace, filter, limit, ONE_CHUNK);
    if (query.complete) return { query, calls };
  }
  throw new Error('the search never completed');
}

function expected(trace: FakeTrace, filter: EventFilter, limit: number): { rows: number[]; matching: number } {
  const matching = trace.events.slice(0, trace.length).map((event, index) => ({ event, index })).filter(({ event }) => matchesFilter(event, filter));
  return { rows: matching.slice(-limit).reverse().map(({ index }) => index), matching: matching.length };
}

describe('the event log search of a long trace', () => {
  const crashes: EventFilter = { type: 'fault', entity: 'crash' };

  it('searches the past a little per call, newest first, and ends with the whole answer', () => {
    const trace = new FakeTrace(60_000);
    const first = queryLog(trace, crashes, 50, ONE_CHUNK);
    expect(first.complete).toBe(false);
    expect(first.matching).toBeLessThan(expected(trace, crashes, 50).matching);
    // The newest rows come with the first call already.
    expect(first.rows.map((row) => row.index)).toEqual(expected(trace, crashes, 50).rows);
    const { query, calls } = searchToTheEnd(trace, crashes, 50);
    expect(calls).toBeGreaterThan(5);
    expect(query.matching).toBe(expected(trace, crashes, 50).matching);
    expect(query.rows.map((row) => row.index)).toEqual(expected(trace, crashes, 50).rows);
    for (const row of query.rows) expect(row.event).toBe(trace.events[row.index]);
  });

  it('reads only the new events while the run moves forward, and nothing when it moves back', () => {
    const trace = new FakeTrace(60_000);
    trace.length = 30_000;
    searchToTheEnd(trace, crashes, 20);
    let previous = trace.length;
    for (const length of [30_500, 31_000, 31_200, 20_000, 19_999, 25_000]) {
      trace.length = length;
      trace.read = 0;
      const query = queryLog(trace, crashes, 20, ONE_CHUNK);
      expect(query.complete).toBe(true);
      expect(query.matching).toBe(expected(trace, crashes, 20).matching);
      expect(query.rows.map((row) => row.index)).toEqual(expected(trace, crashes, 20).rows);
      expect(trace.read).toBe(Math.max(0, length - previous));
      previous = length;
    }
  });

  it('starts afresh at the end after a long jump forward and joins what it had scanned before', () => {
    const trace = new FakeTrace(100_000);
    trace.length = 10_000;
    searchToTheEnd(trace, crashes, 10);
    trace.length = 90_000;
    const jumped = queryLog(trace, crashes, 10, ONE_CHUNK);
    expect(jumped.complete).toBe(false);
    expect(jumped.rows.map((row) => row.index)).toEqual(expected(trace, crashes, 10).rows);
    const { query } = searchToTheEnd(trace, crashes, 10);
    expect(query.matching).toBe(expected(trace, crashes, 10).matching);
  });

  it('gives the whole answer at once without a budget', () => {
    const trace = new FakeTrace(40_000);
    const filter: EventFilter = { type: '', entity: 'broker-b' };
    expect(queryLog(trace, filter, 0).matching).toBe(expected(trace, filter, 0).matching);
    expect(queryLog(trace, filter, 30).rows.map((row) => row.index)).toEqual(expected(trace, filter, 30).rows);
  });

  it('reads only the latest rows when nothing is filtered', () => {
    const trace = new FakeTrace(40_000);
    const query = queryLog(trace, { type: '', entity: ' ' }, 25);
    expect(query).toMatchObject({ matching: 40_000, complete: true });
    expect(query.rows.map((row) => row.index)).toEqual(Array.from({ length: 25 }, (_, i) => 39_999 - i));
    expect(trace.slices).toBe(1);
  });
});
