/**
 * The inspector's words (the tables of a selected NameServer, broker or client), in English and
 * Simplified Chinese: only the inspector, a view loaded on demand, reads them.
 */
import { useMemo } from 'react';
import { useWords, type Bilingual } from '../i18n/index.ts';
import { usePanelStrings } from './shared.tsx';
import type { PanelStrings } from './strings.ts';
import type { HaAbsence } from './status.ts';
import { UNIT_SPACE } from '../../viz/format.ts';

interface InspectorStrings {
  inspectorTitle: string;
  nothingSelected: string;
  /** Clears the selection: the inspector gives the top of the side column back to the event log. */
  closeInspector: string;
  statusLabel: string;
  /** A master's HA connections: each slave and how much of the commit log it acknowledged. */
  haSlaves: string;
  /** No slave holds an HA connection (yet: one registered with the NameServers may not have connected to the HA port). */
  haNoSlave: string;
  /** A master that holds no HA connection, and why (HaAbsence): down in the open, behind a partition, without power, not started. */
  haDown: (why: Exclude<HaAbsence, 'cutOff'>) => string;
  /** A master running behind a partition, whose read service closed each silent slave connection after haHousekeepingInterval. */
  haCutOff: (housekeeping: string) => string;
  haAcked: (acked: number, total: number) => string;
  /** A slave's HAClient: the master it copies from and whether it is connected. */
  haMaster: (addr: string | null, connected: boolean) => string;
  /** A slave whose ReputMessageService stopped at bytes that began inside a message (ha-service.ts): where, and what follows. */
  reputStopped: (entry: number) => string;
  haMasterLabel: string;
  /** A slave's BrokerConfig.slaveReadEnable, and what it means for the consumers' pulls in this version (PullMessageProcessor.rejectRequest). */
  slaveRead: (enabled: boolean, refuses: boolean) => string;
  commitLogLabel: string;
  messagesCount: (count: number) => string;
  /** After the count, on a machine without power: the CommitLog's tail past flushedPhyOffset, gone with the page cache (unflushedTail). */
  unflushed: (bytes: number, messages: number | null) => string;
  committed: string;
  /** A consumer's offset as its last persistAll sent it; a pull carries the offset to the broker too. */
  persisted: string;
  offsetsNote: string;
  ago: (duration: string) => string;
  /** A client's channel with how long ago it was last heard from. */
  channel: (clientId: string, ago: string) => string;
  topicConfigTable: string;
  consumeQueues: string;
  consumerTable: string;
  channels: string;
  consumerOffsetTable: string;
  chosenNameServer: string;
  /** After namesrvAddrList's value: the order is the client's own, shuffled when it started (MQClientInstance). */
  shuffledAtStart: string;
  topicRouteTable: string;
  writeQueues: string;
  readQueues: string;
  allocatedQueues: string;
  pendingMessages: string;
  /** The simulator's send rate of a producer (the scenario's ratePerSec, changed by setProducerRate): not a RocketMQ field. */
  sendRateLabel: string;
  sendRate: (ratePerSec: number) => string;
  /** A client the scenario's timeline adds later (addProducer / addConsumer): no process yet at this time. */
  notAddedYet: (client: string, action: 'addProducer' | 'addConsumer', at: string) => string;
  /** When the NameServer's scanNotActiveBroker task runs next: the simulator's schedule, not a RocketMQ field. */
  nextScanLabel: string;
  subscription: string;
  /** Every consumer here consumes concurrently: orderly consumption's rules are not modelled (docs/conventions.md). */
  listener: string;
  concurrent: string;
  orderlyNotModelled: string;
  /** A producer's LatencyFaultToleranceImpl.faultItemTable (sendLatencyFaultEnable). */
  faultItemTable: string;
  faultColumns: { broker: string; latency: string; available: string; reachable: string };
  faultAvailable: string;
  faultIsolatedFor: (remaining: string) => string;
  yes: string;
  no: string;
  faultNone: string;
  /** What the table does: isolation is the duration of a failure (10 min in 4.x, 10 s in 5.x). */
  faultNote: (isolation: string, avoidsLast: boolean) => string;
  /** sendLatencyFaultEnable off: the plain rotation. */
  faultOff: string;
}

const en: InspectorStrings = {
  inspectorTitle: 'Inspector',
  closeInspector: 'Close',
  nothingSelected: 'Click a NameServer, a broker or a client in the topology (or Tab to its box and press Enter) to see its tables.',
  statusLabel: 'Status',
  haSlaves: 'HA slaves',
  haNoSlave: 'none connected to the HA port',
  haDown: (why) => ({
    closed: 'none: its process is down, and its connections closed with it',
    closedUnseen: 'none: its process is down and closed its connections, but the partition keeps the close from its slave and its clients',
    noPower: 'none: its machine is off. No connection was closed: its slave and its clients notice only by their own timeouts',
    notStarted: 'none: its process has not started',
  })[why],
  haCutOff: (housekeeping) => `none open: cut off by the partition, it closed each slave's connection after ${housekeeping} without a report (haHousekeepingInterval), a close the partition keeps from the slave`,
  haAcked: (acked, total) => `has ${acked.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} messages`,
  haMaster: (addr, connected) => (addr === null ? 'not known yet (learned from a registration)' : `${addr} (its HA port), ${connected ? 'connected' : 'not connected'}`),
  reputStopped: (entry) => `stopped at CommitLog entry ${entry.toLocaleString('en-US')}: its master, shorter after losing power, sent bytes from this slave's offset that began inside a message (an illegal magic code), which a slave's ReputMessageService does not skip. Its ConsumeQueues no longer grow while its CommitLog keeps up in bytes; a restart cuts its log there.`,
  haMasterLabel: 'HA master',
  slaveRead: (enabled, refuses) => `${enabled}: ${refuses
    ? 'refuses every pull (SYSTEM_BUSY), so its group is not read while its master is down (5.x)'
    : enabled ? 'serves the pulls of consumers whose route has no master for its group' : 'in 4.x a slave serves pulls without it'}`,
  commitLogLabel: 'CommitLog',
  messagesCount: (count) => `${count.toLocaleString('en-US')} ${count === 1 ? 'message' : 'messages'}`,
  unflushed: (bytes, messages) => `${messages === null ? '; its last ' : `, of which the last ${messages.toLocaleString('en-US')} (`}${bytes.toLocaleString('en-US')} bytes${messages === null ? '' : ')'} were not flushed to disk: they went with the page cache, and a restart keeps only the flushed part (CommitLog.recoverAbnormally)`,
  committed: 'Committed',
  persisted: 'Last persistAll',
  offsetsNote: `Offset: consumed so far (the OffsetStore's offsetTable). Every pull carries it to the broker (commitOffset), and persistAll sends it every 5${UNIT_SPACE}s (persistConsumerOffsetInterval): the broker's consumerOffsetTable can be ahead of the last persistAll.`,
  ago: (duration) => `${duration} ago`,
  channel: (clientId, ago) => `${clientId} (${ago})`,
  topicConfigTable: 'Topics (topicConfigTable)',
  consumeQueues: 'Consume queues (maxOffset per queue id)',
  consumerTable: 'Consumer groups (consumerTable)',
  channels: 'Channels',
  consumerOffsetTable: 'Committed offsets (consumerOffsetTable)',
  chosenNameServer: 'Chosen NameServer',
  shuffledAtStart: '(shuffled when the client started)',
  topicRouteTable: 'Cached routes (topicRouteTable)',
  writeQueues: 'Write queues',
  readQueues: 'Read queues',
  allocatedQueues: 'Allocated queues (processQueueTable)',
  pendingMessages: 'Pulled, not consumed',
  sendRateLabel: 'Send rate (set by the scenario)',
  sendRate: (rate) => `${rate} msg/s`,
  notAddedYet: (client, action, at) => `${client} is not running yet: the scenario adds it at ${at} (${action}).`,
  nextScanLabel: 'Next scanNotActiveBroker run',
  subscription: 'Subscription',
  listener: 'Listener',
  concurrent: 'concurrent',
  orderlyNotModelled: 'Every consumer here is concurrent (MessageListenerConcurrently): orderly consumption (MessageListenerOrderly: queue locks, local retries without %RETRY%) is not modelled.',
  faultItemTable: 'Latency faults (faultItemTable)',
  faultColumns: { broker: 'Broker', latency: 'currentLatency', available: 'Available', reachable: 'reachable' },
  faultAvailable: 'yes',
  faultIsolatedFor: (remaining) => `isolated, ${remaining} more`,
  yes: 'yes',
  no: 'no',
  faultNone: 'no send answered yet',
  faultNote: (isolation, avoidsLast) => `sendLatencyFaultEnable: each answer's latency isolates its broker for as long as MQFaultStrategy's table says (none under 550${UNIT_SPACE}ms); no answer, or an error answer, isolates it for ${isolation}. A send takes the next queue whose broker is available${avoidsLast ? ' (a retry: and not the broker just tried)' : ''}.`,
  faultOff: 'sendLatencyFaultEnable is off: sends take the queues in turn, and a retry skips the broker just tried (TopicPublishInfo.selectOneMessageQueue), however slow or failing a broker is.',
};

const zh: InspectorStrings = {
  inspectorTitle: '详情',
  closeInspector: '关闭',
  nothingSelected: '在拓扑图中点击一个 NameServer、Broker 或客户端（或用 Tab 移到它的方框上按 Enter），查看它的数据表。',
  statusLabel: '状态',
  haSlaves: 'HA Slave',
  haNoSlave: '尚无 Slave 连接 HA 端口',
  haDown: (why) => ({
    closed: '无：进程已停止，连接随之关闭',
    closedUnseen: '无：进程已停止并关闭了连接，但网络分区让它的 Slave 和客户端收不到这次关闭',
    noPower: '无：机器已断电。没有任何连接被关闭：它的 Slave 和客户端只能靠各自的超时发现',
    notStarted: '无：进程尚未启动',
  })[why],
  haCutOff: (housekeeping) => `无：被网络分区隔离后，每个 Slave 的连接连续 ${housekeeping}收不到上报（haHousekeepingInterval），已被它关闭；网络分区让 Slave 收不到这次关闭`,
  haAcked: (acked, total) => `已确认 ${acked.toLocaleString('zh-CN')} / ${total.toLocaleString('zh-CN')} 条消息`,
  haMaster: (addr, connected) => (addr === null ? '尚未知道（由注册结果得知）' : `${addr}（HA 端口），${connected ? '已连接' : '未连接'}`),
  reputStopped: (entry) => `停在 CommitLog 第 ${entry.toLocaleString('zh-CN')} 条：Master 断电后日志比它短，从它的偏移量发来的字节落在一条消息的中间（魔数非法），而 Slave 的 ReputMessageService 不会跳过。它的 ConsumeQueue 不再增长，CommitLog 却按字节继续跟上；重启后日志会截断到这里。`,
  haMasterLabel: 'HA Master',
  slaveRead: (enabled, refuses) => `${enabled}：${refuses
    ? '拒绝每一次拉取（SYSTEM_BUSY），Master 宕机期间这个组读不到（5.x）'
    : enabled ? '路由里没有 Master 时，响应消费者的拉取' : '4.x 的 Slave 不开启它也响应拉取'}`,
  commitLogLabel: 'CommitLog',
  messagesCount: (count) => `${count.toLocaleString('zh-CN')} 条消息`,
  unflushed: (bytes, messages) => `${messages === null ? '；最后 ' : `，其中最后 ${messages.toLocaleString('zh-CN')} 条（`}${bytes.toLocaleString('zh-CN')} 字节${messages === null ? '' : '）'}尚未刷盘：它们随 page cache 一起丢失，重启后只保留已刷盘的部分（CommitLog.recoverAbnormally）`,
  committed: '已提交位点',
  persisted: '上次 persistAll',
  offsetsNote: `消费位点：已消费到的位置（OffsetStore 的 offsetTable）。每次拉取都会把它带给 Broker（commitOffset），persistAll 每 5${UNIT_SPACE}秒（persistConsumerOffsetInterval）也会发送一次：所以 Broker 的 consumerOffsetTable 可能比上次 persistAll 的值更新。`,
  ago: (duration) => `${duration}前`,
  channel: (clientId, ago) => `${clientId}（${ago}）`,
  topicConfigTable: '主题配置（topicConfigTable）',
  consumeQueues: '消费队列（每个队列 id 的 maxOffset）',
  consumerTable: '消费者组（consumerTable）',
  channels: '连接',
  consumerOffsetTable: '已提交的消费位点（consumerOffsetTable）',
  chosenNameServer: '选定的 NameServer',
  shuffledAtStart: '（客户端启动时打乱的顺序）',
  topicRouteTable: '缓存的路由（topicRouteTable）',
  writeQueues: '可写队列',
  readQueues: '可读队列',
  allocatedQueues: '分配到的队列（processQueueTable）',
  pendingMessages: '已拉取、未消费',
  sendRateLabel: '发送速率（由场景设定）',
  sendRate: (rate) => `${rate} 条/秒`,
  notAddedYet: (client, action, at) => `${client} 尚未运行：场景在 ${at} 加入它（${action}）。`,
  nextScanLabel: '下一次 scanNotActiveBroker 扫描',
  subscription: '订阅表达式',
  listener: '监听器',
  concurrent: '并发消费',
  orderlyNotModelled: '这里的消费者都是并发消费（MessageListenerConcurrently）：顺序消费（MessageListenerOrderly：队列锁、不经 %RETRY% 的本地重试）未建模。',
  faultItemTable: '延迟故障表（faultItemTable）',
  faultColumns: { broker: 'Broker', latency: '延迟（currentLatency）', available: '可用', reachable: '可达（reachable）' },
  faultAvailable: '可用',
  faultIsolatedFor: (remaining) => `隔离中，还剩 ${remaining}`,
  yes: '是',
  no: '否',
  faultNone: '还没有发送得到回复',
  faultNote: (isolation, avoidsLast) => `sendLatencyFaultEnable：每收到一次回复，按回复耗时查 MQFaultStrategy 的表，决定把该 Broker 隔离多久（耗时低于 550${UNIT_SPACE}毫秒不隔离）；没有回复或回复了错误，则隔离 ${isolation}。发送选下一个 Broker 可用的队列${avoidsLast ? '（重试时还要避开刚试过的 Broker）' : ''}。`,
  faultOff: 'sendLatencyFaultEnable 未开启：发送依次轮流选择队列，重试时跳过刚试过的 Broker（TopicPublishInfo.selectOneMessageQueue），不管 Broker 多慢或多少次失败。',
};

export const INSPECTOR_STRINGS: Bilingual<InspectorStrings> = { en, zh };

/** What the inspector's views read: the panels' shared words and the inspector's own. */
export type InspectStrings = PanelStrings & InspectorStrings;

export function useInspectStrings(): InspectStrings {
  const panel = usePanelStrings();
  const own = useWords(INSPECTOR_STRINGS);
  return useMemo(() => ({ ...panel, ...own }), [panel, own]);
}
