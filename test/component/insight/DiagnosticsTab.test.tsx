// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { getTimeline, usePlayback } from '../../../src/store/playback.ts';
import { findLibraryEntry } from '../../../src/scenario/library/index.ts';
import { openLibraryEntry, openSource } from '../../../src/ui/controls/session.ts';
import { DiagnosticsTab } from '../../../src/ui/insight/diagnostics/DiagnosticsTab.tsx';
import { DIAGNOSTICS_STRINGS } from '../../../src/ui/insight/diagnostics/diagnostics-strings.ts';
import { formatTime } from '../../../src/viz/format.ts';
import { libraryScenario, masterCrashScenario } from '../../support/library.ts';
import type { ScenarioJson } from '../../support/test-sim.ts';
import { inLanguage } from '../../../src/ui/i18n/index.ts';

afterEach(cleanup);

function openAt(libraryId: string, timeMs: number, language: 'en' | 'zh' = 'en'): void {
  usePlayback.setState({ language });
  openLibraryEntry(libraryId);
  usePlayback.getState().seek(timeMs);
}

function findings(kind: string): HTMLElement[] {
  return within(screen.getByTestId('diagnostics-list')).getAllByRole('listitem').filter((item) => item.dataset['kind'] === kind);
}

/** The titles of the findings of a kind. */
const titles = (kind: string) => findings(kind).map((item) => item.querySelector('h3')!.textContent);

/** How many findings of a kind are shown (none when the list is empty). */
/** The scenario with every slave serving pulls (BrokerConfig.slaveReadEnable). */
function withSlaveReads(scenario: ScenarioJson): ScenarioJson {
  const brokers = scenario['brokers'] as Array<Record<string, unknown>>;
  return { ...scenario, brokers: brokers.map((broker) => ((broker['brokerId'] ?? 0) === 0 ? broker : { ...broker, slaveReadEnable: true })) };
}

const countOf = (kind: string) => screen.queryAllByRole('listitem').filter((item) => item.dataset['kind'] === kind).length;

describe('Route diagnostics', () => {
  it('explains write 8 / read 4 with the stranded count and the fix (raise readQueueNums)', () => {
    openAt('write8-read4', 60_000);
    render(<DiagnosticsTab />);
    const master = getTimeline()!.state.brokers['broker-a/0']!;
    const stranded = [4, 5, 6, 7].reduce((sum, queueId) => sum + master.consumeQueues['TopicTest']![queueId]!.length, 0);
    expect(stranded).toBeGreaterThan(0);
    const item = findings('writeAboveRead').find((element) => element.textContent!.includes('TopicTest on broker-a'))!;
    expect(item).toHaveTextContent('writeQueueNums 8 > readQueueNums 4');
    expect(item).toHaveTextContent(`queues 4-7 fill up and are not consumed until readQueueNums is raised (${stranded} messages now)`);
    expect(item).toHaveTextContent('Raise readQueueNums to 8');
    expect(item).toHaveTextContent('lower writeQueueNums first, wait until those queues drain, then lower readQueueNums');
  });

  it('during a safe shrink, says to wait while the old queues hold messages, and that lowering readQueueNums is safe once they drained', () => {
    openAt('shrink-safely', 61_000);
    render(<DiagnosticsTab />);
    const waiting = findings('readAboveWrite');
    expect(waiting).toHaveLength(2);
    for (const item of waiting) expect(item).toHaveTextContent(/Wait until queues 4-7 drain .*Lowering it now would strand \d+ messages/);
    cleanup();
    // The timeline lowers readQueueNums at 150 s: before that, every group has consumed queues 4-7.
    openAt('shrink-safely', 140_000);
    render(<DiagnosticsTab />);
    for (const item of findings('readAboveWrite')) expect(item).toHaveTextContent('Those queues are drained: lowering readQueueNums to 4 now loses nothing');
  });

  it('after an unsafe shrink (read and write 8 -> 4 at once) names the messages left in queues 4-7, and how to get them back', () => {
    openAt('shrink-unsafely', 61_000);
    render(<DiagnosticsTab />);
    expect(screen.queryByTestId('diagnostics-none')).toBeNull();
    const above = (broker: string) => getTimeline()!.summary().queues.filter((queue) => queue.broker === broker && queue.queueId >= 4);
    const left = (broker: string) => above(broker).reduce((sum, queue) => sum + queue.maxOffset - queue.consumerOffsets['CG_ORDER']!, 0);
    const never = (broker: string) => above(broker).reduce((sum, queue) => sum + queue.neverConsumable, 0);
    // At 1:01 what no consumer pulled is stranded; what the consumers pulled before the shrink they still consume from their ProcessQueues.
    expect(titles('strandedAboveRead')).toEqual([
      `TopicTest on broker-a: ${left('broker-a')} messages left in queues 4-7, at or above readQueueNums 4`,
      `TopicTest on broker-b: ${left('broker-b')} messages left in queues 4-7, at or above readQueueNums 4`,
    ]);
    const [, early] = findings('strandedAboveRead');
    expect(never('broker-b')).toBeGreaterThan(0);
    expect(never('broker-b')).toBeLessThan(left('broker-b'));
    expect(early).toHaveTextContent('Consumers are given only queue ids below readQueueNums (topicRouteData2TopicSubscribeInfo) and the broker refuses to pull the others (PullMessageProcessor)');
    expect(early).toHaveTextContent(`${never('broker-b')} cannot be consumed until readQueueNums is raised again. c-2 pulled ${left('broker-b') - never('broker-b')} of them into its ProcessQueues before the shrink: it consumes them only until its next rebalance drops queues 4-7, and what is left then waits until readQueueNums is raised again.`);
    expect(early).toHaveTextContent('Raise readQueueNums back to 8 (mqadmin updateTopic -n \'10.0.0.1:9876;10.0.0.2:9876\' -t TopicTest -b 10.0.1.2:10911 -r 8 -w 4 -p 6) and keep writeQueueNums at 4; once every group has drained queues 4-7 (lag 0), lower readQueueNums to 4 again.');
    expect(early).toHaveTextContent('The safe order for a shrink: writeQueueNums first, wait until the queues drain, then readQueueNums.');
    cleanup();
    // By 3:00 the rebalances dropped queues 4-7: everything left there is stranded until readQueueNums is raised again.
    usePlayback.getState().seek(180_000);
    render(<DiagnosticsTab />);
    const stranded = (broker: string) => never(broker);
    expect(stranded('broker-a') + stranded('broker-b')).toBe(getTimeline()!.summary().messages.neverConsumable);
    expect(titles('strandedAboveRead')).toEqual(['broker-a', 'broker-b'].map((broker) => `TopicTest on ${broker}: ${stranded(broker)} messages left in queues 4-7, at or above readQueueNums 4`));
    expect(findings('strandedAboveRead')[1]).toHaveTextContent(`These messages were written before readQueueNums was lowered, and no group had consumed them: ${stranded('broker-b')} cannot be consumed until readQueueNums is raised again.`);
    cleanup();
    openAt('shrink-unsafely', 180_000, 'zh');
    render(<DiagnosticsTab />);
    expect(titles('strandedAboveRead')[1]).toBe(`broker-b 上的 TopicTest：队列 4-7 中还剩 ${stranded('broker-b')} 条消息，其 id ≥ readQueueNums 4`);
    expect(findings('strandedAboveRead')[1]).toHaveTextContent('把 readQueueNums 调回 8（mqadmin updateTopic -n \'10.0.0.1:9876;10.0.0.2:9876\' -t TopicTest -b 10.0.1.2:10911 -r 8 -w 4 -p 6），writeQueueNums 保持 4；等每个消费者组都把队列 4-7 消费完（lag 为 0），再把 readQueueNums 调回 4。');
  });

  it('finds nothing left above readQueueNums after a safe shrink', () => {
    openAt('shrink-safely', 160_000);
    render(<DiagnosticsTab />);
    expect(countOf('strandedAboveRead')).toBe(0);
  });

  it('names the consumers that own only unwritten queues (read 8 / write 4) with the real cause', () => {
    openAt('read8-write4', 60_000);
    render(<DiagnosticsTab />);
    const idle = findings('idleConsumer');
    expect(titles('idleConsumer')).toEqual(['c-2 (CG_ORDER) gets no message', 'c-4 (CG_ORDER) gets no message']);
    expect(idle[0]).toHaveTextContent('owns only queues no producer writes to (ids at or above writeQueueNums): broker-a:4, broker-a:5, broker-a:6, broker-a:7');
  });

  it('finds a topic created on one broker of two (mqadmin updateTopic -b) and a group whose members subscribe differently', () => {
    openAt('create-topic-broker', 60_000);
    render(<DiagnosticsTab />);
    expect(findings('oneBroker')[0]).toHaveTextContent('TopicOrder lives on broker-b only (the cluster has 2 masters)');
    cleanup();
    openAt('inconsistent-subscriptions', 60_000);
    render(<DiagnosticsTab />);
    expect(findings('inconsistentGroup')[0]).toHaveTextContent('c-1: TopicTest "TagA", c-2: TopicTest "TagB"');
  });

  it('names each broker group whose master is down, where its consumers read now, and a topic nothing can be sent to', () => {
    usePlayback.setState({ language: 'en' });
    openSource(masterCrashScenario());
    usePlayback.getState().seek(75_000);
    render(<DiagnosticsTab />);
    const state = getTimeline()!.state;
    expect(['broker-a/0', 'broker-b/0'].map((node) => state.brokers[node]!.status)).toEqual(['crashed', 'crashed']);
    const groups = findings('noMaster');
    expect(titles('noMaster')).toEqual(['broker-a has no master: broker-a/0 crashed', 'broker-b has no master: broker-b/0 crashed']);
    // 5.x slaves without slaveReadEnable refuse every pull (PullMessageProcessor.rejectRequest).
    expect(groups[0]).toHaveTextContent('Its slave broker-a/1 runs but refuses every pull with SYSTEM_BUSY: a 5.x slave serves reads only with slaveReadEnable');
    expect(groups[0]).toHaveTextContent('Bring broker-a/0 back: without controller mode the roles are static');
    expect(groups[0]).toHaveTextContent('To keep reading while a master is down, set slaveReadEnable on its slaves.');
    const topic = findings('unwritableTopic');
    expect(topic).toHaveLength(1);
    expect(topic[0]).toHaveTextContent('Nothing can be sent to TopicTest: no running master holds it');
    expect(topic[0]).toHaveTextContent('TopicTest lives on broker-a, broker-b, none with its master running');
    expect(topic[0]).toHaveTextContent('"No route info of this topic"');
    expect(screen.queryByTestId('diagnostics-none')).toBeNull();
    // The consequence first: sends fail, then why (the groups).
    expect(within(screen.getByTestId('diagnostics-list')).getAllByRole('listitem')[0]!.dataset['kind']).toBe('unwritableTopic');
  });

  it('says the consumers read a master-less group from its slave when the slave has slaveReadEnable (or in 4.x)', () => {
    usePlayback.setState({ language: 'en' });
    openSource(withSlaveReads(masterCrashScenario()));
    usePlayback.getState().seek(75_000);
    render(<DiagnosticsTab />);
    const groups = findings('noMaster');
    // Their cached route still gives the master until their next route pull (c-1 reads from broker-a/1 only after it).
    expect(groups[0]).toHaveTextContent('Consumers read its queues from the slave broker-a/1 once their route shows no master for it');
    expect(groups[0]).toHaveTextContent('until its next route pull it still pulls from broker-a/0');
    expect(groups[0]).not.toHaveTextContent('slaveReadEnable');
  });

  it('a master whose machine lost power is still listed (nothing closed its connections): sends to it time out until the NameServers drop it', () => {
    openAt('power-loss-flush', 70_000);
    render(<DiagnosticsTab />);
    const groups = findings('noMaster');
    expect(titles('noMaster')).toEqual(['broker-a has no master: broker-a/0 crashed', 'broker-b has no master: broker-b/0 crashed']);
    const listing = getTimeline()!.state.nameServers['ns-1']!.brokerLiveTable;
    const lastHeartbeat = Object.values(listing).find((info) => info.node === 'broker-a/0')!.lastUpdateTimestamp;
    expect(groups[0]).toHaveTextContent('Nothing closed its connections (a machine without power sends no FIN or RST), so the NameServers still list it until they drop it as silent');
    expect(groups[0]).toHaveTextContent(`ns-1 heard its last registration at ${formatTime(lastHeartbeat)} and drops it at ${formatTime(lastHeartbeat + 120_000)}, when its channel has been idle 120 s (the idle close), unless it registers again`);
    expect(groups[0]).toHaveTextContent('each send there waits sendMsgTimeout and fails');
    expect(groups[0]).not.toHaveTextContent('No slave of it runs');
    // Each group is one node: nothing can take its place.
    expect(groups[0]).toHaveTextContent('Bring broker-a/0 back: it is broker-a\'s only node, so nothing can take its place, in controller mode or not');
    const topic = findings('unwritableTopic');
    expect(topic[0]).toHaveTextContent('Not yet: the NameServers still list the master of broker-a, broker-b (nothing closed its connections), so producers still send there');
    cleanup();
    openAt('power-loss-flush', 70_000, 'zh');
    render(<DiagnosticsTab />);
    expect(findings('noMaster')[0]).toHaveTextContent('它的连接没有被关闭（断电的机器不会发出 FIN 或 RST）');
    expect(findings('noMaster')[0]).toHaveTextContent('它是 broker-a 唯一的节点');
  });

  it('while one master of two is down its topic is still written on the other, and the finding goes once the master is back', () => {
    openAt('master-slave-failover', 100_000);
    render(<DiagnosticsTab />);
    expect(titles('noMaster')).toEqual(['broker-a has no master: broker-a/0 crashed']);
    expect(findings('unwritableTopic')).toHaveLength(0);
    cleanup();
    openAt('master-slave-failover', 200_000);
    render(<DiagnosticsTab />);
    expect(countOf('noMaster')).toBe(0);
  });

  it('says when no slave is left to read from, and that a shut-down master is not a crashed one', () => {
    openAt('crash-partition-shutdown', 250_000);
    render(<DiagnosticsTab />);
    const groups = findings('noMaster');
    expect(titles('noMaster')).toEqual(['broker-a has no master: broker-a/0 crashed', 'broker-c has no master: broker-c/0 was shut down']);
    expect(groups[0]).toHaveTextContent('No slave of it runs either: its messages cannot be read until broker-a/0 is back');
    // broker-a is a single node: no advice to elect a master from replicas it does not have.
    expect(groups[0]).toHaveTextContent('it is broker-a\'s only node, so nothing can take its place');
    expect(groups[0]).not.toHaveTextContent('SyncStateSet');
  });

  it('names a master cut off by a partition, when each NameServer drops it, and once they have', () => {
    // broker-b/0 is partitioned at 90 s; its last registration reached both NameServers at 70 s.
    openAt('crash-partition-shutdown', 100_000);
    render(<DiagnosticsTab />);
    const cut = findings('unreachableMaster');
    expect(titles('unreachableMaster')).toEqual(['broker-b/0 is cut off from the network, still running']);
    const live = getTimeline()!.state.nameServers['ns-1']!.brokerLiveTable;
    const info = Object.values(live).find((entry) => entry.node === 'broker-b/0')!;
    expect(info.heartbeatTimeoutMillis).toBe(120_000);
    expect(cut[0]).toHaveTextContent(`a NameServer drops it only once it has been silent long enough`);
    // ns-1 heard its last registration a millisecond before ns-2 here (the hop's jitter): a clause each.
    const [ns1, ns2] = ['ns-1', 'ns-2'].map((ns) => Object.values(getTimeline()!.state.nameServers[ns]!.brokerLiveTable).find((entry) => entry.node === 'broker-b/0')!.lastUpdateTimestamp);
    expect(ns2! - ns1!).toBe(1);
    expect(cut[0]).toHaveTextContent(`ns-1 heard its last registration at ${formatTime(ns1!)} and drops it at ${formatTime(ns1! + 120_000)}, when its channel has been idle 120 s (the idle close), unless it registers again; `
      + `ns-2 heard its last registration at ${formatTime(ns2!)} and drops it at ${formatTime(ns2! + 120_000)}, when its channel has been idle 120 s (the idle close)`);
    // Had both heard it in the same millisecond, one sentence would name them together.
    const together = inLanguage(DIAGNOSTICS_STRINGS, 'en').describe({
      kind: 'unreachableMaster', broker: 'broker-b', node: 'broker-b/0',
      listedBy: ['ns-1', 'ns-2'].map((nameServer) => ({ nameServer, lastHeartbeat: ns1!, drop: { at: ns1! + 120_000, how: 'channelIdle' as const }, afterMs: 120_000 })), controllerMode: false,
    }, () => '');
    expect(together.why).toContain(`ns-1 and ns-2 heard its last registration at ${formatTime(ns1!)} and drop it at ${formatTime(ns1! + 120_000)}, when its channel has been idle 120\u00a0s (the idle close)`);
    expect(cut[0]).toHaveTextContent('a client\'s first send to it gets no answer within sendMsgTimeout and closes its connection, later ones wait for a connect that gets no answer (connectTimeoutMillis)');
    // Still listed, it is not "listed again" once healed: its next registration renews what they hold.
    expect(cut[0]).toHaveTextContent('Heal the network: the NameServers still listing broker-b/0 keep it (its next registration renews it)');
    cleanup();
    // Each NameServer removes it when its idle channel closes, 120 s after the last registration it heard.
    const heard = ['ns-1', 'ns-2'].map((ns) => Object.values(getTimeline()!.state.nameServers[ns]!.brokerLiveTable).find((entry) => entry.node === 'broker-b/0')!.lastUpdateTimestamp);
    usePlayback.getState().seek(200_000);
    const removed = getTimeline()!.traceSlice(0).filter((e) => e.type === 'broker.removed' && e.broker === 'broker-b');
    expect(removed.map((e) => e.t)).toEqual(heard.map((t) => t + 120_000));
    render(<DiagnosticsTab />);
    expect(findings('unreachableMaster')[0]).toHaveTextContent('The NameServers dropped it once it had been silent long enough (its channel closed as idle, or scanNotActiveBroker found its registration expired)');
    expect(findings('unreachableMaster')[0]).toHaveTextContent('Heal the network: broker-b/0 is listed again at its next registration');
  });

  it('names NameServers that heard different last registrations apart', () => {
    const text = inLanguage(DIAGNOSTICS_STRINGS, 'en').describe({
      kind: 'unreachableMaster', broker: 'broker-b', node: 'broker-b/0',
      listedBy: [
        { nameServer: 'ns-1', lastHeartbeat: 70_002, drop: { at: 190_002, how: 'channelIdle' }, afterMs: 120_000 },
        { nameServer: 'ns-2', lastHeartbeat: 40_001, drop: { at: 165_000, how: 'expired' }, afterMs: 120_000 },
      ], controllerMode: false,
    }, () => '');
    expect(text.why).toContain('ns-1 heard its last registration at 1:10.002 and drops it at 3:10.002, when its channel has been idle 120\u00a0s (the idle close), unless it registers again; '
      + 'ns-2 heard its last registration at 0:40.001 and drops it at 2:45.000, at the first scanNotActiveBroker after its registration is 120\u00a0s old, unless it registers again');
  });

  it('with the idle close off, a partitioned master is dropped at the first scan after 120 s, as the run does, in 5.x and 4.x', () => {
    const file = findLibraryEntry('partition-idle-vs-scan')!.scenario as Record<string, unknown>;
    for (const rocketmqVersion of ['5.x', '4.x']) {
      openSource({ ...file, config: { rocketmqVersion, serverChannelMaxIdleTimeMs: 0 } });
      usePlayback.getState().seek(150_000);
      render(<DiagnosticsTab />);
      const text = findings('unreachableMaster')[0]!.textContent ?? '';
      const said = /drops? it at (\d+:\d+\.\d+), at the first scanNotActiveBroker after its registration is 120\u00a0s old/.exec(text);
      expect(said, text).not.toBeNull();
      usePlayback.getState().seek(300_000);
      const removed = getTimeline()!.traceSlice(0).find((e) => e.type === 'broker.removed');
      expect(removed).toMatchObject({ reason: 'expired' });
      expect(said![1]).toBe(formatTime(removed!.t));
      cleanup();
    }
  });

  it('in controller mode says the controller elects a new master for a master cut off, until it has (controller.elected, trigger expired)', () => {
    openAt('controller-failover', 35_000);
    render(<DiagnosticsTab />);
    expect(findings('unreachableMaster')[0]).toHaveTextContent('Nothing to do by hand in controller mode: once broker-a/0\'s heartbeats to the controller expire, it elects a new master');
    cleanup();
    usePlayback.setState({ language: 'zh' });
    render(<DiagnosticsTab />);
    expect(findings('unreachableMaster')[0]).toHaveTextContent('Controller 模式下无需手动处理：broker-a/0 发给 Controller 的心跳过期后');
    cleanup();
    usePlayback.setState({ language: 'en' });
    usePlayback.getState().seek(45_000);
    render(<DiagnosticsTab />);
    expect(getTimeline()!.traceSlice(0).some((e) => e.type === 'controller.elected' && e.broker === 'broker-a' && e.trigger === 'expired')).toBe(true);
    expect(countOf('unreachableMaster')).toBe(0);
  });

  it('in controller mode says the controller elects a new master, until it has', () => {
    const scenario = structuredClone(libraryScenario('controller-failover'));
    scenario.timeline = [{ at: 30_500, action: 'crashBroker', target: 'broker-a' }];
    usePlayback.setState({ language: 'en' });
    // The controller hears the channel close and elects broker-a/1 at 30 502 ms (trigger channelClosed).
    usePlayback.getState().loadScenario(scenario, 30_501);
    render(<DiagnosticsTab />);
    expect(findings('noMaster')[0]).toHaveTextContent('The controller elects a new master from the group\'s SyncStateSet once it stops hearing broker-a/0\'s heartbeats');
    cleanup();
    usePlayback.getState().seek(31_000);
    render(<DiagnosticsTab />);
    expect(getTimeline()!.state.brokers['broker-a/1']!.brokerId).toBe(0);
    expect(countOf('noMaster')).toBe(0);
  });

  it('says nothing of brokers that have not started yet', () => {
    const scenario = structuredClone(libraryScenario('master-loss-sync-async'));
    for (const broker of scenario.brokers) broker.startAt = 10_000;
    usePlayback.setState({ language: 'en' });
    usePlayback.getState().loadScenario(scenario, 5_000);
    render(<DiagnosticsTab />);
    expect(Object.values(getTimeline()!.state.brokers).map((broker) => broker.status)).toContain('stopped');
    expect(countOf('noMaster') + countOf('unwritableTopic')).toBe(0);
  });

  it('names a hung consumer whose queues go unread instead of saying every queue is read (consumer-join-leave at 5:00)', () => {
    for (const [language, title, expiry] of [
      ['en', 'c-2 (CG_ORDER) is hung but still holds 4 queues of TopicTest', 'drop it at about 5:40'],
      ['zh', 'c-2（CG_ORDER）已卡死，但仍占着 TopicTest 的 4 个队列', '将在大约 5:40 剔除它'],
    ] as const) {
      openAt('consumer-join-leave', 300_000, language);
      render(<DiagnosticsTab />);
      expect(screen.queryByTestId('diagnostics-none')).toBeNull();
      const [item] = findings('hungConsumer');
      expect(item!.querySelector('h3')).toHaveTextContent(title);
      expect(item).toHaveTextContent(`${getTimeline()!.summary().messages.lagging}`);
      expect(item).toHaveTextContent(expiry);
      cleanup();
    }
  });

  it('says there is nothing to report on a healthy cluster', () => {
    openAt('nameserver-down', 30_000);
    render(<DiagnosticsTab />);
    expect(screen.getByTestId('diagnostics-none')).toBeInTheDocument();
  });

  it('speaks Chinese, with RocketMQ terms in Latin script', () => {
    openAt('write8-read4', 60_000, 'zh');
    render(<DiagnosticsTab />);
    expect(screen.getByRole('heading', { name: '路由诊断' })).toBeInTheDocument();
    expect(findings('writeAboveRead')[0]).toHaveTextContent('在调大 readQueueNums 之前不会被消费');
    expect(findings('writeAboveRead')[0]).toHaveTextContent('readQueueNums');
    // A Chinese label takes the full-width colon, as the page's Chinese does everywhere.
    expect([...findings('writeAboveRead')[0]!.querySelectorAll('strong')].map((label) => label.textContent)).toEqual(['原因：', '安全修复：']);
    expect(findings('writeAboveRead')[0]!.textContent).not.toMatch(/[\u4e00-\u9fff]: /);
    cleanup();
    usePlayback.setState({ language: 'zh' });
    openSource(withSlaveReads(masterCrashScenario()));
    usePlayback.getState().seek(75_000);
    render(<DiagnosticsTab />);
    expect(findings('noMaster')[0]).toHaveTextContent('broker-a 没有 Master：broker-a/0 已崩溃');
    expect(findings('noMaster')[0]).toHaveTextContent('消费者的路由不再显示它的 Master 之后，改从 Slave broker-a/1 读取它的队列');
    expect(findings('unwritableTopic')[0]).toHaveTextContent('无法向 TopicTest 发送消息');
    cleanup();
    // Heard a millisecond apart, each NameServer has its own sentence.
    openAt('partition-idle-vs-scan', 100_000, 'zh');
    render(<DiagnosticsTab />);
    expect(findings('unreachableMaster')[0]).toHaveTextContent('broker-b/0 与网络断开，但仍在运行');
    expect(findings('unreachableMaster')[0]).toHaveTextContent('ns-1 最后一次收到它的注册是在 1:17.001，若它不再注册，将在 3:17.001 剔除它（连接空闲满 120 秒时被关闭）；ns-2 最后一次收到它的注册是在 1:17.002');
  });
});
