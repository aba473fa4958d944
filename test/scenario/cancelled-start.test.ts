/**
 * A removeConsumer or removeProducer before its client has started cancels that start: the client
 * never runs, and the `fault` event says `cancelsStartAt` (docs/trace.md). A crash or hang of a
 * client that has not started changes nothing (noEffect), and it starts all the same. A
 * setProducerRate to the rate the producer already has changes nothing: its sends keep their times.
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/model/events.ts';
import { plannedFaultEvent } from '../../src/sim/queries/planned-fault-event.ts';
import { narrate } from '../../src/ui/narration/narrate.ts';
import { describeEvent } from '../../src/ui/panels/event-sentences.ts';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

function scenario(timeline: object[], extra: Partial<ScenarioJson> = {}): ScenarioJson {
  return {
    version: 1, durationMs: 120_000,
    nameServers: [{ id: 'ns-1' }],
    brokers: [{ name: 'broker-a' }],
    topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
    producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest' }],
    consumers: [
      { id: 'c-1', group: 'CG', topic: 'TopicTest' },
      { id: 'c-4', group: 'CG', topic: 'TopicTest', startAt: 90_000 },
    ],
    timeline,
    ...extra,
  };
}

/** Trace lines other than the timeline's own fault lines that name the client: what it did, or what was done with it. */
function linesNaming(sim: TestSim, id: string): string[] {
  return sim.traceLines().filter((line) => line.includes(`"${id}"`) && !line.includes('"type":"fault"'));
}

describe('a removal before the client has started', () => {
  it('cancels an initial consumer\'s start: it never runs, and the fault event says which start', () => {
    const sim = new TestSim(scenario([
      { at: 50_000, action: 'removeConsumer', target: 'c-4' },
      { at: 100_000, action: 'removeConsumer', target: 'c-4' },
    ])).at(120_000);
    const [cancel, again] = sim.events('fault');
    expect(JSON.stringify(cancel)).toBe('{"t":50000,"type":"fault","action":"removeConsumer","target":"c-4","cancelsStartAt":90000}');
    expect(sim.client('c-4').status).toBe('stopped');
    expect(linesNaming(sim, 'c-4')).toEqual([]);
    // c-1 still owns the whole topic: c-4 never joined the group.
    expect(sim.last('rebalance', { consumer: 'c-1', topic: 'TopicTest' })?.queues).toHaveLength(4);
    // Removed already: the second removal changes nothing.
    expect(again).toMatchObject({ t: 100_000, noEffect: true });
    expect(again && 'cancelsStartAt' in again).toBe(false);
  });

  it('cancels an added producer\'s later start: it sends nothing', () => {
    const sim = new TestSim(scenario([
      { at: 10_000, action: 'addProducer', producer: { id: 'p-2', group: 'PG', topic: 'TopicTest', startAt: 40_000 } },
      { at: 20_000, action: 'removeProducer', target: 'p-2' },
    ])).at(60_000);
    expect(sim.events('fault').map((e) => JSON.stringify(e))).toEqual([
      '{"t":10000,"type":"fault","action":"addProducer","target":"p-2","startsAt":40000}',
      '{"t":20000,"type":"fault","action":"removeProducer","target":"p-2","cancelsStartAt":40000}',
    ]);
    expect(sim.events('message.sent', { producer: 'p-2' })).toEqual([]);
    expect(linesNaming(sim, 'p-2')).toEqual([]);
    expect(sim.client('p-2').status).toBe('stopped');
    // p-1 sends on, 1 a second, untouched.
    expect(sim.events('message.sent', { producer: 'p-1' }).length).toBeGreaterThan(50);
  });

  it('a removal after the start is the graceful shutdown it always was', () => {
    const sim = new TestSim(scenario([{ at: 100_000, action: 'removeConsumer', target: 'c-4' }])).at(120_000);
    expect(JSON.stringify(sim.first('fault'))).toBe('{"t":100000,"type":"fault","action":"removeConsumer","target":"c-4"}');
    expect(sim.first('client.heartbeat', { client: 'c-4' })?.t).toBeLessThan(100_000);
    expect(sim.client('c-4').status).toBe('stopped');
  });

  it('a crash or a hang before the start changes nothing, and the consumer starts at its startAt', () => {
    for (const action of ['crashConsumer', 'hangConsumer']) {
      const sim = new TestSim(scenario([{ at: 50_000, action, target: 'c-4' }])).at(95_000);
      expect(JSON.stringify(sim.first('fault'))).toBe(`{"t":50000,"type":"fault","action":"${action}","target":"c-4","noEffect":true}`);
      expect(sim.client('c-4').status).toBe('running');
      expect(sim.first('client.heartbeat', { client: 'c-4' })?.t).toBeGreaterThanOrEqual(90_000);
    }
  });

  it('is said as a cancelled start in the caption and the event log, in English and Chinese', () => {
    const sim = new TestSim(scenario([
      { at: 10_000, action: 'addProducer', producer: { id: 'p-2', group: 'PG', topic: 'TopicTest', startAt: 40_000 } },
      { at: 20_000, action: 'removeProducer', target: 'p-2' },
      { at: 50_000, action: 'removeConsumer', target: 'c-4' },
    ])).at(60_000);
    const context = { config: sim.scenario.config };
    const at = (t: number) => sim.first('fault', { t }) as TraceEvent;
    expect(narrate(at(50_000), 'en', context)).toBe('c-4 is removed before it has started: its start at 1:30.000 (its startAt) is cancelled, and it never runs: no broker registers it and its group never gives it a queue.');
    expect(narrate(at(20_000), 'en', context)).toBe('p-2 is removed before it has started: its start at 0:40.000 (its startAt) is cancelled, and it never runs: it sends nothing.');
    expect(narrate(at(50_000), 'zh', context)).toBe('c-4 在启动之前被移除：它在 1:30.000（它的 startAt）的启动被取消，它永远不会运行：没有 Broker 登记它，它的消费者组也不会给它分配队列。');
    expect(narrate(at(20_000), 'zh', context)).toBe('p-2 在启动之前被移除：它在 0:40.000（它的 startAt）的启动被取消，它永远不会运行：它不发送任何消息。');
    expect(describeEvent(at(50_000), 'en')).toBe('Timeline action: c-4 is removed before it started: its start at 1:30.000 is cancelled (removeConsumer)');
    expect(describeEvent(at(50_000), 'zh')).toBe('时间线动作：c-4 在启动之前被移除，1:30.000 的启动被取消（removeConsumer）');
  });
});

describe('the start a removal cancels, as the file says it (the scrubber\'s marks)', () => {
  const later = (id: string, startAt: number) => ({ id, group: 'CG', topic: 'TopicTest', startAt });
  const TIMELINE = [
    { at: 5_000, action: 'addConsumer', consumer: later('c-5', 30_000) },
    { at: 5_000, action: 'addConsumer', consumer: later('c-6', 30_000) },
    { at: 5_000, action: 'addConsumer', consumer: later('c-7', 0) }, // starts at once
    { at: 10_000, action: 'removeConsumer', target: 'c-5' }, // before its start: cancelled
    { at: 12_000, action: 'removeConsumer', target: 'c-7' }, // running
    { at: 20_000, action: 'removeConsumer', target: 'c-5' }, // already cancelled
    { at: 30_000, action: 'removeConsumer', target: 'c-6' }, // at its start's instant: queued before it, cancelled
    { at: 40_000, action: 'removeConsumer', target: 'c-1' }, // running
    { at: 50_000, action: 'removeConsumer', target: 'c-4' }, // initial, starts at 90 s: cancelled
  ];

  it('is the start the run cancels, for every action', () => {
    const sim = new TestSim(scenario(TIMELINE)).at(100_000);
    const traced = new Map(sim.events('fault').map((e) => [`${e.t} ${e.target} ${e.action}`, e.cancelsStartAt]));
    const planned = sim.scenario.timeline.map((action) => plannedFaultEvent(sim.scenario, action));
    expect(planned.map((e) => e.cancelsStartAt)).toEqual(planned.map((e) => traced.get(`${e.t} ${e.target} ${e.action}`)));
    expect(planned.map((e) => e.cancelsStartAt)).toEqual([undefined, undefined, undefined, 30_000, undefined, undefined, 30_000, undefined, 90_000]);
    expect(sim.client('c-6').status).toBe('stopped');
  });

  it('an initial client removed at its startAt\'s instant has started first: a shutdown, as the run has it', () => {
    const sim = new TestSim(scenario([{ at: 90_000, action: 'removeConsumer', target: 'c-4' }])).at(95_000);
    expect('cancelsStartAt' in sim.first('fault')!).toBe(false);
    expect('cancelsStartAt' in plannedFaultEvent(sim.scenario, sim.scenario.timeline[0]!)).toBe(false);
  });
});

describe('setProducerRate to the rate the producer already has', () => {
  const sends = (sim: TestSim) => sim.times('message.sent', { producer: 'p-1' });

  it('changes nothing: its sends keep their times, as in the run without it', () => {
    const without = new TestSim(scenario([])).at(30_000);
    const same = new TestSim(scenario([{ at: 10_500, action: 'setProducerRate', target: 'p-1', ratePerSec: 1 }])).at(30_000);
    expect(same.first('fault')).toMatchObject({ t: 10_500, action: 'setProducerRate', noEffect: true });
    expect(sends(same)).toEqual(sends(without));
    expect(sends(same).filter((t) => t > 10_500).slice(0, 3)).toEqual([11_000, 12_000, 13_000]);
  });

  it('a new rate takes effect from the action, as before', () => {
    const faster = new TestSim(scenario([{ at: 10_500, action: 'setProducerRate', target: 'p-1', ratePerSec: 2 }])).at(30_000);
    expect('noEffect' in faster.first('fault')!).toBe(false);
    expect(sends(faster).filter((t) => t > 10_500).slice(0, 3)).toEqual([11_000, 11_500, 12_000]);
  });

  it('with Poisson arrivals, draws nothing: the later sends are the run\'s without it', () => {
    const poisson = { producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 5, arrival: 'poisson' }] };
    const without = new TestSim(scenario([], poisson)).at(30_000);
    const same = new TestSim(scenario([{ at: 10_500, action: 'setProducerRate', target: 'p-1', ratePerSec: 5 }], poisson)).at(30_000);
    expect(sends(same)).toEqual(sends(without));
  });
});
