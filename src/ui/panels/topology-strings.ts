/** The words of the queues drawn on the canvas and of the new marks, in English and Simplified Chinese. */
import { useWords, type Bilingual } from '../i18n/index.ts';
import type { CanvasQueue } from './topology-queues.ts';
import type { SlaveReads } from './topology-model.ts';

export interface TopologyStrings {
  queuesOf: (topic: string) => string;
  topicInView: string;
  /** The accessible name of a queue cell: what a screen reader says for it. */
  queueCell: (queue: CanvasQueue) => string;
  queueCounts: (write: number, read: number) => string;
  /** The queue counts in a box too narrow for queueCounts ("W64/R64"). */
  queueCountsShort: (write: number, read: number) => string;
  /** A slave drawing its group's queues while the master is down: whether some consumer reads there yet, and whether it answers. */
  slaveQueueCounts: (read: number, reads: SlaveReads) => string;
  /** Whether a slave serves its group's reads, alone: what a narrow box keeps of its status line. */
  slaveReads: (reads: SlaveReads) => string;
  /** A node that stands for a whole group of clients (a crowded cluster): how many, and their statuses. */
  clientGroupDetail: (kind: 'producer' | 'consumer', members: number, statuses: string) => string;
  /** After a BROADCASTING consumer's status: it reads every queue for itself. */
  broadcasting: string;
  /** Said after a group node's words in its accessible name. */
  clientGroupKind: (kind: 'producer' | 'consumer') => string;
  /** A broker's queues drawn as one heat row: its accessible name and tooltip. */
  queueStrip: (broker: string, topic: string, queues: number, messages: number) => string;
}

const enOwners = (owners: string[]) => (owners.length === 0 ? 'owned by no consumer' : `owned by ${owners.join(', ')}`);
const zhOwners = (owners: string[]) => (owners.length === 0 ? '没有消费者拥有' : `由 ${owners.join('、')} 拥有`);

const en: TopologyStrings = {
  queuesOf: (topic) => `Queues of ${topic}`,
  topicInView: 'Topic on the canvas',
  queueCell: (q) => {
    const messages = `${q.count} ${q.count === 1 ? 'message' : 'messages'}`;
    const written = q.writable ? '' : ', no producer writes to it';
    if (q.fate === 'drained') return `${q.broker} queue ${q.queueId}: ${messages}, all consumed, not readable any more (at or above readQueueNums)${written}`;
    if (q.fate === 'pulled') return `${q.broker} queue ${q.queueId}: ${messages}, not readable any more (at or above readQueueNums): what a consumer pulled before is consumed until its rebalance drops the queue, the rest not until readQueueNums is raised${written}`;
    if (!q.readable) return `${q.broker} queue ${q.queueId}: ${messages}, not consumed until readQueueNums is raised (at or above it)${written}`;
    return `${q.broker} queue ${q.queueId}: ${messages}, ${q.consumed} consumed${written}, ${enOwners(q.owners)}`;
  },
  queueCounts: (write, read) => `W ${write} / R ${read}`,
  queueCountsShort: (write, read) => `W${write}/R${read}`,
  slaveQueueCounts: (read, reads) => `R ${read} · ${en.slaveReads(reads)}`,
  slaveReads: (reads) => ({ serving: 'serves reads', refusing: 'refuses reads', none: 'no reads yet' }[reads]),
  clientGroupDetail: (kind, members, statuses) => `${members} ${kind === 'producer' ? 'producers' : 'consumers'} · ${statuses}`,
  broadcasting: 'broadcast',
  clientGroupKind: (kind) => (kind === 'producer' ? 'producer group: one node for all its producers' : 'consumer group: one node for all its consumers'),
  queueStrip: (broker, topic, queues, messages) =>
    `${broker}: ${queues} queues of ${topic}, ${messages.toLocaleString('en')} messages. Click a cell, or use ← → and Enter, to open a queue.`,
};

const zh: TopologyStrings = {
  queuesOf: (topic) => `${topic} 的队列`,
  topicInView: '画布上的主题',
  queueCell: (q) => {
    const messages = `${q.count} 条消息`;
    const written = q.writable ? '' : '，没有生产者写入';
    if (q.fate === 'drained') return `${q.broker} 队列 ${q.queueId}：${messages}，已全部消费，不再可读（id ≥ readQueueNums）${written}`;
    if (q.fate === 'pulled') return `${q.broker} 队列 ${q.queueId}：${messages}，不再可读（id ≥ readQueueNums）：消费者此前已拉取的消息会消费到负载均衡放弃此队列为止，其余在调大 readQueueNums 之前不会被消费${written}`;
    if (!q.readable) return `${q.broker} 队列 ${q.queueId}：${messages}，在调大 readQueueNums 之前不会被消费（id ≥ readQueueNums）${written}`;
    return `${q.broker} 队列 ${q.queueId}：${messages}，已消费 ${q.consumed} 条${written}，${zhOwners(q.owners)}`;
  },
  queueCounts: (write, read) => `写 ${write} / 读 ${read}`,
  queueCountsShort: (write, read) => `写${write}/读${read}`,
  slaveQueueCounts: (read, reads) => `读 ${read} · ${zh.slaveReads(reads)}`,
  slaveReads: (reads) => ({ serving: '代为提供读取', refusing: '拒绝读取', none: '尚无读取' }[reads]),
  clientGroupDetail: (kind, members, statuses) => `${members} 个${kind === 'producer' ? '生产者' : '消费者'} · ${statuses}`,
  broadcasting: '广播消费',
  clientGroupKind: (kind) => (kind === 'producer' ? '生产者组：一个节点代表组内所有生产者' : '消费者组：一个节点代表组内所有消费者'),
  queueStrip: (broker, topic, queues, messages) =>
    `${broker}：${topic} 的 ${queues} 个队列，共 ${messages.toLocaleString('zh-CN')} 条消息。点击队列格，或用 ← → 和 Enter 打开一个队列。`,
};

const STRINGS: Bilingual<TopologyStrings> = { en, zh };

export function useTopologyStrings(): TopologyStrings {
  return useWords(STRINGS);
}
