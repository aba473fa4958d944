/**
 * The fixes Diagnostics gives as mqadmin commands quote a name a shell would take for a pipe or a
 * redirection: "%|%" is a legal RocketMQ topic (TopicValidator.VALID_PATTERN_STR).
 */
import { describe, expect, it } from 'vitest';
import { findLibraryEntry } from '../../../src/scenario/library/index.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import { diagnosticsStrings } from '../../../src/ui/insight/diagnostics/diagnostics-strings.ts';
import { routeDiagnostics } from '../../../src/ui/insight/diagnostics/route-diagnostics.ts';
import { scenarioOf, type ScenarioJson } from '../../support/test-sim.ts';

type Lists = Record<'brokers' | 'topics' | 'producers' | 'consumers', Array<Record<string, unknown>>>;

/** write8-read4 with its topic named "%|%". */
function hostileTopic(): Timeline {
  const file = structuredClone(findLibraryEntry('write8-read4')!.scenario) as ScenarioJson & Lists;
  file.topics = [{ ...file.topics[0], name: '%|%' }];
  for (const client of [...file.producers, ...file.consumers]) client['topic'] = '%|%';
  const timeline = new Timeline(scenarioOf(file));
  timeline.seek(30_000);
  return timeline;
}

describe('Diagnostics: mqadmin commands quote a hostile topic name', () => {
  it('the fix for write 8 / read 4 on a topic "%|%", in English and Chinese', () => {
    const timeline = hostileTopic();
    const finding = routeDiagnostics(timeline.state, timeline.summary(), timeline.scenario).find((f) => f.kind === 'writeAboveRead' && f.broker === 'broker-a')!;
    const command = "mqadmin updateTopic -t '%|%' -b 10.0.1.1:10911 -r 8 -w 8 -p 6";
    expect(diagnosticsStrings('en').describe(finding, () => '').fix).toContain(`(${command})`);
    expect(diagnosticsStrings('zh').describe(finding, () => '').fix).toContain(`（${command}）`);
  });

  it('the command that creates a topic on every master of a cluster', () => {
    const fix = diagnosticsStrings('en').describe({ kind: 'oneBroker', topic: '%|%', broker: 'broker-a', masters: 2 }, () => '').fix;
    expect(fix).toBe("Create the topic on every master of the cluster (mqadmin updateTopic -t '%|%' -c <cluster>).");
    const unwritable = diagnosticsStrings('zh').describe({ kind: 'unwritableTopic', topic: '%|%', brokers: ['broker-a'], stillListed: [] }, () => '').fix;
    expect(unwritable).toContain("（mqadmin updateTopic -t '%|%' -c <cluster>）");
  });
});
