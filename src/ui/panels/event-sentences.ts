/**
 * One short human sentence per trace event, in English and Simplified Chinese. The tables are
 * keyed by every trace type, so a new event type does not compile until it has a sentence.
 */
import { everyConsumer, faultSubject, MASTER_ID, PRODUCER_CHANNEL_EXPIRED_TIMEOUT_MS, ROCKETMQ_DEFAULTS, perm2String, type FailureReason, type NamedHeartbeatTrigger, type RegistrationTrigger, type Scenario, type SimConfig, type TraceEvent, type TraceType } from '../../sim/index.ts';
import type { Language } from '../../scenario/language.ts';
import { formatPeriod, formatTime } from '../../viz/format.ts';
import { actionSaid, isFault } from '../i18n/action-strings.ts';
import { duplicateCauseSaid } from './cause-strings.ts';
import { type Bilingual, inLanguage } from '../i18n/index.ts';
import { isolateNames, rtlNamesOf } from '../bidi-names.ts';
import { DECLARED_NAMES, drawnNode, type BrokerNodeNames } from '../broker-node-names.ts';
import { closedCallCount, type ChannelClosed } from '../narration/channel-closed.ts';

/** What a sentence needs besides its event, from the run it belongs to. */
export interface EventContext {
  /** The run's configured values: a sentence names the run's own expiry, never a literal 120 s. */
  readonly config: SimConfig;
  /** A broker is named by its node as the canvas draws it, not by the event's brokerId. */
  readonly names: BrokerNodeNames;
  /** The consumers that keep their offsets in a local file (localOffsetConsumers). */
  readonly localOffsets: ReadonlySet<string>;
  /** The scenario's right-to-left names, isolated in every sentence (rtlNamesOf), or null. */
  readonly rtlNames: RegExp | null;
}

type Describers = { [K in TraceType]: (event: Extract<TraceEvent, { type: K }>, context: EventContext) => string };

/**
 * The consumers of a scenario (the timeline's added ones too) that keep their offsets in their own
 * file: BROADCASTING ones (LocalFileOffsetStore). Their offset.committed goes to no broker.
 */
export function localOffsetConsumers(scenario: Pick<Scenario, 'consumers' | 'timeline'>): ReadonlySet<string> {
  return new Set(everyConsumer(scenario).filter((consumer) => consumer.messageModel === 'BROADCASTING').map((consumer) => consumer.id));
}

const NO_CONSUMERS: ReadonlySet<string> = new Set();

/**
 * Every trace type once, in the order of docs/trace.md, with what it is in a few words (the log's
 * type filter lists them so): a record, so a new type does not compile until it is named.
 */
const TYPE_NAMES: Record<TraceType, Bilingual<string>> = {
  'broker.registered': { en: 'a broker registered with a NameServer', zh: 'Broker 注册到 NameServer' },
  'broker.removed': { en: 'a NameServer removed a broker', zh: 'NameServer 剔除 Broker' },
  'nameServer.chosen': { en: 'a client chose a NameServer', zh: '客户端选定 NameServer' },
  'route.pulled': { en: 'a route pull answered', zh: '路由拉取的应答' },
  'route.updated': { en: 'a client\'s route changed', zh: '客户端的路由变了' },
  'route.failed': { en: 'a route pull failed', zh: '路由拉取失败' },
  'topic.updated': { en: 'a topic created or changed', zh: '创建或修改主题' },
  'topic.updateFailed': { en: 'mqadmin updateTopic failed', zh: 'mqadmin updateTopic 失败' },
  'nameServer.wipeWritePerm': { en: 'a NameServer wiped a broker\'s write perm', zh: 'NameServer 摘除 Broker 写权限' },
  'nameServer.addWritePerm': { en: 'a NameServer gave a broker its write perm back', zh: 'NameServer 恢复 Broker 写权限' },
  'nameServer.writePermFailed': { en: 'mqadmin wipeWritePerm / addWritePerm failed on a NameServer', zh: 'mqadmin 摘除 / 恢复写权限失败' },
  'message.sent': { en: 'a send attempt', zh: '一次发送尝试' },
  'message.stored': { en: 'a message stored', zh: '消息存储' },
  'message.lost': { en: 'a message lost', zh: '消息丢失' },
  'message.filtered': { en: 'a message filtered out by tag', zh: '消息被标签过滤' },
  'message.storedBehind': { en: 'a message stored behind a group\'s offset', zh: '消息存到了消费者组已越过的位点' },
  'send.failed': { en: 'a send attempt failed', zh: '发送尝试失败' },
  'send.result': { en: 'a send\'s result', zh: '发送结果' },
  'channel.closed': { en: 'a call timed out and closed its connection', zh: '调用超时，关闭了连接' },
  rebalance: { en: 'a rebalance', zh: '负载均衡' },
  'client.heartbeat': { en: 'a client\'s heartbeat to a broker', zh: '客户端向 Broker 发心跳' },
  'consumer.registered': { en: 'a broker registered a consumer', zh: 'Broker 登记消费者' },
  'consumer.removed': { en: 'a broker removed a consumer', zh: 'Broker 移除消费者' },
  'consumer.startFailed': { en: 'a consumer\'s start failed', zh: '消费者启动失败' },
  'producer.registered': { en: 'a broker registered a producer', zh: 'Broker 登记生产者' },
  'producer.removed': { en: 'a broker removed a producer', zh: 'Broker 移除生产者' },
  'message.consumed': { en: 'a message consumed', zh: '消息被消费' },
  'message.consumedAgain': { en: 'a message consumed again', zh: '消息被重复消费' },
  'consume.failed': { en: 'a consumption failed', zh: '消费失败' },
  'pull.rejected': { en: 'a pull refused', zh: '拉取被拒绝' },
  'offset.committed': { en: 'an offset committed', zh: '提交消费位点' },
  'controller.elected': { en: 'the controller elected a master', zh: 'Controller 选出 Master' },
  'syncStateSet.changed': { en: 'the in-sync replicas changed', zh: '同步副本集合变了' },
  'broker.roleChanged': { en: 'a broker\'s role changed', zh: 'Broker 角色变了' },
  fault: { en: 'a timeline action (a fault or an operator\'s command)', zh: '时间线动作（故障或运维命令）' },
};

/**
 * A row's type badge in Chinese: a few characters a 132 px column holds. In English the badge is
 * the trace type itself, the name `npm run sim` prints and docs/trace.md lists; a Chinese reader
 * finds that name in the badge's tooltip and in the type filter beside its Chinese.
 */
const BADGES_ZH: Record<TraceType, string> = {
  'broker.registered': 'Broker 注册', 'broker.removed': '剔除 Broker', 'nameServer.chosen': '选定 NameServer',
  'route.pulled': '拉取路由', 'route.updated': '路由变化', 'route.failed': '路由拉取失败',
  'topic.updated': '主题变更', 'topic.updateFailed': '主题变更失败',
  'nameServer.wipeWritePerm': '摘除写权限', 'nameServer.addWritePerm': '恢复写权限', 'nameServer.writePermFailed': '写权限命令失败',
  'message.sent': '发送', 'message.stored': '存储', 'message.lost': '消息丢失', 'message.filtered': '标签过滤',
  'message.storedBehind': '存于位点之后', 'send.failed': '发送失败', 'send.result': '发送结果', 'channel.closed': '连接关闭',
  rebalance: '负载均衡', 'client.heartbeat': '客户端心跳', 'consumer.registered': '登记消费者', 'consumer.removed': '移除消费者',
  'consumer.startFailed': '消费者启动失败',
  'producer.registered': '登记生产者', 'producer.removed': '移除生产者', 'message.consumed': '消费', 'message.consumedAgain': '重复消费',
  'consume.failed': '消费失败', 'pull.rejected': '拉取被拒', 'offset.committed': '提交位点', 'controller.elected': '选出 Master',
  'syncStateSet.changed': '同步副本集变化', 'broker.roleChanged': '角色变化', fault: '时间线动作',
};

/** A log row's type badge: the trace type in English, a short name in Chinese (BADGES_ZH). */
export function typeBadge(type: TraceType, language: Language): string {
  return language === 'zh' ? BADGES_ZH[type] : type;
}

/** Every trace type (used for the log's type filter). */
export const TRACE_TYPES = Object.keys(TYPE_NAMES) as TraceType[];

/** What a trace type is, in the reader's language: the type filter's option beside the type itself. */
export function typeName(type: TraceType, language: Language): string {
  return inLanguage(TYPE_NAMES[type], language);
}

/** A period as the caption says it (formatPeriod): the log and the caption name one setting alike. */
const periodEn = (ms: number) => formatPeriod(ms, 'en');
const periodZh = (ms: number) => formatPeriod(ms, 'zh');
const removedReasonEn = (config: SimConfig) => ({ expired: `no heartbeat (registration) for ${periodEn(config.brokerChannelExpiredTimeMs)}`, channelClosed: 'its connection closed', channelIdle: `its channel was idle for ${periodEn(config.serverChannelMaxIdleTimeMs)} and the NameServer closed it`, unregistered: 'it unregistered (graceful shutdown)' });
const removedReasonZh = (config: SimConfig) => ({ expired: `${periodZh(config.brokerChannelExpiredTimeMs)}内没有心跳（注册），已过期`, channelClosed: '连接已关闭', channelIdle: `连接空闲 ${periodZh(config.serverChannelMaxIdleTimeMs)}，被 NameServer 关闭`, unregistered: '优雅关闭时主动注销' });
const consumerRemovedEn = (config: SimConfig) => ({ expired: `no heartbeat for ${periodEn(config.channelExpiredTimeoutMs)}`, channelClosed: 'its connection closed', channelIdle: `its channel was idle for ${periodEn(config.serverChannelMaxIdleTimeMs)} and the broker closed it`, unregistered: 'it unregistered' });
const consumerRemovedZh = (config: SimConfig) => ({ expired: `${periodZh(config.channelExpiredTimeoutMs)}内没有心跳`, channelClosed: '连接已关闭', channelIdle: `连接空闲 ${periodZh(config.serverChannelMaxIdleTimeMs)}，被 Broker 关闭`, unregistered: '主动注销' });
/** Producers expire after ProducerManager's own constant, whatever channelExpiredTimeout says. */
const producerRemovedEn = (config: SimConfig) => ({ ...consumerRemovedEn(config), expired: `no heartbeat for ${periodEn(PRODUCER_CHANNEL_EXPIRED_TIMEOUT_MS)}` });
const producerRemovedZh = (config: SimConfig) => ({ ...consumerRemovedZh(config), expired: `${periodZh(PRODUCER_CHANNEL_EXPIRED_TIMEOUT_MS)}内没有心跳` });

/** Why a broker registered again (broker.registered's trigger), as the log says it. */
const REGISTERED_AGAIN_EN: Record<RegistrationTrigger, string> = { periodic: 'its periodic heartbeat', topicChanged: 'its topic table changed', start: 'it started', roleChanged: 'the controller gave it its role' };
const REGISTERED_AGAIN_ZH: Record<RegistrationTrigger, string> = { periodic: '定期心跳', topicChanged: '主题表变了', start: '启动', roleChanged: 'Controller 给了它角色' };

/** Why a client heartbeated off its periodic round (client.heartbeat's trigger), as the log says it. */
const HEARTBEAT_WHY_EN: Record<NamedHeartbeatTrigger, string> = { start: ' as it started', rebalance: ' at once: its queues changed', channelActive: ' at once: it opened a new channel to it' };
const HEARTBEAT_WHY_ZH: Record<NamedHeartbeatTrigger, string> = { start: '：启动时发送', rebalance: '：它的队列变了，立即发送', channelActive: '：刚建立了到它的新连接，立即发送' };

/** "3 SEND_MESSAGE, 1 HEART_BEAT": the calls a close failed, as the trace names them. */
function byCode(e: ChannelClosed): string {
  return Object.entries(e.failed).map(([code, n]) => `${n} ${code}`).join(', ');
}

/** What a close failed, after the log's sentence of it: ", failing 4 more waiting on it (3 SEND_MESSAGE, 1 HEART_BEAT; channelClosed)". */
function failedOnClose(e: ChannelClosed, language: Language): string {
  const count = closedCallCount(e);
  if (count === 0) return '';
  return language === 'en' ? `, failing ${count} more waiting on it (${byCode(e)}; channelClosed)` : `，连接上等待的另外 ${count} 个请求随之失败（${byCode(e)}；channelClosed）`;
}

/** A channel's failure in a few words after its name, as the log shows it: "channelClosed (connection closed)". */
const CHANNEL_FAILURES: Record<FailureReason, Bilingual<string>> = {
  timeout: { en: 'no answer in time', zh: '超时未应答' },
  channelClosed: { en: 'connection closed', zh: '连接被关闭' },
  connectTimeout: { en: 'the connect got no answer', zh: '建连没有应答' },
  connectRefused: { en: 'connect refused: no process', zh: '建连被拒绝：进程不在' },
  senderDown: { en: 'the sender went down', zh: '发送方已停止' },
};

/**
 * A route's queues per broker ("broker-a 4 / 4, broker-b 4 / 4", write / read): its totals alone
 * read like one broker's counts (TBW102's 8 where each broker gave NewTopic 4), and a route on one
 * broker should say which (auto-create-topic's broker-a).
 */
function queuesPerBroker(write: readonly string[], read: readonly string[], separator: string): string {
  // One pass over each list: a large cluster's route holds hundreds of queues.
  const counts = new Map<string, [number, number]>();
  const add = (labels: readonly string[], side: 0 | 1) => {
    for (const label of labels) {
      const broker = label.slice(0, label.lastIndexOf(':'));
      const entry = counts.get(broker) ?? counts.set(broker, [0, 0]).get(broker)!;
      entry[side]++;
    }
  };
  add(write, 0);
  add(read, 1);
  return [...counts].map(([broker, [w, r]]) => `${broker} ${w} / ${r}`).join(separator);
}

/** A failure's name, glossed when it is the channel's: a response code speaks for itself. */
function reasonSaid(reason: string, language: Language): string {
  const gloss = (CHANNEL_FAILURES as Partial<Record<string, Bilingual<string>>>)[reason];
  if (!gloss) return reason;
  const said = inLanguage(gloss, language);
  return language === 'en' ? `${reason} (${said})` : `${reason}（${said}）`;
}

const en: Describers = {
  'broker.registered': (e, { names }) => (e.first
    ? `${drawnNode(names, 'en', e, e.brokerId)} registered with ${e.nameServer} for the first time`
    : `${drawnNode(names, 'en', e, e.brokerId)} registered with ${e.nameServer} again: ${REGISTERED_AGAIN_EN[e.trigger]}`),
  'broker.removed': (e, { config, names }) => `${e.nameServer} removed ${drawnNode(names, 'en', e, e.brokerId)}: ${removedReasonEn(config)[e.reason]}`,
  'nameServer.chosen': (e) => `${e.client} chose ${e.nameServer}`,
  'channel.closed': (e) => `${e.from}'s ${e.code} call to ${e.to} timed out after ${periodEn(e.waitedMs)}: ${e.from} closed the connection${failedOnClose(e, 'en')}`,
  'route.pulled': (e) => `${e.client} pulled the route of ${e.topic} from ${e.nameServer}: ${!e.found ? 'no such topic (TOPIC_NOT_EXIST)' : e.changed ? 'changed' : 'unchanged'}`,
  'route.updated': (e) => {
    const each = queuesPerBroker(e.writeQueues, e.readQueues, ', ');
    return `${e.client} got the route of ${e.topic} from ${e.nameServer}${e.fromTopic === e.topic ? '' : ` (${e.fromTopic}'s, which stands in for it)`}: ${e.writeQueues.length} write / ${e.readQueues.length} read ${e.writeQueues.length === 1 && e.readQueues.length === 1 ? 'queue' : 'queues'}${each && ` (${each})`}`;
  },
  'route.failed': (e) => `${e.client} could not get the route of ${e.topic} from ${e.nameServer}: ${reasonSaid(e.reason, 'en')}${e.passed ? `, after the same call went past ${e.passed.join(', ')}` : ''}`,
  'topic.updated': (e) => `${e.broker} ${e.created ? 'created' : 'updated'} ${e.topic}: W ${e.writeQueueNums} / R ${e.readQueueNums}, perm ${perm2String(e.perm)}${e.auto ? ' (automatically)' : ''}`,
  'topic.updateFailed': (e) => `mqadmin updateTopic ${e.topic} could not reach ${e.broker} (${e.reason}) and stopped there`,
  'nameServer.wipeWritePerm': (e) => `${e.nameServer} wiped the write perm of ${e.broker} in ${e.topicCount} topics`,
  'nameServer.addWritePerm': (e) => `${e.nameServer} added the write perm of ${e.broker} in ${e.topicCount} topics`,
  'nameServer.writePermFailed': (e) => `mqadmin ${e.command} ${e.broker} could not reach ${e.nameServer} (${e.reason})`,
  'message.sent': (e) => `${e.producer} sent ${e.msgId} to ${e.broker}:${e.queueId} (attempt ${e.attempt})`,
  'message.stored': (e, { names }) => `${drawnNode(names, 'en', e, e.brokerId)} stored a message in ${e.topic} queue ${e.queueId} at offset ${e.queueOffset}`,
  'message.lost': (e, { names }) => {
    switch (e.reason) {
      case 'truncatedByNewMaster': return `${drawnNode(names, 'en', e, e.brokerId, true)} cut ${e.msgId} (${e.topic} queue ${e.queueId} offset ${e.queueOffset}) off its CommitLog: back as a slave, the new master never had it`;
      case 'notFlushedNotReplicated': return `${drawnNode(names, 'en', e, e.brokerId)} lost ${e.msgId} (${e.topic} queue ${e.queueId} offset ${e.queueOffset}) with its page cache: never flushed to disk, and no slave had it`;
      case 'onewayNotDelivered': return `ONEWAY message ${e.msgId} to ${e.broker}:${e.queueId} was lost on the way: its broker was cut off, or down by the time it arrived`;
      case 'onewayRefused': return `${drawnNode(names, 'en', e, e.brokerId)} refused ONEWAY message ${e.msgId} (${e.topic} queue ${e.queueId}): its answer goes nowhere, and nothing was stored`;
    }
  },
  'controller.elected': (e, { names }) => (e.brokerId === null
    ? `controller ${e.controller} elected no master for ${e.broker} (${e.trigger}): no in-sync replica alive`
    : `controller ${e.controller} elected ${names.node(e.broker, e.brokerId, e.t)} (${e.broker} controller id ${e.brokerId}) as master, epoch ${e.masterEpoch} (${e.trigger})`),
  'syncStateSet.changed': (e) => `controller ${e.controller}: ${e.broker} SyncStateSet is now {${e.syncStateSet.join(', ')}} (epoch ${e.syncStateSetEpoch})`,
  'broker.roleChanged': (e, { names }) => `${names.node(e.broker, e.controllerId, e.t)} (${e.broker} controller id ${e.controllerId}) became ${e.role} with brokerId ${e.brokerId} (master epoch ${e.masterEpoch})`,
  'message.storedBehind': (e) => `${e.broker} stored ${e.msgId} at ${e.topic} ${e.broker}:${e.queueId} offset ${e.queueOffset}, which ${e.reader} had already read past (its next pull offset is ${e.readerOffset}): ${e.reader} will never read it`,
  'message.filtered': (e) => `${e.group} passed over ${e.msgId} (${e.topic} ${e.broker}:${e.queueId} offset ${e.queueOffset}, tags ${e.tags || '-'}) on the ${e.by} side: its members subscribe differently, and another member wants it`,
  'send.failed': (e) => `${e.producer} failed to send ${e.msgId} to ${e.broker}:${e.queueId} (attempt ${e.attempt}): ${reasonSaid(e.reason, 'en')}`,
  'send.result': (e) => `${e.producer}: ${e.status} for ${e.msgId}`,
  rebalance: (e) => (e.queues.length > 0
    ? `${e.consumer} (${e.group}) now owns ${e.queues.join(', ')} of ${e.topic}`
    : `${e.consumer} (${e.group}) owns no queue of ${e.topic}`),
  'client.heartbeat': (e, { names }) => `${e.client} (${e.group}) sent its heartbeat to ${drawnNode(names, 'en', e, e.brokerId)}${e.trigger ? HEARTBEAT_WHY_EN[e.trigger] : ''}`,
  'consumer.registered': (e, { names }) => `${drawnNode(names, 'en', e, e.brokerId)} registered ${e.consumer} in ${e.group}`,
  'consumer.removed': (e, { config, names }) => `${drawnNode(names, 'en', e, e.brokerId)} removed ${e.consumer} from ${e.group}: ${consumerRemovedEn(config)[e.reason]}`,
  'consumer.startFailed': (e) => `${e.consumer} (${e.group}) failed to start, as it could not get the route of ${e.topic} from ${e.nameServer}: ${reasonSaid(e.reason, 'en')}; ${e.shutdown ? 'it shut down' : 'it runs on without its start\'s heartbeat and rebalance'}`,
  'producer.registered': (e, { names }) => `${drawnNode(names, 'en', e, e.brokerId)} registered producer ${e.producer} in ${e.group}`,
  'producer.removed': (e, { config, names }) => `${drawnNode(names, 'en', e, e.brokerId)} removed producer ${e.producer} from ${e.group}: ${producerRemovedEn(config)[e.reason]}`,
  'message.consumed': (e, { names }) => `${e.consumer} (${e.group}) consumed ${e.msgId} from ${e.topic} ${e.broker}:${e.queueId} offset ${e.queueOffset}${e.brokerId === MASTER_ID ? '' : `, read from ${drawnNode(names, 'en', e, e.brokerId)}`}${e.reconsumeTimes > 0 ? ` (retry ${e.reconsumeTimes})` : ''}`,
  'message.consumedAgain': (e) => `${e.group} got ${e.msgId} again, at ${e.consumer}: a duplicate, ${duplicateCauseSaid(e.cause, 'en')}`,
  'consume.failed': (e) => `${e.consumer} (${e.group}) failed to consume ${e.msgId} (reconsumeTimes ${e.reconsumeTimes}); next: ${e.next}`,
  'pull.rejected': (e, { names }) => `${drawnNode(names, 'en', e, e.brokerId)} rejected the pull of ${e.topic} queue ${e.queueId} by ${e.consumer}: ${e.reason}`,
  'offset.committed': (e, { localOffsets }) => (localOffsets.has(e.consumer)
    ? `${e.consumer} wrote offset ${e.offset} of ${e.topic} ${e.broker}:${e.queueId} for ${e.group} to its own local file (LocalFileOffsetStore)`
    : `${e.consumer} committed offset ${e.offset} of ${e.topic} ${e.broker}:${e.queueId} for ${e.group}`),
  // An action that changed nothing is named, not said as happening ("broker-a's partition heals").
  fault: (e) => {
    if (e.noEffect) return `${isFault(e.action) ? 'Fault' : 'Timeline action'} ${e.action} ${faultSubject(e)}: changed nothing`;
    if (e.startsAt !== undefined) return `Timeline action: ${e.target} is added, starts at ${formatTime(e.startsAt)}`;
    if (e.cancelsStartAt !== undefined) return `Timeline action: ${e.target} is removed before it started: its start at ${formatTime(e.cancelsStartAt)} is cancelled (${e.action})`;
    return `${isFault(e.action) ? 'Fault' : 'Timeline action'}: ${actionSaid(e.action, faultSubject(e), 'en')}`;
  },
};

const zh: Describers = {
  'broker.registered': (e, { names }) => (e.first
    ? `${drawnNode(names, 'zh', e, e.brokerId)} 首次注册到 ${e.nameServer}`
    : `${drawnNode(names, 'zh', e, e.brokerId)} 再次注册到 ${e.nameServer}：${REGISTERED_AGAIN_ZH[e.trigger]}`),
  'broker.removed': (e, { config, names }) => `${e.nameServer} 移除了 ${drawnNode(names, 'zh', e, e.brokerId)}：${removedReasonZh(config)[e.reason]}`,
  'nameServer.chosen': (e) => `${e.client} 选定了 ${e.nameServer}`,
  'channel.closed': (e) => `${e.from} 发往 ${e.to} 的 ${e.code} 调用等了 ${periodZh(e.waitedMs)}超时：${e.from} 关闭了这条连接${failedOnClose(e, 'zh')}`,
  'route.pulled': (e) => `${e.client} 从 ${e.nameServer} 拉取了 ${e.topic} 的路由：${!e.found ? '没有这个主题（TOPIC_NOT_EXIST）' : e.changed ? '有变化' : '没有变化'}`,
  'route.updated': (e) => {
    const each = queuesPerBroker(e.writeQueues, e.readQueues, '，');
    return `${e.client} 从 ${e.nameServer} 获取了 ${e.topic} 的路由${e.fromTopic === e.topic ? '' : `（借用 ${e.fromTopic} 的路由代替）`}：${e.writeQueues.length} 个可写队列 / ${e.readQueues.length} 个可读队列${each && `（${each}）`}`;
  },
  'route.failed': (e) => `${e.client} 未能从 ${e.nameServer} 获取 ${e.topic} 的路由：${reasonSaid(e.reason, 'zh')}${e.passed ? `（同一次调用先越过了 ${e.passed.join('、')}）` : ''}`,
  'topic.updated': (e) => `${e.broker} ${e.created ? '创建' : '更新'}了 ${e.topic}：写 ${e.writeQueueNums} / 读 ${e.readQueueNums}，perm ${perm2String(e.perm)}${e.auto ? '（自动创建）' : ''}`,
  'topic.updateFailed': (e) => `mqadmin updateTopic ${e.topic} 连不上 ${e.broker}（${e.reason}），命令在此中止`,
  'nameServer.wipeWritePerm': (e) => `${e.nameServer} 摘除了 ${e.broker} 在 ${e.topicCount} 个主题的写权限`,
  'nameServer.addWritePerm': (e) => `${e.nameServer} 恢复了 ${e.broker} 在 ${e.topicCount} 个主题的写权限`,
  'nameServer.writePermFailed': (e) => `mqadmin ${e.command} ${e.broker} 连不上 ${e.nameServer}（${e.reason}）`,
  'message.sent': (e) => `${e.producer} 将 ${e.msgId} 发送到 ${e.broker}:${e.queueId}（第 ${e.attempt} 次尝试）`,
  'message.stored': (e, { names }) => `${drawnNode(names, 'zh', e, e.brokerId)} 将消息存入 ${e.topic} 队列 ${e.queueId}，位点 ${e.queueOffset}`,
  'message.lost': (e, { names }) => {
    switch (e.reason) {
      case 'truncatedByNewMaster': return `${drawnNode(names, 'zh', e, e.brokerId, true)} 把 ${e.msgId}（${e.topic} 队列 ${e.queueId} 位点 ${e.queueOffset}）从 CommitLog 截掉：它作为 Slave 回来，新 Master 从未收到它`;
      case 'notFlushedNotReplicated': return `${drawnNode(names, 'zh', e, e.brokerId)} 断电丢失了 ${e.msgId}（${e.topic} 队列 ${e.queueId} 位点 ${e.queueOffset}）：它只在 page cache 中，尚未刷盘，也没有 Slave 拥有它`;
      case 'onewayNotDelivered': return `发往 ${e.broker}:${e.queueId} 的 ONEWAY 消息 ${e.msgId} 在途中丢失：它的 Broker 被隔离，或在消息到达时已停止运行`;
      case 'onewayRefused': return `${drawnNode(names, 'zh', e, e.brokerId)} 拒绝了 ONEWAY 消息 ${e.msgId}（${e.topic} 队列 ${e.queueId}）：它的应答无人接收，消息也没有被存储`;
    }
  },
  'controller.elected': (e, { names }) => (e.brokerId === null
    ? `Controller ${e.controller} 未能为 ${e.broker} 选出 Master（${e.trigger}）：没有存活的同步副本`
    : `Controller ${e.controller} 选举 ${names.node(e.broker, e.brokerId, e.t)}（${e.broker} controller id ${e.brokerId}）为 Master，epoch ${e.masterEpoch}（${e.trigger}）`),
  'syncStateSet.changed': (e) => `Controller ${e.controller}：${e.broker} 的 SyncStateSet 现为 {${e.syncStateSet.join(', ')}}（epoch ${e.syncStateSetEpoch}）`,
  'broker.roleChanged': (e, { names }) => `${names.node(e.broker, e.controllerId, e.t)}（${e.broker} controller id ${e.controllerId}） 成为 ${e.role}，brokerId ${e.brokerId}（master epoch ${e.masterEpoch}）`,
  'message.storedBehind': (e) => `${e.broker} 把 ${e.msgId} 存在 ${e.topic} ${e.broker}:${e.queueId} 位点 ${e.queueOffset}，而 ${e.reader} 已经读过这个位点（它的下一个拉取位点是 ${e.readerOffset}）：${e.reader} 永远读不到它`,
  'message.filtered': (e) => `${e.group} 在${e.by === 'broker' ? ' Broker ' : '客户端'}跳过了 ${e.msgId}（${e.topic} ${e.broker}:${e.queueId} 位点 ${e.queueOffset}，标签 ${e.tags || '-'}）：组内成员订阅不一致，而另一个成员需要这条消息`,
  'send.failed': (e) => `${e.producer} 发送 ${e.msgId} 到 ${e.broker}:${e.queueId} 失败（第 ${e.attempt} 次尝试）：${reasonSaid(e.reason, 'zh')}`,
  'send.result': (e) => `${e.producer}：${e.msgId} 的发送结果为 ${e.status}`,
  rebalance: (e) => (e.queues.length > 0
    ? `${e.consumer}（${e.group}）现在拥有 ${e.topic} 的 ${e.queues.join('、')}`
    : `${e.consumer}（${e.group}）没有分配到 ${e.topic} 的队列`),
  'client.heartbeat': (e, { names }) => `${e.client}（${e.group}）向 ${drawnNode(names, 'zh', e, e.brokerId)} 发送了心跳${e.trigger ? HEARTBEAT_WHY_ZH[e.trigger] : ''}`,
  'consumer.registered': (e, { names }) => `${drawnNode(names, 'zh', e, e.brokerId)} 登记了 ${e.group} 中的 ${e.consumer}`,
  'consumer.removed': (e, { config, names }) => `${drawnNode(names, 'zh', e, e.brokerId)} 将 ${e.consumer} 从 ${e.group} 中移除：${consumerRemovedZh(config)[e.reason]}`,
  'consumer.startFailed': (e) => `${e.consumer}（${e.group}）启动失败：未能从 ${e.nameServer} 获取 ${e.topic} 的路由：${reasonSaid(e.reason, 'zh')}；${e.shutdown ? '它已关闭' : '它继续运行，但跳过了启动时的心跳和负载均衡'}`,
  'producer.registered': (e, { names }) => `${drawnNode(names, 'zh', e, e.brokerId)} 登记了生产者组 ${e.group} 中的 ${e.producer}`,
  'producer.removed': (e, { config, names }) => `${drawnNode(names, 'zh', e, e.brokerId)} 将生产者 ${e.producer} 从 ${e.group} 中移除：${producerRemovedZh(config)[e.reason]}`,
  'message.consumed': (e, { names }) => `${e.consumer}（${e.group}）${e.brokerId === MASTER_ID ? '' : `从 ${drawnNode(names, 'zh', e, e.brokerId)} `}消费了 ${e.topic} ${e.broker}:${e.queueId} 位点 ${e.queueOffset} 的消息 ${e.msgId}${e.reconsumeTimes > 0 ? `（第 ${e.reconsumeTimes} 次重试）` : ''}`,
  'message.consumedAgain': (e) => `${e.group} 再次收到 ${e.msgId}（这次由 ${e.consumer} 消费），是一次重复消费：${duplicateCauseSaid(e.cause, 'zh')}`,
  'consume.failed': (e) => `${e.consumer}（${e.group}）消费 ${e.msgId} 失败（reconsumeTimes ${e.reconsumeTimes}）；下一步：${e.next}`,
  'pull.rejected': (e, { names }) => `${drawnNode(names, 'zh', e, e.brokerId)} 拒绝了 ${e.consumer} 对 ${e.topic} 队列 ${e.queueId} 的拉取：${e.reason}`,
  'offset.committed': (e, { localOffsets }) => (localOffsets.has(e.consumer)
    ? `${e.consumer} 把 ${e.group} 在 ${e.topic} ${e.broker}:${e.queueId} 的位点 ${e.offset} 写入了自己的本地文件（LocalFileOffsetStore）`
    : `${e.consumer} 为 ${e.group} 提交了 ${e.topic} ${e.broker}:${e.queueId} 的位点 ${e.offset}`),
  fault: (e) => {
    if (e.noEffect) return `${isFault(e.action) ? '故障' : '时间线动作'} ${e.action} ${faultSubject(e)}：没有任何改变`;
    if (e.startsAt !== undefined) return `时间线动作：${e.target} 已添加，${formatTime(e.startsAt)} 启动`;
    if (e.cancelsStartAt !== undefined) return `时间线动作：${e.target} 在启动之前被移除，${formatTime(e.cancelsStartAt)} 的启动被取消（${e.action}）`;
    return `${isFault(e.action) ? '故障' : '时间线动作'}：${actionSaid(e.action, faultSubject(e), 'zh')}`;
  },
};

const DESCRIBERS: Bilingual<Describers> = { en, zh };

/** Whether two contexts give every event the same sentence (node names are rebuilt with each view; their key says what they name). */
export function sameContext(a: EventContext, b: EventContext): boolean {
  return a.config === b.config && a.names.key === b.names.key && a.localOffsets === b.localOffsets && a.rtlNames === b.rtlNames;
}

const DEFAULT_CONTEXT: EventContext = { config: ROCKETMQ_DEFAULTS, names: DECLARED_NAMES, localOffsets: NO_CONSUMERS, rtlNames: null };

/**
 * The context of a run of `scenario` (null: none loaded yet, RocketMQ's defaults), its brokers
 * named by `names`: the page's run names them as of the playhead (useBrokerNodeNames), a what-if's
 * runs by their own elections (tableNames).
 */
export function eventContextOf(scenario: Scenario | null, names: BrokerNodeNames = DECLARED_NAMES): EventContext {
  if (!scenario) return { ...DEFAULT_CONTEXT, names };
  return { config: scenario.config, names, localOffsets: localOffsetConsumers(scenario), rtlNames: rtlNamesOf(scenario) };
}

/** The sentence of `event`; what `context` leaves out is RocketMQ's defaults, the declared node names, no local offsets and no right-to-left names. */
export function describeEvent(event: TraceEvent, language: Language, context: Partial<EventContext> = DEFAULT_CONTEXT): string {
  const describe = inLanguage(DESCRIBERS, language)[event.type] as (e: TraceEvent, c: EventContext) => string;
  const full = context === DEFAULT_CONTEXT ? DEFAULT_CONTEXT : { ...DEFAULT_CONTEXT, ...context };
  return isolateNames(describe(event, full), full.rtlNames);
}
