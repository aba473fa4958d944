/**
 * The queue panel's reasons in English and Simplified Chinese: why a consumer is idle (computed
 * from the real cause) and a drained queue apart from a stranded one. Only the queue panel and the
 * Diagnostics tab read them, both loaded after the first paint, so they stay out of its script
 * (the summary's counter buttons have their own words, in SummaryBar.tsx).
 */
import type { IdleReason } from './queue-model.ts';
import { andList, type Bilingual } from '../i18n/index.ts';

export interface ReasonStrings {
  idle: (reason: IdleReason) => string;
  drained: string;
  legendDrained: string;
}

const en: ReasonStrings = {
  idle: (reason) => {
    switch (reason.kind) {
      case 'noRoute': return 'no route for its topic yet (it asks a NameServer at its next route pull)';
      case 'noReadableQueues': return 'its topic has no readable queue';
      case 'notInConsumerList': return 'owns no queue: the broker does not list it in its group yet (no heartbeat arrived)';
      case 'moreConsumersThanQueues': return `owns no queue: ${reason.consumers} consumers for ${reason.queues} readable queues`;
      case 'strategyLeftNone': return `owns no queue: ${reason.strategy} gave it none (${reason.consumers} consumers, ${reason.queues} readable queues)`;
      case 'rebalancePending': return 'owns no queue yet: its last rebalance ran before the brokers listed it in its group, and the next one gives it queues';
      case 'onlyUnwrittenQueues': return `owns only queues no producer writes to (ids at or above writeQueueNums): ${reason.queues.join(', ')}`;
      case 'masterDown': {
        const one = reason.brokers.length === 1;
        return `owns only queues of ${andList(reason.brokers)}, whose ${one ? 'master is' : 'masters are'} down or cut off: producers write to masters only, so nothing new arrives until ${one ? 'it is' : 'they are'} back${{ slave: ' (a slave serves only reads)', refusingSlave: ' (its slave, in the route, refuses even the pulls: no slaveReadEnable)', notExpired: '', staleRoute: '' }[reason.listed]}`;
      }
    }
  },
  drained: 'drained: every group consumed it',
  legendDrained: 'drained: not readable any more, but nothing was left in it',
};

const zh: ReasonStrings = {
  idle: (reason) => {
    switch (reason.kind) {
      case 'noRoute': return '还没有它的主题的路由（下一次路由拉取时向 NameServer 询问）';
      case 'noReadableQueues': return '它的主题没有可读队列';
      case 'notInConsumerList': return '没有分配到队列：Broker 的消费者组中还没有它（心跳尚未到达）';
      case 'moreConsumersThanQueues': return `没有分配到队列：${reason.consumers} 个消费者，只有 ${reason.queues} 个可读队列`;
      case 'strategyLeftNone': return `没有分配到队列：${reason.strategy} 没有分给它（${reason.consumers} 个消费者，${reason.queues} 个可读队列）`;
      case 'rebalancePending': return '还没有分配到队列：它上一次负载均衡时 Broker 还没有把它列入消费者组，下一次负载均衡会给它分配队列';
      case 'onlyUnwrittenQueues': return `只拥有没有生产者写入的队列（id ≥ writeQueueNums）：${reason.queues.join('、')}`;
      case 'masterDown': return `只拥有 ${reason.brokers.join('、')} 的队列，而${reason.brokers.length === 1 ? '它' : '它们'}的 Master 已停止或被网络隔离：生产者只写 Master，在${reason.brokers.length === 1 ? '它' : '它们'}恢复之前不会有新消息${{ slave: '（Slave 只提供读取）', refusingSlave: '（留在路由中的 Slave 连拉取也拒绝：未开启 slaveReadEnable）', notExpired: '', staleRoute: '' }[reason.listed]}`;
    }
  },
  drained: '已消费完：每个消费者组都已消费',
  legendDrained: '已消费完：不再可读，但没有遗留消息',
};

export const REASON_STRINGS: Bilingual<ReasonStrings> = { en, zh };
