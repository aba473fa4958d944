import { describe, expect, it } from 'vitest';
import { chapterRun } from '../../support/chapter-run.ts';
import { simulate } from '../../../src/sim/simulate.ts';
import type { TraceEvent } from '../../../src/sim/index.ts';
import { ROCKETMQ_DEFAULTS } from '../../../src/model/defaults.ts';
import { formatPeriod } from '../../../src/viz/format.ts';

type Consumed = Extract<TraceEvent, { type: 'message.consumed' }>;

/** m:ss, as the captions write a time of the run. */
function clock(t: number): string {
  const seconds = Math.floor(t / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The failover chapter's step on reading from broker-a's slave (it opens that message's card), its moment, the event it stops at and the whole run. */
async function slaveStep() {
  const { chapter, scenario, timeline, moments } = await chapterRun('failover');
  const index = chapter.steps.findIndex((step) => 'type' in step.wait && step.wait.type === 'message.consumed' && step.wait.where?.brokerId === 1);
  const moment = moments[index]!;
  const trace = simulate(scenario).trace;
  const stoppedAt = trace.find((event): event is Consumed => event.t === moment.t && event.type === 'message.consumed' && event.msgId === moment.msgId);
  const crash = trace.find((event) => event.type === 'fault' && event.action === 'crashBroker' && event.target === 'broker-a')!;
  return { step: chapter.steps[index]!, moment, stoppedAt, crash, trace, timeline };
}

describe('chapter failover: the slave step shows a message read from broker-a\'s slave', () => {
  it('stops at a message of broker-a that c-1 consumed with brokerId 1, after the master crashed', async () => {
    const { stoppedAt, crash } = await slaveStep();
    expect(stoppedAt && [stoppedAt.consumer, stoppedAt.broker, stoppedAt.brokerId]).toEqual(['c-1', 'broker-a', 1]);
    expect(stoppedAt!.t).toBeGreaterThan(crash.t);
  });

  // PullMessageProcessor on the slave serves what HAService copied; the client reaches it
  // through MQClientInstance.findBrokerAddressInSubscribe once the route has no master.
  it('at the crash the slave already held that message and c-1 had not pulled it yet', async () => {
    const { stoppedAt, crash, trace, timeline } = await slaveStep();
    const { msgId, queueId, queueOffset } = stoppedAt!;
    expect(trace.some((event) => event.type === 'message.stored' && event.broker === 'broker-a' && event.brokerId === 1 && event.msgId === msgId && event.t < crash.t)).toBe(true);
    timeline.seek(crash.t);
    const consumer = timeline.state.clients['c-1']!;
    if (consumer.kind !== 'consumer') throw new Error('c-1 is a consumer');
    expect(consumer.processQueueTable[`TopicTest@broker-a@${queueId}`]!.nextOffset).toBeLessThanOrEqual(queueOffset);
  });

  it('says truthfully which message it is, when it was consumed, when the route lost the master, and where the earlier ones came from', async () => {
    const { step, stoppedAt, crash, trace } = await slaveStep();
    const { t, queueId, queueOffset } = stoppedAt!;
    expect(step.caption.en).toContain(`(queue ${queueId}, offset ${queueOffset}), consumed at ${clock(t)}, has brokerId 1`);
    expect(step.caption.zh).toContain(`（队列 ${queueId}，位点 ${queueOffset}）在 ${clock(t)} 被消费，brokerId 为 1`);
    const routeWithoutMaster = trace.find((event) => event.type === 'route.updated' && event.client === 'c-1' && event.topic === 'TopicTest' && event.t > crash.t)!;
    expect(routeWithoutMaster.type === 'route.updated' && routeWithoutMaster.writeQueues.some((queue) => queue.startsWith('broker-a:'))).toBe(false);
    expect(step.caption.en).toContain(`At ${clock(routeWithoutMaster.t)} c-1's route showed broker-a without a master`);
    expect(step.caption.zh).toContain(`${clock(routeWithoutMaster.t)} c-1 的路由显示 broker-a 没有 Master`);
    // "already in its cache, pulled from the master before the crash"
    const before = trace.filter((event): event is Consumed => event.type === 'message.consumed' && event.broker === 'broker-a' && event.t > crash.t && event.t < t);
    expect(before.length).toBeGreaterThan(0);
    expect(new Set(before.map((event) => event.brokerId))).toEqual(new Set([0]));
  });
});

describe('chapter failover: the NameServer step says how the clients left ns-2', () => {
  // NettyRemotingClient.getAndCreateNameserverChannel keeps namesrvAddrChoosed while its channel is
  // open; ns-2's process died, so the channel closed and the next request chose the next address.
  it('both clients chose ns-1 at their next route pull, with no failed route request and no round lost', async () => {
    const { chapter, scenario } = await chapterRun('failover');
    const trace = simulate(scenario).trace;
    const crash = trace.find((event) => event.type === 'fault' && event.action === 'crashNameServer')!;
    const chosen = trace.filter((event) => event.type === 'nameServer.chosen' && event.t > crash.t);
    expect(chosen.map((event) => event.type === 'nameServer.chosen' && [event.client, event.nameServer]).sort()).toEqual([['c-1', 'ns-1'], ['p-1', 'ns-1']]);
    const at = chosen[0]!.t;
    expect(trace.some((event) => event.type === 'route.failed' && event.t > crash.t && event.t <= at)).toBe(false);
    const step = chapter.steps.find((entry) => 'type' in entry.wait && entry.wait.type === 'nameServer.chosen')!;
    expect(step.caption.en).toContain(`at their next route pull, at ${clock(at)}, each found no open channel to ns-2`);
    expect(step.caption.zh).toContain(`${clock(at)} 下一次拉取路由时`);
  });
});

describe('chapter failover: the slave step\'s answer counts what the slave had copied', () => {
  // HAService copies the CommitLog right behind an ASYNC_MASTER; the slave serves what it holds (PullMessageProcessor).
  it('says how many messages broker-a\'s master stored before the crash, each of them on the slave too', async () => {
    const { step, crash, trace } = await slaveStep();
    const storedOn = (brokerId: number) => new Set(trace.filter((event) => event.type === 'message.stored' && event.broker === 'broker-a' && event.brokerId === brokerId && event.t < crash.t)
      .map((event) => event.type === 'message.stored' && event.msgId));
    const [master, slave] = [storedOn(0), storedOn(1)];
    expect([...master].every((msgId) => slave.has(msgId))).toBe(true);
    expect(step.predict!.why.en).toContain(`the slave had copied all ${master.size} messages broker-a's master stored before the crash`);
    expect(step.predict!.why.zh).toContain(`全部 ${master.size} 条消息`);
  });
});

describe('chapter failover: the route step says what p-1\'s sends to the crashed broker-a met before its new route', () => {
  it('two sends failed at once a network hop later (the first, in the crash\'s millisecond, as the close reached p-1: channelClosed; the second refused: connectRefused, the RST), at the times it names, each retried on another broker the moment it failed', async () => {
    const { chapter, scenario } = await chapterRun('failover');
    const step = chapter.steps.find((s) => 'type' in s.wait && s.wait.type === 'route.updated' && s.wait.where?.client === 'p-1')!;
    const trace = simulate(scenario, { untilMs: 32_000 }).trace;
    const routed = trace.find((e) => e.type === 'route.updated' && e.client === 'p-1' && e.t > 30_000)!;
    const refused = trace.filter((e): e is Extract<TraceEvent, { type: 'send.failed' }> => e.type === 'send.failed' && e.t < routed.t && e.t >= 30_000);
    expect(refused.map((e) => [e.broker, e.reason])).toEqual([['broker-a', 'channelClosed'], ['broker-a', 'connectRefused']]);
    // The crash and the first send share 0:30.000: the close the crash sent p-1 reaches it a hop later and fails what it sent.
    expect(trace.find((e) => e.type === 'fault' && e.action === 'crashBroker')!.t).toBe(refused[0]!.t - scenario.config.networkLatencyMs);
    expect(step.caption.en).toContain('the first went out in the crash\'s millisecond and failed a hop later, when the close reached p-1 (channelClosed); the second was refused (connectRefused:');
    expect(step.caption.zh).toContain('它随之失败（channelClosed）；第二条被拒绝（connectRefused：');
    for (const failed of refused) {
      const sent = trace.filter((e) => e.type === 'message.sent' && e.msgId === failed.msgId);
      const first = sent[0]!.t;
      const at = `${clock(first)}.${String(first % 1000).padStart(3, '0')}`;
      expect(step.caption.en).toContain(at);
      expect(step.caption.zh).toContain(at);
      // One hop of the link's latency plus up to its jitter, then the retry in the same millisecond.
      expect(failed.t - first).toBeGreaterThanOrEqual(scenario.config.networkLatencyMs);
      expect(failed.t - first).toBeLessThanOrEqual(scenario.config.networkLatencyMs + scenario.config.networkJitterMs);
      expect(sent.map((e) => e.type === 'message.sent' && [e.t - failed.t, e.broker !== 'broker-a'])).toEqual([[first - failed.t, false], [0, true]]);
      expect(trace.find((e) => e.type === 'send.result' && e.msgId === failed.msgId)).toMatchObject({ status: 'SEND_OK' });
    }
    expect(step.caption.en).toContain('two sends there');
  });
});

describe('chapter failover: the slave step\'s question reads plainly in Chinese', () => {
  it('says the slave is broker-a\'s own, with slaveReadEnable on, not that broker-a "turned it on"', async () => {
    const { step } = await slaveStep();
    expect(step.predict!.question.zh).toBe('broker-a 的 Master 挂了，现在由它的 Slave（已开启 slaveReadEnable）响应 c-1 的拉取。broker-a 上 c-1 还没拉取的消息，它还能读到哪些？');
  });
});

describe('chapter failover: the partition step says what the counters over the canvas do while the route still lists broker-c', () => {
  // NettySystemConfig connectTimeoutMillis and DefaultMQProducer.sendMsgTimeout, both 3 s: each connect into the partition
  // fails after 3 s (NettyRemotingClient), failing every send that waited for it; the one that started it has spent the
  // send's whole budget and fails for good (Failed messages), the others are retried on another broker (Failed attempts).
  it('one send fails for good about every 3 s, the others that waited with it retried on another broker, as the caption says', async () => {
    const { chapter, scenario } = await chapterRun('failover');
    const step = chapter.steps.find((s) => 'type' in s.wait && s.wait.type === 'fault' && s.wait.where?.action === 'partitionBroker')!;
    const trace = simulate(scenario, { untilMs: 90_000 }).trace;
    const lost = trace.filter((e) => e.type === 'send.result' && e.status !== 'SEND_OK' && e.t > 60_000 && e.t < 90_000).map((e) => e.t);
    const gaps = lost.slice(1).map((t, index) => t - lost[index]!);
    expect(gaps.length).toBeGreaterThan(5);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(ROCKETMQ_DEFAULTS.connectTimeoutMs);
    for (const gap of gaps) expect(gap).toBeLessThan(ROCKETMQ_DEFAULTS.connectTimeoutMs + 500);
    const retried = trace.filter((e) => e.type === 'send.failed' && e.broker === 'broker-c' && e.t === lost[1]);
    expect(retried.length).toBeGreaterThan(1);
    const every = formatPeriod(ROCKETMQ_DEFAULTS.connectTimeoutMs, 'en');
    expect(step.caption.en).toContain(`Failed attempts counts every failed try (sends with time left retry elsewhere), Failed messages the sends out of time: about one every ${every}`);
    expect(step.caption.zh).toContain(`“失败消息”记下时限用完的发送：在路由去掉 broker-c 之前，大约每 ${formatPeriod(ROCKETMQ_DEFAULTS.connectTimeoutMs, 'zh')}一条`);
  });
});

describe('chapter failover: who may take writes when a master is gone', () => {
  // In slave-acting-master mode the NameServer lists the acting slave as brokerId 0 only for queues that
  // are not writeable (RouteInfoManager.pickupTopicRouteData), so producers get no queue there
  // (MQClientInstance.topicRouteData2TopicPublishInfo): only controller mode makes a slave a writable master.
  it('the first question\'s answer says only controller mode makes a slave take writes, an acting master serving reads only', async () => {
    const { chapter } = await chapterRun('failover');
    const why = chapter.steps.find((step) => step.predict?.why.en.includes('topicRouteData2TopicPublishInfo'))!.predict!.why;
    expect(why.en).toContain('unless the cluster runs controller mode (off by default)');
    expect(why.en).toContain('a slave acting as master (enableSlaveActingMaster) serves reads only');
    expect(why.zh).toContain('除非集群开启了 Controller 模式（默认关闭）');
    expect(why.zh).toContain('代理 Master 的 Slave（enableSlaveActingMaster）只提供读取');
  });
});

describe('chapter failover: the last step\'s price of availability is this run\'s', () => {
  it('says duplicates are a price paid where a queue changes owner, and none in this run, which consumes nothing twice by the step\'s moment', async () => {
    const { chapter, scenario } = await chapterRun('failover');
    const step = chapter.steps.find((s) => s.tag === 'why' && 'atMs' in s.wait)!;
    expect(step.wait).toEqual({ atMs: 200_000 });
    const trace = simulate(scenario, { untilMs: 200_000 }).trace;
    expect(trace.filter((e) => e.type === 'message.consumedAgain')).toEqual([]);
    expect(trace.filter((e) => e.type === 'send.result' && e.status === 'FAILED').length).toBeGreaterThan(0);
    expect(step.caption.en).toContain('with duplicates when a queue changes owner in the middle of it (none in this run), and with the sends that failed meanwhile');
    expect(step.caption.zh).toContain('队列在此期间换了拥有者时的重复消费（本次运行没有）');
  });
});
