/**
 * A consumer group at size. Past the canvas's count of consumers (topology-density.ts) a group is
 * one node, and selecting it opens its first member; the inspector then lists every member with
 * the queues its rebalance gave it (RebalanceImpl.processQueueTable) and what the group has yet to
 * consume on them (ConsumerOffsetManager's offset against the queue's maxOffset), each a button
 * that opens that member: which consumer holds which queues, and which one falls behind.
 */
import { type Bilingual, useWords } from '../i18n/index.ts';
import { usePlayback } from '../../store/playback.ts';
import type { ConsumerState, ModelState } from '../../sim/index.ts';
import type { QueueSummary } from '../../sim/summary.ts';
import { MAX_CLIENTS_EACH } from '../../viz/topology-density.ts';
import { formatCount } from '../../viz/format.ts';
import { DataTable } from './DataTable.tsx';

interface GroupWords {
  heading: (group: string, members: number) => string;
  note: (shown: string) => string;
  caption: (group: string) => string;
  columns: [string, string, string, string];
  open: (id: string) => string;
  none: string;
}

const WORDS: Bilingual<GroupWords> = {
  en: {
    heading: (group, members) => `Consumer group ${group} · ${members} members`,
    note: (shown) => `The canvas draws the group as one node; below is ${shown}. Pick a member to inspect it.`,
    caption: (group) => `${group}: the queues each member holds, and the messages the group has yet to consume on them`,
    columns: ['Consumer', 'Status', 'Queues', 'Lag'],
    open: (id) => `Inspect ${id}`,
    none: 'No member',
  },
  zh: {
    heading: (group, members) => `消费者组 ${group} · ${members} 个成员`,
    note: (shown) => `画布把这个组画成一个节点；下面是 ${shown}。选一个成员查看它。`,
    caption: (group) => `${group}：每个成员持有的队列，以及该组在这些队列上尚未消费的消息`,
    columns: ['消费者', '状态', '队列', '堆积'],
    open: (id) => `查看 ${id}`,
    none: '没有成员',
  },
};

/** The group's members at the playhead, in the order of their ids. */
function membersOf(state: Readonly<ModelState>, group: string): ConsumerState[] {
  return Object.values(state.clients)
    .filter((client): client is ConsumerState => client.kind === 'consumer' && client.spec.group === group)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Whether the canvas draws consumers one node per group (topologyDensity's count of consumers). */
export function groupsCondensed(state: Readonly<ModelState>): boolean {
  return Object.values(state.clients).filter((client) => client.kind === 'consumer').length > MAX_CLIENTS_EACH;
}

/** The queues a member holds and its group's lag on them, from the summary's per-queue lag. */
function holdings(member: ConsumerState, lags: ReadonlyMap<string, number>): { queues: number; lag: number } {
  let queues = 0;
  let lag = 0;
  for (const pq of Object.values(member.processQueueTable)) {
    if (pq.dropped) continue;
    queues += 1;
    lag += lags.get(`${pq.mq.topic}|${pq.mq.brokerName}|${pq.mq.queueId}`) ?? 0;
  }
  return { queues, lag };
}

export function InspectGroup({ state, consumer, queues, statusWord }: {
  state: Readonly<ModelState>; consumer: Readonly<ConsumerState>; queues: readonly QueueSummary[]; statusWord: (member: ConsumerState) => string;
}) {
  const words = useWords(WORDS);
  const group = consumer.spec.group;
  const members = membersOf(state, group);
  const lags = new Map(queues.map((q) => [`${q.topic}|${q.broker}|${q.queueId}`, q.lag[group] ?? 0]));
  const select = (id: string) => usePlayback.getState().select({ kind: 'client', id });
  const rows = members.map((member) => {
    const held = holdings(member, lags);
    return {
      key: member.id,
      cells: [
        member.id === consumer.id ? <strong key="id">{member.id}</strong>
          : <button key="id" type="button" className="rs-queue-open" aria-label={words.open(member.id)} onClick={() => select(member.id)}>{member.id}</button>,
        statusWord(member), String(held.queues), formatCount(held.lag),
      ],
    };
  });
  return (
    <section className="rs-inspect-group" data-testid="inspect-group">
      <h4>{words.heading(group, members.length)}</h4>
      <p className="rs-muted">{words.note(consumer.id)}</p>
      <DataTable caption={words.caption(group)} columns={words.columns} rows={rows} empty={words.none} testId="group-members" dense />
    </section>
  );
}
