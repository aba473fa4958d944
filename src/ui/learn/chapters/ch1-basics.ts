/** Chapter 1: message, topic, tag, queue, sharding, msgId and offsetMsgId, keys. */
import type { Chapter } from '../chapter.ts';
import scenario from './ch1-basics.json';

export const chapter: Chapter = {
  id: 'basics',
  scenario: { file: scenario },
  steps: [
    {
      wait: { type: 'route.updated', where: { client: 'p-1' } },
      caption: {
        en: 'A topic (TopicOrder) is a name for one kind of message. Its messages live in queues: here 4 on broker-a and 2 on broker-b: the topic was created on each broker with its own count (broker mode, chapter 6). The producer p-1 has just fetched the topic\'s route from a NameServer: the list of those 6 queues.',
        zh: '主题（Topic，这里是 TopicOrder）是一类消息的名字。消息存放在队列（queue）里，这里 broker-a 上有 4 个、broker-b 上有 2 个，因为主题是在每个 Broker 上分别创建的，各有各的队列数（Broker 模式，见第 6 章）。生产者 p-1 刚从 NameServer 拉到这个主题的路由，也就是这 6 个队列的列表。',
      },
      focus: { kind: 'client', id: 'p-1' },
    },
    {
      wait: { type: 'message.sent' },
      caption: {
        en: 'The first message leaves p-1. A message is a body plus the topic it belongs to, one tag (TagA: a sub-type inside the topic) and keys (order-0: a business id you can search by). Its card is open.',
        zh: '第一条消息离开了 p-1。消息 = 消息体 + 所属主题 + 一个标签（tag，这里是 TagA：主题内的子类型）+ keys（order-0：可以用来查找的业务标识）。右侧打开的是它的卡片。',
      },
      focus: { kind: 'message' },
    },
    {
      wait: { type: 'message.stored' },
      caption: {
        en: 'broker-a stored it: appended to its CommitLog, and a 20-byte entry pointing at it (its CommitLog offset, size and tag hash) added to one queue of the topic (a ConsumeQueue). The broker gave it a second id, the offsetMsgId: the broker\'s address and the message\'s CommitLog offset. The producer\'s msgId was made before sending: its IP, process id, class-loader hash, the time since the start of the month and a counter.',
        zh: 'broker-a 存下了它：追加到 CommitLog，并在主题的一个队列（ConsumeQueue）里追加一条 20 字节的条目指向它（CommitLog 偏移量、大小和 tag 哈希）。Broker 给它第二个标识 offsetMsgId：Broker 地址 + 消息在 CommitLog 中的偏移量。生产者的 msgId 在发送前就生成了：IP、进程号、类加载器哈希、从本月开始计的时间和自增计数器。',
      },
      focus: { kind: 'message' },
    },
    {
      // The 24th send leaves at 15 s exactly and is stored 2 ms later: the step waits for it, since
      // the cells the caption points at count what is stored.
      wait: { atMs: 15_010 },
      caption: {
        en: 'Ten seconds of sending later: look at how full each queue\'s cell is on the drawing. The fill is its message count; point at a cell, or open it (a click, or Enter on it), for the number.',
        zh: '又发送了十秒：看画布上每个队列格子被填满的程度。填充高度就是它的消息数；把指针移到格子上，或打开它（点击，或在它上面按 Enter），可以看到具体数字。',
      },
      predict: {
        question: {
          en: 'The topic has 4 queues on broker-a and 2 on broker-b. How do the messages spread?',
          zh: '主题在 broker-a 上有 4 个队列，在 broker-b 上有 2 个。消息如何分布？',
        },
        choices: [
          { en: 'Evenly: each broker gets half', zh: '平均：每个 Broker 各一半' },
          { en: 'Each queue in turn: broker-a gets 4 of every 6', zh: '逐个队列轮流：每 6 条里 broker-a 得 4 条' },
          { en: 'All into queue 0 until it is full', zh: '全部写进 0 号队列，直到写满' },
        ],
        answer: 1,
        why: {
          en: 'The producer takes the next queue of its route in turn (TopicPublishInfo.selectOneMessageQueue), so every queue gets about the same number, and a broker with more queues gets more: of the 24 messages sent by now, broker-a got 16 and broker-b 8, 4 for each queue. The shards of one topic need not be the same size, whatever the study note says.',
          zh: '生产者按路由里的队列逐个轮流选择（TopicPublishInfo.selectOneMessageQueue），所以每个队列的消息数差不多，队列多的 Broker 分到的就多：到现在发出的 24 条里，broker-a 得 16 条，broker-b 得 8 条，每个队列 4 条。同一主题在各 Broker 上的分片大小不必相同，学习笔记说“每个queue的大小都是一样的”并不准确。',
        },
      },
      tag: 'correction',
    },
    {
      wait: { type: 'message.consumed', afterMs: 15_000 },
      caption: {
        en: 'The consumer c-1 subscribed to TagA only. It just consumed a TagA message; TagB messages are stored too, but when the broker serves c-1\'s pull it compares each ConsumeQueue entry\'s tag hash code with c-1\'s subscription and leaves them out (c-1 checks the tag itself again when the messages arrive), so c-1 never sees them, though its consume offsets move past them.',
        zh: '消费者 c-1 只订阅了 TagA。它刚消费了一条 TagA 消息；TagB 的消息同样被存储，但 Broker 处理 c-1 的拉取请求时，按 ConsumeQueue 条目里的标签哈希码把它们过滤掉了（消息到达后 c-1 还会按标签本身再核对一次），所以 c-1 看不到它们，但它的消费位点会越过它们。',
      },
      focus: { kind: 'message', section: 'consumption' },
    },
    {
      wait: { type: 'message.consumed', afterMs: 18_000 },
      caption: {
        en: 'Keys are indexed by the broker\'s IndexService: an operator finds a message by its key without knowing its queue (mqadmin queryMsgByKey -t TopicOrder -k order-30 finds the one on the card; -t is required, since the index keys are topic#key, and the card shows how the index finds it). This page\'s own Key search (the Message tab) may leave the topic at "every topic" and look the key up under each topic in turn, where mqadmin asks for one. The msgId finds it too; the offsetMsgId points straight at its place in the CommitLog.',
        zh: 'keys 由 Broker 的 IndexService 建索引：运维人员不用知道队列就能按 key 找到消息（mqadmin queryMsgByKey -t TopicOrder -k order-30 就能找到卡片上这条；-t 必须给出，因为索引的键是 topic#key，卡片里也画出了索引如何找到它）。本页“消息轨迹”里的 Key 查询可以把主题留作“所有主题”，逐个主题查找；mqadmin 则要求给出一个主题。msgId 也能找到它；offsetMsgId 则直接带着它在 CommitLog 中的物理偏移量。',
      },
      focus: { kind: 'message', section: 'index' },
    },
    {
      wait: { atMs: 20_000 },
      caption: {
        en: 'A topic is split into queues so that many brokers can store it and many consumers can read it at once: a queue is the unit of order and of parallelism. Two ids, because the producer needs an id before the message is stored (msgId) and the broker a cheap way to find it again (offsetMsgId).',
        zh: '主题被拆成多个队列，是为了让多个 Broker 一起存、多个消费者一起读：队列是顺序的单位，也是并行的单位。有两个标识，是因为生产者在消息存储之前就需要一个 id（msgId），而 Broker 需要一个能快速定位消息的 id（offsetMsgId）。',
      },
      tag: 'why',
    },
  ],
};
