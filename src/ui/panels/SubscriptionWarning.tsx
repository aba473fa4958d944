/**
 * A warning, never a refusal, when the members of a consumer group subscribe differently:
 * RocketMQ accepts it silently and the broker keeps one subscription per group, so messages go
 * missing for the group (src/scenario/subscription-consistency.ts).
 */
import { inconsistentGroups, type InconsistentGroup } from '../../scenario/subscription-consistency.ts';
import { usePlayback } from '../../store/playback.ts';
import './failover.css';
import { type Bilingual, inLanguage } from '../i18n/index.ts';

const TEXT: Bilingual<{ heading: string; body: (group: InconsistentGroup) => string }> = {
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

export function SubscriptionWarning() {
  const scenario = usePlayback((s) => s.scenario);
  const language = usePlayback((s) => s.language);
  if (!scenario) return null;
  const groups = inconsistentGroups(scenario);
  if (groups.length === 0) return null;
  const text = inLanguage(TEXT, language);
  return (
    <section className="rs-subscription-warning" role="status" data-testid="subscription-warning">
      <strong>{text.heading}</strong>
      {groups.map((group) => <p key={group.group}>{text.body(group)}</p>)}
    </section>
  );
}
