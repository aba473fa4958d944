/** Chapter 3: the NameServer. Registration and its 30 s heartbeat, removal, route discovery, choosing a NameServer. */
import type { Chapter } from '../chapter.ts';
import scenario from './ch3-nameserver.json';
import { UNIT_SPACE } from '../../../viz/format.ts';

export const chapter: Chapter = {
  id: 'nameserver',
  scenario: { file: scenario },
  steps: [
    {
      wait: { type: 'broker.registered', where: { broker: 'broker-b', nameServer: 'ns-2', first: true } },
      caption: {
        en: 'Route registration (路由注册): as it starts, each broker sends REGISTER_BROKER with its address and its whole topic table to every NameServer, in parallel. Both ns-1 and ns-2 now list broker-a and broker-b.',
        zh: '路由注册：Broker 一启动，就把自己的地址和完整的主题配置表用 REGISTER_BROKER 并行发给每一个 NameServer。现在 ns-1 和 ns-2 都登记了 broker-a 和 broker-b。',
      },
      focus: { kind: 'nameServer', id: 'ns-1' },
    },
    {
      wait: { type: 'nameServer.chosen', where: { client: 'c-1' } },
      caption: {
        en: 'Clients pick one NameServer: the list is shuffled, a random index picks the first, and the client keeps it (p-1 took ns-1, c-1 ns-2) until its channel to it closes or a request to it fails; only then does it move to the next one in the list (NettyRemotingClient).',
        zh: '客户端只选一个 NameServer：地址列表先被打乱，再用随机下标选中一个，之后一直用它（p-1 选了 ns-1，c-1 选了 ns-2），直到与它的连接断开或对它的请求失败，才换到列表里的下一个（NettyRemotingClient）。',
      },
      focus: { kind: 'client', id: 'c-1' },
    },
    {
      wait: { type: 'route.updated', where: { client: 'p-1', topic: 'TopicOrder' } },
      caption: {
        en: `Route discovery (路由发现) is a pull: the client asks its NameServer for the topic's route (GET_ROUTEINFO_BY_TOPIC) at start and then every 30${UNIT_SPACE}s (pollNameServerInterval). Nothing is pushed to clients when a route changes.`,
        zh: `路由发现采用拉模式：客户端启动时以及之后每 30${UNIT_SPACE}秒（pollNameServerInterval）向自己的 NameServer 查询主题路由（GET_ROUTEINFO_BY_TOPIC）。路由变化时，NameServer 不会主动推送给客户端。`,
      },
      focus: { kind: 'client', id: 'p-1' },
    },
    {
      // The last of the 10 s registrations at ns-1, whose brokerLiveTable the inspector shows: every row at 0:10.
      // In this run broker-b's reaches ns-1 at 0:10.001 and broker-a's at 0:10.002 (the hop's jitter).
      wait: { type: 'broker.registered', where: { broker: 'broker-a', nameServer: 'ns-1', first: false }, afterMs: 9_000 },
      caption: {
        en: `Ten seconds after start, and then every 30${UNIT_SPACE}s (registerNameServerPeriod), each broker registers again with every NameServer: that registration is its heartbeat, and the NameServer notes the time (lastUpdateTimestamp). Some notes say the heartbeat goes "to the broker"; it goes to every NameServer.`,
        zh: `启动 10${UNIT_SPACE}秒后，之后每 30${UNIT_SPACE}秒（registerNameServerPeriod），每个 Broker 都向每个 NameServer 重新注册一次：这次注册就是心跳，NameServer 记下时间（lastUpdateTimestamp）。有的笔记写成“broker每30s发送心跳包到broker”，实际是发给每一个 NameServer。`,
      },
      focus: { kind: 'nameServer', id: 'ns-1' },
      tag: 'correction',
    },
    {
      wait: { type: 'fault', where: { action: 'partitionBroker' } },
      caption: {
        en: 'broker-b is cut off by a network partition: the process runs and its connections stay open, but nothing gets through. Its last registration arrived at 0:10; the one due at 0:40 never arrives.',
        zh: 'broker-b 被网络分区隔离：进程还在运行，连接也没有断开，但什么都传不过去。它最后一次注册在 0:10 到达；0:40 那次再也到不了。',
      },
      focus: { kind: 'broker', id: 'broker-b' },
    },
    {
      wait: { type: 'broker.removed', where: { broker: 'broker-b' } },
      caption: {
        en: 'ns-1 removed broker-b from its tables (路由剔除), and ns-2 did the same on its own.',
        zh: 'ns-1 把 broker-b 从路由表中剔除了（路由剔除），ns-2 也各自做了同样的事。',
      },
      focus: { kind: 'nameServer', id: 'ns-1' },
      tag: 'correction',
      predict: {
        question: { en: 'When will the NameServers remove broker-b?', zh: 'NameServer 什么时候剔除 broker-b？' },
        choices: [
          { en: 'At once, at 0:40', zh: '立即，在 0:40' },
          { en: `120${UNIT_SPACE}s after its last registration: at about 2:10`, zh: `最后一次注册之后 120${UNIT_SPACE}秒：大约 2:10` },
          { en: `After 1210${UNIT_SPACE}s without a heartbeat`, zh: `没有心跳 1210${UNIT_SPACE}秒之后` },
        ],
        answer: 1,
        why: {
          en: `A silent broker is removed 120${UNIT_SPACE}s after its last registration (0:10 + 120${UNIT_SPACE}s = 2:10): the NameServer closes a connection idle for 120${UNIT_SPACE}s (serverChannelMaxIdleTimeSeconds), and its scan (scanNotActiveBroker, every 5${UNIT_SPACE}s in 5.x and 10${UNIT_SPACE}s in 4.x) removes a broker whose lastUpdateTimestamp is over 120${UNIT_SPACE}s old, whichever comes first. Some notes say 1210${UNIT_SPACE}s; it is 120${UNIT_SPACE}s.`,
          zh: `没有心跳的 Broker 在最后一次注册 120${UNIT_SPACE}秒后被剔除（0:10 + 120${UNIT_SPACE}秒 = 2:10）：NameServer 会关闭空闲 120${UNIT_SPACE}秒的连接（serverChannelMaxIdleTimeSeconds），它的扫描任务（scanNotActiveBroker，5.x 每 5${UNIT_SPACE}秒、4.x 每 10${UNIT_SPACE}秒）也会剔除 lastUpdateTimestamp 超过 120${UNIT_SPACE}秒的 Broker，以先到者为准。有的笔记写成 1210${UNIT_SPACE}秒，实际是 120${UNIT_SPACE}秒。`,
        },
      },
    },
    {
      wait: { type: 'route.updated', where: { client: 'p-1', topic: 'TopicOrder' } },
      caption: {
        en: `Only now, at 2:32, does p-1 learn it: its route pull, 22${UNIT_SPACE}s after the removal at 2:10, answers with a route without broker-b (a NameServer never pushes a change). Until then it kept choosing broker-b's queues, and those sends failed (send.failed in the log: the first timed out and closed p-1's connection, the later ones waited for connects that got no answer). NameServers favour being simple and always available over being instantly right.`,
        zh: `直到现在（2:32）p-1 才知道：它的路由拉取在 2:10 剔除之后 22${UNIT_SPACE}秒才到来，拿到的路由里已没有 broker-b（NameServer 从不主动推送变化）。在此之前它仍然会选 broker-b 的队列，这些发送都失败了（日志里的 send.failed：第一次发送超时，关闭了 p-1 的连接；之后的发送都在等待建立新连接，而对方始终没有应答）。NameServer 的取舍是：简单、始终可用，而不是时刻准确。`,
      },
      focus: { kind: 'client', id: 'p-1' },
    },
    {
      wait: { type: 'broker.removed', where: { broker: 'broker-a' } },
      caption: {
        en: 'broker-a\'s process was killed: its operating system closed its connections, and each NameServer removed it within milliseconds (BrokerHousekeepingService.onChannelClose).',
        zh: 'broker-a 的进程被杀掉：操作系统关闭了它的连接，每个 NameServer 在几毫秒内就剔除了它（BrokerHousekeepingService.onChannelClose）。',
      },
      focus: { kind: 'nameServer', id: 'ns-2' },
      predict: {
        question: { en: 'broker-a\'s process is killed at 3:30. When is it removed?', zh: 'broker-a 的进程在 3:30 被杀掉。它什么时候被剔除？' },
        choices: [
          { en: 'At once: its connections close', zh: '立即：它的连接被关闭了' },
          { en: `After 120${UNIT_SPACE}s, like broker-b`, zh: `120${UNIT_SPACE}秒后，和 broker-b 一样` },
        ],
        answer: 0,
        why: {
          en: `A dead process's connections are closed by its operating system, and a closed channel removes the broker at once. Only a broker that goes silent while its connection stays open (a partition, a hung machine) waits for the 120${UNIT_SPACE}s.`,
          zh: `进程死掉后，操作系统会关闭它的连接，连接一关闭 Broker 就立即被剔除。只有连接还在却没有消息的 Broker（网络分区、机器卡死）才需要等 120${UNIT_SPACE}秒。`,
        },
      },
    },
    {
      wait: { atMs: 215_000 },
      caption: {
        en: `NameServers never talk to each other: every broker registers with every NameServer, and each keeps its own full copy of the routes (you saw ns-1 and ns-2 each remove broker-b on its own). No replication and no election keeps them simple and keeps the routes readable while any one of them runs; the price is that they may disagree for a moment and that clients learn of changes up to 30${UNIT_SPACE}s late. Meanwhile a producer still picks a broker that is gone: a send that times out there simply fails (the 3${UNIT_SPACE}s sendMsgTimeout covers all attempts), and only a quick failure, like a refused connection, is tried again, on another broker when the route has one. Here none is left (broker-b is cut off, broker-a crashed at 3:30), so every retry goes back to broker-a and fails too: Failed attempts over the canvas counts them.`,
        zh: `NameServer 之间从不通信：每个 Broker 向每个 NameServer 注册，每个 NameServer 各自保存一份完整路由（你看到 ns-1 和 ns-2 各自剔除了 broker-b）。没有复制、没有选主，所以它们很简单，只要还有一个在运行，路由就能查到；代价是它们可能短暂不一致，客户端最多晚 30${UNIT_SPACE}秒才知道变化。在此期间生产者仍会选中已经失联的 Broker：在那里超时的发送直接失败（3${UNIT_SPACE}秒的 sendMsgTimeout 是所有尝试共用的时限），只有连接被拒这类很快的失败才会重试，路由里还有别的 Broker 时就换一个。这里已经没有了（broker-b 被隔离，broker-a 在 3:30 崩溃），所以每次重试又回到 broker-a，同样失败：画布上方的“失败尝试”在计数。`,
      },
      tag: 'why',
    },
  ],
};
