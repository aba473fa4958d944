/**
 * A timeline action that changes nothing when it runs is traced with `noEffect: true` (docs/trace.md)
 * and goes no further; the same action where it does change something carries no such field.
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/model/events.ts';
import { narrate } from '../../src/ui/narration/narrate.ts';
import { describeEvent } from '../../src/ui/panels/event-sentences.ts';
import { TestSim, type ScenarioJson } from '../support/test-sim.ts';

function scenario(timeline: object[]): ScenarioJson {
  return {
    version: 1, durationMs: 120_000,
    nameServers: [{ id: 'ns-1' }, { id: 'ns-2' }],
    brokers: [{ name: 'broker-a' }, { name: 'broker-b' }],
    topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
    producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest' }, { id: 'p-2', group: 'PG', topic: 'TopicTest' }],
    consumers: [
      { id: 'c-1', group: 'CG', topic: 'TopicTest' }, { id: 'c-2', group: 'CG', topic: 'TopicTest' },
      { id: 'c-3', group: 'CG', topic: 'TopicTest' }, { id: 'c-4', group: 'CG', topic: 'TopicTest', startAt: 90_000 },
    ],
    timeline,
  };
}

/** Each action twice or where it is moot: the first of a pair takes effect, the second changes nothing. */
const TIMELINE = [
  { at: 5_000, action: 'healPartition', target: 'broker-a' }, // never partitioned
  { at: 6_000, action: 'partitionBroker', target: 'broker-a' },
  { at: 7_000, action: 'partitionBroker', target: 'broker-a' }, // already cut off
  { at: 8_000, action: 'healPartition', target: 'broker-a' },
  { at: 9_000, action: 'startBroker', target: 'broker-a' }, // running
  { at: 10_000, action: 'crashBroker', target: 'broker-b' },
  { at: 11_000, action: 'crashBroker', target: 'broker-b' }, // already down
  { at: 11_500, action: 'powerOffBroker', target: 'broker-b' }, // already down
  { at: 11_700, action: 'shutdownBroker', target: 'broker-b' }, // already down
  { at: 12_000, action: 'startBroker', target: 'broker-b' },
  { at: 13_000, action: 'startNameServer', target: 'ns-1' }, // running
  { at: 14_000, action: 'crashNameServer', target: 'ns-2' },
  { at: 15_000, action: 'crashNameServer', target: 'ns-2' }, // already down
  { at: 16_000, action: 'startNameServer', target: 'ns-2' },
  { at: 17_000, action: 'healLink', target: 'c-1', peer: 'broker-a' }, // never cut
  { at: 18_000, action: 'partitionLink', target: 'c-1', peer: 'broker-a' },
  { at: 19_000, action: 'partitionLink', target: 'broker-a', peer: 'c-1' }, // the same link, already cut
  { at: 20_000, action: 'healLink', target: 'c-1', peer: 'broker-a' },
  { at: 21_000, action: 'removeConsumer', target: 'c-2' },
  { at: 22_000, action: 'removeConsumer', target: 'c-2' }, // already gone
  { at: 23_000, action: 'crashConsumer', target: 'c-2' }, // already gone
  { at: 24_000, action: 'crashConsumer', target: 'c-3' },
  { at: 25_000, action: 'hangConsumer', target: 'c-3' }, // crashed
  { at: 26_000, action: 'hangConsumer', target: 'c-1' },
  { at: 27_000, action: 'hangConsumer', target: 'c-1' }, // already hung
  { at: 28_000, action: 'removeConsumer', target: 'c-1' }, // hung: it runs no shutdown
  { at: 29_000, action: 'crashConsumer', target: 'c-1' }, // a hung process can be killed
  { at: 30_000, action: 'removeProducer', target: 'p-2' },
  { at: 31_000, action: 'removeProducer', target: 'p-2' }, // already gone
  { at: 32_000, action: 'setProducerRate', target: 'p-2', ratePerSec: 5 }, // removed
  { at: 33_000, action: 'setProducerRate', target: 'p-1', ratePerSec: 5 },
  { at: 34_000, action: 'hangConsumer', target: 'c-4' }, // not started until 90 s
];

const NO_EFFECT = new Set([5_000, 7_000, 9_000, 11_000, 11_500, 11_700, 13_000, 15_000, 17_000, 19_000, 22_000, 23_000, 25_000, 27_000, 28_000, 31_000, 32_000, 34_000]);

describe('timeline actions that change nothing', () => {
  const sim = new TestSim(scenario(TIMELINE)).at(40_000);
  const faults = sim.events('fault');

  it('carry noEffect, and only they', () => {
    expect(faults.map((e) => e.t)).toEqual(TIMELINE.map((a) => a.at));
    for (const fault of faults) {
      const label = `${fault.action} ${fault.target} at ${fault.t}`;
      if (NO_EFFECT.has(fault.t)) expect(fault.noEffect, label).toBe(true);
      else expect('noEffect' in fault, label).toBe(false);
    }
  });

  it('write noEffect last, after the fields that name the target', () => {
    const link = faults.find((e) => e.t === 19_000)!;
    expect(JSON.stringify(link)).toBe('{"t":19000,"type":"fault","action":"partitionLink","target":"broker-a","peer":"c-1","noEffect":true}');
  });

  it('leave the state as it was: a second partition opens no second fault, a removed consumer stays removed', () => {
    expect(sim.sim.state.faults.filter((f) => f.fault === 'partitionBroker').map((f) => f.at)).toEqual([6_000]);
    expect(sim.client('c-2').status).toBe('stopped');
    expect(sim.client('c-3').status).toBe('crashed');
    expect(sim.client('c-1').status).toBe('crashed');
    expect(sim.producer('p-2').ratePerSec).toBe(1);
  });

  it('are said as changing nothing, and why, in the narration and the event log, in English and Chinese', () => {
    const context = { config: sim.scenario.config };
    const at = (t: number) => faults.find((e) => e.t === t)! as TraceEvent;
    expect(narrate(at(5_000), 'en', context)).toBe('healPartition broker-a changes nothing: broker-a is not cut off by a partition (partitionBroker).');
    expect(narrate(at(6_000), 'en', context)).toMatch(/^broker-a is cut off by a network partition/);
    expect(narrate(at(22_000), 'en', context)).toContain('changes nothing');
    expect(narrate(at(5_000), 'zh', context)).toBe('healPartition broker-a 没有任何改变：broker-a 并未被网络分区隔离（partitionBroker）。');
    expect(describeEvent(at(5_000), 'en')).toBe('Timeline action healPartition broker-a: changed nothing');
    expect(describeEvent(at(5_000), 'zh')).toBe('时间线动作 healPartition broker-a：没有任何改变');
    expect(describeEvent(at(9_000), 'en')).toMatch(/changed nothing/);
    expect(describeEvent(at(9_000), 'zh')).toMatch(/没有任何改变/);
    expect(describeEvent(at(12_000), 'en')).not.toMatch(/changed nothing/);
    for (const t of NO_EFFECT) {
      for (const language of ['en', 'zh'] as const) {
        const said = narrate(at(t), language, context);
        // Chinese words run together: no space between two Chinese characters.
        if (language === 'zh') expect(said, said).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]/);
        expect(said.length, said).toBeGreaterThan(30);
      }
    }
  });
});

describe('an action on a client that has not started yet', () => {
  it('a removeConsumer before the consumer\'s startAt is not a no-op: it cancels the start (cancelled-start.test.ts)', () => {
    const sim = new TestSim(scenario([{ at: 50_000, action: 'removeConsumer', target: 'c-4' }])).at(95_000);
    expect(sim.first('fault')).toMatchObject({ t: 50_000, cancelsStartAt: 90_000 });
    expect('noEffect' in sim.first('fault')!).toBe(false);
    expect(sim.client('c-4').status).toBe('stopped');
  });
});
