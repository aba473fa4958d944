/**
 * Producers' heartbeats and the broker's ProducerManager: MQClientInstance.sendHeartbeatToAllBroker
 * runs 1 s after start and every heartbeatBrokerInterval (30 s), a loop of invokeSync over the
 * brokers, each call leaving once the one before was answered; a client without a consumer skips
 * slaves; ProducerManager keeps group -> channel, drops a channel on UNREGISTER_CLIENT, and
 * ClientHousekeepingService (every 10 s from the broker's start) closes one silent for its fixed
 * CHANNEL_EXPIRED_TIMEOUT of 120 s, whatever BrokerConfig.channelExpiredTimeout says, unless the
 * broker's idle close (120 s with nothing read or written) came first. A 5.x client also heartbeats
 * a broker at once on each new channel to it (MQClientInstance.onChannelActive): a 5.x producer's
 * first send to a master registers it there.
 */
import { describe, expect, it } from 'vitest';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

const HOP = 1;
/** MQClientInstance.startScheduledTask: sendHeartbeatToAllBrokerWithLock, initial delay 1 s. */
const HEARTBEAT_DELAY = 1_000;
/** ClientConfig.heartbeatBrokerInterval. */
const HEARTBEAT_PERIOD = 30_000;
/** ProducerManager.CHANNEL_EXPIRED_TIMEOUT. */
const PRODUCER_EXPIRY = 120_000;
/** The heartbeat loop's next call leaves when the one before is answered: a round trip later. */
const LOOP_STEP = 2 * HOP;
/** ClientHousekeepingService: scanExceptionChannel every 10 s, first after 10 s. */
const SCAN_PERIOD = 10_000;
/** NettyServerConfig.serverChannelMaxIdleTimeSeconds: the broker closes a channel with nothing read or written for 120 s. */
const IDLE = 120_000;

function scenario(parts: Partial<ScenarioJson> = {}): ScenarioJson {
  return {
    version: 1,
    durationMs: 600_000,
    // channelExpiredTimeout covers consumers only: producers must not follow it.
    config: { networkJitterMs: 0, channelExpiredTimeoutMs: 60_000 },
    nameServers: [{ id: 'ns-1' }],
    brokers: [{ name: 'broker-a' }, { name: 'broker-a', brokerId: 1, role: 'SLAVE' }, { name: 'broker-b' }],
    topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
    producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 2 }],
    ...parts,
  };
}

/** Arrival times of the heartbeats sent from start up to `until`. */
function heartbeatArrivals(until: number): number[] {
  const times: number[] = [];
  for (let sent = HEARTBEAT_DELAY; sent + HOP <= until; sent += HEARTBEAT_PERIOD) times.push(sent + HOP);
  return times;
}

/** p-1 at 2 a second sends its first message 500 ms after its start, before its first heartbeat round. */
const FIRST_SEND = 500;
const FOUR_X: Partial<ScenarioJson> = { config: { networkJitterMs: 0, channelExpiredTimeoutMs: 60_000, rocketmqVersion: '4.x' } };

describe('producer heartbeats (MQClientInstance.sendHeartbeatToAllBroker, ProducerManager)', () => {
  it('4.x: registers the producer on each master at its first heartbeat round, never on a slave', () => {
    const sim = new TestSim(scenario(FOUR_X)).at(95_000);
    const registered = sim.events('producer.registered').map(({ t, broker, group, producer }) => ({ t, broker, group, producer }));
    expect(registered).toEqual([
      { t: HEARTBEAT_DELAY + HOP, broker: 'broker-a', group: 'PG', producer: 'p-1' },
      { t: HEARTBEAT_DELAY + HOP + LOOP_STEP, broker: 'broker-b', group: 'PG', producer: 'p-1' },
    ]);
    expect(sim.first('message.sent')!.t).toBe(FIRST_SEND);
    expect(Object.keys(sim.broker('broker-a', 1).producerTable)).toEqual([]);
    expect(sim.broker('broker-a', 1).requestCounts.HEART_BEAT).toBeUndefined();
  });

  it('5.x: registers the producer on a master at its first send there when that comes before the round (onChannelActive), never on a slave', () => {
    const sim = new TestSim(scenario()).at(95_000);
    const firstSend = sim.first('message.sent')!;
    expect(firstSend.t).toBe(FIRST_SEND);
    const other = firstSend.broker === 'broker-a' ? 'broker-b' : 'broker-a';
    // The round calls broker-a first; the other master hears of p-1 at the round, or at its first send if that came earlier.
    const roundArrival = { 'broker-a': HEARTBEAT_DELAY + HOP, 'broker-b': HEARTBEAT_DELAY + HOP + LOOP_STEP };
    const firstSendTo = (broker: string) => sim.first('message.sent', { broker })!.t + HOP;
    const registered = sim.events('producer.registered').map(({ t, broker }) => ({ t, broker }));
    expect(registered).toEqual([
      { t: FIRST_SEND + HOP, broker: firstSend.broker },
      { t: Math.min(roundArrival[other], firstSendTo(other)), broker: other },
    ]);
    expect(sim.events('client.heartbeat', { broker: firstSend.broker })[0]).toMatchObject({ t: FIRST_SEND + HOP, client: 'p-1', trigger: 'channelActive' });
    expect(Object.keys(sim.broker('broker-a', 1).producerTable)).toEqual([]);
    expect(sim.broker('broker-a', 1).requestCounts.HEART_BEAT).toBeUndefined();
  });

  it('refreshes the channel with every heartbeat, one every 30 s', () => {
    const sim = new TestSim(scenario()).at(95_000);
    const arrivals = heartbeatArrivals(95_000);
    expect(arrivals).toEqual([1_001, 31_001, 61_001, 91_001]);
    const { clientId } = sim.producer('p-1');
    const onChannelActive = sim.events('client.heartbeat', { trigger: 'channelActive' }).map((e) => e.broker);
    expect(onChannelActive).toEqual([sim.first('message.sent')!.broker]);
    ['broker-a', 'broker-b'].forEach((name, place) => {
      const broker = sim.broker(name);
      expect(broker.producerTable).toEqual({ PG: { [clientId]: { node: 'p-1', lastUpdateTimestamp: arrivals.at(-1)! + place * LOOP_STEP } } });
      expect(broker.requestCounts.HEART_BEAT).toBe(arrivals.length + onChannelActive.filter((b) => b === name).length);
    });
  });

  it('traces every heartbeat a broker receives (client.heartbeat): a producer\'s to each master, a consumer\'s to the slave too', () => {
    const sim = new TestSim(scenario({
      consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest' }],
    })).at(95_000);
    const arrivals = heartbeatArrivals(95_000);
    // The consumer's rebalance rounds (trigger: rebalance, when its queues change) aside: see subversion-rebalance.test.ts.
    const heard = (client: string) => sim.events('client.heartbeat', (e) => e.client === client && e.trigger !== 'rebalance').map(({ t, broker, brokerId, group, trigger }) => `${t} ${broker}/${brokerId} ${group}${trigger ? ` ${trigger}` : ''}`);
    // The 5.x producer's first send opened its channel to a master before the round: that master heard it at once.
    const firstSend = sim.first('message.sent', { producer: 'p-1' })!;
    expect(firstSend.t + HOP).toBeLessThan(arrivals[0]!);
    expect(heard('p-1')).toEqual([`${firstSend.t + HOP} ${firstSend.broker}/0 PG channelActive`, ...arrivals.flatMap((t) => [`${t} broker-a/0 PG`, `${t + LOOP_STEP} broker-b/0 PG`])]);
    // A push consumer also heartbeats at the end of its start (DefaultMQPushConsumerImpl.start), once its
    // route is in (pulled 10 ms after start): every broker of the route, the slave too, the lines named 'start'.
    const startRound = sim.events('consumer.registered', (e) => e.consumer === 'c-1')[0]!.t;
    expect(startRound).toBeLessThan(HEARTBEAT_DELAY);
    const round = (t: number, why = '') => [`${t} broker-a/0 CG${why}`, `${t + LOOP_STEP} broker-a/1 CG${why}`, `${t + 2 * LOOP_STEP} broker-b/0 CG${why}`];
    expect(heard('c-1')).toEqual([...round(startRound, ' start'), ...arrivals.flatMap((t) => round(t))]);
    const consumerArrivals = [startRound, ...arrivals];
    const rebalanceRounds = sim.events('client.heartbeat', (e) => e.client === 'c-1' && e.trigger === 'rebalance');
    expect(rebalanceRounds.filter((e) => e.brokerId === 1).length * 3).toBe(rebalanceRounds.length);
    expect(sim.broker('broker-a', 1).requestCounts.HEART_BEAT).toBe(consumerArrivals.length + rebalanceRounds.length / 3);
  });

  it('removes the producer at once when it shuts down (UNREGISTER_CLIENT)', () => {
    const sim = new TestSim(scenario()).at(50_000);
    sim.act({ action: 'removeProducer', target: 'p-1' }).advance(1_000);
    const removed = sim.events('producer.removed').map(({ t, broker, producer, reason }) => ({ t, broker, producer, reason }));
    expect(removed).toEqual([
      { t: 50_000 + HOP, broker: 'broker-a', producer: 'p-1', reason: 'unregistered' },
      { t: 50_000 + HOP, broker: 'broker-b', producer: 'p-1', reason: 'unregistered' },
    ]);
    expect(sim.broker('broker-a').producerTable).toEqual({});
  });

  it('closes the channel of a producer silent for 120 s (a partition), then takes it back at its next heartbeat', () => {
    const sim = new TestSim(scenario({ timeline: [{ at: 70_000, action: 'partitionBroker', target: 'broker-b' }, { at: 200_000, action: 'healPartition', target: 'broker-b' }] })).at(260_000);
    const lastHeartbeat = heartbeatArrivals(70_000).at(-1)! + LOOP_STEP;
    let scan = SCAN_PERIOD;
    while (scan - lastHeartbeat <= PRODUCER_EXPIRY) scan += SCAN_PERIOD;
    expect(scan).toBe(190_000);
    // The producer's last send to broker-b before the cut was read after that heartbeat: its channel,
    // idle from then, is closed at that read + serverChannelMaxIdleTimeSeconds (120 s), before the scan
    // (ClientHousekeepingService.onChannelIdle -> ProducerManager.doChannelCloseEvent).
    const lastRead = sim.last('message.sent', (e) => e.broker === 'broker-b' && e.t < 70_000)!.t + HOP;
    expect(lastRead + IDLE).toBeLessThan(scan);
    expect(sim.events('producer.removed').map(({ t, broker, reason }) => ({ t, broker, reason }))).toEqual([{ t: lastRead + IDLE, broker: 'broker-b', reason: 'channelIdle' }]);
    // The NameServer dropped broker-b too, so the producer talks to it again only once a route
    // pull after the heal names it (brokerAddrTable is built from the routes): its first send there
    // opens a new channel, which a 5.x client heartbeats at once (onChannelActive), before the round.
    const relearned = sim.first('route.updated', (e) => e.client === 'p-1' && e.t > 200_000 && e.writeQueues.some((q) => q.startsWith('broker-b')))!;
    const nextRound = heartbeatArrivals(260_000).find((t) => t - HOP > relearned.t)! + LOOP_STEP;
    const sendBack = sim.first('message.sent', (e) => e.broker === 'broker-b' && e.t > relearned.t)!.t + HOP;
    expect(sendBack).toBeLessThan(nextRound);
    const firstSend = sim.first('message.sent', { broker: 'broker-b' })!.t + HOP;
    expect(sim.events('producer.registered', { broker: 'broker-b' }).map((e) => e.t)).toEqual([firstSend, sendBack]);
    expect(sim.events('client.heartbeat', { broker: 'broker-b', trigger: 'channelActive' }).map((e) => e.t)).toEqual([firstSend, sendBack]);
    // broker-a kept hearing the producer all along.
    expect(sim.events('producer.removed', { broker: 'broker-a' })).toEqual([]);
  });
});
