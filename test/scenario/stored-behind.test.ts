/**
 * Messages stored at a queue offset a group had already read past, which it then never reads
 * (message.storedBehind, summary.messages.storedBehind). Queue offsets only grow, so it takes a
 * queue cut back below where a group read: a power loss's recovery keeps what was flushed
 * (CommitLog.recoverAbnormally, DefaultMessageStore.truncateDirtyLogicFiles), or in controller mode a
 * new master holding less than the old one handed out (its slave's copy trailed by up to
 * haTransferWait, 100 ms). A consumer pulls on from its own next offset (PullAPIWrapper), so every
 * message stored below it is one that group never reads. The expected messages are found from the
 * trace alone: stored on the cut-back queue, never consumed, at an offset below one the group had
 * consumed there before the cut.
 */
import { describe, expect, it } from 'vitest';
import { findLibraryEntry } from '../../src/scenario/library/index.ts';
import { TestSim, type EventOf, type ScenarioJson } from '../support/test-sim.ts';

/**
 * The next offset the group reached on each queue ("broker:queueId") by consuming the messages
 * stored before `t`: the cut-back ones too, which a consumer that had pulled them goes on consuming
 * from its ProcessQueue after the cut.
 */
function consumedPast(sim: TestSim, group: string, broker: string, t: number): Map<string, number> {
  const before = new Set(sim.events('message.stored', (e) => e.t < t && e.broker === broker).map((e) => e.msgId));
  const reached = new Map<string, number>();
  for (const e of sim.events('message.consumed', (c) => c.group === group && c.broker === broker && before.has(c.msgId))) {
    const key = `${e.broker}:${e.queueId}`;
    reached.set(key, Math.max(reached.get(key) ?? 0, e.queueOffset + 1));
  }
  return reached;
}

/** Stored by the broker's master from `from` on, never consumed, below where the group had consumed before `from`. */
function behindFromTrace(sim: TestSim, group: string, broker: string, from: number): EventOf<'message.stored'>[] {
  const consumed = new Set(sim.events('message.consumed', { group }).map((e) => e.msgId));
  const reached = consumedPast(sim, group, broker, from);
  return sim.events('message.stored', (e) => e.t >= from && e.broker === broker && e.brokerId === 0 && e.topic === 'TopicTest' && !consumed.has(e.msgId)
    && e.queueOffset < (reached.get(`${e.broker}:${e.queueId}`) ?? 0));
}

describe('Power loss: ASYNC_FLUSH vs SYNC_FLUSH', () => {
  const json = findLibraryEntry('power-loss-flush')!.scenario as ScenarioJson;
  const sim = new TestSim(json).at(150_000);
  const restart = 90_000;

  it('the 12 messages broker-a stored after its restart at offsets CG had read past are traced once each, and counted', () => {
    const expected = behindFromTrace(sim, 'CG', 'broker-a', restart);
    expect(expected).toHaveLength(12);
    const behind = sim.events('message.storedBehind');
    expect(behind.map((e) => e.msgId).sort()).toEqual(expected.map((e) => e.msgId).sort());
    for (const e of behind) {
      const stored = expected.find((s) => s.msgId === e.msgId)!;
      expect(e).toMatchObject({ reader: 'CG', broker: 'broker-a', t: stored.t, queueId: stored.queueId, queueOffset: stored.queueOffset });
      expect(e.readerOffset).toBeGreaterThan(e.queueOffset);
    }
    expect(sim.summary().messages).toMatchObject({ storedBehind: 12, lost: 19 });
  });

  it('with them, every stored message is consumed, lagging, or lost before any group read it', () => {
    const m = sim.summary().messages;
    expect(m.stored).toBe(m.consumed + m.lagging + m.storedBehind + (m.lost - m.lostConsumed));
  });

  it('none before the restart: a queue is never written below a reader until it is cut back', () => {
    expect(new TestSim(json).at(restart).summary().messages.storedBehind).toBe(0);
  });
});

describe('Controller mode: the old master crashes with messages its slave never received', () => {
  // controller-failover with broker-a's master crashing instead of being cut off, its producer at
  // 200 messages a second, so the slave (ASYNC replication) trails the master by a few messages.
  const file = findLibraryEntry('controller-failover')!.scenario as ScenarioJson & { timeline: { action: string }[]; producers: object[] };
  const json = {
    ...file,
    timeline: file.timeline.map((action) => ({ ...action, action: action.action === 'partitionBroker' ? 'crashBroker' : action.action === 'healPartition' ? 'startBroker' : action.action })),
    producers: file.producers.map((producer) => ({ ...producer, ratePerSec: 200 })),
  };
  const sim = new TestSim(json).at(120_000);

  it('the new master hands out again the offsets only the old one held, behind where CG had read', () => {
    const elected = sim.first('broker.roleChanged', (e) => e.brokerId === 0 && e.t > 30_000)!;
    const expected = behindFromTrace(sim, 'CG', 'broker-a', elected.t);
    expect(expected.length).toBeGreaterThan(0);
    expect(sim.events('message.storedBehind').map((e) => e.msgId).sort()).toEqual(expected.map((e) => e.msgId).sort());
    // As many as the old master handed out that its slave never had: the truncation cuts them off when it comes back.
    expect(sim.summary().messages.storedBehind).toBe(sim.events('message.lost', { reason: 'truncatedByNewMaster' }).length);
  });
});
