/**
 * The words of the RocketMQ 4.x / 5.x switch (VersionSwitch.tsx), in English and Simplified
 * Chinese: what each version does where the model branches on `config.rocketmqVersion`, grouped
 * by the process that behaves differently, and why a version cannot be chosen. Every figure is
 * passed in, read from the defaults or the run's config. Only the switch's own chunk loads them.
 */
import type { Bilingual } from '../../scenario/language.ts';

/** One line of the comparison: what, then each version's answer. */
export interface VersionRow {
  name: string;
  v4: string;
  v5: string;
}

/** A slave's SlaveSynchronize timing, as one version's defaults give it, already formatted. */
export interface SlaveSyncTiming {
  initial: string;
  every: string;
  /** null when the version has no minimum between two syncs (4.x). */
  minInterval: string | null;
  /** When the first sync happens, counted from the broker's start. */
  first: string;
}

export interface VersionSwitchWords {
  title: string;
  label: (version: string) => string;
  changes: string;
  note: string;
  /** A row's name and both versions' answers, as one line. */
  row: (row: VersionRow) => string;
  groups: { nameServer: string; producer: string; consumer: string; broker: string; otherDefaults: string };
  /** A rebuild the scenario rules refused, with their first reason. */
  refused: (reason: string) => string;
  /** Why 4.x cannot be chosen: BrokerConfig.enableControllerMode exists from 5.0. */
  controllerModeOnly5x: string;

  refusedNameServer: VersionRow;
  unansweredNameServer: VersionRow;

  producerDefaultTopic: (period: string) => VersionRow;
  illegalQueueId: VersionRow;
  /** The header of MQFaultStrategy's rows (latencyMax, notAvailableDuration, then the isolation's). */
  latencyFault: string;
  isolation: string;
  isolationEnd: VersionRow;
  retryAvoidsLast: VersionRow;
  brokerNotExist: VersionRow;

  /** Each version's delay, null for at once. */
  firstPull: (v4: string | null, v5: string | null) => VersionRow;
  unbalancedRebalance: (period: string, minInterval: string) => VersionRow;
  broadcastingNotified: VersionRow;
  retryToDlq: (maxReconsumeTimes: number) => VersionRow;

  syncMaster: { v4: (slaveTimeout: string) => string; v5: string };
  slaveReads: VersionRow;
  slaveSync: (v4: SlaveSyncTiming, v5: SlaveSyncTiming) => VersionRow;
  slaveTakesPullOffsets: VersionRow;
  haSilentMaster: (housekeeping: string) => VersionRow;
  primeSlave: VersionRow;
  notSwitched: string;
}

function slaveSyncEn(timing: SlaveSyncTiming): string {
  return timing.minInterval === null
    ? `${timing.initial} after start, then every ${timing.every}`
    : `the first check ${timing.initial} after start, then every ${timing.every}, syncing only when ${timing.minInterval} have passed since the last (so about ${timing.first} after start)`;
}

function slaveSyncZh(timing: SlaveSyncTiming): string {
  return timing.minInterval === null
    ? `启动 ${timing.initial}后同步，之后每 ${timing.every}一次`
    : `启动 ${timing.initial}后第一次检查，之后每 ${timing.every}检查一次，距上次同步超过 ${timing.minInterval}才同步（所以约在启动 ${timing.first}后）`;
}

const en: VersionSwitchWords = {
  title: 'RocketMQ version',
  label: (version) => `RocketMQ ${version}`,
  changes: 'What the switch changes',
  note: 'Switching replays the whole run with the other version\'s defaults, back to this moment.',
  // A row whose answers are phrases (with commas of their own) separates them with a semicolon.
  row: ({ name, v4, v5 }) => `${name}: 4.x ${v4}${v4.includes(',') || v5.includes(',') ? ';' : ','} 5.x ${v5}`,
  groups: { nameServer: 'NameServer', producer: 'Producer', consumer: 'Consumer', broker: 'Broker and HA', otherDefaults: 'Other defaults' },
  refused: (reason) => `Could not switch: ${reason}`,
  controllerModeOnly5x: 'Controller mode exists only in 5.x',

  refusedNameServer: {
    name: 'a NameServer whose connect is refused (its process down)',
    v4: 'tries the next address in the same call',
    v5: 'fails the call, and the next call takes the next address',
  },
  unansweredNameServer: {
    name: 'a NameServer that does not answer the connect (cut off, no power)',
    v4: 'waits out the connect timeout and tries the next in the same call, its time spent: every call fails while the first stays silent',
    v5: 'fails that call at the connect timeout, and the next call takes the next address',
  },

  producerDefaultTopic: (period) => ({
    name: 'TBW102 (DefaultMQProducerImpl.start)',
    v4: `a producer also pulls its route every ${period} and heartbeats every master that has it`,
    v5: 'a producer knows only the brokers of the topics it sends to',
  }),
  illegalQueueId: {
    name: 'a send to an illegal queue id (past the topic\'s queue count)',
    v4: 'SYSTEM_ERROR, and a SYNC send tries again (retryResponseCodes)',
    v5: 'INVALID_PARAMETER, and the send fails',
  },
  latencyFault: 'With sendLatencyFaultEnable (off by default in both versions), MQFaultStrategy isolates a broker for notAvailableDuration once a send to it takes latencyMax:',
  isolation: 'a failed send isolates its broker for',
  isolationEnd: { name: 'a later answer from an isolated broker', v4: 'sets the isolation\'s end from now (a fast one ends it)', v5: 'only ever moves it later' },
  retryAvoidsLast: { name: 'a retry', v4: 'may take the broker just tried', v5: 'avoids it' },
  brokerNotExist: { name: 'a broker with no address in the route', v4: 'is isolated', v5: 'is not' },

  firstPull: (v4, v5) => ({ name: 'the first pull of a queue a rebalance takes', v4: v4 === null ? 'at once' : `${v4} later`, v5: v5 === null ? 'at once' : `${v5} later` }),
  unbalancedRebalance: (period, minInterval) => ({
    name: 'a rebalance that could not start a queue runs again',
    v4: `at the next period (${period})`,
    v5: `${minInterval} later (rebalanceMinInterval)`,
  }),
  broadcastingNotified: {
    name: 'a member joining or leaving a BROADCASTING group (NOTIFY_CONSUMER_IDS_CHANGED)',
    v4: 'is told to every member, which rebalance to the same queues',
    v5: 'is not told',
  },
  retryToDlq: (max) => ({
    name: 'a message the consumer sends to %RETRY% itself (its send-back failed) goes to %DLQ%',
    v4: `once its RECONSUME_TIME reaches ${max}`,
    v5: `once it passes ${max}`,
  }),

  syncMaster: {
    v4: (slaveTimeout) => `4.x SYNC_MASTER: waits up to ${slaveTimeout} (slaveTimeout) for a slave's ack, else FLUSH_SLAVE_TIMEOUT; SLAVE_NOT_AVAILABLE at once without a slave in sync`,
    v5: '5.x SYNC_MASTER: inSyncReplicas decides (default 1: SEND_OK at once); enableSlaveActingMaster refuses a put too few replicas could hold',
  },
  slaveReads: {
    name: 'a slave answers pulls (its master down, consumers pull there)',
    v4: 'always',
    v5: 'only with slaveReadEnable, else SYSTEM_BUSY (PullMessageProcessor.rejectRequest)',
  },
  slaveSync: (v4, v5) => ({ name: 'a slave\'s first sync of topics and offsets (SlaveSynchronize)', v4: slaveSyncEn(v4), v5: slaveSyncEn(v5) }),
  slaveTakesPullOffsets: { name: 'a slave takes the consumed offset a pull carries as the group\'s', v4: 'no (only a master)', v5: 'yes' },
  haSilentMaster: (housekeeping) => ({
    name: 'a slave\'s HA connection to a master it hears nothing from',
    v4: 'stays open',
    v5: `closes after ${housekeeping} (haHousekeepingInterval)`,
  }),
  primeSlave: {
    name: 'a slave\'s registration, while its group has no master, writes its topics\' queues into the route',
    v4: 'no (only a master\'s)',
    v5: 'the lowest-id slave\'s does',
  },
  notSwitched: 'Not switched: an async or oneway call with no channel open waits for the connect, as in 5.3 and later; 4.x and 5.x before 5.3 block the caller on the connect and fail it with RemotingConnectException, so a ONEWAY send there throws to the application',
};

const zh: VersionSwitchWords = {
  title: 'RocketMQ 版本',
  label: (version) => `RocketMQ ${version}`,
  changes: '切换版本会改变什么',
  note: '切换后整个运行按另一版本的默认值重放，并回到当前时刻。',
  row: ({ name, v4, v5 }) => `${name}：4.x ${v4}${v4.includes('，') || v5.includes('，') ? '；' : '，'}5.x ${v5}`,
  groups: { nameServer: 'NameServer', producer: '生产者', consumer: '消费者', broker: 'Broker 与主从复制（HA）', otherDefaults: '其他默认值' },
  refused: (reason) => `无法切换：${reason}`,
  controllerModeOnly5x: 'Controller 模式只在 5.x 中才有',

  refusedNameServer: {
    name: '连接被拒绝的 NameServer（进程已停）',
    v4: '在同一次调用里接着试下一个地址',
    v5: '这次调用失败，下一次调用改用下一个地址',
  },
  unansweredNameServer: {
    name: '连接无应答的 NameServer（被隔离或断电）',
    v4: '等满连接超时后在同一次调用里接着试下一个，但调用的时间已经用完：只要第一个一直无应答，每次调用都失败',
    v5: '这次调用在连接超时后失败，下一次调用改用下一个地址',
  },

  producerDefaultTopic: (period) => ({
    name: 'TBW102（DefaultMQProducerImpl.start）',
    v4: `生产者还会每 ${period}拉取它的路由，并向所有持有它的 Master 发送心跳`,
    v5: '生产者只联系它所发送主题的 Broker',
  }),
  illegalQueueId: {
    name: '发往非法队列 id（超出主题的队列数）的消息',
    v4: 'SYSTEM_ERROR，同步发送会重试（retryResponseCodes）',
    v5: 'INVALID_PARAMETER，发送失败',
  },
  latencyFault: '开启 sendLatencyFaultEnable 时（两个版本默认都不开启），一次发送耗时达到 latencyMax，MQFaultStrategy 就把它的 Broker 隔离 notAvailableDuration：',
  isolation: '发送失败时 Broker 被隔离',
  isolationEnd: { name: '被隔离的 Broker 之后的应答', v4: '从现在起重新计算隔离的结束时间（应答快就立即结束隔离）', v5: '只会推迟隔离的结束' },
  retryAvoidsLast: { name: '重试', v4: '可能选中刚试过的 Broker', v5: '避开它' },
  brokerNotExist: { name: '路由里没有地址的 Broker', v4: '被隔离', v5: '不被隔离' },

  firstPull: (v4, v5) => ({ name: '重平衡分到的队列的第一次拉取', v4: v4 === null ? '立即' : `${v4}后`, v5: v5 === null ? '立即' : `${v5}后` }),
  unbalancedRebalance: (period, minInterval) => ({
    name: '有队列没能开始消费的重平衡再次运行',
    v4: `在下一个周期（${period}）`,
    v5: `${minInterval}后（rebalanceMinInterval）`,
  }),
  broadcastingNotified: {
    name: 'BROADCASTING 消费者组有成员加入或离开（NOTIFY_CONSUMER_IDS_CHANGED）',
    v4: '通知每个成员，它们重平衡到同样的队列',
    v5: '不通知',
  },
  retryToDlq: (max) => ({
    name: '消费者回退失败后自己发往 %RETRY% 的消息进入 %DLQ%',
    v4: `在 RECONSUME_TIME 达到 ${max} 次时`,
    v5: `在它超过 ${max} 次时`,
  }),

  syncMaster: {
    v4: (slaveTimeout) => `4.x SYNC_MASTER：最多等待 ${slaveTimeout}（slaveTimeout）Slave 的确认，否则返回 FLUSH_SLAVE_TIMEOUT；没有同步中的 Slave 时立即返回 SLAVE_NOT_AVAILABLE`,
    v5: '5.x SYNC_MASTER：由 inSyncReplicas 决定（默认 1：立即 SEND_OK）；enableSlaveActingMaster 时副本不足则拒绝写入',
  },
  slaveReads: {
    name: 'Slave 响应拉取（Master 宕机时消费者改向它拉取）',
    v4: '总是响应',
    v5: '只在开启 slaveReadEnable 时响应，否则 SYSTEM_BUSY（PullMessageProcessor.rejectRequest）',
  },
  slaveSync: (v4, v5) => ({ name: 'Slave 第一次同步主题和消费位点（SlaveSynchronize）', v4: slaveSyncZh(v4), v5: slaveSyncZh(v5) }),
  slaveTakesPullOffsets: { name: 'Slave 把拉取请求带来的消费位点记为消费者组的位点', v4: '不会（只有 Master 会）', v5: '会' },
  haSilentMaster: (housekeeping) => ({
    name: 'Slave 收不到 Master 任何数据时的 HA 连接',
    v4: '一直保持',
    v5: `${housekeeping}后关闭（haHousekeepingInterval）`,
  }),
  primeSlave: {
    name: '组里没有 Master 时，Slave 的注册把它的主题队列写进路由',
    v4: '不会（只有 Master 的注册会）',
    v5: 'id 最小的 Slave 的注册会',
  },
  notSwitched: '不随版本切换：没有打开的连接时，异步或单向调用按 5.3 及以后的方式等待建连；4.x 和 5.3 之前的 5.x 会让调用方阻塞等待建连，失败时抛出 RemotingConnectException，所以那里的单向发送会把异常抛给应用',
};

export const VERSION_SWITCH_WORDS: Bilingual<VersionSwitchWords> = { en, zh };
