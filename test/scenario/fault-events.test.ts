/**
 * The `fault` trace event names the process or the link a timeline action is about: a fault of a
 * slave carries its brokerId (broker-a/1 is not broker-a's master), a link's the other end. The
 * narration and the event log say the same.
 */
import { describe, expect, it } from 'vitest';
import { faultSubject } from '../../src/sim/index.ts';
import { narrate } from '../../src/ui/narration/narrate.ts';
import { describeEvent } from '../../src/ui/panels/event-sentences.ts';
import { TestSim } from '../support/test-sim.ts';

function run(): TestSim {
  return new TestSim({
    version: 1, durationMs: 60_000, seed: 3,
    nameServers: [{ id: 'ns-1' }],
    brokers: [{ name: 'broker-a', role: 'SYNC_MASTER' }, { name: 'broker-a', brokerId: 1, role: 'SLAVE' }],
    topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
    producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest' }],
    consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest' }],
    timeline: [
      { at: 20_000, action: 'partitionLink', target: 'broker-a', peer: 'broker-a/1' },
      { at: 30_000, action: 'crashBroker', target: 'broker-a', brokerId: 1 },
      { at: 40_000, action: 'crashBroker', target: 'broker-a' },
    ],
  }).at(45_000);
}

describe('fault events', () => {
  const sim = run();
  const faults = sim.events('fault');

  it('carry a slave\'s brokerId and a link\'s other end, and nothing more for a master', () => {
    expect(faults).toEqual([
      { t: 20_000, type: 'fault', action: 'partitionLink', target: 'broker-a', peer: 'broker-a/1' },
      { t: 30_000, type: 'fault', action: 'crashBroker', target: 'broker-a', brokerId: 1 },
      { t: 40_000, type: 'fault', action: 'crashBroker', target: 'broker-a' },
    ]);
    expect(faults.map(faultSubject)).toEqual(['broker-a ↔ broker-a/1', 'broker-a/1', 'broker-a']);
  });

  it('are said with that process or link in the narration and the event log, in English and Chinese', () => {
    const [link, slave] = faults;
    const context = { config: sim.scenario.config };
    expect(narrate(slave!, 'en', context)).toMatch(/^broker-a\/1 crashes/);
    expect(narrate(link!, 'zh', context)).toContain('broker-a ↔ broker-a/1');
    expect(describeEvent(slave!, 'en')).toContain('broker-a/1 crashes (crashBroker)');
    expect(describeEvent(link!, 'zh')).toContain('broker-a ↔ broker-a/1');
  });
});
