/**
 * AllocateMessageQueueByConfig (CONFIG) hands back its messageQueueList, MessageQueue objects of the
 * consumer's own topic, for every topic the consumer rebalances, its group's %RETRY% topic too.
 * RebalanceImpl.updateProcessQueueTableInRebalance then adds nothing for the retry topic (the
 * queues are already in processQueueTable, from the main topic), so a CONFIG consumer never pulls
 * its retries. In 5.2 and later the retry topic never balances (rebalanceByTopic compares the
 * allocation with getWorkingMessageQueue), and RebalanceService runs again every minInterval
 * instead of every waitInterval.
 *
 * Jitter is 0 so that one hop takes exactly networkLatencyMs = 1 ms.
 */
import { describe, expect, it } from 'vitest';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

const HOP = 1;
/** RebalanceService (5.2 and later): minInterval 1 s, waitInterval 20 s; 4.x runs every 20 s. */
const MIN_INTERVAL = 1_000;
const WAIT_INTERVAL = 20_000;
const START = 1_000;

function scenario(version: '4.x' | '5.x'): ScenarioJson {
  return {
    version: 1, seed: 3, durationMs: 120_000,
    config: { networkJitterMs: 0, rocketmqVersion: version },
    nameServers: [{ id: 'ns-1' }],
    brokers: [{ name: 'broker-a', ip: '10.0.1.1' }, { name: 'broker-b', ip: '10.0.1.2' }],
    topics: [{ name: 'T', writeQueueNums: 2, readQueueNums: 2 }],
    producers: [{ id: 'p-1', group: 'PG', topic: 'T', ratePerSec: 4, tags: ['Poison'], startAt: START }],
    consumers: [
      { id: 'c-1', group: 'CG', topic: 'T', allocateStrategy: 'CONFIG', messageQueueList: ['broker-a:0', 'broker-a:1'], failTags: ['Poison'], startAt: START },
      { id: 'c-2', group: 'CG', topic: 'T', allocateStrategy: 'CONFIG', messageQueueList: ['broker-b:0', 'broker-b:1'], failTags: ['Poison'], startAt: START },
    ],
  };
}

/** The times c-1's RebalanceService ran, up to `until` (RebalanceService.lastRebalanceTimestamp, read every 100 ms). */
function runs(sim: TestSim, until: number): number[] {
  const seen: number[] = [];
  for (let t = sim.now; t < until + 100; t += 100) {
    const consumer = sim.at(Math.min(t, until)).consumer('c-1');
    if (consumer.rebalanced && seen.at(-1) !== consumer.lastRebalanceAt) seen.push(consumer.lastRebalanceAt);
  }
  return seen;
}

describe('CONFIG and the %RETRY% topic', () => {
  it('a CONFIG group never pulls its retry topic: failed messages wait in %RETRY%CG, no pull of a retry queue is made', () => {
    const sim = new TestSim(scenario('5.x')).at(60_000);
    expect(sim.events('message.stored', { topic: '%RETRY%CG' }).length).toBeGreaterThan(20);
    expect(sim.events('message.consumed', { topic: '%RETRY%CG' })).toEqual([]);
    expect(sim.events('pull.rejected')).toEqual([]);
    for (const id of ['c-1', 'c-2']) {
      expect(Object.values(sim.consumer(id).processQueueTable).map((pq) => pq.mq.topic)).toEqual(['T', 'T']);
    }
  });

  it('5.x reruns the rebalance every minInterval once the retry topic\'s queues are known (never balanced); 4.x keeps to waitInterval', () => {
    // The first run a minInterval after the start asks for the %RETRY%CG route (findConsumerIdList); the periodic run
    // 20 s later is the first to see its queues, and from it on each run comes minInterval after the answer to its
    // GET_CONSUMER_LIST_BY_GROUP (a round trip).
    const first = START + MIN_INTERVAL;
    const unbalanced = first + WAIT_INTERVAL;
    const again = (k: number) => unbalanced + k * (MIN_INTERVAL + 2 * HOP);
    expect(runs(new TestSim(scenario('5.x')), again(4))).toEqual([first, unbalanced, again(1), again(2), again(3), again(4)]);
    // 4.x: the start's rebalance at once, then every waitInterval.
    const v4 = runs(new TestSim(scenario('4.x')), START + 3 * WAIT_INTERVAL);
    expect(v4.map((t) => t - v4[0]!)).toEqual([0, WAIT_INTERVAL, 2 * WAIT_INTERVAL]);
  });
});
