/**
 * A step's figure: how each allocation strategy would share the topic's queues among the group's
 * members at the step's moment, side by side (the named query allocations, which runs RocketMQ's
 * strategies over the same sorted lists every member sees).
 */
import type { AllocateStrategyName } from '../../sim/index.ts';
import { usePlayback } from '../../store/playback.ts';
import { inLanguage, type Bilingual } from '../i18n/index.ts';
import { useSimQuery } from '../use-sim-query.ts';

export interface AllocationsFigure {
  kind: 'allocations';
  group: string;
  topic: string;
  strategies: readonly AllocateStrategyName[];
  /** Only the first members by clientId: the group as it was smaller. */
  members?: number;
}

/** `example`: the figure takes the group's first members only, not the group on the canvas (a teacher's class read it as the running group). */
const WORDS: Bilingual<{ caption: (group: string, queues: number, members: number, example: boolean) => string; member: string }> = {
  en: {
    caption: (group, queues, members, example) => example
      ? `An example, not the group on the canvas: ${queues} queues among the first ${members} members of ${group}, by each strategy (cidAll sorted by clientId)`
      : `${queues} queues among ${members} members of ${group}, by each strategy (cidAll sorted by clientId)`,
    member: 'member',
  },
  zh: {
    caption: (group, queues, members, example) => example
      ? `示例，不是画面上的组：假设 ${group} 只有排在最前的 ${members} 个成员，分 ${queues} 个队列，各策略的结果（cidAll 按 clientId 排序）`
      : `${group} 的 ${members} 个成员分 ${queues} 个队列，各策略的结果（cidAll 按 clientId 排序）`,
    member: '成员',
  },
};

/** "broker-a:0 broker-a:1 broker-b:3" as "broker-a 0 1 · broker-b 3": one broker named once. */
function byBroker(labels: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const label of labels) {
    const at = label.lastIndexOf(':');
    const broker = label.slice(0, at);
    groups.set(broker, [...(groups.get(broker) ?? []), label.slice(at + 1)]);
  }
  return [...groups].map(([broker, ids]) => `${broker} ${ids.join(' ')}`).join(' · ') || '—';
}

export function AllocationFigure({ figure }: { figure: AllocationsFigure }) {
  const language = usePlayback((s) => s.language);
  const { group, topic, strategies, members } = figure;
  const { data } = useSimQuery('allocations', { group, topic, strategies, ...(members === undefined ? {} : { members }) });
  const words = inLanguage(WORDS, language);
  if (!data) return null;
  return (
    <table className="rs-table rs-lesson-figure" data-testid="allocation-figure">
      <caption>{words.caption(group, data.queues.length, data.members.length, members !== undefined)}</caption>
      <thead>
        <tr><th scope="col">{words.member}</th>{data.shares.map((share) => <th scope="col" key={share.strategy}>{share.strategy}</th>)}</tr>
      </thead>
      <tbody>
        {data.members.map((member, i) => (
          <tr key={member.id}>
            <th scope="row">{member.id}</th>
            {data.shares.map((share) => <td key={share.strategy}>{byBroker(share.queues[i] ?? [])}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
