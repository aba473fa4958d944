/** The queue panel's words, in English and Simplified Chinese (loaded with the panel). */
import type { Bilingual } from '../i18n/index.ts';
import type { MasterDown } from './queue-model.ts';

export interface QueuePanelStrings {
  queueTitle: string;
  queueRule: string;
  legendWritable: string;
  legendReadable: string;
  legendNeverConsumable: string;
  legendIdle: string;
  lag: string;
  neverConsumable: string;
  /**
   * A queue no consumer may pull any more whose unconsumed messages sit in the ProcessQueues of
   * `pulledBy`, pulled before: consumed until a rebalance drops the queue, the rest stranded.
   */
  queuePulled: (left: number, pulledBy: readonly string[]) => string;
  /** A queue no consumer may pull that producers still write (readQueueNums <= id < writeQueueNums), nothing in it now. */
  queueFilling: string;
  neverConsumableTotal: string;
  noUserTopics: string;
  /** Under a broker's queues while its master is down: who writes and reads them now, and whose counts these are. */
  queueMasterDown: (down: MasterDown) => string;
  queueCellLabel: (queueId: number, count: number, writable: boolean, readable: boolean) => string;
  /** The button on a queue's id that opens its card. */
  openQueue: (broker: string, queueId: number) => string;
  idleQueue: string;
  /** Beside a broker's perm when the NameServers' route gives its queues no W (mqadmin wipeWritePerm). */
  nameServerPerm: (perm: string) => string;
  /** Not writable on its broker, but a producer's route still lists it. */
  stillWritten: string;
  /** Not written any more, with messages a group has yet to consume (its largest lag). */
  draining: (left: number) => string;
  idleConsumers: string;
  noIdleConsumers: string;
  /** Over the rows of a cluster past the canvas's count of queue cells: why one row per broker. */
  condensed: (queues: number) => string;
  /** A broker's row: its messages over its queues. */
  brokerMessages: (messages: string, queues: number) => string;
  /** The least and the most a group lags behind on one of its queues. */
  lagRange: (min: number, max: number) => string;
  /** Before the queues furthest behind. */
  furthestBehind: string;
  /** A queue furthest behind: its lag, and its unconsumable messages if any. */
  behindQueue: (queueId: number, lag: number, neverConsumable: number) => string;
  /** The button that opens (or closes) a broker's cards. */
  showQueues: (queues: number) => string;
  hideQueues: string;
}

const en: QueuePanelStrings = {
  queueTitle: 'Queues',
  queueRule: 'Producers write only queue ids below writeQueueNums; consumers are given only ids below readQueueNums — messages in queues at or above readQueueNums are not consumed until readQueueNums is raised.',
  legendWritable: 'W: producers write to this queue id',
  legendReadable: 'R: consumers can be given this queue id',
  legendNeverConsumable: 'unconsumable: written, but no consumer is given it until readQueueNums is raised',
  legendIdle: 'idle: readable, no producer writes to it, and every group has read it all',
  lag: 'lag',
  neverConsumable: 'unconsumable',
  queuePulled: (left, pulledBy) =>
    `not consumed yet: ${left}, pulled by ${pulledBy.length > 0 ? pulledBy.join(', ') : 'a consumer'} before this queue became unreadable; consumed only until a rebalance drops the queue, the rest not until readQueueNums is raised`,
  queueFilling: 'producers may write it (id < writeQueueNums): every message written here is unconsumable until readQueueNums is raised',
  neverConsumableTotal: 'Unconsumable in total: ',
  noUserTopics: 'No topic with queues yet.',
  queueMasterDown: ({ master, status, reader, refusedBy }) => `${master} ${status === 'crashed' ? 'crashed' : 'was shut down'}: no producer writes here now (no W). ${reader
    ? `Its consumers read from the slave ${reader}, which may hold fewer messages;`
    : refusedBy
      ? `Its slave ${refusedBy} refuses every pull (SYSTEM_BUSY: a 5.x slave serves reads only with slaveReadEnable), so nothing can be read here until it is back;`
      : 'No slave runs: nothing can be read here until it is back;'} the counts below are ${master}'s.`,
  openQueue: (broker, queueId) => `#${queueId}: open the latest messages of ${broker} queue ${queueId}`,
  queueCellLabel: (queueId, count, writable, readable) =>
    `Queue ${queueId}: ${count} messages, ${writable ? 'writable' : 'not writable'}, ${readable ? 'readable' : 'not readable'}`,
  idleQueue: 'receives no new messages, and every group has read it all',
  nameServerPerm: (perm) => `on the NameServers perm ${perm}: write perm wiped there (mqadmin wipeWritePerm), producers leave these queues at their next route pull`,
  stillWritten: 'no longer a write queue, but the producers\' routes still list it: they write to it until their next route pull',
  draining: (left) => `no new messages; ${left} left to consume`,
  idleConsumers: 'Idle consumers',
  noIdleConsumers: 'None: every running consumer owns a queue that receives messages.',
  condensed: (queues) => `${queues} queues: one row per broker, its queues furthest behind first. Open a broker to see its queues one by one.`,
  brokerMessages: (messages, queues) => `${messages} messages in ${queues} queues`,
  lagRange: (min, max) => (min === max ? `lag ${max} on every queue` : `lag ${min}–${max}`),
  furthestBehind: 'furthest behind:',
  behindQueue: (queueId, lag, neverConsumable) => `#${queueId} lag ${lag}${neverConsumable > 0 ? `, ${neverConsumable} unconsumable` : ''}`,
  showQueues: (queues) => `Show its ${queues} queues`,
  hideQueues: 'Hide its queues',
};

const zh: QueuePanelStrings = {
  queueTitle: '队列',
  queueRule: '生产者只写入 id 小于 writeQueueNums 的队列；消费者只会被分配 id 小于 readQueueNums 的队列——id 大于或等于 readQueueNums 的队列中的消息，在调大 readQueueNums 之前不会被消费。',
  legendWritable: 'W：生产者会写入该队列 id',
  legendReadable: 'R：该队列 id 可以分配给消费者',
  legendNeverConsumable: '无法消费：有消息写入，但在调大 readQueueNums 之前不会分配给任何消费者',
  legendIdle: '空闲：可读、没有生产者写入，且各消费者组都已读完',
  lag: '堆积',
  neverConsumable: '无法消费',
  queuePulled: (left, pulledBy) =>
    `尚未消费 ${left} 条：${pulledBy.length > 0 ? pulledBy.join('、') : '消费者'} 在此队列变为不可读之前已拉取；${pulledBy.length > 1 ? '它们' : '它'}只会消费到负载均衡放弃此队列为止，剩下的在调大 readQueueNums 之前无法消费`,
  queueFilling: '生产者可以写入（id < writeQueueNums）：在调大 readQueueNums 之前，写到这里的每条消息都无法消费',
  neverConsumableTotal: '无法消费的消息总数：',
  noUserTopics: '还没有带队列的主题。',
  queueMasterDown: ({ master, status, reader, refusedBy }) => `${master} ${status === 'crashed' ? '已崩溃' : '已关闭'}：现在没有生产者写入这里（没有 W）。${reader
    ? `它的消费者从 Slave ${reader} 读取，Slave 上的消息可能更少；`
    : refusedBy
      ? `它的 Slave ${refusedBy} 拒绝每一次拉取（SYSTEM_BUSY：5.x 的 Slave 只有开启 slaveReadEnable 才提供读取），所以在它恢复之前，这里的消息都无法读取；`
      : '没有 Slave 在运行：在它恢复之前，这里的消息都无法读取；'}下面的数量是 ${master} 的。`,
  openQueue: (broker, queueId) => `#${queueId}：打开 ${broker} 队列 ${queueId} 的最新消息`,
  queueCellLabel: (queueId, count, writable, readable) =>
    `队列 ${queueId}：${count} 条消息，${writable ? '可写' : '不可写'}，${readable ? '可读' : '不可读'}`,
  idleQueue: '不再收到新消息，各消费者组也都已读完',
  nameServerPerm: (perm) => `NameServer 上的 perm 为 ${perm}：写权限已在那里被摘除（mqadmin wipeWritePerm），生产者下一次拉取路由时离开这些队列`,
  stillWritten: '已不在写队列之列，但生产者的路由里还有它：下一次拉取路由之前仍会写入',
  draining: (left) => `不再写入新消息，还有 ${left} 条待消费`,
  idleConsumers: '空闲的消费者',
  noIdleConsumers: '无：每个运行中的消费者都拥有会收到消息的队列。',
  condensed: (queues) => `共 ${queues} 个队列：每个 Broker 一行，堆积最多的队列在前。展开一个 Broker 可逐个查看它的队列。`,
  brokerMessages: (messages, queues) => `${queues} 个队列共 ${messages} 条消息`,
  lagRange: (min, max) => (min === max ? `每个队列堆积 ${max}` : `堆积 ${min}–${max}`),
  furthestBehind: '堆积最多：',
  behindQueue: (queueId, lag, neverConsumable) => `#${queueId} 堆积 ${lag}${neverConsumable > 0 ? `，${neverConsumable} 条无法消费` : ''}`,
  showQueues: (queues) => `展开它的 ${queues} 个队列`,
  hideQueues: '收起它的队列',
};

export const QUEUE_PANEL_STRINGS: Bilingual<QueuePanelStrings> = { en, zh };
