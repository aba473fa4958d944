/** The event log's words, in English and Simplified Chinese (loaded with the log). */
import { type Bilingual } from '../i18n/index.ts';

export interface LogStrings {
  logTitle: string;
  filterType: string;
  allTypes: string;
  filterEntity: string;
  filterEntityPlaceholder: string;
  showing: (shown: number, matching: string) => string;
  /** While the search of the past for a filter is still going on. */
  showingSoFar: (shown: number, matching: string) => string;
  noEvents: string;
  searching: string;
  seekTo: (time: string) => string;
  /** Read with the log's one row in the Tab order: how to reach the others. */
  logKeys: string;
}

const en: LogStrings = {
  logTitle: 'Event log',
  filterType: 'Type',
  allTypes: 'All types',
  filterEntity: 'Entity',
  filterEntityPlaceholder: 'broker-a, p-1, TopicTest…',
  showing: (shown, matching) => `Latest ${shown} of ${matching} matching events, newest first.`,
  showingSoFar: (shown, matching) => `Latest ${shown} of at least ${matching} matching events, newest first (still searching…).`,
  noEvents: 'No event matches yet.',
  searching: 'Searching the trace…',
  seekTo: (time) => `Go to ${time}`,
  logKeys: 'Up and Down arrows move between events, Home and End to the newest and the oldest; Enter moves the playhead to the event.',
};

const zh: LogStrings = {
  logTitle: '事件日志',
  filterType: '类型',
  allTypes: '全部类型',
  filterEntity: '实体',
  filterEntityPlaceholder: 'broker-a、p-1、TopicTest…',
  showing: (shown, matching) => `匹配的 ${matching} 个事件中最近的 ${shown} 个，最新的在最上面。`,
  showingSoFar: (shown, matching) => `至少 ${matching} 个匹配的事件中最近的 ${shown} 个，最新的在最上面（仍在搜索…）。`,
  noEvents: '暂无匹配的事件。',
  searching: '正在搜索事件记录…',
  seekTo: (time) => `跳转到 ${time}`,
  logKeys: '上下方向键在事件之间移动，Home 和 End 到最新和最早的事件；Enter 把播放头移到该事件。',
};

export const LOG_STRINGS: Bilingual<LogStrings> = { en, zh };
