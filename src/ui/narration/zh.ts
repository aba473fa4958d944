/**
 * 字幕（简体中文）：用平实的话和本次运行自己的数字说明一个事件的含义。
 * RocketMQ 的名词保持原样（CommitLog、ConsumeQueue、readQueueNums ……）。
 */
import { faultSubject, isNotOkStatus, retryAvoidsLastBroker, PRODUCER_CHANNEL_EXPIRED_TIMEOUT_MS, RETRY_GROUP_TOPIC_PREFIX, perm2String, registerNameServerPeriod, sendRetriesAfter, type RequestCode, type SendFailedReason, type SimConfig } from '../../sim/index.ts';
import { formatTime } from '../../viz/format.ts';
import { duplicateCauseSaid } from '../panels/cause-strings.ts';
import { closedCallCount } from './channel-closed.ts';
import { zhJoin } from '../i18n/index.ts';
import { attemptsAllowed, creators, durationZh as d, failedSend, notOkAttempts, queuesByBroker, keepsOffsetsLocally, nodeZh as node, nodeName, retriesSaid, slavesToo, untilNextRouteRound, type AttemptsFailed, type FailedSend, type MasterAway, type NarrationContext, type Narrators, type TraceOf } from './context.ts';

/** Broker 没有该组的 ConsumerGroupInfo 时的 SUBSCRIPTION_NOT_EXIST，如 noGroupInfoEn（en.ts）所说。 */
function noGroupInfoZh(e: TraceOf<'pull.rejected'>, c: NarrationContext): string {
  const next = c.config.rocketmqVersion === '5.x'
    ? `组的信息随 ${e.consumer} 一建立到 Broker 的新连接就立即发送的心跳回来（MQClientInstance.onChannelActive，5.x），所以在这次心跳之前从这条连接发出的拉取可能被拒绝一次`
    : `组的信息随 ${e.consumer} 的下一次心跳回来（每 ${d(c.config.clientHeartbeatIntervalMs)}一次）：在此之前发给它的每次拉取都会被拒绝`;
  return `Broker 还没有 ${e.consumer} 所在组的信息（"the consumer's group info not exist"）：它重启时丢掉了这些信息，而拉取请求并不携带订阅关系（postSubscriptionWhenPull 为 false）。${e.consumer} ${d(c.config.pullTimeDelayMillsWhenException)}后再试；${next}。`;
}

/** 发往 Master 无法到达的 Broker 的发送：说明它，而不是当作普通发送（路由里仍有这个 Broker），如 downEn（en.ts）所说。 */
function downZh(c: NarrationContext, e: TraceOf<'message.sent'>): string {
  const away = c.masterAway?.(e.broker);
  if (!away) return '';
  const route = `它缓存的路由里一直有 ${e.broker}，直到某次路由拉取（每 ${d(c.config.pollNameServerIntervalMs)}一次）带回一份没有它的路由；如果已经没有 Broker 持有这个主题，拉取得到 TOPIC_NOT_EXIST，旧路由原样保留。`;
  return `${away === 'stopped' ? refusedZh(c, e) : unansweredZh(c, e, away)}${route}`;
}

/** 进程已停止而主机仍在：建连立即被复位（RST）拒绝，如 refusedEn（en.ts）所说。 */
function refusedZh(c: NarrationContext, e: TraceOf<'message.sent'>): string {
  const mode = c.sendMode?.(e.producer) ?? 'SYNC';
  const then = mode === 'ONEWAY' ? '单向（ONEWAY）发送从不重试，这条消息就丢了'
    : e.attempt < attemptsAllowed(c, e.producer) ? `如果 sendMsgTimeout（${d(c.config.sendMsgTimeoutMs)}）还有剩余时间，生产者会重试，${retryWhereZh(c.config)}`
      : `这已是最后一次尝试（${retriesSaid(c, e.producer)}），发送失败`;
  return `但 ${e.broker} 的 Master 已宕机：进程停止了，主机还在，建连会立即被拒绝（connectRefused）。这次尝试失败，${then}。`;
}

/** 断电或被网络分区隔离的主机什么也不回应、什么也不关闭，如 unansweredEn（en.ts）所说。 */
function unansweredZh(c: NarrationContext, e: TraceOf<'message.sent'>, away: Exclude<MasterAway, 'stopped'>): string {
  const { config } = c;
  const mode = c.sendMode?.(e.producer) ?? 'SYNC';
  const why = away === 'noPower' ? '所在机器已断电' : '被网络分区隔离';
  const head = `但 ${e.broker} 的 Master ${why}：发给它的请求都得不到应答，它既不拒绝建连，也不关闭连接。`;
  const connect = config.connectTimeoutMs;
  const stillOpen = away === 'noPower' ? '断电的主机不会关闭任何连接' : '网络分区不会关闭任何连接';
  if (mode === 'ONEWAY') return `${head}${onewayUnansweredZh(stillOpen, connect)}`;
  const send = config.sendMsgTimeoutMs;
  const waits = `如果生产者到它的连接还开着（${stillOpen}），请求要等满 sendMsgTimeout（${d(send)}）剩余的时间${mode === 'ASYNC' ? '，再多约一秒，直到 scanResponseTable 判它失败' : ''}，除非另一个超时的调用先关闭了这条连接（channelClosed）；如果没有打开的连接，它要等一次建连，建连在 connectTimeoutMillis（${d(connect)}）后失败。`;
  const last = e.attempt >= attemptsAllowed(c, e.producer);
  const budget = last ? `这已是最后一次尝试（${retriesSaid(c, e.producer)}）：它失败，发送就失败。`
    : connect >= send ? `sendMsgTimeout 是一次发送所有尝试共用的时间预算（DefaultMQProducerImpl.sendDefaultImpl），两种等待都会把它用完：发送失败，不会重试。只有提前失败的尝试（被连接关闭，或等的是一次早已开始的建连）才可能再试，${retryWhereZh(config)}。`
      : `sendMsgTimeout 是一次发送所有尝试共用的时间预算（DefaultMQProducerImpl.sendDefaultImpl）：超时会把它用完，发送失败，不会重试；建连失败后最多还剩 ${d(send - connect)}，可以再试一次，${retryWhereZh(config)}。`;
  return `${head}${waits}${budget}`;
}

/** 发往不应答主机的单向（ONEWAY）发送，如 onewayUnansweredEn（en.ts）所说。 */
function onewayUnansweredZh(stillOpen: string, connectMs: number): string {
  return `单向（ONEWAY）发送不等应答，也从不重试。如果生产者到它的连接还开着（${stillOpen}），消息写进这条连接，立即丢失；`
    + `如果没有打开的连接，它要等一次建连：建连得不到应答，就在 connectTimeoutMillis（${d(connectMs)}）后失败，消息随之被丢弃，到那时才算丢失。`;
}

/** NameServer 保留一个沉默的 Broker 多久，如 silentKeptEn（en.ts）所说。 */
function silentKeptZh(config: SimConfig): string {
  const scan = `它们的扫描（每 ${d(config.scanNotActiveBrokerIntervalMs)}一次）发现它的最后一次注册已超过 ${d(config.brokerChannelExpiredTimeMs)}（expired）`;
  return config.serverChannelMaxIdleTimeMs > 0
    ? `NameServer 会一直保留它，直到它的连接自最后一次注册起空闲满 ${d(config.serverChannelMaxIdleTimeMs)}而被关闭（channelIdle），或者${scan}，以先到者为准`
    : `NameServer 会一直保留它，直到${scan}`;
}

const FAULTS: Record<string, (target: string, config: SimConfig) => string> = {
  crashBroker: (t) => `${t} 崩溃：进程退出、连接关闭，NameServer 立即将其剔除（channelClosed），不必等待心跳过期。`,
  powerOffBroker: (t, config) => `${t} 所在机器断电：page cache 随之消失，尚未刷盘的消息如果没有 Slave 副本就丢失了。断电的主机不会发出 FIN 或 RST：没有人收到通知，${silentKeptZh(config)}。客户端发给它的第一个同步调用要等满超时，超时后关闭客户端自己这一端的连接（连接上等待的请求随之以 channelClosed 失败）；此后每次调用都要重新建连，建连没有应答，connectTimeoutMillis 后失败（connectTimeout）。`,
  partitionBroker: (t) => `${t} 被网络分区隔离：连接仍然打开，但任何请求都无法通过。客户端在某次发给它的调用超时时发现（发送、心跳：几秒之内）；NameServer 只能靠它的沉默发现：连接空闲太久，或注册太旧。`,
  healPartition: (t) => `${t} 的网络分区恢复：它的下一次心跳会重新到达 NameServer。`,
  shutdownBroker: (t) => `${t} 正常关闭：停止前先向每个 NameServer 注销。`,
  startBroker: (t) => `${t} 启动：向每个 NameServer 注册，客户端在下一次拉取路由时看到它。`,
  crashNameServer: (t) => `${t} 崩溃：它的路由表丢失，向它发请求的 Broker 和客户端得不到回应。`,
  startNameServer: (t) => `${t} 以空路由表启动：它要等每个 Broker 的下一次心跳才重新知道该 Broker。`,
  partitionLink: (t) => `链路 ${t} 被切断：这两个进程之间无法通信。`,
  healLink: (t) => `链路 ${t} 恢复。`,
  addConsumer: (t) => `${t} 加入：向 Broker 注册，它的消费者组通过负载均衡给它分配队列。`,
  addProducer: (t) => `${t} 启动：先获取主题的路由，然后发送消息，并向它知道的 Master 发送心跳。`,
  removeConsumer: (t) => `${t} 正常退出：主动注销，消费者组立即重新负载均衡。`,
  removeProducer: (t) => `${t} 关闭：先向它知道的每个 Broker 注销，然后停止发送。`,
  crashConsumer: (t) => `${t} 崩溃：Broker 发现连接关闭，消费者组立即重新负载均衡。`,
  hangConsumer: (t) => `${t} 卡死：不再发送心跳、不再消费，但连接仍然打开，只有 Broker 能发现：空闲连接被关闭，或扫描发现它的心跳已过期。`,
  setProducerRate: (t) => `发送速率改变：${t}。`,
  updateTopic: (t) => `运维人员执行 updateTopic：${t}。`,
  wipeWritePerm: (t) => `运维人员执行 mqadmin wipeWritePerm -b ${t}：它调用的每个 NameServer 摘除 ${t} 在每个主题中队列的写权限。变的只是 NameServer 上的路由，不是 Broker：生产者在下一次拉取路由时不再选 ${t}，消费者继续读它，直到队列消费完。`,
  addWritePerm: (t) => `运维人员执行 mqadmin addWritePerm -b ${t}：它调用的每个 NameServer 把 ${t} 在每个主题中的队列恢复为可读可写（perm 6）；生产者从下一次拉取路由起重新选它。`,
};

/** 带 noEffect 的动作为什么没有任何改变：它执行时目标所处的状态（src/model/timeline-effect.ts）。 */
const NO_EFFECT: Record<string, (target: string) => string> = {
  crashBroker: (t) => zhJoin(t, '并未运行（已经停止、崩溃或断电，或者尚未启动）'),
  powerOffBroker: (t) => zhJoin(t, '并未运行（已经停止、崩溃或断电，或者尚未启动）'),
  shutdownBroker: (t) => zhJoin(t, '并未运行（已经停止、崩溃或断电，或者尚未启动）'),
  startBroker: (t) => zhJoin(t, '已经在运行'),
  partitionBroker: (t) => zhJoin(t, '已经被网络分区隔离'),
  healPartition: (t) => zhJoin(t, '并未被网络分区隔离（partitionBroker）'),
  crashNameServer: (t) => zhJoin(t, '并未运行（已经崩溃，或者尚未启动）'),
  startNameServer: (t) => zhJoin(t, '已经在运行'),
  partitionLink: (t) => zhJoin(zhJoin('链路', t), '已经被切断'),
  healLink: (t) => zhJoin(zhJoin('链路', t), '并未被切断（partitionLink）'),
  removeConsumer: (t) => zhJoin(t, '已经退出或崩溃，或者已经卡死（卡死的进程无法正常关闭）'),
  removeProducer: (t) => zhJoin(t, '已经关闭'),
  crashConsumer: (t) => zhJoin(t, '既未运行也未卡死（已经退出或崩溃，或者尚未启动：没有进程可杀，它仍在它的 startAt 启动）'),
  hangConsumer: (t) => zhJoin(t, '并未运行（已经退出、崩溃或卡死，或者尚未启动：它仍在它的 startAt 启动）'),
  setProducerRate: (t) => zhJoin(t, '已经以这个速率发送，发送节奏照旧；或者它并未运行（已经关闭，或者尚未启动，启动时使用它自己的 ratePerSec）'),
  wipeWritePerm: (t) => `它调用的 NameServer 上 ${t} 都没有写权限（已被摘除，或 ${t} 未注册）`,
  addWritePerm: (t) => `它调用的 NameServer 上 ${t} 的队列都已可读可写，或者没有 ${t}`,
};

/** 现在添加、在它自己的 startAt 才启动的客户端（timeline.ts startAddedClient）。 */
function addedLaterZh(e: TraceOf<'fault'>, startsAt: number): string {
  const then = e.action === 'addConsumer' ? '届时才向 Broker 注册，它的消费者组再通过负载均衡给它分配队列' : '届时才获取主题的路由并开始发送';
  return `${zhJoin(e.target, '已添加')}，将在 ${formatTime(startsAt)}（它的 startAt）启动：${then}。`;
}

/** 启动之前就被移除的客户端（timeline.ts cancelStart）：它永远不会运行。 */
function cancelledStartZh(e: TraceOf<'fault'>, startAt: number): string {
  const never = e.action === 'removeConsumer' ? '没有 Broker 登记它，它的消费者组也不会给它分配队列' : '它不发送任何消息';
  return `${zhJoin(e.target, '在启动之前被移除')}：它在 ${formatTime(startAt)}（它的 startAt）的启动被取消，它永远不会运行：${never}。`;
}

function noEffectZh(e: TraceOf<'fault'>): string {
  const subject = faultSubject(e);
  const why = NO_EFFECT[e.action];
  return `${e.action} ${zhJoin(subject, '没有任何改变')}${why ? `：${why(subject)}` : ''}。`;
}

/** 消费后位点的去向：广播模式写入消费者自己的文件，集群模式到达 Broker（consumedOffsetEn）。 */
function consumedOffsetZh(c: NarrationContext, consumer: string): string {
  const every = d(c.config.persistConsumerOffsetIntervalMs);
  return keepsOffsetsLocally(c, consumer)
    ? `消费位点在下一轮定时持久化（每 ${every}）时写入消费者自己的本地文件（LocalFileOffsetStore）：广播消费者自己保存位点。`
    : `消费位点随该队列的下一次拉取，或下一轮定时提交（每 ${every}）到达 Broker。`;
}

/** 发送为什么以 FAILED 结束（failedSend）。 */
function failedSendZh(why: FailedSend, timeoutMs: number): string {
  switch (why.kind) {
    case 'noNameServer': return '它没有任何 NameServer 地址（namesrvAddr）可以询问路由，所以 send() 不向任何 Broker 发送，直接抛出 "No name server address, please set it."';
    case 'noRoute': return '它的路由里没有可写的队列（没有 Master 持有可写队列），所以 send() 不向任何 Broker 发送，直接抛出 "No route info of this topic"';
    case 'routeTimeout': return `等待路由用完了整个 sendMsgTimeout（${d(timeoutMs)}），所以 send() 不向任何 Broker 发送，直接抛出超时异常`;
    case 'attemptsFailed': return `${attemptsFailedZh(why, timeoutMs)}，发送向应用抛出异常`;
    case 'unknown': return '没有一次尝试成功，发送向应用抛出异常';
  }
}

/** 尝试都失败了，以及最后一次之后为什么没有再试（AttemptsFailed.stopped）。 */
function attemptsFailedZh({ attempts, allowed, stopped, lastReason, mode }: AttemptsFailed, timeoutMs: number): string {
  const made = `第 ${attempts} 次尝试（最多 ${allowed} 次）`;
  switch (stopped) {
    case 'allMade': return attempts === 1 ? '唯一的一次尝试失败' : `${attempts} 次尝试全部失败`;
    case 'timedOut': return `${made}超时，用完了 sendMsgTimeout（${d(timeoutMs)}）剩余的时间：没有时间再试`;
    case 'notRetried': return mode === 'ASYNC'
      ? `${made}${lastReason === 'brokerNotExist' ? '在路由里找不到 Broker 的地址' : `收到 ${lastReason ?? ''}`}，而异步发送只在没有收到回复时才重试`
      : `${made}收到 ${lastReason ?? ''}，它不在生产者的 retryResponseCodes 中，不会重试`;
    case 'budgetSpent': return `${made}失败（${lastReason ?? ''}），此时 sendMsgTimeout（${d(timeoutMs)}）已没有剩余时间再试`;
    case 'noQueue': return `${made}失败（${lastReason ?? ''}），而路由里没有别的队列可选`;
  }
}

/** Whether the send goes on after a failed attempt, as sendAgainEn (en.ts) says it. */
function sendAgainZh(e: TraceOf<'send.failed'>, context: NarrationContext): string {
  const { reason, attempt } = e;
  const { config } = context;
  if (reason === 'timeout') {
    const closes = context.sendMode?.(e.producer) === 'ASYNC'
      ? '异步请求没有自己的定时器：客户端的 scanResponseTable 在超时一秒之后才判它失败，这不会关闭连接。'
      : '这次超时还关闭了连接（clientCloseSocketIfTimeout），连接上等待的请求全部失败。';
    return `等待用完了 sendMsgTimeout（${d(config.sendMsgTimeoutMs)}）剩余的时间：没有时间再尝试。${closes}`;
  }
  const mode = context.sendMode?.(e.producer) ?? 'SYNC';
  if (!sendRetriesAfter(reason, mode)) return mode === 'ASYNC' ? notRetriedAsyncZh(reason) : `${reason} 不在生产者的 retryResponseCodes 中，所以不会重试：send() 把异常抛给应用程序。`;
  const left = attempt < attemptsAllowed(context, e.producer);
  if (isNotOkStatus(reason)) {
    return left
      ? `开启了 retryAnotherBrokerWhenNotStoreOK，如果 sendMsgTimeout（${d(config.sendMsgTimeoutMs)}）还有剩余时间，生产者会再发一次，${retryWhereZh(config)}。`
      : '已没有重试机会，所以 send() 返回这个状态而不是抛出异常（sendDefaultImpl 返回最后一个 SendResult）：消息已经存储。';
  }
  return `${CONNECTION_ZH[reason] ?? ''}${left ? `如果 sendMsgTimeout（${d(config.sendMsgTimeoutMs)}）还有剩余时间，生产者会重试，${retryWhereZh(config)}。` : '已没有重试机会。'}`;
}

/** 重试去往哪里，如 retryWhereEn（en.ts）所说。 */
function retryWhereZh(config: SimConfig): string {
  return retryAvoidsLastBroker(config) ? '尽量换一个 Broker' : '发往下一个 Broker 未被隔离的队列，可能还是同一个 Broker（开启 sendLatencyFaultEnable 时 4.9.8 不避开刚试过的 Broker）'
}

/** 所有尝试都存储了但没有 SEND_OK 时，send() 返回最后的 SendResult，如 lastNotOkEn（en.ts）所说。 */
function lastNotOkZh(e: TraceOf<'send.result'>, c: NarrationContext): string {
  const attempts = notOkAttempts(e, c);
  if (attempts <= 1) return '';
  return `它的 ${attempts} 次尝试都没有得到 SEND_OK，且至少有一次以其他状态存储成功（每次之后 retryAnotherBrokerWhenNotStoreOK 都会再发一次），所以 send() 返回其中最后一个状态，而不是抛出异常（DefaultMQProducerImpl.sendDefaultImpl）：每次带状态回复的尝试都存下了一份消息。`;
}

/** 异步发送不重试的原因，如 notRetriedAsyncEn（en.ts）所说。 */
function notRetriedAsyncZh(reason: SendFailedReason): string {
  const why = reason === 'brokerNotExist' ? '路由里没有这个 Broker 的地址，请求根本没有发出' : `Broker 回复了 ${reason}`;
  return `异步发送只在没有收到回复时（超时或连接失败）才重试；这一次，${why}，所以由 SendCallback 的 onException 收到这个错误（retryResponseCodes 只对同步发送起作用）。`;
}

/** 连接失败的含义（CONNECTION_EN），放在是否重试之前。 */
const CONNECTION_ZH: Partial<Record<SendFailedReason, string>> = {
  connectTimeout: '没有打开的连接，而建连在 connectTimeoutMillis 内没有应答；建连期间发出的消息也在等同一次建连。',
  channelClosed: '请求还在连接上时连接关闭了：Broker 进程停止了（崩溃或关闭），或者这条连接上的某次调用超时并关闭了它。',
  connectRefused: '没有打开的连接，而 Broker 所在的主机用复位（RST）回应了建连：机器还在，但端口上没有进程监听，所以建连立即失败。',
};

/** 对端能否看到连接关闭（closeSeenEn）：网络分区连关闭也一起吞掉，已停止的对端什么也看不到。 */
function closeSeenZh(e: TraceOf<'channel.closed'>, c: NarrationContext): string {
  if (c.brokerNow?.(e.to) === 'down') return `${e.to} 已停止，什么也看不到。`;
  if (c.brokerNow?.(e.to) === 'cutOff' || c.brokerNow?.(e.from) === 'cutOff') {
    return `网络分区把关闭也吞掉了：分区期间 ${e.to} 看不到它（TCP 会重发 FIN，分区恢复后它可能收到）；否则它会一直保留自己这一端的连接，直到空闲太久。`;
  }
  return `只要网络没有吞掉它，${e.to} 也会看到连接关闭，就像 ${e.from} 已经离开。`;
}

/** 计数时调用的名称（CALL_NOUNS_EN）。 */
const CALL_NOUNS_ZH: Partial<Record<RequestCode, string>> = {
  SEND_MESSAGE: '发送',
  HEART_BEAT: '心跳',
  PULL_MESSAGE: '长轮询拉取',
  GET_CONSUMER_LIST_BY_GROUP: '成员查询',
  QUERY_CONSUMER_OFFSET: '位点查询',
  CONSUMER_SEND_MSG_BACK: '消息回发',
  GET_ROUTEINFO_BY_TOPIC: '路由拉取',
};

/** 连接关闭让哪些等待中的请求失败（failedOnCloseEn）。 */
function failedOnCloseZh(e: TraceOf<'channel.closed'>): string {
  const total = closedCallCount(e);
  if (total === 0) return '';
  const calls = Object.entries(e.failed).map(([code, n]) => {
    const noun = CALL_NOUNS_ZH[code as RequestCode];
    return noun ? `${n} 次${noun}` : `${n} 个 ${code}`;
  });
  return `，连接上等待的另外 ${total} 个请求（${calls.join('、')}）随之立即失败（channelClosed）`;
}

/** 同步调用是做什么的（CALL_EN），按 RequestCode，只看代码看不出时才说。 */
const CALL_ZH: Partial<Record<RequestCode, string>> = {
  HEART_BEAT: '心跳',
  GET_CONSUMER_LIST_BY_GROUP: '为负载均衡查询组内成员的请求',
  REGISTER_BROKER: '注册（Broker 发给 NameServer 的心跳）',
  GET_ROUTEINFO_BY_TOPIC: '路由拉取',
  SEND_MESSAGE: '发送',
  QUERY_CONSUMER_OFFSET: '查询队列消费位点的请求',
  CONSUMER_SEND_MSG_BACK: '把消费失败的消息发回 Broker 的请求',
  GET_MAX_OFFSET: '查询队列最大位点的请求',
};

/** How a topic a broker created by itself came to be: a consumer group's retry topic, or a topic a send named (from TBW102). */
/** 同一次调用先越过的 NameServer（getAndCreateNameserverChannel 的循环），以及为何在这里失败。 */
function passedZh(e: TraceOf<'route.failed'>, config: SimConfig): string {
  if (!e.passed) return '';
  const first = `，此前同一次调用已越过 ${e.passed.join('、')}`;
  if (e.reason !== 'timeout') return first;
  return `${first}：RocketMQ 4.x 先等满 ${e.passed.join('、')} 无应答的连接（${d(config.connectTimeoutMs)}），再去试 ${e.nameServer}；连上时这次调用的 ${d(config.mqClientApiTimeoutMs)} 已经用完，invokeSync 没有发出请求就放弃了。只要列表中排在前面的 NameServer 一直被隔离，每次调用都会这样失败（5.x 只失败一次调用，下一次调用就换下一个 NameServer）`;
}

function autoCreatedZh(e: TraceOf<'topic.updated'>): string {
  if (!e.auto) return '';
  if (e.topic.startsWith(RETRY_GROUP_TOPIC_PREFIX)) return `，这是消费者组 ${e.topic.slice(RETRY_GROUP_TOPIC_PREFIX.length)} 的重试主题：这个组的心跳第一次到达 Broker 时，Broker 就创建它（广播消费组也会创建，虽然从不读它）；集群消费组消费失败的消息经由它回到这个组`;
  return '（根据 TBW102 自动创建，autoCreateTopicEnable）';
}

/** 客户端何时看到运维创建的主题（seenEn）。 */
function seenZh(e: TraceOf<'topic.updated'>, config: SimConfig): string {
  const pull = `在下一次拉取路由时看到变化（每 ${d(config.pollNameServerIntervalMs)}）`;
  // MQClientInstance.findConsumerIdList asks for the route of a topic it knows no broker of at every rebalance.
  const rebalance = `在下一次负载均衡时查询（每 ${d(config.rebalanceIntervalMs)}）`;
  if (!e.created) return `客户端${pull}。`;
  return e.auto
    ? `客户端${pull}；还没有 ${e.topic} 路由的消费者${rebalance}。`
    : `还没有 ${e.topic} 路由的生产者在下一次发送时就向 NameServer 查询（DefaultMQProducerImpl.tryToFindTopicPublishInfo），消费者${rebalance}；已有路由的客户端${pull}。`;
}

/** "（broker-a 8 个、broker-b 8 个）" (byBrokerEn). */
function byBrokerZh(queues: readonly string[]): string {
  const counts = queuesByBroker(queues);
  return counts.length === 0 ? '' : `（${counts.map(([broker, count]) => `${broker} ${count} 个`).join('、')}）`;
}

/** What a rebalanced retry topic is (retryTopicEn). */
function retryTopicZh(topic: string): string {
  return topic.startsWith(RETRY_GROUP_TOPIC_PREFIX)
    ? `${topic} 是该组的重试主题：每个 CLUSTERING 成员也订阅它，用来接收消费失败的消息。`
    : '';
}

/** A registration after the first, by what made the broker register (its trigger). */
function registeredAgainZh(e: TraceOf<'broker.registered'>, c: NarrationContext): string {
  const { config } = c;
  const expiry = `它的 ${d(config.brokerChannelExpiredTimeMs)}过期计时从 ${formatTime(e.t)} 重新开始，只要在 ${formatTime(e.t + config.brokerChannelExpiredTimeMs)} 之前还有注册到达，就不会被剔除。`;
  const broker = node(c, e, e.brokerId);
  switch (e.trigger) {
    case 'periodic': return `${broker} 再次注册到 ${e.nameServer}：每 ${d(registerNameServerPeriod(config))}一次的定期注册，就是 Broker 的心跳。${expiry}`;
    case 'topicChanged': return `${broker} 的主题表变了（创建或修改了主题），于是立即注册到 ${e.nameServer}，不等下一次定期注册：${e.nameServer} 的路由里现在是新的队列数，客户端在下一次拉取路由时看到（每 ${d(config.pollNameServerIntervalMs)}）。${expiry}`;
    case 'start': return `${broker} 启动时注册到 ${e.nameServer}；${e.nameServer} 之前一直没有剔除它。${expiry}`;
    case 'roleChanged': return `${broker} 在 Controller 给了它角色之后注册到 ${e.nameServer}：${e.nameServer} 的路由现在按这个角色列出它。${expiry}`;
  }
}

/** 路由查询失败之后客户端怎么做，如 routeFailedThenEn（en.ts）所说。 */
function routeFailedThenZh(e: TraceOf<'route.failed'>, c: NarrationContext): string {
  const { config } = c;
  const poll = d(config.pollNameServerIntervalMs);
  const start = c.startFailure?.(e.client, e.t);
  if (start === 'shutsDown') return '这次查询是它启动的一部分，所以启动失败：RocketMQ 5 随即关闭这个消费者（DefaultMQPushConsumerImpl.start），在有人再次启动它之前不会再查询。';
  if (start === 'runsOn') {
    return `这次查询是它启动的一部分，所以 start() 抛出异常（IllegalStateException，来自 MQClientInstance.updateTopicRouteInfoFromNameServer）；但 RocketMQ 4 此时已把消费者置为运行状态，而它还没有 ${e.topic} 的路由可以保留。它跳过启动时的心跳和负载均衡。`
      + `启动 ${d(config.rebalanceIntervalMs)}后的第一次负载均衡（RebalanceService）找不到 ${e.topic} 的 Broker，会自己向 NameServer 查询路由（findConsumerIdList），每 ${poll}一次的路由拉取也会查询；`
      + `查到之后，它的下一次心跳（每 ${d(config.clientHeartbeatIntervalMs)}一次）到达 Broker 时，Broker 通知消费者组有新成员（NOTIFY_CONSUMER_IDS_CHANGED），它随即负载均衡，分到队列。`;
  }
  const again = d(untilNextRouteRound(e, c));
  if (c.hasRoute?.(e.client, e.topic) === false) return `它还没有 ${e.topic} 的路由，无可保留，${again}后重试。`;
  return `它继续使用缓存的路由，${again}后重试。`;
}

const ONEWAY_ZH = 'ONEWAY 发送（sendOneway）不等待任何应答，所以生产者永远不会知道；只有 SYNC 和 ASYNC 发送会得知失败，并在超时之前重试。';

/** While the run plays and no news is held (flowingEn). */
export function flowingZh(config: SimConfig): string {
  return `消息正在发送、存储和消费。在它们之下运行着 RocketMQ 的定时任务：每个 Broker 每 ${d(registerNameServerPeriod(config))}向每个 NameServer 注册一次（它的心跳：灰色圆点），每个客户端每 ${d(config.pollNameServerIntervalMs)}拉取一次所订阅主题的路由（橙色），每 ${d(config.clientHeartbeatIntervalMs)}向 Broker 发送一次心跳（粉色）。暂停或单步一个事件（→）即可逐条阅读。`;
}

export const zh: Narrators = {
  'broker.registered': (e, c) => (e.first
    ? `${node(c, e, e.brokerId)} 首次注册到 ${e.nameServer}（路由注册）：${e.nameServer} 开始在路由中提供它。之后它${e.trigger === 'start' ? `在启动 ${d(c.config.brokerRegisterInitialDelayMs)}后再注册一次，然后` : ''}每 ${d(registerNameServerPeriod(c.config))}重复注册一次——这次注册就是 Broker 的心跳。`
    : registeredAgainZh(e, c)),
  'broker.removed': (e, c) => {
    const { config } = c;
    const why = {
      expired: `${d(config.brokerChannelExpiredTimeMs)}内没有心跳（扫描每 ${d(config.scanNotActiveBrokerIntervalMs)}执行一次）`,
      channelClosed: `连接已关闭（Broker 进程退出，或这条连接上的某次调用超时关闭了它），所以不必等待 ${d(config.brokerChannelExpiredTimeMs)}的过期`,
      channelIdle: `连接空闲 ${d(config.serverChannelMaxIdleTimeMs)}，NameServer 关闭了它`,
      unregistered: 'Broker 在正常关闭时主动注销',
    }[e.reason];
    return `${e.nameServer} 将 ${node(c, e, e.brokerId)} 从路由中剔除（路由剔除）：${why}。客户端在下一次拉取路由时得知（每 ${d(config.pollNameServerIntervalMs)}），除非 Broker 在那之前又注册了。`;
  },
  'nameServer.chosen': (e) => `${e.client} 现在向 ${e.nameServer} 查询路由：客户端从列表中随机选一个 NameServer 开始，只有与它的连接断开或对它的请求失败时才换到下一个。`,
  'route.pulled': (e, { config }) => {
    if (!e.found) return `${e.client} 向 ${e.nameServer} 查询 ${e.topic} 的路由（GET_ROUTEINFO_BY_TOPIC）：NameServer 上没有这个主题（TOPIC_NOT_EXIST）。还没有路由的生产者在下一次发送时再问（tryToFindTopicPublishInfo）；否则客户端在下一次拉取路由时（每 ${d(config.pollNameServerIntervalMs)}）再问。`;
    return `${e.client} 从 ${e.nameServer} 拉取了 ${e.topic} 的路由（GET_ROUTEINFO_BY_TOPIC，路由发现）：${e.changed ? '路由变了，客户端据此重建队列列表' : '没有变化'}。客户端每 ${d(config.pollNameServerIntervalMs)}拉取一次它每个主题的路由（pollNameServerInterval）；NameServer 从不主动推送，所以变化要到客户端下一次拉取时才被看到。`;
  },
  'route.updated': (e, c) => (e.fromTopic === e.topic
    ? `${e.client} 从 ${e.nameServer} 拉取了 ${e.topic} 的路由（路由发现）：可写 ${e.writeQueues.length} 个队列${byBrokerZh(e.writeQueues)}，可读 ${e.readQueues.length} 个${byBrokerZh(e.readQueues)}。${d(untilNextRouteRound(e, c))}后再次拉取。`
    : `${e.nameServer} 上没有 ${e.topic} 的路由，于是 ${e.client} 借用 ${e.fromTopic} 的路由代替它，每个 Broker 最多 ${c.config.producerDefaultTopicQueueNums} 个队列（defaultTopicQueueNums）：可写 ${e.writeQueues.length} 个队列。某个 Broker 收到 ${e.topic} 的第一条消息时才会在自己这里创建它。`),
  'route.failed': (e, c) => `${e.client} 未能从 ${e.nameServer} 获取 ${e.topic} 的路由（${e.reason}）${passedZh(e, c.config)}；${routeFailedThenZh(e, c)}`,
  'topic.updated': (e, c) => `${creators(c, e).join(' 和 ')} ${e.created ? '创建' : '修改'}了主题 ${e.topic}：写队列 ${e.writeQueueNums} 个、读队列 ${e.readQueueNums} 个，perm ${perm2String(e.perm)}（R：消费者可读，W：生产者可写）${autoCreatedZh(e)}。${seenZh(e, c.config)}`,
  'nameServer.wipeWritePerm': (e, { config }) => `${e.nameServer} 摘除了 ${e.broker} 在 ${e.topicCount} 个主题的 QueueData 上的 PERM_WRITE（mqadmin 打印 "wipe write perm of broker[${e.broker}] in name server[...] OK, ${e.topicCount}"）。生产者在下一次拉取路由时（每 ${d(config.pollNameServerIntervalMs)}）离开 ${e.broker}；消费者照常读它。DataVersion 不变的注册不会撤销摘除；Broker 上的主题变更，或它重启后的首次注册，会把 Broker 自己的 perm 写回。`,
  'nameServer.addWritePerm': (e, { config }) => `${e.nameServer} 把 ${e.broker} 在 ${e.topicCount} 个主题的 QueueData 设为 perm 6（可读可写）：生产者在下一次拉取路由时（每 ${d(config.pollNameServerIntervalMs)}）重新选择 ${e.broker}。`,
  'nameServer.writePermFailed': (e) => `mqadmin ${e.command} 连不上 ${e.nameServer}（${e.reason}：它已停止），为它打印 "Failed" 后继续下一个 NameServer。等 ${e.nameServer} 恢复后，向它查询的客户端拿到的是 Broker 在那里注册的路由。`,
  'topic.updateFailed': (e) => `mqadmin updateTopic ${e.topic} 连不上 ${e.broker} 的 Master（${e.reason}：${e.reason === 'connectRefused' ? '它的进程已停止' : '它的主机被隔离或断电，建连在 connectTimeoutMillis 内没有应答'}）。createAndUpdateTopicConfig 抛出异常，命令在这个 Master 处以 "command failed" 结束：此前已经到达的 Master 保留修改，列表中排在它后面的 Master 永远收不到。等 Broker 恢复后再执行一次。`,
  'message.sent': (e, c) => (e.attempt > 1
    ? `${e.producer} 重试发送消息 ${e.msgId}：第 ${e.attempt} 次尝试（最多 ${attemptsAllowed(c, e.producer)} 次，${retriesSaid(c, e.producer)}），发往 ${e.broker} 的队列 ${e.queueId}。${downZh(c, e)}`
    : `${e.producer} 把消息（msgId ${e.msgId}，标签 ${e.tags || '无'}${e.keys ? `，key ${e.keys}` : ''}）发送到 ${e.broker} 的队列 ${e.queueId}：生产者轮流选择可写队列${c.config.sendLatencyFaultEnable ? '，跳过被 sendLatencyFaultEnable 隔离的 Broker 的队列（生产者详情里列出了它们）' : ''}。${downZh(c, e)}`),
  'message.stored': (e, c) => {
    if (e.brokerId !== 0) return `${node(c, e, e.brokerId)}（Slave）通过 HAService 从 Master 复制了这条消息：CommitLog 偏移量同为 ${e.commitLogOffset}。`;
    const read = c.readQueueNums?.(e.broker, e.topic);
    const fate = read !== undefined && e.queueId >= read
      ? `队列 ${e.queueId} 的 id 大于或等于 readQueueNums（${read}）：在调大 readQueueNums 之前，不会有消费者拉取它。`
      : '现在可以被拉取了。';
    return `${node(c, e, 0)} 把消息追加到 CommitLog（物理偏移量 ${e.commitLogOffset}），并写入 ${e.topic} 队列 ${e.queueId} 的 ConsumeQueue，位点 ${e.queueOffset}。${fate}`;
  },
  'message.storedBehind': (e, c) => `${e.broker} 把消息 ${e.msgId} 存在 ${e.topic} 队列 ${e.queueId} 的位点 ${e.queueOffset}，而 ${e.reader} 已经读过这个位点（它的下一个拉取位点是 ${e.readerOffset}）。这个队列被回退过（${c.config.enableControllerMode ? '断电后只保留已刷盘的部分；新 Master 持有的可能比旧 Master 分配出去的少' : '断电后 Broker 只保留已刷盘的部分'}），新消息重新占用了分配过的位点，而消费者从自己的下一个位点继续拉取：${e.reader} 永远读不到这条消息，也没有人得到通知。它的生产者收到的是 SEND_OK。`,
  'message.filtered': (e) => `消费者组 ${e.group} 在${e.by === 'broker' ? ' Broker ' : '客户端'}跳过了消息 ${e.msgId}（${e.topic} ${e.broker} 队列 ${e.queueId}，位点 ${e.queueOffset}，标签 ${e.tags || '无'}）：Broker 每个消费者组只保存一份订阅，成员订阅不一致时，一个成员需要的消息会被另一个成员跳过，整个组都不会消费它。`,
  'message.lost': (e, c) => {
    switch (e.reason) {
      case 'truncatedByNewMaster': return `${node(c, e, e.brokerId, true)} 把消息 ${e.msgId}（${e.topic} 队列 ${e.queueId}，位点 ${e.queueOffset}）从 CommitLog 截掉了：它作为新 Master 的 Slave 回来，而新 Master 从未收到这条消息，也没有其他副本持有它。`;
      case 'notFlushedNotReplicated': return `${node(c, e, e.brokerId)} 断电，消息 ${e.msgId}（${e.topic} 队列 ${e.queueId}，位点 ${e.queueOffset}）随之丢失：它只在 page cache 中，尚未刷盘，也没有 Slave 持有副本。`;
      case 'onewayNotDelivered': return `消息 ${e.msgId}（ONEWAY，${e.topic}，发往 ${e.broker} 队列 ${e.queueId}）在途中丢失：它的 Broker 被网络分区隔离，或在消息到达时已停止运行。${ONEWAY_ZH}`;
      case 'onewayRefused': return `${node(c, e, e.brokerId)} 拒绝了消息 ${e.msgId}（ONEWAY，${e.topic} 队列 ${e.queueId}），例如队列 id 超出了主题的队列数：它的应答无人接收。${ONEWAY_ZH}`;
    }
  },
  'controller.elected': (e, c) => (e.brokerId === null
    ? `Controller ${e.controller} 在 ${e.broker} 的 SyncStateSet 中找不到存活的 Broker 来当 Master（${e.trigger}）：未开启 unclean 选举，${e.broker} 在同步副本回来之前没有 Master。`
    : `Controller ${e.controller} 选举 ${nodeName(c, e, e.brokerId)}（controller id ${e.brokerId}）为 ${e.broker} 的 Master，epoch ${e.masterEpoch}（${e.trigger}）。它会以 brokerId 0 向 NameServer 注册；客户端在下一次拉取路由时发现它。`),
  'syncStateSet.changed': (e) => `Controller ${e.controller} 现在认为 ${e.broker} 的副本 ${e.syncStateSet.join('、')} 处于同步状态（SyncStateSet epoch ${e.syncStateSetEpoch}）：只有它们可以被选为 Master。`,
  'broker.roleChanged': (e, c) => `${nodeName(c, e, e.controllerId)}（controller id ${e.controllerId}）按 Controller 的结果成为${e.role === 'SLAVE' ? ` Slave，brokerId ${e.brokerId}` : ' Master，brokerId 0'}，master epoch ${e.masterEpoch}。`,
  'send.failed': (e, c) => (isNotOkStatus(e.reason)
    ? `${e.producer} 第 ${e.attempt} 次发送 ${e.msgId} 到 ${e.broker} 的队列 ${e.queueId}：已存储，但回复的是 ${e.reason}，不是 SEND_OK。${sendAgainZh(e, c)}`
    : `${e.producer} 第 ${e.attempt} 次发送 ${e.msgId} 到 ${e.broker} 的队列 ${e.queueId} 失败（${e.reason}）。${sendAgainZh(e, c)}`),
  'channel.closed': (e, c) => `${e.from} 发往 ${e.to} 的${CALL_ZH[e.code] ?? '调用'}（${e.code}）在 ${d(e.waitedMs)}内没有收到应答。同步调用超时会关闭它所在的连接（NettyRemotingClient，clientCloseSocketIfTimeout）${failedOnCloseZh(e)}。下一次调用 ${e.to} 必须重新建连：建连若没有应答，connectTimeoutMillis（${d(c.config.connectTimeoutMs)}）后失败。${closeSeenZh(e, c)}`,
  'send.result': (e, c) => {
    const { config } = c;
    // 只有 FAILED 的发送才回读轨迹，数它的尝试次数。
    const what = e.status === 'FAILED' ? failedSendZh(failedSend(c, e), config.sendMsgTimeoutMs) : {
      SEND_OK: 'Broker 已存储',
      FLUSH_DISK_TIMEOUT: `已存储，但没有在 ${d(config.syncFlushTimeoutMs)}内刷盘`,
      FLUSH_SLAVE_TIMEOUT: `Master 已存储，但 Slave 没有在 ${d(config.slaveTimeoutMs)}内确认`,
      SLAVE_NOT_AVAILABLE: 'Master 已存储，但没有处于同步状态的 Slave',
    }[e.status];
    return `${e.producer} 发送 ${e.msgId} 的结果是 ${e.status}：${what}。${lastNotOkZh(e, c)}`;
  },
  rebalance: (e, { config }) => (e.queues.length > 0
    ? `${e.consumer} 为 ${e.group} 对 ${e.topic} 做了负载均衡，现在拥有 ${e.queues.join('、')}。组内每个成员对同样排序的列表执行同样的分配算法，所以等所有成员都按同样的成员列表做完负载均衡后，每个队列只有一个拥有者；在此之前，一个队列可能短暂地有两个拥有者（都会消费：重复消费）或没有拥有者。负载均衡每 ${d(config.rebalanceIntervalMs)}执行一次，组成员变化时也会立即执行。${retryTopicZh(e.topic)}`
    : `${e.consumer} 为 ${e.group} 对 ${e.topic} 做了负载均衡，但没有分到队列：在下一次负载均衡给它队列之前，它什么也不消费（每 ${d(config.rebalanceIntervalMs)}一次，或组成员变化时）。${retryTopicZh(e.topic)}`),
  'client.heartbeat': (e, c) => {
    const to = node(c, e, e.brokerId);
    if (e.trigger === undefined) return `${e.client}（${e.group}）向 ${to} 发送了心跳（HEART_BEAT）：客户端每 ${d(c.config.clientHeartbeatIntervalMs)}告诉它知道的每个 Broker 自己还活着，消费者发给每个 Broker${slavesToo(c, '（Slave 也不例外）')}并带上订阅关系，生产者只发给 Master；连接沉默太久的客户端会被 Broker 剔除。`;
    switch (e.trigger) {
      case 'rebalance': return `${e.client}（${e.group}）立即向 ${to} 发送心跳：一次负载均衡改变了它在某个主题上的队列，该主题的 subVersion 随之变为当前时间（RebalancePushImpl.messageQueueChanged）。Broker 每个消费者组只保存一份订阅，采用版本最新的表达式，所以订阅不一致的成员轮流占据，最后一个队列发生变化的成员胜出。`;
      case 'start': return `${e.client}（${e.group}）在启动过程中向 ${to} 发送心跳：拿到所订阅主题的路由后，DefaultMQPushConsumerImpl.start 把订阅关系逐个发给它知道的每个 Broker${slavesToo(c, '（Slave 也不例外）')}，并唤醒负载均衡。定时心跳在客户端启动 ${d(c.config.clientHeartbeatInitialDelayMs)}后开始，之后每 ${d(c.config.clientHeartbeatIntervalMs)}一次。`;
      case 'channelActive': {
        const producer = c.isProducer?.(e.client) === true;
        const opened = `${e.client}（${e.group}）立即向 ${to} 发送心跳，不在每 ${d(c.config.clientHeartbeatIntervalMs)}的节奏上：它刚${producer ? '为发送消息' : ''}建立了到这个 Broker 的新连接，而 5.x 客户端每建立一条到 Broker 的新连接就立即发送心跳（MQClientInstance.onChannelActive）`;
        return producer
          ? `${opened}。所以 Broker 从这个生产者第一次向它发送消息起就在生产者表里有它，不必等下一次定时心跳。`
          : `${opened}，心跳得到应答后唤醒负载均衡。所以重启后消费者表为空的 Broker 几毫秒内就重新认识这个组，不必等下一次定时心跳。`;
      }
    }
  },
  'consumer.registered': (e, c) => `${node(c, e, e.brokerId)} 把 ${e.consumer} 加入 ${e.group} 的消费者表（消费者每 ${d(c.config.clientHeartbeatIntervalMs)}向每个 Broker 发送一次心跳${slavesToo(c, '，Slave 也不例外')}）；组内成员会被通知重新负载均衡。`,
  'consumer.removed': (e, c) => {
    const why = { expired: `${d(c.config.channelExpiredTimeoutMs)}内没有心跳`, channelClosed: '连接已关闭', channelIdle: `连接空闲 ${d(c.config.serverChannelMaxIdleTimeMs)}，Broker 关闭了它`, unregistered: '主动注销' }[e.reason];
    const then = e.reason === 'expired'
      ? `不会通知任何人（扫描过期不发送 NOTIFY_CONSUMER_IDS_CHANGED）：组内其他成员要到下一次定时负载均衡（最多 ${d(c.config.rebalanceIntervalMs)}）才接管它的队列。`
      : 'Broker 通知组内其他成员（NOTIFY_CONSUMER_IDS_CHANGED），它们立即重新负载均衡并接管它的队列。';
    return `${node(c, e, e.brokerId)} 将 ${e.consumer} 从 ${e.group} 中移除：${why}。${then}`;
  },
  'consumer.startFailed': (e) => (e.shutdown
    ? `${e.consumer}（${e.group}）启动失败：启动时它要向 NameServer 查询每个订阅主题的路由，而 ${e.topic} 的这次调用在 ${e.nameServer} 失败了（${e.reason}）。RocketMQ 5 随即关闭这个消费者，并把异常抛给应用（DefaultMQPushConsumerImpl.start）：它不发心跳、不分配队列、不消费，直到有人再次启动它。`
    : `${e.consumer}（${e.group}）的启动抛出了异常：${e.topic} 的路由查询在 ${e.nameServer} 失败（${e.reason}）。在 RocketMQ 4 中，此时消费者已经在运行，所以只跳过了启动时的心跳和负载均衡：定时的路由拉取、心跳和负载均衡照常进行；有 NameServer 应答之后，它的下一次心跳到达 Broker 时，Broker 通知组内有新成员（NOTIFY_CONSUMER_IDS_CHANGED），它才分到队列。`),
  'producer.registered': (e, c) => `${node(c, e, e.brokerId)} 把 ${e.producer} 加入生产者组 ${e.group} 的生产者表（ProducerManager）：生产者每 ${d(c.config.clientHeartbeatIntervalMs)}向它知道的每个 Master 发送一次心跳，${d(PRODUCER_CHANNEL_EXPIRED_TIMEOUT_MS)}没有心跳的生产者连接会被关闭。`,
  'producer.removed': (e, c) => {
    const why = { expired: `${d(PRODUCER_CHANNEL_EXPIRED_TIMEOUT_MS)}内没有心跳，Broker 关闭了它的连接`, channelClosed: '连接已关闭', channelIdle: `连接空闲 ${d(c.config.serverChannelMaxIdleTimeMs)}，Broker 关闭了它`, unregistered: '关闭时主动注销' }[e.reason];
    return `${node(c, e, e.brokerId)} 将 ${e.producer} 从生产者组 ${e.group} 的生产者表中移除：${why}。不会通知任何人：发送消息并不依赖这张表。`;
  },
  'message.consumed': (e, c) => `${e.consumer}（${e.group}）消费了 ${e.broker} 队列 ${e.queueId} 位点 ${e.queueOffset} 的消息${e.reconsumeTimes > 0 ? `（第 ${e.reconsumeTimes} 次重试）` : ''}${e.brokerId === 0 ? '' : `，是从 Slave ${node(c, e, e.brokerId)} 读取的：它的路由里没有 ${e.broker} 的 Master`}。${consumedOffsetZh(c, e.consumer)}`,
  'message.consumedAgain': (e) => `${e.group} 再次收到了 ${e.msgId}（这次由 ${e.consumer} 消费）：${duplicateCauseSaid(e.cause, 'zh')}。RocketMQ 保证至少一次投递，所以消费逻辑必须幂等（处理前先检查 msgId 或业务 Key）。`,
  'consume.failed': (e, { config }) => {
    const next = e.next === 'dlq'
      ? `重试次数已用完（maxReconsumeTimes ${config.maxReconsumeTimes}），进入死信队列 %DLQ%${e.group}`
      : e.next === 'retry' ? `它被发回 %RETRY%${e.group}，稍后再次投递`
        : e.next === 'reread' ? `监听器运行期间这个队列已分给了别人，所以结果不会被处理（ConsumeRequest.run）：消息不会发回 Broker，队列的新主人会从已提交的位点再读到它`
          : '广播模式下失败不会重试';
    return `${e.consumer}（${e.group}）消费 ${e.msgId} 失败（reconsumeTimes ${e.reconsumeTimes}）：${next}。`;
  },
  'pull.rejected': (e, c) => `${node(c, e, e.brokerId)} 拒绝了 ${e.consumer} 对 ${e.topic} 队列 ${e.queueId} 的拉取：${e.reason}。${e.reason === 'SYSTEM_BUSY'
    ? `5.x 的 Slave 只有开启 slaveReadEnable 才响应拉取（PullMessageProcessor.rejectRequest），所以 ${e.consumer} ${d(c.config.pullTimeDelayMillsWhenException)}后再试，${e.broker} 的消息要等它重新有 Master。`
    : e.noGroupInfo === true ? noGroupInfoZh(e, c) : ''}`,
  'offset.committed': (e, c) => (keepsOffsetsLocally(c, e.consumer)
    ? `${e.consumer} 把 ${e.group}（广播模式）在 ${e.broker} 队列 ${e.queueId} 的消费位点 ${e.offset} 写入了自己的本地文件（LocalFileOffsetStore，~/.rocketmq_offsets/<clientId>/${e.group}/offsets.json）。广播消费者自己保存位点：它每 ${d(c.config.persistConsumerOffsetIntervalMs)}为自己的每个队列写一次文件，拉取请求也不携带位点。`
    : `${e.consumer} 为 ${e.group} 提交了 ${e.broker} 队列 ${e.queueId} 的消费位点 ${e.offset}：重启或负载均衡之后，组从这里继续消费。它每 ${d(c.config.persistConsumerOffsetIntervalMs)}为自己的每个队列提交一次，每次拉取请求也会把位点带给 Broker。`),
  fault: (e, { config }) => {
    if (e.noEffect) return noEffectZh(e);
    if (e.startsAt !== undefined) return addedLaterZh(e, e.startsAt);
    if (e.cancelsStartAt !== undefined) return cancelledStartZh(e, e.cancelsStartAt);
    return (FAULTS[e.action] ?? ((t) => `${e.action} ${t}。`))(faultSubject(e), config);
  },
};
