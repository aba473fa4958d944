import { countMatching, latestMatching, matchesFilter } from '../../../src/ui/panels/event-filter.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import { writeReadScenario } from './scenarios.ts';

describe('the event log query', () => {
  const sent = { t: 1_100, type: 'message.sent', producer: 'p-1', msgId: 'AB12', topic: 'TopicTest', tags: 'TagA', keys: '', broker: 'broker-a', queueId: 6, attempt: 1 } as const;

  it('matches a type and any field value, case-insensitively, but not the time', () => {
    expect(matchesFilter(sent, { type: '', entity: '' })).toBe(true);
    expect(matchesFilter(sent, { type: 'message.sent', entity: 'BROKER-A' })).toBe(true);
    expect(matchesFilter(sent, { type: 'message.stored', entity: '' })).toBe(false);
    expect(matchesFilter(sent, { type: '', entity: 'tagA' })).toBe(true);
    expect(matchesFilter(sent, { type: '', entity: '1100' })).toBe(false);
    expect(matchesFilter({ t: 1, type: 'rebalance', consumer: 'c-1', group: 'G', topic: 'T', queues: ['broker-b:3'] }, { type: '', entity: 'broker-b' })).toBe(true);
  });

  it('counts matches incrementally while the run moves forward, and again after a step back', () => {
    const timeline = new Timeline(writeReadScenario());
    const filter = { type: 'message.sent' as const, entity: 'broker-a' };
    const expected = () => timeline.traceSlice(0).filter((e) => matchesFilter(e, filter)).length;
    timeline.seek(10_000);
    expect(countMatching(timeline, filter)).toBe(expected());
    timeline.seek(20_000);
    expect(countMatching(timeline, filter)).toBe(expected());
    timeline.seek(5_000);
    expect(countMatching(timeline, filter)).toBe(expected());
    expect(expected()).toBeGreaterThan(0);
  });

  it('returns the latest matches newest first with their trace index', () => {
    const timeline = new Timeline(writeReadScenario());
    timeline.seek(20_000);
    const rows = latestMatching(timeline, { type: 'message.consumed', entity: '' }, 7);
    expect(rows).toHaveLength(7);
    for (const row of rows) expect(timeline.traceAt(row.index)).toEqual(row.event);
    expect(rows.map((row) => row.index)).toEqual([...rows.map((row) => row.index)].sort((a, b) => b - a));
    const consumed = timeline.traceSlice(0).filter((e) => e.type === 'message.consumed');
    expect(rows[0]!.event).toEqual(consumed.at(-1));
  });
});
