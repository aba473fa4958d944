/**
 * The words of the topology's legend, in English and Simplified Chinese. Only the legend reads
 * them, and it loads after the first paint, so they stay out of the page's first script.
 */
import { inLanguage, useWords, type Bilingual } from '../i18n/index.ts';
import type { Language } from '../../scenario/language.ts';
import type { DotKind } from './topology-geometry.ts';

interface TopologyLegendStrings {
  registered: string;
  notListed: string;
  chosenNameServer: string;
  canWrite: string;
  owner: string;
  queueReadable: string;
  queueNever: string;
  /** Shown only while a drained queue is drawn. */
  queueDrained: string;
  queueWritten: string;
  /** A cell's fill: its messages, the part the group furthest behind has not consumed drawn darker (TopologyQueues.tsx; its title gives the counts). */
  queueFill: string;
  /** A heat row's shade is its queues' lag (topology-heat.ts, HEAT_LAGS): what it means, then each shade's words. */
  queueHeat: string;
  queueLagLevels: readonly [string, string, string, string];
  /** A crowded drawing's dots (topology-streams.ts): a few per line, each for the events of a sixth of its flight. */
  dotStreams: string;
  /** Shown in this order; 'lost' only once a message has been lost. */
  dots: Record<DotKind, string>;
  /**
   * How long a dot stays after its event (viz/flight.ts: half a second of the viewer's time at the
   * speed, in virtual time `flightMs`): a dot still flying may be an event of seconds ago.
   */
  dotFlight: (flightMs: string) => string;
}

const en: TopologyLegendStrings = {
  registered: 'registered with the NameServer',
  notListed: 'not in the NameServer\'s brokerLiveTable',
  chosenNameServer: 'client → chosen NameServer',
  canWrite: 'producer can write',
  owner: 'queue → the consumer that owns it now',
  queueReadable: 'queue cell: solid = readable (id < readQueueNums)',
  queueNever: 'dashed, orange = not pulled (id ≥ readQueueNums)',
  queueDrained: 'dashed, green = drained (id ≥ readQueueNums): every group consumed it, nothing is written to it',
  queueWritten: 'blue top edge = producers write it (id < writeQueueNums)',
  queueFill: 'fill = messages; dark top = not yet consumed',
  queueHeat: 'queue row (many queues: one row per broker), shaded by lag, the messages the group furthest behind has yet to consume:',
  queueLagLevels: ['under 10', '10+', '100+', '1,000+'],
  dotStreams: 'many messages: a line carries at most 6 dots at once, each for every message on it in a sixth of its flight; the larger, the more (1 · 2–9 · 10–99 · 100+)',
  dots: {
    sent: 'message sent', stored: 'message stored', consumed: 'message consumed', registered: 'broker registration', route: 'route pull', heartbeat: 'client heartbeat',
    retried: 'send retried', failed: 'send failed', lost: 'message lost for good (message.lost)',
  },
  dotFlight: (flight) => `a dot flies for half a second of your time after its event (${flight} of the run at this speed): one arriving now may be an event up to ${flight} old, whose time the event log gives`,
};

const zh: TopologyLegendStrings = {
  registered: '已注册到 NameServer',
  notListed: '不在该 NameServer 的 brokerLiveTable 中',
  chosenNameServer: '客户端 → 选定的 NameServer',
  canWrite: '生产者可写入',
  owner: '队列 → 当前拥有它的消费者',
  queueReadable: '队列格：实线 = 可读（id < readQueueNums）',
  queueNever: '虚线、橙色 = 不会被拉取（id ≥ readQueueNums）',
  queueDrained: '虚线、绿色 = 已消费完（id ≥ readQueueNums）：每个消费者组都已消费，也不再有消息写入',
  queueWritten: '蓝色上边 = 生产者会写入（id < writeQueueNums）',
  queueFill: '填充 = 消息数；深色顶部 = 尚未消费',
  queueHeat: '队列行（队列很多时每个 Broker 一行），颜色表示堆积，即落后最多的消费者组尚未消费的消息数：',
  queueLagLevels: ['少于 10', '10+', '100+', '1,000+'],
  dotStreams: '消息很多时：每条连线上同时最多 6 个圆点，每个代表这条线上六分之一飞行时间内的所有消息；圆点越大，消息越多（1 · 2–9 · 10–99 · 100+）',
  dots: {
    sent: '发送消息', stored: '存储消息', consumed: '消费消息', registered: 'Broker 注册', route: '路由拉取', heartbeat: '客户端心跳',
    retried: '重试发送（第 2 次及以后）', failed: '发送失败', lost: '消息永久丢失（message.lost）',
  },
  dotFlight: (flight) => `圆点在事件发生后还要飞行半秒（现实时间；当前速度下相当于运行中的 ${flight}）：此刻到达的圆点可能是最多 ${flight}之前的事件，事件日志里有它的时间`,
};

const STRINGS: Bilingual<TopologyLegendStrings> = { en, zh };

/** Exported for its test, which finds the legend's words on the page. */
export function topologyLegendStrings(language: Language): TopologyLegendStrings {
  return inLanguage(STRINGS, language);
}

export function useTopologyLegendStrings(): TopologyLegendStrings {
  return useWords(STRINGS);
}
