/** Chapter 7: read and write queues: the mismatch, shrinking safely and unsafely. */
import type { Chapter } from '../chapter.ts';
import scenario from './ch7-read-write.json';

export const chapter: Chapter = {
  id: 'read-write',
  scenario: { file: scenario },
  steps: [
    {
      // c-2's first rebalance, a millisecond after c-1's: both then own their queues.
      wait: { type: 'rebalance', where: { consumer: 'c-2', topic: 'TopicTest' } },
      caption: {
        en: 'TopicTest has 8 write and 8 read queues on each broker. Physically there is one queue per id: writeQueueNums only says which ids producers use (0 to w-1), readQueueNums which ids consumers are given (0 to r-1). c-1 and c-2 share all 16.',
        zh: 'TopicTest 在每个 Broker 上有 8 个写队列、8 个读队列。物理上每个 id 只有一个队列：writeQueueNums 只规定生产者使用哪些 id（0 到 w-1），readQueueNums 规定消费者分到哪些 id（0 到 r-1）。c-1 和 c-2 分担全部 16 个。',
      },
      focus: { kind: 'client', id: 'c-1' },
    },
    {
      wait: { atMs: 75_000 },
      caption: {
        en: 'By 1:15, queues 4-7 of each broker keep filling (dashed orange on the canvas): producers still write ids 0-7, but consumers are given only 0-3 (topicRouteData2TopicSubscribeInfo). Nothing tells the application: every send answers SEND_OK and the consumers\' listeners get no error. Until the consumers rebalanced at 0:42, the broker kept refusing their pulls of ids 4-7 (pull.rejected in the log); since then nobody asks for those ids. The count over the canvas (and the queue panel under it) names these messages Not consumable: no consumer is given them until readQueueNums is raised.',
        zh: '到 1:15，每个 Broker 的 4-7 号队列仍在不断堆积（画布上的橙色虚线）：生产者仍写 0-7 号，消费者却只分到 0-3 号（topicRouteData2TopicSubscribeInfo）。应用程序察觉不到：每次发送都返回 SEND_OK，消费者的监听器也收不到任何错误。0:42 消费者重新负载均衡之前，Broker 一直拒绝它们对 4-7 号队列的拉取（日志里的 pull.rejected）；之后再也没有人来拉这些队列。画布上方的计数（以及下面的队列面板）把这些消息计为“无法消费”：直到调大 readQueueNums，才会有消费者分到它们。',
      },
      predict: {
        question: {
          en: 'At 0:30 an operator sets readQueueNums to 4 and leaves writeQueueNums at 8. What happens to messages written to queues 4-7?',
          zh: '0:30 运维把 readQueueNums 改为 4，writeQueueNums 仍为 8。写入 4-7 号队列的消息会怎样？',
        },
        choices: [
          { en: 'They move to queues 0-3', zh: '被移到 0-3 号队列' },
          { en: 'They pile up, unconsumed until readQueueNums is raised', zh: '不断堆积，直到调大 readQueueNums 才会被消费' },
          { en: 'Producers stop writing them', zh: '生产者不再写入它们' },
        ],
        answer: 1,
        why: {
          en: 'The two counts are independent and nothing moves messages between queues. With more write than read queues, the extra queues are written but not read until readQueueNums is raised: exactly the study note\'s "write 8, read 4".',
          zh: '两个数量相互独立，也没有任何机制会在队列之间搬移消息。写队列多于读队列时，多出来的队列只写不读，直到调大 readQueueNums：正是学习笔记里“写 8 读 4”的情形。',
        },
      },
    },
    {
      wait: { atMs: 119_000 },
      caption: {
        en: 'At 1:20 readQueueNums went back to 8. After their next route pull and rebalance the consumers were given queues 4-7 again and consumed every message that had piled up.',
        zh: '1:20 readQueueNums 改回 8。消费者在下一次拉取路由并重新负载均衡后，又分到了 4-7 号队列，把堆积的消息全部消费掉了。',
      },
      predict: {
        question: { en: 'readQueueNums is set back to 8. Were the piled-up messages lost?', zh: 'readQueueNums 改回 8。之前堆积的消息丢了吗？' },
        choices: [
          { en: 'Yes, they are gone', zh: '丢了' },
          { en: 'No, they are consumed now', zh: '没有，现在会被消费' },
        ],
        answer: 1,
        why: {
          en: 'The messages were stored all along; only no consumer was allowed to read those queue ids. Give the ids back and the consumers given queues 4-7 resume from the offsets their group had committed where reading stopped at about 0:30 (RemoteBrokerOffsetStore): over the canvas, Consumed is now 1,179 of the 1,180 sent, the last one on its way, and the Not consumable count has gone.',
          zh: '消息一直都存着，只是没有消费者被允许读那些队列 id。把 id 还回来，分到 4-7 号队列的消费者就从组里在 0:30 前后停下时已提交的位点接着读（RemoteBrokerOffsetStore）：画布上方的已消费现在是 1,179，已发送 1,180，最后一条还在路上，“无法消费”的计数也不见了。',
        },
      },
    },
    {
      wait: { type: 'route.updated', where: { client: 'p-1', topic: 'TopicTest' }, afterMs: 120_000 },
      caption: {
        en: 'The safe way to go from 8 queues to 4, step one: writeQueueNums 4 first (2:00). Producers stop writing ids 4-7 at their next route pull, while consumers still read them and drain what is left.',
        zh: '从 8 个队列安全缩到 4 个，第一步：先把 writeQueueNums 改为 4（2:00）。生产者在下一次拉取路由后不再写 4-7 号，而消费者仍在读它们，把剩下的消息消费完。',
      },
      focus: { kind: 'client', id: 'p-1' },
    },
    {
      wait: { type: 'rebalance', where: { consumer: 'c-1', topic: 'TopicTest' }, afterMs: 180_000 },
      caption: {
        en: 'Step two at 3:00: readQueueNums 4, once queues 4-7 showed lag 0. The consumers dropped those ids with nothing left in them, so no message is stranded. The Not consumable count is gone from beside Sent and Consumed: it is hidden at 0, where it went back when readQueueNums returned to 8 at 1:20 and has stayed.',
        zh: '第二步在 3:00：等 4-7 号队列的积压为 0 后，再把 readQueueNums 改为 4。消费者放弃这些 id 时里面已经没有消息，没有消息被困住。“已发送”“已消费”旁边已经没有“无法消费”这一项：它为 0 时不显示。1:20 readQueueNums 改回 8 时它就回到了 0，之后一直是 0。',
      },
      predict: {
        question: { en: 'After writeQueueNums 4, when may readQueueNums be set to 4?', zh: 'writeQueueNums 改为 4 之后，什么时候可以把 readQueueNums 改为 4？' },
        choices: [
          { en: 'At once, in the same command', zh: '立即，在同一条命令里' },
          { en: 'Once queues 4-7 have no lag left', zh: '等 4-7 号队列没有积压之后' },
        ],
        answer: 1,
        why: {
          en: 'Shrinking both at once (the unsafe way, the library\'s "Shrinking a topic the unsafe way") strands whatever queues 4-7 still held, and the producers\' last sends to ids 4-7 before their route pull are refused by the broker ("queueId is illegal": INVALID_PARAMETER in 5.x, not retried) and fail. Shrinking writes first and reads after the drain loses nothing.',
          zh: '两者同时缩减（不安全的做法，见场景库里的“不安全地缩减主题队列”）会把 4-7 号队列里还没消费的消息困在那里；生产者在拉取新路由前最后发往 4-7 号队列的消息会被 Broker 拒绝（“queueId is illegal”：5.x 中为 INVALID_PARAMETER，不会重试）而发送失败。先缩写队列、等消费完再缩读队列，就不会丢下任何消息。',
        },
      },
    },
    {
      wait: { atMs: 200_000 },
      caption: {
        en: 'Read and write counts are separate so that a topic can change size without losing messages: writes move first, reads follow once the queues are empty. The price is that a mismatch is silent: RocketMQ trusts the operator, so check lag before shrinking reads.',
        zh: '读写队列数分开设置，是为了让主题在不丢消息的情况下改变大小：先改写，等队列清空后再改读。代价是配错时悄无声息：RocketMQ 信任运维，所以缩减读队列之前要先确认积压为 0。',
      },
      tag: 'why',
    },
  ],
};
