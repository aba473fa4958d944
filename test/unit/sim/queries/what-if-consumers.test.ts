import { describe, expect, it } from 'vitest';
import { simulate } from '../../../../src/index.ts';
import { ROCKETMQ_DEFAULTS } from '../../../../src/model/defaults.ts';
import type { TraceEvent } from '../../../../src/model/events.ts';
import { Timeline } from '../../../../src/sim/timeline.ts';
import { whatIf } from '../../../../src/sim/queries/what-if.ts';
import { applyWhatIf, plannedEffect } from '../../../../src/sim/queries/what-if-change.ts';
import { groupSizeAt } from '../../../../src/sim/queries/what-if-consumers.ts';
import { whatIfChoices } from '../../../../src/ui/insight/what-if/what-if-choices.ts';
import { scenarioOf } from '../../../support/test-sim.ts';

const AT = 40_000;
const UNTIL = 70_000;
// RebalanceService's waitInterval: without a notice, a member would see the change only at its next round.
const PERIOD = ROCKETMQ_DEFAULTS.rebalanceIntervalMs;
// The notice's way: the new consumer's route pull and heartbeat (or the leaver's UNREGISTER_CLIENT),
// the broker's NOTIFY_CONSUMER_IDS_CHANGED, then GET_CONSUMER_LIST_BY_GROUP: a few one-way hops of 1 ms.
const HOPS_MS = 20;

const twoConsumers = scenarioOf({
  version: 1, durationMs: 150_000, config: { networkJitterMs: 0 }, nameServers: [{ id: 'ns-1' }], brokers: [{ name: 'broker-a' }],
  topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
  producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 10, startAt: 1_000 }],
  consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest', startAt: 1_000 }, { id: 'c-2', group: 'CG', topic: 'TopicTest', startAt: 1_000 }],
  timeline: [{ at: 100_000, action: 'crashConsumer', target: 'c-2' }],
});

type Rebalance = Extract<TraceEvent, { type: 'rebalance' }>;

/** Each consumer's last change of its TopicTest queues from `from` on (a rebalance is traced only when it changes them). */
function allocationsAfter(trace: readonly TraceEvent[], from = 0): Map<string, Rebalance> {
  const latest = new Map<string, Rebalance>();
  for (const event of trace) {
    if (event.type === 'rebalance' && event.topic === 'TopicTest' && event.t >= from) latest.set(event.consumer, event);
  }
  return latest;
}

function changedRun(value: number) {
  const applied = applyWhatIf(twoConsumers, { at: AT, path: 'groups.CG.consumers', value });
  if (!applied.ok) throw new Error(applied.message.en);
  return { applied, trace: simulate(applied.scenario, { untilMs: UNTIL }).trace };
}

describe('what-if: the number of consumers in a group, changed at the playhead', () => {
  const timeline = new Timeline(twoConsumers);
  timeline.seek(AT);

  it('offers each group\'s number of consumers running at the playhead, forked at that moment', () => {
    expect(whatIfChoices(twoConsumers, AT)).toContainEqual({ path: 'groups.CG.consumers', current: 2, suggested: 3 });
    expect(groupSizeAt(twoConsumers, 'CG', 500)).toBe(0);
    expect(groupSizeAt(twoConsumers, 'CG', 100_000)).toBe(1);
    expect(plannedEffect('groups.CG.consumers')).toBe('atMoment');
  });

  it('a third consumer at 40 s: the runs agree until 40 s, the group rebalances at once and the new one a second after its start (4 queues over 3: 2, 1, 1), not 20 s later', () => {
    const { applied, trace } = changedRun(3);
    expect(applied.effect).toEqual({ how: 'consumers', added: 1, removed: 0 });
    expect(applied.scenario.timeline).toContainEqual({ at: AT, action: 'addConsumer', consumer: expect.objectContaining({ id: 'c-3', group: 'CG' }) });
    const result = whatIf(timeline, { change: { at: AT, path: 'groups.CG.consumers', value: 3 }, untilMs: UNTIL });
    if (!result.ok) throw new Error(result.message.en);
    expect(result.divergence!.t).toBe(AT);
    // The members there give up queues at once, on the broker's notice; the new consumer takes its own a second
    // after its start (RebalanceService.minInterval, 5.x), when the broker lists it.
    const moved = allocationsAfter(trace, AT);
    expect(moved.has('c-3')).toBe(true);
    expect(moved.size).toBeGreaterThanOrEqual(2);
    for (const [consumer, event] of moved) expect(event.t).toBeLessThan(consumer === 'c-3' ? AT + 1_000 + HOPS_MS : AT + HOPS_MS);
    expect(moved.get('c-3')!.t).toBeGreaterThanOrEqual(AT + 1_000);
    // AllocateMessageQueueAveragely: n = 4, c = 3, mod = 1, so the first consumer in cidAll keeps 2 and the others get 1 each.
    const now = [...allocationsAfter(trace).values()];
    expect(now.map((event) => event.queues.length).sort()).toEqual([1, 1, 2]);
    expect(now.flatMap((event) => event.queues).sort()).toEqual(['broker-a:0', 'broker-a:1', 'broker-a:2', 'broker-a:3']);
    // The run as it is keeps its allocation: nothing moves after 40 s.
    expect(allocationsAfter(simulate(twoConsumers, { untilMs: UNTIL }).trace, AT).size).toBe(0);
  });

  it('one consumer fewer at 40 s: the one left takes every queue at once, on the broker\'s notice, well before RebalanceService\'s next round', () => {
    const { applied, trace } = changedRun(1);
    expect(applied.effect).toEqual({ how: 'consumers', added: 0, removed: 1 });
    // The newest running member leaves (both started at 1 s: the later one in the file).
    expect(applied.scenario.timeline).toContainEqual({ at: AT, action: 'removeConsumer', target: 'c-2' });
    const survivor = allocationsAfter(trace, AT).get('c-1')!;
    expect(survivor.queues).toEqual(['broker-a:0', 'broker-a:1', 'broker-a:2', 'broker-a:3']);
    expect(survivor.t).toBeGreaterThanOrEqual(AT);
    expect(survivor.t).toBeLessThan(AT + HOPS_MS);
    expect(survivor.t).toBeLessThan(AT + PERIOD);
  });

  it('the same number: no change and no divergence; a number out of range or a group that does not exist is refused', () => {
    const same = whatIf(timeline, { change: { at: AT, path: 'groups.CG.consumers', value: 2 }, untilMs: 50_000 });
    if (!same.ok) throw new Error(same.message.en);
    expect(same.effect).toEqual({ how: 'consumers', added: 0, removed: 0 });
    expect(same.divergence).toBeNull();
    const refused = (path: string, value: number | string) => {
      const result = applyWhatIf(twoConsumers, { at: AT, path, value });
      return result.ok ? '' : result.message.en;
    };
    expect(refused('groups.CG.consumers', -1)).toBe('the number of consumers must be a whole number from 0 to 64');
    expect(applyWhatIf(twoConsumers, { at: AT, path: 'groups.CG.consumers', value: 99 })).toMatchObject({ message: { zh: '消费者数必须是 0 到 64 之间的整数' } });
    expect(refused('groups.CG.consumers', 1.5)).toMatch(/whole number/);
    expect(refused('groups.CG.consumers', 'many')).toMatch(/whole number/);
    expect(refused('groups.__proto__.consumers', 1)).toBe('no consumer group named "__proto__"');
  });
});
