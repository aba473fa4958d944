/** Chapter 8: consumer groups at work: clustering and broadcasting, the allocation strategies, rebalancing. */
import type { Chapter } from '../chapter.ts';
import scenario from './ch8-consumers.json';
import { UNIT_SPACE } from '../../../viz/format.ts';

export const chapter: Chapter = {
  id: 'consumers',
  scenario: { file: scenario },
  steps: [
    {
      // The last of the three first rebalances (c-3's, 1 s after c-1's): the allocation the caption gives is then on the canvas.
      wait: { type: 'rebalance', where: { consumer: 'c-3', topic: 'TopicTest' } },
      caption: {
        en: 'CG_ORDER consumes in CLUSTERING mode with AllocateMessageQueueAveragely: 8 queues over 3 consumers gives 3, 3 and 2 (c-1 broker-a:0-2, c-2 broker-a:3 and broker-b:0-1, c-3 broker-b:2-3). Each queue has one owner in the group, but a consumer owns several queues: the study note\'s "a consumer consumes one queue" is wrong.',
        zh: 'CG_ORDER 以集群模式（CLUSTERING）消费，分配策略是 AllocateMessageQueueAveragely：8 个队列分给 3 个消费者，得到 3、3、2 个（c-1 是 broker-a:0-2，c-2 是 broker-a:3 和 broker-b:0-1，c-3 是 broker-b:2-3）。组内每个队列只有一个消费者，但一个消费者可以拥有多个队列：学习笔记说“一个消费者只能消费一个queue”是错的。',
      },
      focus: { kind: 'client', id: 'c-1' },
      tag: 'correction',
    },
    {
      wait: { type: 'message.consumed', where: { group: 'CG_AUDIT', consumer: 'b-2' } },
      caption: {
        en: 'CG_AUDIT is a BROADCASTING group: b-1 and b-2 each take all 8 queues and each consumes every message (the card lists both). A broadcasting consumer keeps its offsets itself, not on the broker. That is why Consumed below is about three times Sent: each message counts once for CG_ORDER and once for each of b-1 and b-2.',
        zh: 'CG_AUDIT 是广播模式（BROADCASTING）的组：b-1 和 b-2 各自拿到全部 8 个队列，每条消息都各消费一次（卡片里列出了两次）。广播消费者的位点保存在自己本地，而不是 Broker 上。所以下面的“已消费”约是“已发送”的三倍：每条消息为 CG_ORDER 计一次，为 b-1 和 b-2 各计一次。',
      },
      focus: { kind: 'message', section: 'consumption' },
    },
    {
      wait: { atMs: 60_000 },
      caption: {
        en: 'Six consumers joined CG_ORDER at 0:40: nine consumers, eight queues. After a few rounds of rebalancing (each member decides on its own from what it sees), every queue has one owner and one consumer owns none: c-7, whose box on the drawing says "idle" (further down in CG_ORDER: AllocateMessageQueueAveragely deals the queues out in the order of the client ids, not of the names): nine consumers share eight queues, so one is left over.',
        zh: '0:40 有六个消费者加入 CG_ORDER：九个消费者，八个队列。经过几轮负载均衡（每个成员根据自己看到的情况各自计算）后，每个队列都有一个消费者，而有一个消费者什么都没分到：它是 c-7，画布上它的方框标着“空闲”（在 CG_ORDER 里靠下的位置：AllocateMessageQueueAveragely 按客户端 id 的顺序分配队列，而不是按名字）：九个消费者分八个队列，总有一个分不到。',
      },
      focus: { kind: 'client', id: 'c-7' },
      predict: {
        question: { en: 'Nine consumers, eight queues. What does the ninth get?', zh: '九个消费者，八个队列。第九个消费者得到什么？' },
        choices: [
          { en: 'It shares a queue with another consumer', zh: '和另一个消费者共享一个队列' },
          { en: 'Nothing: it stays idle', zh: '什么都没有：它处于空闲状态' },
          { en: 'A new queue is created for it', zh: '为它新建一个队列' },
        ],
        answer: 1,
        why: {
          en: 'Inside a group a queue is never shared, and rebalancing never creates queues, so consumers beyond the number of queues get nothing. More consumers than queues wastes processes: the queue count is the group\'s ceiling of parallelism.',
          zh: '组内的队列从不共享，负载均衡也不会新建队列，所以超过队列数的消费者什么都分不到。消费者多于队列只是浪费进程：队列数就是一个组并行度的上限。',
        },
      },
    },
    {
      wait: { type: 'rebalance', where: { consumer: 'c-3', topic: 'TopicTest' }, afterMs: 100_000 },
      caption: {
        en: 'c-1 crashed at 1:40. Its connections closed, the brokers removed it from the group and told the others (NOTIFY_CONSUMER_IDS_CHANGED); they rebalanced within milliseconds and now own one queue each.',
        zh: 'c-1 在 1:40 崩溃。它的连接断开，Broker 把它从组里移除并通知其他成员（NOTIFY_CONSUMER_IDS_CHANGED）；它们在几毫秒内重新负载均衡，现在每人一个队列。',
      },
      focus: { kind: 'client', id: 'c-3' },
      predict: {
        question: { en: 'c-1 crashes. What happens to the queue it owned?', zh: 'c-1 崩溃了。它拥有的队列会怎样？' },
        choices: [
          { en: `It waits 120${UNIT_SPACE}s for c-1's heartbeat to expire`, zh: `等 120${UNIT_SPACE}秒，直到 c-1 的心跳过期` },
          { en: 'The others take it over at once', zh: '其他消费者立即接管' },
        ],
        answer: 1,
        why: {
          en: `A crashed process's connections close, and a closed channel removes the consumer at once and wakes the group's RebalanceService. Only a consumer that hangs with its connection open waits for the 120${UNIT_SPACE}s expiry, and then the others notice at their next 20${UNIT_SPACE}s rebalance.`,
          zh: `进程崩溃后连接会断开，连接一断开，该消费者就立即被移除，并唤醒组内各成员的 RebalanceService。只有连接还在却卡死的消费者才要等 120${UNIT_SPACE}秒过期，之后其他成员在下一次 20${UNIT_SPACE}秒的周期性负载均衡时才发现。`,
        },
      },
    },
    {
      wait: { atMs: 110_000 },
      caption: {
        en: 'The strategy decides who gets which queue: AVG gives each consumer a contiguous block (the default); AVG_BY_CIRCLE deals the queues round like cards; CONSISTENT_HASH places consumers on a hash ring, so a join or a leave moves few queues; CONFIG and MACHINE_ROOM follow a configured list or data centres. Every member runs the same strategy over the same sorted lists, so they agree without talking to each other. The table applies three of them to TopicTest\'s 8 queues as if CG_ORDER had only its first three members in RocketMQ\'s order: clientIds sorted as text, so 10.0.2.10@c-8 and 10.0.2.11@c-9 come before 10.0.2.2@c-2.',
        zh: '分配策略决定谁拿哪个队列：AVG 给每个消费者一段连续的队列（默认）；AVG_BY_CIRCLE 像发牌一样轮流分配；CONSISTENT_HASH 把消费者放在哈希环上，有成员加入或离开时只移动少量队列；CONFIG 和 MACHINE_ROOM 按配置的列表或机房分配。每个成员对同样排好序的列表运行同一个策略，因此无需相互通信就能得出一致的结果。下表把其中三种策略用于 TopicTest 的 8 个队列，假设 CG_ORDER 只有按 RocketMQ 的顺序排在最前的三个成员：clientId 按字符串排序，所以 10.0.2.10@c-8 和 10.0.2.11@c-9 排在 10.0.2.2@c-2 之前。',
      },
      // Three members show the strategies apart: with as many members as queues, AVG and AVG_BY_CIRCLE both give one each.
      figure: { kind: 'allocations', group: 'CG_ORDER', topic: 'TopicTest', strategies: ['AVG', 'AVG_BY_CIRCLE', 'CONSISTENT_HASH'], members: 3 },
    },
    {
      wait: { atMs: 120_000 },
      caption: {
        en: 'Rebalancing happens in the clients, not on a coordinator: each consumer computes its own share from the group\'s member list (from a broker) and the topic\'s queues (from its route). Nothing central can fail, and a group grows by starting processes; the price is short moments where two members disagree, which is why a message can be consumed twice around a rebalance (consumers must be idempotent).',
        zh: '负载均衡在客户端完成，而不是由一个协调者来做：每个消费者根据组成员列表（来自 Broker）和主题的队列（来自路由）自己算出自己的份额。没有中心节点会出故障，扩容只需启动进程；代价是成员之间会有短暂的不一致，所以在负载均衡前后一条消息可能被消费两次（消费逻辑必须幂等）。',
      },
      tag: 'why',
    },
  ],
};
