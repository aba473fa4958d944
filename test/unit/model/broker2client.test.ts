/**
 * Broker2Client.notifyConsumerIdsChanged writes NOTIFY_CONSUMER_IDS_CHANGED into the channel the
 * consumer opened (NettyRemotingServer.invokeOneway on that Channel): the broker never connects
 * out to a client, so a member whose connection is closed does not hear of the change and finds
 * it at its own next rebalance.
 *
 * Jitter is 0: one hop takes exactly networkLatencyMs = 1 ms.
 */
import { describe, expect, it } from 'vitest';
import { TestSim } from '../../support/test-sim.ts';

/** RebalanceService.waitInterval (rocketmq.client.rebalance.waitInterval), 20 s; the first run a second after the start (5.x minInterval). */
const REBALANCE_PERIOD = 20_000;
const REBALANCE_FIRST = 1_000;

const C2_ADDED = 35_000;
const HEALED = 35_500;

/**
 * c-1 is cut off from broker-a at 2 s; its GET_CONSUMER_LIST_BY_GROUP times out at 24 s and closes
 * its channel (the FIN is swallowed, so broker-a keeps c-1 in CG). c-2 joins CG at 35 s: broker-a
 * tells every member; the link heals half a second later, within a connect's SYN retransmission.
 */
function closedMemberNotified(rocketmqVersion: '4.x' | '5.x' = '5.x'): TestSim {
  return new TestSim({
    version: 1, durationMs: 60_000, config: { networkJitterMs: 0, rocketmqVersion },
    nameServers: [{ id: 'ns-1' }], brokers: [{ name: 'broker-a' }], topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
    producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 2 }],
    consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest' }],
    timeline: [
      { at: 2_000, action: 'partitionLink', target: 'c-1', peer: 'broker-a' },
      { at: C2_ADDED, action: 'addConsumer', consumer: { id: 'c-2', group: 'CG', topic: 'TopicTest' } },
      { at: HEALED, action: 'healLink', target: 'c-1', peer: 'broker-a' },
    ],
  });
}

describe('a broker notifies a consumer only over the channel the consumer opened (Broker2Client)', () => {
  it('drops the notification to a member whose connection is closed, starting no connect of its own', () => {
    const sim = closedMemberNotified();
    sim.at(C2_ADDED + 100);
    const joined = sim.events('consumer.registered', { consumer: 'c-2' })[0]!;
    expect(sim.events('channel.closed', { from: 'c-1', to: 'broker-a/0' })).toHaveLength(1);
    expect(sim.events('consumer.removed', { consumer: 'c-1' })).toEqual([]);
    expect(joined.t).toBeLessThan(HEALED);
    expect(sim.sim.state.remoting.connecting['broker-a/0>c-1']).toBeUndefined();
  });

  it('leaves the member to find the change at its own next rebalance, after the link healed: in 4.x its periodic one', () => {
    const sim = closedMemberNotified('4.x').at(60_000);
    // 4.x's RebalanceService runs as the consumer starts, then every 20 s: the one at 40 s is the first since c-2 joined.
    const afterJoin = sim.events('rebalance', (e) => e.consumer === 'c-1' && e.topic === 'TopicTest' && e.t > C2_ADDED);
    expect(afterJoin[0]?.t).toBeGreaterThanOrEqual(2 * REBALANCE_PERIOD);
    expect(afterJoin[0]?.t).toBeLessThan(2 * REBALANCE_PERIOD + 100);
    expect(afterJoin[0]?.queues).toHaveLength(2);
  });

  it('in 5.x the one its new channel to the broker wakes: the heartbeat onChannelActive sends, then rebalanceImmediately, before its periodic one', () => {
    const sim = closedMemberNotified().at(60_000);
    // Its periodic rebalances run at 1 s, 21 s, 41 s after its start. Its pulls, retried every second, open a new channel once the
    // link heals; the broker knew c-1 all along, so nothing else (no NOTIFY_CONSUMER_IDS_CHANGED) wakes its rebalance.
    const nextRound = REBALANCE_FIRST + 2 * REBALANCE_PERIOD;
    const beat = sim.first('client.heartbeat', (e) => e.client === 'c-1' && e.t > HEALED)!;
    expect(beat.t).toBeLessThan(HEALED + 2_000);
    const afterJoin = sim.events('rebalance', (e) => e.consumer === 'c-1' && e.topic === 'TopicTest' && e.t > C2_ADDED);
    expect(afterJoin[0]!.t - beat.t).toBeLessThan(10);
    expect(afterJoin[0]!.t).toBeLessThan(nextRound);
    expect(afterJoin[0]!.queues).toHaveLength(2);
  });
});
