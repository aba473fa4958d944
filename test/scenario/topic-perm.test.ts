/**
 * A topic's perm and queue counts changed under running clients: a producer whose route offers no
 * queue to write to asks a NameServer again at every send (DefaultMQProducerImpl.tryToFindTopicPublishInfo,
 * `!topicPublishInfo.ok()`), and a pull parked on the broker is checked anew when it wakes
 * (PullMessageProcessor.executeRequestWhenWakeup runs processRequest again). Jitter is 0: a hop
 * takes exactly networkLatencyMs = 1 ms.
 */
import { describe, expect, it } from 'vitest';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

const HOP = 1;
/** MQClientInstance.startScheduledTask: every pollNameServerInterval (30 s), the first at 10 ms. */
const ROUTE_PERIOD = 30_000;

function scenario(parts: Partial<ScenarioJson>): ScenarioJson {
  return {
    version: 1, seed: 5, durationMs: 200_000,
    config: { networkJitterMs: 0 },
    nameServers: [{ id: 'ns-1' }],
    brokers: [{ name: 'broker-a' }],
    topics: [{ name: 'T1', writeQueueNums: 4, readQueueNums: 4 }],
    producers: [{ id: 'p-1', group: 'PG', topic: 'T1', ratePerSec: 2, startAt: 1_000 }],
    consumers: [{ id: 'c-1', group: 'CG', topic: 'T1', startAt: 1_000 }],
    ...parts,
  };
}

const permAt = (at: number, perm: number) => ({ at, action: 'updateTopic', topic: 'T1', broker: 'broker-a', perm });

describe('a producer whose route has no queue to write to (tryToFindTopicPublishInfo)', () => {
  // Read-only (perm 4) from 40 s, writable again (perm 2) at 100 s: the broker registers each change at once.
  const sim = new TestSim(scenario({ timeline: [permAt(40_000, 4), permAt(100_000, 2)] })).at(130_000);

  it('fails its sends only once its periodic route pull has brought the read-only route', () => {
    const failed = sim.times('send.result', (e) => e.status === 'FAILED');
    expect(failed.length).toBeGreaterThan(10);
    expect(failed[0]).toBeGreaterThan(40_000);
    expect(failed[0]).toBeLessThanOrEqual(40_000 + ROUTE_PERIOD + 1_000);
  });

  it('asks a NameServer at each send meanwhile, so the first send after the topic is writable again is stored: not at the next 30 s pull', () => {
    const afterWritable = sim.events('send.result', (e) => e.t > 100_000 + 2 * HOP);
    expect(afterWritable.length).toBeGreaterThan(30);
    expect(afterWritable.every((e) => e.status === 'SEND_OK')).toBe(true);
    expect(sim.events('send.result', (e) => e.status === 'FAILED' && e.t > 100_000 + 2 * HOP)).toEqual([]);
  });
});

describe('a pull parked on the broker (PullRequestHoldService)', () => {
  /** The messages stored after `at` that c-1 consumed. */
  const consumedAfter = (sim: TestSim, at: number, accept: (queueId: number) => boolean = () => true) => {
    const late = new Set(sim.events('message.stored', (e) => e.t > at && e.topic === 'T1' && accept(e.queueId)).map((e) => e.msgId));
    return sim.events('message.consumed', (e) => late.has(e.msgId));
  };

  it('is refused NO_PERMISSION when a message wakes it after the topic became write-only (perm 2)', () => {
    const sim = new TestSim(scenario({ durationMs: 90_000, timeline: [permAt(30_000, 2)] })).at(60_000);
    expect(sim.events('message.stored', (e) => e.t > 30_000 && e.topic === 'T1').length).toBeGreaterThan(20);
    expect(consumedAfter(sim, 30_000)).toEqual([]);
    const refused = sim.events('pull.rejected', (e) => e.t > 30_000);
    expect(refused.length).toBeGreaterThan(0);
    expect(new Set(refused.map((e) => e.reason))).toEqual(new Set(['NO_PERMISSION']));
  });

  it('is refused when a message wakes it on a queue id readQueueNums no longer has (8 -> 4)', () => {
    const sim = new TestSim(scenario({
      durationMs: 60_000,
      topics: [{ name: 'T1', writeQueueNums: 8, readQueueNums: 8 }],
      timeline: [{ at: 30_000, action: 'updateTopic', topic: 'T1', broker: 'broker-a', readQueueNums: 4 }],
    })).at(60_000);
    expect(consumedAfter(sim, 30_000, (queueId) => queueId >= 4)).toEqual([]);
    expect(consumedAfter(sim, 30_000, (queueId) => queueId < 4).length).toBeGreaterThan(20);
  });
});
