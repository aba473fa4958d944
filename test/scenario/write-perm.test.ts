/**
 * mqadmin wipeWritePerm / addWritePerm: taking a broker out of service. The NameServers change
 * the perm of the brokerName's QueueData in every topic (RouteInfoManager.operateWritePermOfBroker:
 * `perm &= ~PERM_WRITE`, or `perm = PERM_READ | PERM_WRITE`); producers drop its queues at their
 * next route pull (MQClientInstance.topicRouteData2TopicPublishInfo keeps writable queues only),
 * consumers keep reading them. Jitter is 0: a hop takes exactly networkLatencyMs = 1 ms.
 */
import { describe, expect, it } from 'vitest';
import { masterSlaveCluster } from '../support/cluster.ts';
import { TestSim } from '../support/test-sim.ts';

/** MQClientInstance.startScheduledTask: updateTopicRouteInfoFromNameServer every pollNameServerInterval (30 s), the first at 10 ms. */
const ROUTE_PERIOD = 30_000;
const FIRST_ROUTE_PULL = 10;
/** BrokerController.start: registerBrokerAll every 30 s (registerNameServerPeriod). */
const REGISTER_PERIOD = 30_000;
/** PermName: PERM_READ = 4, PERM_WRITE = 2, PERM_INHERIT = 1. */
const PERM_READ = 4;
const PERM_WRITE = 2;
const PERM_INHERIT = 1;
/** Well inside one route period, for what follows a route pull a few hops later. */
const HOPS = 20;

/** The wipe lands between two of p-1's route pulls: 45 s, its next pull at 60.01 s. */
const WIPE_AT = 45_000;
const NEXT_PULL = FIRST_ROUTE_PULL + 2 * ROUTE_PERIOD;

const cluster = (durationMs = 300_000) => new TestSim(masterSlaveCluster({ durationMs }));
const perm = (sim: TestSim, nameServer: string, topic: string, broker = 'broker-a') => sim.route(nameServer).topics[topic]?.[broker]?.perm;
const sendsTo = (sim: TestSim, broker: string, from: number, to: number) => sim.times('message.sent', (e) => e.producer === 'p-1' && e.broker === broker && e.t > from && e.t <= to);

describe('mqadmin wipeWritePerm -b broker-a', () => {
  const sim = cluster().at(WIPE_AT);
  const topicsOfBrokerA = Object.keys(sim.route('ns-1').topics).filter((topic) => sim.route('ns-1').topics[topic]?.['broker-a']);
  sim.wipeWritePerm('broker-a').at(120_000);

  it('takes PERM_WRITE off broker-a on every NameServer, in every topic, and reports how many topics (as mqadmin prints "OK, N")', () => {
    expect(sim.events('nameServer.wipeWritePerm').map((e) => [e.t, e.nameServer, e.broker, e.topicCount]))
      .toEqual([[WIPE_AT, 'ns-1', 'broker-a', topicsOfBrokerA.length], [WIPE_AT, 'ns-2', 'broker-a', topicsOfBrokerA.length]]);
    expect(topicsOfBrokerA).toEqual(expect.arrayContaining(['TopicTest', 'TBW102']));
    for (const ns of ['ns-1', 'ns-2']) {
      expect(perm(sim, ns, 'TopicTest')).toBe(PERM_READ);
      expect(perm(sim, ns, 'TBW102')).toBe(PERM_READ | PERM_INHERIT);
      expect(perm(sim, ns, 'TopicTest', 'broker-b')).toBe(PERM_READ | PERM_WRITE);
    }
  });

  it('leaves the broker\'s own TopicConfig alone: only the NameServers\' routes change', () => {
    expect(sim.broker('broker-a').topicConfigTable.TopicTest?.perm).toBe(PERM_READ | PERM_WRITE);
    expect(perm(sim, 'ns-1', 'TopicTest')).toBe(PERM_READ);
  });

  it('keeps p-1 sending to broker-a until its next route pull, at most pollNameServerInterval (30 s) later, and never after it', () => {
    expect(sendsTo(sim, 'broker-a', WIPE_AT, NEXT_PULL).length).toBeGreaterThan(5);
    expect(sendsTo(sim, 'broker-a', NEXT_PULL + HOPS, 120_000)).toEqual([]);
    expect(sendsTo(sim, 'broker-b', NEXT_PULL + HOPS, 120_000).length).toBeGreaterThan(500);
    const pulled = sim.first('route.updated', (e) => e.client === 'p-1' && e.t > WIPE_AT)!;
    expect(pulled.t).toBeLessThanOrEqual(WIPE_AT + ROUTE_PERIOD);
    expect(pulled.writeQueues.filter((queue) => queue.startsWith('broker-a:'))).toEqual([]);
    expect(pulled.readQueues.filter((queue) => queue.startsWith('broker-a:'))).toHaveLength(4);
  });

  it('lets c-1 read broker-a until it is drained: every message stored there is consumed, and the committed offsets reach the end of each queue', () => {
    const stored = sim.events('message.stored', (e) => e.broker === 'broker-a' && e.brokerId === 0 && e.topic === 'TopicTest');
    const consumed = new Set(sim.events('message.consumed', (e) => e.broker === 'broker-a').map((e) => e.msgId));
    expect(stored.length).toBeGreaterThan(250);
    expect(stored.at(-1)!.t).toBeLessThan(NEXT_PULL + HOPS);
    expect(stored.filter((e) => !consumed.has(e.msgId))).toEqual([]);
    const ends = Object.fromEntries([0, 1, 2, 3].map((queueId) => [`TopicTest@${queueId}`, Math.max(...stored.filter((e) => e.queueId === queueId).map((e) => e.queueOffset)) + 1]));
    const committed = sim.broker('broker-a').consumerOffsetTable.CG ?? {};
    expect(Object.fromEntries(Object.keys(ends).map((key) => [key, committed[key]]))).toEqual(ends);
    expect(sim.events('pull.rejected')).toEqual([]);
  });

  it('is not undone by broker-a\'s periodic registrations: its DataVersion has not changed (isBrokerTopicConfigChanged)', () => {
    const registrations = sim.times('broker.registered', (e) => e.broker === 'broker-a' && e.brokerId === 0 && e.t > WIPE_AT);
    expect(registrations.length).toBeGreaterThanOrEqual(2 * Math.floor((120_000 - WIPE_AT) / REGISTER_PERIOD));
    expect(perm(sim, 'ns-1', 'TopicTest')).toBe(PERM_READ);
    expect(perm(sim, 'ns-2', 'TopicTest')).toBe(PERM_READ);
  });
});

describe('what gives broker-a its write perm back', () => {
  it('addWritePerm sets perm 6 (PERM_READ | PERM_WRITE) on every topic, TBW102 included, and producers come back at their next route pull', () => {
    const addAt = 75_000;
    const nextPull = FIRST_ROUTE_PULL + 3 * ROUTE_PERIOD;
    const sim = cluster().at(WIPE_AT).wipeWritePerm('broker-a').at(addAt).addWritePerm('broker-a').at(150_000);
    expect(sim.events('nameServer.addWritePerm').map((e) => [e.t, e.nameServer])).toEqual([[addAt, 'ns-1'], [addAt, 'ns-2']]);
    expect(perm(sim, 'ns-1', 'TopicTest')).toBe(PERM_READ | PERM_WRITE);
    // addWritePerm does not restore what was there: TBW102 loses PERM_INHERIT on the NameServer.
    expect(perm(sim, 'ns-1', 'TBW102')).toBe(PERM_READ | PERM_WRITE);
    expect(sendsTo(sim, 'broker-a', NEXT_PULL + HOPS, nextPull)).toEqual([]);
    expect(sendsTo(sim, 'broker-a', nextPull, nextPull + 10_000).length).toBeGreaterThan(20);
  });

  it('a topic change on broker-a registers a new DataVersion at once, which writes its own perm back', () => {
    const changeAt = 75_000;
    const sim = cluster().at(WIPE_AT).wipeWritePerm('broker-a').at(changeAt);
    expect(perm(sim, 'ns-1', 'TopicTest')).toBe(PERM_READ);
    sim.act({ action: 'updateTopic', topic: 'TopicTest', broker: 'broker-a', writeQueueNums: 8, readQueueNums: 8 }).advance(HOPS);
    expect(perm(sim, 'ns-1', 'TopicTest')).toBe(PERM_READ | PERM_WRITE);
    expect(sim.first('broker.registered', (e) => e.broker === 'broker-a' && e.t >= changeAt)?.trigger).toBe('topicChanged');
  });

  it('a restart of broker-a\'s master ends the wipe: its first registration after the restart writes its topic config back (registerFirst)', () => {
    const sim = cluster().at(WIPE_AT).wipeWritePerm('broker-a').at(100_000).shutdownBroker('broker-a').advance(HOPS);
    // The slave keeps broker-a in the routes, wiped.
    expect(perm(sim, 'ns-1', 'TopicTest')).toBe(PERM_READ);
    sim.at(110_000).act({ action: 'startBroker', target: 'broker-a' }).advance(HOPS);
    expect(sim.first('broker.registered', (e) => e.broker === 'broker-a' && e.brokerId === 0 && e.t >= 110_000)?.first).toBe(true);
    expect(perm(sim, 'ns-1', 'TopicTest')).toBe(PERM_READ | PERM_WRITE);
    expect(perm(sim, 'ns-2', 'TopicTest')).toBe(PERM_READ | PERM_WRITE);
  });
});

describe('the NameServers mqadmin calls', () => {
  it('-n ns-1 wipes broker-a on ns-1 only', () => {
    const sim = cluster().at(WIPE_AT).wipeWritePerm('broker-a', ['ns-1']);
    expect(sim.events('nameServer.wipeWritePerm').map((e) => e.nameServer)).toEqual(['ns-1']);
    expect(perm(sim, 'ns-1', 'TopicTest')).toBe(PERM_READ);
    expect(perm(sim, 'ns-2', 'TopicTest')).toBe(PERM_READ | PERM_WRITE);
  });

  it('a NameServer that is down fails ("Failed"), the command goes on to the next, and the restarted one learns broker-a writable again', () => {
    const sim = cluster().at(30_000).crashNameServer('ns-1').at(WIPE_AT).wipeWritePerm('broker-a');
    expect(sim.events('nameServer.writePermFailed').map((e) => [e.nameServer, e.command, e.reason])).toEqual([['ns-1', 'wipeWritePerm', 'connectRefused']]);
    expect(sim.events('nameServer.wipeWritePerm').map((e) => e.nameServer)).toEqual(['ns-2']);
    sim.startNameServer('ns-1').advance(REGISTER_PERIOD + HOPS);
    expect(perm(sim, 'ns-1', 'TopicTest')).toBe(PERM_READ | PERM_WRITE);
    expect(perm(sim, 'ns-2', 'TopicTest')).toBe(PERM_READ);
  });

  it('a second wipe changes nothing: it is traced noEffect and no NameServer is called', () => {
    const sim = cluster().at(WIPE_AT).wipeWritePerm('broker-a').advance(1_000).wipeWritePerm('broker-a');
    expect(sim.events('fault', { action: 'wipeWritePerm' }).map((e) => e.noEffect)).toEqual([undefined, true]);
    expect(sim.events('nameServer.wipeWritePerm')).toHaveLength(2);
  });
});
