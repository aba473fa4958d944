/**
 * The built-in scenarios the page offers, first one first (it is what the page opens on). Each
 * file is a plain scenario file (docs/scenario.md), so a course author can copy one and edit it; the title
 * and description here say, in both languages, what to watch and when.
 */
import autoCreateTopic from './auto-create-topic.json';
import consumerJoinLeave from './consumer-join-leave.json';
import createTopicBroker from './create-topic-broker.json';
import createTopicCluster from './create-topic-cluster.json';
import crashPartitionShutdown from './crash-partition-shutdown.json';
import masterSlaveFailover from './master-slave-failover.json';
import nameServerDown from './nameserver-down.json';
import powerLossFlush from './power-loss-flush.json';
import read8Write4 from './read8-write4.json';
import shrinkSafely from './shrink-safely.json';
import shrinkUnsafely from './shrink-unsafely.json';
import write8Read4 from './write8-read4.json';

export interface Localized {
  en: string;
  zh: string;
}

export interface LibraryEntry {
  id: string;
  title: Localized;
  description: Localized;
  /** The scenario file as written (validated by test/unit/link/library.test.ts). */
  scenario: unknown;
}

export const LIBRARY: readonly LibraryEntry[] = [
  {
    id: 'write8-read4',
    title: { en: 'Write 8 / read 4', zh: '写 8 / 读 4' },
    description: {
      en: 'TopicTest has 8 write queues but only 4 read queues on each of broker-a and broker-b. The producer p-1 spreads its 10 messages a second over all 8 write queues of both brokers, but rebalancing only ever gives the consumers c-1 and c-2 the read queues 0-3. Press play and watch the queue panel: from about 1 s queues 4-7 keep growing and nobody pulls from them, so the never-consumable count climbs to half of every message sent (about 900 by 3:00). RocketMQ raises no error; the fix is to keep readQueueNums equal to writeQueueNums.',
      zh: 'TopicTest 在 broker-a 和 broker-b 上各有 8 个写队列，却只有 4 个读队列。生产者 p-1 每秒发送 10 条消息，轮流写入两个 broker 的全部 8 个写队列；而 rebalance 只会把读队列 0-3 分配给消费者 c-1 和 c-2。点击播放并观察队列面板：大约从 1 秒起，队列 4-7 持续增长却没有任何消费者拉取，永远无法消费的消息数不断上升，到 3:00 约占发送总数的一半（约 900 条）。RocketMQ 不会报错；正确做法是让 readQueueNums 与 writeQueueNums 保持一致。',
    },
    scenario: write8Read4,
  },
  {
    id: 'read8-write4',
    title: { en: 'Read 8 / write 4', zh: '读 8 / 写 4' },
    description: {
      en: 'The opposite mistake: 4 write queues and 8 read queues per broker, with four consumers in group CG_ORDER. Nothing is lost, because every message lands in queues 0-3, but AllocateMessageQueueAveragely shares out all 16 readable queues, and c-2 and c-4 are given only queues 4-7, which never receive a message. Watch the rebalance events at 1-2 s in the event log, then select c-2 or c-4: they keep polling and consume nothing for the whole run, while c-1 and c-3 do all the work.',
      zh: '相反的错误：每个 broker 有 4 个写队列和 8 个读队列，消费组 CG_ORDER 有四个消费者。消息不会丢失，因为所有消息都写入队列 0-3；但 AllocateMessageQueueAveragely 会分配全部 16 个可读队列，c-2 和 c-4 只分到永远收不到消息的队列 4-7。在事件日志中观察 1-2 秒时的 rebalance 事件，然后选中 c-2 或 c-4：它们一直在拉取，整个运行期间却一条消息也没有消费，所有工作都由 c-1 和 c-3 完成。',
    },
    scenario: read8Write4,
  },
  {
    id: 'shrink-safely',
    title: { en: 'Shrinking a topic safely', zh: '安全地缩减主题队列' },
    description: {
      en: 'The consumers start late (40 s), so a backlog builds up in all 16 queues. At 60 s an operator lowers writeQueueNums from 8 to 4 (updateTopic): producers stop writing to queues 4-7, but those queues stay readable, and the consumers drain them by about 90 s. Only at 150 s is readQueueNums lowered to 4 as well. Watch the lag of queues 4-7 fall to zero before 150 s: no message is left behind. Compare with the next scenario, which does both at once.',
      zh: '消费者启动较晚（40 秒），因此 16 个队列中都积压了消息。60 秒时运维人员把 writeQueueNums 从 8 调为 4（updateTopic）：生产者不再写入队列 4-7，但这些队列仍然可读，消费者在约 90 秒前把它们消费完。直到 150 秒才把 readQueueNums 也调为 4。观察队列 4-7 的堆积量在 150 秒之前降为零：没有消息被遗留。可与下一个场景对比，它同时修改了两者。',
    },
    scenario: shrinkSafely,
  },
  {
    id: 'shrink-unsafely',
    title: { en: 'Shrinking a topic the unsafe way', zh: '不安全地缩减主题队列' },
    description: {
      en: 'The same backlog as in the safe scenario, but at 60 s readQueueNums and writeQueueNums both drop from 8 to 4 in one updateTopic. Queues 4-7 immediately stop being readable: consumers drop them at their next rebalance, and the messages still waiting there are stranded for good (watch broker-b queues 4-7 keep a lag of about 22 each until the end). A few sends also fail in about the first second, while producers still hold the old route.',
      zh: '与安全缩减场景相同的积压，但在 60 秒时用一次 updateTopic 同时把 readQueueNums 和 writeQueueNums 从 8 改为 4。队列 4-7 立即变为不可读：消费者在下一次 rebalance 时放弃它们，其中仍在等待的消息永远滞留（观察 broker-b 的队列 4-7 直到结束都保持约 22 条的堆积）。在最初大约一秒内，生产者仍持有旧路由，也会有少量发送失败。',
    },
    scenario: shrinkUnsafely,
  },
  {
    id: 'crash-partition-shutdown',
    title: { en: 'Broker crash vs partition vs shutdown', zh: 'Broker 崩溃、网络分区与正常关闭' },
    description: {
      en: 'Three brokers leave in three ways, and the NameServer panel shows each removal path. broker-a crashes at 60 s: its connections close and both NameServers drop it within milliseconds (channelClosed). broker-b is partitioned at 90 s: its connections stay open but nothing gets through, so only silence gives it away: its last registration reached the NameServers at 70 s, and each closes the channel once it has been idle for 120 s, at 190 s (channelIdle: the NameServer\'s Netty idle close, 5 s before the scan would have found it expired at 195 s). Until then it stays in every route while producers keep failing against it. broker-c shuts down gracefully at 240 s and unregisters itself at once (unregistered). broker-a restarts at 300 s and registers again.',
      zh: '三个 broker 以三种方式离开，NameServer 面板展示了各自的移除路径。broker-a 在 60 秒崩溃：连接关闭，两个 NameServer 在几毫秒内将其移除（channelClosed）。broker-b 在 90 秒被网络分区：连接仍然打开但消息无法通过，只能通过沉默被发现：它最后一次注册在 70 秒到达 NameServer，连接空闲 120 秒后，NameServer 在 190 秒关闭该连接并将其移除（channelIdle：NameServer 的 Netty 空闲关闭，比 195 秒的扫描判定过期早 5 秒）。在此之前它一直留在路由中，生产者不断向它发送失败。broker-c 在 240 秒正常关闭并立即注销自己（unregistered）。broker-a 在 300 秒重启并重新注册。',
    },
    scenario: crashPartitionShutdown,
  },
  {
    id: 'master-slave-failover',
    title: { en: 'A master crashes, its slave keeps serving reads', zh: 'Master 崩溃，Slave 继续提供读取' },
    description: {
      en: 'broker-a is an ASYNC_MASTER with a slave, broker-a/1: watch the copies fly from the master to the slave (HAService: the slave reports its offset every 5 s, the master sends new data every 100 ms). The one consumer is slower than the producer, so a backlog builds up. At 75 s broker-a\'s master crashes: the NameServer removes broker-a/0 at once (channelClosed) but keeps broker-a in the route with only its slave. Until its next route refresh at 90 s the producer\'s sends to broker-a fail at once and are retried on broker-b; after it, broker-a has no write queues. c-1 keeps reading broker-a\'s backlog from the slave (findBrokerAddressInSubscribe falls back to it) and commits its offsets there, draining it by about 159 s. The master is back at 165 s, the producer returns to it at its 180 s refresh, and not one message is consumed twice.',
      zh: 'broker-a 是带有一个 Slave（broker-a/1）的 ASYNC_MASTER：观察消息副本从 Master 飞向 Slave（HAService：Slave 每 5 秒上报一次复制位点，Master 每 100 毫秒发送一次新数据）。唯一的消费者比生产者慢，因此消息逐渐堆积。75 秒时 broker-a 的 Master 崩溃：NameServer 立即移除 broker-a/0（channelClosed），但 broker-a 仍以仅剩的 Slave 留在路由中。直到 90 秒的下一次路由刷新之前，生产者发往 broker-a 的消息会立即失败并在 broker-b 上重试；刷新之后 broker-a 不再有写队列。c-1 继续从 Slave 读取 broker-a 的积压消息（findBrokerAddressInSubscribe 会退而选择 Slave），并把消费位点提交到 Slave，约 159 秒时消费完毕。Master 在 165 秒恢复，生产者在 180 秒的路由刷新后重新写入它，没有任何消息被重复消费。',
    },
    scenario: masterSlaveFailover,
  },
  {
    id: 'power-loss-flush',
    title: { en: 'Power loss: ASYNC_FLUSH vs SYNC_FLUSH', zh: '断电：ASYNC_FLUSH 与 SYNC_FLUSH' },
    description: {
      en: 'broker-a flushes asynchronously (ASYNC_FLUSH, the default), broker-b synchronously (SYNC_FLUSH). p-1 sends 4 small messages a second, 2 to each broker, and gets SEND_OK for every one. ASYNC_FLUSH writes the page cache to disk once 4 pages (16 KB) are dirty, or everything every 10 s: at 2 messages of about 370 bytes a second 16 KB would take 22 s, so broker-a flushes only every 10 s, last at about 51 s. Both machines lose power at 60 s (powerOffBroker: a crashBroker would keep the page cache): broker-a loses the 19 messages it stored after that flush, queue offsets 25 to 29 (message.lost, notFlushedNotReplicated, counted in the summary\'s lost); c-1 had already pulled them into its ProcessQueue and still consumes them, but they are gone from broker-a: a group that reads later, or an offset reset, will never see them; broker-b flushed every message before answering and loses none. Both come back at 90 s: broker-a recovers its CommitLog up to the last flushed message, its ConsumeQueues end at offset 25 again, and the next messages take the lost offsets. The failover view shows ns-1 removing both brokers at once (channelClosed).',
      zh: 'broker-a 异步刷盘（ASYNC_FLUSH，默认），broker-b 同步刷盘（SYNC_FLUSH）。p-1 每秒发送 4 条小消息，每个 Broker 各 2 条，每条都得到 SEND_OK。ASYNC_FLUSH 在脏页达到 4 页（16 KB）时才把 page cache 写入磁盘，或者每 10 秒全部刷一次：每秒 2 条约 370 字节的消息要 22 秒才攒够 16 KB，所以 broker-a 只每 10 秒刷一次盘，最后一次约在 51 秒。两台机器在 60 秒断电（powerOffBroker；crashBroker 则会保留 page cache）：broker-a 丢失了那次刷盘之后存储的 19 条消息，队列位点 25 到 29（message.lost，notFlushedNotReplicated，计入汇总的 lost）；c-1 事先已把它们拉取到 ProcessQueue 中，仍会消费它们，但它们已从 broker-a 消失：之后才读取的消费组或重置位点后都再也读不到；broker-b 在应答前已把每条消息刷盘，一条也没有丢。两者在 90 秒恢复：broker-a 把 CommitLog 恢复到最后一条已刷盘的消息，ConsumeQueue 重新止于位点 25，之后的新消息占用了丢失消息的位点。故障切换视图显示 ns-1 立即移除了两个 Broker（channelClosed）。',
    },
    scenario: powerLossFlush,
  },
  {
    id: 'consumer-join-leave',
    title: { en: 'A consumer joining and leaving', zh: '消费者的加入与离开' },
    description: {
      en: 'Three consumers share 8 queues with AllocateMessageQueueAveragely (3, 3 and 2 queues). c-4 joins at 60 s: within milliseconds the broker notifies the group and everyone rebalances to 2 queues each. c-4 leaves cleanly at 120 s (removeConsumer) and its queues are handed back at once. c-3 crashes at 180 s: its connection closes, so the rebalance is again immediate. c-2 hangs at 240 s: its connection stays open but it stops heartbeating and consuming, so its four queues pile up until the broker expires the channel (120 s without a heartbeat) and c-1 takes every queue at about 340 s.',
      zh: '三个消费者按 AllocateMessageQueueAveragely 分摊 8 个队列（3、3、2 个）。c-4 在 60 秒加入：broker 在几毫秒内通知消费组，每个消费者 rebalance 为 2 个队列。c-4 在 120 秒正常退出（removeConsumer），它的队列立即被重新分配。c-3 在 180 秒崩溃：连接关闭，rebalance 同样立即发生。c-2 在 240 秒挂起：连接仍然打开，但它停止发送心跳和消费，因此它的四个队列不断堆积，直到 broker 判定通道过期（120 秒无心跳），约 340 秒时 c-1 接管全部队列。',
    },
    scenario: consumerJoinLeave,
  },
  {
    id: 'nameserver-down',
    title: { en: 'A NameServer going down', zh: 'NameServer 宕机' },
    description: {
      en: 'NameServers never talk to each other: each broker registers with every one of them. All four clients happen to pick ns-1. It crashes at 60 s; at their next route refresh (61 s) the clients find it unreachable and move to ns-2, and messages keep flowing. ns-1 restarts at 135 s with empty route tables: from 135 s to 160 s the two NameServers disagree (ns-1 knows no broker at all) until each broker\'s next registerBrokerAll fills it again. The clients stay on ns-2, so they never notice.',
      zh: 'NameServer 之间从不通信：每个 broker 分别向所有 NameServer 注册。四个客户端恰好都选择了 ns-1。ns-1 在 60 秒崩溃；在下一次路由刷新（61 秒）时客户端发现它不可达，转而使用 ns-2，消息照常流动。ns-1 在 135 秒重启，路由表为空：从 135 秒到 160 秒，两个 NameServer 的数据不一致（ns-1 不知道任何 broker），直到各 broker 的下一次 registerBrokerAll 重新填充它。客户端继续使用 ns-2，因此毫无察觉。',
    },
    scenario: nameServerDown,
  },
  {
    id: 'create-topic-cluster',
    title: { en: 'Creating a topic in cluster mode', zh: '集群模式创建主题' },
    description: {
      en: 'autoCreateTopicEnable is off, and TopicOrder does not exist: from 1.5 s every message of p-1 fails at once with "No route info of this topic" (37 failed messages, and not a single send attempt). At 20 s an operator runs mqadmin updateTopic -c DefaultCluster -t TopicOrder: every master of DefaultCluster, broker-a and broker-b, creates it with mqadmin\'s defaults (8 read and 8 write queues, perm 6) and registers to both NameServers at once; broker-c, in OtherCluster, does not get it. p-1 asks for the route again with its next message and sends from 20 s; the consumers c-1 and c-2 see the topic only at their next 30 s route pull, at about 31 s. Watch the event log\'s topic.updated and route.updated events.',
      zh: 'autoCreateTopicEnable 已关闭，TopicOrder 还不存在：从 1.5 秒起，p-1 的每条消息都立即失败（"No route info of this topic"），共 37 条发送失败的消息，而发送尝试一次也没有。20 秒时运维人员执行 mqadmin updateTopic -c DefaultCluster -t TopicOrder：DefaultCluster 的每个 Master（broker-a 和 broker-b）都按 mqadmin 的默认值（8 个读队列、8 个写队列，perm 6）创建该主题，并立即向两个 NameServer 路由注册；属于 OtherCluster 的 broker-c 没有这个主题。p-1 在下一条消息时重新查询路由，从 20 秒起正常发送；消费者 c-1 和 c-2 要等到下一次 30 秒一次的路由拉取（约 31 秒）才看到该主题。请在事件日志中观察 topic.updated 和 route.updated 事件。',
    },
    scenario: createTopicCluster,
  },
  {
    id: 'create-topic-broker',
    title: { en: 'Creating a topic in broker mode', zh: 'Broker 模式创建主题' },
    description: {
      en: 'The same start as in cluster mode, but at 20 s the operator runs mqadmin updateTopic -b broker-b -t TopicOrder -w 4 -r 4: only broker-b creates TopicOrder, with 4 write and 4 read queues. The queue panel shows TopicOrder on broker-b alone; p-1 writes only to broker-b\'s 4 queues, and from about 32 s (their route pull at 31 s, then a rebalance) c-1 and c-2 share them, two each. broker-a and broker-c never hear of TopicOrder.',
      zh: '开头与集群模式相同，但 20 秒时运维人员执行 mqadmin updateTopic -b broker-b -t TopicOrder -w 4 -r 4：只有 broker-b 创建了 TopicOrder，有 4 个写队列和 4 个读队列。队列面板中 TopicOrder 只出现在 broker-b 上；p-1 只写入 broker-b 的 4 个队列，从约 32 秒起（31 秒拉取路由，随后 rebalance）c-1 和 c-2 各分到其中两个。broker-a 和 broker-c 从未知道 TopicOrder。',
    },
    scenario: createTopicBroker,
  },
  {
    id: 'auto-create-topic',
    title: { en: 'Automatic topic creation (TBW102)', zh: '自动创建主题（TBW102）' },
    description: {
      en: 'autoCreateTopicEnable is on (the default) and NewTopic is declared nowhere. p-1 sends a single message at 2 s: the NameServer has no route for NewTopic, so the producer uses TBW102\'s route (4 queues on each of broker-a and broker-b) and the message reaches broker-a, which creates NewTopic with min(4, 8) = 4 queues and registers it. At the producer\'s next route pull, at about 31 s, the route lists broker-a only, so when p-1 sends 10 messages a second from 40 s every one of them goes to broker-a, and broker-b never gets the topic. This is RocketMQ\'s classic surprise: an auto-created topic lives on the brokers the first sends happened to reach. Create topics with mqadmin instead.',
      zh: 'autoCreateTopicEnable 已开启（默认），NewTopic 没有在任何地方声明。p-1 在 2 秒时只发送一条消息：NameServer 没有 NewTopic 的路由，于是生产者使用 TBW102 的路由（broker-a 和 broker-b 各 4 个队列），消息到达 broker-a，broker-a 以 min(4, 8) = 4 个队列创建 NewTopic 并立即路由注册。在生产者下一次路由拉取（约 31 秒）时，路由里只有 broker-a，所以从 40 秒起 p-1 每秒发送的 10 条消息全部写入 broker-a，broker-b 始终没有这个主题。这就是 RocketMQ 经典的意外：自动创建的主题只存在于最初几条消息碰巧到达的 Broker 上。生产环境应使用 mqadmin 创建主题。',
    },
    scenario: autoCreateTopic,
  },
];

export function findLibraryEntry(id: string): LibraryEntry | undefined {
  return LIBRARY.find((entry) => entry.id === id);
}
