/**
 * The fixes Diagnostics gives as mqadmin commands quote a name a shell would take for a pipe or a
 * redirection: "%|%" is a legal RocketMQ topic (TopicValidator.VALID_PATTERN_STR).
 */
import { describe, expect, it } from 'vitest';
import { findLibraryEntry } from '../../../src/scenario/library/index.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import { DIAGNOSTICS_STRINGS } from '../../../src/ui/insight/diagnostics/diagnostics-strings.ts';
import { routeDiagnostics } from '../../../src/ui/insight/diagnostics/route-diagnostics.ts';
import { scenarioOf, type ScenarioJson } from '../../support/test-sim.ts';
import { inLanguage } from '../../../src/ui/i18n/index.ts';

type Lists = Record<'brokers' | 'topics' | 'producers' | 'consumers', Array<Record<string, unknown>>>;

/** write8-read4 with its topic named "%|%", with `timeline` actions and `moreBrokers`. */
function hostileTopic(timeline: Array<Record<string, unknown>> = [], moreBrokers: Array<Record<string, unknown>> = []): Timeline {
  const file = structuredClone(findLibraryEntry('write8-read4')!.scenario) as ScenarioJson & Lists;
  file.brokers = [...file.brokers, ...moreBrokers];
  file.topics = [{ ...file.topics[0], name: '%|%' }];
  for (const client of [...file.producers, ...file.consumers]) client['topic'] = '%|%';
  const run = new Timeline(scenarioOf({ ...file, timeline }));
  run.seek(30_000);
  return run;
}

describe('Diagnostics: mqadmin commands quote a hostile topic name', () => {
  it('the fix for write 8 / read 4 on a topic "%|%", in English and Chinese', () => {
    const timeline = hostileTopic();
    const finding = routeDiagnostics(timeline.state, timeline.summary(), timeline.scenario).find((f) => f.kind === 'writeAboveRead' && f.broker === 'broker-a')!;
    const command = "mqadmin updateTopic -t '%|%' -b 10.0.1.1:10911 -r 8 -w 8 -p 6";
    expect(inLanguage(DIAGNOSTICS_STRINGS, 'en').describe(finding, () => '').fix).toContain(`(${command})`);
    expect(inLanguage(DIAGNOSTICS_STRINGS, 'zh').describe(finding, () => '').fix).toContain(`（${command}）`);
  });

  it('the command that creates a topic on every master of its cluster names that cluster', () => {
    const file = structuredClone(findLibraryEntry('create-topic-broker')!.scenario) as ScenarioJson & Lists;
    file.brokers = file.brokers.map((broker) => ({ ...broker, cluster: broker['cluster'] === 'DefaultCluster' ? 'my cluster' : broker['cluster'] }));
    const timeline = new Timeline(scenarioOf(file));
    timeline.seek(60_000);
    const finding = routeDiagnostics(timeline.state, timeline.summary(), timeline.scenario).find((f) => f.kind === 'oneBroker')!;
    expect(inLanguage(DIAGNOSTICS_STRINGS, 'en').describe(finding, () => '').fix).toBe("Create the topic on every master of the cluster (mqadmin updateTopic -t TopicOrder -c 'my cluster').");
  });

  it('a topic no running master holds is created on a running master by its address, or not at all when none runs', () => {
    const crashBoth = ['broker-a', 'broker-b'].map((target) => ({ at: 20_000, action: 'crashBroker', target }));
    const third = { name: 'broker-c', cluster: 'OtherCluster', brokerId: 0, ip: '10.0.1.3' };
    const unwritable = (run: Timeline) => routeDiagnostics(run.state, run.summary(), run.scenario).find((f) => f.kind === 'unwritableTopic')!;
    const elsewhere = unwritable(hostileTopic(crashBoth, [third]));
    expect(inLanguage(DIAGNOSTICS_STRINGS, 'zh').describe(elsewhere, () => '').fix).toContain("（mqadmin updateTopic -t '%|%' -b 10.0.1.3:10911）");
    const nowhere = unwritable(hostileTopic(crashBoth));
    expect(inLanguage(DIAGNOSTICS_STRINGS, 'en').describe(nowhere, () => '').fix).toBe("Bring back a master of broker-a or broker-b: no master runs anywhere to create %|% on.");
  });
});
