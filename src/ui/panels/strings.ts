/**
 * Labels of the simulation panels in English and Simplified Chinese. RocketMQ's own names
 * (NameServer, Broker, writeQueueNums, brokerLiveTable...) stay in Latin script in both, so a
 * student can find them in RocketMQ's code and documentation.
 */
import type { BrokerRoleNow } from '../../sim/index.ts';
import type { MasterDown } from './queue-model.ts';
import type { Language } from '../../store/playback.ts';
import { type Bilingual, inLanguage } from '../i18n/index.ts';

/** How many hidden system topics the NameServer panel names before it says "…" (等). */
const SYSTEM_TOPICS_NAMED = 3;

/** The system topics a NameServer actually holds, not examples: a cluster without autoCreateTopicEnable has no TBW102. */
function namedSystemTopics(topics: readonly string[], separator: string, more: string): string {
  return topics.slice(0, SYSTEM_TOPICS_NAMED).join(separator) + (topics.length > SYSTEM_TOPICS_NAMED ? more : '');
}

/** 'notStarted': a process before its start; 'stopped': a client after its shutdown (a broker's shutdown is 'shutdown'). */
export type EntityStatus = 'running' | 'crashed' | 'poweredOff' | 'partitioned' | 'shutdown' | 'notStarted' | 'stopped' | 'hung' | 'up' | 'down';

export interface PanelStrings {
  noScenario: string;
  status: Record<EntityStatus, string>;
  /** A broker's role now (an election makes a slave the master, and a cut-off old master is stale until it hears). */
  roleNow: Record<BrokerRoleNow, string>;

  summaryTitle: string;
  summary: Record<'sent' | 'sendAttempts' | 'stored' | 'consumed' | 'neverConsumable' | 'lagging' | 'delayed' | 'deadLettered' | 'duplicates' | 'failed' | 'failedAttempts' | 'lost' | 'storedBehind' | 'filteredOut', { label: string; hint: string }>;

  topologyTitle: string;
  topologyDescription: string;
  producers: string;
  consumers: string;
  brokers: string;
  nameServers: string;
  legendRegistered: string;
  legendNotListed: string;
  legendChosenNameServer: string;
  legendCanWrite: string;
  legendAllocated: string;
  dots: Record<'sent' | 'stored' | 'consumed' | 'registered' | 'route' | 'heartbeat', string>;
  producer: string;
  consumer: string;
  /**
   * What a process's accessible name adds after the words drawn in its box (the name begins with
   * those, so a speech user can say what they see); a NameServer's box already says NameServer.
   */
  nodeKind: {
    broker: string;
    producer: string;
    consumer: (group: string) => string;
  };

  notFound: string;
  cluster: string;
  address: string;
  role: string;
  topic: string;
  group: string;
  /** A client's group in its own facts: a producer's is a producer group. */
  producerGroup: string;
  consumerGroup: string;
  queue: string;
  offset: string;
  lastUpdate: string;
  none: string;

  queueTitle: string;
  queueRule: string;
  legendWritable: string;
  legendReadable: string;
  legendNeverConsumable: string;
  legendIdle: string;
  messages: (count: number) => string;
  lag: string;
  neverConsumable: string;
  /**
   * A queue no consumer may pull any more whose unconsumed messages sit in the ProcessQueues of
   * `pulledBy`, pulled before: consumed until a rebalance drops the queue, the rest stranded.
   */
  queuePulled: (left: number, pulledBy: readonly string[]) => string;
  /** A queue no consumer may pull that producers still write (readQueueNums <= id < writeQueueNums), nothing in it now. */
  queueFilling: string;
  neverConsumableTotal: string;
  noUserTopics: string;
  queueCounts: (write: number, read: number, perm: string) => string;
  /** Under a broker's queues while its master is down: who writes and reads them now, and whose counts these are. */
  queueMasterDown: (down: MasterDown) => string;
  queueCellLabel: (queueId: number, count: number, writable: boolean, readable: boolean) => string;
  /** The button on a queue's id that opens its card. */
  openQueue: (broker: string, queueId: number) => string;
  idleQueue: string;
  idleConsumers: string;
  /** After a consumer's status on the canvas: it gets no new message now (the queue panel says why). */
  idleWord: string;
  noIdleConsumers: string;

  nameServerTitle: string;
  noBrokersRegistered: string;
  expiresIn: (timeout: string) => string;
  nextScanIn: (duration: string) => string;
  expiryBar: (duration: string) => string;
  overdue: string;
  routes: string;
  noRoutes: string;
  /** The system topics a NameServer holds but its route list leaves out, named (the first few). */
  systemTopicsHidden: (topics: readonly string[]) => string;
  routeBrokers: (brokerName: string, write: number, read: number) => string;
  disagreement: (broker: string, listedBy: string[], notListedBy: string[]) => string;
  agreement: string;

  logTitle: string;
  filterType: string;
  allTypes: string;
  filterEntity: string;
  filterEntityPlaceholder: string;
  showing: (shown: number, matching: string) => string;
  /** While the search of the past for a filter is still going on. */
  showingSoFar: (shown: number, matching: string) => string;
  noEvents: string;
  searching: string;
  seekTo: (time: string) => string;
  /** Read with the log's one row in the Tab order: how to reach the others. */
  logKeys: string;
  time: string;
  type: string;
  what: string;
}

const en: PanelStrings = {
  noScenario: 'No scenario is loaded.',
  status: {
    running: 'running', crashed: 'crashed', poweredOff: 'powered off', partitioned: 'partitioned', shutdown: 'shut down', notStarted: 'not started', stopped: 'stopped',
    hung: 'hung', up: 'up', down: 'down',
  },
  roleNow: { master: 'master', slave: 'slave', staleMaster: 'old master' },

  summaryTitle: 'Summary',
  summary: {
    sent: { label: 'Sent', hint: 'messages the producers sent (each send() call), counted once however many attempts it took, or none: a send with no queue to write to fails before any attempt (No route info of this topic)' },
    sendAttempts: { label: 'Send attempts', hint: 'SEND_MESSAGE requests: a message retried twice is three attempts' },
    stored: { label: 'Stored', hint: 'messages written to a broker\'s CommitLog' },
    consumed: { label: 'Consumed', hint: 'messages consumed, each counted once per consumer group (once per consumer in a BROADCASTING group, where every consumer reads every message): two groups on one topic count each message twice' },
    neverConsumable: { label: 'Not consumable', hint: 'messages in queues no consumer may pull now (id at or above readQueueNums, or no R in perm) that no group consumed or pulled: no consumer is given them until readQueueNums is raised (or the perm gets R back)' },
    lagging: { label: 'Lagging', hint: 'stored in readable queues beyond each group\'s offset there: the offset of the consumer holding the queue, else the one committed on the broker. A queue no consumer holds (its broker gone from the routes) counts what was consumed but never committed: its next owner consumes it again. A group\'s retry queue (%RETRY%<group>) counts too, as mqadmin consumerProgress counts it' },
    delayed: { label: 'Delayed', hint: 'stored in SCHEDULE_TOPIC_XXXX, waiting for their delay level before the broker writes them to their topic: delayed messages, and retries of failed consumption (level 3 + reconsumeTimes) before they reach %RETRY%<group>' },
    deadLettered: { label: 'Dead-lettered', hint: 'messages whose listener failed them 17 times (the first try and maxReconsumeTimes, 16 retries): the broker wrote them to %DLQ%<group>, which no consumer reads; counted once per group' },
    duplicates: { label: 'Duplicates', hint: 'deliveries of a message its group had already consumed: at-least-once delivery, expected after a rebalance or a crash' },
    failed: { label: 'Failed messages', hint: 'messages whose send() failed: after every retry, or with no attempt at all when the route offered no queue to write to' },
    failedAttempts: { label: 'Failed attempts', hint: 'send attempts that failed, retried or not' },
    lost: { label: 'Lost', hint: 'messages no broker holds any more (message.lost in the log): ONEWAY sends no broker stored, which nobody answers, and stored copies a power loss or a new master\'s truncation took before any other replica had them. A group that had pulled one before it was lost consumed it; a group that had not read it yet, a group that starts later or an offset reset never sees it' },
    storedBehind: { label: 'Read past', hint: 'messages stored at a queue offset a consumer group had already read past, which it never reads (message.storedBehind in the log): a power loss (only what was flushed survives) or a new master\'s truncation cut the queue back, the next messages took its offsets again, and the group pulls on from its own next offset. Each was answered SEND_OK; nobody is told. Counted once per group (per consumer in BROADCASTING), unless the group consumes it after all' },
    filteredOut: { label: 'Filtered out', hint: 'messages a consumer group never consumes because its members subscribe differently: one member passed over a message another member wants (message.filtered in the log), counted once per group; a pass-over of a message the group consumed all the same (its queue changed owner) is in the log, not in this count' },
  },

  topologyTitle: 'Topology',
  topologyDescription: 'NameServers at the top, producers, broker groups and consumer groups below, with the links between them.',
  producers: 'Producers',
  consumers: 'Consumers',
  brokers: 'Brokers',
  nameServers: 'NameServers',
  legendRegistered: 'registered with the NameServer',
  legendNotListed: 'not in the NameServer\'s brokerLiveTable',
  legendChosenNameServer: 'client → chosen NameServer',
  legendCanWrite: 'producer can write',
  legendAllocated: 'consumer owns queues',
  dots: { sent: 'message sent', stored: 'message stored', consumed: 'message consumed', registered: 'broker registration', route: 'route pull', heartbeat: 'client heartbeat' },
  producer: 'Producer',
  consumer: 'Consumer',
  nodeKind: {
    broker: 'Broker',
    producer: 'Producer',
    consumer: (group) => `Consumer (${group})`,
  },

  notFound: 'The selected process is not part of this scenario.',
  cluster: 'Cluster',
  address: 'Address',
  role: 'Role',
  topic: 'Topic',
  group: 'Group',
  producerGroup: 'Producer group',
  consumerGroup: 'Consumer group',
  queue: 'Queue',
  offset: 'Offset',
  lastUpdate: 'lastUpdateTimestamp (last registration)',
  none: 'none',

  queueTitle: 'Queues',
  queueRule: 'Producers write only queue ids below writeQueueNums; consumers are given only ids below readQueueNums — messages in queues at or above readQueueNums are not consumed until readQueueNums is raised.',
  legendWritable: 'W: producers write to this queue id',
  legendReadable: 'R: consumers can be given this queue id',
  legendNeverConsumable: 'unconsumable: written, but no consumer is given it until readQueueNums is raised',
  legendIdle: 'idle: readable, but no producer writes to it',
  messages: (count) => (count === 1 ? '1 message' : `${count} messages`),
  lag: 'lag',
  neverConsumable: 'unconsumable',
  queuePulled: (left, pulledBy) =>
    `not consumed yet: ${left}, pulled by ${pulledBy.length > 0 ? pulledBy.join(', ') : 'a consumer'} before this queue became unreadable; consumed only until a rebalance drops the queue, the rest not until readQueueNums is raised`,
  queueFilling: 'producers may write it (id < writeQueueNums): every message written here is unconsumable until readQueueNums is raised',
  neverConsumableTotal: 'Unconsumable in total',
  noUserTopics: 'No topic with queues yet.',
  queueCounts: (write, read, perm) => `writeQueueNums ${write} · readQueueNums ${read} · perm ${perm}`,
  queueMasterDown: ({ master, status, reader }) => `${master} ${status === 'crashed' ? 'crashed' : 'was shut down'}: no producer writes here now (no W). ${reader
    ? `Its consumers read from the slave ${reader}, which may hold fewer messages;`
    : 'No slave runs: nothing can be read here until it is back;'} the counts below are ${master}'s.`,
  openQueue: (broker, queueId) => `#${queueId}: open the latest messages of ${broker} queue ${queueId}`,
  queueCellLabel: (queueId, count, writable, readable) =>
    `Queue ${queueId}: ${count} messages, ${writable ? 'writable' : 'not writable'}, ${readable ? 'readable' : 'not readable'}`,
  idleQueue: 'receives no messages',
  idleConsumers: 'Idle consumers',
  idleWord: 'idle',
  noIdleConsumers: 'None: every running consumer owns a queue that receives messages.',

  nameServerTitle: 'NameServers',
  noBrokersRegistered: 'No broker registered.',
  expiresIn: (timeout) => `Expires (${timeout} timeout)`,
  nextScanIn: (duration) => `next scanNotActiveBroker in ${duration}`,
  expiryBar: (duration) => `${duration} until the heartbeat timeout`,
  overdue: 'timed out: removed at the next scan',
  routes: 'Routes (topicQueueTable)',
  noRoutes: 'No route.',
  systemTopicsHidden: (topics) => `and ${topics.length} system ${topics.length === 1 ? 'topic' : 'topics'} (${namedSystemTopics(topics, ', ', ', …')})`,
  routeBrokers: (brokerName, write, read) => `${brokerName} (W ${write} / R ${read})`,
  disagreement: (broker, listedBy, notListedBy) =>
    `The NameServers disagree: ${listedBy.join(', ')} ${listedBy.length === 1 ? 'lists' : 'list'} ${broker}, ${notListedBy.join(', ')} ${notListedBy.length === 1 ? 'does' : 'do'} not. NameServers never talk to each other; each learns only from the broker's own registrations.`,
  agreement: 'Every running NameServer lists the same brokers.',

  logTitle: 'Event log',
  filterType: 'Type',
  allTypes: 'All types',
  filterEntity: 'Entity',
  filterEntityPlaceholder: 'broker-a, p-1, TopicTest…',
  showing: (shown, matching) => `Latest ${shown} of ${matching} matching events, newest first.`,
  showingSoFar: (shown, matching) => `Latest ${shown} of at least ${matching} matching events, newest first (still searching…).`,
  noEvents: 'No event matches yet.',
  searching: 'Searching the trace…',
  seekTo: (time) => `Go to ${time}`,
  logKeys: 'Up and Down arrows move between events, Home and End to the newest and the oldest; Enter moves the playhead to the event.',
  time: 'Time',
  type: 'Type',
  what: 'What happened',
};

const zh: PanelStrings = {
  noScenario: '尚未加载场景。',
  status: {
    running: '运行中', crashed: '已崩溃', poweredOff: '已断电', partitioned: '网络分区', shutdown: '已关闭', notStarted: '未启动', stopped: '已停止',
    hung: '卡死', up: '在线', down: '宕机',
  },
  roleNow: { master: 'Master', slave: 'Slave', staleMaster: '旧 Master' },

  summaryTitle: '概览',
  summary: {
    sent: { label: '已发送', hint: '生产者发送的消息（每次 send() 调用），无论尝试几次，每条只计一次；没有可写队列时一次也不尝试就失败（No route info of this topic）' },
    sendAttempts: { label: '发送尝试', hint: 'SEND_MESSAGE 请求数：一条重试两次的消息计三次尝试' },
    stored: { label: '已存储', hint: '写入 Broker CommitLog 的消息' },
    consumed: { label: '已消费', hint: '已消费的消息，每个消费者组计一次（BROADCASTING 组里每个消费者都读全部消息，按消费者计）：两个消费者组订阅同一个 Topic 时，每条消息计两次' },
    neverConsumable: { label: '无法消费', hint: '现在没有消费者能拉取的队列（id ≥ readQueueNums，或 perm 没有 R）中、尚未被任何消费者组消费或拉取的消息：直到调大 readQueueNums（或 perm 恢复 R），才会有消费者分到它们' },
    lagging: { label: '消费堆积', hint: '可读队列中超出各消费者组位点的消息：位点取持有该队列的消费者的，否则取 Broker 上已提交的。没有消费者持有的队列（其 Broker 已从路由中消失）会把已消费、但位点没来得及提交的消息也算进来：下一个持有者会再消费一次。消费者组的重试队列（%RETRY%<group>）也计入，和 mqadmin consumerProgress 的统计一样' },
    delayed: { label: '延迟中', hint: '存在 SCHEDULE_TOPIC_XXXX 中、等待延迟级别到期后才由 Broker 写入其 Topic 的消息：延迟消息，以及消费失败后的重试（级别 3 + reconsumeTimes），之后进入 %RETRY%<group>' },
    deadLettered: { label: '进入死信队列', hint: '监听器处理失败 17 次（首次消费加 maxReconsumeTimes 的 16 次重试）的消息：Broker 把它写入 %DLQ%<group>，没有消费者会读取它；每个消费者组计一次' },
    duplicates: { label: '重复消费', hint: '消费者组再次收到已消费过的消息：至少一次（at-least-once）投递，在负载均衡或崩溃之后属于正常现象' },
    failed: { label: '发送失败的消息', hint: 'send() 失败的消息：用尽所有重试后仍失败，或路由里没有可写队列、一次也没尝试' },
    failedAttempts: { label: '失败的发送尝试', hint: '失败的发送尝试，无论之后是否重试成功' },
    lost: { label: '丢失', hint: '已没有任何 Broker 持有的消息（见事件日志中的 message.lost）：没有 Broker 存储的 ONEWAY 发送（它们没有应答），以及在其他副本拥有之前，被断电或新 Master 截断带走的已存储副本。在丢失前已拉取它的消费者组照常消费了它；还没读到它的消费者组、之后启动的消费者组或重置位点后都再也读不到它' },
    storedBehind: { label: '位点已越过', hint: '存在消费者组已经读过的队列位点上、该组永远读不到的消息（见事件日志中的 message.storedBehind）：断电（只有已刷盘的部分保留下来）或新 Master 的截断让队列回退，之后的消息重新占用了这些位点，而消费者组从自己的下一个位点继续拉取。这些消息都得到了 SEND_OK，却没有任何人得到通知。每个消费者组计一次（BROADCASTING 按消费者计），之后仍被该组消费的不计入' },
    filteredOut: { label: '被过滤跳过', hint: '因组内成员订阅不一致而永远不会被该消费者组消费的消息：一个成员跳过了另一个成员需要的消息（见事件日志中的 message.filtered），每个消费者组只计一次；被跳过、但因队列换了所有者而仍被该组消费的消息只出现在日志中，不计入此数' },
  },

  topologyTitle: '拓扑',
  topologyDescription: '顶部是 NameServer，下方依次是生产者、Broker 组和消费者组，以及它们之间的连线。',
  producers: '生产者',
  consumers: '消费者',
  brokers: 'Broker',
  nameServers: 'NameServer',
  legendRegistered: '已注册到 NameServer',
  legendNotListed: '不在该 NameServer 的 brokerLiveTable 中',
  legendChosenNameServer: '客户端 → 选定的 NameServer',
  legendCanWrite: '生产者可写入',
  legendAllocated: '消费者分配到的队列',
  dots: { sent: '发送消息', stored: '存储消息', consumed: '消费消息', registered: 'Broker 注册', route: '路由拉取', heartbeat: '客户端心跳' },
  producer: '生产者',
  consumer: '消费者',
  nodeKind: {
    broker: 'Broker',
    producer: '生产者',
    consumer: (group) => `消费者（${group}）`,
  },

  notFound: '所选进程不在此场景中。',
  cluster: '集群',
  address: '地址',
  role: '角色',
  topic: 'Topic',
  group: '消费者组',
  producerGroup: '生产者组',
  consumerGroup: '消费者组',
  queue: '队列',
  offset: '消费位点',
  lastUpdate: 'lastUpdateTimestamp（上次注册）',
  none: '无',

  queueTitle: '队列',
  queueRule: '生产者只写入 id 小于 writeQueueNums 的队列；消费者只会被分配 id 小于 readQueueNums 的队列——id 大于或等于 readQueueNums 的队列中的消息，在调大 readQueueNums 之前不会被消费。',
  legendWritable: 'W：生产者会写入该队列 id',
  legendReadable: 'R：该队列 id 可以分配给消费者',
  legendNeverConsumable: '无法消费：有消息写入，但在调大 readQueueNums 之前不会分配给任何消费者',
  legendIdle: '空闲：可读，但没有生产者写入',
  messages: (count) => `${count} 条消息`,
  lag: '堆积',
  neverConsumable: '无法消费',
  queuePulled: (left, pulledBy) =>
    `尚未消费 ${left} 条：${pulledBy.length > 0 ? pulledBy.join('、') : '消费者'} 在此队列变为不可读之前已拉取；${pulledBy.length > 1 ? '它们' : '它'}只会消费到负载均衡放弃此队列为止，剩下的在调大 readQueueNums 之前无法消费`,
  queueFilling: '生产者可以写入（id < writeQueueNums）：在调大 readQueueNums 之前，写到这里的每条消息都无法消费',
  neverConsumableTotal: '无法消费的消息总数',
  noUserTopics: '还没有带队列的 Topic。',
  queueCounts: (write, read, perm) => `writeQueueNums ${write} · readQueueNums ${read} · perm ${perm}`,
  queueMasterDown: ({ master, status, reader }) => `${master} ${status === 'crashed' ? '已崩溃' : '已关闭'}：现在没有生产者写入这里（没有 W）。${reader
    ? `它的消费者从 Slave ${reader} 读取，Slave 上的消息可能更少；`
    : '没有 Slave 在运行：在它恢复之前，这里的消息都无法读取；'}下面的数量是 ${master} 的。`,
  openQueue: (broker, queueId) => `#${queueId}：打开 ${broker} 队列 ${queueId} 的最新消息`,
  queueCellLabel: (queueId, count, writable, readable) =>
    `队列 ${queueId}：${count} 条消息，${writable ? '可写' : '不可写'}，${readable ? '可读' : '不可读'}`,
  idleQueue: '不会收到消息',
  idleConsumers: '空闲的消费者',
  idleWord: '空闲',
  noIdleConsumers: '无：每个运行中的消费者都拥有会收到消息的队列。',

  nameServerTitle: 'NameServer',
  noBrokersRegistered: '没有已注册的 Broker。',
  expiresIn: (timeout) => `过期倒计时（超时 ${timeout}）`,
  nextScanIn: (duration) => `${duration}后执行下一次 scanNotActiveBroker`,
  expiryBar: (duration) => `距心跳超时还有 ${duration}`,
  overdue: '已超时：将在下一次扫描时移除',
  routes: '路由（topicQueueTable）',
  noRoutes: '没有路由。',
  systemTopicsHidden: (topics) => `以及 ${topics.length} 个系统 Topic（${namedSystemTopics(topics, '、', ' 等')}）`,
  routeBrokers: (brokerName, write, read) => `${brokerName}（写 ${write} / 读 ${read}）`,
  disagreement: (broker, listedBy, notListedBy) => `NameServer 之间不一致：${listedBy.join('、')} 中有 ${broker}，${notListedBy.join('、')} 中没有。NameServer 之间从不通信，各自只从 Broker 的注册请求中获知信息。`,
  agreement: '所有运行中的 NameServer 列出的 Broker 相同。',

  logTitle: '事件日志',
  filterType: '类型',
  allTypes: '全部类型',
  filterEntity: '实体',
  filterEntityPlaceholder: 'broker-a、p-1、TopicTest…',
  showing: (shown, matching) => `匹配的 ${matching} 个事件中最近的 ${shown} 个，最新的在最上面。`,
  showingSoFar: (shown, matching) => `至少 ${matching} 个匹配的事件中最近的 ${shown} 个，最新的在最上面（仍在搜索…）。`,
  noEvents: '暂无匹配的事件。',
  searching: '正在搜索事件记录…',
  seekTo: (time) => `跳转到 ${time}`,
  logKeys: '上下方向键在事件之间移动，Home 和 End 到最新和最早的事件；Enter 把播放头移到该事件。',
  time: '时间',
  type: '类型',
  what: '发生了什么',
};

export const PANEL_STRINGS: Bilingual<PanelStrings> = { en, zh };

export function panelStrings(language: Language): PanelStrings {
  return inLanguage(PANEL_STRINGS, language);
}
