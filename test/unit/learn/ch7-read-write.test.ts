/**
 * Chapter 7's claims, read off its run. RocketMQ's rules behind them: a consumer is given only
 * queue ids below readQueueNums (topicRouteData2TopicSubscribeInfo), after its next route pull
 * (every 30 s) and rebalance (every 20 s); until then the broker refuses its pulls of ids at or
 * above readQueueNums (PullMessageProcessor: PULL_NOT_FOUND past the read queues).
 */
import { describe, expect, it } from 'vitest';
import { chapterRun } from '../../support/chapter-run.ts';
import { eventsOf } from '../../support/trace-events.ts';

const READ_FOUR_AT = 30_000;
/** The timeline's updateTopic that sets readQueueNums back to 8. */
const READ_BACK_AT = 80_000;
const MISMATCH_STEP = 1;

describe('chapter read-write: the first step', () => {
  it('stops where its caption says c-1 and c-2 share all 16 queues: after both consumers\' first rebalance', async () => {
    const { chapter, timeline, moments } = await chapterRun('read-write');
    expect(chapter.steps[0]!.caption.en).toContain('c-1 and c-2 share all 16.');
    timeline.seek(moments[0]!.t);
    const owned = ['c-1', 'c-2'].map((id) => Object.keys((timeline.state.clients[id] as { processQueueTable: object }).processQueueTable).length);
    expect(owned.every((count) => count > 0)).toBe(true);
    expect(owned[0]! + owned[1]!).toBe(16);
  });
});

describe('chapter read-write: the mismatch step', () => {
  it('says when the consumers rebalanced to queues 0-3 and that the broker refused their pulls of 4-7 until then, and nothing of duplicates the run never had', async () => {
    const { chapter, timeline, moments } = await chapterRun('read-write');
    const step = chapter.steps[MISMATCH_STEP]!;
    timeline.seek(moments[MISMATCH_STEP]!.t);
    // The first rebalance after the change that gives each consumer only ids 0-3.
    const onlyLowIds = eventsOf(timeline, 'rebalance', (e) => e.t > READ_FOUR_AT && e.queues.length > 0 && e.queues.every((queue) => Number(queue.split(':')[1]) < 4));
    const rebalancedAt = Math.min(...['c-1', 'c-2'].map((consumer) => onlyLowIds.find((e) => e.consumer === consumer)!.t));
    expect(Math.floor(rebalancedAt / 1_000)).toBe(42);
    expect(step.caption.en).toContain('Until the consumers rebalanced at 0:42, the broker kept refusing their pulls of ids 4-7');
    expect(step.caption.zh).toContain('0:42 消费者重新负载均衡之前，Broker 一直拒绝它们对 4-7 号队列的拉取');
    const rejected = eventsOf(timeline, 'pull.rejected');
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.every((e) => e.queueId >= 4 && e.t > READ_FOUR_AT && e.t <= rebalancedAt)).toBe(true);
    // No message was consumed twice by then: the caption must not explain duplicates.
    expect(timeline.summary().messages.duplicates).toBe(0);
    expect(step.caption.en).not.toMatch(/Duplicates/);
    expect(step.caption.zh).not.toMatch(/重复消费/);
  });
});

describe('chapter read-write: the answer on readQueueNums going back to 8', () => {
  // RemoteBrokerOffsetStore: a queue given back is read on from the offset its group last committed to the broker.
  it('names the offsets the consumers resume queues 4-7 from: those the group committed when reading stopped at about 0:30', async () => {
    const { chapter, timeline } = await chapterRun('read-write');
    const step = chapter.steps.find((entry) => entry.caption.en.includes('readQueueNums went back to 8'))!;
    timeline.seek(119_000);
    const upper = (queueId: number) => queueId >= 4;
    const lastRead = Math.max(...eventsOf(timeline, 'message.consumed', (e) => upper(e.queueId) && e.t < READ_BACK_AT).map((e) => e.t));
    expect(Math.round(lastRead / 1_000)).toBe(30);
    const committed = new Map<string, number>();
    for (const e of eventsOf(timeline, 'offset.committed', (c) => c.topic === 'TopicTest' && upper(c.queueId) && c.t < READ_BACK_AT)) committed.set(`${e.broker}:${e.queueId}`, e.offset);
    const resumed = new Map<string, number>();
    for (const e of eventsOf(timeline, 'message.consumed', (c) => upper(c.queueId) && c.t > READ_BACK_AT)) if (!resumed.has(`${e.broker}:${e.queueId}`)) resumed.set(`${e.broker}:${e.queueId}`, e.queueOffset);
    expect(resumed.size).toBe(8);
    expect([...resumed].every(([queue, offset]) => committed.get(queue) === offset)).toBe(true);
    expect(step.predict!.why.en).toContain('resume from the offsets their group had committed where reading stopped at about 0:30 (RemoteBrokerOffsetStore)');
    expect(step.predict!.why.zh).toContain('就从组里在 0:30 前后停下时已提交的位点接着读（RemoteBrokerOffsetStore）');
  });

  // The offsets the consumers resumed from are on no panel at the step's moment (the queues moved on
  // since): the answer cites the counters over the canvas, as they read then.
  it('cites the counters over the canvas at the step\'s moment: every message sent but the last one consumed, none Not consumable', async () => {
    const { chapter, timeline, moments } = await chapterRun('read-write');
    const index = chapter.steps.findIndex((entry) => entry.caption.en.includes('readQueueNums went back to 8'));
    timeline.seek(moments[index]!.t);
    const { sent, stored, consumed, neverConsumable } = timeline.summary().messages;
    // The one left is still on its way to a broker: every message stored has been consumed.
    expect([stored, consumed, neverConsumable]).toEqual([sent - 1, sent - 1, 0]);
    const count = (n: number) => n.toLocaleString('en-US');
    const why = chapter.steps[index]!.predict!.why;
    expect(why.en).toContain(`over the canvas, Consumed is now ${count(consumed)} of the ${count(sent)} sent, the last one on its way, and the Not consumable count has gone.`);
    expect(why.zh).toContain(`画布上方的已消费现在是 ${count(consumed)}，已发送 ${count(sent)}，最后一条还在路上，“无法消费”的计数也不见了。`);
    for (const text of [why.en, why.zh]) expect(text).not.toMatch(/\b1[89]\b/);
  });
});
