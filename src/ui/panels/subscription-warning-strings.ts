/**
 * The inconsistent-subscriptions warning's words (SubscriptionWarning.tsx) in English and Simplified
 * Chinese: a chunk of their own, since only a scenario whose groups subscribe differently shows them.
 */
import type { InconsistentGroup } from '../../scenario/subscription-consistency.ts';
import type { Language } from '../../scenario/language.ts';
import { type Bilingual, inLanguage } from '../i18n/index.ts';

interface SubscriptionWarningWords {
  heading: string;
  body: (group: InconsistentGroup) => string;
}

const WORDS: Bilingual<SubscriptionWarningWords> = {
  en: {
    heading: 'Inconsistent subscriptions',
    body: (group) => `The consumers of group ${group.group} subscribe differently (${members(group)}). RocketMQ accepts this, but the broker keeps one subscription per group: some messages are skipped for the whole group (message.filtered in the log, filteredOut in the summary) and queues allocated to a member that does not subscribe to their topic are never pulled.`,
  },
  zh: {
    heading: '订阅关系不一致',
    body: (group) => `消费者组 ${group.group} 的成员订阅不一致（${members(group)}）。RocketMQ 会接受这种配置，但 Broker 每个消费者组只保存一份订阅：部分消息会被整个组跳过（事件日志中的 message.filtered，汇总中的 filteredOut），分配给未订阅该主题的成员的队列永远不会被拉取。`,
  },
};

function members(group: InconsistentGroup): string {
  return group.members.map((member) => `${member.id}: ${member.topic} "${member.subscription}"`).join(', ');
}

export function subscriptionWarningWords(language: Language): SubscriptionWarningWords {
  return inLanguage(WORDS, language);
}
