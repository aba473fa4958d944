/**
 * One sentence context per run (eventContextOf, src/ui/panels/event-sentences.ts), built alike by
 * the event log and a what-if's first difference: the scenario's config, its BROADCASTING
 * consumers (LocalFileOffsetStore), its right-to-left names, and the brokers named as asked.
 */
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../src/scenario/parse.ts';
import { ROCKETMQ_DEFAULTS, type TraceEvent } from '../../../src/sim/index.ts';
import { DECLARED_NAMES, tableNames } from '../../../src/ui/broker-node-names.ts';
import { describeEvent, eventContextOf } from '../../../src/ui/panels/event-sentences.ts';

function scenarioWith(messageModel: 'CLUSTERING' | 'BROADCASTING', broker = 'broker-a') {
  const parsed = parseScenarioText(JSON.stringify({
    version: 1, durationMs: 60_000, nameServers: [{ id: 'ns-1' }], brokers: [{ name: broker }], topics: [{ name: 'T' }],
    consumers: [{ id: 'c-1', group: 'CG', topic: 'T', messageModel }],
  }));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

const committed: TraceEvent = { t: 15, type: 'offset.committed', consumer: 'c-1', group: 'CG', broker: 'broker-a', queueId: 3, offset: 8, topic: 'T' };

describe('eventContextOf', () => {
  it("says a BROADCASTING consumer's offset goes to its own file, a CLUSTERING one's to the broker", () => {
    expect(describeEvent(committed, 'en', eventContextOf(scenarioWith('BROADCASTING')))).toContain('to its own local file (LocalFileOffsetStore)');
    expect(describeEvent(committed, 'en', eventContextOf(scenarioWith('CLUSTERING')))).toBe('c-1 committed offset 8 of T broker-a:3 for CG');
  });

  it("carries the scenario's config and right-to-left names, and the names it is given", () => {
    const scenario = scenarioWith('CLUSTERING', 'وسيط');
    const names = tableNames({ nodes: { 'وسيط/0': 'وسيط/1' }, electedMasters: [] });
    const context = eventContextOf(scenario, names);
    expect(context).toMatchObject({ config: scenario.config, names });
    expect(context.rtlNames?.source).toBe('وسيط');
  });

  it('without a scenario, is RocketMQ\'s defaults with the names given', () => {
    expect(eventContextOf(null)).toMatchObject({ config: ROCKETMQ_DEFAULTS, names: DECLARED_NAMES, rtlNames: null });
    expect(eventContextOf(null).localOffsets.size).toBe(0);
  });
});
