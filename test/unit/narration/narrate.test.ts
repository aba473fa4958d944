import { resolveConfig } from '../../../src/model/defaults.ts';
import type { TraceEvent } from '../../../src/model/events.ts';
import type { SendFailedReason, SendMode } from '../../../src/model/vocabulary.ts';
import { describeEvent, eventContextOf, localOffsetConsumers, TRACE_TYPES } from '../../../src/ui/panels/event-sentences.ts';
import { spokenNews } from '../../../src/ui/panels/log-announcer.ts';
import { contextAt, narrate } from '../../../src/ui/narration/narrate.ts';
import { validateScenario } from '../../../src/scenario/validate.ts';
import { simulate } from '../../../src/sim/simulate.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import consumersChapter from '../../../src/ui/learn/chapters/ch8-consumers.json';
import { scenarioOf, type ScenarioJson } from '../../support/test-sim.ts';
import { writeReadScenario } from '../../component/panels/scenarios.ts';
import { libraryTimeline, masterCrashScenario } from '../../support/library.ts';

/** One event of every trace type. */
const SAMPLES: TraceEvent[] = [
  { t: 95_000, type: 'broker.registered', nameServer: 'ns-1', broker: 'broker-a', brokerId: 0, first: false, trigger: 'periodic' },
  { t: 200_000, type: 'broker.removed', nameServer: 'ns-1', broker: 'broker-b', brokerId: 0, reason: 'expired' },
  { t: 1_000, type: 'nameServer.chosen', client: 'p-1', nameServer: 'ns-2' },
  { t: 1_000, type: 'route.updated', client: 'p-1', topic: 'TopicTest', writeQueues: ['a:0', 'a:1'], readQueues: ['a:0'], nameServer: 'ns-1', fromTopic: 'TopicTest' },
  { t: 1_000, type: 'route.pulled', client: 'p-1', topic: 'TopicTest', nameServer: 'ns-1', found: true, changed: false },
  { t: 1_000, type: 'route.failed', client: 'p-1', topic: 'TopicTest', nameServer: 'ns-1', reason: 'connectTimeout' },
  { t: 0, type: 'topic.updated', broker: 'broker-a', topic: 'TopicTest', writeQueueNums: 8, readQueueNums: 4, perm: 6, created: true, auto: false },
  { t: 20_000, type: 'topic.updateFailed', topic: 'TopicTest', broker: 'broker-b', reason: 'connectTimeout' },
  { t: 65_000, type: 'nameServer.wipeWritePerm', nameServer: 'ns-1', broker: 'broker-a', topicCount: 3 },
  { t: 170_000, type: 'nameServer.addWritePerm', nameServer: 'ns-1', broker: 'broker-a', topicCount: 3 },
  { t: 65_000, type: 'nameServer.writePermFailed', nameServer: 'ns-2', broker: 'broker-a', command: 'wipeWritePerm', reason: 'connectRefused' },
  { t: 1_500, type: 'message.sent', producer: 'p-1', msgId: 'ID1', topic: 'TopicTest', tags: 'TagA', keys: 'ORDER-1', broker: 'broker-a', queueId: 5, attempt: 1 },
  { t: 1_501, type: 'message.stored', broker: 'broker-a', brokerId: 0, topic: 'TopicTest', queueId: 5, queueOffset: 3, commitLogOffset: 4_096, msgId: 'ID1', offsetMsgId: 'OFF1' },
  { t: 1_501, type: 'message.lost', msgId: 'ID1', broker: 'broker-a', brokerId: 0, topic: 'TopicTest', queueId: 5, queueOffset: 3, reason: 'notFlushedNotReplicated' },
  { t: 90_251, type: 'message.storedBehind', reader: 'CG', msgId: 'ID1', broker: 'broker-a', topic: 'TopicTest', queueId: 3, queueOffset: 25, readerOffset: 29 },
  { t: 1_501, type: 'message.filtered', group: 'CG', msgId: 'ID1', broker: 'broker-a', topic: 'TopicTest', queueId: 5, queueOffset: 3, tags: 'TagA', by: 'broker' },
  { t: 1_502, type: 'send.failed', producer: 'p-1', msgId: 'ID1', broker: 'broker-a', queueId: 5, attempt: 1, reason: 'timeout' },
  { t: 1_503, type: 'send.result', producer: 'p-1', msgId: 'ID1', status: 'FLUSH_SLAVE_TIMEOUT' },
  { t: 2_000, type: 'rebalance', consumer: 'c-1', group: 'CG', topic: 'TopicTest', queues: ['broker-a:0', 'broker-a:1'] },
  { t: 2_000, type: 'client.heartbeat', broker: 'broker-a', brokerId: 0, client: 'c-1', group: 'CG' },
  { t: 2_000, type: 'consumer.registered', broker: 'broker-a', brokerId: 0, group: 'CG', consumer: 'c-1' },
  { t: 2_000, type: 'consumer.removed', broker: 'broker-a', brokerId: 0, group: 'CG', consumer: 'c-2', reason: 'expired' },
  { t: 1_011, type: 'consumer.startFailed', consumer: 'c-1', group: 'CG', topic: 'TopicTest', nameServer: 'ns-1', reason: 'connectRefused', shutdown: true },
  { t: 1_001, type: 'producer.registered', broker: 'broker-a', brokerId: 0, group: 'PG', producer: 'p-1' },
  { t: 190_000, type: 'producer.removed', broker: 'broker-a', brokerId: 0, group: 'PG', producer: 'p-1', reason: 'expired' },
  { t: 2_100, type: 'message.consumed', consumer: 'c-1', group: 'CG', msgId: 'ID1', broker: 'broker-a', brokerId: 0, queueId: 1, queueOffset: 7, topic: 'TopicTest', reconsumeTimes: 0 },
  { t: 2_100, type: 'message.consumedAgain', consumer: 'c-1', group: 'CG', msgId: 'ID1', cause: 'brokerFault' },
  { t: 2_200, type: 'consume.failed', consumer: 'c-1', group: 'CG', msgId: 'ID1', reconsumeTimes: 16, next: 'dlq' },
  { t: 2_300, type: 'pull.rejected', consumer: 'c-1', broker: 'broker-a', brokerId: 0, topic: 'TopicTest', queueId: 6, reason: 'NO_PERMISSION' },
  { t: 2_400, type: 'offset.committed', consumer: 'c-1', group: 'CG', broker: 'broker-a', queueId: 1, offset: 8, topic: 'TopicTest' },
  { t: 40_000, type: 'controller.elected', controller: 'ns-1/controller', broker: 'broker-a', brokerId: 2, masterEpoch: 2, trigger: 'masterInactive' },
  { t: 5_000, type: 'syncStateSet.changed', controller: 'ns-1/controller', broker: 'broker-a', syncStateSet: [1, 2], syncStateSetEpoch: 2 },
  { t: 40_001, type: 'broker.roleChanged', broker: 'broker-a', brokerId: 0, controllerId: 2, role: 'SYNC_MASTER', masterEpoch: 2 },
  { t: 60_000, type: 'fault', action: 'crashBroker', target: 'broker-a' },
  { t: 35_000, type: 'channel.closed', from: 'c-1', to: 'broker-b/0', code: 'HEART_BEAT', waitedMs: 3_000, failed: { PULL_MESSAGE: 2 } },
];

const config = resolveConfig({ brokerChannelExpiredTimeMs: 90_000, scanNotActiveBrokerIntervalMs: 7_000, pollNameServerIntervalMs: 20_000, maxReconsumeTimes: 3, slaveTimeoutMs: 2_000, persistConsumerOffsetIntervalMs: 4_000, rebalanceIntervalMs: 15_000, channelExpiredTimeoutMs: 100_000 });
const sample = (type: string) => SAMPLES.find((event) => event.type === type)!;

describe('the caption of every event', () => {
  it('has a sample for every trace type', () => {
    expect(SAMPLES.map((event) => event.type).sort()).toEqual([...TRACE_TYPES].sort());
  });

  it('says whether a consumer whose start failed shut down (5.x) or runs on (4.x)', () => {
    const failed = sample('consumer.startFailed') as Extract<TraceEvent, { type: 'consumer.startFailed' }>;
    expect(narrate(failed, 'en', { config })).toContain('shuts the consumer down');
    expect(narrate({ ...failed, shutdown: false }, 'en', { config })).toContain('already running');
    // A 4.x consumer running on gets queues only when its next heartbeat reaches a broker (ConsumerManager.registerConsumer).
    expect(narrate({ ...failed, shutdown: false }, 'en', { config })).toContain('it takes queues when its next heartbeat reaches a broker');
    expect(narrate({ ...failed, shutdown: false }, 'zh', { config })).toContain('它的下一次心跳到达 Broker 时');
    expect(describeEvent(failed, 'en', { config })).toContain('it shut down');
  });

  it('says every event in English and in Chinese, differently and in full sentences', () => {
    for (const event of SAMPLES) {
      const en = narrate(event, 'en', { config });
      const zh = narrate(event, 'zh', { config });
      expect(en.length, event.type).toBeGreaterThan(30);
      expect(en).toMatch(/[.:]$/);
      expect(zh, event.type).toMatch(/[\u4e00-\u9fff]/);
      expect(zh).not.toBe(en);
    }
  });

  it('says what brought a duplicate back, with the Duplicates list\'s words, and that a consumer must be idempotent', () => {
    const again = sample('message.consumedAgain');
    expect(narrate(again, 'en', { config })).toBe('CG got ID1 again, this time at c-1: its broker\'s master crashed, lost power, was cut off or shut down before the consumer\'s offset reached it, or before the broker wrote it to consumerOffset.json (every flushConsumerOffsetInterval, 5\u00a0s): the queue was read again from the older offset the broker (or its slave) held. '
      + 'RocketMQ delivers at least once, so a consumer must be idempotent (check the msgId or a business key before acting).');
    expect(narrate(again, 'zh', { config })).toContain('CG 再次收到了 ID1（这次由 c-1 消费）：消费位点到达 Broker 之前');
  });

  it('says a message stored behind its reader\'s offset is never read by it, and what cut the queue back: a power loss, or in controller mode a new master too', () => {
    const behind = sample('message.storedBehind');
    const en = narrate(behind, 'en', { config });
    expect(en).toContain('a position CG had already read past (its next pull offset is 29)');
    expect(en).toContain('CG will never read this message');
    expect(en).toContain('after a power loss the broker keeps only what was flushed');
    expect(en).not.toContain('new master');
    expect(narrate(behind, 'en', { config: { ...config, enableControllerMode: true } })).toContain('a new master may hold less than the old one handed out');
    expect(narrate(behind, 'zh', { config })).toContain('CG 永远读不到这条消息');
  });

  it('calls the 30\u00a0s registration the heartbeat and uses the configured expiry, restarting at the event time', () => {
    expect(narrate(sample('broker.registered'), 'en', { config }))
      .toBe('broker-a/0 registered with ns-1 again: its periodic registration, every 30\u00a0s, is the broker\'s heartbeat. '
        + 'Its 90\u00a0s expiry starts again at 1:35.000, so it stays listed unless no registration arrives by 3:05.000.');
    expect(narrate(sample('broker.registered'), 'zh', { config })).toContain('90\u00a0秒过期计时从 1:35.000 重新开始');
    expect(narrate({ ...sample('broker.registered'), first: true } as TraceEvent, 'en', { config })).toContain('every 30\u00a0s: that registration is the broker\'s heartbeat');
    // BrokerController.start holds the period between 10\u00a0s and 60\u00a0s: 5\u00a0s is every 10\u00a0s.
    const fast = resolveConfig({ brokerHeartbeatIntervalMs: 5_000 });
    expect(narrate({ ...sample('broker.registered'), first: true } as TraceEvent, 'en', { config: fast })).toContain('every 10\u00a0s: that registration');
  });

  it('says why a broker registered again: a topic table that changed registers at once, not as a heartbeat', () => {
    const changed = { ...sample('broker.registered'), trigger: 'topicChanged' } as TraceEvent;
    expect(narrate(changed, 'en', { config })).toContain('registered with ns-1 at once because its topic table changed (a topic created or updated), without waiting for its next periodic registration');
    expect(narrate(changed, 'en', { config })).not.toContain('heartbeat');
    expect(narrate(changed, 'zh', { config })).toContain('的主题表变了（创建或修改了主题），于是立即注册到 ns-1');
    expect(narrate({ ...changed, trigger: 'roleChanged' } as TraceEvent, 'en', { config })).toContain('once the controller gave it its role');
  });

  it('says a broker\'s first registration at its start is followed by one 10\u00a0s later, then one every 30\u00a0s (BrokerController.start)', () => {
    const first = { ...sample('broker.registered'), first: true, trigger: 'start' } as TraceEvent;
    const defaults = resolveConfig({});
    expect(narrate(first, 'en', { config: defaults })).toContain('It registers again 10\u00a0s after its start, then every 30\u00a0s: that registration is the broker\'s heartbeat.');
    expect(narrate(first, 'zh', { config: defaults })).toContain('之后它在启动 10\u00a0秒后再注册一次，然后每 30\u00a0秒重复注册一次');
  });

  it('says an attempt stored with another status than SEND_OK was stored, and what retryAnotherBrokerWhenNotStoreOK does next', () => {
    const retrying = resolveConfig({ retryAnotherBrokerWhenNotStoreOK: true });
    const notOk = { t: 11_000, type: 'send.failed', producer: 'p-1', msgId: 'M', broker: 'broker-a', queueId: 0, attempt: 1, reason: 'SLAVE_NOT_AVAILABLE' } as TraceEvent;
    expect(narrate(notOk, 'en', { config: retrying })).toContain('was stored, but answered SLAVE_NOT_AVAILABLE, not SEND_OK. With retryAnotherBrokerWhenNotStoreOK the producer sends it again, on another broker when it can');
    expect(narrate({ ...notOk, attempt: 3 } as TraceEvent, 'en', { config: retrying })).toContain('No attempt is left, so send() returns this status rather than throwing');
    expect(narrate({ ...notOk, attempt: 3 } as TraceEvent, 'zh', { config: retrying })).toContain('已存储，但回复的是 SLAVE_NOT_AVAILABLE，不是 SEND_OK。已没有重试机会，所以 send() 返回这个状态');
    // MQFaultStrategy 4.9.8 with sendLatencyFaultEnable ignores lastBrokerName: a retry may go to the same broker.
    const faults4x = resolveConfig({ retryAnotherBrokerWhenNotStoreOK: true, sendLatencyFaultEnable: true, rocketmqVersion: '4.x' });
    expect(narrate(notOk, 'en', { config: faults4x })).toContain('on the next queue whose broker is not isolated, maybe the same broker');
    expect(narrate({ ...notOk, reason: 'connectRefused' } as TraceEvent, 'en', { config: faults4x })).toContain('The producer tries again, on the next queue whose broker is not isolated, maybe the same broker');
  });

  it('says a first attempt passes over isolated brokers\' queues only with sendLatencyFaultEnable', () => {
    const sent = { ...sample('message.sent'), attempt: 1 } as TraceEvent;
    expect(narrate(sent, 'en', { config: resolveConfig({ sendLatencyFaultEnable: true }) })).toContain('producers take the write queues in turn, passing over those of a broker sendLatencyFaultEnable isolated');
    expect(narrate(sent, 'zh', { config: resolveConfig({ sendLatencyFaultEnable: true }) })).toContain('跳过被 sendLatencyFaultEnable 隔离的 Broker 的队列');
    expect(narrate(sent, 'en', { config: resolveConfig({}) })).not.toContain('isolated');
  });

  it('says why an updateTopic stopped at a master it could not reach, and what became of the others', () => {
    const failed = sample('topic.updateFailed');
    expect(narrate(failed, 'en', { config })).toContain('could not reach broker-b\'s master (connectTimeout: its host is cut off or without power');
    expect(narrate(failed, 'en', { config })).toContain('the masters it had reached before keep the change, the ones after it in its list never get it');
    expect(narrate({ ...failed, reason: 'connectRefused' } as TraceEvent, 'zh', { config })).toContain('连不上 broker-b 的 Master（connectRefused：它的进程已停止）');
  });

  it('says what a wipeWritePerm did on a NameServer as mqadmin prints it, when producers leave, and what undoes it', () => {
    const wiped = narrate(sample('nameServer.wipeWritePerm'), 'en', { config });
    expect(wiped).toContain('"wipe write perm of broker[broker-a] in name server[...] OK, 3"');
    expect(wiped).toContain('Producers leave broker-a at their next route pull (every 20\u00a0s); consumers still read it.');
    expect(wiped).toContain('its first registration after a restart, writes the broker\'s own perm back');
    expect(narrate(sample('nameServer.wipeWritePerm'), 'zh', { config })).toContain('生产者在下一次拉取路由时（每 20\u00a0秒）离开 broker-a');
    expect(narrate(sample('nameServer.writePermFailed'), 'en', { config })).toContain('printed "Failed" for it, then went on to the next NameServer');
  });

  it('says what a retry topic a broker created by itself is, and what perm RW- means', () => {
    const retry = { t: 2_017, type: 'topic.updated', broker: 'broker-a', topic: '%RETRY%CG_ORDER', writeQueueNums: 1, readQueueNums: 1, perm: 6, created: true, auto: true } as TraceEvent;
    expect(narrate(retry, 'en', { config })).toContain('perm RW- (R: consumers may read it, W: producers may write it), the retry topic of group CG_ORDER: a broker creates it when a heartbeat of the group\'s first reaches it (a BROADCASTING group\'s too, which never reads it)');
    expect(narrate(retry, 'en', { config })).not.toContain('TBW102');
    expect(narrate(retry, 'zh', { config })).toContain('广播消费组也会创建，虽然从不读它');
    expect(narrate(retry, 'zh', { config })).toContain('这是消费者组 CG_ORDER 的重试主题');
    expect(narrate({ ...retry, topic: 'NewTopic' } as TraceEvent, 'en', { config })).toContain('(created automatically from TBW102, autoCreateTopicEnable)');
  });

  it('names a sent message\'s id as the msgId the study note and the card call it', () => {
    expect(narrate(sample('message.sent'), 'en', { config })).toMatch(/^p-1 sent msgId ID1 \(tags TagA, keys ORDER-1\) to broker-a queue 5/);
    expect(narrate(sample('message.sent'), 'zh', { config })).toMatch(/^p-1 把消息（msgId ID1，标签 TagA，key ORDER-1）发送到 broker-a 的队列 5/);
  });

  it('counts a route\'s queues on each broker where they span several: a reader who set writeQueueNums 8 sees 16', () => {
    const route = { ...sample('route.updated'), writeQueues: ['broker-a:0', 'broker-a:1', 'broker-b:0', 'broker-b:1'], readQueues: ['broker-a:0', 'broker-b:0'] } as TraceEvent;
    expect(narrate(route, 'en', { config })).toContain('4 queues to write (2 on broker-a, 2 on broker-b), 2 to read (1 on broker-a, 1 on broker-b).');
    expect(narrate(route, 'zh', { config })).toContain('可写 4 个队列（broker-a 2 个、broker-b 2 个），可读 2 个（broker-a 1 个、broker-b 1 个）。');
    expect(narrate(sample('route.updated'), 'en', { config })).toContain('2 queues to write, 1 to read.');
  });

  it('names the brokers in one order in both lists: the read queues come in the route\'s QueueData order, the write queues sorted', () => {
    const route = { ...sample('route.updated'), writeQueues: ['broker-a:0', 'broker-b:0', 'broker-c:0'], readQueues: ['broker-a:0', 'broker-c:0', 'broker-b:0'] } as TraceEvent;
    expect(narrate(route, 'zh', { config })).toContain('可写 3 个队列（broker-a 1 个、broker-b 1 个、broker-c 1 个），可读 3 个（broker-a 1 个、broker-b 1 个、broker-c 1 个）');
    expect(narrate(route, 'en', { config })).toContain('3 to read (1 on broker-a, 1 on broker-b, 1 on broker-c)');
  });

  it('says what the retry topic a consumer rebalances is: it comes up in a run where no consumption failed', () => {
    const rebalance = { ...sample('rebalance'), group: 'CG_ORDER', topic: '%RETRY%CG_ORDER', queues: ['broker-b:0'] } as TraceEvent;
    expect(narrate(rebalance, 'en', { config })).toMatch(/^c-1 rebalanced %RETRY%CG_ORDER for CG_ORDER and now owns broker-b:0\. .* %RETRY%CG_ORDER is the group's retry topic: each CLUSTERING member subscribes to it too, for the messages whose consumption failed\.$/);
    expect(narrate({ ...rebalance, queues: [] } as TraceEvent, 'zh', { config })).toMatch(/做了负载均衡，但没有分到队列.*%RETRY%CG_ORDER 是该组的重试主题：每个 CLUSTERING 成员也订阅它，用来接收消费失败的消息。$/);
    expect(narrate(sample('rebalance'), 'en', { config })).not.toContain('retry topic');
  });

  it('writes the moments of the NameServer expiry on the run\'s clock (m:ss) and the expiry itself as a length of time', () => {
    // nameserver chapter: broker-a's registration at 0:10 is listed until 0:10 + 120\u00a0s = 2:10.
    const registered = { t: 10_018, type: 'broker.registered', nameServer: 'ns-1', broker: 'broker-a', brokerId: 0, first: false, trigger: 'periodic' } as TraceEvent;
    const defaults = resolveConfig({});
    expect(narrate(registered, 'en', { config: defaults })).toContain('Its 120\u00a0s expiry starts again at 0:10.018, so it stays listed unless no registration arrives by 2:10.018.');
    expect(narrate(registered, 'zh', { config: defaults })).toContain('它的 120\u00a0秒过期计时从 0:10.018 重新开始，只要在 2:10.018 之前还有注册到达，就不会被剔除。');
    expect(narrate(registered, 'zh', { config: defaults })).not.toMatch(/在 10\u00a0秒|130\u00a0秒/);
  });

  it('says a crash closes the connections and a power loss closes none: nobody is told of a host without power, and a client gives up on it by its own timeout', () => {
    const fault = (action: string) => ({ t: 60_000, type: 'fault', action, target: 'broker-a' }) as TraceEvent;
    expect(narrate(fault('crashBroker'), 'en', { config })).toContain('its connections close, so the NameServers drop it at once');
    expect(narrate(fault('powerOffBroker'), 'en', { config })).toContain('A host without power sends no FIN and no RST: nobody is told, and the NameServers keep it until its channel, idle since its last registration, '
      + 'is closed after 120\u00a0s (channelIdle), or until their scan (every 7\u00a0s) finds that registration older than 90\u00a0s (expired), whichever comes first. '
      + 'A client\'s first synchronous call to it waits out its timeout, which closes the client\'s own end of the connection (the requests waiting on it fail: channelClosed); '
      + 'every later call must connect anew, and a connect that gets no answer fails after connectTimeoutMillis (connectTimeout).');
    expect(narrate(fault('powerOffBroker'), 'zh', { config })).toContain('断电的主机不会发出 FIN 或 RST：没有人收到通知，NameServer 会一直保留它，'
      + '直到它的连接自最后一次注册起空闲满 120\u00a0秒而被关闭（channelIdle），或者它们的扫描（每 7\u00a0秒一次）发现它的最后一次注册已超过 90\u00a0秒（expired），以先到者为准。');
    // With the idle close off (serverChannelMaxIdleTimeSeconds 0) only the scan drops it.
    const noIdle = resolveConfig({ ...config, serverChannelMaxIdleTimeMs: 0 });
    expect(narrate(fault('powerOffBroker'), 'en', { config: noIdle })).toContain('nobody is told, and the NameServers keep it until their scan (every 7\u00a0s) finds its last registration older than 90\u00a0s (expired). ');
    expect(narrate(fault('powerOffBroker'), 'en', { config })).not.toContain('until their scan.');
    expect(narrate(fault('powerOffBroker'), 'zh', { config })).toContain('建连没有应答，connectTimeoutMillis 后失败（connectTimeout）');
  });

  it('says which call timed out and closed its channel, what that failed, and what comes next (channel.closed), in both languages', () => {
    const close = sample('channel.closed');
    expect(narrate(close, 'en', { config })).toBe('c-1\'s heartbeat (HEART_BEAT) to broker-b/0 got no answer within 3\u00a0s. A synchronous call that times out closes its connection '
      + '(NettyRemotingClient, clientCloseSocketIfTimeout), and the 2 other requests waiting on it (2 long-polling pulls) fail at once (channelClosed). The next call to broker-b/0 must connect anew: '
      + 'a connect that gets no answer fails after connectTimeoutMillis (3\u00a0s). Unless the network swallows it, broker-b/0 sees the close too, as if c-1 had gone.');
    expect(narrate(close, 'zh', { config })).toBe('c-1 发往 broker-b/0 的心跳（HEART_BEAT）在 3\u00a0秒内没有收到应答。同步调用超时会关闭它所在的连接（NettyRemotingClient，clientCloseSocketIfTimeout），'
      + '连接上等待的另外 2 个请求（2 次长轮询拉取）随之立即失败（channelClosed）。下一次调用 broker-b/0 必须重新建连：建连若没有应答，connectTimeoutMillis（3\u00a0秒）后失败。只要网络没有吞掉它，broker-b/0 也会看到连接关闭，就像 c-1 已经离开。');
    // Across a partition the close goes nowhere: the broker keeps its side open.
    const cutOff = { config, brokerNow: (node: string) => (node === 'broker-b/0' ? 'cutOff' as const : 'running' as const) };
    expect(narrate(close, 'en', cutOff)).toContain('(3\u00a0s). The partition swallows the close too: broker-b/0 does not see it while the partition lasts (TCP sends the FIN again, so it may after a heal); otherwise it keeps its side until the connection has been idle too long.');
    expect(narrate(close, 'zh', cutOff)).toContain('网络分区把关闭也吞掉了：分区期间 broker-b/0 看不到它');
    // A host without power (or a dead process) sees nothing at all.
    const down = { config, brokerNow: (node: string) => (node === 'broker-b/0' ? 'down' as const : 'running' as const) };
    expect(narrate(close, 'en', down)).toContain('(3\u00a0s). broker-b/0 is down and sees nothing.');
    expect(narrate(close, 'zh', down)).toContain('broker-b/0 已停止，什么也看不到。');
    const registration = { ...close, from: 'broker-b/0', to: 'ns-1', code: 'REGISTER_BROKER', waitedMs: 24_000, failed: {} } as TraceEvent;
    expect(narrate(registration, 'en', { config })).toContain('broker-b/0\'s registration, the broker\'s heartbeat to a NameServer (REGISTER_BROKER) to ns-1 got no answer within 24\u00a0s. A synchronous call that times out closes its connection (NettyRemotingClient, clientCloseSocketIfTimeout). The next call');
    expect(describeEvent(close, 'en', { config })).toBe('c-1\'s HEART_BEAT call to broker-b/0 timed out after 3\u00a0s: c-1 closed the connection, failing 2 more waiting on it (2 PULL_MESSAGE; channelClosed)');
    expect(describeEvent(close, 'zh', { config })).toBe('c-1 发往 broker-b/0 的 HEART_BEAT 调用等了 3\u00a0秒超时：c-1 关闭了这条连接，连接上等待的另外 2 个请求随之失败（2 PULL_MESSAGE；channelClosed）');
  });

  it('names the node that registered or removed a client: a consumer heartbeats the slaves too', () => {
    const onSlave = { ...sample('consumer.registered'), brokerId: 1 } as TraceEvent;
    expect(describeEvent(onSlave, 'en', { config })).toBe('broker-a/1 registered c-1 in CG');
    expect(describeEvent(onSlave, 'zh', { config })).toBe('broker-a/1 登记了 CG 中的 c-1');
    expect(describeEvent(sample('consumer.registered'), 'en', { config })).toBe('broker-a/0 registered c-1 in CG');
    expect(describeEvent(sample('producer.removed'), 'en', { config })).toMatch(/^broker-a\/0 removed producer p-1 from PG: /);
  });

  it('says consumers heartbeat the slaves too only in a run that has slaves', () => {
    const registered = sample('consumer.registered');
    expect(narrate(registered, 'en', { config, hasSlaves: true })).toContain('consumers heartbeat every broker, slaves too, every 30\u00a0s');
    expect(narrate(registered, 'en', { config, hasSlaves: false })).toContain('consumers heartbeat every broker every 30\u00a0s');
    expect(narrate(registered, 'zh', { config, hasSlaves: false })).not.toContain('Slave');
    expect(narrate(sample('client.heartbeat'), 'en', { config, hasSlaves: false })).toContain('a consumer every broker with its subscriptions');
  });

  it('says a consumed message was read from a slave when its brokerId is not the master\'s, in the caption and the log', () => {
    const fromSlave = { ...sample('message.consumed'), brokerId: 1 } as TraceEvent;
    expect(narrate(sample('message.consumed'), 'en', { config })).not.toContain('slave');
    expect(narrate(fromSlave, 'en', { config })).toContain('consumed the message at position 7 of broker-a queue 1, read from the slave broker-a/1: its route has no master for broker-a.');
    expect(narrate(fromSlave, 'zh', { config })).toContain('是从 Slave broker-a/1 读取的：它的路由里没有 broker-a 的 Master');
    expect(describeEvent(fromSlave, 'en', { config })).toBe('c-1 (CG) consumed ID1 from TopicTest broker-a:1 offset 7, read from broker-a/1');
    expect(describeEvent(fromSlave, 'zh', { config })).toBe('c-1（CG）从 broker-a/1 消费了 TopicTest broker-a:1 位点 7 的消息 ID1');
    expect(describeEvent(sample('message.consumed'), 'en', { config })).toBe('c-1 (CG) consumed ID1 from TopicTest broker-a:1 offset 7');
  });

  it('uses the run\'s configured periods, never the defaults, in every sentence that names one', () => {
    expect(narrate(sample('broker.removed'), 'en', { config })).toContain('no heartbeat for 90\u00a0s; its scan runs every 7\u00a0s');
    expect(narrate(sample('broker.removed'), 'en', { config })).toContain('every 20\u00a0s');
    expect(narrate(sample('route.updated'), 'en', { config })).toContain('It pulls again in 20\u00a0s');
    expect(narrate(sample('consume.failed'), 'en', { config })).toContain('it has used its retries (maxReconsumeTimes 3), so it goes to the dead letter queue %DLQ%CG');
    expect(narrate(sample('send.result'), 'en', { config })).toContain('within 2\u00a0s');
    expect(narrate(sample('offset.committed'), 'en', { config })).toContain('every 4\u00a0s');
    expect(narrate(sample('rebalance'), 'zh', { config })).toContain('每 15\u00a0秒');
    expect(narrate(sample('consumer.removed'), 'en', { config })).toContain('no heartbeat for 100\u00a0s');
    // ProducerManager's CHANNEL_EXPIRED_TIMEOUT is a constant; every other period is configurable.
    for (const event of SAMPLES.filter((e) => !e.type.startsWith('producer.'))) expect(narrate(event, 'en', { config })).not.toContain('120\u00a0s');
  });

  it('says the group is told of a consumer removed with its channel, and not of one the scan expired (ConsumerManager raises no CHANGE for an expiry)', () => {
    const expired = sample('consumer.removed');
    const closed = { ...expired, reason: 'channelClosed' } as TraceEvent;
    expect(narrate(expired, 'en', { config })).toContain('Nobody is told (the scan\'s expiry sends no NOTIFY_CONSUMER_IDS_CHANGED): the rest of the group takes over its queues at its next periodic rebalance, within 15\u00a0s.');
    expect(narrate(expired, 'zh', { config })).toContain('不会通知任何人');
    expect(narrate(closed, 'en', { config })).toContain('The broker tells the rest of the group (NOTIFY_CONSUMER_IDS_CHANGED), which rebalances at once');
    expect(narrate(closed, 'zh', { config })).toContain('立即重新负载均衡');
  });

  it('says an attempt that timed out leaves no time for another (the attempt waited for the rest of sendMsgTimeout); another failure is retried while attempts remain', () => {
    const timedOut = sample('send.failed');
    expect(narrate(timedOut, 'en', { config })).toContain(`Waiting took the rest of sendMsgTimeout (${config.sendMsgTimeoutMs / 1_000}\u00a0s): no time is left to try again.`);
    expect(narrate(timedOut, 'zh', { config })).toContain('没有时间再尝试');
    const refused: TraceEvent = { ...timedOut, reason: 'connectRefused' } as TraceEvent;
    expect(narrate(refused, 'en', { config })).toContain(`The producer tries again, on another broker when it can, if sendMsgTimeout (${config.sendMsgTimeoutMs / 1_000}\u00a0s) has time left.`);
    // A connect that got no answer, and a closed connection, say what happened to the channel first.
    const connect = narrate({ ...timedOut, reason: 'connectTimeout' } as TraceEvent, 'en', { config });
    expect(connect).toContain('the connect got no answer within connectTimeoutMillis; a send made while it was under way waited for the same connect. The producer tries again');
    expect(narrate({ ...timedOut, reason: 'channelClosed' } as TraceEvent, 'zh', { config })).toContain('请求还在连接上时连接关闭了');
    expect(narrate(timedOut, 'en', { config })).toContain('The timeout also closed the connection (clientCloseSocketIfTimeout)');
    // An ASYNC send's timeout is the response table's scan (NettyRemotingAbstract.scanResponseTable): it closes nothing.
    const asyncTimeout = narrate(timedOut, 'en', { config, sendMode: () => 'ASYNC' });
    expect(asyncTimeout).toContain('scanResponseTable failed it a second past its timeout, and that closes nothing');
    expect(asyncTimeout).not.toContain('closed the connection');
    expect(narrate(timedOut, 'zh', { config, sendMode: () => 'ASYNC' })).toContain('这不会关闭连接');
    expect(narrate({ ...refused, attempt: 3 } as TraceEvent, 'en', { config })).toContain('No attempt is left.');
    // An error answer is retried only for retryResponseCodes: INVALID_PARAMETER (a queue id a shrink removed) is not.
    const invalid = { ...timedOut, reason: 'INVALID_PARAMETER' } as TraceEvent;
    expect(narrate(invalid, 'en', { config })).toContain('The producer does not try again after INVALID_PARAMETER, which is not one of its retryResponseCodes');
    expect(narrate(invalid, 'en', { config })).not.toContain('tries again, on another broker');
    expect(narrate(invalid, 'zh', { config })).toContain('INVALID_PARAMETER 不在生产者的 retryResponseCodes 中，所以不会重试');
    expect(narrate({ ...timedOut, reason: 'SYSTEM_ERROR' } as TraceEvent, 'en', { config })).toContain('The producer tries again');
  });

  it('says a producer channel expires after ProducerManager\'s fixed 120\u00a0s, whatever channelExpiredTimeout is', () => {
    expect(narrate(sample('producer.removed'), 'en', { config })).toContain('no heartbeat for 120\u00a0s');
    expect(narrate(sample('producer.removed'), 'zh', { config })).toContain('120\u00a0秒内没有心跳');
    expect(narrate(sample('producer.registered'), 'en', { config })).toContain('every 30\u00a0s');
  });

  it('says a route pull answered with the same route is unchanged, with the run\'s pull period, and a NameServer without the topic says TOPIC_NOT_EXIST', () => {
    const pulled = sample('route.pulled');
    const slow = resolveConfig({ pollNameServerIntervalMs: 45_000 });
    expect(narrate(pulled, 'en', { config: slow })).toContain('p-1 pulled the route of TopicTest from ns-1 (GET_ROUTEINFO_BY_TOPIC, route discovery): unchanged. A client pulls each of its topics\' routes every 45\u00a0s');
    expect(narrate(pulled, 'zh', { config: slow })).toContain('没有变化。客户端每 45\u00a0秒拉取一次');
    expect(narrate({ ...pulled, changed: true } as TraceEvent, 'en', { config })).toContain('it changed, so the client rebuilds its queue lists');
    expect(narrate({ ...pulled, found: false } as TraceEvent, 'en', { config })).toContain('the NameServer knows no such topic (TOPIC_NOT_EXIST)');
  });

  it('says a 4.x route call that went past an unanswered NameServer reached the next with its timeout spent, and names the ones a call went past', () => {
    const failed = { ...sample('route.failed'), nameServer: 'ns-2', reason: 'timeout', passed: ['ns-1'] } as TraceEvent;
    expect(narrate(failed, 'en', { config })).toContain('p-1 could not get the route of TopicTest from ns-2 (timeout) after going past ns-1 in the same call: RocketMQ 4.x waited out ns-1\'s unanswered connect (3\u00a0s) before trying ns-2, which answered with the call\'s 3\u00a0s already spent');
    expect(narrate(failed, 'zh', { config })).toContain('此前同一次调用已越过 ns-1：RocketMQ 4.x 先等满 ns-1 无应答的连接（3\u00a0秒）');
    const refused = { ...failed, reason: 'connectRefused' } as TraceEvent;
    expect(narrate(refused, 'en', { config })).toContain('(connectRefused) after going past ns-1 in the same call; it keeps its cached route');
    expect(narrate(sample('route.failed'), 'en', { config })).not.toContain('going past');
    expect(describeEvent(failed, 'en', { config })).toBe('p-1 could not get the route of TopicTest from ns-2: timeout (no answer in time), after the same call went past ns-1');
    expect(describeEvent(failed, 'zh', { config })).toContain('（同一次调用先越过了 ns-1）');
  });

  it('says a message stored at or above readQueueNums will never be pulled', () => {
    const stored = sample('message.stored');
    expect(narrate(stored, 'en', { config, readQueueNums: () => 4 })).toContain('Queue 5 is at or above readQueueNums (4): no consumer pulls it until readQueueNums is raised.');
    expect(narrate(stored, 'en', { config, readQueueNums: () => 8 })).toContain('It can now be pulled.');
  });

  // The event log and the lessons name a queue "TopicTest queue 5" (「TopicTest 队列 5」): the caption of
  // the same store says it the same way, not "#5", which read as another kind of id beside them.
  it('names the ConsumeQueue a stored message went to by its topic and queue, as the log and the lessons do', () => {
    const stored = sample('message.stored');
    expect(narrate(stored, 'en', { config })).toContain('and to the ConsumeQueue of TopicTest queue 5 at position 3.');
    expect(narrate(stored, 'zh', { config })).toContain('并写入 TopicTest 队列 5 的 ConsumeQueue，位点 3。');
    for (const language of ['en', 'zh'] as const) expect(narrate(stored, language, { config })).not.toContain('#5');
  });
});

describe('the caption of an offset of a BROADCASTING consumer (LocalFileOffsetStore): its own local file, never a broker', () => {
  const scenario = scenarioOf(consumersChapter as ScenarioJson);
  const timeline = new Timeline(scenario);
  timeline.seek(20_000);
  const trace = timeline.traceSlice(0);
  const first = (type: 'offset.committed' | 'message.consumed', group: string) => trace.find((event) => event.type === type && event.group === group)!;
  const context = contextAt(scenario.config, timeline.state);

  it('says CG_AUDIT\'s offset (b-1) is written to the consumer\'s own file, with the run\'s period, in English and Chinese', () => {
    const committed = first('offset.committed', 'CG_AUDIT');
    expect(committed).toMatchObject({ consumer: 'b-1', group: 'CG_AUDIT' });
    const en = narrate(committed, 'en', context);
    expect(en).toContain('to its own local file (LocalFileOffsetStore, ~/.rocketmq_offsets/<clientId>/CG_AUDIT/offsets.json)');
    expect(en).toContain('every 5\u00a0s');
    expect(en).not.toMatch(/to the broker|committed|resumes/);
    const zh = narrate(committed, 'zh', context);
    expect(zh).toContain('写入了自己的本地文件（LocalFileOffsetStore');
    expect(zh).not.toMatch(/Broker|提交/);
    const consumed = first('message.consumed', 'CG_AUDIT');
    expect(narrate(consumed, 'en', context)).toContain('Its offset goes to the consumer\'s own local file (LocalFileOffsetStore) at the next round (every 5\u00a0s)');
    expect(narrate(consumed, 'en', context)).not.toContain('reaches the broker');
    expect(narrate(consumed, 'zh', context)).toContain('写入消费者自己的本地文件（LocalFileOffsetStore）');
    expect(narrate(consumed, 'zh', context)).not.toContain('到达 Broker');
  });

  it('still says a CLUSTERING group\'s offset (CG_ORDER) reaches the broker', () => {
    expect(narrate(first('offset.committed', 'CG_ORDER'), 'en', context)).toContain('each pull also carries the offset to the broker');
    expect(narrate(first('offset.committed', 'CG_ORDER'), 'zh', context)).toContain('每次拉取请求也会把位点带给 Broker');
    expect(narrate(first('message.consumed', 'CG_ORDER'), 'zh', context)).toContain('到达 Broker');
  });

  it('says so in the event log too: written to a local file for b-1, committed for a clustering consumer', () => {
    const local = localOffsetConsumers(scenario);
    expect([...local].sort()).toEqual(['b-1', 'b-2']);
    const committed = first('offset.committed', 'CG_AUDIT');
    expect(describeEvent(committed, 'en', { config: scenario.config, localOffsets: local })).toMatch(/^b-1 wrote offset \d+ of TopicTest broker-\w:\d for CG_AUDIT to its own local file \(LocalFileOffsetStore\)$/);
    expect(describeEvent(committed, 'zh', { config: scenario.config, localOffsets: local })).toMatch(/^b-1 把 CG_AUDIT 在 TopicTest broker-\w:\d 的位点 \d+ 写入了自己的本地文件（LocalFileOffsetStore）$/);
    expect(describeEvent(first('offset.committed', 'CG_ORDER'), 'zh', { config: scenario.config, localOffsets: local })).toContain('提交了');
  });
});

describe('the caption of a send that ended FAILED', () => {
  const failed: TraceEvent = { t: 75_000, type: 'send.result', producer: 'p-1', msgId: 'ID9', status: 'FAILED' };
  const say = (language: 'en' | 'zh', attempts: number | undefined, queues: number, lastReason: SendFailedReason | null = null, sendMode: SendMode = 'SYNC', retries = config) =>
    narrate(failed, language, { config: retries, sendAttempts: () => (attempts === undefined ? undefined : { count: attempts, lastReason }), publishQueues: () => queues, sendMode: () => sendMode });

  it('says why: no queue in the route, the timeout spent waiting for the route, or the attempts that failed', () => {
    expect(say('en', 0, 0)).toContain('"No route info of this topic" without trying any broker');
    expect(say('en', 0, 8)).toContain('took the whole sendMsgTimeout (3\u00a0s), so send() throws a timeout without trying any broker');
    expect(say('en', 1, 8)).toContain('its one attempt failed');
    expect(say('en', 3, 8)).toContain('all 3 of its attempts failed');
    expect(say('en', undefined, 8)).toContain('no attempt succeeded');
    expect(say('zh', 0, 0)).toContain('No route info of this topic');
    expect(say('zh', 0, 8)).toContain('sendMsgTimeout（3\u00a0秒）');
    expect(say('zh', 3, 8)).toContain('3 次尝试全部失败');
  });

  it('says why no attempt followed the last when the producer had attempts left (1 + retryTimesWhenSendFailed = 3)', () => {
    expect(say('en', 3, 8, 'timeout')).toContain('all 3 of its attempts failed, so the send throws');
    // A timeout waits out the rest of the budget (sendDefaultImpl gives each attempt what is left of sendMsgTimeout).
    expect(say('en', 1, 8, 'timeout')).toContain('its first attempt of 3 timed out, which spent what was left of sendMsgTimeout (3\u00a0s): no time for another, so the send throws to the application');
    expect(say('zh', 1, 8, 'timeout')).toContain('第 1 次尝试（最多 3 次）超时，用完了 sendMsgTimeout（3\u00a0秒）剩余的时间：没有时间再试，发送向应用抛出异常');
    // A connect that got no answer fails at connectTimeoutMillis, 3\u00a0s: as long as the whole budget.
    expect(say('en', 2, 8, 'connectTimeout')).toContain('attempt 2 of 3 failed (connectTimeout) when sendMsgTimeout (3\u00a0s) had no time left for another');
    expect(say('zh', 2, 8, 'connectTimeout')).toContain('第 2 次尝试（最多 3 次）失败（connectTimeout），此时 sendMsgTimeout（3\u00a0秒）已没有剩余时间再试');
    // An answer outside retryResponseCodes ends the send at once.
    expect(say('en', 1, 8, 'INVALID_PARAMETER')).toContain('its first attempt of 3 was answered INVALID_PARAMETER, which the producer does not retry (not one of its retryResponseCodes)');
    expect(say('zh', 1, 8, 'INVALID_PARAMETER')).toContain('收到 INVALID_PARAMETER，它不在生产者的 retryResponseCodes 中，不会重试');
    expect(say('en', 1, 0, 'channelClosed')).toContain('its first attempt of 3 failed (channelClosed) and its route offered no other queue');
    // An ASYNC send counts retryTimesWhenSendAsyncFailed: with none, its one attempt is all it may make.
    expect(say('en', 1, 8, 'timeout', 'ASYNC', { ...config, retryTimesWhenSendAsyncFailed: 0 })).toContain('its one attempt failed, so the send throws');
    expect(say('en', 1, 8, 'timeout', 'ASYNC', { ...config, retryTimesWhenSendFailed: 0 })).toContain('its first attempt of 3 timed out');
  });

  it('names the retries setting of the send\'s mode when it retries: retryTimesWhenSendAsyncFailed for an ASYNC producer', () => {
    const retried: TraceEvent = { t: 75_000, type: 'message.sent', producer: 'p-1', msgId: 'ID9', topic: 'T', tags: '', keys: '', broker: 'broker-b', queueId: 1, attempt: 2 };
    const async = { ...config, retryTimesWhenSendAsyncFailed: 4 };
    expect(narrate(retried, 'en', { config: async, sendMode: () => 'ASYNC' })).toContain('attempt 2 of at most 5 (retryTimesWhenSendAsyncFailed 4) goes to broker-b queue 1');
    expect(narrate(retried, 'zh', { config: async, sendMode: () => 'ASYNC' })).toContain('第 2 次尝试（最多 5 次，retryTimesWhenSendAsyncFailed 4）');
    expect(narrate(retried, 'en', { config: async, sendMode: () => 'SYNC' })).toContain('attempt 2 of at most 3 (retryTimesWhenSendFailed 2)');
  });

  it('names a producer with no NameServer address, read from the state as a caption is made', () => {
    const context = (names: string[]) => ({ config, sendAttempts: () => ({ count: 0, lastReason: null }), publishQueues: () => 0, nameServerAddrs: () => names.length });
    expect(narrate(failed, 'en', context([]))).toContain('it has no NameServer address (namesrvAddr) to ask for a route, so send() throws "No name server address, please set it." without trying any broker');
    expect(narrate(failed, 'zh', context([]))).toContain('它没有任何 NameServer 地址（namesrvAddr）可以询问路由');
    expect(narrate(failed, 'en', context(['10.0.0.1:9876']))).toContain('No route info of this topic');
    const result = validateScenario({ version: 1, brokers: [{ name: 'broker-a' }], topics: [{ name: 'T' }], producers: [{ id: 'p-1', group: 'PG', topic: 'T' }] });
    if (!result.ok) throw new Error('invalid');
    const timeline = new Timeline(result.scenario);
    timeline.seek(5_000);
    const last = timeline.traceSlice(0).filter((event) => event.type === 'send.result').at(-1)!;
    expect(narrate(last, 'en', contextAt(result.scenario.config, timeline.state, undefined, timeline))).toContain('No name server address');
  });

  it('counts a send\'s attempts from the trace before its result, as the whole trace does (masters crashed: sends with no master left)', () => {
    const result = validateScenario(masterCrashScenario());
    if (!result.ok) throw new Error('invalid');
    const trace = simulate(result.scenario).trace;
    const failures = trace.filter((event) => event.type === 'send.result' && event.status === 'FAILED');
    const attemptsOf = (msgId: string) => trace.filter((event) => event.type === 'message.sent' && event.msgId === msgId).length;
    const withAttempts = failures.find((event) => event.type === 'send.result' && attemptsOf(event.msgId) > 0);
    const without = failures.filter((event) => event.type === 'send.result' && attemptsOf(event.msgId) === 0);
    // What the Summary counts: failed messages far beyond failed attempts, because most never made one.
    expect(withAttempts).toBeDefined();
    expect(without.length).toBeGreaterThan(1_000);
    const timeline = new Timeline(result.scenario);
    for (const event of [withAttempts!, without[0]!, without.at(-1)!]) {
      if (event.type !== 'send.result') continue;
      timeline.seek(event.t);
      const context = contextAt(result.scenario.config, timeline.state, undefined, timeline);
      expect(context.sendAttempts!(event.msgId)?.count, event.msgId).toBe(attemptsOf(event.msgId));
    }
    const last = without.at(-1)!;
    expect(narrate(last, 'en', contextAt(result.scenario.config, timeline.state, undefined, timeline))).toContain('No route info of this topic');
  });

  it('finds an ASYNC send\'s attempt that scanResponseTable ended a second past its timeout, 4\u00a0s after it was sent (send-modes-partition at 0:34)', () => {
    const timeline = libraryTimeline('send-modes-partition', 34_000);
    const trace = timeline.traceSlice(0);
    const result = trace.find((e) => e.type === 'send.result' && e.producer === 'p-async' && e.status === 'FAILED')!;
    const sent = trace.find((e) => e.type === 'message.sent' && 'msgId' in e && e.msgId === (result as { msgId: string }).msgId)!;
    // Sent at 0:30 into the partition, failed by the scan at 0:34: sendMsgTimeout 3\u00a0s, then the scan's 1\u00a0s margin.
    expect([sent.t, result.t]).toEqual([30_000, 34_000]);
    const upTo = trace.indexOf(result) + 1;
    const context = contextAt(timeline.state.config, timeline.state, undefined, { traceStart: 0, traceLength: upTo, traceSlice: (from, to = upTo) => trace.slice(from, Math.min(to, upTo)) });
    expect(context.sendAttempts!((result as { msgId: string }).msgId)).toEqual({ count: 1, lastReason: 'timeout' });
    expect(narrate(result, 'en', context)).toContain('its first attempt of 3 timed out, which spent what was left of sendMsgTimeout (3\u00a0s): no time for another');
  });

  it('says a broker without power sees no close, and a registration that timed out inside a partition is not seen by its NameServer (power-loss-flush at 1:04, partition-idle-vs-scan at 2:11)', () => {
    const captionOf = (id: string, t: number, from: string) => {
      const timeline = libraryTimeline(id, t);
      const close = timeline.traceSlice(0).find((e) => e.type === 'channel.closed' && e.t === t && e.from === from)!;
      return narrate(close, 'en', contextAt(timeline.state.config, timeline.state));
    };
    expect(captionOf('power-loss-flush', 64_000, 'c-1')).toContain('c-1\'s heartbeat (HEART_BEAT) to broker-a/0 got no answer within 3\u00a0s.');
    expect(captionOf('power-loss-flush', 64_000, 'c-1')).toContain('broker-a/0 is down and sees nothing.');
    expect(captionOf('partition-idle-vs-scan', 131_000, 'broker-b/0')).toContain('The partition swallows the close too: ns-1 does not see it');
  });

  it('says nothing it cannot see: the trace held starts after the send began', () => {
    const events: TraceEvent[] = [
      { t: 74_000, type: 'message.sent', producer: 'p-1', msgId: 'ID9', topic: 'T', tags: '', keys: '', broker: 'broker-a', queueId: 0, attempt: 1 },
      failed,
    ];
    const tail = (start: number) => ({ traceStart: start, traceLength: events.length, traceSlice: (from: number, to = events.length) => events.slice(Math.max(from, start), to) });
    const state = new Timeline(writeReadScenario()).state;
    expect(contextAt(config, state, undefined, tail(0)).sendAttempts!('ID9')).toEqual({ count: 1, lastReason: null });
    expect(contextAt(config, state, undefined, tail(1)).sendAttempts!('ID9')).toBeUndefined();
  });

  it('says a producer took TBW102\'s route for a topic the NameServer does not know, not that it pulled the topic\'s', () => {
    const borrowed = { t: 41_006, type: 'route.updated', client: 'p-2', topic: 'NewTopic', writeQueues: ['broker-a:0', 'broker-a:1', 'broker-a:2', 'broker-a:3'], readQueues: ['broker-a:0', 'broker-a:1', 'broker-a:2', 'broker-a:3'], nameServer: 'ns-2', fromTopic: 'TBW102' } satisfies TraceEvent;
    expect(narrate(borrowed, 'en', { config })).toBe('ns-2 has no route for NewTopic, so p-2 took TBW102\'s route in its place, at most 4 queues on each broker (defaultTopicQueueNums): 4 queues to write. The first message a broker receives for NewTopic creates it there.');
    expect(narrate(borrowed, 'zh', { config })).toContain('ns-2 上没有 NewTopic 的路由，于是 p-2 借用 TBW102 的路由代替它');
    expect(describeEvent(borrowed, 'en', { config })).toBe('p-2 got the route of NewTopic from ns-2 (TBW102\'s, which stands in for it): 4 write / 4 read queues (broker-a 4 / 4)');
  });

  it('counts a route\'s queues per broker where it spans more than one, so a total is not read as one broker\'s (auto-create-topic: 4 + 4, not TBW102\'s 8)', () => {
    const queues = ['broker-a:0', 'broker-a:1', 'broker-a:2', 'broker-a:3', 'broker-b:0', 'broker-b:1', 'broker-b:2', 'broker-b:3'];
    const both = { t: 2_007, type: 'route.updated', client: 'p-1', topic: 'NewTopic', writeQueues: queues, readQueues: queues.slice(0, 6), nameServer: 'ns-2', fromTopic: 'TBW102' } satisfies TraceEvent;
    expect(describeEvent(both, 'en', { config })).toBe('p-1 got the route of NewTopic from ns-2 (TBW102\'s, which stands in for it): 8 write / 6 read queues (broker-a 4 / 4, broker-b 4 / 2)');
    expect(describeEvent(both, 'zh', { config })).toBe('p-1 从 ns-2 获取了 NewTopic 的路由（借用 TBW102 的路由代替）：8 个可写队列 / 6 个可读队列（broker-a 4 / 4，broker-b 4 / 2）');
  });

  it('counts one queue in the singular (a %RETRY% topic\'s route: 1 queue to write, 1 to read)', () => {
    const one = { t: 23_002, type: 'route.updated', client: 'c-1', topic: '%RETRY%CG_ORDER', writeQueues: ['broker-a:0'], readQueues: ['broker-a:0'], nameServer: 'ns-1', fromTopic: '%RETRY%CG_ORDER' } satisfies TraceEvent;
    expect(narrate(one, 'en', { config })).toBe('c-1 pulled the route of %RETRY%CG_ORDER from ns-1: 1 queue to write, 1 to read. It pulls again in 20\u00a0s.');
    expect(narrate(one, 'zh', { config })).toBe('c-1 从 ns-1 拉取了 %RETRY%CG_ORDER 的路由（路由发现）：可写 1 个队列，可读 1 个。20\u00a0秒后再次拉取。');
    expect(describeEvent(one, 'en', { config })).toBe('c-1 got the route of %RETRY%CG_ORDER from ns-1: 1 write / 1 read queue (broker-a 1 / 1)');
    const borrowed = { ...one, topic: 'NewTopic', fromTopic: 'TBW102' };
    expect(narrate(borrowed, 'en', { config })).toContain(': 1 queue to write. ');
    expect(spokenNews(one, 'en', eventContextOf(null))).toBe('c-1\'s route of %RETRY%CG_ORDER changed: 1 write, 1 read queue');
  });

  it('says a producer without a route asks a NameServer at its next send, and names every master a cluster-mode updateTopic created the topic on (create-topic-cluster at 0:20)', () => {
    const timeline = libraryTimeline('create-topic-cluster', 20_000);
    const created = timeline.traceSlice(0).filter((e) => e.type === 'topic.updated' && e.topic === 'TopicOrder');
    expect(created.map((e) => e.t)).toEqual([20_000, 20_000]);
    // p-1 sends from 0:20, long before its 30 s route pull at 0:31: it asked at its next send.
    const firstSend = libraryTimeline('create-topic-cluster', 21_000).traceSlice(0).find((e) => e.type === 'message.sent');
    expect(firstSend?.t).toBeLessThan(21_000);
    const context = contextAt(timeline.scenario.config, timeline.state, undefined, timeline);
    for (const event of created) {
      const en = narrate(event, 'en', context);
      expect(en).toMatch(/^broker-a and broker-b created TopicOrder: 8 write queues, 8 read queues/);
      // c-1 and c-2 knew no broker of TopicOrder: their rebalance of 0:22 asked for its route (findConsumerIdList).
      expect(en).toContain('A producer with no route for TopicOrder asks a NameServer for it at its next send (DefaultMQProducerImpl.tryToFindTopicPublishInfo), a consumer at its next rebalance (every 20\u00a0s); clients that already have a route see the change at their next route pull (every 30\u00a0s).');
      const zh = narrate(event, 'zh', context);
      expect(zh).toMatch(/^broker-a 和 broker-b 创建了主题 TopicOrder：写队列 8 个、读队列 8 个/);
      expect(zh).toContain('还没有 TopicOrder 路由的生产者在下一次发送时就向 NameServer 查询（DefaultMQProducerImpl.tryToFindTopicPublishInfo），消费者在下一次负载均衡时查询（每 20\u00a0秒）；已有路由的客户端在下一次拉取路由时看到变化（每 30\u00a0秒）。');
    }
    // In broker mode the one broker is named alone.
    const one = libraryTimeline('create-topic-broker', 30_000);
    const alone = one.traceSlice(0).find((e) => e.type === 'topic.updated' && e.created && !e.auto)!;
    expect(narrate(alone, 'en', contextAt(one.scenario.config, one.state, undefined, one))).toMatch(new RegExp(`^${(alone as { broker: string }).broker} created `));
  });

  it('says a consumer with no route for an auto-created topic asks at its next rebalance (auto-create-topic: created at 0:02, c-1 and c-2 have its route at 0:21, their first rebalance, before their 0:31 route pull)', () => {
    const timeline = libraryTimeline('auto-create-topic', 3_000);
    const created = timeline.traceSlice(0).find((e) => e.type === 'topic.updated' && e.topic === 'NewTopic')!;
    const context = contextAt(timeline.scenario.config, timeline.state, undefined, timeline);
    expect(narrate(created, 'en', context)).toContain('Clients see it at their next route pull (every 30\u00a0s); a consumer with no route for NewTopic asks at its next rebalance (every 20\u00a0s).');
    expect(narrate(created, 'zh', context)).toContain('客户端在下一次拉取路由时看到变化（每 30\u00a0秒）；还没有 NewTopic 路由的消费者在下一次负载均衡时查询（每 20\u00a0秒）。');
    // RebalanceService's first run, waitInterval (20 s) after the consumers start at 1 s: their start woke none, having
    // no broker to heartbeat (DefaultMQPushConsumerImpl.start, 5.x).
    const later = libraryTimeline('auto-create-topic', 30_000).traceSlice(0);
    for (const client of ['c-1', 'c-2']) {
      expect(Math.floor(later.find((e) => e.type === 'route.updated' && e.client === client && e.topic === 'NewTopic')!.t / 1_000)).toBe(21);
    }
  });

  it('says a send went to a broker whose master is down, not that it is an ordinary send (crash-partition-shutdown: broker-a crashes at 1:00)', () => {
    const timeline = libraryTimeline('crash-partition-shutdown', 61_000);
    const index = timeline.traceSlice(0).findIndex((e) => e.type === 'message.sent' && e.broker === 'broker-a' && e.t > 60_000);
    expect(index).toBeGreaterThan(0);
    const sent = timeline.traceAt(index)!;
    const atSend = libraryTimeline('crash-partition-shutdown', sent.t);
    const context = contextAt(atSend.scenario.config, atSend.state);
    expect(narrate(sent, 'en', context)).toContain('But broker-a\'s master is down: its process stopped while its host is up, which refuses the connect at once (connectRefused). '
      + 'The attempt fails and the producer tries again, on another broker when it can, if sendMsgTimeout (3\u00a0s) has time left. Its cached route lists broker-a until a route pull (every 30\u00a0s) answers with a route without it');
    expect(narrate(sent, 'zh', context)).toContain('但 broker-a 的 Master 已宕机');
    // Before the crash the same kind of send is an ordinary one.
    const before = timeline.traceSlice(0).findLast((e) => e.type === 'message.sent' && e.broker === 'broker-a' && e.t < 60_000)!;
    const atBefore = libraryTimeline('crash-partition-shutdown', before.t);
    expect(narrate(before, 'en', contextAt(atBefore.scenario.config, atBefore.state))).not.toContain('is down');
  });

  it('says a send to a master without power waits for an answer that never comes and fails without a retry, as the run does (master-loss-sync-async: both masters lose power at 1:00)', () => {
    const id = 'master-loss-sync-async';
    const later = libraryTimeline(id, 70_000).traceSlice(0);
    const sent = later.find((e): e is Extract<TraceEvent, { type: 'message.sent' }> => e.type === 'message.sent' && e.broker === 'broker-a' && e.t === 63_020)!;
    expect(sent).toMatchObject({ attempt: 1 });
    // The run: its one attempt waits for a connect, which fails after connectTimeoutMillis, and the send with it.
    expect(later.filter((e) => 'msgId' in e && e.msgId === sent.msgId && e.type !== 'message.sent').map((e) => [e.t, e.type, 'reason' in e ? e.reason : 'status' in e ? e.status : ''])).toEqual([
      [66_020, 'send.failed', 'connectTimeout'], [66_020, 'send.result', 'FAILED'],
    ]);
    const at = libraryTimeline(id, sent.t);
    const context = contextAt(at.scenario.config, at.state);
    const en = narrate(sent, 'en', context);
    expect(en).toContain('But broker-a\'s master has no power: nothing sent to it is answered, and it refuses and closes nothing. '
      + 'If the producer\'s channel to it is still open (a host without power closes none), the request waits out what is left of sendMsgTimeout (3\u00a0s), unless another call that timed out closes the channel first (channelClosed); '
      + 'with no channel open, it waits for a connect that fails after connectTimeoutMillis (3\u00a0s). '
      + 'sendMsgTimeout is one budget for all of a send\'s attempts (DefaultMQProducerImpl.sendDefaultImpl), and either wait spends it: the send fails without a retry. '
      + 'Only an attempt failed sooner (by a close, or a connect already under way) may go again, on another broker when it can. Its cached route lists broker-a');
    expect(en).not.toContain('tries again');
    expect(en).not.toContain('is down');
    const zh = narrate(sent, 'zh', context);
    expect(zh).toContain('但 broker-a 的 Master 所在机器已断电：发给它的请求都得不到应答，它既不拒绝建连，也不关闭连接。');
    expect(zh).toContain('两种等待都会把它用完：发送失败，不会重试。');
    expect(zh).not.toContain('已宕机');
    // The numbers are the run's: a connect that gives up sooner leaves time for another attempt.
    const quick = contextAt(resolveConfig({ ...at.scenario.config, connectTimeoutMs: 1_000, sendMsgTimeoutMs: 4_000 }), at.state);
    expect(narrate(sent, 'en', quick)).toContain('waits out what is left of sendMsgTimeout (4\u00a0s)');
    expect(narrate(sent, 'en', quick)).toContain('a timeout spends it, so the send fails without a retry; after a failed connect at most 3\u00a0s is left for another attempt, on another broker when it can.');
    expect(narrate(sent, 'zh', quick)).toContain('建连失败后最多还剩 3\u00a0秒，可以再试一次，尽量换一个 Broker。');
  });

  it('says a send to a master cut off by a partition waits out its timeout and fails without a retry, as the run does (crash-partition-shutdown: broker-b is cut off at 1:30)', () => {
    const id = 'crash-partition-shutdown';
    const later = libraryTimeline(id, 100_000).traceSlice(0);
    const sent = later.find((e): e is Extract<TraceEvent, { type: 'message.sent' }> => e.type === 'message.sent' && e.broker === 'broker-b' && e.t >= 90_000)!;
    // p-1's first send there after the cut, within its first second, fails sendMsgTimeout (3 s) later, without a retry.
    expect(sent.t).toBeLessThan(91_000);
    expect(later.filter((e) => 'msgId' in e && e.msgId === sent.msgId).map((e) => [e.t - sent.t, e.type])).toEqual([[0, 'message.sent'], [3_000, 'send.failed'], [3_000, 'send.result']]);
    const at = libraryTimeline(id, sent.t);
    const context = contextAt(at.scenario.config, at.state);
    expect(narrate(sent, 'en', context)).toContain('But broker-b\'s master is cut off by a network partition: nothing sent to it is answered, and it refuses and closes nothing. '
      + 'If the producer\'s channel to it is still open (a partition closes none), the request waits out what is left of sendMsgTimeout (3\u00a0s)');
    expect(narrate(sent, 'en', context)).toContain('either wait spends it: the send fails without a retry.');
    expect(narrate(sent, 'zh', context)).toContain('但 broker-b 的 Master 被网络分区隔离：发给它的请求都得不到应答');
  });
});

describe('the caption of a route query that failed', () => {
  /** One NameServer, down before c-1 starts at 1\u00a0s: the start's route query (10\u00a0ms later) is refused. */
  function startWithoutNameServer(version: '4.x' | '5.x', seekTo = 1_011) {
    const result = validateScenario({
      version: 1, durationMs: 60_000, config: { networkJitterMs: 0, rocketmqVersion: version },
      nameServers: [{ id: 'ns-1' }], brokers: [{ name: 'broker-a' }], topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
      producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', startAt: 1_000 }],
      consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest', startAt: 1_000 }],
      // ns-1 is back before broker-a's second registration (10 s after its start), which it then learns.
      timeline: [{ at: 500, action: 'crashNameServer', target: 'ns-1' }, { at: 5_000, action: 'startNameServer', target: 'ns-1' }],
    });
    if (!result.ok) throw new Error('invalid');
    const timeline = new Timeline(result.scenario);
    timeline.seek(1_011);
    const trace = timeline.traceSlice(0);
    const failed = (client: string) => trace.find((e) => e.type === 'route.failed' && e.client === client)!;
    const caption = (client: string, language: 'en' | 'zh') => narrate(failed(client), language, contextAt(result.scenario.config, timeline.state, undefined, timeline));
    timeline.seek(seekTo);
    return { trace, caption, later: timeline.traceSlice(0) };
  }

  it('promises no retry where the failure ends a 5.x consumer\'s start, which shuts it down (consumer.startFailed)', () => {
    const { trace, caption } = startWithoutNameServer('5.x');
    expect(trace.filter((e) => e.type === 'consumer.startFailed').map((e) => e.type === 'consumer.startFailed' && e.shutdown)).toEqual([true]);
    expect(caption('c-1', 'en')).not.toContain('tries again');
    expect(caption('c-1', 'en')).toContain('RocketMQ 5 shuts the consumer down');
    expect(caption('c-1', 'zh')).not.toContain('后重试');
    expect(caption('c-1', 'zh')).toContain('RocketMQ 5 随即关闭这个消费者');
    // The producer, whose start asks for no route, pulls again at its next round: it has no route yet to keep.
    expect(caption('p-1', 'en')).toContain('it has no route of TopicTest yet, so none to keep, and tries again in 30\u00a0s');
    expect(caption('p-1', 'zh')).toContain('它还没有 TopicTest 的路由，无可保留，30\u00a0秒后重试');
  });

  it('says a 4.x consumer runs on after its start threw, with no route to keep: its first rebalance asks for one, and its next heartbeat gets it queues', () => {
    /** RebalanceService.waitInterval; MQClientInstance's pollNameServerInterval and heartbeatBrokerInterval (the first heartbeat 1 s after the start). */
    const [rebalance, poll, heartbeat, heartbeatFirst, start, hop] = [20_000, 30_000, 30_000, 1_000, 1_000, 1];
    const { trace, caption, later } = startWithoutNameServer('4.x', 60_000);
    expect(trace.filter((e) => e.type === 'consumer.startFailed').map((e) => e.type === 'consumer.startFailed' && e.shutdown)).toEqual([false]);
    const en = caption('c-1', 'en');
    expect(en).not.toContain('cached route');
    expect(en).toContain('so start() throws (IllegalStateException, from MQClientInstance.updateTopicRouteInfoFromNameServer), but RocketMQ 4 has already set the consumer running, with no route of TopicTest yet to keep. It skips the start\'s heartbeat and rebalance.');
    expect(en).toContain(`Its first rebalance, ${rebalance / 1_000}\u00a0s after its start (RebalanceService), finds no broker of TopicTest and asks a NameServer for the route itself (findConsumerIdList), as does its route pull every ${poll / 1_000}\u00a0s`);
    expect(en).toContain(`it takes queues when its first heartbeat after that (every ${heartbeat / 1_000}\u00a0s) reaches a broker, which tells the group of its new member (NOTIFY_CONSUMER_IDS_CHANGED) and so rebalances it at once.`);
    const zh = caption('c-1', 'zh');
    expect(zh).not.toContain('缓存的路由');
    expect(zh).toContain(`启动 ${rebalance / 1_000}\u00a0秒后的第一次负载均衡（RebalanceService）找不到 TopicTest 的 Broker`);
    expect(zh).toContain(`它的下一次心跳（每 ${heartbeat / 1_000}\u00a0秒一次）到达 Broker 时，Broker 通知消费者组有新成员（NOTIFY_CONSUMER_IDS_CHANGED）`);
    // The run does what the caption says: the route comes with the rebalance 20 s after the start, and
    // its next scheduled heartbeat reaches broker-a, whose notification (a hop back) rebalances it at
    // once: GET_CONSUMER_LIST_BY_GROUP there and back, and it holds the four queues.
    const ofC1 = later.filter((e) => ('client' in e && e.client === 'c-1') || ('consumer' in e && e.consumer === 'c-1'));
    expect(ofC1.find((e) => e.type === 'route.updated')?.t).toBe(start + rebalance + 2 * hop);
    const beat = start + heartbeatFirst + heartbeat + hop;
    expect(ofC1.find((e) => e.type === 'client.heartbeat')?.t).toBe(beat);
    expect(ofC1.find((e) => e.type === 'rebalance')).toMatchObject({ t: beat + 3 * hop, queues: ['broker-a:0', 'broker-a:1', 'broker-a:2', 'broker-a:3'] });
  });
});

describe('the caption of a route query that timed out', () => {
  it('says the client tries again at its next route round, what is left of the interval after the query waited out its timeout', () => {
    // p-1 starts at 1 s; its route round runs 10 ms later and every 30 s (MQClientInstance.startScheduledTask). Cut off
    // from its only NameServer at 20 s, the round at 31.010 s waits mqClientApiTimeout (3 s) for an answer.
    const result = validateScenario({
      version: 1, durationMs: 60_000, config: { networkJitterMs: 0 },
      nameServers: [{ id: 'ns-1' }], brokers: [{ name: 'broker-a' }], topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
      producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', startAt: 1_000 }],
      timeline: [{ at: 20_000, action: 'partitionLink', target: 'p-1', peer: 'ns-1' }],
    });
    if (!result.ok) throw new Error('invalid');
    const { config } = result.scenario;
    const round = 1_000 + config.routeRefreshInitialDelayMs + config.pollNameServerIntervalMs;
    const timeline = new Timeline(result.scenario);
    timeline.seek(round + config.mqClientApiTimeoutMs);
    const failed = timeline.traceSlice(0).find((e) => e.type === 'route.failed')!;
    expect(failed).toMatchObject({ t: round + config.mqClientApiTimeoutMs, client: 'p-1', reason: 'timeout' });
    const context = contextAt(config, timeline.state, undefined, timeline);
    const left = (config.pollNameServerIntervalMs - config.mqClientApiTimeoutMs) / 1_000;
    expect(narrate(failed, 'en', context)).toContain(`it keeps its cached route and tries again in ${left}\u00a0s.`);
    expect(narrate(failed, 'zh', context)).toContain(`它继续使用缓存的路由，${left}\u00a0秒后重试。`);
  });
});

describe('the caption of a ONEWAY send to a master without power', () => {
  /** NettyClientConfig.connectTimeoutMillis; DefaultMQProducer.sendMsgTimeout, the heartbeat's timeout too (mqClientApiTimeout). */
  const [connectTimeout, callTimeout, powerOff] = [3_000, 3_000, 40_000];
  /** broker-a loses power at 40 s; p-1 sends ONEWAY over broker-a and broker-b, 5 a second. */
  function onewayIntoPowerLoss(): Timeline {
    const result = validateScenario({
      version: 1, durationMs: 120_000, config: { networkJitterMs: 0 },
      nameServers: [{ id: 'ns-1' }], brokers: [{ name: 'broker-a' }, { name: 'broker-b' }], topics: [{ name: 'TopicTest', writeQueueNums: 2, readQueueNums: 2 }],
      producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 5, sendMode: 'ONEWAY' }],
      timeline: [{ at: powerOff, action: 'powerOffBroker', target: 'broker-a' }],
    });
    if (!result.ok) throw new Error('invalid');
    return new Timeline(result.scenario);
  }
  const lostAt = (trace: readonly TraceEvent[], msgId: string) => trace.find((e) => e.type === 'message.lost' && e.msgId === msgId)?.t;

  it('says the message is lost only when the connect fails, connectTimeoutMillis after the send, where no channel is open (and at once into one still open)', () => {
    const run = onewayIntoPowerLoss();
    run.seek(100_000);
    const trace = run.traceSlice(0);
    const toA = trace.filter((e): e is Extract<TraceEvent, { type: 'message.sent' }> => e.type === 'message.sent' && e.broker === 'broker-a' && e.t > powerOff);
    // Into the channel still open (a host without power closes none) the message is gone at once ...
    expect(lostAt(trace, toA[0]!.msgId)).toBe(toA[0]!.t);
    // ... until a heartbeat's timeout closes the channel; after that each waits for a connect and is lost when it fails.
    const closed = trace.find((e) => e.type === 'channel.closed' && e.from === 'p-1' && e.to === 'broker-a/0')!;
    expect(closed.t).toBeLessThanOrEqual(powerOff + 30_000 + callTimeout);
    const waiting = toA.find((e) => e.t > closed.t)!;
    expect(lostAt(trace, waiting.msgId)).toBe(waiting.t + connectTimeout);
    const atSend = onewayIntoPowerLoss();
    atSend.seek(waiting.t);
    const context = contextAt(atSend.scenario.config, atSend.state);
    const en = narrate(waiting, 'en', context);
    expect(en).not.toContain('is never tried again: the message is lost.');
    expect(en).toContain('If the producer\'s channel to it is still open (a host without power closes none), the message goes into it and is lost at once; '
      + `with no channel open, it waits for a connect, and unless the connect is answered it is dropped when the connect fails, connectTimeoutMillis (${connectTimeout / 1_000}\u00a0s) later: only then is the message lost.`);
    const zh = narrate(waiting, 'zh', context);
    expect(zh).not.toContain('这条消息就丢了');
    expect(zh).toContain(`如果没有打开的连接，它要等一次建连：建连得不到应答，就在 connectTimeoutMillis（${connectTimeout / 1_000}\u00a0秒）后失败，消息随之被丢弃，到那时才算丢失。`);
  });
});

describe('the caption of a route pulled out of turn', () => {
  it('says the next pull of the client\'s own round, not a whole pollNameServerInterval from a pull its rebalance made (auto-create-topic)', () => {
    // c-1 starts at 1 s; its route round runs routeRefreshInitialDelay (10 ms) later and every pollNameServerInterval (30 s)
    // after (MQClientInstance.startScheduledTask). Its rebalance finds NewTopic created at about 22 s and asks for its route then.
    const config = resolveConfig({});
    const scenario = libraryTimeline('auto-create-topic', 0).scenario;
    const start = scenario.consumers.find((c) => c.id === 'c-1')!.startAt;
    const nextRound = start + config.routeRefreshInitialDelayMs + config.pollNameServerIntervalMs;
    const first = libraryTimeline('auto-create-topic', nextRound).traceSlice(0)
      .find((e) => e.type === 'route.updated' && e.client === 'c-1' && e.topic === 'NewTopic')!;
    expect(first.t).toBeGreaterThan(start + 20_000);
    expect(first.t).toBeLessThan(nextRound - 5_000);
    const timeline = libraryTimeline('auto-create-topic', first.t);
    const context = contextAt(timeline.scenario.config, timeline.state, undefined, timeline);
    const seconds = Math.round((nextRound - first.t) / 1_000);
    expect(narrate(first, 'en', context)).toContain(`It pulls again in ${seconds}\u00a0s.`);
    expect(narrate(first, 'zh', context)).toContain(`${seconds}\u00a0秒后再次拉取。`);
    // Its round's own pull, a moment later, is followed by the next round, a whole interval on.
    const own = libraryTimeline('auto-create-topic', nextRound + 100).traceSlice(0)
      .find((e) => e.type === 'route.updated' && e.client === 'p-1' && e.t > nextRound)!;
    const later = libraryTimeline('auto-create-topic', own.t);
    expect(narrate(own, 'en', contextAt(later.scenario.config, later.state, undefined, later))).toContain('It pulls again in 30\u00a0s.');
  });
});

describe('the caption of a heartbeat off the periodic round', () => {
  /** c-1 alone on broker-a, which crashes at 40 s and is back at 50 s; no jitter, a hop of 1 ms. */
  function restartedBroker(version: '4.x' | '5.x') {
    const result = validateScenario({
      version: 1, durationMs: 70_000, config: { networkJitterMs: 0, rocketmqVersion: version },
      nameServers: [{ id: 'ns-1' }], brokers: [{ name: 'broker-a' }], topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
      consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest', startAt: 1_000 }],
      timeline: [{ at: 40_000, action: 'crashBroker', target: 'broker-a' }, { at: 50_000, action: 'startBroker', target: 'broker-a' }],
    });
    if (!result.ok) throw new Error('invalid');
    const timeline = new Timeline(result.scenario);
    timeline.seek(70_000);
    // A rebalance's rounds (when c-1's queues change) aside: their captions are tested with the subscriptions'.
    const beats = timeline.traceSlice(0).filter((e): e is Extract<TraceEvent, { type: 'client.heartbeat' }> => e.type === 'client.heartbeat' && e.trigger !== 'rebalance');
    const context = contextAt(result.scenario.config, timeline.state);
    return { beats, context };
  }
  /** MQClientInstance.startScheduledTask: the first periodic heartbeat 1 s after the start, then every heartbeatBrokerInterval (30 s). */
  const [start, initialDelay, interval, hop] = [1_000, 1_000, 30_000, 1];

  it('names the start\'s round, then the periodic ones at 1 s after the start and every 30 s, as the run sends them', () => {
    const { beats, context } = restartedBroker('4.x');
    expect(beats[0]!).toMatchObject({ client: 'c-1', trigger: 'start' });
    expect(beats[0]!.t).toBeLessThan(start + initialDelay);
    expect(beats.slice(1).map((e) => [e.t, e.trigger])).toEqual([0, 1, 2].map((n) => [start + initialDelay + n * interval + hop, undefined]));
    const en = narrate(beats[0]!, 'en', context);
    expect(en).toContain('c-1 (CG) heartbeats broker-a/0 as part of its start: once it has its topics\' routes, DefaultMQPushConsumerImpl.start sends every broker it knows its subscriptions');
    expect(en).toContain(`Its periodic heartbeats begin ${initialDelay / 1_000}\u00a0s after the client started, then every ${interval / 1_000}\u00a0s.`);
    expect(narrate(beats[0]!, 'zh', context)).toContain(`定时心跳在客户端启动 ${initialDelay / 1_000}\u00a0秒后开始，之后每 ${interval / 1_000}\u00a0秒一次。`);
    expect(narrate(beats[1]!, 'en', context)).toContain(`sent its heartbeat to broker-a/0 (HEART_BEAT): every ${interval / 1_000}\u00a0s`);
  });

  it('names a 5.x consumer\'s heartbeat on its new channel to a restarted broker, sent long before its next round (4.x waits for that round)', () => {
    const nextRound = start + initialDelay + 2 * interval + hop;
    const { beats, context } = restartedBroker('5.x');
    const back = beats.filter((e) => e.t >= 50_000);
    expect(back[0]!.trigger).toBe('channelActive');
    expect(back[0]!.t).toBeLessThan(51_000);
    expect(back.slice(1).map((e) => [e.t, e.trigger])).toEqual([[nextRound, undefined]]);
    expect(restartedBroker('4.x').beats.filter((e) => e.t >= 50_000).map((e) => [e.t, e.trigger])).toEqual([[nextRound, undefined]]);
    const en = narrate(back[0]!, 'en', context);
    expect(en).toContain(`c-1 (CG) heartbeats broker-a/0 at once, off its ${interval / 1_000}\u00a0s rhythm: it has just opened a new channel to it, and a 5.x client sends a broker its heartbeat on every new channel (MQClientInstance.onChannelActive)`);
    expect(narrate(back[0]!, 'zh', context)).toContain('5.x 客户端每建立一条到 Broker 的新连接就立即发送心跳（MQClientInstance.onChannelActive）');
  });

  it('names a 5.x producer\'s heartbeat on the channel its first send to a master opened, which registers it there before its first round', () => {
    const result = validateScenario({
      version: 1, durationMs: 5_000, config: { networkJitterMs: 0 },
      nameServers: [{ id: 'ns-1' }], brokers: [{ name: 'broker-a' }], topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
      producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 2 }],
    });
    if (!result.ok) throw new Error('invalid');
    const timeline = new Timeline(result.scenario);
    timeline.seek(5_000);
    const trace = timeline.traceSlice(0);
    const firstSend = trace.find((e) => e.type === 'message.sent')!;
    const beat = trace.find((e): e is Extract<TraceEvent, { type: 'client.heartbeat' }> => e.type === 'client.heartbeat')!;
    expect([beat.t, beat.client, beat.trigger]).toEqual([firstSend.t + hop, 'p-1', 'channelActive']);
    expect(beat.t).toBeLessThan(initialDelay);
    const context = contextAt(result.scenario.config, timeline.state);
    const en = narrate(beat, 'en', context);
    expect(en).toContain(`p-1 (PG) heartbeats broker-a/0 at once, off its ${interval / 1_000}\u00a0s rhythm: it has just opened a new channel to it for a send`);
    expect(en).toContain('The broker so has the producer in its producer table from its first send there, not from its next periodic round.');
    expect(en).not.toContain('rebalance');
    const zh = narrate(beat, 'zh', context);
    expect(zh).toContain('它刚为发送消息建立了到这个 Broker 的新连接');
    expect(zh).not.toContain('负载均衡');
  });

  it('says in the log why each heartbeat came', () => {
    const { beats } = restartedBroker('5.x');
    const said = (e: TraceEvent, language: 'en' | 'zh') => describeEvent(e, language);
    const channel = beats.find((e) => e.trigger === 'channelActive')!;
    expect(said(beats[0]!, 'en')).toBe('c-1 (CG) sent its heartbeat to broker-a/0 as it started');
    expect(said(channel, 'en')).toBe('c-1 (CG) sent its heartbeat to broker-a/0 at once: it opened a new channel to it');
    expect(said(channel, 'zh')).toBe('c-1（CG）向 broker-a/0 发送了心跳：刚建立了到它的新连接，立即发送');
    expect(said(beats[1]!, 'en')).toBe('c-1 (CG) sent its heartbeat to broker-a/0');
  });
});
