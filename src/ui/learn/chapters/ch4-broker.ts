/** Chapter 4: the broker's modules: remoting, client manager, store, HA, index. */
import type { Chapter } from '../chapter.ts';
import scenario from './ch4-broker.json';
import { UNIT_SPACE } from '../../../viz/format.ts';

export const chapter: Chapter = {
  id: 'broker',
  scenario: { file: scenario },
  steps: [
    {
      wait: { type: 'broker.registered', where: { broker: 'broker-a', brokerId: 1, first: true } },
      caption: {
        en: 'The inspector shows broker-a drawn as its modules. Remoting is the broker\'s network layer: every request arrives there and is handed to a processor by its RequestCode. Its table says "No request yet": no client has started. The first, c-1\'s HEART_BEAT, arrives at 0:01, the next step. broker-a/1, its slave, has just registered with the NameServer too.',
        zh: '右侧详情里，broker-a 被画成它的各个模块。Remoting 模块是 Broker 的网络层：所有请求都先到这里，再按 RequestCode 交给对应的处理器。它的表格还写着“暂无请求”：还没有客户端启动。第一个请求是 c-1 的 HEART_BEAT，0:01 到达，就是下一步。它的 Slave broker-a/1 也刚刚向 NameServer 注册。',
      },
      // The Remoting box sits just below the module map: the least scroll that shows it keeps broker-a/0's box in sight.
      focus: { kind: 'broker', id: 'broker-a', module: 'remoting' },
    },
    {
      // c-1 heartbeats the slave too, and here the slave registers it first: the step waits for the master the inspector shows.
      wait: { type: 'consumer.registered', where: { broker: 'broker-a', brokerId: 0, consumer: 'c-1' } },
      caption: {
        en: `c-1's heartbeat (HEART_BEAT) reached the client manager: ConsumerManager now keeps group CG_ORDER, its subscription and c-1's channel with the time of its last heartbeat. Consumers heartbeat every broker, the slave broker-a/1 too, every 30${UNIT_SPACE}s; a channel silent for 120${UNIT_SPACE}s is dropped.`,
        zh: `c-1 的心跳（HEART_BEAT）到达了客户端管理器：ConsumerManager 现在保存着消费者组 CG_ORDER、它的订阅，以及 c-1 的连接和最近一次心跳的时间。消费者每 30${UNIT_SPACE}秒向每个 Broker（包括 Slave broker-a/1）发心跳；沉默 120${UNIT_SPACE}秒的连接会被移除。`,
      },
      focus: { kind: 'broker', id: 'broker-a', module: 'clientManager' },
    },
    {
      wait: { type: 'message.stored', where: { broker: 'broker-a', brokerId: 0 } },
      caption: {
        en: `A message arrived (SEND_MESSAGE). The store service appended it to the CommitLog, one file for every topic written strictly in order; a background task then added a unit to the topic queue's ConsumeQueue (CommitLog offset, size, tag hash) and indexed its keys in the IndexService. The module map at the top of the inspector counts them: the store's "CommitLog: 1 message", the IndexService's entries, and HA's "no slave connected". The slave has no copy yet: its HAClient started before its registration told it where its master is, found no address and waits 5${UNIT_SPACE}s before it looks again (DefaultHAClient). At 0:05 it connects to the master's HA port and the master streams the CommitLog to it from the start.`,
        zh: `一条消息到达（SEND_MESSAGE）。存储服务把它追加到 CommitLog：所有主题共用一个文件，严格顺序写入；随后后台任务在该队列的 ConsumeQueue 里加一条记录（CommitLog 偏移量、大小、标签哈希），并在 IndexService 里为它的 keys 建索引。详情顶部的模块一览数着它们：存储服务“CommitLog：1 条消息”、索引服务的索引项，以及高可用服务“没有已连接的 Slave”。Slave 这时还没有副本：它的 HAClient 启动时，注册还没告诉它 Master 在哪里，它找不到地址，要等 5${UNIT_SPACE}秒再看（DefaultHAClient）。0:05 它连上 Master 的 HA 端口，Master 从头开始把 CommitLog 传给它。`,
      },
      // The module map under the inspector's title says the caption's counts beside broker-a/0's box: the
      // store's box, three screens down, scrolled into view took the box under the lesson (lesson-in-view.ts).
      focus: { kind: 'broker', id: 'broker-a' },
    },
    {
      wait: { type: 'message.stored', where: { broker: 'broker-a', brokerId: 1 } },
      caption: {
        en: 'broker-a/1 now holds the same bytes at the same CommitLog offset.',
        zh: 'broker-a/1 现在在相同的 CommitLog 偏移量上保存着相同的字节。',
      },
      focus: { kind: 'broker', id: 'broker-a/1' },
      predict: {
        question: { en: 'What does the slave broker-a/1 keep while its master is up?', zh: 'Master 正常时，Slave broker-a/1 保存什么？' },
        choices: [
          { en: 'Nothing until the master fails', zh: '什么都不存，等 Master 故障再说' },
          { en: 'A copy of the master\'s CommitLog, streamed by HA', zh: 'Master 的 CommitLog 副本，由 HA 模块同步' },
          { en: 'Only the index of keys', zh: '只保存 key 的索引' },
        ],
        answer: 1,
        why: {
          en: 'The HA service streams the master\'s CommitLog to its slave as it grows (HAService / HAConnection); the slave rebuilds its own ConsumeQueues and index from it. With ASYNC_MASTER the producer never waits for the copy. A SYNC_MASTER waits for its slave in 4.x; in 5.x it answers at once too, unless inSyncReplicas (default 1, the master alone) is raised to 2.',
          zh: 'HA 服务把 Master 不断增长的 CommitLog 同步给 Slave（HAService / HAConnection），Slave 据此重建自己的 ConsumeQueue 和索引。ASYNC_MASTER 时生产者从不等待复制完成。SYNC_MASTER 在 4.x 中要等 Slave 确认；在 5.x 中也立即应答，除非把 inSyncReplicas（默认 1，只算 Master 自己）调成 2。',
        },
      },
    },
    {
      wait: { type: 'message.consumed', where: { consumer: 'c-1', broker: 'broker-a', brokerId: 0 }, afterMs: 5_000 },
      caption: {
        en: `c-1 pulled (PULL_MESSAGE: the Remoting table below counts them, for PullMessageProcessor). It read the queue's ConsumeQueue from the offset the request names, then the messages at the CommitLog offsets its 20-byte units list. A pull also carries c-1's consumed offset, which the processor commits to the broker's committed offsets (consumerOffsetTable, further down the inspector). Its first row (queue 0, offset 1) came with c-1's pull of a moment ago; from 0:11 c-1 also sends all its offsets every 5${UNIT_SPACE}s (persistConsumerOffsetInterval).`,
        zh: `c-1 拉取了消息（PULL_MESSAGE：下面的 Remoting 表格数着这些请求，交给 PullMessageProcessor）。它从请求里给出的位点读该队列的 ConsumeQueue，再按其中 20 字节的记录所列的 CommitLog 偏移量读出消息。拉取请求还带着 c-1 的消费位点，处理器把它提交到 Broker 的已提交消费位点（consumerOffsetTable，在详情的更下方）。它的第一行（队列 0，位点 1）随 c-1 刚才的一次拉取到来；从 0:11 起，c-1 还会每 5${UNIT_SPACE}秒（persistConsumerOffsetInterval）把全部位点提交一次。`,
      },
      // The Remoting table, under the module map, counts the pulls: the least scroll that shows it keeps broker-a/0's
      // box in sight. The store's box and the committed offsets, further down, scrolled into view took the box under the lesson.
      focus: { kind: 'broker', id: 'broker-a', module: 'remoting' },
    },
    {
      wait: { atMs: 20_000 },
      caption: {
        en: 'Why these modules: the CommitLog takes every write as one sequential append, the fastest thing a disk does; everything that needs lookups (ConsumeQueue per queue, the key index) is built from it afterwards and can be rebuilt. Remoting and the client manager keep the network and the clients apart from storage, and HA copies one file instead of many.',
        zh: '为什么这样分模块：CommitLog 把所有写入变成一次顺序追加，这是磁盘最快的操作；需要查找的东西（每个队列的 ConsumeQueue、key 索引）都是事后从它构建的，丢了也能重建。Remoting 和客户端管理把网络和客户端与存储分开，HA 只需复制一个文件而不是很多个。',
      },
      tag: 'why',
    },
  ],
};
