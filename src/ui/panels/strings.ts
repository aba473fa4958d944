/**
 * Labels of the simulation panels in English and Simplified Chinese. RocketMQ's own names
 * (NameServer, Broker, writeQueueNums, brokerLiveTable...) stay in Latin script in both, so a
 * student can find them in RocketMQ's code and documentation.
 */
import type { BrokerRoleNow } from '../../sim/index.ts';
import type { Language } from '../../store/playback.ts';
import { type Bilingual, inLanguage } from '../i18n/index.ts';

/** 'notStarted': a process before its start; 'stopped': a client after its shutdown (a broker's shutdown is 'shutdown'). */
export type EntityStatus = 'running' | 'crashed' | 'poweredOff' | 'partitioned' | 'shutdown' | 'notStarted' | 'stopped' | 'hung' | 'up' | 'down';

export interface PanelStrings {
  noScenario: string;
  status: Record<EntityStatus, string>;
  /** A broker's role now (an election makes a slave the master, and a cut-off old master is stale until it hears). */
  roleNow: Record<BrokerRoleNow, string>;

  summaryTitle: string;
  summary: Record<'sent' | 'sendAttempts' | 'stored' | 'consumed' | 'neverConsumable' | 'lagging' | 'delayed' | 'deadLettered' | 'dropped' | 'duplicates' | 'failed' | 'failedAttempts' | 'lost' | 'storedBehind' | 'filteredOut', { label: string; hint: string }>;

  topologyTitle: string;
  topologyDescription: string;
  producers: string;
  consumers: string;
  brokers: string;
  nameServers: string;
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

  queueCounts: (write: number, read: number, perm: string) => string;
  /** After a consumer's status on the canvas: it gets no new message now (the queue panel says why). */
  idleWord: string;
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
    deadLettered: { label: 'Dead-lettered', hint: 'messages whose listener failed them maxReconsumeTimes + 1 times (17 by default): the broker wrote them to %DLQ%<group>, which no consumer reads; counted once per group' },
    dropped: { label: 'Dropped', hint: 'consumptions a BROADCASTING consumer\'s listener failed: RocketMQ drops them, with no retry and no dead letter (ConsumeMessageConcurrentlyService); each consumer counts its own' },
    duplicates: { label: 'Duplicates', hint: 'deliveries of a message its group had already consumed: at-least-once delivery, expected after a rebalance or a crash' },
    failed: { label: 'Failed messages', hint: 'messages whose send() failed: after every retry, or with no attempt at all when the route offered no queue to write to' },
    failedAttempts: { label: 'Failed attempts', hint: 'send attempts that failed, retried or not' },
    lost: { label: 'Lost', hint: 'messages no broker holds any more (message.lost in the log): ONEWAY sends no broker stored, which nobody answers, and stored copies a power loss or a new master\'s truncation took before any other replica had them. A group that had pulled one before it was lost consumed it; a group that had not read it yet, a group that starts later or an offset reset never sees it' },
    storedBehind: { label: 'Skipped by offset', hint: 'messages stored at a queue offset a consumer group had already read past, which it never reads (message.storedBehind in the log): a power loss (only what was flushed survives) or a new master\'s truncation cut the queue back, the next messages took its offsets again, and the group pulls on from its own next offset. Each was answered SEND_OK; nobody is told. Counted once per group (per consumer in BROADCASTING), unless the group consumes it after all' },
    filteredOut: { label: 'Filtered out', hint: 'messages a consumer group never consumes because its members subscribe differently: one member passed over a message another member wants (message.filtered in the log), counted once per group; a pass-over of a message the group consumed all the same (its queue changed owner) is in the log, not in this count' },
  },

  topologyTitle: 'Topology',
  topologyDescription: 'NameServers at the top, producers, broker groups and consumer groups below, with the links between them.',
  producers: 'Producers',
  consumers: 'Consumers',
  brokers: 'Brokers',
  nameServers: 'NameServers',
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

  queueCounts: (write, read, perm) => `writeQueueNums ${write} · readQueueNums ${read} · perm ${perm}`,
  idleWord: 'idle',
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
    deadLettered: { label: '进入死信队列', hint: '监听器处理失败 maxReconsumeTimes + 1 次（默认 17 次）的消息：Broker 把它写入 %DLQ%<group>，没有消费者会读取它；每个消费者组计一次' },
    dropped: { label: '被丢弃', hint: '广播消费者的监听器处理失败的消息：RocketMQ 直接丢弃，不重试，也不进死信队列（ConsumeMessageConcurrentlyService）；每个消费者各自计数' },
    duplicates: { label: '重复消费', hint: '消费者组再次收到已消费过的消息：至少一次（at-least-once）投递，在负载均衡或崩溃之后属于正常现象' },
    failed: { label: '失败消息', hint: 'send() 失败的消息：用尽所有重试后仍失败，或路由里没有可写队列、一次也没尝试' },
    failedAttempts: { label: '失败尝试', hint: '失败的发送尝试，无论之后是否重试成功' },
    lost: { label: '丢失', hint: '已没有任何 Broker 持有的消息（见事件日志中的 message.lost）：没有 Broker 存储的 ONEWAY 发送（它们没有应答），以及在其他副本拥有之前，被断电或新 Master 截断带走的已存储副本。在丢失前已拉取它的消费者组照常消费了它；还没读到它的消费者组、之后启动的消费者组或重置位点后都再也读不到它' },
    storedBehind: { label: '越过未读', hint: '被存到消费者组位点已越过的位置上、因此该组永远读不到的消息（见事件日志中的 message.storedBehind）：断电（只有已刷盘的部分保留下来）或新 Master 的截断让队列回退，之后的消息重新占用了这些位点，而消费者组从自己的下一个位点继续拉取。这些消息都得到了 SEND_OK，却没有任何人得到通知。每个消费者组计一次（BROADCASTING 按消费者计），之后仍被该组消费的不计入' },
    filteredOut: { label: '被过滤跳过', hint: '因组内成员订阅不一致而永远不会被该消费者组消费的消息：一个成员跳过了另一个成员需要的消息（见事件日志中的 message.filtered），每个消费者组只计一次；被跳过、但因队列换了所有者而仍被该组消费的消息只出现在日志中，不计入此数' },
  },

  topologyTitle: '拓扑',
  topologyDescription: '顶部是 NameServer，下方依次是生产者、Broker 组和消费者组，以及它们之间的连线。',
  producers: '生产者',
  consumers: '消费者',
  brokers: 'Broker',
  nameServers: 'NameServer',
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

  queueCounts: (write, read, perm) => `writeQueueNums ${write} · readQueueNums ${read} · perm ${perm}`,
  idleWord: '空闲',
};

export const PANEL_STRINGS: Bilingual<PanelStrings> = { en, zh };

export function panelStrings(language: Language): PanelStrings {
  return inLanguage(PANEL_STRINGS, language);
}
