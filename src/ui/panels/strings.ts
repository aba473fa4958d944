/**
 * Labels of the simulation panels in English and Simplified Chinese. RocketMQ's own names
 * (NameServer, Broker, writeQueueNums, brokerLiveTable...) stay in Latin script in both, so a
 * student can find them in RocketMQ's code and documentation.
 */
import type { BrokerRoleNow } from '../../sim/index.ts';
import { type Bilingual } from '../i18n/index.ts';

/** 'notStarted': a process before its start; 'stopped': a client after its shutdown (a broker's shutdown is 'shutdown'). */
export type EntityStatus = 'running' | 'crashed' | 'poweredOff' | 'partitioned' | 'shutdown' | 'notStarted' | 'stopped' | 'hung' | 'up' | 'down';

export interface PanelStrings {
  noScenario: string;
  status: Record<EntityStatus, string>;
  /** A broker's role now (an election makes a slave the master, and a cut-off old master is stale until it hears). */
  roleNow: Record<BrokerRoleNow, string>;

  summaryTitle: string;
  /** The counters' names; what each means is in summary-hint-strings.ts, loaded after the first paint. */
  summary: Record<'sent' | 'sendAttempts' | 'stored' | 'consumed' | 'neverConsumable' | 'lagging' | 'delayed' | 'deadLettered' | 'dropped' | 'duplicates' | 'failed' | 'failedAttempts' | 'lost' | 'storedBehind' | 'filteredOut', string>;

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
    sent: 'Sent',
    sendAttempts: 'Send attempts',
    stored: 'Stored',
    consumed: 'Consumed',
    neverConsumable: 'Not consumable',
    lagging: 'Lagging',
    delayed: 'Delayed',
    deadLettered: 'Dead-lettered',
    dropped: 'Dropped',
    duplicates: 'Duplicates',
    failed: 'Failed messages',
    failedAttempts: 'Failed attempts',
    lost: 'Lost',
    storedBehind: 'Skipped by offset',
    filteredOut: 'Filtered out',
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
    sent: '已发送',
    sendAttempts: '发送尝试',
    stored: '已存储',
    consumed: '已消费',
    neverConsumable: '无法消费',
    lagging: '消费堆积',
    delayed: '延迟中',
    deadLettered: '死信消息',
    dropped: '被丢弃',
    duplicates: '重复消费',
    failed: '失败消息',
    failedAttempts: '失败尝试',
    lost: '丢失',
    storedBehind: '越过未读',
    filteredOut: '被过滤跳过',
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
  topic: '主题',
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
