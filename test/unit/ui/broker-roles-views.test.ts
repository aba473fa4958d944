/**
 * The views beyond the canvas follow the brokers' roles at the playhead. In "controller-failover"
 * broker-a/0 (declared master, controller id 1) is cut off at 30.5 s; the controller elects
 * broker-a/1 (controller id 2, brokerId 2 while a slave) at 42.0 s, and it takes brokerId 0 at
 * 42.001 s (ReplicasManager.changeToMaster); broker-a/0 keeps claiming brokerId 0 until the heal at
 * 90.5 s, and becomes the slave with brokerId 1 (its controller id, changeToSlave) at 93.003 s.
 */
import type { TraceEvent } from '../../../src/sim/index.ts';
import { runSimQuery } from '../../../src/sim/queries/index.ts';
import { brokersAsked } from '../../../src/sim/queries/brokers-asked.ts';
import { summarizeQueues } from '../../../src/sim/summary.ts';
import { applyWhatIf } from '../../../src/sim/queries/what-if-change.ts';
import type { Timeline } from '../../../src/sim/timeline.ts';
import { brokerNodeNames, tableNames } from '../../../src/ui/broker-node-names.ts';
import { clusterRows, progressRows, statusRows } from '../../../src/ui/insight/dashboard/dashboard-tables.ts';
import { DIAGNOSTICS_STRINGS } from '../../../src/ui/insight/diagnostics/diagnostics-strings.ts';
import { routeDiagnostics } from '../../../src/ui/insight/diagnostics/route-diagnostics.ts';
import { whatIfChoices } from '../../../src/ui/insight/what-if/what-if-choices.ts';
import { whatIf } from '../../../src/sim/queries/what-if.ts';
import { contextAt, narrate } from '../../../src/ui/narration/narrate.ts';
import { describeEvent, eventContextOf } from '../../../src/ui/panels/event-sentences.ts';
import { formatTime } from '../../../src/viz/format.ts';
import { Timeline as TimelineClass } from '../../../src/sim/timeline.ts';
import { masterChangeOf, traceBrokerNode, type MasterChange } from '../../../src/sim/trace-broker-node.ts';
import { libraryScenario, libraryTimeline } from '../../support/library.ts';
import { inLanguage } from '../../../src/ui/i18n/index.ts';

const OLD_MASTER_ADDR = '10.0.1.1:10911';
const NEW_MASTER_ADDR = '10.0.1.2:10911';

function namesAt(timeline: Timeline) {
  return brokerNodeNames(timeline.state, runSimQuery(timeline, 'masterChanges', {}));
}

function lastStored(timeline: Timeline, match: (event: Extract<TraceEvent, { type: 'message.stored' }>) => boolean, before = timeline.now) {
  const events = timeline.traceSlice(0, timeline.traceLength);
  return events.findLast((event): event is Extract<TraceEvent, { type: 'message.stored' }> => event.type === 'message.stored' && event.t <= before && match(event))!;
}

describe('the Dashboard after a controller election', () => {
  it('lists broker-a/1 with brokerId 0 and leaves out the cut-off old master, whose brokerId 0 the NameServers gave to the new one', () => {
    const timeline = libraryTimeline('controller-failover', 60_000);
    const { rows } = clusterRows(timeline.state, runSimQuery(timeline, 'dashboardStats', {}))!;
    const brokerA = rows.filter((row) => row[0] === 'broker-a');
    expect(brokerA.map((row) => [row[1], row[2]])).toEqual([['0(master)', NEW_MASTER_ADDR]]);
  });

  it('after the heal lists the new master first and the old one as the slave with brokerId 1, each with its own put and get counts', () => {
    const timeline = libraryTimeline('controller-failover', 100_000);
    const { rows } = clusterRows(timeline.state, runSimQuery(timeline, 'dashboardStats', {}))!;
    const brokerA = rows.filter((row) => row[0] === 'broker-a');
    expect(brokerA.map((row) => [row[1], row[2]])).toEqual([['0(master)', NEW_MASTER_ADDR], ['1(slave)', OLD_MASTER_ADDR]]);
    // Today Produce Count (5.x): what broker-a/1 put as the master (brokerId 0), not the copies it stored as a slave (brokerId 2).
    const changes: MasterChange[] = [];
    let put = 0;
    for (const event of timeline.traceSlice(0)) {
      const change = masterChangeOf(timeline.state, event);
      if (change) changes.push(change);
      if (event.type === 'message.stored' && event.brokerId === 0 && traceBrokerNode(timeline.state, changes, event.broker, event.brokerId, event.t) === 'broker-a/1') put++;
    }
    expect(put).toBeGreaterThan(0);
    expect(put).toBeLessThan(timeline.state.brokers['broker-a/1']!.commitLog.length);
    expect(brokerA[0]![8]).toBe(put);
    // Today Consume Count: what each process returned to pulls, the old master's while it was master (BrokerStatsManager counts per process).
    const [newMaster, oldMaster] = [timeline.state.brokers['broker-a/1']!, timeline.state.brokers['broker-a/0']!];
    expect([brokerA[0]![9], brokerA[1]![9]]).toEqual([newMaster.messagesServed, oldMaster.messagesServed]);
    expect(oldMaster.messagesServed).toBeGreaterThan(0);
    // Nobody reads from the old master now: no consume TPS over the last 10 s.
    expect(brokerA[1]![5]).toBe('0.00');
  });

  it('shows the status and consumer progress of the new master\'s queues, once each', () => {
    const timeline = libraryTimeline('controller-failover', 60_000);
    const stats = runSimQuery(timeline, 'dashboardStats', {});
    const newMaster = timeline.state.brokers['broker-a/1']!;
    const asked = brokersAsked(timeline.state)!;
    const status = statusRows('TopicTest', asked, stats, formatTime).filter((row) => row[0] === 'broker-a');
    expect(status.map((row) => [row[1], row[3]])).toEqual(newMaster.consumeQueues['TopicTest']!.map((queue, queueId) => [queueId, queue.length]));
    const progress = progressRows(timeline.state, asked, stats, formatTime).find((group) => group.group === 'CG')!;
    expect(progress.rows.filter((row) => row[0] === 'broker-a').map((row) => row[3])).toEqual(newMaster.consumeQueues['TopicTest']!.map((queue) => queue.length));
  });

  it('the summary counts broker-a\'s queues once while the old master still claims brokerId 0', () => {
    const timeline = libraryTimeline('controller-failover', 60_000);
    expect(summarizeQueues(timeline.state).filter((queue) => queue.broker === 'broker-a').map((queue) => queue.queueId)).toEqual([0, 1, 2, 3]);
  });
});

describe('diagnostics and what-if speak of the new master', () => {
  it('a finding on broker-a names its master now and mqadmin -b takes that master\'s address', () => {
    const json = structuredClone(libraryScenario('controller-failover'));
    json.topics[0]!.writeQueueNums = 8;
    const timeline = new TimelineClass(json);
    timeline.seek(60_000);
    const finding = routeDiagnostics(timeline.state, timeline.summary(), timeline.scenario).find((f) => f.kind === 'writeAboveRead' && f.broker === 'broker-a')!;
    expect(finding).toMatchObject({ master: 'broker-a/1', addr: NEW_MASTER_ADDR });
    const text = inLanguage(DIAGNOSTICS_STRINGS, 'en').describe(finding, () => '');
    expect(text.title).toContain('broker-a (master now broker-a/1)');
    expect(text.fix).toContain(`-b ${NEW_MASTER_ADDR}`);
    expect(inLanguage(DIAGNOSTICS_STRINGS, 'zh').describe(finding, () => '').title).toContain('broker-a（当前 Master 为 broker-a/1）');
  });

  it('the first difference of a what-if names the node each run had: broker-a/1 (now master) re-registers as brokerId 0', () => {
    // broker-a alone, cut off at 10 s: the controller elects broker-a/1 at 20 s (masterInactive), and
    // with registerNameServerPeriod 20 s instead of 30 s its re-registration is the first difference.
    // 7 messages a second: at 10 a second every put lands just after the HA write service's look,
    // 100 ms apart, so the slave's ack never holds everything and it never joins the SyncStateSet.
    const json = structuredClone(libraryScenario('controller-failover'));
    json.brokers = json.brokers.filter((broker) => broker.name === 'broker-a');
    json.producers = json.producers.map((producer) => ({ ...producer, ratePerSec: 7 }));
    json.timeline = [{ at: 10_000, action: 'partitionBroker', target: 'broker-a' }];
    const timeline = new TimelineClass(json);
    timeline.seek(30_000);
    const result = whatIf(timeline, { change: { at: 30_000, path: 'config.brokerHeartbeatIntervalMs', value: 20_000 }, untilMs: 60_000 });
    if (!result.ok || !result.divergence) throw new Error('the runs should differ');
    const { changed, changedNodes } = result.divergence;
    expect(changed).toMatchObject({ type: 'broker.registered', broker: 'broker-a', brokerId: 0 });
    expect(describeEvent(changed!, 'en', eventContextOf(json, tableNames(changedNodes)))).toMatch(/^broker-a\/1 \(now master\) registered with ns-\d again/);
    expect(describeEvent(changed!, 'zh', eventContextOf(json, tableNames(changedNodes)))).toMatch(/^broker-a\/1（现为 Master） 再次注册到 ns-\d/);
  });

  it('offers no master role to change in controller mode, and refuses one: every elected master is SYNC_MASTER', () => {
    const scenario = libraryScenario('controller-failover');
    expect(whatIfChoices(scenario).some((choice) => choice.path.endsWith('.role'))).toBe(false);
    const applied = applyWhatIf(scenario, { at: 50_000, path: 'brokers.broker-a.role', value: 'ASYNC_MASTER' });
    expect(applied).toMatchObject({ ok: false });
    expect(whatIfChoices(libraryScenario('master-slave-failover')).some((choice) => choice.path === 'brokers.broker-a.role')).toBe(true);
  });
});

describe('event sentences name the box the canvas draws', () => {
  const timeline = libraryTimeline('controller-failover', 100_000);
  const names = namesAt(timeline);

  it('a slave copy stored as broker-a/2 (its controller id) is broker-a/1', () => {
    const copy = lastStored(timeline, (event) => event.broker === 'broker-a' && event.brokerId === 2);
    expect(copy.t).toBeLessThan(42_000);
    expect(describeEvent(copy, 'en', { config: timeline.scenario.config, names })).toMatch(/^broker-a\/1 stored/);
  });

  it('a store at brokerId 0 before the election is broker-a/0, after it broker-a/1 (now master)', () => {
    const before = lastStored(timeline, (event) => event.broker === 'broker-a' && event.brokerId === 0, 30_000);
    const after = lastStored(timeline, (event) => event.broker === 'broker-a' && event.brokerId === 0);
    expect(describeEvent(before, 'en', { config: timeline.scenario.config, names })).toMatch(/^broker-a\/0 stored/);
    expect(describeEvent(after, 'en', { config: timeline.scenario.config, names })).toMatch(/^broker-a\/1 \(now master\) stored/);
    expect(describeEvent(after, 'zh', { config: timeline.scenario.config, names })).toMatch(/^broker-a\/1（现为 Master） 将消息存入/);
  });

  it('the old master\'s registration as a slave (brokerId 1) names broker-a/0, in the caption too', () => {
    const events = timeline.traceSlice(0, timeline.traceLength);
    const registered = events.find((event) => event.type === 'broker.registered' && event.broker === 'broker-a' && event.brokerId === 1)!;
    expect(describeEvent(registered, 'en', { config: timeline.scenario.config, names })).toMatch(/^broker-a\/0 registered/);
    const caption = narrate(registered, 'en', contextAt(timeline.scenario.config, timeline.state, names));
    expect(caption).toMatch(/^broker-a\/0 registered with ns-\d for the first time/);
  });

  it('the election names the elected node', () => {
    const elected = timeline.traceSlice(0, timeline.traceLength).find((event) => event.type === 'controller.elected')!;
    expect(narrate(elected, 'en', contextAt(timeline.scenario.config, timeline.state, names))).toContain('elected broker-a/1 (controller id 2) as broker-a\'s master');
  });

  it('a run without controller mode keeps the declared names', () => {
    const plain = libraryTimeline('master-slave-failover', 20_000);
    const copy = lastStored(plain, (event) => event.brokerId === 1);
    expect(describeEvent(copy, 'en', { config: plain.scenario.config, names: namesAt(plain) })).toMatch(/^broker-a\/1 stored/);
  });
});
