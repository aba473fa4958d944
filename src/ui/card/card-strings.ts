/** The words of the message card and the queue's latest messages, in English and Simplified Chinese. */
import { type Bilingual } from '../i18n/index.ts';
import type { DuplicateCause, MessageLostReason } from '../../sim/index.ts';
import { duplicateCauseSaid } from '../panels/cause-strings.ts';

export interface CardStrings {
  title: (msgId: string) => string;
  /** The word before a message's msgId in the card's heading. */
  message: string;
  queueTitle: (broker: string, queueId: number, topic: string) => string;
  close: string;
  /** Opens the Message tab on this message (ui/insight/message). */
  followLife: string;
  notAMsgId: string;
  notYet: string;
  incomplete: string;
  msgIdHeading: string;
  msgIdIntro: string;
  field: string;
  bytes: string;
  value: string;
  clientIp: string;
  pid: string;
  classLoader: string;
  bornTime: string;
  bornTimeValue: (ms: string) => string;
  counter: string;
  offsetMsgIdHeading: string;
  /** A message no broker has stored yet: MessageDecoder.createMessageId makes the offsetMsgId from the store host and the CommitLog offset. */
  noOffsetMsgId: string;
  storeHost: string;
  commitLogOffset: string;
  whyBoth: string;
  copyOf: (node: string, topic: string) => string;
  messageHeading: string;
  topic: string;
  tags: string;
  tagsCode: string;
  tagsCodeNote: string;
  keys: string;
  noKeys: string;
  queue: string;
  /** After the queue a send chose, while no broker has stored the message yet (the offset comes with the store). */
  notStoredYet: string;
  queueOffset: string;
  indexHeading: string;
  indexIntro: string;
  indexKey: string;
  keyHash: string;
  slot: (slot: number, position: number) => string;
  indexFinds: (offset: number, host: string) => string;
  indexNotStored: string;
  sendsHeading: string;
  attempt: (n: number) => string;
  sentTo: (broker: string, queueId: number) => string;
  failedBecause: (reason: string) => string;
  result: (status: string) => string;
  consumeHeading: string;
  notConsumed: string;
  neverConsumable: (readQueueNums: number) => string;
  /** A queue card's queue whose id is at or above readQueueNums. */
  queueUnconsumable: (readQueueNums: number) => string;
  /** `slave`: the slave it was read from (brokerId not 0: its master was gone from the consumer's route), else null. */
  consumedBy: (consumer: string, group: string, retry: number, slave: string | null) => string;
  consumeFailed: (consumer: string, reconsumeTimes: number, next: string) => string;
  /** After a consumption that was a duplicate: what brought the message back (the Duplicates list's words). */
  again: (cause: DuplicateCause) => string;
  /** Where and how a copy was lost (message.lost's reason). */
  lost: (node: string, reason: MessageLostReason) => string;
  /** A reader had read past the queue offset it took: it never reads it (message.storedBehind). */
  storedBehind: (reader: string, queueOffset: number, readerOffset: number) => string;
  /** At the card's top: readers that will never read it, though the producer got SEND_OK. */
  neverRead: (readers: readonly string[]) => string;
  retryStored: (topic: string, node: string) => string;
  latestMessages: (count: number, maxOffset: number) => string;
  noMessages: string;
  open: string;
}

const en: CardStrings = {
  title: (msgId) => `Message ${msgId}`,
  message: 'Message',
  queueTitle: (broker, queueId, topic) => `${broker} queue ${queueId} of ${topic}`,
  close: 'Close',
  followLife: 'Follow its whole life',
  notAMsgId: 'This is not a client msgId (32 hex digits).',
  notYet: 'This message has not been sent yet at this time.',
  incomplete: 'The search stopped early in this long run: later facts may be missing.',
  msgIdHeading: 'msgId, field by field (MessageClientIDSetter)',
  msgIdIntro: 'The producer makes the msgId before sending, from its own address and process, so no broker is needed to make it unique.',
  field: 'Field', bytes: 'Bytes', value: 'Value',
  clientIp: 'client IP', pid: 'process id (low 16 bits)', classLoader: 'class loader hash', bornTime: 'time since the month started',
  bornTimeValue: (time) => `${time} (the run starts at the first instant of a month)`,
  counter: 'counter',
  offsetMsgIdHeading: 'offsetMsgId (MessageDecoder.createMessageId)',
  noOffsetMsgId: 'None yet: a broker gives a message its offsetMsgId when it stores it (its store host and the CommitLog offset).',
  storeHost: 'store host', commitLogOffset: 'CommitLog offset',
  whyBoth: 'Why both? The msgId is the producer\'s name for the message: made before it is sent, the same on every retry and redelivery. The offsetMsgId is the broker\'s address of one stored copy: the store host and the CommitLog offset where its bytes are, so a lookup reads them directly.',
  copyOf: (node, topic) => `${node}, ${topic}`,
  messageHeading: 'Topic, tags and keys',
  topic: 'Topic', tags: 'Tags', tagsCode: 'tagsCode in the ConsumeQueue',
  tagsCodeNote: 'Each ConsumeQueue unit stores the tag\'s String.hashCode(); the broker filters a tag subscription by these hashes and the client checks the tag text again.',
  keys: 'Keys', noKeys: 'none', queue: 'Queue id', notStoredYet: '(the producer\'s choice; not stored yet)', queueOffset: 'Queue offset',
  indexHeading: 'Finding it by key: the broker\'s index (IndexService)',
  indexIntro: 'Each key (and the msgId) is indexed as topic#key; abs(hashCode) % 5,000,000 picks the hash slot, and the slot leads to the CommitLog offset.',
  indexKey: 'Index key', keyHash: 'keyHash',
  slot: (slot, position) => `slot ${slot.toLocaleString('en-US')} (byte ${position.toLocaleString('en-US')} of the index file)`,
  indexFinds: (offset, host) => `the index entry points to CommitLog offset ${offset.toLocaleString('en-US')} on ${host}: this message.`,
  indexNotStored: 'not stored yet, so not indexed yet.',
  sendsHeading: 'Send attempts',
  attempt: (n) => `attempt ${n}`,
  sentTo: (broker, queueId) => `sent to ${broker} queue ${queueId}`,
  failedBecause: (reason) => `failed: ${reason}`,
  result: (status) => `result: ${status}`,
  consumeHeading: 'Consumption, retries and dead letters',
  notConsumed: 'Not consumed yet.',
  neverConsumable: (read) => `Unconsumable: its queue id is at or above readQueueNums (${read}), so no consumer is given it until readQueueNums is raised.`,
  queueUnconsumable: (read) => `Unconsumable: this queue's id is at or above readQueueNums (${read}), so no consumer is given it, and its messages wait, until readQueueNums is raised.`,
  consumedBy: (consumer, group, retry, slave) => `consumed by ${consumer} (${group})${retry > 0 ? `, retry ${retry}` : ''}${slave ? `, read from the slave ${slave}` : ''}`,
  consumeFailed: (consumer, n, next) => `${consumer} failed to consume it (reconsumeTimes ${n}); next: ${next}`,
  again: (cause) => `; a duplicate for the group: ${duplicateCauseSaid(cause, 'en')}`,
  lost: (node, reason): string => {
    switch (reason) {
      case 'notFlushedNotReplicated': return `lost on ${node} with its page cache (not flushed, no slave copy)`;
      case 'truncatedByNewMaster': return `cut off ${node}'s CommitLog: back as a slave, its new master never had it`;
      case 'onewayNotDelivered': return `lost on the way to ${node} (ONEWAY: nobody answers)`;
      case 'onewayRefused': return `refused by ${node} (ONEWAY: the answer goes nowhere)`;
    }
  },
  storedBehind: (reader, queueOffset, readerOffset) => `never read by ${reader}: it took queueOffset ${queueOffset}, which ${reader} had already read past (its next pull offset was ${readerOffset}); the queue had been cut back`,
  neverRead: (readers) => `${readers.join(', ')} will never read this message: it was stored at a queue offset ${readers.length === 1 ? 'that group' : 'those groups'} had already read past (the queue had been cut back), and a consumer pulls on from its own next offset. Its producer got SEND_OK.`,
  retryStored: (topic, node) => `stored in ${topic} on ${node}`,
  latestMessages: (count, maxOffset) => `The latest ${count} of ${maxOffset} messages (ConsumeQueue → CommitLog), newest first. Choose one for its card.`,
  noMessages: 'No message in this queue yet.',
  open: 'open its card',
};

const zh: CardStrings = {
  title: (msgId) => `消息 ${msgId}`,
  message: '消息',
  queueTitle: (broker, queueId, topic) => `${topic} 在 ${broker} 上的队列 ${queueId}`,
  close: '关闭',
  followLife: '查看完整消息轨迹',
  notAMsgId: '这不是客户端 msgId（32 位十六进制）。',
  notYet: '此时这条消息还没有发送。',
  incomplete: '运行很长，搜索提前停止：之后的信息可能不全。',
  msgIdHeading: 'msgId 的各个字段（MessageClientIDSetter）',
  msgIdIntro: 'msgId 由生产者在发送前根据自己的地址和进程生成，不需要 Broker 参与就能保证唯一。',
  field: '字段', bytes: '字节', value: '值',
  clientIp: '客户端 IP', pid: '进程 id（低 16 位）', classLoader: '类加载器哈希', bornTime: '距本月开始的时间',
  bornTimeValue: (time) => `${time}（运行从某月的第一刻开始）`,
  counter: '计数器',
  offsetMsgIdHeading: 'offsetMsgId（MessageDecoder.createMessageId）',
  noOffsetMsgId: '尚未存储：Broker 存储这条消息后才有 offsetMsgId（由存储主机和 CommitLog 偏移量组成）。',
  storeHost: '存储主机', commitLogOffset: 'CommitLog 偏移量',
  whyBoth: '为什么有两个 id？msgId 是生产者给消息起的名字：发送前生成，重试和重新投递时都不变。offsetMsgId 是 Broker 上某个存储副本的地址：存储主机加上消息字节所在的 CommitLog 偏移量，查询时可以直接读取。',
  copyOf: (node, topic) => `${node}，${topic}`,
  messageHeading: '主题、标签和 key',
  topic: '主题', tags: '标签', tagsCode: 'ConsumeQueue 中的 tagsCode',
  tagsCodeNote: '每个 ConsumeQueue 单元保存标签的 String.hashCode()；Broker 按哈希值过滤标签订阅，客户端再按标签文本复核。',
  keys: 'Key', noKeys: '无', queue: '队列 id', notStoredYet: '（生产者选的；尚未存储）', queueOffset: '队列位点',
  indexHeading: '按 key 查找：Broker 的索引（IndexService）',
  indexIntro: '每个 key（以及 msgId）以 topic#key 的形式建立索引；abs(hashCode) % 5,000,000 选出哈希槽，槽再指向 CommitLog 偏移量。',
  indexKey: '索引 key', keyHash: 'keyHash',
  slot: (slot, position) => `槽 ${slot.toLocaleString('zh-CN')}（索引文件第 ${position.toLocaleString('zh-CN')} 字节）`,
  indexFinds: (offset, host) => `索引条目指向 ${host} 上 CommitLog 偏移量 ${offset.toLocaleString('zh-CN')}：就是这条消息。`,
  indexNotStored: '尚未存储，因此尚未建立索引。',
  sendsHeading: '发送尝试',
  attempt: (n) => `第 ${n} 次`,
  sentTo: (broker, queueId) => `发送到 ${broker} 的队列 ${queueId}`,
  failedBecause: (reason) => `失败：${reason}`,
  result: (status) => `结果：${status}`,
  consumeHeading: '消费、重试与死信',
  notConsumed: '尚未被消费。',
  neverConsumable: (read) => `无法消费：它所在队列的 id 大于或等于 readQueueNums（${read}），在调大 readQueueNums 之前不会分配给任何消费者。`,
  queueUnconsumable: (read) => `无法消费：这个队列的 id 大于或等于 readQueueNums（${read}），在调大 readQueueNums 之前不会分配给任何消费者，队列里的消息只能等待。`,
  consumedBy: (consumer, group, retry, slave) => `被 ${consumer}（${group}）消费${retry > 0 ? `，第 ${retry} 次重试` : ''}${slave ? `，从 Slave ${slave} 读取` : ''}`,
  consumeFailed: (consumer, n, next) => `${consumer} 消费失败（reconsumeTimes ${n}）；下一步：${next}`,
  again: (cause) => `；对该组是一次重复消费：${duplicateCauseSaid(cause, 'zh')}`,
  lost: (node, reason): string => {
    switch (reason) {
      case 'notFlushedNotReplicated': return `在 ${node} 上随 page cache 丢失（未刷盘，也没有 Slave 副本）`;
      case 'truncatedByNewMaster': return `被 ${node} 从 CommitLog 截掉：它作为 Slave 回来，新 Master 从未收到它`;
      case 'onewayNotDelivered': return `在发往 ${node} 的途中丢失（ONEWAY：没有应答）`;
      case 'onewayRefused': return `被 ${node} 拒绝（ONEWAY：应答无人接收）`;
    }
  },
  storedBehind: (reader, queueOffset, readerOffset) => `${reader} 永远读不到它：它占用了 queueOffset ${queueOffset}，而 ${reader} 已经读过这个位点（它的下一个拉取位点是 ${readerOffset}）；队列曾被回退`,
  neverRead: (readers) => `${readers.join('、')} 永远读不到这条消息：它被存到了${readers.length === 1 ? '该组' : '这些组'}已经读过的队列位点上（队列曾被回退），而消费者从自己的下一个位点继续拉取。它的生产者收到的是 SEND_OK。`,
  retryStored: (topic, node) => `存入 ${node} 的 ${topic}`,
  latestMessages: (count, maxOffset) => `共 ${maxOffset} 条消息中最新的 ${count} 条（ConsumeQueue → CommitLog），最新的在前。选择一条查看它的卡片。`,
  noMessages: '这个队列还没有消息。',
  open: '打开卡片',
};

export const CARD_STRINGS: Bilingual<CardStrings> = { en, zh };
