/** Scenarios over the page's cost budget (src/scenario/budget.ts), shared by the tests of the budget, of the first minutes offered instead, and of the banner. */
import type { ScenarioJson } from './test-sim.ts';

/** 256 brokers x 16 topics x 1,024 queues: a 1.4 KB link that once froze the page for good. Not even a minute of it fits. */
export const MANY_QUEUES: ScenarioJson = {
  version: 1, durationMs: 60_000, nameServers: [{ id: 'ns-1' }],
  brokers: Array.from({ length: 256 }, (_, i) => ({ name: `b-${i}` })),
  topics: Array.from({ length: 16 }, (_, i) => ({ name: `T${i}`, writeQueueNums: 1024, readQueueNums: 1024 })),
  consumers: [{ id: 'c-1', group: 'CG', topic: 'T0' }],
};

/** One producer at 10,000 messages a second for an hour: the heap went past 3.8 GB. Its first 8 minutes fit the page. */
export const FAST_PRODUCER: ScenarioJson = {
  version: 1, durationMs: 3_600_000, nameServers: [{ id: 'ns-1' }], brokers: [{ name: 'broker-a' }],
  topics: [{ name: 'TopicTest' }], producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 10_000 }],
};
