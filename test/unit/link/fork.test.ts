import { describe, expect, it } from 'vitest';
import { LIBRARY, findLibraryEntry } from '../../../src/scenario/library/index.ts';
import { validateScenario } from '../../../src/scenario/validate.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import type { Scenario } from '../../../src/model/spec.ts';
import { addFault, applyKnobs, currentKnobs, faultTargets, knobAt, type Knobs } from '../../../src/ui/editor/fork.ts';

const source = LIBRARY[0]!.scenario;

function scenarioOf(raw: unknown): Scenario {
  const result = validateScenario(raw);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.scenario;
}

function runAt(raw: unknown, atMs: number): Timeline {
  const timeline = new Timeline(scenarioOf(raw));
  timeline.seek(atMs);
  return timeline;
}

function change(raw: unknown, atMs: number, edit: (knobs: Knobs) => void): { raw: Record<string, unknown>; timeline: unknown[] } {
  const timeline = runAt(raw, atMs);
  const before = currentKnobs(timeline.scenario, timeline.state, atMs);
  const after = structuredClone(before);
  edit(after);
  const next = applyKnobs(raw, timeline.scenario, timeline.state, before, after, atMs) as Record<string, unknown>;
  return { raw: next, timeline: next.timeline as unknown[] };
}

/** The trace before `atMs`, as lines. */
function pastOf(raw: unknown, atMs: number): string[] {
  const timeline = runAt(raw, atMs - 1);
  return timeline.traceSlice(0).map((event) => JSON.stringify(event));
}

describe('changing a knob at 1:00 forks the run', () => {
  it('adds updateTopic at 60000 and leaves everything before 1:00 exactly as it was', () => {
    const { raw, timeline } = change(source, 60_000, (knobs) => {
      knobs.topics.TopicTest!.readQueueNums = 8;
    });
    expect(timeline).toEqual([{ at: 60_000, action: 'updateTopic', topic: 'TopicTest', readQueueNums: 8 }]);
    expect(pastOf(raw, 60_000)).toEqual(pastOf(source, 60_000));
    const after = runAt(raw, 120_000);
    expect(after.summary().queues.filter((q) => q.queueId >= 4).every((q) => q.readable)).toBe(true);
  });

  it('turns a producer rate into setProducerRate', () => {
    expect(change(source, 60_000, (knobs) => {
      knobs.producers['p-1']!.ratePerSec = 50;
    }).timeline).toEqual([{ at: 60_000, action: 'setProducerRate', target: 'p-1', ratePerSec: 50 }]);
  });

  it('adds a consumer with a fresh id, and removes the last one', () => {
    const grown = change(source, 60_000, (knobs) => {
      knobs.groups.CG_ORDER!.count = 3;
    });
    expect(grown.timeline).toEqual([{
      at: 60_000, action: 'addConsumer',
      consumer: { id: 'c-3', group: 'CG_ORDER', topic: 'TopicTest', subscription: '*', messageModel: 'CLUSTERING', allocateStrategy: 'AVG' },
    }]);
    expect(pastOf(grown.raw, 60_000)).toEqual(pastOf(source, 60_000));
    expect(change(source, 60_000, (knobs) => {
      knobs.groups.CG_ORDER!.count = 1;
    }).timeline).toEqual([{ at: 60_000, action: 'removeConsumer', target: 'c-2' }]);
  });

  it('replaces the group when its allocateStrategy changes (a running consumer keeps its own)', () => {
    const { raw, timeline } = change(source, 60_000, (knobs) => {
      knobs.groups.CG_ORDER!.allocateStrategy = 'AVG_BY_CIRCLE';
    });
    expect(timeline).toMatchObject([
      { at: 60_000, action: 'removeConsumer', target: 'c-1' },
      { at: 60_000, action: 'removeConsumer', target: 'c-2' },
      { at: 60_000, action: 'addConsumer', consumer: { id: 'c-3', allocateStrategy: 'AVG_BY_CIRCLE' } },
      { at: 60_000, action: 'addConsumer', consumer: { id: 'c-4', allocateStrategy: 'AVG_BY_CIRCLE' } },
    ]);
    scenarioOf(raw);
  });

  it('adds a fault at the current time', () => {
    const raw = addFault(source, 'crashBroker', { id: 'broker-a', target: 'broker-a' }, 61_500) as { timeline: unknown[] };
    expect(raw.timeline).toEqual([{ at: 61_500, action: 'crashBroker', target: 'broker-a' }]);
    expect(pastOf(raw, 61_500)).toEqual(pastOf(source, 61_500));
  });

  it('offers wipeWritePerm and addWritePerm on a brokerName only (mqadmin -b), and the entry it adds is a valid scenario\'s', () => {
    const failover = findLibraryEntry('master-loss-sync-async')!.scenario;
    const timeline = runAt(failover, 30_000);
    const names = faultTargets('wipeWritePerm', timeline.scenario, timeline.state);
    expect(names.map((target) => target.id)).toEqual(['broker-a', 'broker-b']);
    const wiped = addFault(failover, 'wipeWritePerm', names[0]!, 30_000) as { timeline: unknown[] };
    expect(wiped.timeline.at(-1)).toEqual({ at: 30_000, action: 'wipeWritePerm', target: 'broker-a' });
    scenarioOf(wiped);
  });

  it('offers a slave as a broker fault\'s target (its brokerId in the entry) and any two processes for a link, as docs/scenario.md names them', () => {
    const failover = findLibraryEntry('master-loss-sync-async')!.scenario;
    const timeline = runAt(failover, 30_000);
    const brokers = faultTargets('crashBroker', timeline.scenario, timeline.state);
    expect(brokers.map((target) => target.id)).toEqual(['broker-a', 'broker-a/1', 'broker-b', 'broker-b/1']);
    const slave = brokers.find((target) => target.id === 'broker-b/1')!;
    const crashed = addFault(failover, 'powerOffBroker', slave, 30_000) as { timeline: unknown[] };
    expect(crashed.timeline.at(-1)).toEqual({ at: 30_000, action: 'powerOffBroker', target: 'broker-b', brokerId: 1 });
    const processes = faultTargets('partitionLink', timeline.scenario, timeline.state).map((target) => target.id);
    expect(processes).toEqual(['ns-1', 'broker-a', 'broker-a/1', 'broker-b', 'broker-b/1', 'p-1', 'c-1']);
    const cut = addFault(failover, 'partitionLink', { id: 'broker-b', target: 'broker-b' }, 30_000, { id: 'broker-b/1', target: 'broker-b', brokerId: 1 }) as { timeline: unknown[] };
    expect(cut.timeline.at(-1)).toEqual({ at: 30_000, action: 'partitionLink', target: 'broker-b', peer: 'broker-b/1' });
    // Both files are valid scenarios, and the link's cut reaches the slave: its HA connection is closed by housekeeping.
    scenarioOf(crashed);
    expect(Object.keys(timeline.state.brokers['broker-b/0']!.haConnections)).toHaveLength(1);
    const after = runAt(cut, 60_000);
    expect(after.state.brokers['broker-b/0']!.haConnections).toEqual({});
  });

  it('reads the knobs from the run: after "write 8 -> 4" at 60 s the topic shows write 4', () => {
    const safe = findLibraryEntry('shrink-safely')!.scenario;
    const timeline = runAt(safe, 61_000);
    expect(currentKnobs(timeline.scenario, timeline.state, 61_000).topics.TopicTest).toEqual({ writeQueueNums: 4, readQueueNums: 8, perm: 6 });
  });

  it('returns null when nothing changed', () => {
    const timeline = runAt(source, 30_000);
    const knobs = currentKnobs(timeline.scenario, timeline.state, 30_000);
    expect(applyKnobs(source, timeline.scenario, timeline.state, knobs, structuredClone(knobs), 30_000)).toBeNull();
  });
});

describe('changing a knob at 0:00 edits the scenario itself', () => {
  it('writes the new counts, rate and group into the file and adds no action', () => {
    const { raw, timeline } = change(source, 0, (knobs) => {
      knobs.topics.TopicTest!.readQueueNums = 8;
      knobs.producers['p-1']!.ratePerSec = 20;
      knobs.groups.CG_ORDER!.count = 3;
    });
    expect(timeline).toEqual([]);
    const scenario = scenarioOf(raw);
    expect(scenario.topics[0]!.readQueueNums).toBe(8);
    expect(scenario.producers[0]!.ratePerSec).toBe(20);
    expect(scenario.consumers.map((c) => c.id)).toEqual(['c-1', 'c-2', 'c-3']);
  });

  it('leaves the file it was given untouched', () => {
    const before = JSON.stringify(source);
    change(source, 0, (knobs) => {
      knobs.topics.TopicTest!.writeQueueNums = 2;
    });
    expect(JSON.stringify(source)).toBe(before);
  });
});

describe('a problem of the file names the knob it is about (knobAt)', () => {
  const file = {
    topics: [{ name: 'TopicA', writeQueueNums: 0 }, { name: 'TopicB', brokers: [{ broker: 'broker-a' }, { broker: 'broker-b', readQueueNums: 0 }] }],
    producers: [{ id: 'p-1', topic: 'TopicA', ratePerSec: -3 }],
    timeline: [{ at: 60_000, action: 'updateTopic', topic: 'TopicA', perm: 9 }, { at: 60_000, action: 'setProducerRate', target: 'p-1', ratePerSec: -1 }],
  };

  it.each([
    ['topics[0].writeQueueNums', { owner: 'TopicA', field: 'writeQueueNums' }],
    ['topics[1].brokers[1].readQueueNums', { owner: 'TopicB', field: 'readQueueNums' }],
    ['producers[0].ratePerSec', { owner: 'p-1', field: 'ratePerSec' }],
    ['timeline[0].perm', { owner: 'TopicA', field: 'perm' }],
    ['timeline[1].ratePerSec', { owner: 'p-1', field: 'ratePerSec' }],
    ['groups.CG_ORDER.consumers', { owner: 'CG_ORDER', field: 'count' }],
  ])('%s is %j', (path, knob) => {
    expect(knobAt(file, path)).toEqual(knob);
  });

  it.each(['timeline[0].at', 'topics[5].writeQueueNums', 'consumers[0].group', 'topics'])('%s is no knob: the form keeps the path', (path) => {
    expect(knobAt(file, path)).toBeUndefined();
  });
});
