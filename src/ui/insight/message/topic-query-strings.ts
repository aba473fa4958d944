/**
 * The words of the Message tab's query by topic and time: the RocketMQ Dashboard's own column
 * names (Message ID, Tag, Message Key, StoreTime; its en.js and zh.js), RocketMQ's terms in Latin script.
 */
import { type Bilingual } from '../../i18n/index.ts';
import { UNIT_SPACE } from '../../../viz/format.ts';

export interface TopicQueryStrings {
  byTopic: string;
  topic: string;
  begin: string;
  end: string;
  timeHint: string;
  notATime: (field: string) => string;
  backwards: string;
  noTopic: string;
  caption: (topic: string, begin: string, end: string, total: number, shown: number) => string;
  unreadable: (count: number) => string;
  noRoute: string;
  columns: { msgId: string; tag: string; key: string; storeTime: string; operation: string };
  detail: string;
  exportCsv: string;
  searching: string;
  search: string;
}

const en: TopicQueryStrings = {
  byTopic: 'Topic and time',
  topic: 'Topic',
  begin: 'Begin',
  end: 'End',
  timeHint: 'Times as m:ss (the page\'s clock); by default the last 5 minutes before the playhead.',
  notATime: (field) => `${field} is not a time: write it as m:ss or m:ss.mmm, for example 1:30.`,
  backwards: 'The begin time is after the end time.',
  noTopic: 'This scenario has no topic to query.',
  caption: (topic, begin, end, total, shown) => `${topic}, stored ${begin} – ${end}: ${total} message${total === 1 ? '' : 's'}${total > shown ? `, the newest ${shown} shown` : ''}`,
  unreadable: (count) => `${count} more message${count === 1 ? ' was' : 's were'} stored in this range where the Dashboard cannot read: it pulls only the route's readable queues (queue ids below readQueueNums, perm with read, brokers up), as a consumer would.`,
  noRoute: 'No NameServer holds a route for this topic now, so the Dashboard finds no queue to read.',
  columns: { msgId: 'Message ID', tag: 'Tag', key: 'Message Key', storeTime: 'StoreTime', operation: 'Operation' },
  detail: 'Message Detail',
  exportCsv: 'Export as CSV',
  searching: 'Searching…',
  search: 'Search',
};

const zh: TopicQueryStrings = {
  byTopic: '主题和时间',
  topic: '主题',
  begin: '开始',
  end: '结束',
  timeHint: `时间写作 m:ss（页面的时钟）；默认是播放头之前的 5${UNIT_SPACE}分钟。`,
  notATime: (field) => `${field}不是时间：请写作 m:ss 或 m:ss.mmm，例如 1:30。`,
  backwards: '开始时间晚于结束时间。',
  noTopic: '这个场景没有可查询的主题。',
  caption: (topic, begin, end, total, shown) => `${topic}，存储于 ${begin} – ${end}：${total} 条消息${total > shown ? `，显示最新的 ${shown} 条` : ''}`,
  unreadable: (count) => `此时间段内另有 ${count} 条消息存放在控制台读不到的地方：它只拉取路由中可读的队列（队列 ID 小于 readQueueNums、perm 可读、Broker 在线），与消费者一样。`,
  noRoute: '此刻没有 NameServer 持有该主题的路由，所以控制台找不到可读的队列。',
  columns: { msgId: '消息ID', tag: '标签', key: '消息Key', storeTime: '存储时间', operation: '操作' },
  detail: '消息详情',
  exportCsv: '导出为 CSV',
  searching: '搜索中…',
  search: '搜索',
};

export const TOPIC_QUERY_STRINGS: Bilingual<TopicQueryStrings> = { en, zh };
