/** Chapter 5: the workflow, from start-up to the first consumed message. */
import type { Chapter } from '../chapter.ts';
import scenario from './ch5-workflow.json';
import { UNIT_SPACE } from '../../../viz/format.ts';

export const chapter: Chapter = {
  id: 'workflow',
  scenario: { file: scenario },
  steps: [
    {
      wait: { atMs: 1_000 },
      caption: {
        en: '1. The NameServers start first and listen on port 9876. They know nothing yet: no broker, no topic.',
        zh: '1. 先启动 NameServer，监听 9876 端口。此时它们什么都不知道：没有 Broker，也没有主题。',
      },
      focus: { kind: 'nameServer', id: 'ns-1' },
    },
    {
      wait: { type: 'broker.registered', where: { broker: 'broker-b', first: true, nameServer: 'ns-2' } },
      caption: {
        en: `2. The brokers start at 0:03, open a long-lived connection to every NameServer and register (路由注册); they register again 10${UNIT_SPACE}s after they started, and then every 30${UNIT_SPACE}s.`,
        zh: `2. Broker 在 0:03 启动，与每个 NameServer 建立长连接并注册（路由注册）；启动 10${UNIT_SPACE}秒后再注册一次，之后每 30${UNIT_SPACE}秒一次。`,
      },
      focus: { kind: 'nameServer', id: 'ns-1' },
    },
    {
      // The registration the topic change causes, 1 ms after the change: from then on the NameServers hold the route.
      wait: { type: 'broker.registered', where: { broker: 'broker-b', nameServer: 'ns-2', trigger: 'topicChanged' } },
      caption: {
        en: '3. The topic is created before anyone sends (mqadmin updateTopic -c DefaultCluster -t TopicOrder -w 4 -r 4): each broker of the cluster adds it to its topic table and registers again at once, so the NameServers now have TopicOrder\'s route: ns-2\'s topicQueueTable, in the inspector, lists it on broker-a and broker-b with 4 write and 4 read queues each.',
        zh: '3. 在收发消息之前先创建主题（mqadmin updateTopic -c DefaultCluster -t TopicOrder -w 4 -r 4）：集群里每个 Broker 把它加入自己的主题配置表，并立即再次注册，于是 NameServer 有了 TopicOrder 的路由：右侧详情里 ns-2 的 topicQueueTable 列出了它在 broker-a 和 broker-b 上各 4 个写队列、4 个读队列。',
      },
      // The inspector shows the NameServer's routes, the step's evidence: its topicQueueTable, below the
      // other two tables, is brought into view with ns-2's box (use-inspector-table.ts).
      focus: { kind: 'nameServer', id: 'ns-2', table: 'topicQueueTable' },
    },
    {
      wait: { type: 'route.updated', where: { client: 'p-1' } },
      caption: {
        en: `4. p-1 connected to one NameServer and fetched the route of TopicOrder: 8 write queues on two brokers. It caches the route and refreshes it every 30${UNIT_SPACE}s.`,
        zh: `4. p-1 连接了一个 NameServer，取到 TopicOrder 的路由：两个 Broker 上共 8 个写队列。它把路由缓存在本地，每 30${UNIT_SPACE}秒刷新一次。`,
      },
      focus: { kind: 'client', id: 'p-1' },
      predict: {
        question: { en: 'p-1 starts at 0:12. What is the first thing it does for TopicOrder?', zh: 'p-1 在 0:12 启动。它为 TopicOrder 做的第一件事是什么？' },
        choices: [
          { en: 'Ask a NameServer for the topic\'s route', zh: '向 NameServer 查询主题路由' },
          { en: 'Send to every broker', zh: '向所有 Broker 发送' },
          { en: 'Ask a broker which queue to use', zh: '问某个 Broker 该用哪个队列' },
        ],
        answer: 0,
        why: {
          en: 'A producer knows only NameServer addresses. It needs the route (which brokers hold the topic, how many write queues each) before it can pick a queue (DefaultMQProducerImpl.tryToFindTopicPublishInfo).',
          zh: '生产者只知道 NameServer 的地址。它要先拿到路由（哪些 Broker 有这个主题、各有几个写队列），才能选队列（DefaultMQProducerImpl.tryToFindTopicPublishInfo）。',
        },
      },
    },
    {
      wait: { type: 'message.stored' },
      caption: {
        en: '5. p-1 picked a queue and sent the first message straight to that broker, which stored it and answered SEND_OK. The NameServer is not on the message path.',
        zh: '5. p-1 选了一个队列，把第一条消息直接发给该 Broker，Broker 存储后回复 SEND_OK。NameServer 不在消息的传输路径上。',
      },
      focus: { kind: 'message' },
    },
    {
      wait: { type: 'message.consumed' },
      caption: {
        en: '6. c-1 started at 0:16: it fetched the route, sent heartbeats to every broker, ran its first rebalance (all 8 queues are its own) and pulled. The card shows the first message c-1 consumed: p-1\'s third (key order-2, broker-a queue 2, sent at 0:15), not the first message of step 5. Each queue is pulled on its own, so messages of different queues are not consumed in the order they were sent: the first message (order-0) was consumed just after it, at 0:17 too.',
        zh: '6. c-1 在 0:16 启动：拉取路由，向每个 Broker 发心跳，完成第一次负载均衡（8 个队列都归它），然后拉取消息。卡片上是 c-1 消费的第一条消息：p-1 发出的第 3 条（key 为 order-2，broker-a 的队列 2，0:15 发送），而不是第 5 步里的第一条消息。每个队列各自拉取，不同队列的消息不会按发送顺序被消费：第一条消息（order-0）紧随其后，也在 0:17 被消费。',
      },
      focus: { kind: 'message' },
      predict: {
        question: {
          en: 'Three messages were sent before c-1 started, and c-1 uses the default CONSUME_FROM_LAST_OFFSET. Does it get them?',
          zh: 'c-1 启动前已经发出 3 条消息，c-1 使用默认的 CONSUME_FROM_LAST_OFFSET。它能收到这 3 条吗？',
        },
        choices: [
          { en: 'No: it starts after the last message', zh: '收不到：它从最后一条之后开始' },
          { en: 'Yes: this new group starts at offset 0', zh: '能：这个新组从位点 0 开始' },
        ],
        answer: 1,
        why: {
          en: 'A new group has no committed offset; the broker answers 0 instead of "none" while the queue still starts at 0 and that message is in memory (ConsumerManageProcessor.queryConsumerOffset), so a new group on a young topic reads from the beginning. On an old topic it would start at the end.',
          zh: '新的消费者组没有已提交的位点；只要队列仍从 0 开始且那条消息还在内存中，Broker 就回答 0 而不是“没有”（ConsumerManageProcessor.queryConsumerOffset），所以新组在新主题上会从头读。换成一个老主题，它就会从末尾开始。',
        },
      },
    },
    {
      wait: { atMs: 30_000 },
      caption: {
        en: 'The order matters because each part only finds the next through the NameServers: brokers must register before routes exist, a topic must exist before producers get a route (unless brokers may create it automatically, next chapter), and consumers share queues only once they know them. After start-up, messages flow between clients and brokers without the NameServers.',
        zh: '启动顺序之所以重要，是因为每个部分都只能通过 NameServer 找到下一个：Broker 注册之后才有路由，主题存在之后生产者才能拿到路由（除非允许 Broker 自动创建主题，见下一章），消费者知道了队列才能分配。启动完成后，消息在客户端和 Broker 之间流动，不再经过 NameServer。',
      },
      tag: 'why',
    },
  ],
};
