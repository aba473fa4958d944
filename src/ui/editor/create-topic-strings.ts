/** The topic-creation form's words in English and Simplified Chinese (mqadmin's options stay as they are). */
import type { CreateMode } from './create-topic.ts';
import type { Bilingual } from '../i18n/index.ts';

interface CreateTopicStrings {
  title: string;
  explain: (mode: CreateMode) => string;
  topic: string;
  mode: string;
  modeName: (mode: CreateMode) => string;
  cluster: string;
  broker: string;
  createAt: (time: string) => string;
}

const en: CreateTopicStrings = {
  title: 'Create or update a topic (mqadmin updateTopic)',
  explain: (mode) => (mode === 'cluster'
    ? 'Cluster mode (-c): every master of the cluster creates the topic with the same counts and registers it to every NameServer at once; clients see it at their next route pull.'
    : 'Broker mode (-b): only this broker creates the topic; the route lists it alone.'),
  topic: 'Topic (-t)',
  mode: 'Mode',
  modeName: (mode) => (mode === 'cluster' ? 'cluster (-c)' : 'broker (-b)'),
  cluster: 'Cluster (-c)',
  broker: 'Broker (-b)',
  createAt: (time) => `Run updateTopic at ${time}`,
};

const zh: CreateTopicStrings = {
  title: '创建或更新主题（mqadmin updateTopic）',
  explain: (mode) => (mode === 'cluster'
    ? '集群模式（-c）：集群中的每个 Master 以相同的队列数创建该主题，并立即向所有 NameServer 路由注册；客户端在下一次路由拉取时看到它。'
    : 'Broker 模式（-b）：只有这个 Broker 创建该主题，路由中只有它。'),
  topic: '主题（-t）',
  mode: '模式',
  modeName: (mode) => (mode === 'cluster' ? '集群（-c）' : 'Broker（-b）'),
  cluster: '集群（-c）',
  broker: 'Broker（-b）',
  createAt: (time) => `在 ${time} 执行 updateTopic`,
};

export const CREATE_TOPIC_STRINGS: Bilingual<CreateTopicStrings> = { en, zh };
