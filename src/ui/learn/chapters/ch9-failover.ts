/** Chapter 9: failover: a broker crash, a master with its slave, a partition, a NameServer down. */
import type { Chapter } from '../chapter.ts';
import scenario from './ch9-failover.json';
import { UNIT_SPACE } from '../../../viz/format.ts';

export const chapter: Chapter = {
  id: 'failover',
  scenario: { file: scenario },
  steps: [
    {
      wait: { type: 'broker.removed', where: { broker: 'broker-a', brokerId: 0, nameServer: 'ns-2' } },
      caption: {
        en: 'At 0:30 broker-a\'s master process died. Its connections closed, so both NameServers removed broker-a/0 at once. broker-a stays in the route, though: its slave broker-a/1 is still registered.',
        zh: '0:30 broker-a 的 Master 进程挂了。连接随之断开，两个 NameServer 立即剔除了 broker-a/0。但 broker-a 仍留在路由里：它的 Slave broker-a/1 还在注册。',
      },
      focus: { kind: 'nameServer', id: 'ns-1' },
    },
    {
      wait: { type: 'route.updated', where: { client: 'p-1' }, afterMs: 30_000 },
      caption: {
        en: 'p-1\'s new route lists write queues on broker-b and broker-c only. Until it came, p-1 still took broker-a\'s queues in turn: its two sends there, at 0:30.000 and 0:30.667, failed at once: the first went out in the crash\'s millisecond and failed a hop later, when the close reached p-1 (channelClosed); the second was refused (connectRefused: the host is up but no process listens on the port, so it answers the new connect with a reset); each went on to another broker the moment it failed.',
        zh: 'p-1 的新路由里只有 broker-b 和 broker-c 的写队列。在它到来之前，p-1 仍轮流选到 broker-a 的队列：0:30.000 和 0:30.667 发往那里的两条消息都立即失败：第一条在崩溃的那一毫秒发出，一跳之后连接关闭的消息到达 p-1，它随之失败（channelClosed）；第二条被拒绝（connectRefused：机器还在，但端口上没有进程监听，于是对新的连接请求直接回一个 RST 拒绝）；每条在失败的同一刻就换到另一个 Broker 重试。',
      },
      focus: { kind: 'client', id: 'p-1' },
      predict: {
        question: { en: 'p-1 keeps sending. Where do its messages go now?', zh: 'p-1 继续发送。消息现在发往哪里？' },
        choices: [
          { en: 'To broker-a\'s slave', zh: '发往 broker-a 的 Slave' },
          { en: 'To broker-b and broker-c only', zh: '只发往 broker-b 和 broker-c' },
          { en: 'Nowhere until broker-a\'s master returns', zh: '哪里都不发，直到 broker-a 的 Master 恢复' },
        ],
        answer: 1,
        why: {
          en: 'A producer writes only to masters: building its queue list it skips a broker name with no master (id 0) in the route (topicRouteData2TopicPublishInfo). A slave never takes writes unless the cluster runs controller mode (off by default), which makes a slave the new master; a slave acting as master (enableSlaveActingMaster) serves reads only.',
          zh: '生产者只向 Master 写：它在构建队列列表时会跳过路由里没有 Master（id 0）的 Broker（topicRouteData2TopicPublishInfo）。除非集群开启了 Controller 模式（默认关闭），把一个 Slave 选为新的 Master，否则 Slave 从不接收写入；代理 Master 的 Slave（enableSlaveActingMaster）只提供读取。',
        },
      },
    },
    {
      // The first message of broker-a consumed from its slave (brokerId 1). c-1 caches only a few
      // messages per queue (pullThresholdForQueue 2), so at the crash broker-a still holds messages
      // it has not pulled; what it consumes of broker-a before this was pulled from the master.
      wait: { type: 'message.consumed', where: { consumer: 'c-1', broker: 'broker-a', brokerId: 1 } },
      caption: {
        en: 'c-1 consumes more slowly than p-1 sends and caches only a few messages per queue, so when broker-a\'s master died at 0:30 broker-a still held messages c-1 had not pulled. At 0:31 c-1\'s route showed broker-a without a master, so it pulled the rest from the slave, which serves reads because it has slaveReadEnable on: this message (queue 0, offset 24), consumed at 0:40, has brokerId 1: it came from broker-a/1, as its card says. The messages of broker-a it consumed from 0:30 until now were already in its cache, pulled from the master before the crash.',
        zh: 'c-1 消费得比 p-1 发送得慢，每个队列只缓存几条消息，所以 0:30 broker-a 的 Master 挂掉时，broker-a 上还有 c-1 没拉取的消息。0:31 c-1 的路由显示 broker-a 没有 Master，于是它从 Slave 拉取剩下的消息（这个 Slave 开启了 slaveReadEnable，所以提供读取）：这一条（队列 0，位点 24）在 0:40 被消费，brokerId 为 1，来自 broker-a/1，卡片上也这样写着。0:30 之后到这之前它消费的 broker-a 消息，早已在它的缓存里，是崩溃前从 Master 拉到的。',
      },
      focus: { kind: 'message', section: 'consumption' },
      predict: {
        question: {
          en: 'broker-a\'s master is down; its slave, with slaveReadEnable on, now answers c-1\'s pulls. Of the messages on broker-a c-1 had not pulled yet, which can it still read?',
          zh: 'broker-a 的 Master 挂了，现在由它的 Slave（已开启 slaveReadEnable）响应 c-1 的拉取。broker-a 上 c-1 还没拉取的消息，它还能读到哪些？',
        },
        choices: [
          { en: 'None: they wait for the master', zh: '一条也不能：要等 Master 恢复' },
          { en: 'Those the slave had copied before the crash', zh: 'Slave 在崩溃前已复制的那些' },
          { en: 'Only those already in c-1\'s cache', zh: '只有已在 c-1 缓存里的那些' },
        ],
        answer: 1,
        why: {
          en: 'Consumers may read from a slave: with no master in the route the consumer pulls from the address of a slave (MQClientInstance.findBrokerAddressInSubscribe), and the slave serves the CommitLog it copied (HAService streams it right behind the master; an ASYNC_MASTER does not wait for the copy). Here the slave had copied all 57 messages broker-a\'s master stored before the crash. Only messages the master had not yet replicated must wait for it to come back. The first answer is 5.x\'s default: without slaveReadEnable a slave refuses every pull with SYSTEM_BUSY (PullMessageProcessor.rejectRequest), and nothing of broker-a is read until its master is back; a 4.x slave serves reads either way.',
          zh: '消费者可以从 Slave 读：路由里没有 Master 时，消费者改从 Slave 的地址拉取（MQClientInstance.findBrokerAddressInSubscribe），Slave 提供它复制来的 CommitLog（HAService 紧跟着 Master 传输；ASYNC_MASTER 不等复制完成）。这里 Slave 已复制了 broker-a 的 Master 在崩溃前存下的全部 57 条消息。只有 Master 还没来得及复制的消息，要等它恢复后才能读到。第一个选项才是 5.x 的默认情况：不开启 slaveReadEnable 时，Slave 用 SYSTEM_BUSY 拒绝每一次拉取（PullMessageProcessor.rejectRequest），broker-a 的消息要等 Master 回来才能读到；4.x 的 Slave 则无论如何都提供读取。',
        },
      },
    },
    {
      wait: { type: 'fault', where: { action: 'partitionBroker' } },
      caption: {
        en: `At 1:00 broker-c is cut off, and silent looks like slow: the first send to it waits its whole 3${UNIT_SPACE}s sendMsgTimeout and closes p-1's connection (clientCloseSocketIfTimeout); each new connect fails after 3${UNIT_SPACE}s (connectTimeoutMillis). Above the canvas, Failed attempts counts every failed try (sends with time left retry elsewhere), Failed messages the sends out of time: about one every 3${UNIT_SPACE}s until the route drops broker-c.`,
        zh: `1:00 broker-c 被网络分区隔离：沉默的 Broker 看起来和很慢的一样。发往它的第一条消息等满 3${UNIT_SPACE}秒（sendMsgTimeout，所有尝试共用的时限）后失败，并关闭 p-1 的连接（clientCloseSocketIfTimeout）；此后每次新建连接也要 3${UNIT_SPACE}秒才失败（connectTimeoutMillis）。画布上方的“失败尝试”记下每次失败的尝试（还有时间的发送换一个 Broker 重试），“失败消息”记下时限用完的发送：在路由去掉 broker-c 之前，大约每 3${UNIT_SPACE}秒一条。`,
      },
      focus: { kind: 'broker', id: 'broker-c' },
    },
    {
      wait: { type: 'nameServer.chosen', where: { client: 'p-1' }, afterMs: 90_000 },
      caption: {
        en: 'At 1:30 ns-2 went down, the NameServer both clients had chosen. Its process died, so their connections to it closed at once; at their next route pull, at 1:31, each found no open channel to ns-2 and chose the next NameServer, ns-1, and the pull went through: no refresh round was lost. A NameServer cut off without closing its connections would cost one: the request to it would time out first.',
        zh: '1:30 ns-2 宕机，两个客户端选的都是它。它的进程挂了，客户端与它的连接随即断开；1:31 下一次拉取路由时，它们发现到 ns-2 没有可用的连接，各自选了下一个 NameServer ns-1，这次拉取照常成功：没有损失一轮刷新。如果 NameServer 只是被网络隔离、连接没有断开，就会损失一轮：对它的请求要先等到超时。',
      },
      focus: { kind: 'client', id: 'p-1' },
      predict: {
        question: { en: 'ns-2, the NameServer both clients use, goes down. What happens?', zh: '两个客户端正在用的 ns-2 宕机了。会发生什么？' },
        choices: [
          { en: 'They have no routes until ns-2 is back', zh: '在 ns-2 恢复之前它们没有路由' },
          { en: 'At their next request they move on to ns-1', zh: '下一次请求时换到 ns-1' },
        ],
        answer: 1,
        why: {
          en: `A client keeps its chosen NameServer while its channel to it is open; once the channel is closed or a request fails, the next request takes the next one in its list (NettyRemotingClient). Its cached routes keep working meanwhile; at worst one 30${UNIT_SPACE}s refresh round is lost. Sends and pulls never went through ns-2 anyway.`,
          zh: `只要与选中的 NameServer 的连接还在，客户端就一直用它；连接断开或请求失败后，下一次请求才换到列表里的下一个（NettyRemotingClient）。在此期间缓存的路由照常可用，最多损失一轮 30${UNIT_SPACE}秒的刷新。发送和拉取本来就不经过 ns-2。`,
        },
      },
    },
    {
      wait: { type: 'broker.removed', where: { broker: 'broker-c' } },
      caption: {
        en: `ns-1 removed broker-c at 2:40: 120${UNIT_SPACE}s after its last registration at 0:40. ns-2 is down and could not. At their next route pull the clients stop choosing broker-c.`,
        zh: `ns-1 在 2:40 剔除了 broker-c：距它最后一次注册（0:40）正好 120${UNIT_SPACE}秒。ns-2 已宕机，无法剔除。客户端在下一次拉取路由后不再选择 broker-c。`,
      },
      focus: { kind: 'nameServer', id: 'ns-1' },
    },
    {
      wait: { atMs: 200_000 },
      caption: {
        en: `The cluster lived through every failure here without any node coordinating with another: clients fall back on cached routes and retries, consumers read from a slave that allows it (slaveReadEnable), NameServers each judge brokers alone. RocketMQ chooses availability and simplicity, and pays with time (a silent broker is removed about 120${UNIT_SPACE}s after its last registration: by the NameServer's next scan, every 5${UNIT_SPACE}s in 5.x, or by the close of its channel after 120${UNIT_SPACE}s idle, whichever comes first; clients notice up to 30${UNIT_SPACE}s later), with duplicates when a queue changes owner in the middle of it (none in this run), and with the sends that failed meanwhile (Failed messages over the canvas: a send that fails for good is the application's to send again), never with a central component that could stop the cluster.`,
        zh: `集群挺过了这里的每一次故障，而且没有任何节点需要与其他节点协调：客户端依靠缓存的路由和重试，消费者从允许读取（slaveReadEnable）的 Slave 读取，每个 NameServer 独立判断 Broker 的存活。RocketMQ 选择了可用性和简单性，代价是时间（沉默的 Broker 在最后一次注册约 120${UNIT_SPACE}秒后才被剔除：由 NameServer 的下一次扫描（5.x 每 5${UNIT_SPACE}秒一次）剔除，或在它的连接空闲满 120${UNIT_SPACE}秒被关闭时剔除，以先到者为准；客户端还要再过最多 30${UNIT_SPACE}秒才发现）、队列在此期间换了拥有者时的重复消费（本次运行没有），以及这期间失败的发送（画布上方的“失败消息”：最终失败的发送要由应用自己重发），而不是一个一旦失效就会让整个集群停下来的中心组件。`,
      },
      tag: 'why',
    },
  ],
};
