/**
 * Right-to-left names in the page's sentences (src/ui/bidi-names.ts): an Arabic or Hebrew name is
 * isolated (U+2068 ... U+2069) so the sentence around it keeps its order; other names are untouched.
 */
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../src/scenario/parse.ts';
import { isolateNames, rtlNamesOf } from '../../../src/ui/bidi-names.ts';
import { describeEvent, eventContextOf } from '../../../src/ui/panels/event-sentences.ts';
import type { TraceEvent } from '../../../src/sim/index.ts';

const FSI = '\u2068';
const PDI = '\u2069';

function scenarioNamed(broker: string, producer: string, topic: string) {
  const parsed = parseScenarioText(JSON.stringify({
    version: 1, durationMs: 60_000, nameServers: [{ id: 'ns-1' }], brokers: [{ name: broker }],
    topics: [{ name: topic }], producers: [{ id: producer, group: 'PG', topic, ratePerSec: 1 }],
  }));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

const sent = (broker: string, producer: string, topic: string): TraceEvent => ({
  t: 1_000, type: 'message.sent', producer, msgId: 'ID1', topic, tags: '', keys: '', broker, queueId: 3, attempt: 1,
});

describe('right-to-left names in sentences', () => {
  it('isolates an Arabic broker and producer, so a queue id stays after its broker ("وسيط:3", never "3:وسيط")', () => {
    const scenario = scenarioNamed('وسيط', 'منتج', 'T');
    const sentence = describeEvent(sent('وسيط', 'منتج', 'T'), 'en', eventContextOf(scenario));
    expect(sentence).toContain(`${FSI}منتج${PDI} sent ID1`);
    expect(sentence).toContain(`${FSI}وسيط${PDI}:3`);
  });

  it('leaves a scenario without right-to-left names alone: the same sentence, byte for byte', () => {
    const scenario = scenarioNamed('broker-a', '生产者', 'TopicTest');
    expect(rtlNamesOf(scenario)).toBeNull();
    const event = sent('broker-a', '生产者', 'TopicTest');
    expect(describeEvent(event, 'zh', { rtlNames: rtlNamesOf(scenario) })).toBe(describeEvent(event, 'zh'));
  });

  it('isolates the longest name whole where one name holds another', () => {
    const scenario = scenarioNamed('שלום', 'שלום עולם', 'T');
    expect(isolateNames('p שלום עולם and b שלום', rtlNamesOf(scenario))).toBe(`p ${FSI}שלום עולם${PDI} and b ${FSI}שלום${PDI}`);
  });
});
