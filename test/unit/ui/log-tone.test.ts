import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../src/sim/index.ts';
import { logTypeClass } from '../../../src/ui/panels/log-tone.ts';
import { libraryTimeline } from '../../support/library.ts';

function eventsOf(id: string, atMs: number): TraceEvent[] {
  const timeline = libraryTimeline(id, atMs);
  return timeline.traceSlice(0);
}

describe('the event log colours a row by what happened', () => {
  it('a SEND_OK is a send, not an error; a failed send is an error', () => {
    // The master-slave scenario crashes broker-a's master: sends to it fail until the route moves on.
    const events = eventsOf('master-slave-failover', 120_000);
    const ok = events.filter((event) => event.type === 'send.result' && event.status === 'SEND_OK');
    const failed = events.filter((event) => event.type === 'send.failed');
    expect(ok.length).toBeGreaterThan(0);
    expect(failed.length).toBeGreaterThan(0);
    expect(new Set(ok.map(logTypeClass))).toEqual(new Set(['rs-type-send']));
    expect(new Set(failed.map(logTypeClass))).toEqual(new Set(['rs-type-failure']));
  });

  it('a message lost is an error', () => {
    const lost = eventsOf('master-loss-sync-async', 90_000).filter((event) => event.type === 'message.lost');
    expect(lost.length).toBeGreaterThan(0);
    expect(new Set(lost.map(logTypeClass))).toEqual(new Set(['rs-type-failure']));
  });

  it('an updateTopic that could not reach a master is an error, where a topic created is not', () => {
    const failed = { t: 20_000, type: 'topic.updateFailed', topic: 'T1', broker: 'broker-b', reason: 'connectTimeout' } as const;
    const created = { t: 20_000, type: 'topic.updated', broker: 'broker-a', topic: 'T1', writeQueueNums: 8, readQueueNums: 8, perm: 6, created: true, auto: false } as const;
    expect(logTypeClass(failed)).toBe('rs-type-failure');
    expect(logTypeClass(created)).toBe('rs-type-topic');
  });

  it('a send stored without every guarantee is amber', () => {
    // No built-in scenario answers SLAVE_NOT_AVAILABLE: SendMessageProcessor's answer when a
    // SYNC_MASTER has no slave in reach, as a producer's log would show it.
    const event: TraceEvent = { t: 1_000, type: 'send.result', producer: 'p-1', msgId: 'AC', status: 'SLAVE_NOT_AVAILABLE' };
    expect(logTypeClass(event)).toBe('rs-type-warning');
  });

  it('a duplicate consumption is a notice (the Duplicates counter\'s blue), its consumption keeps the message colour', () => {
    const events = eventsOf('consumer-join-leave', 70_000);
    const again = events.filter((event) => event.type === 'message.consumedAgain');
    expect(again.length).toBeGreaterThan(0);
    expect(new Set(again.map(logTypeClass))).toEqual(new Set(['rs-type-notice']));
    expect(logTypeClass(events.find((event) => event.type === 'message.consumed')!)).toBe('rs-type-message');
  });

  it('other events keep their family colour', () => {
    const events = eventsOf('write8-read4', 10_000);
    const stored = events.find((event) => event.type === 'message.stored')!;
    expect(logTypeClass(stored)).toBe('rs-type-message');
  });
});
