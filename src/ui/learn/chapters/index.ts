/**
 * The chapters in the study note's order (docs/learners-note.md, the order of ids.ts). Each chapter's steps and scenario are a chunk of their
 * own, loaded when it is opened; the list itself is only titles.
 */
import type { ChapterEntry } from '../chapter.ts';
import { CHAPTER_IDS, type ChapterId } from './ids.ts';

/** Every id of ids.ts has its entry, and no other id has one: a chapter a link can name is one the page has. */
const ENTRIES: Record<ChapterId, Omit<ChapterEntry, 'id'>> = {
  basics: {
    title: { en: 'Message, topic, tag and queue', zh: '消息、主题、标签与队列' },
    load: () => import('./ch1-basics.ts').then((module) => module.chapter),
  },
  groups: {
    title: { en: 'Producer groups and consumer groups', zh: '生产者组与消费者组' },
    load: () => import('./ch2-groups.ts').then((module) => module.chapter),
  },
  nameserver: {
    title: { en: 'The NameServer: registration, removal, discovery', zh: 'NameServer：路由注册、路由剔除、路由发现' },
    load: () => import('./ch3-nameserver.ts').then((module) => module.chapter),
  },
  broker: {
    title: { en: 'The broker\'s modules', zh: 'Broker 的组成' },
    load: () => import('./ch4-broker.ts').then((module) => module.chapter),
  },
  workflow: {
    title: { en: 'From start-up to the first consumed message', zh: '工作流程：从启动到第一条消息被消费' },
    load: () => import('./ch5-workflow.ts').then((module) => module.chapter),
  },
  topics: {
    title: { en: 'Creating topics: cluster mode, broker mode, automatic', zh: '创建主题：集群模式、Broker 模式与自动创建' },
    load: () => import('./ch6-topics.ts').then((module) => module.chapter),
  },
  'read-write': {
    title: { en: 'Read queues and write queues', zh: '读队列与写队列' },
    load: () => import('./ch7-read-write.ts').then((module) => module.chapter),
  },
  consumers: {
    title: { en: 'Consumer groups at work: clustering, broadcasting, rebalancing', zh: '消费者组：集群消费、广播消费与负载均衡' },
    load: () => import('./ch8-consumers.ts').then((module) => module.chapter),
  },
  failover: {
    title: { en: 'Failover: a crash, a slave, a partition, a NameServer down', zh: '故障：崩溃、Slave、网络分区与 NameServer 宕机' },
    load: () => import('./ch9-failover.ts').then((module) => module.chapter),
  },
};

export const CHAPTERS: readonly ChapterEntry[] = CHAPTER_IDS.map((id) => ({ id, ...ENTRIES[id] }));

export function findChapter(id: string): ChapterEntry | undefined {
  return CHAPTERS.find((entry) => entry.id === id);
}
