/**
 * The study note's terms (docs/learners-note.md) in both languages: the Chinese is the note's own word, the English the
 * word RocketMQ's documentation and source use (RocketMQ's identifiers stay as they are). In the
 * note's order (a message's parts, the groups, the NameServer, the broker's five modules, the
 * workflow), then what the chapters add: replicas, flushing and replication.
 */
import type { Bilingual } from '../../scenario/language.ts';
import { UNIT_SPACE } from '../../viz/format.ts';

export interface GlossaryTerm {
  en: string;
  zh: string;
  meaning: Bilingual<string>;
  /** Other words a reader may look it up by: the study note's spellings (HAserver), synonyms learners type (重平衡, 消费组, 消费进度, 主从). */
  aliases?: readonly string[];
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  { en: 'message', zh: '消息', meaning: { en: 'A body with a topic, a tag and keys.', zh: '带有主题、标签和 keys 的一段数据。' } },
  { en: 'JMS', zh: 'JMS', aliases: ['JMO', 'Java Message Service'], meaning: {
    en: 'Java Message Service, Java\'s standard messaging API (javax.jms). RocketMQ\'s clients are not an implementation of it: DefaultMQProducer and DefaultMQPushConsumer are RocketMQ\'s own API, and the topics, tags, queues and groups here are RocketMQ\'s own model. (Some notes say "JMO"; it is JMS.)',
    zh: 'Java 消息服务（Java Message Service），Java 的标准消息 API（javax.jms）。RocketMQ 的客户端并不是它的实现：DefaultMQProducer 和 DefaultMQPushConsumer 是 RocketMQ 自己的 API，这里的主题、标签、队列和组也是 RocketMQ 自己的模型。（有的笔记写成“JMO”，实际是 JMS。）',
  } },
  { en: 'topic', zh: '主题', meaning: { en: 'A named kind of message; the unit of subscription.', zh: '一类消息的名字；订阅的基本单位。' } },
  { en: 'tag', zh: '标签', meaning: { en: 'A sub-type inside a topic, filtered on the broker by its hash code.', zh: '主题内的子类型，Broker 按其哈希码过滤。' } },
  { en: 'queue (MessageQueue)', zh: '队列', aliases: ['消息队列'], meaning: { en: 'Where a topic\'s messages are stored on one broker, in order.', zh: '主题的消息在某个 Broker 上按顺序存放的地方。' } },
  { en: 'sharding', zh: '分片', meaning: { en: 'A topic spread over several brokers, each with its own queues.', zh: '一个主题分布在多个 Broker 上，每个 Broker 有自己的队列。' } },
  { en: 'msgId (UNIQ_KEY)', zh: '消息标识 msgId', aliases: ['messageId', '消息 ID'], meaning: { en: 'Made by the producer before sending.', zh: '生产者在发送前生成。' } },
  { en: 'offsetMsgId', zh: 'offsetMsgId', meaning: { en: 'Made by the broker: its address and the CommitLog offset.', zh: 'Broker 生成：Broker 地址 + CommitLog 偏移量。' } },
  { en: 'keys', zh: 'keys', meaning: { en: 'Business ids, indexed by the broker\'s IndexService.', zh: '业务标识，由 Broker 的 IndexService 建索引。' } },
  { en: 'producer / consumer', zh: '生产者 / 消费者', meaning: {
    en: 'The clients: a producer sends messages to a topic\'s queues; a (push) consumer pulls them from its queues in a loop and hands them to its listener.',
    zh: '客户端：生产者把消息发到主题的队列；（Push）消费者循环地从分给它的队列拉取消息，交给它的监听器。',
  } },
  { en: 'producer group', zh: '生产者组', aliases: ['生产组', 'producerGroup'], meaning: { en: 'Producers that send the same kind of message.', zh: '发送同一类消息的生产者集合。' } },
  { en: 'consumer group', zh: '消费者组', aliases: ['消费组', 'consumerGroup'], meaning: { en: 'Consumers that share the work of the same subscription.', zh: '分担同一订阅的消费者集合。' } },
  { en: 'NameServer', zh: 'NameServer（路由注册中心）', aliases: ['namesrv', '名字服务', '命名服务', '注册中心'], meaning: { en: 'Holds the routes brokers register; NameServers never talk to each other.', zh: '保存 Broker 注册的路由；NameServer 之间互不通信。' } },
  { en: 'NameServer selection', zh: 'NameServer 选择', aliases: ['round-robin', '轮询'], meaning: {
    en: 'A client shuffles its NameServer list, starts at a random one (namesrvIndex) and keeps it until a request to it fails; only then does it try the next in the list (NettyRemotingClient). It does not change NameServer with every request: going on to the next after a failure is the study note\'s round-robin.',
    zh: '客户端打乱 NameServer 列表，从随机的一个开始（namesrvIndex），一直用它，直到对它的请求失败才按顺序换下一个（NettyRemotingClient）。并不是每次请求都换一个 NameServer：失败后按顺序换下一个，就是学习笔记里说的 round-robin。',
  } },
  { en: 'brokerLiveTable', zh: 'brokerLiveTable（存活 Broker 表）', meaning: {
    en: `A NameServer's table of the brokers it holds alive: each broker address with its channel and the time of its last registration (lastUpdateTimestamp). The scan and the idle close remove an entry 120${UNIT_SPACE}s after it; a closed channel removes it at once (RouteInfoManager).`,
    zh: `NameServer 记录存活 Broker 的表：每个 Broker 地址、它的连接和最后一次注册的时间（lastUpdateTimestamp）。最后一次注册 120${UNIT_SPACE}秒后，扫描或空闲关闭会把它移除；连接关闭则立即移除（RouteInfoManager）。`,
  } },
  { en: 'long connection', zh: '长连接', meaning: {
    en: `Clients, brokers and NameServers keep their TCP channels open (Netty) and send every request over them. A channel that closes tells the other side at once that its peer is gone, which is why a crashed process is removed at once and a cut-off one only after 120${UNIT_SPACE}s.`,
    zh: `客户端、Broker 和 NameServer 之间保持 TCP 连接（Netty），所有请求都通过它发送。连接一关闭，另一端立刻知道对方已不在：所以崩溃的进程会被立即剔除，而网络被切断的进程要等 120${UNIT_SPACE}秒。`,
  } },
  { en: 'broker registration', zh: '路由注册', aliases: ['Broker 注册', '服务注册'], meaning: { en: `Every 30${UNIT_SPACE}s a broker registers with every NameServer (its heartbeat), and at once after a topic is created or updated.`, zh: `Broker 每 30${UNIT_SPACE}秒向每个 NameServer 注册一次（即心跳）；创建或更新主题后还会立即注册一次。` } },
  { en: 'broker removal', zh: '路由剔除', meaning: {
    en: `A closed channel removes a broker at once; a silent one 120${UNIT_SPACE}s after its last registration, by the NameServer's idle close or its scan (scanNotActiveBroker, every 5${UNIT_SPACE}s in 5.x, 10${UNIT_SPACE}s in 4.x).`,
    zh: `连接关闭时立即剔除；沉默的 Broker 在最后一次注册 120${UNIT_SPACE}秒后，由 NameServer 关闭空闲连接或定时扫描（scanNotActiveBroker，5.x 每 5${UNIT_SPACE}秒，4.x 每 10${UNIT_SPACE}秒）剔除。`,
  } },
  { en: 'route discovery', zh: '路由发现', aliases: ['服务发现', '路由拉取'], meaning: { en: `Clients pull a topic's route every 30${UNIT_SPACE}s (pollNameServerInterval).`, zh: `客户端每 30${UNIT_SPACE}秒拉取一次主题路由（pollNameServerInterval）。` } },
  { en: 'broker', zh: 'Broker', aliases: ['交换机'], meaning: {
    en: 'The server that stores messages and answers sends and pulls; it registers with every NameServer. A master and its slaves share a brokerName. Five modules, below. (Some notes call it an exchange, 交换机: an exchange is AMQP\'s (RabbitMQ\'s) router, which RocketMQ has none of; a producer sends to a queue on a broker itself.)',
    zh: '存储消息、处理发送和拉取的服务器；它向每个 NameServer 注册。Master 和它的 Slave 共用一个 brokerName。由下面五个模块组成。（有的笔记称它为“交换机”：交换机（Exchange）是 AMQP（RabbitMQ）里负责路由的组件，RocketMQ 没有它，生产者直接把消息发到某个 Broker 上的队列。）',
  } },
  { en: 'Remoting module', zh: 'Remoting 模块', meaning: {
    en: 'The broker\'s network side: takes each request (send, pull, heartbeat) and hands it to its processor.',
    zh: 'Broker 的网络层：接收每个请求（发送、拉取、心跳），交给对应的处理器。',
  } },
  { en: 'client manager', zh: '客户端管理器（clientManager）', aliases: ['客户端管理', 'ProducerManager', 'ConsumerManager'], meaning: {
    en: 'Keeps the producers and consumers whose heartbeats arrive, and each consumer group\'s subscriptions.',
    zh: '记录发来心跳的生产者和消费者，以及每个消费者组的订阅关系。',
  } },
  { en: 'store service', zh: '存储服务（Store Service）', aliases: ['存储', 'MessageStore'], meaning: {
    en: 'Appends messages to the CommitLog, builds the ConsumeQueues and the index from it, and reads messages for pulls and queries.',
    zh: '把消息追加到 CommitLog，据此构建 ConsumeQueue 和索引，并为拉取和查询读取消息。',
  } },
  { en: 'CommitLog', zh: 'CommitLog（提交日志）', meaning: {
    en: 'One log that every topic\'s messages on a broker are appended to, strictly in order; an offsetMsgId points into it.',
    zh: 'Broker 上所有主题的消息都严格按顺序追加到的同一个日志；offsetMsgId 里含有消息在其中的物理偏移量。',
  } },
  { en: 'ConsumeQueue', zh: 'ConsumeQueue（消费队列）', aliases: ['逻辑队列'], meaning: {
    en: 'A queue\'s index into the CommitLog: 20 bytes per message (its CommitLog offset, size and tag hash).',
    zh: '一个队列在 CommitLog 中的索引：每条消息 20 字节（CommitLog 偏移量、大小、标签哈希）。',
  } },
  { en: 'HA service (HAService)', zh: '高可用服务（HAService）', aliases: ['HAserver', '主从复制'], meaning: {
    en: `Streams a master's CommitLog to each slave from the byte offset the slave reports: with nothing to send it looks again every 100${UNIT_SPACE}ms, and only a put whose answer waits for a slave wakes it at once. A slave ahead of its master (one that lost its unflushed tail with its power) may get bytes that begin inside a message, and then stops building its ConsumeQueues.`,
    zh: `从 Slave 上报的字节偏移量起，把 Master 的 CommitLog 推送给每个 Slave：没有数据可发时每 100${UNIT_SPACE}毫秒再看一次，只有要等 Slave 确认才回答的写入会立即唤醒它。如果 Slave 比 Master 还长（Master 断电，丢了还没写到磁盘上的尾部），它收到的字节可能从一条消息的中间开始，之后它就不再构建 ConsumeQueue。`,
  } },
  { en: 'index service (IndexService)', zh: '索引服务（IndexService）', aliases: ['indexServer', '索引'], meaning: {
    en: 'Indexes each message by its keys and its msgId, so a message can be found by key.',
    zh: '按 key 和 msgId 为每条消息建立索引，以便按 key 查找消息。',
  } },
  { en: 'workflow', zh: '工作流程', meaning: {
    en: 'NameServers start; brokers start and register with every NameServer; a topic is created on brokers; producers and consumers fetch its route from a NameServer; producers send to the queues, consumers rebalance, pull and commit their offsets. Learn, chapter 5, plays it.',
    zh: 'NameServer 启动；Broker 启动并向每个 NameServer 注册；在 Broker 上创建主题；生产者和消费者从 NameServer 获取路由；生产者向队列发送，消费者负载均衡、拉取并提交消费位点。“学习”第 5 章演示了整个过程。',
  } },
  { en: 'topic creation: cluster mode / broker mode', zh: '创建主题：集群模式 / Broker 模式', meaning: {
    en: 'mqadmin updateTopic -c creates the topic on every master of a cluster, -b on one broker; both default to 8 write and 8 read queues. With autoCreateTopicEnable a producer\'s first send creates it from TBW102 with 4 (defaultTopicQueueNums).',
    zh: 'mqadmin updateTopic -c 在集群的每个 Master 上创建主题，-b 只在一个 Broker 上创建；两者默认都是 8 个写队列、8 个读队列。开启 autoCreateTopicEnable 时，生产者第一次发送会按 TBW102 自动创建，队列数为 4（defaultTopicQueueNums）。',
  } },
  { en: 'read / write queues', zh: '读队列 / 写队列', aliases: ['读写队列', 'readQueueNums', 'writeQueueNums'], meaning: { en: 'readQueueNums and writeQueueNums limit which queue ids consumers and producers use. Messages in queue ids at or above readQueueNums are unconsumable: no consumer is given them until readQueueNums is raised.', zh: 'readQueueNums 和 writeQueueNums 限定消费者和生产者使用哪些队列 id。队列号 ≥ readQueueNums 的消息无法消费：直到调大 readQueueNums，才会分配给消费者。' } },
  { en: 'perm (PermName)', zh: '权限 perm', meaning: {
    en: 'A topic\'s permission on a broker, written as PermName.perm2String prints it: R (4) consumers may read its queues, W (2) producers may write them, X (1) a topic created from it inherits (TBW102\'s); RW- is 6, the usual. Taking W away from a broker (wipeWritePerm) makes producers skip it.',
    zh: '主题在某个 Broker 上的权限，按 PermName.perm2String 的写法：R（4）消费者可读它的队列，W（2）生产者可写，X（1）由它自动创建的主题可继承（TBW102 就有）；RW- 即 6，最常见。去掉某个 Broker 的 W（wipeWritePerm），生产者就会跳过它。',
  } },
  { en: 'heartbeat (client)', zh: '客户端心跳', meaning: {
    en: `Every 30${UNIT_SPACE}s each client tells the brokers it knows that it is alive (heartbeatBrokerInterval): one with a consumer tells every broker, slaves too, with its subscriptions; one with producers only tells the masters (MQClientInstance.sendHeartbeatToAllBroker). A consumer also heartbeats at its start and at once when a rebalance changes its queues; in 5.x every client also heartbeats a broker on each new channel to it (onChannelActive), a producer so at its first send there: the event log says which.`,
    zh: `每 30${UNIT_SPACE}秒，每个客户端告诉它所知道的 Broker 自己还活着（heartbeatBrokerInterval）：有消费者的客户端发给每个 Broker（包括 Slave），并带上订阅关系；只有生产者的客户端只发给 Master（MQClientInstance.sendHeartbeatToAllBroker）。消费者在启动时、负载均衡改变它的队列时也会立即发送心跳；5.x 中每个客户端每建立一条到 Broker 的新连接也会立即发送（onChannelActive），生产者因此在第一次向某个 Broker 发送消息时就发送心跳：事件日志会写明原因。`,
  } },
  { en: 'send modes: SYNC / ASYNC / ONEWAY', zh: '发送方式：同步 / 异步 / 单向', aliases: ['同步发送', '异步发送', '单向发送'], meaning: {
    en: 'SYNC waits for the send\'s result, ASYNC gets it in a callback, ONEWAY never learns it: a ONEWAY send no broker stored is lost for good.',
    zh: '同步等待发送结果，异步在回调中得到结果，单向永远不知道结果：没有 Broker 存储的单向发送就永久丢失了。',
  } },
  { en: 'rebalance', zh: '负载均衡（Rebalance）', aliases: ['重平衡', '再平衡'], meaning: {
    en: `Consumers of a group share out the queues again (every 20${UNIT_SPACE}s, and when a member joins or leaves): each queue has one owner at a time, and one consumer may own many.`,
    zh: `组内消费者重新分配队列（每 20${UNIT_SPACE}秒一次，成员加入或离开时也会）：同一时刻每个队列只属于一个消费者，一个消费者可以拥有多个队列。`,
  } },
  { en: 'clustering / broadcasting', zh: '集群消费 / 广播消费', aliases: ['集群模式', '广播模式', 'CLUSTERING', 'BROADCASTING'], meaning: { en: 'Each message once per group, or once per consumer.', zh: '每条消息每组消费一次，或每个消费者消费一次。' } },
  { en: 'long polling', zh: '长轮询', meaning: {
    en: `A pull that finds no message is held by the broker and answered as soon as a message it subscribes to arrives, or else at the broker's first 5${UNIT_SPACE}s check after 15${UNIT_SPACE}s have passed, so after 15 to 20${UNIT_SPACE}s (PullRequestHoldService).`,
    zh: `没有拉到消息的请求由 Broker 挂起：一有它订阅的消息到达就立即应答；否则在挂起满 15${UNIT_SPACE}秒后的第一次检查（每 5${UNIT_SPACE}秒一次）时应答，所以要等 15 到 20${UNIT_SPACE}秒（PullRequestHoldService）。`,
  } },
  { en: 'consume offset', zh: '消费位点', aliases: ['消费进度', '消费位移', '消费偏移量', 'consumerOffset'], meaning: { en: 'How far a consumer group has consumed a queue: an index into the queue\'s ConsumeQueue.', zh: '一个消费者组在某个队列上消费到了哪一条：ConsumeQueue 里的序号。' } },
  { en: 'retry topic / DLQ', zh: '重试主题 / 死信队列', aliases: ['重试队列', '%RETRY%', '%DLQ%', 'DLQ'], meaning: {
    en: `A message whose consumption failed goes back to %RETRY%<group> and comes again later (10${UNIT_SPACE}s, 30${UNIT_SPACE}s, 1${UNIT_SPACE}min ...); after 16 retries it goes to %DLQ%<group>.`,
    zh: `消费失败的消息回到重试主题（%RETRY%<消费者组>，常被称为重试队列），稍后再次投递（10${UNIT_SPACE}秒、30${UNIT_SPACE}秒、1${UNIT_SPACE}分钟……）；重试 16 次后进入 %DLQ%<消费者组>。`,
  } },
  { en: 'network partition', zh: '网络分区', aliases: ['partition', '分区'], meaning: {
    en: `Processes that keep running but cannot reach each other (a cut network): no channel closes, so nobody learns at once. A client learns when a synchronous call (a send, a heartbeat) times out, within seconds: the timeout closes its connection (clientCloseSocketIfTimeout), and each new connect then waits connectTimeoutMillis (3${UNIT_SPACE}s) for an answer. Not a Kafka partition: what Kafka calls a partition, RocketMQ calls a queue.`,
    zh: `进程仍在运行，但彼此无法通信（网络被切断）：没有连接关闭，所以谁都不会立即知道。客户端在某次同步调用（发送、心跳）超时时发现，通常只需几秒：超时会关闭它的连接（clientCloseSocketIfTimeout），之后每次建立新连接都要等满 connectTimeoutMillis（3${UNIT_SPACE}秒）才失败。它不是 Kafka 的分区：Kafka 所说的分区（partition），在 RocketMQ 里叫队列（queue）。`,
  } },
  { en: 'master / slave', zh: 'Master / Slave（主 / 从）', aliases: ['主从', '主备', '主节点', '从节点'], meaning: { en: 'A slave copies its master\'s CommitLog (HAService). With its master gone it serves reads in 4.x, and in 5.x only with slaveReadEnable.', zh: 'Slave 复制 Master 的 CommitLog（HAService）。Master 不在时，4.x 的 Slave 提供读取，5.x 的 Slave 要开启 slaveReadEnable 才提供。' } },
  { en: 'flushing: ASYNC_FLUSH / SYNC_FLUSH', zh: '刷盘：异步 / 同步', aliases: ['异步刷盘', '同步刷盘'], meaning: {
    en: 'ASYNC_FLUSH (the default) writes the page cache to disk in the background, SYNC_FLUSH before answering. A power loss loses what was not flushed, unless a slave has it.',
    zh: '异步刷盘（默认）在后台把页缓存写入磁盘，同步刷盘在应答之前写入。断电会丢失尚未刷盘的消息，除非 Slave 已有副本。',
  } },
  { en: 'replication: SYNC_MASTER / ASYNC_MASTER', zh: '复制：同步双写 / 异步复制', aliases: ['主从同步', '同步复制'], meaning: {
    en: 'A SYNC_MASTER answers a send once a slave has the message (4.x; in 5.x only with inSyncReplicas 2); an ASYNC_MASTER answers at once.',
    zh: 'SYNC_MASTER 在 Slave 拿到消息后才应答发送（4.x；5.x 中需 inSyncReplicas 为 2）；ASYNC_MASTER 立即应答。',
  } },
];
