/**
 * "Taking a broker out of service" does what its description says: each number in it is checked
 * against a run (RocketMQ's periods: a client's route pull every 30 s from 10 ms after its start,
 * MQClientInstance.startScheduledTask; consumer offsets committed every 5 s, persistConsumerOffsetInterval).
 */
import { describe, expect, it } from 'vitest';
import { libraryDescription } from '../../src/scenario/library/descriptions.ts';
import { findLibraryEntry } from '../../src/scenario/library/index.ts';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

const WIPE = 65_000;
/** p-1's route pulls: 10 ms, then every 30 s (pollNameServerInterval). */
const PULL_AFTER_WIPE = 90_010;
const SHUTDOWN = 120_000;
const START = 140_000;
const PULL_AFTER_START = 150_010;
const ADD = 170_000;
/** persistConsumerOffsetInterval. */
const COMMIT_PERIOD = 5_000;
/** A few hops of 1-2 ms each: a route pull's answer, a registration. */
const HOPS = 20;

function run(until: number): TestSim {
  const entry = findLibraryEntry('broker-out-of-service');
  if (!entry) throw new Error('no library entry broker-out-of-service');
  return new TestSim(entry.scenario as ScenarioJson).at(until);
}

const perms = (sim: TestSim, nameServer: string) => Object.fromEntries(Object.entries(sim.route(nameServer).topics).flatMap(([topic, byBroker]) => {
  const queueData = byBroker['broker-a'];
  return queueData ? [[topic, queueData.perm]] : [];
}));

describe('the library\'s "Taking a broker out of service"', () => {
  const sim = run(SHUTDOWN - 1);
  const sent = (broker: string, from: number, to: number) => sim.events('message.sent', (e) => e.broker === broker && e.t >= from && e.t < to).length;

  it('has a backlog of 600 messages on each broker when the consumers start at 1:00 (10 a second for 60 s)', () => {
    // The producer's sends start a few ms after 0 and take the queues in turn: one message either side of 600.
    for (const broker of ['broker-a', 'broker-b', 'broker-c']) {
      expect(Math.abs(sim.events('message.stored', (e) => e.broker === broker && e.brokerId === 0 && e.topic === 'TopicTest' && e.t < 60_000).length - 600)).toBeLessThanOrEqual(1);
    }
    expect(sim.events('message.consumed', (e) => e.t < 60_000)).toEqual([]);
  });

  it('wipes broker-a on ns-1 and ns-2 at 1:05, "OK, 3" each (TopicTest, the retry topic and TBW102), and leaves it R-- through its registrations', () => {
    expect(sim.events('nameServer.wipeWritePerm').map((e) => [e.t, e.nameServer, e.topicCount])).toEqual([[WIPE, 'ns-1', 3], [WIPE, 'ns-2', 3]]);
    expect(perms(sim, 'ns-1')).toEqual({ TopicTest: 4, '%RETRY%CG_ORDER': 4, TBW102: 5 });
    expect(perms(sim, 'ns-2')).toEqual(perms(sim, 'ns-1'));
    expect(sim.events('broker.registered', (e) => e.broker === 'broker-a' && e.brokerId === 0 && e.t > WIPE).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps p-1 sending to broker-a until its route pull at 1:30, then sends 15 a second to each of broker-b and broker-c', () => {
    expect(sent('broker-a', PULL_AFTER_WIPE - 1_000, PULL_AFTER_WIPE)).toBeGreaterThan(5);
    expect(sent('broker-a', PULL_AFTER_WIPE + HOPS, SHUTDOWN)).toBe(0);
    expect(Math.abs(sent('broker-b', 100_000, 110_000) - 150)).toBeLessThanOrEqual(1);
    expect(Math.abs(sent('broker-c', 100_000, 110_000) - 150)).toBeLessThanOrEqual(1);
  });

  it('drains broker-a by 1:47, and the offsets on broker-a reach each queue\'s end at the commit after it (Dashboard diff 0)', () => {
    const stored = sim.events('message.stored', (e) => e.broker === 'broker-a' && e.brokerId === 0 && e.topic === 'TopicTest');
    const consumed = sim.events('message.consumed', (e) => e.broker === 'broker-a');
    expect(consumed).toHaveLength(stored.length);
    const drained = Math.max(...consumed.map((e) => e.t));
    expect(drained).toBeGreaterThan(106_000);
    expect(drained).toBeLessThan(107_000);
    const commit = sim.first('offset.committed', (e) => e.broker === 'broker-a' && e.t > drained)!;
    expect(commit.t).toBeLessThanOrEqual(drained + COMMIT_PERIOD);
    const ends = Object.fromEntries([0, 1, 2, 3].map((queueId) => [`TopicTest@${queueId}`, stored.filter((e) => e.queueId === queueId).length]));
    const offsets = sim.broker('broker-a').consumerOffsetTable.CG_ORDER ?? {};
    expect(Object.fromEntries(Object.keys(ends).map((key) => [key, offsets[key]]))).toEqual(ends);
  });
});

describe('the restart and addWritePerm of "Taking a broker out of service"', () => {
  it('the first registration after the restart at 2:20 writes broker-a\'s own perm back, and p-1 writes to it from its route pull at 2:30', () => {
    const sim = run(START + HOPS);
    expect(perms(sim, 'ns-1')).toEqual({ TopicTest: 6, '%RETRY%CG_ORDER': 6, TBW102: 7 });
    sim.at(ADD - 1);
    expect(sim.events('message.sent', (e) => e.broker === 'broker-a' && e.t > START && e.t < PULL_AFTER_START)).toEqual([]);
    expect(sim.first('message.sent', (e) => e.broker === 'broker-a' && e.t > START)!.t).toBeLessThan(PULL_AFTER_START + 1_000);
  });

  it('addWritePerm at 2:50 changes only TBW102 (RWX to RW-)', () => {
    const sim = run(ADD + 1);
    expect(sim.events('fault', { action: 'addWritePerm' }).map((e) => e.noEffect)).toEqual([undefined]);
    expect(perms(sim, 'ns-1')).toEqual({ TopicTest: 6, '%RETRY%CG_ORDER': 6, TBW102: 6 });
    expect(perms(sim, 'ns-2')).toEqual(perms(sim, 'ns-1'));
  });
});

describe('the duplicates of "Taking a broker out of service"', () => {
  // MQClientInstance's onChannelActive (5.x): c-1's heartbeat on its new channel reaches the restarted
  // broker-a first; its rebalance asks one broker of the topic for the group (findConsumerIdList) and,
  // answered by broker-a, sees c-1 alone for the second until the others' periodic heartbeats.
  it('counts 9 Duplicates, all from the second after the restart\'s route pull in which c-1, alone on broker-a, takes all 12 queues: broker-b\'s queue 0, read by c-1 and c-2', () => {
    const sim = run(240_000);
    const alone = sim.first('rebalance', (e) => e.consumer === 'c-1' && e.topic === 'TopicTest' && e.t > PULL_AFTER_START && e.queues.length === 12)!;
    const back = sim.first('rebalance', (e) => e.consumer === 'c-1' && e.topic === 'TopicTest' && e.t > alone.t)!;
    const others = sim.events('consumer.registered', (e) => e.broker === 'broker-a' && e.brokerId === 0 && e.t > START && e.consumer !== 'c-1');
    const first = sim.first('consumer.registered', (e) => e.broker === 'broker-a' && e.brokerId === 0 && e.t > START)!;
    expect(first.consumer).toBe('c-1');
    expect(Math.floor(alone.t / 10) * 10).toBe(150_100);
    expect(Math.floor(back.t / 10) * 10).toBe(151_100);
    expect(back.queues).toHaveLength(4);
    expect(Math.min(...others.map((e) => e.t))).toBeGreaterThan(first.t + 900);
    const again = sim.events('message.consumedAgain');
    expect(again).toHaveLength(9);
    expect(sim.summary().messages).toMatchObject({ duplicates: 9, duplicateCauses: { rebalance: 9 } });
    for (const e of again) {
      expect(e.t).toBeGreaterThan(alone.t);
      expect(e.t).toBeLessThan(back.t + 1_000);
    }
    const queueOf = (e: (typeof again)[number]) => {
      const consumed = sim.first('message.consumed', (c) => c.msgId === e.msgId && c.consumer === e.consumer && c.t === e.t)!;
      return `${consumed.broker}:${consumed.queueId}`;
    };
    const text = libraryDescription('broker-out-of-service')!;
    expect(new Set(again.map(queueOf))).toEqual(new Set(['broker-b:0']));
    expect(text.en).toContain('on queue 0 each consumes messages the other consumed too');
    expect(text.zh).toContain('在队列 0 上各自消费了一些对方也消费过的消息');
    expect(new Set(again.map((e) => e.consumer))).toEqual(new Set(['c-1', 'c-2']));
    expect(text.en).toContain('the Summary\'s 9 Duplicates come from: c-1\'s heartbeat on its new channel reaches broker-a at 2:30.10');
    expect(text.en).toContain('takes all 12 queues until 2:31.10');
    expect(text.zh).toContain('概览中的 9 条重复消费也来自这次重启：c-1 通过新连接发出的心跳在 2:30.10 到达 broker-a');
    expect(text.zh).toContain('拿走全部 12 个队列，直到 2:31.10');
  });
});
