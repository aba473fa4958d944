/**
 * The built-in scenarios the page offers, first one first (it is what the page opens on). Each
 * file is a plain scenario file (docs/scenario.md), so a course author can copy one and edit it; the title
 * here and the description in descriptions.ts say, in both languages, what to watch and when.
 */
import type { Bilingual } from '../language.ts';
import autoCreateTopic from './auto-create-topic.json';
import brokerOutOfService from './broker-out-of-service.json';
import consumerJoinLeave from './consumer-join-leave.json';
import createTopicBroker from './create-topic-broker.json';
import createTopicCluster from './create-topic-cluster.json';
import crashPartitionShutdown from './crash-partition-shutdown.json';
import failoverIdleConsumer from './failover-idle-consumer.json';
import partitionIdleVsScan from './partition-idle-vs-scan.json';
import masterSlaveFailover from './master-slave-failover.json';
import inconsistentSubscriptions from './inconsistent-subscriptions.json';
import nameServerDown from './nameserver-down.json';
import powerLossFlush from './power-loss-flush.json';
import controllerFailover from './controller-failover.json';
import masterLossSyncAsync from './master-loss-sync-async.json';
import read8Write4 from './read8-write4.json';
import retriesDlq from './retries-dlq.json';
import sendModesPartition from './send-modes-partition.json';
import shrinkSafely from './shrink-safely.json';
import shrinkUnsafely from './shrink-unsafely.json';
import write8Read4 from './write8-read4.json';


export interface LibraryEntry {
  id: string;
  title: Bilingual<string>;
  /** The scenario file as written (validated by test/unit/link/library.test.ts). */
  scenario: unknown;
}

export const LIBRARY: readonly LibraryEntry[] = [
  {
    id: 'write8-read4',
    title: { en: 'Write 8 / read 4', zh: '写 8 / 读 4' },
    scenario: write8Read4,
  },
  {
    id: 'read8-write4',
    title: { en: 'Read 8 / write 4', zh: '读 8 / 写 4' },
    scenario: read8Write4,
  },
  {
    id: 'shrink-safely',
    title: { en: 'Shrinking a topic safely', zh: '安全地缩减主题队列' },
    scenario: shrinkSafely,
  },
  {
    id: 'shrink-unsafely',
    title: { en: 'Shrinking a topic the unsafe way', zh: '不安全地缩减主题队列' },
    scenario: shrinkUnsafely,
  },
  {
    id: 'crash-partition-shutdown',
    title: { en: 'Broker crash vs partition vs shutdown', zh: 'Broker 崩溃、网络分区与正常关闭' },
    scenario: crashPartitionShutdown,
  },
  {
    id: 'partition-idle-vs-scan',
    title: { en: 'Partition detection: idle close vs scan', zh: '网络分区的发现：空闲关闭与扫描' },
    scenario: partitionIdleVsScan,
  },
  {
    id: 'master-slave-failover',
    title: { en: 'A master crashes, its slave keeps serving reads', zh: 'Master 崩溃，Slave 继续提供读取' },
    scenario: masterSlaveFailover,
  },
  {
    id: 'failover-idle-consumer',
    title: { en: 'A master down: one consumer idles, one falls behind', zh: 'Master 宕机：一个消费者空闲，另一个跟不上' },
    scenario: failoverIdleConsumer,
  },
  {
    id: 'broker-out-of-service',
    title: { en: 'Taking a broker out of service', zh: '让 Broker 下线维护' },
    scenario: brokerOutOfService,
  },
  {
    id: 'send-modes-partition',
    title: { en: 'Send modes: SYNC, ASYNC, ONEWAY into a partition', zh: '发送方式：同步、异步、单向遇上网络分区' },
    scenario: sendModesPartition,
  },
  {
    id: 'power-loss-flush',
    title: { en: 'Power loss: ASYNC_FLUSH vs SYNC_FLUSH', zh: '断电：ASYNC_FLUSH 与 SYNC_FLUSH' },
    scenario: powerLossFlush,
  },
  {
    id: 'master-loss-sync-async',
    title: { en: 'Master loss: ASYNC_MASTER vs SYNC_MASTER', zh: 'Master 断电：ASYNC_MASTER 与 SYNC_MASTER' },
    scenario: masterLossSyncAsync,
  },
  {
    id: 'controller-failover',
    title: { en: 'Controller mode: a new master in 12 s, clients at their route pull', zh: 'Controller 模式：12 秒选出新 Master，客户端随路由拉取跟上' },
    scenario: controllerFailover,
  },
  {
    id: 'retries-dlq',
    title: { en: 'A poison message: retries, then the DLQ', zh: '毒消息：重试，然后进入死信队列' },
    scenario: retriesDlq,
  },
  {
    id: 'inconsistent-subscriptions',
    title: { en: 'One group, two subscriptions', zh: '同一消费者组，两种订阅' },
    scenario: inconsistentSubscriptions,
  },
  {
    id: 'consumer-join-leave',
    title: { en: 'A consumer joining and leaving', zh: '消费者的加入与离开' },
    scenario: consumerJoinLeave,
  },
  {
    id: 'nameserver-down',
    title: { en: 'A NameServer going down', zh: 'NameServer 宕机' },
    scenario: nameServerDown,
  },
  {
    id: 'create-topic-cluster',
    title: { en: 'Creating a topic in cluster mode', zh: '集群模式创建主题' },
    scenario: createTopicCluster,
  },
  {
    id: 'create-topic-broker',
    title: { en: 'Creating a topic in broker mode', zh: 'Broker 模式创建主题' },
    scenario: createTopicBroker,
  },
  {
    id: 'auto-create-topic',
    title: { en: 'Automatic topic creation (TBW102)', zh: '自动创建主题（TBW102）' },
    scenario: autoCreateTopic,
  },
];

/**
 * The paragraph that says what to watch, in both languages: long texts (the Chinese ones compress
 * poorly) that the first paint does not need, so they are a chunk of their own.
 */
export function loadLibraryDescription(id: string): Promise<Bilingual<string> | undefined> {
  return import('./descriptions.ts').then((module) => module.libraryDescription(id));
}

export function findLibraryEntry(id: string): LibraryEntry | undefined {
  return LIBRARY.find((entry) => entry.id === id);
}
