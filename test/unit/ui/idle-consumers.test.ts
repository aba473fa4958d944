/**
 * A consumer whose queues all sit on a broker whose master is down gets nothing new: producers
 * send only to masters (MQClientInstance.findBrokerAddressInPublish), and while a slave is
 * registered the NameServers keep the brokerName's QueueData (RouteInfoManager.onChannelDestroy
 * drops it only with the last address), so the rebalance leaves those queues where they were.
 */
import { describe, expect, it } from 'vitest';
import { Timeline } from '../../../src/sim/timeline.ts';
import { idleConsumers, type IdleReason } from '../../../src/ui/panels/queue-model.ts';
import { DIAGNOSTICS_STRINGS } from '../../../src/ui/insight/diagnostics/diagnostics-strings.ts';
import { routeDiagnostics } from '../../../src/ui/insight/diagnostics/route-diagnostics.ts';
import { REASON_STRINGS } from '../../../src/ui/panels/reason-strings.ts';
import { libraryScenario } from '../../support/library.ts';
import { scenarioOf } from '../../support/test-sim.ts';
import { inLanguage } from '../../../src/ui/i18n/index.ts';

function failover(timeline: unknown[] = [{ at: 60_000, action: 'crashBroker', target: 'broker-a' }, { at: 150_000, action: 'startBroker', target: 'broker-a' }], slaveReadEnable = false) {
  return new Timeline(scenarioOf({
    version: 1, durationMs: 200_000, nameServers: [{ id: 'ns-1' }],
    brokers: [{ name: 'broker-a' }, { name: 'broker-a', brokerId: 1, slaveReadEnable }, { name: 'broker-b' }, { name: 'broker-b', brokerId: 1, slaveReadEnable }],
    topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
    producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest' }],
    consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest' }, { id: 'c-2', group: 'CG', topic: 'TopicTest' }],
    timeline,
  }));
}

describe('a consumer that owns only the queues of a master that is down', () => {
  it('is idle from the crash until the master is back, with broker-a named; its group mate is not', () => {
    const timeline = failover();
    timeline.seek(59_000);
    expect(idleConsumers(timeline.state)).toEqual([]);
    timeline.seek(100_000);
    // AVG gives c-1 broker-a's four queues and c-2 broker-b's; the slave keeps broker-a in the route,
    // and refuses c-1's pulls too (5.x without slaveReadEnable).
    expect(idleConsumers(timeline.state)).toEqual([{
      consumer: 'c-1', group: 'CG', topic: 'TopicTest', queues: ['broker-a:0', 'broker-a:1', 'broker-a:2', 'broker-a:3'],
      reason: { kind: 'masterDown', brokers: ['broker-a'], listed: 'refusingSlave' },
    }]);
    const reading = failover(undefined, true);
    reading.seek(100_000);
    expect(idleConsumers(reading.state).map(({ reason }) => reason)).toEqual([{ kind: 'masterDown', brokers: ['broker-a'], listed: 'slave' }]);
    timeline.seek(190_000);
    expect(idleConsumers(timeline.state)).toEqual([]);
  });

  it('is not listed while no master takes the topic at all (the topic\'s own finding says nobody gets anything); a master cut off by a partition is out of reach too', () => {
    const bothDown = failover([{ at: 60_000, action: 'crashBroker', target: 'broker-a' }, { at: 60_000, action: 'crashBroker', target: 'broker-b' }]);
    bothDown.seek(100_000);
    expect(idleConsumers(bothDown.state)).toEqual([]);
    const cutOff = failover([{ at: 60_000, action: 'partitionBroker', target: 'broker-a' }]);
    cutOff.seek(100_000);
    expect(idleConsumers(cutOff.state).map(({ consumer, reason }) => ({ consumer, reason }))).toEqual([{ consumer: 'c-1', reason: { kind: 'masterDown', brokers: ['broker-a'], listed: 'refusingSlave' } }]);
  });

  it('says why in English and Chinese, for one brokerName or more', () => {
    const reason: IdleReason = { kind: 'masterDown', brokers: ['broker-a'], listed: 'slave' };
    expect(inLanguage(REASON_STRINGS, 'en').idle(reason)).toBe('owns only queues of broker-a, whose master is down or cut off: producers write to masters only, so nothing new arrives until it is back (a slave serves only reads)');
    expect(inLanguage(REASON_STRINGS, 'zh').idle(reason)).toBe('只拥有 broker-a 的队列，而它的 Master 已停止或被网络隔离：生产者只写 Master，在它恢复之前不会有新消息（Slave 只提供读取）');
    expect(inLanguage(REASON_STRINGS, 'en').idle({ kind: 'masterDown', brokers: ['broker-a', 'broker-b'], listed: 'slave' })).toBe('owns only queues of broker-a and broker-b, whose masters are down or cut off: producers write to masters only, so nothing new arrives until they are back (a slave serves only reads)');
    const refusing: IdleReason = { kind: 'masterDown', brokers: ['broker-a'], listed: 'refusingSlave' };
    expect(inLanguage(REASON_STRINGS, 'en').idle(refusing)).toMatch(/until it is back \(its slave, in the route, refuses even the pulls: no slaveReadEnable\)$/);
    expect(inLanguage(REASON_STRINGS, 'zh').idle(refusing)).toMatch(/（留在路由中的 Slave 连拉取也拒绝：未开启 slaveReadEnable）$/);
  });

  it('is a Diagnostics finding whose fix is to bring the master back (not the queue counts), in English and Chinese', () => {
    const timeline = failover();
    timeline.seek(100_000);
    const [finding, ...others] = routeDiagnostics(timeline.state, timeline.summary(), timeline.scenario).filter((f) => f.kind === 'idleConsumer');
    expect(others).toEqual([]);
    const en = inLanguage(DIAGNOSTICS_STRINGS, 'en').describe(finding!, inLanguage(REASON_STRINGS, 'en').idle);
    expect(en.title).toBe('c-1 (CG) gets no message');
    expect(en.why).toMatch(/^It owns only queues of broker-a, whose master is down or cut off/);
    expect(en.fix).toMatch(/^Bring the master of broker-a back \(restart it, or heal the partition\)\. .* a rebalance leaves these queues with c-1\./);
    const zh = inLanguage(DIAGNOSTICS_STRINGS, 'zh').describe(finding!, inLanguage(REASON_STRINGS, 'zh').idle);
    expect(zh.title).toBe('c-1（CG）收不到消息');
    expect(zh.fix).toMatch(/^让 broker-a 的 Master 恢复（重启，或修复网络分区）。.*只要 Slave 让 broker-a 留在路由中/);
  });

  it('says what keeps a master without a slave in the route: the NameServers until its registration expires, then the consumer\'s cached route until its next pull', () => {
    // crash-partition-shutdown has no slaves: broker-b, cut off at 90 s, is removed by the scan at 3:10.002.
    const timeline = new Timeline(libraryScenario('crash-partition-shutdown'));
    const fixAt = (ms: number, language: 'en' | 'zh') => {
      timeline.seek(ms);
      const [finding] = routeDiagnostics(timeline.state, timeline.summary(), timeline.scenario).filter((f) => f.kind === 'idleConsumer');
      expect(finding?.kind === 'idleConsumer' && finding.reason).toMatchObject({ kind: 'masterDown', brokers: ['broker-b'] });
      return inLanguage(DIAGNOSTICS_STRINGS, language).describe(finding!, inLanguage(REASON_STRINGS, language).idle).fix;
    };
    for (const ms of [100_000, 189_000]) {
      expect(fixAt(ms, 'en')).toContain('until the NameServers drop the cut-off master (an idle channel\'s close or an expired registration, whichever comes first) and the consumers pull the route again, a rebalance leaves these queues with c-1.');
      expect(fixAt(ms, 'zh')).toContain('在 NameServer 剔除被隔离的 Master（连接空闲关闭或注册过期，以先到者为准）、消费者再次拉取路由之前，负载均衡不会把这些队列从 c-1 移走。');
    }
    expect(fixAt(200_000, 'en')).toContain('until the consumers\' next route pull (pollNameServerInterval) drops broker-b, a rebalance leaves these queues with c-1.');
    for (const language of ['en', 'zh'] as const) expect(fixAt(100_000, language)).not.toMatch(/slave|Slave/);
    // Nor does the reason speak of a slave the scenario does not have.
    timeline.seek(100_000);
    const [c1] = idleConsumers(timeline.state);
    for (const language of ['en', 'zh'] as const) expect(inLanguage(REASON_STRINGS, language).idle(c1!.reason)).not.toMatch(/slave|Slave/);
  });

  it('a consumer whose last rebalance ran before the broker listed it waits for the next one, not for a strategy that left it none', () => {
    // c-1 starts at 1 s, cut off from broker-b until 2.1 s: its first heartbeat round reaches broker-a, then waits on a
    // connect to broker-b that gets no answer, nor does the SYN sent again a second later, so the connect fails 3 s later
    // with every call that waited for it; the round held lockHeartbeat meanwhile, so the one due at 2 s was skipped, and
    // broker-b hears of c-1 only at 22 s (below), before the round of 32 s. Its first rebalance, at 2 s, asked broker-b for the group's members
    // (a random broker of the topic) and got c-1 nothing; it waits for the next one, the periodic rebalance 20 s later
    // (RebalanceService's waitInterval), which here asks broker-a, where c-1 is listed, and gives c-1 its queues.
    const timeline = new Timeline(scenarioOf({
      version: 1, seed: 1, durationMs: 60_000, nameServers: [{ id: 'ns-1' }], brokers: [{ name: 'broker-a' }, { name: 'broker-b' }],
      topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
      consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest', startAt: 1_000 }],
      timeline: [{ at: 500, action: 'partitionLink', target: 'c-1', peer: 'broker-b' }, { at: 2_100, action: 'healLink', target: 'c-1', peer: 'broker-b' }],
    }));
    timeline.seek(2_500);
    const [idle] = idleConsumers(timeline.state);
    expect(idle?.reason).toEqual({ kind: 'rebalancePending' });
    expect(inLanguage(REASON_STRINGS, 'en').idle(idle!.reason)).toBe('owns no queue yet: its last rebalance ran before the brokers listed it in its group, and the next one gives it queues');
    expect(inLanguage(REASON_STRINGS, 'zh').idle(idle!.reason)).toBe('还没有分配到队列：它上一次负载均衡时 Broker 还没有把它列入消费者组，下一次负载均衡会给它分配队列');
    timeline.seek(21_000);
    expect(idleConsumers(timeline.state).map((consumer) => consumer.reason)).toEqual([{ kind: 'rebalancePending' }]);
    timeline.seek(23_000);
    const periodic = timeline.traceSlice(0).find((e) => e.type === 'rebalance' && e.topic === 'TopicTest')!;
    expect(Math.floor(periodic.t / 1_000)).toBe(22);
    expect(idleConsumers(timeline.state)).toEqual([]);
    // That rebalance changed c-1's queues, so it heartbeats every broker at once (RebalancePushImpl.messageQueueChanged):
    // broker-b hears of c-1 then, not at the periodic round of 32 s.
    timeline.seek(33_000);
    const registered = timeline.traceSlice(0).find((e) => e.type === 'consumer.registered' && e.broker === 'broker-b')!;
    expect(Math.floor(registered.t / 1_000)).toBe(22);
    expect(idleConsumers(timeline.state)).toEqual([]);
  });
});
