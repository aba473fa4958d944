/**
 * A warning, never a refusal, when the members of a consumer group subscribe differently:
 * RocketMQ accepts it silently and the broker keeps one subscription per group, so messages go
 * missing for the group (src/scenario/subscription-consistency.ts).
 */
import { inconsistentGroups, type InconsistentGroup } from '../../scenario/subscription-consistency.ts';
import { usePlayback } from '../../store/playback.ts';
import { lazyModule } from '../lazy-module.ts';
import './failover.css';

/** Its words (subscription-warning-strings.ts), fetched when it first shows: most scenarios never show them. */
const chunk = lazyModule(() => import('./subscription-warning-strings.ts'));

export function SubscriptionWarning() {
  const scenario = usePlayback((s) => s.scenario);
  if (!scenario) return null;
  const groups = inconsistentGroups(scenario);
  return groups.length === 0 ? null : <Warning groups={groups} />;
}

/** Mounted only when a group subscribes differently, so that only then are its words fetched. */
function Warning({ groups }: { groups: InconsistentGroup[] }) {
  const loaded = chunk.use();
  const language = usePlayback((s) => s.language);
  // Until its words are in, nothing: a live region is announced once, with the text it is given.
  if (loaded === null) return null;
  const text = loaded.subscriptionWarningWords(language);
  return (
    <section className="rs-subscription-warning" role="status" data-testid="subscription-warning">
      <strong>{text.heading}</strong>
      {groups.map((group) => <p key={group.group}>{text.body(group)}</p>)}
    </section>
  );
}
