/**
 * The broker's modules in English and Simplified Chinese (RocketMQ's class names stay as they are).
 * A module's title is its glossary term (src/ui/learn/glossary.ts): one name for it across the page.
 */
import { formatCount } from '../../viz/format.ts';
import { type Bilingual } from '../i18n/index.ts';

export interface BrokerModulesStrings {
  title: string;
  /** A broker whose process is down: its tables are what it held when it stopped (a machine without power: when it lost it). */
  notRunning: (status: 'notStarted' | 'crashed' | 'poweredOff' | 'shutdown') => string;
  remoting: string;
  remotingHint: string;
  /** The request with its processor under it, the code, the count: three columns fit the side column. */
  requestColumns: [string, string, string];
  noRequests: string;
  clientManager: string;
  consumerGroups: string;
  channelAge: (clientId: string, age: string) => string;
  noConsumers: string;
  producerGroups: string;
  noProducers: (slave: boolean) => string;
  store: string;
  commitLog: (messages: string, bytes: string) => string;
  /** After the CommitLog line, on a machine without power: its tail past flushedPhyOffset (unflushedTail), gone with the page cache. */
  unflushed: (bytes: string, messages: string | null) => string;
  consumeQueues: string;
  index: (entries: string) => string;
  /**
   * A slave whose ReputMessageService stopped (ha-service.ts) at this CommitLog entry: its index
   * holds what was dispatched before it, and nothing since (the inspector's ReputMessageService line).
   */
  indexFrozen: (entry: string) => string;
  indexTitle: string;
  ha: string;
  haSlave: (slave: string, acked: string, total: string) => string;
  haNone: string;
  haMaster: (addr: string, connected: boolean) => string;
  path: (msgId: string) => string;
  /**
   * The module map: its label, and one line per module (counts formatted already). `reputStoppedAt`:
   * the CommitLog entry where a slave's ReputMessageService stopped, else null; from there its
   * ConsumeQueues and index no longer grow while its CommitLog goes on copying in bytes.
   */
  mapLabel: string;
  figures: {
    remoting: (requests: number) => string;
    clientManager: (producerGroups: number, consumerGroups: number) => string;
    store: (messages: number, reputStoppedAt: number | null) => string;
    haMaster: (slaves: number) => string;
    haSlave: (connected: boolean, reputStoppedAt: number | null) => string;
    index: (entries: number | undefined, reputStoppedAt: number | null) => string;
  };
  pathHint: string;
  notOnThisBroker: (msgId: string) => string;
  /** The card's section on the path through the broker that stored the message (MessagePathOn). */
  pathIn: (node: string) => string;
  pathInIntro: string;
  steps: {
    send: (producer: string, replicated: boolean) => string;
    commitLog: (offset: string, size: number) => string;
    consumeQueue: (topic: string, queueId: number, offset: number) => string;
    index: (keys: string) => string;
    /**
     * The groups whose committed offset is past it; none yet: a consumer that pulled it commits
     * later (its next pull's commitOffset, or every persistConsumerOffsetInterval: `commitEvery`).
     */
    pull: (groups: string[], commitEvery: string) => string;
    /** Readers whose offset was already past it when it was stored (message.storedBehind): no pull gives it to them. */
    passed: (readers: readonly string[]) => string;
  };
}

const en: BrokerModulesStrings = {
  title: 'Modules',
  notRunning: (status) => (status === 'poweredOff'
    ? 'Its machine is powered off: nothing below is live; the tables are what it held when the power went. It closed no connection: its slave and its clients notice only by their own timeouts.'
    : `Its process is ${{ notStarted: 'not started yet', crashed: 'down (crashed)', shutdown: 'down (shut down)' }[status]}: nothing below is live; the tables are what it held when it stopped.`),
  remoting: 'Remoting module',
  remotingHint: 'Requests this broker processed, by RocketMQ request code',
  requestColumns: ['Request · processor', 'Code', 'Count'],
  noRequests: 'No request yet.',
  clientManager: 'Client manager (clientManager)',
  consumerGroups: 'ConsumerManager: each group\'s channels and the age of their last heartbeat',
  channelAge: (clientId, age) => `${clientId}: heartbeat ${age} ago`,
  noConsumers: 'No consumer group.',
  producerGroups: 'ProducerManager: each producer group\'s channels and the age of their last heartbeat',
  noProducers: (slave) => (slave ? 'No producer: producers heartbeat masters only.' : 'No producer group.'),
  store: 'Store service',
  commitLog: (messages, bytes) => `CommitLog: ${messages} messages, ${bytes} bytes`,
  unflushed: (bytes, messages) => `Not flushed to disk: the last ${messages === null ? '' : `${messages} ${messages === '1' ? 'message' : 'messages'}, `}${bytes} bytes. They went with the page cache: a restart keeps only the flushed part (CommitLog.recoverAbnormally).`,
  consumeQueues: 'ConsumeQueue per queue (queueId: maxOffset)',
  index: (entries) => `IndexService: ${entries} entries (the unique key and each key of every message)`,
  indexFrozen: (entry) => `IndexService: frozen since ReputMessageService stopped at CommitLog entry ${entry}. Nothing copied since is indexed (or dispatched to a ConsumeQueue); a restart cuts the log there.`,
  indexTitle: 'Index service (IndexService)',
  ha: 'HA service (HAService)',
  haSlave: (slave, acked, total) => `${slave} acknowledged ${acked} of ${total} messages`,
  haNone: 'No slave connected.',
  haMaster: (addr, connected) => `copies from ${addr} (${connected ? 'connected' : 'not connected'})`,
  path: (msgId) => `The path of ${msgId}`,
  mapLabel: 'The broker\'s five modules: select one to see its box',
  figures: {
    remoting: (requests) => `${formatCount(requests)} ${requests === 1 ? 'request' : 'requests'} processed`,
    clientManager: (producerGroups, consumerGroups) => `${producerGroups} producer ${producerGroups === 1 ? 'group' : 'groups'}, ${consumerGroups} consumer ${consumerGroups === 1 ? 'group' : 'groups'}`,
    store: (messages, reputStoppedAt) => `CommitLog: ${formatCount(messages)} ${messages === 1 ? 'message' : 'messages'}${reputStoppedAt === null ? '' : `; ConsumeQueues frozen at entry ${formatCount(reputStoppedAt)}`}`,
    haMaster: (slaves) => (slaves === 0 ? 'no slave connected' : `${slaves} ${slaves === 1 ? 'slave' : 'slaves'} connected`),
    haSlave: (connected, reputStoppedAt) => (reputStoppedAt === null ? (connected ? 'copying from its master' : 'not connected to its master')
      : `ReputMessageService stopped at entry ${formatCount(reputStoppedAt)}; the CommitLog ${connected ? 'still copies from its master, in bytes only' : 'is not connected to its master'}`),
    index: (entries, reputStoppedAt) => (reputStoppedAt !== null ? `frozen at entry ${formatCount(reputStoppedAt)} (ReputMessageService stopped)`
      : entries === undefined ? 'counting…' : `${formatCount(entries)} index ${entries === 1 ? 'entry' : 'entries'}`),
  },
  pathHint: 'A message\'s card (open it from a dot, a queue\'s latest messages or a log row\'s card link) follows it through these modules; with this broker selected and the card open, the modules it went through are marked here.',
  notOnThisBroker: (msgId) => `${msgId} is not stored on this broker.`,
  pathIn: (node) => `Through ${node}'s modules`,
  pathInIntro: 'Remoting hands the request to its processor, the store appends it to the CommitLog and dispatches it to the ConsumeQueue and the index, and a pull reads it back (the broker inspector shows each module).',
  steps: {
    send: (producer, replicated) => (replicated ? 'HAService: copied from the master' : `SendMessageProcessor: SEND_MESSAGE from ${producer}`),
    commitLog: (offset, size) => `CommitLog at physical offset ${offset} (${size} bytes)`,
    consumeQueue: (topic, queueId, offset) => `dispatched to the ConsumeQueue of ${topic} queue ${queueId} at queue offset ${offset}`,
    index: (keys) => `and to IndexService: ${keys}`,
    pull: (groups, commitEvery) => (groups.length > 0 ? `PullMessageProcessor: pulled and committed by ${groups.join(', ')}`
      : `PullMessageProcessor: no group's committed offset is past it yet. A consumer that pulled it commits later: with its next pull, and every ${commitEvery} (persistConsumerOffsetInterval)`),
    passed: (readers) => `PullMessageProcessor: never given out to ${readers.join(', ')}, whose offset was already past it when it was stored`,
  },
};

const zh: BrokerModulesStrings = {
  title: '模块',
  notRunning: (status) => (status === 'poweredOff'
    ? '它所在的机器已断电：下面没有任何在运行的东西，表格是断电时保存的内容。它没有关闭任何连接：它的 Slave 和客户端只能靠各自的超时发现。'
    : `它的进程${{ notStarted: '尚未启动', crashed: '已停止（崩溃）', shutdown: '已停止（关闭）' }[status]}：下面没有任何在运行的东西，表格是它停止时保存的内容。`),
  remoting: 'Remoting 模块（通信）',
  remotingHint: '该 Broker 处理过的请求，按 RocketMQ 请求码统计',
  requestColumns: ['请求 · 处理器', '请求码', '次数'],
  noRequests: '暂无请求。',
  clientManager: '客户端管理器（clientManager）',
  consumerGroups: 'ConsumerManager：每个消费者组的连接及其上次心跳距今的时间',
  channelAge: (clientId, age) => `${clientId}：上次心跳 ${age}前`,
  noConsumers: '没有消费者组。',
  producerGroups: 'ProducerManager：每个生产者组的连接及其上次心跳距今的时间',
  noProducers: (slave) => (slave ? '没有生产者：生产者只向 Master 发送心跳。' : '没有生产者组。'),
  store: '存储服务（Store Service）',
  commitLog: (messages, bytes) => `CommitLog：${messages} 条消息，${bytes} 字节`,
  unflushed: (bytes, messages) => `尚未刷盘：最后 ${messages === null ? '' : `${messages} 条消息，共 `}${bytes} 字节。它们随 page cache 一起丢失：重启后只保留已刷盘的部分（CommitLog.recoverAbnormally）。`,
  consumeQueues: '每个队列一个 ConsumeQueue（queueId: maxOffset）',
  index: (entries) => `IndexService：${entries} 个索引项（每条消息的唯一键和每个 key）`,
  indexFrozen: (entry) => `IndexService：ReputMessageService 停在 CommitLog 第 ${entry} 条后就不再增长。之后复制来的内容既不建索引，也不分发到 ConsumeQueue；重启后日志会截断到这里。`,
  indexTitle: '索引服务（IndexService）',
  ha: '高可用服务（HAService，主从复制）',
  haSlave: (slave, acked, total) => `${slave} 已确认 ${total} 条消息中的 ${acked} 条`,
  haNone: '没有已连接的 Slave。',
  haMaster: (addr, connected) => `从 ${addr} 复制（${connected ? '已连接' : '未连接'}）`,
  path: (msgId) => `${msgId} 经过的路径`,
  mapLabel: 'Broker 的五个模块：点一个即可看到它的详情',
  figures: {
    remoting: (requests) => `已处理 ${formatCount(requests)} 个请求`,
    clientManager: (producerGroups, consumerGroups) => `${producerGroups} 个生产者组，${consumerGroups} 个消费者组`,
    store: (messages, reputStoppedAt) => `CommitLog：${formatCount(messages)} 条消息${reputStoppedAt === null ? '' : `；ConsumeQueue 停在第 ${formatCount(reputStoppedAt)} 条`}`,
    haMaster: (slaves) => (slaves === 0 ? '没有已连接的 Slave' : `${slaves} 个 Slave 已连接`),
    haSlave: (connected, reputStoppedAt) => (reputStoppedAt === null ? (connected ? '正在从 Master 复制' : '未连接到 Master')
      : `ReputMessageService 停在第 ${formatCount(reputStoppedAt)} 条；CommitLog ${connected ? '仍在从 Master 复制，但只按字节' : '未连接到 Master'}`),
    index: (entries, reputStoppedAt) => (reputStoppedAt !== null ? `停在第 ${formatCount(reputStoppedAt)} 条（ReputMessageService 已停止）`
      : entries === undefined ? '统计中…' : `${formatCount(entries)} 个索引项`),
  },
  pathHint: '消息卡片（从圆点、队列的最新消息或日志行的“卡片”链接打开）会展示消息经过这些模块的路径；选中这个 Broker 并打开卡片时，这里会标出它经过的模块。',
  notOnThisBroker: (msgId) => `${msgId} 没有存储在这个 Broker 上。`,
  pathIn: (node) => `经过 ${node} 的各个模块`,
  pathInIntro: 'Remoting 把请求交给对应的处理器，存储模块把消息追加到 CommitLog，再分发到 ConsumeQueue 和索引，拉取请求再把它读出来（Broker 详情里可以看到每个模块）。',
  steps: {
    send: (producer, replicated) => (replicated ? 'HAService：从 Master 复制而来' : `SendMessageProcessor：来自 ${producer} 的 SEND_MESSAGE`),
    commitLog: (offset, size) => `写入 CommitLog，物理偏移量 ${offset}（${size} 字节）`,
    consumeQueue: (topic, queueId, offset) => `分发到 ${topic} 队列 ${queueId} 的 ConsumeQueue，位点 ${offset}`,
    index: (keys) => `并分发到 IndexService：${keys}`,
    pull: (groups, commitEvery) => (groups.length > 0 ? `PullMessageProcessor：已被 ${groups.join('、')} 拉取并提交位点`
      : `PullMessageProcessor：还没有消费者组的已提交位点越过它。拉到它的消费者稍后才提交位点：随下一次拉取，以及每 ${commitEvery}一次（persistConsumerOffsetInterval）`),
    passed: (readers) => `PullMessageProcessor：从未交给 ${readers.join('、')}：它存入时，它们的位点已越过它`,
  },
};

export const BROKER_MODULES_STRINGS: Bilingual<BrokerModulesStrings> = { en, zh };
