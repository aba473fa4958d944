import { describe, expect, it } from 'vitest';
import { dashboardStats } from '../../../../src/sim/queries/dashboard-stats.ts';
import { ROCKETMQ_DEFAULTS } from '../../../../src/model/defaults.ts';
import { libraryTimeline } from '../../../support/library.ts';

describe('dashboardStats: the store time of each queue\'s last message (Topic status, lastUpdateTime)', () => {
  // Shrink safely: writeQueueNums 8 -> 4 at 60 s. Producers write to queues 4-7 until their next
  // route pull (MQClientInstance's pollNameServerInterval) shows them the new count.
  const SHRINK_MS = 60_000;
  const timeline = libraryTimeline('shrink-safely', 120_000);
  const stats = dashboardStats(timeline);
  const queues = stats.lastStoreTime['broker-a/0']!['TopicTest']!;

  it('a queue no producer writes to any more keeps the time of its last message, from before the producers saw the shrink', () => {
    for (const queueId of [4, 5, 6, 7]) {
      expect(queues[queueId]).toBeGreaterThan(SHRINK_MS - 10_000);
      expect(queues[queueId]).toBeLessThanOrEqual(SHRINK_MS + ROCKETMQ_DEFAULTS.pollNameServerIntervalMs);
    }
  });

  it('a queue still written to has a message from the last seconds', () => {
    for (const queueId of [0, 1, 2, 3]) expect(queues[queueId]).toBeGreaterThan(120_000 - 5_000);
  });
});
