/**
 * The Message tab's words in English and Simplified Chinese: the lookup form, the stored copies'
 * columns (the Dashboard's message detail) and one sentence per step of a message's life.
 */
import type { LifeEvent } from '../../../sim/queries/message-life.ts';
import { type Bilingual } from '../../i18n/index.ts';
import { drawnNode, type BrokerNodeNames } from '../../broker-node-names.ts';
import { duplicateCauseSaid } from '../../panels/cause-strings.ts';

export interface MessageStrings {
  heading: string;
  intro: string;
  by: Record<'msgId' | 'offsetMsgId' | 'key', string>;
  lookupBy: string;
  value: string;
  /** What to type: a key the run's first message carries (`<keyPrefix>-0`), or where an id can be copied from. */
  example: { key: (key: string) => string; id: string };
  topic: string;
  anyTopic: string;
  search: string;
  notAnId: string;
  notFound: string;
  incomplete: string;
  searching: string;
  foundCaption: (count: number) => string;
  columns: { msgId: string; topic: string; tags: string; keys: string; broker: string; queue: string; queueOffset: string; commitLogOffset: string; storeTime: string; reconsumeTimes: string; delayLevel: string };
  follow: string;
  lifeCaption: (msgId: string) => string;
  stepHint: string;
  /** A step after the playhead (seen before the playhead moved back). */
  later: string;
  /** A step of the message's life; a broker is named by its node as the canvas draws it (`names`). */
  step: (event: LifeEvent, names: BrokerNodeNames) => string;
  /** The message sits where no consumer is given it: its queue id at or above readQueueNums, or the topic's perm without R. */
  unreadable: (where: UnreadableQueue) => string;
}

/** Where a stored message no consumer is given sits, and why (src/ui/insight/message/MessageTab.tsx). */
export type UnreadableQueue =
  | { cause: 'aboveRead'; broker: string; topic: string; queueId: number; readQueueNums: number }
  | { cause: 'notReadable'; broker: string; topic: string; perm: string };

/** Where a stored copy sits: a retry, a delayed message or a dead letter go to RocketMQ's system topics. */
function placeEn(topic: string): string {
  if (topic.startsWith('%RETRY%')) return `retry topic ${topic}`;
  if (topic.startsWith('%DLQ%')) return `dead-letter topic ${topic}`;
  if (topic === 'SCHEDULE_TOPIC_XXXX') return 'SCHEDULE_TOPIC_XXXX (waiting for its delay level)';
  return topic;
}

function placeZh(topic: string): string {
  if (topic.startsWith('%RETRY%')) return `重试主题 ${topic}`;
  if (topic.startsWith('%DLQ%')) return `死信队列 ${topic}`;
  if (topic === 'SCHEDULE_TOPIC_XXXX') return 'SCHEDULE_TOPIC_XXXX（等待延迟级别到期）';
  return topic;
}

const en: MessageStrings = {
  heading: 'Message trace',
  intro: 'Find messages as RocketMQ does: by topic and store time (as the Dashboard lists them), by msgId, by offsetMsgId, or by key through every broker\'s index. Each step of a message\'s life moves the playhead to its moment.',
  by: { msgId: 'Message ID (msgId)', offsetMsgId: 'offsetMsgId', key: 'Key' },
  lookupBy: 'Find by',
  value: 'Value',
  example: { key: (key) => `e.g. ${key}`, id: '32 hex digits, e.g. from the event log' },
  topic: 'Topic',
  anyTopic: 'every topic',
  search: 'Search',
  notAnId: 'Not an id: RocketMQ ids are 32 hexadecimal digits.',
  notFound: 'No message found by the playhead\'s time.',
  incomplete: 'The run is very long: steps after the first 400,000 trace events are not shown.',
  searching: 'Searching…',
  foundCaption: (count) => `Messages found (${count})`,
  columns: { msgId: 'Message ID', topic: 'Topic', tags: 'Tag', keys: 'Key', broker: 'Broker', queue: 'Queue', queueOffset: 'Queue offset', commitLogOffset: 'CommitLog offset', storeTime: 'Store time', reconsumeTimes: 'Reconsume times', delayLevel: 'Delay level' },
  follow: 'Follow',
  lifeCaption: (msgId) => `The life of ${msgId}`,
  stepHint: 'Click a step to move the playhead there.',
  later: 'after the playhead',
  step: (e, names) => {
    switch (e.type) {
      case 'message.sent': return `${e.producer} sends it to ${e.broker} queue ${e.queueId} of ${e.topic} (attempt ${e.attempt})`;
      case 'send.failed': return `attempt ${e.attempt} to ${e.broker} queue ${e.queueId} fails: ${e.reason}`;
      case 'send.result': return `${e.producer} gets SendResult ${e.status}`;
      case 'message.stored': return e.brokerId === 0
        ? `${drawnNode(names, 'en', e, 0)} stores it in ${placeEn(e.topic)} queue ${e.queueId}, queue offset ${e.queueOffset}, CommitLog offset ${e.commitLogOffset}`
        : `slave ${drawnNode(names, 'en', e, e.brokerId)} holds the copy (HA replication), CommitLog offset ${e.commitLogOffset}`;
      case 'message.lost': return e.reason === 'onewayNotDelivered' ? `it is lost on the way to ${e.broker} (ONEWAY: nobody answers, and no broker stored it)`
        : e.reason === 'onewayRefused' ? `${drawnNode(names, 'en', e, e.brokerId)} refuses it (ONEWAY: the answer goes nowhere, and nothing was stored)`
          : `${drawnNode(names, 'en', e, e.brokerId, e.reason === 'truncatedByNewMaster')} loses it: ${e.reason}`;
      case 'message.storedBehind': return `it took queue offset ${e.queueOffset}, which ${e.reader} had already read past (its next pull offset is ${e.readerOffset}): ${e.reader} never reads it`;
      case 'message.filtered': return `${e.group} passes over it (${e.by === 'broker' ? 'filtered by the broker' : 'filtered by the client'}: tags ${e.tags})`;
      case 'message.consumed': return `${e.consumer} (${e.group}) consumes it from ${e.broker} queue ${e.queueId}${e.brokerId === 0 ? '' : `, read from the slave ${drawnNode(names, 'en', e, e.brokerId)}`}${e.reconsumeTimes > 0 ? `, reconsumeTimes ${e.reconsumeTimes}` : ''}`;
      case 'message.consumedAgain': return `a duplicate for ${e.group}: ${duplicateCauseSaid(e.cause, 'en')}`;
      case 'consume.failed': return `${e.consumer} (${e.group}) fails to consume it (reconsumeTimes ${e.reconsumeTimes}): ${e.next === 'retry' ? 'sent back to the retry topic' : e.next === 'dlq' ? 'sent to the dead-letter topic' : e.next === 'reread' ? 'its queue was dropped meanwhile: not sent back, its next owner reads it again' : 'dropped'}`;
    }
  },
  unreadable: (where) => (where.cause === 'aboveRead'
    ? `Queue ${where.queueId} ≥ readQueueNums ${where.readQueueNums} (${where.topic} on ${where.broker}): no consumer is given this queue until readQueueNums is raised, so this message is Not consumable.`
    : `${where.topic} on ${where.broker} has perm ${where.perm}, without R: no consumer pulls its queues until R is given back, so this message is Not consumable.`),
};

const zh: MessageStrings = {
  heading: '消息轨迹',
  intro: '像 RocketMQ 一样查找消息：按主题和存储时间（与控制台的列表一样）、按 msgId、按 offsetMsgId，或按 Key 查询每个 Broker 的索引。点击消息轨迹的任一步骤，播放头移到那一刻。',
  by: { msgId: '消息 ID（msgId）', offsetMsgId: 'offsetMsgId', key: 'Key' },
  lookupBy: '查找方式',
  value: '值',
  example: { key: (key) => `例如 ${key}`, id: '32 位十六进制，例如从事件日志复制' },
  topic: '主题',
  anyTopic: '所有主题',
  search: '搜索',
  notAnId: '不是有效的 ID：RocketMQ 的 ID 是 32 位十六进制数。',
  notFound: '到播放头时刻为止没有找到消息。',
  incomplete: '运行时间很长：前 400,000 个轨迹事件之后的步骤未显示。',
  searching: '搜索中…',
  foundCaption: (count) => `找到的消息（${count}）`,
  columns: { msgId: '消息 ID', topic: '主题', tags: '标签', keys: 'Key', broker: 'Broker', queue: '队列', queueOffset: '位点', commitLogOffset: 'CommitLog 偏移量', storeTime: '存储时间', reconsumeTimes: '重新消费次数', delayLevel: '延迟级别' },
  follow: '追踪',
  lifeCaption: (msgId) => `${msgId} 的轨迹`,
  stepHint: '点击步骤，播放头移到那一刻。',
  later: '在播放头之后',
  step: (e, names) => {
    switch (e.type) {
      case 'message.sent': return `${e.producer} 把它发送到 ${e.broker} 的 ${e.topic} 队列 ${e.queueId}（第 ${e.attempt} 次尝试）`;
      case 'send.failed': return `第 ${e.attempt} 次发送到 ${e.broker} 队列 ${e.queueId} 失败：${e.reason}`;
      case 'send.result': return `${e.producer} 收到 SendResult ${e.status}`;
      case 'message.stored': return e.brokerId === 0
        ? `${drawnNode(names, 'zh', e, 0)} 把它存入 ${placeZh(e.topic)} 队列 ${e.queueId}，位点 ${e.queueOffset}，CommitLog 偏移量 ${e.commitLogOffset}`
        : `Slave ${drawnNode(names, 'zh', e, e.brokerId)} 保存了副本（主从复制），CommitLog 偏移量 ${e.commitLogOffset}`;
      case 'message.lost': return e.reason === 'onewayNotDelivered' ? `它在发往 ${e.broker} 的途中丢失（ONEWAY：没有应答，也没有 Broker 存储它）`
        : e.reason === 'onewayRefused' ? `${drawnNode(names, 'zh', e, e.brokerId)} 拒绝了它（ONEWAY：应答无人接收，也没有存储）`
          : `${drawnNode(names, 'zh', e, e.brokerId, e.reason === 'truncatedByNewMaster')} 丢失了它：${e.reason}`;
      case 'message.storedBehind': return `它占用了位点 ${e.queueOffset}，而 ${e.reader} 已经读过这个位点（它的下一个拉取位点是 ${e.readerOffset}）：${e.reader} 永远读不到它`;
      case 'message.filtered': return `${e.group} 跳过了它（${e.by === 'broker' ? '被 Broker 过滤' : '被客户端过滤'}：标签 ${e.tags}）`;
      case 'message.consumed': return `${e.consumer}（${e.group}）从 ${e.broker} 队列 ${e.queueId} 消费了它${e.brokerId === 0 ? '' : `（读自 Slave ${drawnNode(names, 'zh', e, e.brokerId)}）`}${e.reconsumeTimes > 0 ? `，reconsumeTimes ${e.reconsumeTimes}` : ''}`;
      case 'message.consumedAgain': return `对 ${e.group} 而言是一次重复消费：${duplicateCauseSaid(e.cause, 'zh')}`;
      case 'consume.failed': return `${e.consumer}（${e.group}）消费失败（reconsumeTimes ${e.reconsumeTimes}）：${e.next === 'retry' ? '发回重试主题' : e.next === 'dlq' ? '进入死信队列' : e.next === 'reread' ? '其间队列已被移走：不发回，由队列的新主人再次读取' : '被丢弃'}`;
    }
  },
  unreadable: (where) => (where.cause === 'aboveRead'
    ? `队列 ${where.queueId} ≥ readQueueNums ${where.readQueueNums}（${where.broker} 上的 ${where.topic}）：在调大 readQueueNums 之前不会分配给任何消费者，这条消息无法消费。`
    : `${where.broker} 上的 ${where.topic} 的 perm 是 ${where.perm}，没有 R：在恢复 R 之前没有消费者拉取它的队列，这条消息无法消费。`),
};

export const MESSAGE_STRINGS: Bilingual<MessageStrings> = { en, zh };
