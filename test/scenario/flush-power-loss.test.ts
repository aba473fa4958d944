/**
 * Flushing and machine loss (CommitLog.FlushRealTimeService, GroupCommitService,
 * CommitLog.recoverAbnormally): a process crash keeps the page cache, a power loss drops every
 * message not yet flushed, and only a slave's copy saves it. The numbers below come from
 * MessageStoreConfig: flushIntervalCommitLog 500 ms, flushCommitLogLeastPages 4 (of 4 KB),
 * flushCommitLogThoroughInterval 10 s.
 */
import { describe, expect, it } from 'vitest';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

const OS_PAGE = 4_096;
const LEAST_PAGES = 4;
const THOROUGH_INTERVAL = 10_000;
const FLUSH_INTERVAL = 500;
const POWER_OFF = 60_000;

interface Parts { flushDiskType?: string; ratePerSec?: number; bodyBytes?: number; slave?: boolean; version?: string; action?: string; delayLevel?: number; restartAt?: number }

function scenario(parts: Parts): ScenarioJson {
  const { flushDiskType = 'ASYNC_FLUSH', ratePerSec = 10, bodyBytes = 1_024, slave = false, version = '5.x', action = 'powerOffBroker', delayLevel = 0, restartAt = 120_000 } = parts;
  return {
    version: 1, durationMs: 200_000, seed: 7,
    config: { rocketmqVersion: version },
    nameServers: [{ id: 'ns-1' }],
    brokers: [
      { name: 'broker-a', flushDiskType, ip: '10.0.1.1' },
      ...(slave ? [{ name: 'broker-a', brokerId: 1, role: 'SLAVE', ip: '10.0.1.2' }] : []),
    ],
    topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
    producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec, bodyBytes, delayLevel }],
    timeline: [{ at: POWER_OFF, action, target: 'broker-a' }, { at: restartAt, action: 'startBroker', target: 'broker-a' }],
  };
}

const storedOnMaster = (sim: TestSim, until: number) => sim.events('message.stored', (e) => e.topic === 'TopicTest' && e.brokerId === 0 && e.t <= until);

describe('ASYNC_FLUSH: a power loss takes what the page cache held', () => {
  it('10 msg/s of 1 KB: loses the tail written since the last flush, less than 4 dirty pages', () => {
    const sim = new TestSim(scenario({})).at(POWER_OFF);
    const stored = storedOnMaster(sim, POWER_OFF);
    const end = sim.broker('broker-a').maxPhyOffset;
    const lost = sim.events('message.lost');
    expect(lost.length).toBeGreaterThan(0);
    // Exactly the newest messages, and fewer than flushCommitLogLeastPages pages of them.
    expect(lost.map((e) => e.msgId)).toEqual(stored.slice(-lost.length).map((e) => e.msgId));
    const firstLostOffset = stored.at(-lost.length)!.commitLogOffset;
    expect(Math.floor(end / OS_PAGE) - Math.floor(firstLostOffset / OS_PAGE)).toBeLessThan(LEAST_PAGES + 1);
    expect(lost.every((e) => e.reason === 'notFlushedNotReplicated' && e.t === POWER_OFF)).toBe(true);
    expect(sim.summary().messages.lost).toBe(lost.length);
  });

  it('1 msg/s of 100 bytes (4 pages take minutes): the thorough flush every 10 s bounds the loss to the last 10.5 s', () => {
    const sim = new TestSim(scenario({ ratePerSec: 1, bodyBytes: 100 })).at(POWER_OFF);
    const lost = new Set(sim.events('message.lost').map((e) => e.msgId));
    const stored = storedOnMaster(sim, POWER_OFF);
    expect(lost.size).toBeGreaterThan(0);
    for (const e of stored) {
      if (e.t < POWER_OFF - THOROUGH_INTERVAL - FLUSH_INTERVAL) expect(lost.has(e.msgId)).toBe(false);
    }
    expect(lost.size).toBeLessThanOrEqual((THOROUGH_INTERVAL + FLUSH_INTERVAL) / 1_000);
  });

  it('on restart the CommitLog and the ConsumeQueues end at the last flushed message; new messages take the lost offsets', () => {
    const sim = new TestSim(scenario({})).at(POWER_OFF);
    const stored = storedOnMaster(sim, POWER_OFF);
    const lost = sim.events('message.lost');
    const kept = stored.length - lost.length;
    sim.at(120_000);
    const broker = sim.broker('broker-a');
    const topicQueues = broker.consumeQueues['TopicTest']!;
    expect(topicQueues.reduce((sum, queue) => sum + queue.length, 0)).toBe(kept);
    for (const e of lost) expect(topicQueues[e.queueId]!.length).toBeLessThanOrEqual(e.queueOffset);
    sim.at(150_000);
    const reused = sim.events('message.stored', (e) => e.t > 120_000 && e.topic === 'TopicTest' && e.queueId === lost[0]!.queueId && e.queueOffset === lost[0]!.queueOffset);
    expect(reused).toHaveLength(1);
    expect(reused[0]!.msgId).not.toBe(lost[0]!.msgId);
  });

  it('a delayed message lost while parked is never delivered, though new messages took its place in the log before its delay ran out', () => {
    // Level 2 is 5 s (MessageStoreConfig.messageDelayLevel); the broker is back 1 s after the loss.
    const sim = new TestSim(scenario({ delayLevel: 2, restartAt: POWER_OFF + 1_000 })).at(POWER_OFF + 30_000);
    const lost = new Set(sim.events('message.lost', (e) => e.topic === 'SCHEDULE_TOPIC_XXXX').map((e) => e.msgId));
    expect(lost.size).toBeGreaterThan(0);
    const parked = sim.events('message.stored', (e) => e.topic === 'SCHEDULE_TOPIC_XXXX' && e.t <= POWER_OFF);
    const delivered = sim.events('message.stored', (e) => e.topic === 'TopicTest');
    const parkedAfterRestart = sim.events('message.stored', (e) => e.topic === 'SCHEDULE_TOPIC_XXXX' && e.t > POWER_OFF);
    expect(parkedAfterRestart.length).toBeGreaterThan(0);
    for (const { msgId } of parked) {
      expect(delivered.filter((e) => e.msgId === msgId)).toHaveLength(lost.has(msgId) ? 0 : 1);
    }
  });

  it('the same in 4.x (the flush rules did not change)', () => {
    const v5 = new TestSim(scenario({})).at(POWER_OFF).events('message.lost').map((e) => e.msgId).length;
    const v4 = new TestSim(scenario({ version: '4.x' })).at(POWER_OFF).events('message.lost').length;
    expect(v4).toBeGreaterThan(0);
    expect(v5).toBeGreaterThan(0);
  });
});

describe('what saves the page cache\'s messages', () => {
  it('SYNC_FLUSH: every answered message is on disk, a power loss loses none', () => {
    const sim = new TestSim(scenario({ flushDiskType: 'SYNC_FLUSH' })).at(130_000);
    expect(sim.events('message.lost')).toEqual([]);
    expect(sim.summary().messages.lost).toBe(0);
    expect(sim.broker('broker-a').consumeQueues['TopicTest']!.reduce((sum, q) => sum + q.length, 0)).toBeGreaterThanOrEqual(storedOnMaster(sim, POWER_OFF).length);
  });

  it('a process crash (crashBroker) keeps the page cache: nothing lost, nothing truncated', () => {
    const sim = new TestSim(scenario({ action: 'crashBroker' })).at(130_000);
    expect(sim.events('message.lost')).toEqual([]);
    expect(sim.broker('broker-a').consumeQueues['TopicTest']!.reduce((sum, q) => sum + q.length, 0)).toBeGreaterThanOrEqual(storedOnMaster(sim, POWER_OFF).length);
  });

  it('a slave: only what it had not received yet (the master sends every 100 ms) is lost', () => {
    const sim = new TestSim(scenario({ slave: true })).at(POWER_OFF);
    const slaveIds = new Set(sim.broker('broker-a', 1).commitLog.toArray().map((m) => m.msgId));
    const lost = sim.events('message.lost');
    for (const e of lost) expect(slaveIds.has(e.msgId)).toBe(false);
    const unflushedAlone = new TestSim(scenario({})).at(POWER_OFF).events('message.lost').length;
    expect(lost.length).toBeLessThan(unflushedAlone);
    // At 10 msg/s the slave trails by at most 100 ms: one message, or none.
    expect(lost.length).toBeLessThanOrEqual(1);
  });
});
