/** Chapter 6: creating topics: cluster mode and broker mode, default queue counts, automatic creation. */
import type { Chapter } from '../chapter.ts';
import scenario from './ch6-topics.json';

export const chapter: Chapter = {
  id: 'topics',
  scenario: { file: scenario },
  steps: [
    {
      wait: { type: 'topic.updated', where: { broker: 'broker-c', topic: 'TopicOrder' } },
      caption: {
        en: 'At 0:10 an operator ran mqadmin updateTopic -c DefaultCluster -t TopicOrder, naming no queue counts. Cluster mode (-c): every master of the cluster gets the topic with the same counts: 8 write and 8 read queues on each of the three brokers. updateTopic has no default mode either: one of -c or -b must be given (UpdateTopicSubCommand makes them a required option group), so the study note\'s "broker mode by default" is wrong too.',
        zh: '0:10 运维执行了 mqadmin updateTopic -c DefaultCluster -t TopicOrder，没有指定队列数。集群模式（-c）：集群里每个 Master 都创建这个主题，队列数相同：三个 Broker 上各 8 个写队列、8 个读队列。updateTopic 也没有默认模式：-c 和 -b 必须给出其中一个（UpdateTopicSubCommand 把它们设为必选的一组选项），所以学习笔记说的“默认采用broker模式”也不对。',
      },
      // The step's moment is broker-c's topic.updated, the last of the three: focused, the third broker's box
      // (below the first screen at 1280x800) is scrolled into view with the other two (lesson-in-view.ts).
      focus: { kind: 'broker', id: 'broker-c' },
      tag: 'correction',
      predict: {
        question: {
          en: 'mqadmin updateTopic is run without -r and -w. How many queues does each broker get?',
          zh: '执行 mqadmin updateTopic 时没有给 -r 和 -w。每个 Broker 上会有几个队列？',
        },
        choices: [
          { en: '4', zh: '4 个' },
          { en: '8', zh: '8 个' },
          { en: '16', zh: '16 个' },
        ],
        answer: 1,
        why: {
          en: 'mqadmin\'s UpdateTopicSubCommand defaults to 8 read and 8 write queues. 4 is the default of automatic creation (a producer\'s defaultTopicQueueNums), which the study note mixes up with it.',
          zh: 'mqadmin 的 UpdateTopicSubCommand 默认 8 个读队列、8 个写队列。4 是自动创建主题时的默认值（生产者的 defaultTopicQueueNums），学习笔记把两者混在了一起。',
        },
      },
    },
    {
      wait: { type: 'route.updated', where: { client: 'p-1', topic: 'TopicOrder' } },
      caption: {
        en: 'p-1\'s route lists 24 write queues: 8 on each broker. Sends spread over all three brokers.',
        zh: 'p-1 的路由里有 24 个写队列：每个 Broker 8 个。消息会发往全部三个 Broker。',
      },
      focus: { kind: 'client', id: 'p-1' },
    },
    {
      wait: { type: 'topic.updated', where: { topic: 'TopicPay' } },
      caption: {
        en: 'Broker mode (-b): mqadmin updateTopic -b 10.0.1.2:10911 -t TopicPay -w 2 -r 2 (-b takes the broker\'s address, here broker-b\'s) creates the topic on that one broker only, with its own counts. Repeated per broker, a topic can have different counts on each broker (chapter 1\'s TopicOrder: 4 queues on broker-a, 2 on broker-b).',
        zh: 'Broker 模式（-b）：mqadmin updateTopic -b 10.0.1.2:10911 -t TopicPay -w 2 -r 2（-b 后面是 Broker 的地址，这里是 broker-b 的）只在这一个 Broker 上创建主题，队列数单独指定。对每个 Broker 分别执行，同一主题在各 Broker 上的队列数可以不同（第 1 章的 TopicOrder：broker-a 上 4 个队列，broker-b 上 2 个）。',
      },
      focus: { kind: 'broker', id: 'broker-b' },
      topic: 'TopicPay',
    },
    {
      wait: { type: 'route.updated', where: { client: 'p-2', topic: 'NewTopic' } },
      caption: {
        en: 'p-2 wants to send to NewTopic, which nobody created. The NameServer has no route for it, so the producer takes the route of TBW102 (which each broker with autoCreateTopicEnable created at start-up) and assumes min(4, 8) = 4 queues on each broker: 4 is its defaultTopicQueueNums. The canvas shows TBW102\'s 8 queues on each broker; the inspector shows p-2\'s route, 4 per broker. No message is ever stored in TBW102: the dots into and out of the brokers are messages of TopicOrder and NewTopic, which fly to a broker\'s box, not into a queue the canvas draws.',
        zh: 'p-2 要向 NewTopic 发送，但没有人创建过它。NameServer 里没有它的路由，于是生产者借用 TBW102 的路由（开启 autoCreateTopicEnable 的 Broker 启动时都会创建 TBW102），并假定每个 Broker 上有 min(4, 8) = 4 个队列：4 就是生产者的 defaultTopicQueueNums。画布上是 TBW102 在每个 Broker 上的 8 个队列；右侧详情里是 p-2 的路由，每个 Broker 4 个。TBW102 里从来不存消息：进出 Broker 的圆点是 TopicOrder 和 NewTopic 的消息，它们飞向 Broker 的方框，而不是画布上画出的某个队列。',
      },
      focus: { kind: 'client', id: 'p-2' },
      topic: 'TBW102',
    },
    {
      wait: { type: 'topic.updated', where: { topic: 'NewTopic' } },
      caption: {
        en: 'The first message reached broker-b, which created NewTopic on itself and registered it with the NameServers at once: 4 queues, the smaller of the producer\'s defaultTopicQueueNums (4) and TBW102\'s 8; only its permission comes from TBW102. broker-a and broker-c know nothing of it.',
        zh: '第一条消息到了 broker-b，它在自己这里创建了 NewTopic，并立即向 NameServer 注册：队列数取生产者请求里的 defaultTopicQueueNums（4）和 TBW102 的 8 中较小的那个，即 4 个；只有权限沿用 TBW102。broker-a 和 broker-c 对此一无所知。',
      },
      focus: { kind: 'broker', id: 'broker-b' },
      topic: 'NewTopic',
    },
    {
      wait: { type: 'route.updated', where: { client: 'p-2', topic: 'NewTopic' } },
      caption: {
        en: 'At its next route pull p-2 got NewTopic\'s real route: broker-b only. From 1:15 every message goes to broker-b.',
        zh: '下一次拉取路由时，p-2 拿到了 NewTopic 的真实路由：只有 broker-b。从 1:15 起所有消息都发往 broker-b。',
      },
      focus: { kind: 'client', id: 'p-2' },
      topic: 'NewTopic',
      predict: {
        question: {
          en: 'After p-2\'s one message the scenario stops its sends (a send rate of 0) until 1:15: p-2 keeps running but sends nothing. At its next route pull, which brokers hold NewTopic?',
          zh: 'p-2 发出一条消息后，场景让它停止发送（发送速率设为 0），直到 1:15：p-2 仍在运行，只是不发送。下一次拉取路由时，哪些 Broker 上有 NewTopic？',
        },
        choices: [
          { en: 'All three: it is a cluster', zh: '三个都有：这是一个集群' },
          { en: 'Only broker-b, where the first message landed', zh: '只有 broker-b，第一条消息落在那里' },
        ],
        answer: 1,
        why: {
          en: 'A broker creates an unknown topic only when a message for it arrives there (createTopicInSendMessageMethod). Once any broker has registered the real topic, the NameServer returns that route instead of TBW102\'s, so the others never get the topic: an automatically created topic often ends up on a subset of the brokers. p-2 pulled that route at 1:10, while its rate was still 0, so when it sends again from 1:15 every message goes to broker-b.',
          zh: 'Broker 只有在收到某个未知主题的消息时才会创建它（createTopicInSendMessageMethod）。一旦有 Broker 注册了真实的主题，NameServer 就返回这条路由而不再返回 TBW102 的，其他 Broker 就再也拿不到这个主题：自动创建的主题常常只落在部分 Broker 上。p-2 在 1:10 拉取到这条路由，当时它的发送速率仍是 0，所以从 1:15 再次发送时，每条消息都发往 broker-b。',
        },
      },
    },
    {
      wait: { atMs: 80_000 },
      caption: {
        en: 'Topics are created ahead of time, on purpose: queue counts decide how many consumers can share the work and can only be shrunk with care (next chapter), so they are an operator\'s choice. Automatic creation is a convenience for development; production clusters turn autoCreateTopicEnable off.',
        zh: '主题要提前、有意识地创建：队列数决定了最多能有多少消费者分担工作，而且缩减时必须小心（见下一章），所以应由运维来决定。自动创建只是开发时的便利；生产集群会关闭 autoCreateTopicEnable。',
      },
      tag: 'why',
    },
  ],
};
