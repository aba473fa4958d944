/**
 * What each summary counter means, in English and Simplified Chinese: the counters' tooltips and
 * the paragraph under an opened counter. Loaded after the first paint (use-summary-hints.ts), so
 * the page's first script carries only the counters' names (strings.ts).
 */
import type { Language } from '../../scenario/language.ts';
import { type Bilingual, inLanguage } from '../i18n/index.ts';
import type { Metric } from './summary-metrics.ts';

const en: Record<Metric, string> = {
  sent: 'messages the producers sent (each send() call), counted once however many attempts it took, or none: a send with no queue to write to fails before any attempt (No route info of this topic)',
  sendAttempts: 'SEND_MESSAGE requests: a message retried twice is three attempts',
  stored: 'messages written to a broker\'s CommitLog',
  consumed: 'messages consumed, each counted once per consumer group (once per consumer in a BROADCASTING group, where every consumer reads every message): two groups on one topic count each message twice',
  neverConsumable: 'messages in queues no consumer may pull now (id at or above readQueueNums, or no R in perm) that no group consumed or pulled: no consumer is given them until readQueueNums is raised (or the perm gets R back)',
  lagging: 'stored in readable queues beyond each group\'s offset there: the offset of the consumer holding the queue, else the one committed on the broker. A queue no consumer holds (its broker gone from the routes) counts what was consumed but never committed: its next owner consumes it again. A group\'s retry queue (%RETRY%<group>) counts too, as mqadmin consumerProgress counts it',
  delayed: 'stored in SCHEDULE_TOPIC_XXXX, waiting for their delay level before the broker writes them to their topic: delayed messages, and retries of failed consumption (level 3 + reconsumeTimes) before they reach %RETRY%<group>',
  deadLettered: 'messages whose listener failed them maxReconsumeTimes + 1 times (17 by default): the broker wrote them to %DLQ%<group>, which no consumer reads; counted once per group',
  dropped: 'consumptions a BROADCASTING consumer\'s listener failed: RocketMQ drops them, with no retry and no dead letter (ConsumeMessageConcurrentlyService); each consumer counts its own',
  duplicates: 'deliveries of a message its group had already consumed: at-least-once delivery, expected after a rebalance or a crash',
  failed: 'messages whose send() failed: after every retry, or with no attempt at all when the route offered no queue to write to',
  failedAttempts: 'send attempts that failed, retried or not',
  lost: 'messages no broker holds any more (message.lost in the log): ONEWAY sends no broker stored, which nobody answers, and stored copies a power loss or a new master\'s truncation took before any other replica had them. A group that had pulled one before it was lost consumed it; a group that had not read it yet, a group that starts later or an offset reset never sees it',
  storedBehind: 'messages stored at a queue offset a consumer group had already read past, which it never reads (message.storedBehind in the log): a power loss (only what was flushed survives) or a new master\'s truncation cut the queue back, the next messages took its offsets again, and the group pulls on from its own next offset. Each was answered SEND_OK; nobody is told. Counted once per group (per consumer in BROADCASTING), unless the group consumes it after all',
  filteredOut: 'messages a consumer group never consumes because its members subscribe differently: one member passed over a message another member wants (message.filtered in the log), counted once per group; a pass-over of a message the group consumed all the same (its queue changed owner) is in the log, not in this count',
};

const zh: Record<Metric, string> = {
  sent: '生产者发送的消息（每次 send() 调用），无论尝试几次，每条只计一次；没有可写队列时一次也不尝试就失败（No route info of this topic）',
  sendAttempts: 'SEND_MESSAGE 请求数：一条重试两次的消息计三次尝试',
  stored: '写入 Broker CommitLog 的消息',
  consumed: '已消费的消息，每个消费者组计一次（BROADCASTING 组里每个消费者都读全部消息，按消费者计）：两个消费者组订阅同一个主题时，每条消息计两次',
  neverConsumable: '现在没有消费者能拉取的队列（id ≥ readQueueNums，或 perm 没有 R）中、尚未被任何消费者组消费或拉取的消息：直到调大 readQueueNums（或 perm 恢复 R），才会有消费者分到它们',
  lagging: '可读队列中超出各消费者组位点的消息：位点取持有该队列的消费者的，否则取 Broker 上已提交的。没有消费者持有的队列（其 Broker 已从路由中消失）会把已消费、但位点没来得及提交的消息也算进来：下一个持有者会再消费一次。消费者组的重试主题（%RETRY%<消费者组>）也计入，和 mqadmin consumerProgress 的统计一样',
  delayed: '存在 SCHEDULE_TOPIC_XXXX 中、等待延迟级别到期后才由 Broker 写入其主题的消息：延迟消息，以及消费失败后的重试（级别 3 + reconsumeTimes），之后进入重试主题（%RETRY%<消费者组>）',
  deadLettered: '监听器处理失败 maxReconsumeTimes + 1 次（默认 17 次）的消息：Broker 把它写入死信队列（%DLQ%<消费者组>），没有消费者会读取它；每个消费者组计一次',
  dropped: '广播消费者的监听器处理失败的消息：RocketMQ 直接丢弃，不重试，也不进死信队列（ConsumeMessageConcurrentlyService）；每个消费者各自计数',
  duplicates: '消费者组再次收到已消费过的消息：至少一次（at-least-once）投递，在负载均衡或崩溃之后属于正常现象',
  failed: 'send() 失败的消息：用尽所有重试后仍失败，或路由里没有可写队列、一次也没尝试',
  failedAttempts: '失败的发送尝试，无论之后是否重试成功',
  lost: '已没有任何 Broker 持有的消息（见事件日志中的 message.lost）：没有 Broker 存储的 ONEWAY 发送（它们没有应答），以及在其他副本拥有之前，被断电或新 Master 截断带走的已存储副本。在丢失前已拉取它的消费者组照常消费了它；还没读到它的消费者组、之后启动的消费者组或重置位点后都再也读不到它',
  storedBehind: '被存到消费者组位点已越过的位置上、因此该组永远读不到的消息（见事件日志中的 message.storedBehind）：断电（只有已刷盘的部分保留下来）或新 Master 的截断让队列回退，之后的消息重新占用了这些位点，而消费者组从自己的下一个位点继续拉取。这些消息都得到了 SEND_OK，却没有任何人得到通知。每个消费者组计一次（BROADCASTING 按消费者计），之后仍被该组消费的不计入',
  filteredOut: '因组内成员订阅不一致而永远不会被该消费者组消费的消息：一个成员跳过了另一个成员需要的消息（见事件日志中的 message.filtered），每个消费者组只计一次；被跳过、但因队列换了所有者而仍被该组消费的消息只出现在日志中，不计入此数',
};

const HINTS: Bilingual<Record<Metric, string>> = { en, zh };

export function summaryHints(language: Language): Record<Metric, string> {
  return inLanguage(HINTS, language);
}
