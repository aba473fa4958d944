/** Chapter 2: producer groups and consumer groups. */
import type { Chapter } from '../chapter.ts';
import scenario from './ch2-groups.json';

export const chapter: Chapter = {
  id: 'groups',
  scenario: { file: scenario },
  steps: [
    {
      wait: { type: 'rebalance', where: { consumer: 'c-1', topic: 'TopicOrder' } },
      caption: {
        en: 'c-1 is the first member of the consumer group (消费者组) CG_ORDER. A consumer group is the set of consumers that share the work of one kind of message. Alone, c-1 takes all 8 queues of TopicOrder (4 on each broker). c-2, drawn beside it, has just started, but its first heartbeat has not reached a broker yet: the brokers, and so c-1\'s rebalance, do not know it.',
        zh: 'c-1 是消费者组 CG_ORDER 的第一个成员。消费者组是一起分担同一类消息的消费者集合。只有它一个时，c-1 拿到 TopicOrder 的全部 8 个队列（每个 Broker 4 个）。旁边的 c-2 刚刚启动，但它的第一次心跳还没有到达任何 Broker：Broker 还不知道它，c-1 的负载均衡也就看不到它。',
      },
      focus: { kind: 'client', id: 'c-1' },
    },
    {
      wait: { type: 'rebalance', where: { consumer: 'c-1', topic: 'TopicOrder' } },
      caption: {
        en: 'c-2 has joined CG_ORDER.',
        zh: 'c-2 加入了 CG_ORDER。',
      },
      focus: { kind: 'client', id: 'c-2' },
      predict: {
        question: { en: 'c-2 joins CG_ORDER. What happens to c-1\'s 8 queues?', zh: 'c-2 加入 CG_ORDER。c-1 手里的 8 个队列会怎样？' },
        choices: [
          { en: 'c-1 keeps them all; c-2 waits', zh: 'c-1 全部保留，c-2 等待' },
          { en: 'They are split: 4 each', zh: '重新分配：每人 4 个' },
          { en: 'Both read all 8', zh: '两人都读全部 8 个' },
        ],
        answer: 1,
        why: {
          en: 'The broker tells the group that its members changed (NOTIFY_CONSUMER_IDS_CHANGED); each member reruns RebalanceImpl: AllocateMessageQueueAveragely over the sorted client ids gives c-1 broker-a\'s 4 queues and c-2 broker-b\'s 4. Inside a group a queue has one owner at a time, but one consumer may own many queues.',
          zh: 'Broker 通知组内成员发生变化（NOTIFY_CONSUMER_IDS_CHANGED），每个成员重新执行 RebalanceImpl：AllocateMessageQueueAveragely 按排序后的客户端 id 分配，c-1 得到 broker-a 的 4 个队列，c-2 得到 broker-b 的 4 个。组内一个队列同一时刻只有一个消费者，但一个消费者可以拥有多个队列。',
        },
      },
    },
    {
      wait: { type: 'rebalance', where: { consumer: 'c-3', topic: 'TopicOrder' } },
      caption: {
        en: 'c-3 belongs to another group, CG_AUDIT, where it is alone: it takes all 8 queues too. Groups do not divide queues among themselves: each group reads every queue, so every message reaches every group, and each group keeps its own consume offsets on the broker.',
        zh: 'c-3 属于另一个消费者组 CG_AUDIT，组里只有它：它同样拿到全部 8 个队列。组与组之间不瓜分队列：每个组都读取每个队列，所以每条消息都会到达每个组，每个组在 Broker 上有自己的消费位点。',
      },
      focus: { kind: 'client', id: 'c-3' },
    },
    {
      wait: { type: 'message.consumed', where: { group: 'CG_AUDIT' } },
      caption: {
        en: 'The first message has been consumed in both groups.',
        zh: '第一条消息在两个组里都被消费了。',
      },
      focus: { kind: 'message', section: 'consumption' },
      predict: {
        question: { en: 'p-1 sends its first message. How many times is it consumed?', zh: 'p-1 发出第一条消息。它会被消费几次？' },
        choices: [
          { en: 'Once, by whichever consumer is free', zh: '一次，哪个消费者空闲就给谁' },
          { en: 'Twice: once in each group', zh: '两次：每个组一次' },
          { en: 'Three times: once per consumer', zh: '三次：每个消费者一次' },
        ],
        answer: 1,
        why: {
          en: 'In CLUSTERING mode a group consumes each message once, by the member that owns its queue (c-1 or c-2); every other group subscribed to the topic gets its own copy (c-3). The card lists both consumptions.',
          zh: '集群消费（CLUSTERING）模式下，一个组对每条消息只消费一次，由拥有该队列的成员消费（c-1 或 c-2）；订阅了该主题的其他组各自再消费一次（c-3）。卡片里列出了两次消费。',
        },
      },
    },
    {
      wait: { type: 'message.sent', where: { producer: 'p-2' } },
      caption: {
        en: 'p-2 sends too: p-1 and p-2 form one producer group (生产者组), PG_ORDER, producers that send the same kind of message. A send goes to a queue, not to a group; the group matters for transactional messages, where the broker may ask any member to check a half message.',
        zh: 'p-2 也开始发送：p-1 和 p-2 组成一个生产者组 PG_ORDER，即发送同一类消息的生产者。发送的目标是队列而不是组；生产者组在事务消息中才起作用：Broker 可以向组内任意成员回查半消息的状态。',
      },
      focus: { kind: 'message' },
    },
    {
      wait: { atMs: 15_000 },
      caption: {
        en: 'Groups make scaling a matter of starting processes: more members in a group share its queues (up to one member per queue), and a new kind of reader is a new group that gets every message without disturbing the others.',
        zh: '有了组，扩容只需多启动几个进程：组内成员越多，分担的队列越多（最多每个队列一个成员）；要增加一种新的读者，只需建一个新组，它会收到全部消息而不影响其他组。',
      },
      tag: 'why',
    },
  ],
};
