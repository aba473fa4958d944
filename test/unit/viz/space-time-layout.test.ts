import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../src/sim/index.ts';
import { lanesOf } from '../../../src/viz/space-time-events.ts';
import { COLUMN_PX, LABEL_WIDTH, layoutSpaceTime, RIGHT_PAD } from '../../../src/viz/space-time-layout.ts';
import { niceTicks } from '../../../src/viz/ticks.ts';
import { scenarioOf } from '../../support/test-sim.ts';

const scenario = scenarioOf({
  version: 1, durationMs: 60_000, nameServers: [{ id: 'ns-1' }],
  brokers: [{ name: 'broker-a' }, { name: 'broker-a', brokerId: 1, role: 'SLAVE' }],
  topics: [{ name: 'TopicTest' }],
  producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 10 }],
  consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest' }],
  timeline: [{ at: 5_000, action: 'addConsumer', consumer: { id: 'c-2', group: 'CG', topic: 'TopicTest' } }],
});
const lanes = lanesOf(scenario);

function sent(t: number, n: number): TraceEvent {
  return { t, type: 'message.sent', producer: 'p-1', msgId: `M${n}`, topic: 'TopicTest', tags: '', keys: '', broker: 'broker-a', queueId: 0, attempt: 1 };
}

const base = { lanes, firstIndex: 100, fromMs: 0, toMs: 10_000, nowMs: 10_000, width: LABEL_WIDTH + 1_000 + RIGHT_PAD };

describe('space-time layout', () => {
  it('has a lane per process: producers, brokers (master, slave), NameServers, consumers (those added later too)', () => {
    expect(lanes.map((lane) => lane.id)).toEqual(['p-1', 'broker-a/0', 'broker-a/1', 'ns-1', 'c-1', 'c-2']);
  });

  it('draws a registration from the broker that sent it to the NameServer, ending at its time', () => {
    const layout = layoutSpaceTime({ ...base, events: [{ t: 5_000, type: 'broker.registered', nameServer: 'ns-1', broker: 'broker-a', brokerId: 1, first: true, trigger: 'start' }] });
    const [arrow] = layout.arrows;
    expect(arrow).toMatchObject({ kind: 'register', from: 'broker-a/1', to: 'ns-1', count: 1, index: 100, t: 5_000, x2: LABEL_WIDTH + 500 });
    expect(arrow!.y1).toBe(layout.lanes[2]!.y);
    expect(arrow!.y2).toBe(layout.lanes[3]!.y);
  });

  it('bundles hundreds of sends a second into one arrow per column, with their count', () => {
    const events = Array.from({ length: 1_000 }, (_, n) => sent(n * 10, n));
    const layout = layoutSpaceTime({ ...base, events });
    // 1 px per 10 ms: a column of COLUMN_PX pixels is 60 ms, six sends.
    expect(layout.arrows.length).toBe(Math.ceil(1_000 / COLUMN_PX));
    expect(layout.arrows.reduce((sum, arrow) => sum + arrow.count, 0)).toBe(1_000);
    expect(layout.arrows[1]).toMatchObject({ count: 6, index: 106, t: 60 });
  });

  it('answers a send from the broker its last attempt went to; highlights the playhead events', () => {
    const events: TraceEvent[] = [sent(9_000, 1), { t: 10_000, type: 'send.result', producer: 'p-1', msgId: 'M1', status: 'SEND_OK' }];
    const layout = layoutSpaceTime({ ...base, events });
    expect(layout.arrows.map((a) => [a.kind, a.from, a.to, a.current])).toEqual([['send', 'p-1', 'broker-a/0', false], ['result', 'broker-a/0', 'p-1', true]]);
  });

  it('answers a pull from the broker that answered it: the master, or the slave while the master is gone', () => {
    const consumed = (t: number, brokerId: number): TraceEvent => ({
      t, type: 'message.consumed', consumer: 'c-1', group: 'CG', msgId: `M${t}`, broker: 'broker-a', brokerId, queueId: 0, queueOffset: t, topic: 'TopicTest', reconsumeTimes: 0,
    });
    const rejected: TraceEvent = { t: 8_000, type: 'pull.rejected', consumer: 'c-1', broker: 'broker-a', brokerId: 1, topic: 'TopicTest', queueId: 0, reason: 'NO_PERMISSION' };
    const layout = layoutSpaceTime({ ...base, events: [consumed(1_000, 0), consumed(6_000, 1), rejected] });
    expect(layout.arrows.map((a) => [a.kind, a.from, a.to])).toEqual([['pull', 'broker-a/0', 'c-1'], ['pull', 'broker-a/1', 'c-1'], ['pull', 'broker-a/1', 'c-1']]);
  });

  it('puts a broker fault on its master lane and a topic change across every lane', () => {
    const events: TraceEvent[] = [{ t: 2_000, type: 'fault', action: 'crashBroker', target: 'broker-a' }, { t: 3_000, type: 'fault', action: 'updateTopic', target: 'TopicTest' }];
    const layout = layoutSpaceTime({ ...base, events });
    expect(layout.marks).toMatchObject([{ kind: 'fault', lane: 'broker-a', y: layout.lanes[1]!.y }]);
    expect(layout.rules).toMatchObject([{ label: 'updateTopic TopicTest', t: 3_000, index: 101 }]);
  });

  it('draws no mark for an action that changed nothing (noEffect)', () => {
    const events: TraceEvent[] = [
      { t: 2_000, type: 'fault', action: 'startBroker', target: 'broker-a', noEffect: true },
      { t: 3_000, type: 'fault', action: 'healLink', target: 'p-1', peer: 'broker-a', noEffect: true },
      { t: 4_000, type: 'fault', action: 'crashBroker', target: 'broker-a' },
    ];
    const layout = layoutSpaceTime({ ...base, events });
    expect(layout.marks).toMatchObject([{ kind: 'fault', lane: 'broker-a', t: 4_000 }]);
  });

  it('labels time with round values', () => {
    expect(niceTicks(0, 10_000, 10)).toEqual([0, 1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 7_000, 8_000, 9_000, 10_000]);
    expect(niceTicks(1_234, 9_000, 4)).toEqual([2_000, 4_000, 6_000, 8_000]);
  });
});
