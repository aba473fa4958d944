/**
 * What the counters' causes say, in English and Simplified Chinese: each duplicate,
 * unconsumable message, failed message, failed send attempt and lost message names what
 * caused it (loaded with CauseList).
 */
import type { DuplicateCause, MessageLostReason, NotOkStatus, SendFailedCause } from '../../sim/index.ts';
import type { NeverConsumableCause } from '../../sim/summary.ts';
import type { Language } from '../../scenario/language.ts';
import { formatCount, UNIT_SPACE } from '../../viz/format.ts';
import { type Bilingual, inLanguage } from '../i18n/index.ts';

export interface CauseStrings {
  causesOf: (label: string) => string;
  noCauses: string;
  duplicate: Record<DuplicateCause, string>;
  neverConsumable: Record<NeverConsumableCause, string>;
  failed: Record<SendFailedCause, string>;
  /** A failed attempt's reason: a RocketMQ ResponseCode or a failure of the channel, in words with its name as the log shows it. */
  failedAttempt: (reason: string) => string;
  lost: Record<MessageLostReason, string>;
  /** Under Sent: the sends answered with another status than SEND_OK, titled, each status in words (CommitLog's answers: handleHA, handleDiskFlush). */
  notOkTitle: string;
  allSendOk: string;
  notOk: Record<NotOkStatus, string>;
  /**
   * Under the lost causes when a stored message was lost: how many of them some group consumed
   * (before the loss, or after it from what it had pulled), and what the loss means either way.
   */
  storedLostNote: (consumed: number, stored: number) => string;
}

const ATTEMPT_EN: Record<string, string> = {
  connectRefused: 'the broker process was down: connection refused',
  connectTimeout: 'the broker\'s host did not answer the connect within connectTimeoutMillis',
  timeout: 'no answer within sendMsgTimeout',
  channelClosed: 'the channel closed while the request was out: a call on it timed out, or the broker process stopped (a crash or a shutdown)',
  brokerNotExist: 'the route names a broker with no master address',
};

const ATTEMPT_ZH: Record<string, string> = {
  connectRefused: 'Broker 进程已宕机：连接被拒绝',
  connectTimeout: 'Broker 所在主机在 connectTimeoutMillis 内没有响应连接',
  timeout: '在 sendMsgTimeout 内没有收到应答',
  channelClosed: '请求发出后连接被关闭：连接上的某次调用超时，或 Broker 进程停止（崩溃或关闭）',
  brokerNotExist: '路由中的 Broker 没有 Master 地址',
};

const en: CauseStrings = {
  causesOf: (label) => `What caused them (${label})`,
  noCauses: 'Nothing to explain yet.',
  duplicate: {
    rebalance: 'redelivered after a rebalance moved the queue before its offset was committed',
    crash: 'its first consumer crashed or hung before its offset reached the broker (with its next pull, or the persistConsumerOffsetInterval round)',
    shutdown: 'its first consumer shut down before the offset commit reached the broker',
    pulledAgain: 'the same consumer pulled it again: its queue was dropped and taken back',
    retry: 'a retry (%RETRY%) of a message that had already been consumed',
    storedTwice: 'stored twice: the producer retried a send that had been stored but whose answer it did not get (a timeout, a closed connection), so the same msgId sits in two places (two offsetMsgIds)',
    brokerFault: `its broker's master crashed, lost power, was cut off or shut down before the consumer's offset reached it, or before the broker wrote it to consumerOffset.json (every flushConsumerOffsetInterval, 5${UNIT_SPACE}s): the queue was read again from the older offset the broker (or its slave) held`,
  },
  neverConsumable: {
    writtenAboveRead: 'written to a queue id at or above readQueueNums (writeQueueNums > readQueueNums)',
    readShrunk: 'left in a queue when readQueueNums shrank below it before it was drained',
    notReadable: 'the topic\'s perm has no R (read forbidden)',
  },
  failed: {
    noNameServer: 'no attempt: the producer has no NameServer address (namesrvAddr), so send() threw "No name server address, please set it."',
    noRoute: 'no attempt: the route offered no queue to write to (no master holds one), so send() threw "No route info of this topic"',
    routeTimeout: 'no attempt: waiting for the route took the whole sendMsgTimeout',
    attemptsFailed: 'every attempt failed (see Failed attempts for why)',
    shutdown: 'the producer shut down with the send still open',
  },
  failedAttempt: (reason) => (ATTEMPT_EN[reason] ? `${ATTEMPT_EN[reason]} (${reason})` : `the broker answered ${reason}`),
  lost: {
    notFlushedNotReplicated: 'a power loss took it from the broker\'s page cache: not flushed to disk yet (ASYNC_FLUSH), and no slave had it',
    truncatedByNewMaster: 'its old master came back as a slave of a newer master and cut it off its CommitLog, and no other replica had it',
    onewayNotDelivered: 'a ONEWAY send the network swallowed on its way to the broker (nobody answers a ONEWAY send)',
    onewayRefused: 'a ONEWAY send the broker refused: its answer goes nowhere',
  },
  notOkTitle: 'Stored, but not SEND_OK',
  allSendOk: 'Every answer so far was SEND_OK (a send that failed is under Failed messages).',
  notOk: {
    SLAVE_NOT_AVAILABLE: 'SLAVE_NOT_AVAILABLE: stored on the master only, no slave in sync to copy it to (4.x SYNC_MASTER); the producer does not resend it (retryAnotherBrokerWhenNotStoreOK is false)',
    FLUSH_SLAVE_TIMEOUT: 'FLUSH_SLAVE_TIMEOUT: stored on the master, the slave did not confirm it within slaveTimeout; not resent',
    FLUSH_DISK_TIMEOUT: 'FLUSH_DISK_TIMEOUT: stored, not flushed to disk within syncFlushTimeout (SYNC_FLUSH); not resent',
  },
  storedLostNote: (consumed, stored) => {
    const lost = `${formatCount(stored)} stored message${stored === 1 ? '' : 's'} lost`;
    if (consumed === 0) return `No group has consumed the ${lost} yet, and no broker has ${stored === 1 ? 'it' : 'them'} any more: only a consumer that had pulled one before the loss still consumes it, until that broker, back, answers its pulls with PULL_OFFSET_MOVED and it drops what it had not consumed.`;
    const which = consumed < stored ? `${formatCount(consumed)} of the ${lost} ${consumed === 1 ? 'was' : 'were'}`
      : stored === 1 ? 'The stored message lost was' : `All ${formatCount(stored)} stored messages lost were`;
    const never = stored - consumed;
    const rest = never === 0 ? '' : ` The other ${formatCount(never)} ${never === 1 ? 'was' : 'were'} never consumed.`;
    return `${which} consumed by a group, before the loss or after it from what a consumer had pulled (a message's card says by whom).${rest} That consumption stands, but no broker has them any more: a group that had not read them, a group that starts later or an offset reset never gets them.`;
  },
};

const zh: CauseStrings = {
  causesOf: (label) => `原因（${label}）`,
  noCauses: '暂时没有需要解释的。',
  duplicate: {
    rebalance: '负载均衡把队列交给了别的消费者，而消费位点尚未提交，于是再次投递',
    crash: '最初消费它的消费者在位点到达 Broker（随下一次拉取，或 persistConsumerOffsetInterval 的定时提交）之前崩溃或卡死',
    shutdown: '最初消费它的消费者在位点提交到 Broker 之前关闭',
    pulledAgain: '同一个消费者再次拉取：它的队列被移除后又被分配回来',
    retry: '已经消费成功的消息的重试副本（%RETRY%）',
    storedTwice: '被存储了两次：发送其实已经存储，但生产者没有收到应答（超时、连接被关闭）而重试，于是同一个 msgId 存在两处（两个 offsetMsgId）',
    brokerFault: `消费位点到达 Broker 之前，或 Broker 把它写入 consumerOffset.json（每 flushConsumerOffsetInterval 一次，5${UNIT_SPACE}秒）之前，它的 Master 崩溃、断电、被网络隔离或关闭：队列从 Broker（或它的 Slave）保存的旧位点重新读取`,
  },
  neverConsumable: {
    writtenAboveRead: '写入了 id ≥ readQueueNums 的队列（writeQueueNums > readQueueNums）',
    readShrunk: 'readQueueNums 缩小时，队列中还没消费完的消息被遗留',
    notReadable: '主题的 perm 没有 R（禁止读）',
  },
  failed: {
    noNameServer: '一次也没尝试：生产者没有任何 NameServer 地址（namesrvAddr），send() 抛出 "No name server address, please set it."',
    noRoute: '一次也没尝试：路由里没有可写的队列（没有 Master 持有可写队列），send() 抛出 "No route info of this topic"',
    routeTimeout: '一次也没尝试：等待路由用完了整个 sendMsgTimeout',
    attemptsFailed: '每次发送尝试都失败了（原因见“失败尝试”）',
    shutdown: '发送还没结束，生产者就关闭了',
  },
  failedAttempt: (reason) => (ATTEMPT_ZH[reason] ? `${ATTEMPT_ZH[reason]}（${reason}）` : `Broker 返回 ${reason}`),
  lost: {
    notFlushedNotReplicated: '断电带走了 Broker 页缓存中的它：尚未刷盘（ASYNC_FLUSH），也没有 Slave 拥有副本',
    truncatedByNewMaster: '它的旧 Master 作为新 Master 的 Slave 回来，把它从 CommitLog 中截掉了，且没有其他副本拥有它',
    onewayNotDelivered: '单向发送在去往 Broker 的途中被网络吞掉（单向发送没有应答）',
    onewayRefused: '单向发送被 Broker 拒绝：它的应答无人接收',
  },
  notOkTitle: '已存储，但不是 SEND_OK',
  allSendOk: '到目前为止每个应答都是 SEND_OK（发送失败的见“失败消息”）。',
  notOk: {
    SLAVE_NOT_AVAILABLE: 'SLAVE_NOT_AVAILABLE：只存在 Master 上，没有同步中的 Slave 可以复制（4.x 的 SYNC_MASTER）；生产者不会重发（retryAnotherBrokerWhenNotStoreOK 为 false）',
    FLUSH_SLAVE_TIMEOUT: 'FLUSH_SLAVE_TIMEOUT：已存在 Master 上，Slave 没有在 slaveTimeout 内确认；不会重发',
    FLUSH_DISK_TIMEOUT: 'FLUSH_DISK_TIMEOUT：已存储，但没有在 syncFlushTimeout 内刷盘（SYNC_FLUSH）；不会重发',
  },
  storedLostNote: (consumed, stored) => consumed === 0
    ? `丢失的 ${formatCount(stored)} 条已存储消息都还没有被任何消费者组消费，也已没有 Broker 拥有它们：只有在丢失前已拉取到它们的消费者还会消费，直到该 Broker 恢复后对它的拉取应答 PULL_OFFSET_MOVED，它丢弃尚未消费的那些。`
    : `丢失的 ${formatCount(stored)} 条已存储消息中，${consumed === stored ? '全部' : `${formatCount(consumed)} 条`}已被消费者组消费：在丢失之前，或在丢失之后从消费者已拉取的消息中消费（消息卡片会列出被谁消费）${consumed === stored ? '' : `，另外 ${formatCount(stored - consumed)} 条从未被消费`}。那次消费依然有效，但已没有 Broker 拥有这些消息：还没读到它们的消费者组、之后启动的消费者组或重置位点后都再也拿不到。`,
};

export const CAUSE_STRINGS: Bilingual<CauseStrings> = { en, zh };

/** What brought a message back to a reader (message.consumedAgain), as the Duplicates list says it. */
export function duplicateCauseSaid(cause: DuplicateCause, language: Language): string {
  return inLanguage(CAUSE_STRINGS, language).duplicate[cause];
}
