/** The charts' words, in English and Simplified Chinese (RocketMQ's terms stay in Latin script). */
import type { FaultMark } from '../../../sim/queries/series-over-time.ts';
import type { Language } from '../../../scenario/language.ts';
import { formatTime, UNIT_SPACE } from '../../../viz/format.ts';
import { actionSaid } from '../../i18n/action-strings.ts';
import type { ChartMetric } from './chart-metrics.ts';
import { inLanguage, type Bilingual } from '../../i18n/index.ts';

interface ChartsStrings {
  heading: string;
  intro: string;
  metric: Record<ChartMetric, string>;
  metricLabel: string;
  /** Under the lag per group: what RocketMQ's diffTotal counts, and where the rest is. */
  lagNote: string;
  groupLabel: string;
  timeAxis: string;
  unit: Record<'perSecond' | 'messages', string>;
  neverConsumable: string;
  failed: string;
  noData: string;
  readoutHint: string;
  readout(time: string): string;
  /** A red dashed rule's title: a fault, or an operator's command, said by actionSaid (or ruleAction). */
  ruleTitle(fault: boolean, action: string): string;
  /** An added client that starts later than it is added (the fault event's startsAt), and a removal that cancels a start not yet made (cancelsStartAt). */
  startsLater(target: string, time: string, action: string): string;
  startCancelled(target: string, time: string, action: string): string;
  /** The legend's entry for the red dashed rules: the timeline's faults and commands. */
  timelineRules: string;
  playhead: string;
  exportSvg: string;
  exportPng: string;
}

const en: ChartsStrings = {
  heading: 'Charts over time',
  intro: 'From 0:00 to the playhead, sampled every step; dashed red lines are faults, the grey line is the playhead.',
  metric: {
    produceTps: 'Produce TPS per broker', consumeTps: 'Messages consumed per second per broker', lagByGroup: 'Lag per consumer group (diffTotal)',
    lagByQueue: 'Lag per queue of one group (diff)', counters: 'Unconsumable and failed messages',
  },
  metricLabel: 'Chart',
  lagNote: `How far each group is behind in the queues its consumers read; messages in queues nobody reads are not here (see "Unconsumable and failed messages"). In detail: diffTotal as RocketMQ's consumer progress (and the Dashboard tab) reports it, the group's retry topic (%RETRY%<group>) included once the group has an offset there: over the readable queues only, each broker's max offset minus the offset the group committed there, which each pull and each 5${UNIT_SPACE}s round (persistConsumerOffsetInterval) bring up to what was consumed. Once a slave answers for a lost master, the offsets are the slave's: what it last copied from the master until the consumers commit to it (a jump), and possibly past the messages it holds (below 0). While no NameServer runs, or the one asked lists no broker yet, there is nobody to read the offsets from; while it lists a broker that does not answer (cut off by a partition), examineConsumeStats fails as a whole: the line has a gap.`,
  groupLabel: 'Group',
  timeAxis: 'Virtual time (s)',
  unit: { perSecond: 'Messages per second', messages: 'Messages' },
  neverConsumable: 'unconsumable',
  failed: 'send failed',
  noData: 'Nothing to plot yet: play or move the playhead forward.',
  readoutHint: 'Point at the chart, or focus it and use ← →, to read the values at one moment.',
  readout: (time) => `At ${time}:`,
  ruleTitle: (fault, action) => `${fault ? 'Fault' : 'Command'}: ${action}`,
  startsLater: (target, time, action) => `${target} is added, starts at ${time} (${action})`,
  startCancelled: (target, time, action) => `${target} is removed before it started: its start at ${time} is cancelled (${action})`,
  timelineRules: 'faults, commands',
  playhead: 'Playhead',
  exportSvg: 'SVG',
  exportPng: 'PNG',
};

const zh: ChartsStrings = {
  heading: '随时间变化的图表',
  intro: '从 0:00 到播放位置，按步长采样；红色虚线是故障，灰线是播放位置。',
  metric: {
    produceTps: '各 Broker 的生产 TPS', consumeTps: '各 Broker 每秒被消费的消息数', lagByGroup: '各消费者组的堆积量（diffTotal）',
    lagByQueue: '某个消费者组各队列的堆积量（diff）', counters: '无法消费与发送失败的消息',
  },
  metricLabel: '图表',
  lagNote: `各消费者组在其消费者读取的队列里落后多少；没有人读取的队列里的消息不在这里（见“无法消费与发送失败的消息”图表）。细节：diffTotal 与 RocketMQ 的消费进度（以及“控制台”标签页）一致：只统计可读队列（消费者组在重试主题（%RETRY%<消费者组>）上有位点后也包括它），即各 Broker 上的最大位点减去该组在那里已提交的位点；每次拉取和每 5${UNIT_SPACE}秒一次的定时提交（persistConsumerOffsetInterval）都会把它更新到已消费到的位点。Master 丢失后由 Slave 应答时，位点是 Slave 上的：在消费者向它提交之前，是它上次从 Master 同步来的（会跳升）；之后可能超过它持有的消息（低于 0）。没有 NameServer 运行，或它还没有列出任何 Broker 时，无处读取位点；它列出的某个 Broker 不应答时（被网络分区隔离），examineConsumeStats 会整体失败：曲线在这些时刻中断。`,
  groupLabel: '消费者组',
  timeAxis: '虚拟时间（秒）',
  unit: { perSecond: '消息数/秒', messages: '消息数' },
  neverConsumable: '无法消费',
  failed: '发送失败',
  noData: '还没有可画的数据：请播放或把播放位置向后移动。',
  readoutHint: '把指针移到图上，或聚焦图表后用 ← → 键，读出某一时刻的数值。',
  readout: (time) => `${time} 时：`,
  ruleTitle: (fault, action) => `${fault ? '故障' : '运维命令'}：${action}`,
  startsLater: (target, time, action) => `${target} 已添加，${time} 启动（${action}）`,
  startCancelled: (target, time, action) => `${target} 在启动之前被移除，${time} 的启动被取消（${action}）`,
  timelineRules: '故障、运维命令',
  playhead: '播放位置',
  exportSvg: 'SVG',
  exportPng: 'PNG',
};

export const CHARTS_STRINGS: Bilingual<ChartsStrings> = { en, zh };

/**
 * What a rule's action says: an added client is added at the rule and starts at its startsAt, a
 * removal before a client's start cancels that start (timeline.ts); any other action as actionSaid says it.
 */
export function ruleAction(fault: FaultMark, language: Language): string {
  const strings = inLanguage(CHARTS_STRINGS, language);
  if (fault.startsAt !== undefined) return strings.startsLater(fault.target, formatTime(fault.startsAt), fault.action);
  if (fault.cancelsStartAt !== undefined) return strings.startCancelled(fault.target, formatTime(fault.cancelsStartAt), fault.action);
  return actionSaid(fault.action, fault.target, language);
}
