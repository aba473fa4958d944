import { describe, expect, it } from 'vitest';
import { LIBRARY, loadLibraryDescription } from '../../../src/scenario/library/index.ts';
import { validateScenario } from '../../../src/scenario/validate.ts';
import { ACTION_NAMES } from '../../../src/scenario/schema.ts';

describe('the built-in scenario library', () => {
  it.each(LIBRARY.map((entry) => [entry.id, entry] as const))('%s validates as a version-1 scenario', (_id, entry) => {
    const result = validateScenario(entry.scenario);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('has unique ids and a title and a description in both languages', async () => {
    expect(new Set(LIBRARY.map((entry) => entry.id)).size).toBe(LIBRARY.length);
    for (const entry of LIBRARY) {
      const description = await loadLibraryDescription(entry.id);
      if (!description) throw new Error(`${entry.id} has no description`);
      for (const text of [entry.title.en, entry.title.zh, description.en, description.zh]) {
        expect(text.trim().length).toBeGreaterThan(0);
      }
      expect(description.en.length).toBeGreaterThan(120);
    }
    expect(await loadLibraryDescription('no-such-entry')).toBeUndefined();
  });

  it('names, for each scenario, the panels it is about (its focus), and gives every producer keys', () => {
    for (const entry of LIBRARY) {
      const result = validateScenario(entry.scenario);
      if (!result.ok) throw new Error(`${entry.id} must validate`);
      expect(result.scenario.focus?.length ?? 0, entry.id).toBeGreaterThan(0);
      for (const producer of result.scenario.producers) expect(producer.keyPrefix, `${entry.id} ${producer.id}`).not.toBe('');
    }
    const write8 = validateScenario(LIBRARY[0]!.scenario);
    expect(write8.ok && write8.scenario.focus).toEqual(['queues', 'log']);
  });

  it('refuses a focus that is not a panel, by its path', () => {
    const result = validateScenario({ ...(LIBRARY[0]!.scenario as object), focus: ['queues', 'dashboard'] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((error) => error.path)).toEqual(['focus[1]']);
  });

  it('opens on "Write 8 / read 4": 2 NameServers, 2 masters, write 8 read 4, 1 producer at 10 msg/s, 2 consumers, 3 min', () => {
    const first = validateScenario(LIBRARY[0]!.scenario);
    if (!first.ok) throw new Error('the default scenario must validate');
    const { scenario } = first;
    expect(scenario.name).toBe('Write 8 / read 4');
    expect(scenario.nameServers).toHaveLength(2);
    expect(scenario.brokers.filter((b) => b.brokerId === 0)).toHaveLength(2);
    expect(scenario.topics[0]).toMatchObject({ writeQueueNums: 8, readQueueNums: 4, cluster: 'DefaultCluster' });
    expect(scenario.producers.map((p) => p.ratePerSec)).toEqual([10]);
    expect(scenario.consumers.map((c) => c.messageModel)).toEqual(['CLUSTERING', 'CLUSTERING']);
    expect(scenario.durationMs).toBe(180_000);
  });

  it('uses only the timeline actions of spec.ts', () => {
    for (const entry of LIBRARY) {
      const timeline = (entry.scenario as { timeline?: { action: string }[] }).timeline ?? [];
      for (const action of timeline) expect(ACTION_NAMES).toContain(action.action);
    }
  });
});
