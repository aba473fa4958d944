import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../../src/model/events.ts';
import { MESSAGES_BY_TOPIC_PAGE } from '../../../../src/sim/queries/messages-by-topic.ts';
import { runSimQuery } from '../../../../src/sim/queries/index.ts';
import { Timeline } from '../../../../src/sim/timeline.ts';
import { libraryTimeline } from '../../../support/library.ts';

type Stored = Extract<TraceEvent, { type: 'message.stored' }>;

/** The trace's own record of what the masters stored in TopicTest between two times. */
function storedOnMasters(timeline: Timeline, beginMs: number, endMs: number): Stored[] {
  return timeline.traceSlice(0).filter((event): event is Stored =>
    event.type === 'message.stored' && event.brokerId === 0 && event.topic === 'TopicTest' && event.t >= beginMs && event.t <= endMs);
}

describe('messagesByTopic: the Dashboard\'s query by topic and time (write 8 / read 4 at 60 s)', () => {
  const timeline = libraryTimeline('write8-read4', 60_000);

  it('lists only the readable queues 0-3 (readQueueNums 4) and counts queues 4-7 apart', () => {
    const stored = storedOnMasters(timeline, 20_000, 25_000);
    const readable = stored.filter((event) => event.queueId < 4);
    const answer = runSimQuery(timeline, 'messagesByTopic', { topic: 'TopicTest', beginMs: 20_000, endMs: 25_000 });
    expect(answer.nameServer).toBe('ns-1');
    expect(answer.total).toBe(readable.length);
    expect(answer.unreadable).toBe(stored.length - readable.length);
    // 10 messages a second spread over 8 queues: about half are in queues a consumer reads.
    expect(answer.total).toBeGreaterThan(15);
    expect(answer.unreadable).toBeGreaterThan(15);
    expect(answer.rows.map((row) => row.msgId).sort()).toEqual(readable.map((event) => event.msgId).sort());
    expect(answer.rows.every((row) => row.queueId < 4)).toBe(true);
  });

  it('lists the newest first, with the time each message was stored, its tag and key', () => {
    const answer = runSimQuery(timeline, 'messagesByTopic', { topic: 'TopicTest', beginMs: 20_000, endMs: 25_000 });
    const byId = new Map(storedOnMasters(timeline, 20_000, 25_000).map((event) => [event.msgId, event]));
    for (let i = 1; i < answer.rows.length; i++) expect(answer.rows[i]!.storeTimestamp).toBeLessThanOrEqual(answer.rows[i - 1]!.storeTimestamp);
    for (const row of answer.rows) {
      const event = byId.get(row.msgId)!;
      expect(row).toMatchObject({ storeTimestamp: event.t, broker: event.broker, queueId: event.queueId, queueOffset: event.queueOffset });
      expect(row.tags).toMatch(/^Tag[AB]$/);
      expect(row.keys).toMatch(/^order-\d+$/);
    }
  });

  it('pages a long range: the newest 64 rows and the count of all', () => {
    const readable = storedOnMasters(timeline, 0, 60_000).filter((event) => event.queueId < 4);
    const newest = [...readable].sort((a, b) => b.t - a.t).slice(0, MESSAGES_BY_TOPIC_PAGE);
    const answer = runSimQuery(timeline, 'messagesByTopic', { topic: 'TopicTest', beginMs: 0, endMs: 60_000 });
    expect(MESSAGES_BY_TOPIC_PAGE).toBe(64);
    expect(answer.total).toBe(readable.length);
    expect(answer.rows).toHaveLength(64);
    expect(answer.rows.at(-1)!.storeTimestamp).toBe(newest.at(-1)!.t);
  });

  it('finds nothing in an empty range or for a topic no NameServer routes', () => {
    expect(runSimQuery(timeline, 'messagesByTopic', { topic: 'TopicTest', beginMs: 0, endMs: 500 })).toEqual({ rows: [], total: 0, unreadable: 0, nameServer: 'ns-1' });
    expect(runSimQuery(timeline, 'messagesByTopic', { topic: '<b>NoSuchTopic</b>', beginMs: 0, endMs: 60_000 })).toEqual({ rows: [], total: 0, unreadable: 0, nameServer: null });
  });
});

describe('messagesByTopic: a broker that crashed cannot be pulled from', () => {
  it('counts the crashed broker\'s messages as unreadable (crash, partition, shutdown)', () => {
    const timeline = libraryTimeline('crash-partition-shutdown', 120_000);
    const crashed = Object.values(timeline.state.brokers).filter((broker) => broker.status !== 'running' || broker.partitioned);
    const answer = runSimQuery(timeline, 'messagesByTopic', { topic: 'TopicTest', beginMs: 0, endMs: 120_000 });
    const onDown = crashed.reduce((sum, broker) => sum + (broker.consumeQueues['TopicTest'] ?? []).reduce((n, queue) => n + queue.length, 0), 0);
    expect(crashed.length).toBeGreaterThan(0);
    expect(answer.unreadable).toBeGreaterThanOrEqual(onDown);
    expect(answer.rows.every((row) => !crashed.some((broker) => broker.name === row.broker))).toBe(true);
  });
});
