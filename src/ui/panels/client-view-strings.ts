/**
 * The words of the NameServer's side and the client's side of routing, in English and
 * Simplified Chinese: the broker's registrations (the periodic one every registerNameServerPeriod is its heartbeat),
 * the NameServer a client chose and why, its next route pull, and the RocketMQ 4.x / 5.x switch.
 * Every number comes from the run's config.
 */
import type { Language } from '../../store/playback.ts';
import { type Bilingual, inLanguage } from '../i18n/index.ts';

export type ChoiceReason = { kind: 'notYet' } | { kind: 'randomStart'; list: string[] } | { kind: 'after'; failed: string; list: string[] };

export interface ClientViewStrings {
  sinceHeartbeat: (period: string) => string;
  /** `idle`: serverChannelMaxIdleTime, null when the idle close is off. */
  heartbeatNote: (period: string, expiry: string, scan: string, idle: string | null) => string;
  chosenWhy: (reason: ChoiceReason) => string;
  nextRoutePull: string;
  nextRoutePullIn: (duration: string, period: string) => string;
  /** A refresh round under way: the query for `topic` is on its way to the NameServer or back. */
  pullingNow: (topic: string) => string;
  versionTitle: string;
  versionLabel: (version: string) => string;
  versionChanges: string;
  versionNote: string;
  /** One line of the 4.x / 5.x comparison. */
  versionRow: (name: string, v4: string, v5: string) => string;
  latencyTables: string;
  syncMasterRule: { v4: (slaveTimeout: string) => string; v5: string };
  /** The answer to a send or pull to a queue id beyond the topic's counts (versionRow's name). */
  illegalQueueId: string;
  /** PullMessageProcessor.rejectRequest: whether a slave answers pulls. */
  slaveReads: string;
  /** getAndCreateNameserverChannel: what a call does when the chosen NameServer does not answer its connect. */
  unansweredNameServer: string;
  /** DefaultMQProducerImpl.start: TBW102 in a 4.x producer's topic table. */
  producerDefaultTopic: string;
  /** What the switch leaves as 5.3 does it (docs/conventions.md). */
  notSwitched: string;
}

const en: ClientViewStrings = {
  sinceHeartbeat: (period) => `Since last registration (heartbeat every ${period})`,
  heartbeatNote: (period, expiry, scan, idle) => `A broker's heartbeat is its full registration (REGISTER_BROKER) sent to every NameServer every ${period}; it also registers at once after a topic is created or updated, and every registration restarts the expiry. A NameServer removes a broker at once when its connection closes (a crash, a shutdown); a silent one (cut off, or its machine without power) ${idle === null ? '' : `when its channel has been idle ${idle}, or `}at its scan every ${scan} once its last registration is older than ${expiry}.`,
  chosenWhy: (reason) => {
    switch (reason.kind) {
      case 'notYet': return 'none yet: chosen at the first request to a NameServer';
      case 'randomStart': return `a random start (namesrvIndex) in the shuffled list ${reason.list.join(', ')}, kept while its channel works`;
      case 'after': return `the next in the shuffled list ${reason.list.join(', ')} once ${reason.failed} could not be used (its channel closed, or a request to it failed)`;
    }
  },
  nextRoutePull: 'Next route pull',
  nextRoutePullIn: (duration, period) => `${duration} until updateTopicRouteInfoFromNameServer (every ${period})`,
  pullingNow: (topic) => `Pulling now: the query for ${topic}'s route (GET_ROUTEINFO_BY_TOPIC) is on its way; until its answer the client keeps what it has cached (below).`,
  versionTitle: 'RocketMQ version',
  versionLabel: (version) => `RocketMQ ${version}`,
  versionChanges: 'What the switch changes',
  versionNote: 'Switching replays the whole run with the other version\'s defaults, back to this moment.',
  versionRow: (name, v4, v5) => `${name}: 4.x ${v4}, 5.x ${v5}`,
  latencyTables: 'MQFaultStrategy notAvailableDuration',
  syncMasterRule: {
    v4: (slaveTimeout) => `4.x SYNC_MASTER: waits up to ${slaveTimeout} (slaveTimeout) for a slave's ack, else FLUSH_SLAVE_TIMEOUT; SLAVE_NOT_AVAILABLE at once without a slave in sync`,
    v5: '5.x SYNC_MASTER: inSyncReplicas decides (default 1: SEND_OK at once); enableSlaveActingMaster refuses a put too few replicas could hold',
  },
  illegalQueueId: 'an illegal queue id is refused with',
  slaveReads: 'a slave answers pulls (a master down, its consumers pull there): 4.x always, 5.x only with slaveReadEnable (PullMessageProcessor.rejectRequest; else SYSTEM_BUSY)',
  unansweredNameServer: 'a NameServer whose host refuses the connect (its process down): 4.x tries the next within the same call; 5.x fails the call and the next call asks the next NameServer. One that does not answer the connect (cut off, no power): 5.x fails that call after the connect timeout and the next call asks the next NameServer; 4.x waits it out and tries the next within the same call, its timeout spent, so the call fails there too, and while the first one stays cut off every call fails (NettyRemotingClient.getAndCreateNameserverChannel)',
  producerDefaultTopic: 'a 4.x producer also pulls TBW102\'s route every 30 s and heartbeats every master that has it (DefaultMQProducerImpl.start); a 5.x producer only the brokers of the topics it sends to',
  notSwitched: 'Not switched: an async or oneway call with no channel open waits for the connect, as in 5.3 and later; 4.x and 5.x before 5.3 block the caller on the connect and fail it with RemotingConnectException, so a ONEWAY send there throws to the application',
};

const zh: ClientViewStrings = {
  sinceHeartbeat: (period) => `距上次注册（每 ${period}一次心跳）`,
  heartbeatNote: (period, expiry, scan, idle) => `Broker 的心跳就是它每 ${period}向每个 NameServer 发送的完整路由注册（REGISTER_BROKER）；创建或更新主题后它还会立即注册一次，每次注册都会让过期计时重新开始。连接关闭时（崩溃、关闭）NameServer 立即剔除该 Broker；沉默的 Broker（网络被隔离，或机器断电）${idle === null ? '' : `在连接空闲满 ${idle}时被剔除，或者`}在每 ${scan}一次的扫描中，距上次注册已超过 ${expiry}时被剔除（路由剔除）。`,
  chosenWhy: (reason) => {
    switch (reason.kind) {
      case 'notYet': return '尚未选定：第一次请求 NameServer 时选定';
      case 'randomStart': return `：从打乱后的列表 ${reason.list.join('、')} 中的随机位置（namesrvIndex）选中，连接正常时一直用它`;
      case 'after': return `：${reason.failed} 不能再用（连接已关闭，或向它的请求失败）后，改用打乱后的列表 ${reason.list.join('、')} 中的下一个`;
    }
  },
  nextRoutePull: '下一次路由拉取',
  nextRoutePullIn: (duration, period) => `距 updateTopicRouteInfoFromNameServer 还有 ${duration}（每 ${period}一次）`,
  pullingNow: (topic) => `正在拉取：查询 ${topic} 路由的请求（GET_ROUTEINFO_BY_TOPIC）还在路上；应答到达之前，客户端沿用下面缓存的内容。`,
  versionTitle: 'RocketMQ 版本',
  versionLabel: (version) => `RocketMQ ${version}`,
  versionChanges: '切换版本会改变什么',
  versionNote: '切换后整个运行按另一版本的默认值重放，并回到当前时刻。',
  versionRow: (name, v4, v5) => `${name}：4.x ${v4}，5.x ${v5}`,
  latencyTables: 'MQFaultStrategy notAvailableDuration',
  syncMasterRule: {
    v4: (slaveTimeout) => `4.x SYNC_MASTER：最多等待 ${slaveTimeout}（slaveTimeout）Slave 的确认，否则返回 FLUSH_SLAVE_TIMEOUT；没有同步中的 Slave 时立即返回 SLAVE_NOT_AVAILABLE`,
    v5: '5.x SYNC_MASTER：由 inSyncReplicas 决定（默认 1：立即 SEND_OK）；enableSlaveActingMaster 时副本不足则拒绝写入',
  },
  illegalQueueId: '非法队列 id 的应答',
  slaveReads: 'Slave 响应拉取（Master 宕机时消费者改向它拉取）：4.x 总是响应，5.x 只在开启 slaveReadEnable 时响应（PullMessageProcessor.rejectRequest；否则 SYSTEM_BUSY）',
  unansweredNameServer: '连接被拒绝的 NameServer（进程已停，主机回复 RST）：4.x 在同一次调用里接着试下一个；5.x 让这次调用失败，下一次调用改问下一个 NameServer。连接无应答的 NameServer（被隔离或断电）：5.x 在连接超时后让这次调用失败，下一次调用改问下一个 NameServer；4.x 等满超时后在同一次调用里接着试下一个，但调用的超时已经用完，所以也失败；只要第一个一直被隔离，每次调用都失败（NettyRemotingClient.getAndCreateNameserverChannel）',
  producerDefaultTopic: '4.x 的生产者还会每 30 秒拉取 TBW102 的路由，并向所有持有它的 Master 发送心跳（DefaultMQProducerImpl.start）；5.x 的生产者只联系它所发送主题的 Broker',
  notSwitched: '不随版本切换：没有打开的连接时，异步或单向调用按 5.3 及以后的方式等待建连；4.x 和 5.3 之前的 5.x 会让调用方阻塞等待建连，失败时抛出 RemotingConnectException，所以那里的单向发送会把异常抛给应用',
};

const STRINGS: Bilingual<ClientViewStrings> = { en, zh };

export function clientViewStrings(language: Language): ClientViewStrings {
  return inLanguage(STRINGS, language);
}
